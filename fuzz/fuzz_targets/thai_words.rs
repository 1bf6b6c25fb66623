//! Any `Decimal` (16 bytes: a 96-bit mantissa, a scale and a sign) read in Thai words and
//! read back by the strict reader equals the value rounded to satang, half away from zero;
//! `format_number` never panics at any number of decimals.

#![no_main]

use libfuzzer_sys::fuzz_target;
use planbook_core::thai::{baht, baht_text, baht_whole, format_number, words_reader};
use rust_decimal::{Decimal, RoundingStrategy};

fuzz_target!(|data: [u8; 16]| {
    let lo = u32::from_le_bytes([data[0], data[1], data[2], data[3]]);
    let mid = u32::from_le_bytes([data[4], data[5], data[6], data[7]]);
    let hi = u32::from_le_bytes([data[8], data[9], data[10], data[11]]);
    let negative = data[12] & 1 == 1;
    let scale = u32::from(data[13]) % 29;
    let value = Decimal::from_parts(lo, mid, hi, negative, scale);

    let text = baht_text(value);
    let expected = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    assert_eq!(
        words_reader::parse_baht_text(&text),
        Some(expected),
        "{value} → {text}"
    );

    let decimals = u32::from(data[14]) % 40;
    let formatted = format_number(value, decimals);
    // Without separators and trailing zeros, the text is the value rounded to `decimals`.
    let plain = formatted.replace(',', "");
    let plain = if plain.contains('.') {
        plain.trim_end_matches('0').trim_end_matches('.')
    } else {
        plain.as_str()
    };
    let rounded = value
        .round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    let rounded = if rounded.is_zero() {
        "0".to_string()
    } else {
        rounded.to_string()
    };
    assert_eq!(
        plain, rounded,
        "format_number({value}, {decimals}) = {formatted}"
    );
    let whole = formatted
        .trim_start_matches('-')
        .split('.')
        .next()
        .unwrap_or("");
    assert!(
        whole.split(',').skip(1).all(|group| group.len() == 3),
        "{formatted}"
    );
    let _ = baht(value);
    let _ = baht_whole(value);
});
