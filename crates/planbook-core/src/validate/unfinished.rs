//! Warnings for unfinished work: placeholders left from `planbook new plan`, a plan with
//! no money in it, and plans of one office folder that name the office differently.

use crate::diag::{Diagnostics, FileId, Loc};
use crate::model::Plan;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The text `planbook new plan` writes where the officer is to fill something in.
pub const PLACEHOLDER: &str = "(กรอก)";

/// The line and column (1-based, in characters) of every `needle` in `text`.
fn places(text: &str, needle: &str) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let mut from = 0;
        while let Some(at) = line[from..].find(needle) {
            let col = line[..from + at].chars().count() + 1;
            out.push((index as u32 + 1, col as u32));
            from += at + needle.len();
        }
    }
    out
}

/// The place of the top-level key `key:` in a plan file's text, if it is there.
pub fn top_level_key(file: FileId, text: &str, key: &str) -> Option<Loc> {
    let prefix = format!("{key}:");
    text.lines()
        .position(|line| line.starts_with(&prefix))
        .map(|index| Loc {
            file,
            line: index as u32 + 1,
            col: 1,
            len: key.chars().count() as u32,
        })
}

/// Warns at every placeholder left in a plan file, and when the plan's budget adds up to 0.
pub fn plan_file(file: FileId, text: &str, plan: Option<&Plan>, diags: &mut Diagnostics) {
    for (line, col) in places(text, PLACEHOLDER) {
        diags.warning(
            Loc {
                file,
                line,
                col,
                len: PLACEHOLDER.chars().count() as u32,
            },
            crate::msg!("placeholder-left", placeholder = PLACEHOLDER),
        );
    }
    if let Some(plan) = plan
        && plan.budget.original_total() == Decimal::ZERO
    {
        let at = top_level_key(file, text, "budget").unwrap_or(Loc {
            file,
            line: 1,
            col: 1,
            len: 1,
        });
        diags.warning(at, crate::msg!("allocation-zero"));
    }
}

/// A plan's `office:` as written, with its place.
pub struct OfficeName<'a> {
    pub plan: &'a Plan,
    pub at: Loc,
}

/// Warns at each plan whose `office:` differs from the name most plans of its office folder
/// use (the first plan's, on a tie).
pub fn office_names(names: &[OfficeName<'_>], diags: &mut Diagnostics) {
    let mut by_office: BTreeMap<(i32, &str), Vec<&OfficeName<'_>>> = BTreeMap::new();
    for name in names {
        let id = &name.plan.id;
        by_office
            .entry((id.fiscal_year.0, id.office.as_str()))
            .or_default()
            .push(name);
    }
    for ((year, office), plans) in by_office {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for p in &plans {
            match counts.iter_mut().find(|(n, _)| *n == &*p.plan.office_name) {
                Some((_, count)) => *count += 1,
                None => counts.push((&p.plan.office_name, 1)),
            }
        }
        if counts.len() < 2 {
            continue;
        }
        let common = counts
            .iter()
            .enumerate()
            .max_by_key(|(index, (_, count))| (*count, std::cmp::Reverse(*index)))
            .map(|(_, (name, _))| *name)
            .unwrap_or_default();
        for p in plans.iter().filter(|p| &*p.plan.office_name != common) {
            diags.warning(
                p.at,
                crate::msg!(
                    "office-name-differs",
                    name = &p.plan.office_name,
                    common = common,
                    year = year,
                    office = office
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_found_at_their_column() {
        let text = "a: x\nactivity: (กรอก)\nobjectives:\n  - (กรอก) และ (กรอก)\n";
        assert_eq!(places(text, PLACEHOLDER), [(2, 11), (4, 5), (4, 16)]);
        assert_eq!(
            top_level_key(FileId(3), text, "objectives"),
            Some(Loc {
                file: FileId(3),
                line: 3,
                col: 1,
                len: 10
            })
        );
    }
}
