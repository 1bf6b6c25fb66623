//! Thai formatting as tera filters, so templates format nothing by hand.
//!
//! Figures reach templates as exact decimal strings (`"6300.00"`); these filters turn them
//! into what officers read: `baht`, `baht_whole`, `baht_words`, `pct`, `thai_digits`,
//! `thai_date`, `thai_month`, `fiscal_year`. `thai=true` gives Thai digits.

use crate::compute::round2;
use crate::model::{Date, FiscalYear, Month};
use crate::thai;
use rust_decimal::Decimal;
use std::str::FromStr;
use tera::{Kwargs, State, TeraResult, Value};

/// Registers every filter on `tera`.
pub fn register(tera: &mut tera::Tera) {
    tera.register_filter("baht", |v: &Value, k: Kwargs, _: &State| {
        number(v).map(|d| digits(thai::baht(d), &k))
    });
    tera.register_filter("baht_whole", |v: &Value, k: Kwargs, _: &State| {
        number(v).map(|d| digits(thai::baht_whole(d), &k))
    });
    tera.register_filter("baht_words", |v: &Value, _: Kwargs, _: &State| {
        number(v).map(thai::baht_text)
    });
    tera.register_filter("pct", |v: &Value, k: Kwargs, _: &State| {
        number(v).map(|d| digits(thai::format_number(round2(d), 2), &k))
    });
    tera.register_filter("num", |v: &Value, k: Kwargs, _: &State| {
        number(v).map(|d| {
            digits(
                thai::format_number(d.normalize(), d.normalize().scale()),
                &k,
            )
        })
    });
    tera.register_filter("thai_digits", |v: &Value, k: Kwargs, _: &State| {
        let on = k.get::<bool>("on").ok().flatten().unwrap_or(true);
        thai::digits_if(&text(v), on)
    });
    tera.register_filter("thai_date", |v: &Value, k: Kwargs, _: &State| {
        let date = Date::parse(&text(v))
            .ok_or_else(|| tera::Error::message(format!("not a date: {v}")))?;
        let thai_digits = flag(&k, "thai");
        Ok::<_, tera::Error>(if flag(&k, "full") {
            thai::date_full(date, thai_digits)
        } else {
            thai::date_short(date, thai_digits)
        })
    });
    tera.register_filter("thai_month", |v: &Value, k: Kwargs, _: &State| {
        let month = Month::parse(&text(v))
            .ok_or_else(|| tera::Error::message(format!("not a month: {v}")))?;
        let thai_digits = flag(&k, "thai");
        Ok::<_, tera::Error>(if flag(&k, "full") {
            thai::month_full(month, thai_digits)
        } else if flag(&k, "abbr") {
            thai::month_abbr(month).to_string()
        } else {
            thai::month_short(month, thai_digits)
        })
    });
    tera.register_filter("fiscal_year", |v: &Value, k: Kwargs, _: &State| {
        let year = FiscalYear::parse(&text(v))
            .ok_or_else(|| tera::Error::message(format!("not a fiscal year: {v}")))?;
        Ok::<_, tera::Error>(thai::fiscal_year_label(year, flag(&k, "thai")))
    });
}

fn text(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_string)
}

fn number(value: &Value) -> TeraResult<Decimal> {
    let text = text(value);
    Decimal::from_str(text.trim())
        .map_err(|_| tera::Error::message(format!("not a number: {text}")))
}

fn flag(kwargs: &Kwargs, name: &str) -> bool {
    kwargs.get::<bool>(name).ok().flatten().unwrap_or(false)
}

fn digits(text: String, kwargs: &Kwargs) -> String {
    thai::digits_if(&text, flag(kwargs, "thai"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, value: &str) -> String {
        let mut tera = tera::Tera::new();
        register(&mut tera);
        tera.add_raw_template("t.html", template).unwrap();
        let mut context = tera::Context::new();
        context.insert("v", value);
        tera.render("t.html", &context).unwrap()
    }

    #[test]
    fn filters_format_figures_as_officers_write_them() {
        assert_eq!(render("{{ v | baht }}", "6300"), "6,300.00");
        assert_eq!(render("{{ v | baht_whole(thai=true) }}", "6300"), "๖,๓๐๐");
        assert_eq!(
            render("{{ v | baht_words }}", "6300.00"),
            "หกพันสามร้อยบาทถ้วน"
        );
        assert_eq!(render("{{ v | pct }}", "52.375"), "52.38");
        assert_eq!(render("{{ v | num }}", "4.50"), "4.5");
        assert_eq!(
            render("{{ v | thai_date(thai=true) }}", "2022-09-29"),
            "๒๙ ก.ย. ๒๕๖๕"
        );
        assert_eq!(
            render("{{ v | thai_date(full=true, thai=true) }}", "2022-09-29"),
            "๒๙ กันยายน ๒๕๖๕"
        );
        assert_eq!(render("{{ v | thai_month }}", "2022-10"), "ต.ค. 65");
        assert_eq!(render("{{ v | thai_month(abbr=true) }}", "2022-10"), "ต.ค.");
        assert_eq!(
            render("{{ v | thai_month(full=true) }}", "2022-10"),
            "ตุลาคม 2565"
        );
        assert_eq!(
            render("{{ v | fiscal_year(thai=true) }}", "2566"),
            "ปีงบประมาณ พ.ศ. ๒๕๖๖"
        );
        assert_eq!(render("{{ v | thai_digits }}", "กปน.13"), "กปน.๑๓");
    }

    #[test]
    fn filter_output_is_still_escaped() {
        assert_eq!(
            render("{{ v | thai_digits }}", "<b>1</b>"),
            "&lt;b&gt;๑&lt;/b&gt;"
        );
        assert_eq!(render("{{ v }}", "\"'&"), "&quot;&#39;&amp;");
    }
}
