//! The server's own pages, in Thai: not found, forbidden, method not allowed and internal
//! error. They carry the live-reload script like site pages, so a page missing because a
//! build failed still shows the error and reloads when the build is fixed.

use super::inject;

/// A small page in the site's style (the stylesheet may be missing before a first build).
pub fn page(title: &str, message: &str) -> Vec<u8> {
    let html = format!(
        "<!doctype html>\n<html lang=\"th\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"/static/css/site.css\">\n</head>\n\
         <body>\n<main class=\"wrap\" id=\"main\">\n<h1>{title}</h1>\n<p>{message}</p>\n\
         <p><a href=\"/\">กลับหน้าแรก</a></p>\n</main>\n</body>\n</html>\n"
    );
    inject::inject(html.into_bytes())
}

pub fn not_found() -> Vec<u8> {
    page(
        "ไม่พบหน้านี้ (404)",
        "ไม่มีหน้าหรือไฟล์ตามที่อยู่นี้ในเว็บไซต์ หากเพิ่งแก้ไฟล์ เว็บไซต์อาจกำลังสร้างใหม่ หรือสร้างไม่สำเร็จ: ดูข้อความแจ้งด้านล่าง",
    )
}

pub fn forbidden() -> Vec<u8> {
    page("ไม่อนุญาต (403)", "ที่อยู่นี้ชี้ออกนอกโฟลเดอร์ของเว็บไซต์ จึงไม่เปิดให้")
}

pub fn method_not_allowed() -> Vec<u8> {
    page(
        "ใช้วิธีนี้ไม่ได้ (405)",
        "เซิร์ฟเวอร์ดูตัวอย่างตอบเฉพาะคำขอ GET และ HEAD",
    )
}

pub fn too_long() -> Vec<u8> {
    page(
        "ที่อยู่ยาวเกินไป (414)",
        "ที่อยู่ของหน้านี้ยาวเกินกว่าที่เซิร์ฟเวอร์ดูตัวอย่างรับได้",
    )
}

pub fn internal_error() -> Vec<u8> {
    page(
        "เกิดข้อผิดพลาดภายใน (500)",
        "เซิร์ฟเวอร์ตอบคำขอนี้ไม่ได้ แต่ยังทำงานอยู่: ลองโหลดหน้าใหม่",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_thai_and_carry_the_script() {
        for bytes in [
            not_found(),
            forbidden(),
            method_not_allowed(),
            too_long(),
            internal_error(),
        ] {
            let html = String::from_utf8(bytes).unwrap();
            assert!(html.contains("lang=\"th\""));
            assert!(html.contains("/__planbook/reload.js"));
            assert!(html.find("/__planbook/reload.js") < html.find("</body>"));
        }
    }
}
