//! The four example documents, printed by `planbook pdf` (the DevTools protocol, one browser
//! for all): the seed plan carries the whole seed document, corrected, in order, on A4 pages
//! with Sarabun embedded; in every document no line ends inside a listed Thai word, the
//! signature page carries the last approval term, no budget item is parted from its details,
//! an `at_most` KPI reads ไม่เกิน, digits follow `thai_digits: official`, no browser header or
//! footer is printed and the PDF carries title, author (the office) and subject (checked
//! with poppler's pdfinfo, pdffonts and pdftotext).
//!
//! Skips with a notice when Chromium or poppler-utils are missing, unless `CI` is set.

use planbook::build::check;
use planbook::model::{Direction, Plan};
use planbook::thai::thai_digits;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const SEED_PDF: &str = "2566-samut-prakan-debt-relief.pdf";

/// The seed document (`../seed/000_d7c443422a0c938f.txt`), corrected as seed-notes.md says,
/// section by section in the seed's order. Digits are written as in the seed, which the
/// example (`thai_digits: official`) reproduces: Thai on the cover's year and the dates. Each section is a list
/// of chains: phrases within a chain must appear in order; every chain of a section starts
/// after the previous section. The main table has two chains because the seed's extraction
/// interleaves its side-by-side task and budget columns differently from any layout.
const SEED: &[&[&[&str]]] = &[
    // Cover
    &[&[
        "แผนปฏิบัติงานและงบประมาณรายจ่าย",
        "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖",
        "แผนงานยุทธศาสตร์เพื่อสนับสนุนด้านการสร้างโอกาสและความเสมอภาคทางสังคม",
        "โครงการแก้ไขปัญหาหนี้สินและพัฒนาคุณภาพชีวิตสมาชิกสหกรณ์/กลุ่มเกษตรกรด้วยระบบสหกรณ์",
        "กิจกรรมหลักแก้ไขปัญหาหนี้สินและพัฒนาคุณภาพชีวิตสมาชิกสหกรณ์/กลุ่มเกษตรกรด้วยระบบสหกรณ์",
        "สำนักงานสหกรณ์จังหวัดสมุทรปราการ",
        "หน่วยงานจัดทำแผนปฏิบัติงานฯ : กองแผนงาน",
        "หน่วยงานรับผิดชอบแผนปฏิบัติงานฯ : สำนักงานสหกรณ์จังหวัดสมุทรปราการ",
    ]],
    // National strategy and KPIs
    &[&[
        "แผนปฏิบัติงานและงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2566",
        "ยุทธศาสตร์ชาติด้านการสร้างโอกาสและความเสมอภาคทางสังคม",
        "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ ประเด็นเศรษฐกิจฐานราก",
        "แผนแม่บทย่อย : การสร้างสภาพแวดล้อมและกลไกที่ส่งเสริมการพัฒนาเศรษฐกิจฐานราก",
        "ตัวชี้วัด ปี 2566",
        "แผนแม่บทย่อย : การเสริมสร้างทุนทางสังคม",
        "ดัชนีชี้วัดทุนทางสังคม เพิ่มขึ้น ร้อยละ 10",
        "ตัวชี้วัดระดับกิจกรรมหลัก",
        "เป้าหมาย",
        "1 สหกรณ์และกลุ่มเกษตรกรที่มีหนี้ค้าง (NPL) ได้รับการส่งเสริมให้มีการบริหารจัดการสินเชื่อที่มีประสิทธิภาพ 1 แห่ง",
        "2 สมาชิกสหกรณ์และกลุ่มเกษตรกรผู้เข้าร่วมโครงการมีภาระหนี้ค้างลดลงเฉลี่ย ร้อยละ 10",
    ]],
    // Header rows of the main table
    &[&[
        "แผนงานยุทธศาสตร์ เพื่อสนับสนุนด้านการสร้างโอกาสและความเสมอภาคทางสังคม",
        "โครงการ แก้ไขปัญหาหนี้สินและพัฒนาคุณภาพชีวิตสมาชิกสหกรณ์/กลุ่มเกษตรกรด้วยระบบสหกรณ์",
        "กิจกรรมหลัก แก้ไขปัญหาหนี้สินและพัฒนาคุณภาพชีวิตสมาชิกสหกรณ์/กลุ่มเกษตรกรด้วยระบบสหกรณ์",
        "วัตถุประสงค์",
        "1 เพื่อส่งเสริมสหกรณ์และกลุ่มเกษตรกรมีการบริหารจัดการสินเชื่อที่มีประสิทธิภาพ",
        "2 เพื่อส่งเสริมให้สมาชิกสหกรณ์และกลุ่มเกษตรกรมีความสามารถในการบริหารจัดการหนี้ของตนเอง",
        "3 เพื่อเสริมสร้างรายได้ให้แก่สมาชิก โดยผ่านกลไกการให้บริการของสหกรณ์หรือกลุ่มเกษตรกร",
    ]],
    // Column headings of the main table
    &[
        &[
            "ส่วนราชการ : กรมส่งเสริมสหกรณ์ กระทรวงเกษตรและสหกรณ์",
            "ปริมาณงาน",
            "หน่วยงานรับผิดชอบ : สำนักงานสหกรณ์จังหวัดสมุทรปราการ",
            "งานเลขที่",
            "กปน.13",
            "หน่วยนับ",
            "เป้าหมาย",
            "งบประมาณ ประเภทรายจ่าย/รายการ",
            "จำนวนเงิน (บาท)",
        ],
        &["งานที่ดำเนินการ"],
    ],
    // The main table: tasks on the left, the budget tree on the right
    &[
        &[
            "1. คัดเลือกสหกรณ์ภาคการเกษตร/กลุ่มเกษตรกรเข้าร่วมโครงการ แห่ง 1",
            "2. จัดประชุมเชิงปฏิบัติการเพื่อการบริหารคุณภาพหนี้อย่างยั่งยืนในสหกรณ์/กลุ่มเกษตรกรเป้าหมาย ครั้ง 1",
            "3. ให้คำปรึกษา แนะนำสหกรณ์/กลุ่มเกษตรกรเป้าหมายจัดเก็บข้อมูลหนี้ของสมาชิก วิเคราะห์ศักยภาพและความสามารถในการชำระหนี้ จำแนกกลุ่มลูกหนี้และจัดทำแผนบริหารจัดการหนี้ตามศักยภาพของสมาชิกแต่ละกลุ่มลูกหนี้ แห่ง 1",
            "4. สนับสนุนให้สหกรณ์/กลุ่มเกษตรกรเป็นกลไกในการให้บริการกับสมาชิก เช่น ธุรกิจสินเชื่อ ธุรกิจจัดหาสินค้ามาจำหน่าย ธุรกิจรวบรวมและแปรรูป แห่ง 1",
            "5. บูรณาการหน่วยงานที่เกี่ยวข้องเพื่อสนับสนุนด้านการฟื้นฟูและพัฒนาอาชีพให้สมาชิกสหกรณ์/กลุ่มเกษตรกรรวมทั้งสนับสนุนช่องทางตลาด (ออนไลน์/ออฟไลน์) ที่เหมาะสม แห่ง 1",
            "6. ติดตาม แนะนำ และรายงานผลการขับเคลื่อนแผนบริหารจัดการหนี้ของสหกรณ์/กลุ่มเกษตรกรเป้าหมาย ครั้ง 4",
            "7. สรุปและประเมินผลโครงการ แห่ง 1",
        ],
        &[
            "รวมทั้งสิ้น",
            "หกพันสามร้อยบาทถ้วน",
            "6,300",
            "1. งบดำเนินงาน",
            "6,300",
            "1.1 ค่าตอบแทน ใช้สอยและวัสดุ",
            "6,300",
            "(1) ค่าใช้สอยและวัสดุสำหรับเจ้าหน้าที่ที่รับผิดชอบในการดำเนินกิจกรรมของโครงการฯ ให้เกิดผลสำเร็จตามจำนวนกลุ่มเป้าหมายที่รับผิดชอบ (ถัวจ่าย)",
            "1,200",
            "(2) ค่าใช้จ่ายในการสัมมนาและฝึกอบรม (ถัวจ่ายได้ภายในการจัดอบรม)",
            "5,100",
            "1. ประชุมเชิงปฏิบัติการเพื่อการบริหารคุณภาพหนี้อย่างยั่งยืนในสหกรณ์/กลุ่มเกษตรกรเป้าหมาย",
        ],
    ],
    // Conditions
    &[&[
        "เงื่อนไขสำคัญ (โปรดทำความเข้าใจก่อนปฏิบัติงานและใช้จ่ายงบประมาณ)",
        "1. เมื่อหน่วยงานได้รับแผนปฏิบัติงานและงบประมาณรายจ่ายประจำปีฉบับนี้แล้ว ให้จัดทำแผนการปฏิบัติงาน (Action Plan) และแผนการใช้จ่ายงบประมาณที่สอดคล้องกับภารกิจ/กิจกรรมที่ดำเนินการ เพื่อให้สามารถบรรลุตามวัตถุประสงค์ เป้าหมายและตัวชี้วัดที่กำหนดไว้",
        "2. ปฏิบัติงานให้สอดคล้องกับแนวทางการปฏิบัติงาน/คู่มือการปฏิบัติงาน/หนังสือสั่งการ และรูปแบบ/วิธีการรายงานผลตามเงื่อนไขที่กอง/สำนักกำหนด เพื่อให้กิจกรรม/โครงการบรรลุตามตัวชี้วัดและวัตถุประสงค์ โดยต้องสอดคล้องกับรายละเอียดและการขับเคลื่อนงาน/โครงการตามแผนระดับ 3 ของกรม พร้อมรายงานผลการดำเนินงาน/โครงการ และการใช้จ่ายงบประมาณตามเงื่อนไขและรูปแบบการรายงานผลที่กอง/สำนักกำหนด",
        "3. เมื่อหน่วยงานได้รับโอนจัดสรรเงินประจำงวดแล้ว ให้วางแผนการใช้จ่ายงบประมาณให้สอดคล้องกับระยะเวลาและงานที่หน่วยงานจะต้องดำเนินการในบริบทของแต่ละพื้นที่ โดยให้มีผลสัมฤทธิ์ตามที่ปรากฏในหน้าแผนปฏิบัติงาน รวมทั้งเบิกจ่ายให้เป็นไปตามแผนงาน ผลผลิตและกิจกรรมหลัก",
        "4. เมื่อหน่วยงานได้รับแผนปฏิบัติงานและงบประมาณรายจ่ายประจำปีงบประมาณแล้ว การอนุมัติเบิกจ่ายงบประมาณจะขึ้นอยู่กับอำนาจหัวหน้าส่วนราชการในการบริหารงบประมาณ ตามระเบียบว่าด้วยการบริหารงบประมาณ พ.ศ. 2562 หลักเกณฑ์ว่าด้วยการใช้งบประมาณรายจ่าย การโอนจัดสรรหรือการเปลี่ยนแปลงเงินจัดสรร พ.ศ. 2562 หลักเกณฑ์การจัดสรรและการบริหารงบประมาณรายจ่ายประจำปีของกรมส่งเสริมสหกรณ์ และระเบียบอื่นที่เกี่ยวข้อง โดยให้เป็นไปด้วยความโปร่งใส คำนึงถึงประโยชน์ที่ได้รับ ผลสัมฤทธิ์ และประสิทธิภาพในการดำเนินการ",
        "5. กรณีที่โครงการมีการจัดฝึกอบรม ให้หน่วยงานประเมินผลการฝึกอบรม และรายงานต่อหัวหน้าส่วนราชการอนุมัติจัดการฝึกอบรมภายใน 60 วัน นับตั้งแต่วันสิ้นสุดการฝึกอบรมตามระเบียบกระทรวงการคลังว่าด้วยค่าใช้จ่ายในการฝึกอบรม การจัดงานและการประชุมระหว่างประเทศ พ.ศ. 2549 (แก้ไขเพิ่มเติมถึงฉบับที่ 3 พ.ศ. 2555) ข้อ 23 พร้อมทั้งสำเนาผลการฝึกอบรมให้สำนักพัฒนาและถ่ายทอดเทคโนโลยีการสหกรณ์และกองพัฒนาสหกรณ์ภาคการเกษตรและกลุ่มเกษตรกรทราบด้วย",
    ]],
    // Approval
    &[&[
        "ผลการพิจารณาอนุมัติ",
        "แผนปฏิบัติงานและงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2566",
        "แผนงานยุทธศาสตร์เพื่อสนับสนุนด้านการสร้างโอกาสและความเสมอภาคทางสังคม",
        "1. อนุมัติและให้ถือใช้แผนปฏิบัติงานฉบับนี้ นับจากวันที่หัวหน้าส่วนราชการลงนามอนุมัติในท้ายแผนปฏิบัติงานและงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2566 กำหนดเป็นวันเริ่มต้นการบังคับใช้กฎหมายโดยต้องวางแผนการปฏิบัติงานและแผนการใช้จ่ายงบประมาณที่ได้รับอนุมัติเงินประจำงวดเป็นสำคัญ แต่ต้องเบิกจ่าย ไม่น้อยกว่าร้อยละ 100 ของงบประมาณที่ได้รับทั้งหมดเมื่อสิ้นปีงบประมาณ",
        "2. หน่วยงานที่ได้รับงบประมาณเป็นงบดำเนินงาน รายการค่าตอบแทน ใช้สอยและวัสดุ และค่าใช้จ่ายในการสัมมนาและฝึกอบรม ขอให้เร่งรัดเบิกจ่ายงบประมาณ ให้เป็นไปตามแผนงาน ผลผลิต/โครงการกิจกรรมหลัก กิจกรรมรอง และกิจกรรม/งานที่ดำเนินการของแผนปฏิบัติงาน และสอดคล้องกับงบประมาณที่ได้รับ",
        "3. ห้ามมิให้ก่อหนี้ผูกพันงบประมาณทุกรายการโดยเด็ดขาดจนกว่าจะได้รับอนุมัติเงินประจำงวด มิฉะนั้น ผู้ก่อหนี้ผูกพันอาจต้องรับผิดชอบเฉพาะตน ยกเว้นรายการที่จำเป็นเร่งด่วนหรือต้องดำเนินการมิฉะนั้นจะเกิดความเสียหายต่อทางราชการ แต่ต้องเป็นไปตามระเบียบหรือหนังสือราชการที่เกี่ยวข้องให้ดำเนินการได้ด้วย",
        "4. หน่วยงานจะต้องรับผิดชอบปฏิบัติงานให้ได้ตามเป้าหมายและบรรลุตัวชี้วัดที่กำหนดไว้ เนื่องจากเป็นระบบงบประมาณแบบมุ่งเน้นผลงานตามยุทธศาสตร์ (Strategic Performance based budgeting : SPBB)",
    ]],
    // Signatures
    &[&[
        "ผู้เสนอ",
        "(นายอาทิตย์ สุกเหลือ)",
        "ผู้อำนวยการกองแผนงาน",
        "วันที่ ๒๙ ก.ย. ๒๕๖๕",
        "ผู้อนุมัติ",
        "(นายวิศิษฐ์ ศรีสุวรรณ)",
        "อธิบดีกรมส่งเสริมสหกรณ์",
        "วันที่ ๒๙ ก.ย. ๒๕๖๕",
    ]],
    // Annexes the conditions require (the example's action plan and spending plan)
    &[&[
        "ภาคผนวก 1 แผนการปฏิบัติงาน (Action Plan)",
        "ต.ค. 65",
        "ก.ย. 66",
        "ภาคผนวก 2 แผนการใช้จ่ายงบประมาณ",
        "ตุลาคม 2565",
        "กันยายน 2566 100 6,300 100.00",
    ]],
];

