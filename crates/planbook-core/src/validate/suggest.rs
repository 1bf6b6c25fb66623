//! "did you mean": the plan or office id nearest to one a command was given that names
//! nothing, by the one typo measure of planbook ([`closest`]).

use crate::load::yaml::closest;
use crate::model::{Content, FiscalYear};

/// `YEAR/OFFICE/ACTIVITY` of every plan, of `year` only when given.
pub fn plan_ids(content: &Content, year: Option<FiscalYear>) -> Vec<String> {
    content
        .plans
        .iter()
        .filter(|p| year.is_none_or(|y| p.id.fiscal_year == y))
        .map(|p| p.id.to_string())
        .collect()
}

/// `YEAR/OFFICE` of every office with a plan, once each, of `year` only when given.
pub fn office_ids(content: &Content, year: Option<FiscalYear>) -> Vec<String> {
    let mut ids: Vec<String> = content
        .plans
        .iter()
        .filter(|p| year.is_none_or(|y| p.id.fiscal_year == y))
        .map(|p| format!("{}/{}", p.id.fiscal_year, p.id.office))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// The candidate nearest to `wanted` (slashes around it aside), when near enough to be a
/// likely typo.
pub fn nearest<'a>(wanted: &str, candidates: &'a [String]) -> Option<&'a str> {
    let refs: Vec<&str> = candidates.iter().map(String::as_str).collect();
    let best = closest(wanted.trim().trim_matches('/'), &refs)?;
    candidates.iter().map(String::as_str).find(|c| *c == best)
}

/// `message`, then "; did you mean `…`?" (in the language of the run) when a candidate is
/// near `wanted`.
pub fn did_you_mean(message: String, wanted: &str, candidates: &[String]) -> String {
    match nearest(wanted, candidates) {
        Some(best) => crate::tr!("with-suggestion", what = message, best = best),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_near_id_is_suggested_and_a_far_one_is_not() {
        let ids = vec![
            "2566/samut-prakan/debt-relief".to_string(),
            "2566/lop-buri/debt-relief".to_string(),
        ];
        assert_eq!(
            nearest("2566/samut-prakan/debt-releif/", &ids),
            Some("2566/samut-prakan/debt-relief")
        );
        assert_eq!(nearest("2566/chiang-mai/training", &ids), None);
        let said = did_you_mean("no plan `x`".into(), "2566/lop-buri/debt-relif", &ids);
        assert!(said.ends_with("`2566/lop-buri/debt-relief`?"), "{said}");
    }
}
