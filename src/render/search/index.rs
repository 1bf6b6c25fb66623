//! The search index and its file: documents as compact arrays, each word mapped to the
//! documents that hold it and where (name, code, text), written as a script that assigns
//! one global, so the search page reads it from `file://` as well as from a server.
//!
//! ```text
//! window.PLANBOOK_SEARCH = {
//!   "v": 1,
//!   "o": ["สำนักงานสหกรณ์จังหวัดชลบุรี", …],            // office names, shared
//!   "d": [["ชื่อ", "2566/plans/chon-buri/x/", 0, 0], …],   // title, folder, kind, office (-1: none)
//!   "t": {"สหกรณ์": [0, 4, 3, …], …}                       // word → postings
//! };
//! ```
//!
//! A posting is `document × 3 + field` (0 name, 1 code or id, 2 text), one per document (its
//! best field), in ascending order and stored as differences from the one before. A
//! document's folder is relative to the output folder and ends with `/`; its page is the
//! folder's `index.html`.

use super::words;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// What a document is; the search page shows it in Thai.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// แผน: a plan.
    Plan = 0,
    /// สำนักงาน: an office.
    Office = 1,
    /// แผนงาน: a program.
    Program = 2,
    /// โครงการ: a project.
    Project = 3,
}

/// Where in a document a word was found; a lower field ranks higher.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Name = 0,
    Code = 1,
    Text = 2,
}

const FIELDS: u32 = 3;

/// The index as it is built.
#[derive(Default)]
pub struct SearchIndex {
    offices: Vec<String>,
    office_numbers: HashMap<String, usize>,
    documents: Vec<Document>,
    /// Word → document → best field.
    terms: HashMap<String, BTreeMap<u32, Field>>,
}

#[derive(Serialize)]
struct Document(String, String, u8, i64);

#[derive(Serialize)]
struct IndexFile<'a> {
    v: u8,
    o: &'a [String],
    d: &'a [Document],
    t: BTreeMap<&'a str, Vec<u32>>,
}

/// A document added to the index, to add its texts to.
#[derive(Clone, Copy, Debug)]
pub struct DocumentNumber(u32);

impl SearchIndex {
    /// Adds a document: its title, the page's path relative to the output folder (ending
    /// `index.html`), what it is and the office it belongs to.
    pub fn add_document(
        &mut self,
        title: &str,
        page: &str,
        kind: Kind,
        office: Option<&str>,
    ) -> DocumentNumber {
        let office = office.map_or(-1, |name| self.office_number(name) as i64);
        let folder = page.strip_suffix("index.html").unwrap_or(page);
        let number = u32::try_from(self.documents.len()).expect("fewer than 4 billion pages");
        self.documents.push(Document(
            title.to_string(),
            folder.to_string(),
            kind as u8,
            office,
        ));
        DocumentNumber(number)
    }

    fn office_number(&mut self, name: &str) -> usize {
        if let Some(&number) = self.office_numbers.get(name) {
            return number;
        }
        self.offices.push(name.to_string());
        self.office_numbers
            .insert(name.to_string(), self.offices.len() - 1);
        self.offices.len() - 1
    }

    /// Indexes the words of `text` (a narrative's without stop words and numbers) as found
    /// in `field` of `document`.
    pub fn add_text(&mut self, document: DocumentNumber, field: Field, text: &str) {
        let found = words::words_cached(text);
        let kept = found
            .iter()
            .filter(|word| field != Field::Text || words::is_narrative_word(word));
        for word in kept {
            let postings = match self.terms.get_mut(word.as_str()) {
                Some(postings) => postings,
                None => self.terms.entry(word.clone()).or_default(),
            };
            let best = postings.entry(document.0).or_insert(field);
            *best = (*best).min(field);
        }
    }

    /// How many documents and distinct words the index holds.
    pub fn counts(&self) -> (usize, usize) {
        (self.documents.len(), self.terms.len())
    }

