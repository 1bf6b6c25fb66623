//! With `PLANBOOK_LANG=th`, every command speaks Thai about bad content and bad arguments:
//! reading findings, settings, budget codes, folders, pages, the summaries and errors of
//! `check`, `build`, `new`, `import`, `register`, `report`, `pdf` and `serve`, and `--help`. An
//! English sentence (three ASCII words in a row outside paths, ids and quoted values) fails.
//! A misspelt plan or office id gets "did you mean" in every command that takes one.

use std::path::Path;
use std::process::Output;

/// `planbook ARGS` run in `dir` with the language variables given and no others.
fn planbook_in(dir: &Path, args: &[&str], vars: &[(&str, &str)]) -> Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_planbook"));
    command.current_dir(dir).args(args);
    for name in ["PLANBOOK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    for (name, value) in vars {
        command.env(name, value);
    }
    command.output().expect("run planbook")
}

const THAI: &[(&str, &str)] = &[("PLANBOOK_LANG", "th")];

/// Stdout and stderr of a run, with its exit code.
fn said(output: &Output) -> (Option<i32>, String) {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.code(), text)
}

/// The first line holding three ASCII words in a row, outside `quoted values`, paths and
/// ids (a word is letters only) and outside the source lines shown under a finding.
fn english_sentence(output: &str) -> Option<&str> {
    output.lines().find(|line| {
        let trimmed = line.trim_start();
        let excerpt = trimmed.starts_with('|')
            || trimmed.split_once(" |").is_some_and(|(number, _)| {
                !number.is_empty() && number.chars().all(|c| c.is_ascii_digit())
            });
        if excerpt {
            return false;
        }
        let mut plain = String::new();
        for (index, part) in line.split('`').enumerate() {
            if index % 2 == 0 {
                plain.push_str(part);
            }
            plain.push(' ');
        }
        let mut run = 0;
        for token in plain.split_whitespace() {
            let word = token.trim_matches(|c: char| ",;:()?!.\"[]".contains(c));
            if word.len() >= 2 && word.chars().all(|c| c.is_ascii_alphabetic()) {
                run += 1;
                if run >= 3 {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        false
    })
}

fn assert_thai(what: &str, output: &str) {
    let thai = output
        .chars()
        .filter(|c| ('\u{0E00}'..='\u{0E7F}').contains(c))
        .count();
    assert!(thai > 10, "{what}: no Thai in\n{output}");
    if let Some(line) = english_sentence(output) {
        panic!("{what}: English in `{line}` of\n{output}");
    }
}

#[test]
fn the_english_detector_finds_sentences_and_spares_paths_and_values() {
    assert!(english_sentence("x.yaml:1:1: this is a named pipe (FIFO), not a file").is_some());
    assert!(
        english_sentence("ข้อผิดพลาด: ไม่มีแผน `2566/a/b` หมายถึง `the plan here` หรือไม่?").is_none()
    );
    assert!(english_sentence("เขียนไฟล์ /tmp/a b/c.xlsx แล้ว").is_none());
    assert!(english_sentence("3 | title: Test site here").is_none());
}

/// The base fixture with a mistake of each kind the reading and settings checks find.
/// Runs `args` on the content in `dir`, checks that what it says holds `expected` and is
/// Thai, and gives its exit code and words for the caller's own checks.
fn refusal_in_thai(
    dir: &Path,
    args: &[&str],
    vars: &[(&str, &str)],
    expected: &str,
) -> (Option<i32>, String) {
    let mut all = args.to_vec();
    all.extend(["--content", "."]);
    let (code, text) = said(&planbook_in(dir, &all, vars));
    assert!(
        text.contains(expected),
        "{args:?}: no `{expected}` in {text}"
    );
    assert_thai(&format!("{args:?}"), &text);
    (code, text)
}

fn bad_content() -> tempfile::TempDir {
    let content = crate::common::fixture("base");
    let root = content.path();
    let append = |file: &str, text: &str| {
        let path = root.join(file);
        let old = std::fs::read_to_string(&path).expect("read");
        std::fs::write(&path, format!("{old}{text}")).expect("write");
    };
    append(
        "site.yaml",
        "base_path: \"relative/path\"\ntheme: \"../elsewhere\"\n",
    );
    let plan = root.join("plans/2566/office-a/act/plan.yaml");
    let text = std::fs::read_to_string(&plan).expect("plan");
    std::fs::write(
        &plan,
        text.replacen("project:", "activity_code: \"=SUM(A1)\"\nproject:", 1),
    )
    .expect("write plan");
    let year = root.join("fiscal-years/2566.yaml");
    let text = std::fs::read_to_string(&year).expect("year");
    std::fs::write(
        &year,
        text.replacen("[35, 57, 80, 98]", "[35, 57, 80, 98, 99]", 1),
    )
    .expect("write year");
    let progress = root.join("plans/2566/office-a/act/progress");
    std::fs::write(progress.join("2022-11.yaml"), b"month: 2022-11\n\xff\xfe\n").expect("write");
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        progress.join("2022-12.yaml"),
        rustix::fs::Mode::from_raw_mode(0o644),
    )
    .expect("mkfifo");
    std::fs::write(
        root.join("pages/Odd_Name.md"),
        "---\ntitle: A\nweight: abc\n---\n",
    )
    .expect("write page");
    let ce_year = root.join("plans/2023/office-c/act");
    std::fs::create_dir_all(&ce_year).expect("mkdir");
    std::fs::copy(&plan, ce_year.join("plan.yaml")).expect("copy plan");
    content
}

#[test]
fn check_and_build_of_bad_content_speak_thai() {
    let content = bad_content();
    let dir = content.path();
    let (code, check) = said(&planbook_in(dir, &["check", "--content", "."], THAI));
    assert_eq!(code, Some(1), "{check}");
    for expected in [
        "plans/2566/office-a/act/progress/2022-11.yaml:2:1: ข้อผิดพลาด: ไฟล์นี้ไม่ได้บันทึกเป็นข้อความ UTF-8",
        "plans/2566/office-a/act/progress/2022-12.yaml:1:1: ข้อผิดพลาด: ไฟล์นี้เป็นไปป์ (FIFO)",
        "ไม่ใช่รหัสงบประมาณ: ใช้ `=` ไม่ได้",
        "site.yaml:5:12: ข้อผิดพลาด: base_path `relative/path` ไม่ใช่ที่อยู่ของเว็บไซต์",
        "ธีม `../elsewhere` ไม่ใช่ชื่อโฟลเดอร์",
        "ไม่ใช่ 5 ค่า",
        "ลำดับ (weight) `abc` ไม่ใช่จำนวนเต็ม",
        "ชื่อไฟล์หน้า `Odd_Name.md`",
        "โฟลเดอร์ปี plans/2023/ เป็นปี ค.ศ.",
    ] {
        assert!(check.contains(expected), "no `{expected}` in:\n{check}");
    }
    assert_thai("check", &check);
    let out = tempfile::tempdir().expect("tempdir");
    let site = out.path().join("site");
    let site = site.to_str().expect("UTF-8");
    let (code, build) = said(&planbook_in(
        dir,
        &["build", "--content", ".", "--output", site],
        THAI,
    ));
    assert_eq!(code, Some(1), "{build}");
    assert!(build.contains("จึงยังไม่ได้เขียนสิ่งใด"), "{build}");
    assert_thai("build", &build);
    let (code, missing) = said(&planbook_in(dir, &["build", "--content", "nowhere"], THAI));
    assert_eq!(code, Some(2), "{missing}");
    assert_thai("build without content", &missing);
}

#[test]
fn commands_given_bad_ids_speak_thai_and_suggest_the_nearest() {
    let content = crate::common::fixture("base");
    let dir = content.path();
    let cases: &[(&[&str], &str)] = &[
        (
            &["report", "2566/office-a/atc"],
            "หมายถึง `2566/office-a/act` หรือไม่?",
        ),
        (&["report", "2566/ofice-a"], "หมายถึง `2566/office-a` หรือไม่?"),
        (&["report", "nonsense"], "ไม่ใช่สิ่งที่รายงานได้"),
        (
            &["report", "2566/office-a", "--month", "2024-01"],
            "อยู่นอกปีงบประมาณ 2566",
        ),
        (
            &["register", "2566/office-b"],
            "หมายถึง `2566/office-a` หรือไม่?",
        ),
        (&["register", "2566/office-a/act"], "ไม่ใช่ ปี/หน่วยงาน"),
        (
            &["register", "2566/office-a", "--month", "2020-01"],
            "อยู่นอกปีงบประมาณ 2566",
        ),
        (
            &["new", "progress", "2566/office-a/atc", "--month", "2566-01"],
            "หมายถึง `2566/office-a/act` หรือไม่?",
        ),
        (
            &["pdf", "2566/office-a/akt"],
            "หมายถึง `2566/office-a/act` หรือไม่?",
        ),
    ];
    for (args, expected) in cases {
        let (code, text) = refusal_in_thai(dir, args, THAI, expected);
        assert_eq!(code, Some(2), "{args:?}: {text}");
    }
    // The same suggestion in English.
    let (_, text) = said(&planbook_in(
        dir,
        &["register", "2566/office-b", "--content", "."],
        &[("PLANBOOK_LANG", "en")],
    ));
    assert!(
        text.contains("no office `office-b` in fiscal year 2566; did you mean `2566/office-a`?"),
        "{text}"
    );
}

#[test]
fn new_import_pdf_serve_and_the_output_guard_refuse_in_thai() {
    let content = crate::common::fixture("base");
    let dir = content.path();
    let cases: &[(&[&str], &str)] = &[
        (
            &["new", "progress", "2566/office-a/act", "--month", "2570-01"],
            "อยู่นอกปีงบประมาณ 2566",
        ),
        (
            &["new", "progress", "2566/office-a/act", "--month", "2022-10"],
            "อยู่แล้ว: planbook new ไม่เขียนทับไฟล์เดิม",
        ),
        (
            &["new", "plan", "Office_A", "--year", "2567"],
            "ไม่ใช่ หน่วยงาน/กิจกรรม",
        ),
        (&["import", "missing.xlsx"], "อ่านเป็นไฟล์ Excel ไม่ได้"),
        (&["pdf", "2566/office-a/act"], "ไม่ใช่ไฟล์"),
        (&["build", "--output", "."], "ไม่เขียนลง . (คือ"),
    ];
    let browser = [
        ("PLANBOOK_LANG", "th"),
        ("PLANBOOK_BROWSER", "/no/such/browser"),
    ];
    for (args, expected) in cases {
        let (code, text) = refusal_in_thai(dir, args, &browser, expected);
        assert!(matches!(code, Some(1 | 2)), "{args:?}: {code:?} {text}");
    }
    let (code, text) = said(&planbook_in(
        dir,
        &["serve", "--content", "no-such-folder"],
        THAI,
    ));
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("ไม่มีโฟลเดอร์เนื้อหานี้"), "{text}");
    assert_thai("serve", &text);
}

#[test]
fn summaries_and_help_speak_thai() {
    let content = crate::common::fixture("base");
    let dir = content.path();
    let out = tempfile::tempdir().expect("tempdir");
    let at = |name: &str| out.path().join(name).to_str().expect("UTF-8").to_string();
    let (report, register, site) = (at("r.html"), at("r.xlsx"), at("site"));
    for args in [
        &["report", "2566/office-a", "-o", &report] as &[&str],
        &["register", "2566/office-a", "-o", &register],
        &["new", "progress", "2566/office-a/act", "--month", "2566-02"],
        &["build", "--output", &site],
        &["check"],
    ] {
        let mut all = args.to_vec();
        all.extend(["--content", "."]);
        let (code, text) = said(&planbook_in(dir, &all, THAI));
        assert_eq!(code, Some(0), "{args:?}: {text}");
        assert_thai(&format!("{args:?}"), &text);
    }
    for args in [
        &["--help"] as &[&str],
        &["new", "--help"],
        &["help", "report"],
    ] {
        let (code, text) = said(&planbook_in(dir, args, THAI));
        assert_eq!(code, Some(0), "{args:?}: {text}");
        assert_thai(&format!("{args:?}"), &text);
    }
}

#[test]
fn command_lines_clap_refuses_are_refused_in_thai() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (args, shown) in [
        (&["chek"] as &[&str], "'check'"),
        (&["check", "--contnet", "x"], "'--content'"),
        (&["check", "--content"], "--content"),
        (&["report"], "<TARGET>"),
        (&["report", "-x"], "'-- -x'"),
        (&["report", "x", "--month", "2566-13"], "2566-13"),
        (&["serve", "--port", "abc"], "65535"),
        (&["serve", "--interface", "here"], "127.0.0.1"),
    ] {
        let (code, text) = said(&planbook_in(dir.path(), args, THAI));
        assert_eq!(code, Some(2), "{args:?}: {text}");
        assert!(text.contains(shown), "{args:?}: {text}");
        assert!(text.starts_with("ข้อผิดพลาด: "), "{args:?}: {text}");
        assert_thai(&format!("{args:?}"), &text);
    }
    // English runs keep clap's own words.
    let (code, text) = said(&planbook_in(dir.path(), &["chek"], &[]));
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("unrecognized subcommand 'chek'"), "{text}");
}