/// The extraction errors of seed-notes.md, none of which may appear (compared without spaces).
const EXTRACTION_ERRORS: &[&str] = &[
    "แก้ไขปัญหานี้สิน",
    "หนี้้",
    "ตัวจ่าย",
    "การกิจ/กิจกรรม",
    "ก่อกวนผู้กักเงิน",
    "ผู้ก่อกวน",
    "รายงานผลการการ",
    "10 ร้อยละ",
];

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn chromium() -> PathBuf {
    crate::common::find_chromium().unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// True when every tool is present; otherwise skips (or fails on CI) with a notice.
fn tools_present() -> bool {
    let mut missing = Vec::new();
    if !chromium().is_file() {
        missing.push(chromium().display().to_string());
    }
    for tool in ["pdfinfo", "pdffonts", "pdftotext"] {
        let found = Command::new(tool)
            .arg("-v")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok();
        if !found {
            missing.push(tool.to_string());
        }
    }
    if missing.is_empty() {
        return true;
    }
    let notice = format!(
        "document_pdf: skipped, missing {} (install chromium and poppler-utils)",
        missing.join(", ")
    );
    crate::common::skip(&notice);
    false
}

fn run(command: &mut Command) -> String {
    let output = command.output().expect("the tool runs");
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// Every page is A4, portrait (595 x 842 pt) or landscape (842 x 595 pt).
fn assert_a4(pdf: &Path) {
    let info = run(Command::new("pdfinfo").arg(pdf));
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports the page count");
    assert!(pages >= 4, "only {pages} pages");
    let sizes = run(Command::new("pdfinfo")
        .args(["-f", "1", "-l", &pages.to_string()])
        .arg(pdf));
    let mut landscape = 0;
    for line in sizes
        .lines()
        .filter(|l| l.starts_with("Page ") && l.contains(" size:"))
    {
        let numbers: Vec<&str> = line
            .split_whitespace()
            .filter(|w| w.chars().all(|c| c.is_ascii_digit() || c == '.'))
            .collect();
        // "Page    3 size: 841.92 x 594.96 pts (A4)": page number, width, height.
        let [_, width, height] = numbers[..] else {
            panic!("unexpected pdfinfo line: {line}");
        };
        let (w, h) = (width.split('.').next(), height.split('.').next());
        match (w, h) {
            (Some("594" | "595"), Some("841" | "842")) => {}
            (Some("841" | "842"), Some("594" | "595")) => landscape += 1,
            _ => panic!("not an A4 page: {line}"),
        }
    }
    assert!(landscape >= 1, "the main table prints landscape");
}

/// Sarabun regular and bold are embedded, and no other font (a fallback would mean a glyph
/// Sarabun lacks, or tofu).
fn assert_sarabun_embedded(pdf: &Path) {
    let fonts = run(Command::new("pdffonts").arg(pdf));
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts: {fonts}");
    for row in &rows {
        let cells: Vec<&str> = row.split_whitespace().collect();
        assert!(row.contains("Sarabun"), "a font other than Sarabun: {row}");
        // name type... encoding emb sub uni object generation
        assert_eq!(cells[cells.len() - 5], "yes", "not embedded: {row}");
    }
    for face in ["Sarabun-Regular", "Sarabun-Bold"] {
        assert!(fonts.contains(face), "{face} missing: {fonts}");
    }
}

/// The seed's phrases in the PDF's text, in order, none of the extraction errors, and no
/// stray glyphs (a mark painted apart from its letter shows as a zero-width word).
fn assert_seed_text(pdf: &Path) {
    // -raw keeps the content stream's order: the page's reading order, cell by cell.
    let raw = run(Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-"));
    // SARA AM may come out decomposed (NIKHAHIT + SARA AA).
    let text = squeeze(&raw).replace("\u{0E4D}\u{0E32}", "\u{0E33}");
    let mut section_start = 0;
    for (s, section) in SEED.iter().enumerate() {
        let mut section_end = section_start;
        for chain in section.iter() {
            let mut at = section_start;
            for phrase in chain.iter() {
                let wanted = squeeze(phrase);
                match text[at..].find(&wanted) {
                    Some(found) => at += found + wanted.len(),
                    None => {
                        let anywhere = text.contains(&wanted);
                        panic!(
                            "section {s}: «{phrase}» {} after byte {at}",
                            if anywhere {
                                "is out of order"
                            } else {
                                "is missing"
                            }
                        );
                    }
                }
            }
            section_end = section_end.max(at);
        }
        section_start = section_end;
    }
    for error in EXTRACTION_ERRORS {
        for form in [squeeze(error), squeeze(&thai_digits(error))] {
            assert!(!text.contains(&form), "extraction error «{error}» printed");
        }
    }
    let bbox = run(Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-"));
    for word in bbox.lines().filter(|l| l.contains("<word ")) {
        let attr = |name: &str| {
            word.split(&format!("{name}=\""))
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .map(str::to_owned)
        };
        assert_ne!(attr("xMin"), attr("xMax"), "stray glyph: {word}");
    }
}

/// The words the issue saw split at line ends, none of which may be split again.
const WHOLE_WORDS: &[&str] = &[
    "ส่งเสริม",
    "เป้าหมาย",
    "งบประมาณ",
    "ฝึกอบรม",
    "เสมอภาค",
    "ไม่น้อยกว่า",
    "รับผิดชอบ",
    "มิฉะนั้น",
    "ขับเคลื่อน",
    "ออฟไลน์",
    "ความสามารถ",
    "ใช้จ่าย",
];

/// The PDF's text page by page, each page's text squeezed of whitespace.
fn pages(pdf: &Path) -> Vec<String> {
    let text = run(Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-"));
    text.split('\u{c}')
        .map(|page| squeeze(page).replace("\u{0E4D}\u{0E32}", "\u{0E33}"))
        .collect()
}

/// The PDF's lines as the layout has them: per block (a paragraph, a table cell), its
/// lines' words joined without spaces.
fn blocks(pdf: &Path) -> Vec<Vec<String>> {
    let xml = run(Command::new("pdftotext")
        .arg("-bbox-layout")
        .arg(pdf)
        .arg("-"));
    let mut blocks = Vec::new();
    for block in xml.split("<block ").skip(1) {
        let lines = block
            .split("<line ")
            .skip(1)
            .map(|line| {
                line.split("<word ")
                    .skip(1)
                    .filter_map(|w| w.split_once('>').and_then(|(_, r)| r.split_once("</word>")))
                    .map(|(word, _)| word.replace("&amp;", "&"))
                    .collect::<String>()
            })
            .collect::<Vec<_>>();
        blocks.push(lines);
    }
    blocks
}

/// Each place where a line ends inside one of `words` (or `พ.ศ.` ends a line and a number
/// starts the next): `(line, next line)`.
fn split_words(blocks: &[Vec<String>], words: &[&str]) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for lines in blocks {
        for pair in lines.windows(2) {
            let (line, next) = (&pair[0], &pair[1]);
            let inside = words.iter().any(|word| {
                word.char_indices()
                    .skip(1)
                    .any(|(at, _)| line.ends_with(&word[..at]) && next.starts_with(&word[at..]))
            });
            let era = line.ends_with("พ.ศ.")
                && next.starts_with(|c: char| c.is_ascii_digit() || ('๐'..='๙').contains(&c));
            if inside || era {
                found.push((line.clone(), next.clone()));
            }
        }
    }
    found
}

#[test]
fn the_split_word_check_finds_splits() {
    let lines = |a: &str, b: &str| vec![vec![a.to_string(), b.to_string()]];
    assert_eq!(
        split_words(&lines("การส่ง", "เสริมสหกรณ์"), WHOLE_WORDS).len(),
        1
    );
    assert_eq!(
        split_words(&lines("ระเบียบพ.ศ.", "2562"), WHOLE_WORDS).len(),
        1
    );
    assert!(split_words(&lines("การส่งเสริม", "สหกรณ์"), WHOLE_WORDS).is_empty());
}

fn pdf_info(pdf: &Path) -> String {
    run(Command::new("pdfinfo").args(["-enc", "UTF-8"]).arg(pdf))
}

fn info_field(info: &str, field: &str) -> String {
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{field}:")))
        .map(|v| v.trim().to_string())
        .unwrap_or_default()
}

/// Asserts what the issue asks of one printed plan.
fn assert_holds_together(plan: &Plan, pdf: &Path) {
    let id = plan.id.to_string();
    // Metadata: title, the office as author, the activity as subject.
    let info = pdf_info(pdf);
    assert!(
        info_field(&info, "Title")
            .starts_with("แผนปฏิบัติงานและงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2566"),
        "{id}: {info}"
    );
    assert_eq!(info_field(&info, "Author"), &*plan.office_name, "{id}");
    assert_eq!(info_field(&info, "Subject"), &*plan.activity, "{id}");

    let pages = pages(pdf);
    let all = pages.concat();
    // No browser header or footer: no address, no date and time, no `1/11`.
    assert!(!all.contains("file:"), "{id}: the page's address printed");
    let bbox = run(Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-"));
    for word in bbox.split("<word ").skip(1) {
        let text = word
            .split_once('>')
            .and_then(|(_, r)| r.split_once("</word>"));
        let Some((text, _)) = text else { continue };
        let fraction = text.split_once('/').is_some_and(|(a, b)| {
            !a.is_empty() && !b.is_empty() && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit())
        });
        assert!(
            !fraction && text != "AM" && text != "PM",
            "{id}: header or footer «{text}»"
        );
    }

    // No line ends inside a listed word, nor between พ.ศ. and its year.
    let splits = split_words(&blocks(pdf), WHOLE_WORDS);
    assert!(
        splits.is_empty(),
        "{id}: words split at line ends: {splits:?}"
    );

    // The signature page carries the last approval term.
    if let (Some(term), Some(signer)) = (plan.approval_terms.last(), &plan.sign_off.approver) {
        let name = squeeze(&signer.name);
        let page = pages
            .iter()
            .find(|p| p.contains(&name))
            .unwrap_or_else(|| panic!("{id}: no page names the approver"));
        let opening: String = squeeze(term).chars().take(20).collect();
        assert!(
            page.contains(&opening),
            "{id}: the signatures stand without «{opening}»"
        );
    }

    // A budget item and its details print on one page.
    for node in &plan.budget.nodes {
        for detail in &node.details {
            let item: String = squeeze(&node.name).chars().take(16).collect();
            let detail: String = squeeze(detail).chars().take(16).collect();
            assert!(
                pages
                    .iter()
                    .any(|p| p.contains(&item) && p.contains(&detail)),
                "{id}: «{item}» parted from its detail «{detail}»"
            );
        }
    }

    // An at_most KPI reads ไม่เกิน N หน่วย.
    for kpi in plan
        .kpis
        .iter()
        .filter(|k| k.direction == Direction::AtMost)
    {
        let wanted = squeeze(&format!("ไม่เกิน {} {}", kpi.target.normalize(), kpi.unit));
        assert!(all.contains(&wanted), "{id}: «{wanted}» missing");
    }

    // thai_digits: official: the cover's year and page numbers and the signature dates in
    // Thai digits, every other digit Arabic.
    let thai_digit = |c: char| ('๐'..='๙').contains(&c);
    assert!(
        pages[0].contains("ประจำปีงบประมาณพ.ศ.๒๕๖๖"),
        "{id}: cover year"
    );
    assert!(all.contains("พ.ศ.2566"), "{id}: body year in Arabic digits");
    for (number, page) in pages.iter().enumerate().skip(1) {
        if page.is_empty() {
            continue;
        }
        let mut rest = page.clone();
        let page_number = format!("-{}-", thai_digits(&(number + 1).to_string()));
        assert!(
            rest.contains(&page_number),
            "{id}: page number {page_number}"
        );
        rest = rest.replace(&page_number, "");
        for signer in [&plan.sign_off.proposer, &plan.sign_off.approver]
            .into_iter()
            .flatten()
        {
            if let Some(date) = signer.date {
                rest = rest.replace(&squeeze(&planbook::thai::date_short(date, true)), "");
            }
        }
        assert!(
            !rest.chars().any(thai_digit),
            "{id}: Thai digits in the body of page {}: {rest}",
            number + 1
        );
    }
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn example_documents_print_as_the_official_document() {
    if !tools_present() {
        return;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let content = repo.join("content");
    let checked = check(&content).expect("the example content folder exists");
    let out = tempfile::tempdir().expect("a temporary folder");
    let output = Command::new(env!("CARGO_BIN_EXE_planbook"))
        .arg("pdf")
        .args(checked.content.plans.iter().map(|p| p.id.to_string()))
        .arg("--content")
        .arg(&content)
        .arg("-o")
        .arg(out.path())
        .env("PLANBOOK_BROWSER", chromium())
        .output()
        .expect("planbook runs");
    assert!(
        output.status.success(),
        "planbook pdf failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(checked.content.plans.len(), 4);
    for plan in &checked.content.plans {
        let pdf = out.path().join(format!(
            "{}-{}-{}.pdf",
            plan.id.fiscal_year, plan.id.office, plan.id.activity
        ));
        assert!(pdf.is_file(), "{} missing", pdf.display());
        assert_a4(&pdf);
        assert_sarabun_embedded(&pdf);
        assert_holds_together(plan, &pdf);
    }
    let seed = out.path().join(SEED_PDF);
    assert_seed_text(&seed);
}

#[test]
fn without_a_browser_pdf_says_what_to_install() {
    let out = tempfile::tempdir().expect("a temporary folder");
    let output = Command::new(env!("CARGO_BIN_EXE_planbook"))
        .args(["pdf", "2566/samut-prakan/debt-relief", "--content"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
        .arg("-o")
        .arg(out.path())
        .env("PLANBOOK_BROWSER", out.path().join("no-such-browser"))
        .output()
        .expect("planbook runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("PLANBOOK_BROWSER") && stderr.contains("Chromium"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_dir(out.path()).map(|d| d.count()).ok(),
        Some(0)
    );
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn build_with_pdf_links_each_plans_pdf() {
    if !tools_present() {
        return;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let content = repo.join("content");
    let checked = check(&content).expect("the example content folder exists");
    let work = tempfile::tempdir().expect("a temporary folder");
    let site = work.path().join("site");
    let output = Command::new(env!("CARGO_BIN_EXE_planbook"))
        .args(["build", "--pdf", "--content"])
        .arg(&content)
        .arg("--output")
        .arg(&site)
        .env("PLANBOOK_BROWSER", chromium())
        .output()
        .expect("planbook runs");
    assert!(
        output.status.success(),
        "planbook build --pdf failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    for plan in &checked.content.plans {
        let folder = site.join(format!(
            "{}/plans/{}/{}",
            plan.id.fiscal_year, plan.id.office, plan.id.activity
        ));
        let pdf = folder.join("plan.pdf");
        let info = pdf_info(&pdf);
        assert_eq!(
            info_field(&info, "Author"),
            &*plan.office_name,
            "{}",
            plan.id
        );
        let page = std::fs::read_to_string(folder.join("index.html")).expect("the plan's page");
        let link = format!(
            "{}/plans/{}/{}/plan.pdf\" download=\"{}-{}-{}.pdf\">PDF</a>",
            plan.id.fiscal_year,
            plan.id.office,
            plan.id.activity,
            plan.id.fiscal_year,
            plan.id.office,
            plan.id.activity
        );
        assert!(page.contains(&link), "{}: no link to its PDF", plan.id);
    }
}
