//! The PDF's document information: Title, Author (the office) and Subject, set after
//! printing (Chromium writes only the Title, from `<title>`). Texts are PDF text strings in
//! UTF-16BE with a byte-order mark, so Thai survives.

use lopdf::{Dictionary, Document, Object, StringFormat};

/// What the document information says.
pub struct Metadata<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub subject: &'a str,
}

/// `pdf` with its document information set to `metadata`.
pub fn with_metadata(pdf: &[u8], metadata: &Metadata) -> Result<Vec<u8>, lopdf::Error> {
    let mut document = Document::load_mem(pdf)?;
    let existing = document
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .ok();
    let info = match existing {
        Some(id) => id,
        None => {
            let id = document.add_object(Dictionary::new());
            document.trailer.set("Info", Object::Reference(id));
            id
        }
    };
    let dictionary = document.get_object_mut(info)?.as_dict_mut()?;
    dictionary.set("Title", text_string(metadata.title));
    dictionary.set("Author", text_string(metadata.author));
    dictionary.set("Subject", text_string(metadata.subject));
    let mut out = Vec::with_capacity(pdf.len() + 512);
    document.save_to(&mut out)?;
    Ok(out)
}

/// A PDF text string: UTF-16BE after a byte-order mark.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::content::Content;
    use lopdf::dictionary;

    /// A one-page PDF made with lopdf itself, without document information.
    fn blank_pdf() -> Vec<u8> {
        let mut document = Document::with_version("1.7");
        let pages = document.new_object_id();
        let content = document.add_object(lopdf::Stream::new(
            dictionary! {},
            Content { operations: vec![] }.encode().expect("encodes"),
        ));
        let page = document.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages,
            "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        document.objects.insert(
            pages,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => vec![page.into()],
                "Count" => 1,
            }),
        );
        let catalog = document.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        document.trailer.set("Root", catalog);
        let mut out = Vec::new();
        document.save_to(&mut out).expect("saves");
        out
    }

    #[test]
    fn thai_metadata_is_written_and_read_back() {
        let pdf = with_metadata(
            &blank_pdf(),
            &Metadata {
                title: "แผนปฏิบัติงาน",
                author: "สำนักงานสหกรณ์จังหวัดสมุทรปราการ",
                subject: "กิจกรรมหลัก (2566)",
            },
        )
        .expect("metadata set");
        let document = Document::load_mem(&pdf).expect("reads back");
        let info = document
            .trailer
            .get(b"Info")
            .and_then(Object::as_reference)
            .and_then(|id| document.get_dictionary(id))
            .expect("an Info dictionary");
        let read = |key: &[u8]| {
            let Ok(Object::String(bytes, _)) = info.get(key) else {
                panic!("no {key:?}");
            };
            let units: Vec<u16> = bytes[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            assert_eq!(&bytes[..2], &[0xFE, 0xFF]);
            String::from_utf16(&units).expect("UTF-16")
        };
        assert_eq!(read(b"Title"), "แผนปฏิบัติงาน");
        assert_eq!(read(b"Author"), "สำนักงานสหกรณ์จังหวัดสมุทรปราการ");
        assert_eq!(read(b"Subject"), "กิจกรรมหลัก (2566)");
    }
}
