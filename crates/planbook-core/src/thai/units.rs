//! A quantity with its unit as Thai officials write it: `1 แห่ง`, but `ร้อยละ 10`.
//!
//! Units that name a rate or a rank (ร้อยละ, ระดับ, ลำดับที่ …) read before the number;
//! every counting unit (แห่ง, ครั้ง, คน, รุ่น, บาท …) reads after it.

/// Units written before the number. A unit starting with ร้อยละ (`ร้อยละ (ต่อปี)`) is one too.
const PREFIX_UNITS: &[&str] = &[
    "ร้อยละ",
    "ระดับ",
    "ระดับที่",
    "ลำดับที่",
    "อันดับที่",
    "ชั้น",
    "ชั้นที่",
    "ครั้งที่",
];

/// True when `unit` is written before the number.
pub fn unit_before_number(unit: &str) -> bool {
    let unit = unit.trim();
    unit.starts_with("ร้อยละ") || PREFIX_UNITS.contains(&unit)
}

/// `number` with `unit` on the side Thai usage puts it: `("10", "ร้อยละ")` → `ร้อยละ 10`,
/// `("1", "แห่ง")` → `1 แห่ง`. No unit, just the number.
pub fn with_unit(number: &str, unit: &str) -> String {
    let unit = unit.trim();
    if unit.is_empty() {
        number.to_owned()
    } else if unit_before_number(unit) {
        format!("{unit} {number}")
    } else {
        format!("{number} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_targets_read_as_in_the_corrected_document() {
        assert_eq!(with_unit("1", "แห่ง"), "1 แห่ง");
        assert_eq!(with_unit("10", "ร้อยละ"), "ร้อยละ 10");
    }

    #[test]
    fn rate_and_rank_units_go_first() {
        assert_eq!(with_unit("3", "ระดับ"), "ระดับ 3");
        assert_eq!(with_unit("1", "ลำดับที่"), "ลำดับที่ 1");
        assert_eq!(with_unit("2.5", "ร้อยละ (ต่อปี)"), "ร้อยละ (ต่อปี) 2.5");
        assert!(unit_before_number(" ร้อยละ "));
    }

    #[test]
    fn counting_units_go_after() {
        for unit in ["ครั้ง", "คน", "รุ่น", "ราย", "เครื่อง", "บาท", "คะแนน", "แห่ง"]
        {
            assert_eq!(with_unit("4", unit), format!("4 {unit}"));
            assert!(!unit_before_number(unit));
        }
    }

    #[test]
    fn missing_unit_leaves_the_number() {
        assert_eq!(with_unit("7", ""), "7");
        assert_eq!(with_unit("7", "  "), "7");
    }
}
