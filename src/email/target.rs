//! What a report is about: an office in a fiscal year (`2566/samut-prakan`) or one plan
//! (`2566/samut-prakan/debt-relief`), its plans, and the names of its file.

use crate::model::{Content, FiscalYear, Month, PlanId};

/// An office of a fiscal year, or one plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Office { year: FiscalYear, office: String },
    Plan(PlanId),
}

impl Target {
    /// Parses `YEAR/OFFICE` or `YEAR/OFFICE/ACTIVITY` (the year in B.E. or C.E.).
    pub fn parse(text: &str) -> Result<Target, String> {
        let usage = || crate::tr!("report-target-invalid", value = text);
        let parts: Vec<&str> = text.trim().trim_matches('/').split('/').collect();
        let year = parts
            .first()
            .and_then(|y| FiscalYear::parse(y))
            .ok_or_else(usage)?;
        let valid = |part: &&str| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        };
        if !parts[1..].iter().all(valid) {
            return Err(usage());
        }
        match parts[1..] {
            [office] => Ok(Target::Office {
                year,
                office: office.to_string(),
            }),
            [office, activity] => Ok(Target::Plan(PlanId {
                fiscal_year: year,
                office: office.to_string(),
                activity: activity.to_string(),
            })),
            _ => Err(usage()),
        }
    }

    pub fn year(&self) -> FiscalYear {
        match self {
            Target::Office { year, .. } => *year,
            Target::Plan(id) => id.fiscal_year,
        }
    }

    pub fn office(&self) -> &str {
        match self {
            Target::Office { office, .. } => office,
            Target::Plan(id) => &id.office,
        }
    }

    /// Whether `id` is one of the target's plans.
    pub fn covers(&self, id: &PlanId) -> bool {
        match self {
            Target::Office { year, office } => id.fiscal_year == *year && id.office == *office,
            Target::Plan(plan) => plan == id,
        }
    }

    /// Indices into `content.plans` of the target's plans, or why there are none, with the
    /// nearest existing name.
    pub fn plans(&self, content: &Content) -> Result<Vec<usize>, String> {
        let found: Vec<usize> = content
            .plans
            .iter()
            .enumerate()
            .filter(|(_, p)| self.covers(&p.id))
            .map(|(i, _)| i)
            .collect();
        if !found.is_empty() {
            return Ok(found);
        }
        use crate::validate::suggest;
        let year = self.year();
        let wanted = self.to_string();
        let (message, candidates) = match self {
            Target::Office { .. } => (
                crate::tr!("no-office", office = &wanted),
                suggest::office_ids(content, Some(year)),
            ),
            Target::Plan(_) => (
                crate::tr!("no-plan-plain", plan = &wanted),
                suggest::plan_ids(content, Some(year)),
            ),
        };
        if candidates.is_empty() {
            return Err(crate::tr!("year-has-no-plans", what = message, year = year));
        }
        Err(suggest::did_you_mean(message, &wanted, &candidates))
    }

    /// `รายงาน-samut-prakan-2023-03.html`, `รายงาน-samut-prakan-debt-relief-2023-03.html`.
    pub fn file_name(&self, month: Month) -> String {
        match self {
            Target::Office { office, .. } => crate::paths::report_file_name(office, None, month),
            Target::Plan(id) => {
                crate::paths::report_file_name(&id.office, Some(&id.activity), month)
            }
        }
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::Office { year, office } => write!(f, "{year}/{office}"),
            Target::Plan(id) => write!(f, "{id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_parse_and_name_their_files() {
        let office = Target::parse("2566/samut-prakan").unwrap();
        assert_eq!(
            office,
            Target::Office {
                year: FiscalYear(2566),
                office: "samut-prakan".into()
            }
        );
        let plan = Target::parse("2023/samut-prakan/debt-relief/").unwrap();
        assert_eq!(plan.to_string(), "2566/samut-prakan/debt-relief");
        let march = Month::new(2023, 3);
        assert_eq!(office.file_name(march), "รายงาน-samut-prakan-2023-03.html");
        assert_eq!(
            plan.file_name(march),
            "รายงาน-samut-prakan-debt-relief-2023-03.html"
        );
        for bad in [
            "",
            "2566",
            "samut-prakan",
            "2566/a/b/c",
            "2566/../x",
            "2566/A",
            "2566//x",
        ] {
            assert!(Target::parse(bad).is_err(), "{bad}");
        }
    }
}