    /// The index file: a script assigning `window.PLANBOOK_SEARCH`.
    pub fn to_script(&self) -> String {
        let terms = self
            .terms
            .iter()
            .map(|(word, postings)| {
                let mut previous = 0;
                let deltas = postings
                    .iter()
                    .map(|(&document, &field)| {
                        let posting = document * FIELDS + field as u32;
                        let delta = posting - previous;
                        previous = posting;
                        delta
                    })
                    .collect();
                (word.as_str(), deltas)
            })
            .collect();
        let file = IndexFile {
            v: 1,
            o: &self.offices,
            d: &self.documents,
            t: terms,
        };
        let json = serde_json::to_string(&file).expect("strings and numbers always serialise");
        // Valid JSON, and so valid JavaScript since ES2019; older engines end a string at
        // U+2028/U+2029, so those are escaped too.
        let json = json
            .replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029");
        format!("window.PLANBOOK_SEARCH={json};\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(script: &str) -> serde_json::Value {
        let json = script
            .strip_prefix("window.PLANBOOK_SEARCH=")
            .and_then(|s| s.strip_suffix(";\n"))
            .expect("the script assigns one global");
        serde_json::from_str(json).expect("the index is JSON")
    }

    /// The documents (with their fields) that hold `word`, decoded from the file.
    fn postings(index: &serde_json::Value, word: &str) -> Vec<(u64, u64)> {
        let Some(deltas) = index["t"][word].as_array() else {
            return Vec::new();
        };
        let mut at = 0;
        deltas
            .iter()
            .map(|d| {
                at += d.as_u64().expect("a posting is a number");
                (at / 3, at % 3)
            })
            .collect()
    }

    #[test]
    fn a_thai_name_is_found_by_each_of_its_words() {
        let mut index = SearchIndex::default();
        let office = index.add_document(
            "สำนักงานสหกรณ์จังหวัดชลบุรี",
            "2566/offices/chon-buri/index.html",
            Kind::Office,
            None,
        );
        index.add_text(office, Field::Name, "สำนักงานสหกรณ์จังหวัดชลบุรี");
        index.add_text(office, Field::Code, "chon-buri");
        let plan = index.add_document(
            "กิจกรรมหลักแก้ไขปัญหาหนี้สิน",
            "2566/plans/chon-buri/debt-relief/index.html",
            Kind::Plan,
            Some("สำนักงานสหกรณ์จังหวัดชลบุรี"),
        );
        index.add_text(plan, Field::Name, "กิจกรรมหลักแก้ไขปัญหาหนี้สิน");
        index.add_text(plan, Field::Code, "chon-buri debt-relief");
        index.add_text(plan, Field::Text, "ติดตามสหกรณ์เป้าหมาย 3 แห่ง");
        let file = parse(&index.to_script());

        assert_eq!(postings(&file, "หนี้"), [(1, 0)]);
        // Found in the office's name and in the plan's narrative: each once, best field.
        assert_eq!(postings(&file, "สหกรณ์"), [(0, 0), (1, 2)]);
        assert_eq!(postings(&file, "chon"), [(0, 1), (1, 1)]);
        assert_eq!(postings(&file, "debt"), [(1, 1)]);
        // No numbers or stop words from the narrative.
        assert!(postings(&file, "3").is_empty() && postings(&file, "แห่ง").is_empty());
        assert_eq!(
            file["d"][1],
            serde_json::json!([
                "กิจกรรมหลักแก้ไขปัญหาหนี้สิน",
                "2566/plans/chon-buri/debt-relief/",
                0,
                0
            ])
        );
        assert_eq!(file["d"][0][3], -1);
        assert_eq!(file["o"], serde_json::json!(["สำนักงานสหกรณ์จังหวัดชลบุรี"]));
    }

    #[test]
    fn user_text_cannot_end_the_script() {
        let mut index = SearchIndex::default();
        let doc = index.add_document(
            "</script><script>alert(1)</script>\u{2028}\"",
            "x/index.html",
            Kind::Project,
            None,
        );
        index.add_text(doc, Field::Name, "\u{2028}");
        let script = index.to_script();
        assert!(!script.contains('\u{2028}'), "{script}");
        let file = parse(&script);
        assert_eq!(
            file["d"][0][0],
            "</script><script>alert(1)</script>\u{2028}\""
        );
    }
}
