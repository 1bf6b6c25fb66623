//! Each plan's row in the year's whole-year files (its object in `summary.json`'s `plans`,
//! its line of `plans.csv` and of its office's CSV), made once and kept: a rebuild after a
//! change to a few plans remakes only their rows and joins the rest as they were.

use super::csv::PlanLines;
use super::json::plan_row_json;
use crate::compute::{Figures, YearFigures};
use crate::model::{FiscalYear, Plan};
use rayon::prelude::*;
use serde_json::value::RawValue;
use std::collections::HashSet;

/// The rows of every year's plans.
#[derive(Default)]
pub struct PlanRows {
    years: Vec<YearRows>,
}

/// The rows of one year's plans, in the order of the year's `plans`.
pub struct YearRows {
    year: FiscalYear,
    json: Vec<Box<RawValue>>,
    csv: Vec<Vec<u8>>,
}

/// A plan's line of a CSV that could not be made.
#[derive(Debug)]
pub struct RowError {
    pub year: FiscalYear,
    pub error: csv::Error,
}

impl PlanRows {
    /// The rows of every plan of `figures`.
    pub fn new(plans: &[Plan], figures: &Figures) -> Result<PlanRows, RowError> {
        let years = figures
            .years
            .iter()
            .map(|year| {
                let lines = PlanLines::new(year.as_of);
                let rows: Vec<_> = rows_of(plans, year, &lines, 0..year.plans.len())?;
                let (json, csv) = rows.into_iter().map(|(_, json, csv)| (json, csv)).unzip();
                Ok(YearRows {
                    year: year.year,
                    json,
                    csv,
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(PlanRows { years })
    }

    /// Remakes the rows of the plans at `changed` (indices into `plans`), whose figures
    /// in `figures` are new; every other row stays. When `figures` does not hold the years
    /// and plan counts the rows were made for, every row is made again.
    pub fn refresh(
        &mut self,
        plans: &[Plan],
        figures: &Figures,
        changed: &HashSet<usize>,
    ) -> Result<(), RowError> {
        let same_shape = self.years.len() == figures.years.len()
            && self.years.iter().zip(&figures.years).all(|(rows, year)| {
                rows.year == year.year
                    && rows.json.len() == year.plans.len()
                    && rows.csv.len() == year.plans.len()
            });
        if !same_shape {
            *self = PlanRows::new(plans, figures)?;
            return Ok(());
        }
        for (rows, year) in self.years.iter_mut().zip(&figures.years) {
            let positions = year
                .plan_indices
                .iter()
                .enumerate()
                .filter(|(_, i)| changed.contains(i))
                .map(|(position, _)| position);
            let lines = PlanLines::new(year.as_of);
            for (position, json, csv) in rows_of(plans, year, &lines, positions)? {
                rows.json[position] = json;
                rows.csv[position] = csv;
            }
        }
        Ok(())
    }

    /// The rows of `year`'s plans.
    pub fn year(&self, year: FiscalYear) -> Option<&YearRows> {
        self.years.iter().find(|rows| rows.year == year)
    }
}

impl YearRows {
    /// Each plan's object in `summary.json`'s `plans`.
    pub fn json(&self) -> &[Box<RawValue>] {
        &self.json
    }

    /// The CSV lines of the plans at `positions` (into the year's `plans`).
    pub fn csv_lines(&self, positions: impl IntoIterator<Item = usize>) -> Vec<&[u8]> {
        positions
            .into_iter()
            .filter_map(|position| self.csv.get(position).map(Vec::as_slice))
            .collect()
    }
}

/// A plan's position in its year's `plans`, its `summary.json` object and its CSV line.
type Row = (usize, Box<RawValue>, Vec<u8>);

/// The rows of the plans at `positions` of `year`, side by side: ten thousand plans are
/// most of the year's files.
fn rows_of<'a>(
    plans: &'a [Plan],
    year: &'a YearFigures,
    lines: &PlanLines<'a>,
    positions: impl Iterator<Item = usize>,
) -> Result<Vec<Row>, RowError> {
    let positions: Vec<usize> = positions.collect();
    positions
        .par_iter()
        .filter_map(|&position| {
            let figures = year.plans.get(position)?;
            let plan = plans.get(*year.plan_indices.get(position)?)?;
            Some((position, plan, figures))
        })
        .map(|(position, plan, figures)| {
            let csv = lines.line(plan, figures).map_err(|error| RowError {
                year: year.year,
                error,
            })?;
            Ok((position, plan_row_json(plan, figures), csv))
        })
        .collect()
}
