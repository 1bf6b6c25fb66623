//! `progress/*.yaml`: one month's flows and stocks, every id resolved against the plan.

use super::fields::{Fields, Sign, id_text};
use super::plan::{node_ref, unknown_ref_message};
use crate::diag::Diagnostics;
use crate::load::pairs::Pairs;
use crate::load::raw::{RawEvent, RawProgress};
use crate::model::{Adjustment, Event, EventKind, NodeAmount, Plan, ProgressEntry};
use serde_saphyr::Spanned;

pub fn entry(
    f: Fields,
    raw: &RawProgress,
    plan: &Plan,
    diags: &mut Diagnostics,
) -> Option<ProgressEntry> {
    let fy = plan.id.fiscal_year;
    let month_text = f.required(&raw.month, "month", f.start(), diags);
    let month = month_text.and_then(|t| f.month_in(t, fy, diags));
    let node_amounts = |pairs: &Option<Spanned<Pairs<String>>>, diags: &mut Diagnostics| {
        f.unique_id_keys(pairs.as_ref(), diags)
            .into_iter()
            .filter_map(|(key, value)| {
                let node = node_ref(f, key, &plan.budget, diags);
                let amount = f.money(value, Sign::NonNegative, diags);
                Some(NodeAmount {
                    node: node?,
                    amount: amount?,
                    loc: f.at(value),
                })
            })
            .collect::<Box<[_]>>()
    };
    let disbursed = node_amounts(&raw.disbursed, diags);
    let committed = node_amounts(&raw.committed, diags);
    let received = node_amounts(&raw.received, diags);
    let adjustments = raw
        .adjustment
        .iter()
        .flatten()
        .filter_map(|a| {
            let at = f.at(a);
            let node = f
                .required(&a.value.id, "id", at, diags)
                .and_then(|k| node_ref(f, k, &plan.budget, diags));
            let amount = f
                .required(&a.value.amount, "amount", at, diags)
                .and_then(|t| f.money(t, Sign::Any, diags));
            Some(Adjustment {
                node: node?,
                amount: amount?,
                reason: f.optional_text(&a.value.reason, diags),
                loc: at,
            })
        })
        .collect();
    let task_ids: Vec<&str> = plan.tasks.iter().map(|t| &*t.id).collect();
    let tasks = f
        .unique_id_keys(raw.tasks.as_ref(), diags)
        .into_iter()
        .filter_map(|(key, value)| {
            let id = id_text(&key.value);
            let index = task_ids.iter().position(|known| *known == id);
            if index.is_none() {
                diags.error(f.at(key), unknown_ref_message("task", id, &task_ids));
            }
            let done = f.count(value, diags);
            Some((index?, done?))
        })
        .collect();
    let kpi_ids: Vec<&str> = plan.all_kpis().map(|k| &*k.id).collect();
    let kpi_units: Vec<&str> = plan.all_kpis().map(|k| &*k.unit).collect();
    let kpis = f
        .unique_id_keys(raw.kpis.as_ref(), diags)
        .into_iter()
        .filter_map(|(key, value)| {
            let id = id_text(&key.value);
            let Some(index) = kpi_ids.iter().position(|known| *known == id) else {
                diags.error(f.at(key), unknown_ref_message("kpi", id, &kpi_ids));
                return None;
            };
            Some((index, f.quantity_in(value, Some(kpi_units[index]), diags)?))
        })
        .collect();
    let events = raw
        .events
        .iter()
        .flatten()
        .filter_map(|e| event(f, e, plan, diags))
        .collect();
    let reported_on = raw.reported_on.as_ref().and_then(|t| f.date(t, diags));
    Some(ProgressEntry {
        file: f.file,
        month: month?,
        month_loc: f.at(month_text?),
        reported_on,
        modified_on: raw.modified.and_then(|t| {
            let seconds = t.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
            Some(crate::stamp::Stamp::from_unix(i64::try_from(seconds).ok()?).date)
        }),
        disbursed,
        committed,
        received,
        adjustments,
        tasks,
        kpis,
        events,
        narrative: f.optional_compact_text(&raw.narrative, diags),
        problems: f.optional_compact_text(&raw.problems, diags),
    })
}

fn event(
    f: Fields,
    raw: &Spanned<RawEvent>,
    plan: &Plan,
    diags: &mut Diagnostics,
) -> Option<Event> {
    let at = f.at(raw);
    let e = &raw.value;
    let name = f.required_text(&e.name, "name", at, diags);
    let kind = f.required(&e.kind, "kind", at, diags).and_then(|t| {
        let kind = match t.value.trim() {
            "training" => Some(EventKind::Training),
            "seminar" => Some(EventKind::Seminar),
            "meeting" => Some(EventKind::Meeting),
            _ => None,
        };
        if kind.is_none() {
            diags.error(f.at(t), crate::msg!("event-kind-unknown", value = &t.value));
        }
        kind
    });
    let ended_on = f
        .required(&e.ended_on, "ended_on", at, diags)
        .and_then(|t| f.date_in(t, plan.id.fiscal_year, diags));
    let participants = e.participants.as_ref().and_then(|t| f.count(t, diags));
    let evaluated_on = e.evaluated_on.as_ref().and_then(|t| f.date(t, diags));
    if let (Some(ended), Some(evaluated), Some(t)) = (ended_on, evaluated_on, &e.evaluated_on)
        && evaluated < ended
    {
        diags.warning(
            f.at(t),
            crate::msg!(
                "event-evaluated-early",
                evaluated = evaluated,
                ended = ended
            ),
        );
    }
    Some(Event {
        name: name?,
        kind: kind?,
        ended_on: ended_on?,
        participants,
        evaluated_on,
    })
}
