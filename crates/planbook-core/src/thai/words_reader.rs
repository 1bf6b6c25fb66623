//! A strict reader of Thai baht text, the inverse of [`baht_text`](super::baht_text): it
//! accepts only the canonical reading that `baht_text` writes, so a round trip
//! `parse_baht_text(&baht_text(x)) == Some(round2(x))` checks the writer.
//!
//! Compiled for tests and for the fuzz targets only (`cfg(fuzzing)`); nothing in the
//! program reads Thai words.

use rust_decimal::Decimal;

/// Number words; no word is a prefix of another, so the first match is the token.
const TOKENS: &[(&str, Token)] = &[
    ("ศูนย์", Token::Digit(0)),
    ("หนึ่ง", Token::Digit(1)),
    ("สอง", Token::Digit(2)),
    ("สาม", Token::Digit(3)),
    ("สี่", Token::Digit(4)),
    ("ห้า", Token::Digit(5)),
    ("หก", Token::Digit(6)),
    ("เจ็ด", Token::Digit(7)),
    ("แปด", Token::Digit(8)),
    ("เก้า", Token::Digit(9)),
    ("เอ็ด", Token::Et),
    ("ยี่", Token::Yi),
    ("สิบ", Token::Place(1)),
    ("ร้อย", Token::Place(2)),
    ("พัน", Token::Place(3)),
    ("หมื่น", Token::Place(4)),
    ("แสน", Token::Place(5)),
    ("ล้าน", Token::Million),
];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Token {
    Digit(u32),
    Et,
    Yi,
    Place(u32),
    Million,
}

fn tokenize(mut text: &str) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    while !text.is_empty() {
        let (word, token) = TOKENS.iter().find(|(w, _)| text.starts_with(w))?;
        out.push(*token);
        text = &text[word.len()..];
    }
    Some(out)
}

/// Reads one 6-digit group (the tokens between ล้าน words). `read_before` says
/// whether any digit of the whole number was read before this group: it decides
/// between เอ็ด and หนึ่ง for a final 1. Rejects every non-canonical spelling.
fn parse_group(tokens: &[Token], read_before: bool) -> Option<u128> {
    let mut value = 0u128;
    let mut last_place = 6u32; // places must strictly decrease
    let mut i = 0;
    while i < tokens.len() {
        let (digit, place) = match (tokens[i], tokens.get(i + 1).copied()) {
            (Token::Yi, Some(Token::Place(1))) => {
                i += 2;
                (2, 1)
            }
            (Token::Place(1), _) => {
                i += 1;
                (1, 1)
            }
            (Token::Digit(d), Some(Token::Place(p))) if d >= 1 => {
                // หนึ่งสิบ and สองสิบ are not how 10 and 20 are read.
                if p == 1 && (d == 1 || d == 2) {
                    return None;
                }
                i += 2;
                (d, p)
            }
            (Token::Digit(d), None) if d >= 2 => {
                i += 1;
                (d, 0)
            }
            (Token::Digit(1), None) if !read_before && value == 0 => {
                i += 1;
                (1, 0)
            }
            (Token::Et, None) if read_before || value > 0 => {
                i += 1;
                (1, 0)
            }
            _ => return None,
        };
        if place >= last_place {
            return None;
        }
        last_place = place;
        value += u128::from(digit) * 10u128.pow(place);
    }
    Some(value)
}

/// Reads a whole number: groups joined by ล้าน, each worth 10^6 times the next.
/// Zero (ศูนย์) is not accepted here: it only appears as ศูนย์บาทถ้วน.
fn parse_number(text: &str) -> Option<u128> {
    let tokens = tokenize(text)?;
    let mut value = 0u128;
    let mut read_before = false;
    let groups: Vec<&[Token]> = tokens.split(|t| *t == Token::Million).collect();
    for group in &groups {
        if !read_before && group.is_empty() {
            return None; // a number cannot start with ล้าน or be empty
        }
        value = value
            .checked_mul(1_000_000)?
            .checked_add(parse_group(group, read_before)?)?;
        read_before = true;
    }
    (value > 0).then_some(value)
}

/// Reads text produced by `baht_text` back into an amount; `None` if the text
/// is not a canonical reading.
pub fn parse_baht_text(text: &str) -> Option<Decimal> {
    let (negative, text) = match text.strip_prefix("ลบ") {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (baht, satang) = if let Some(words) = text.strip_suffix("บาทถ้วน") {
        (parse_number(words).or((words == "ศูนย์").then_some(0))?, 0)
    } else {
        let words = text.strip_suffix("สตางค์")?;
        let (baht, satang) = match words.split_once("บาท") {
            Some((baht, satang)) => (parse_number(baht)?, satang),
            None => (0, words),
        };
        let satang = parse_number(satang)?;
        if !(1..=99).contains(&satang) {
            return None;
        }
        (baht, satang)
    };
    if negative && baht == 0 && satang == 0 {
        return None;
    }
    let baht = Decimal::try_from_i128_with_scale(i128::try_from(baht).ok()?, 0).ok()?;
    let value = baht.checked_add(Decimal::new(i64::try_from(satang).ok()?, 2))?;
    Some(if negative { -value } else { value })
}
