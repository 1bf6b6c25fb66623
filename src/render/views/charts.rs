//! Chart slots: where each page's inline SVG charts go. The charts stage (`render/charts/`)
//! fills them with pre-rendered SVG strings; until it lands every slot is empty and the
//! templates show the monthly table alone. Templates print a slot with `| safe`.

use serde::Serialize;

/// Stands in for a chart the charts stage has not drawn yet.
pub fn chart_placeholder() -> String {
    String::new()
}

/// The charts of one page; an empty string is a chart not drawn.
#[derive(Serialize, Default)]
pub struct Charts {
    /// Cumulative S-curve: actual vs spending plan vs targets (dashboard, year, office,
    /// group and plan pages). Data: the page's `MonthFigures` series.
    pub s_curve: String,
    /// Disbursed per month as bars (plan pages). Data: the plan's `MonthFigures`.
    pub monthly: String,
    /// Offices ranked by disbursement rate with the quarter target (dashboard, year page).
    /// Data: `YearFigures::offices`.
    pub offices: String,
}

impl Charts {
    /// How many charts the page holds.
    pub fn count(&self) -> usize {
        [&self.s_curve, &self.monthly, &self.offices]
            .iter()
            .filter(|svg| !svg.is_empty())
            .count()
    }
}
