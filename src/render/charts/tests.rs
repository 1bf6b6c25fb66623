//! Tests of the charts: structure, escaping, edge cases and snapshots.

use super::*;
use crate::compute::series::MonthFigures;
use crate::model::{FiscalYear, Month};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const FY: FiscalYear = FiscalYear(2566);

/// Oct 2022 .. Mar 2023 of a 6,300-baht plan with a spending plan and quarter targets.
fn six_months() -> Vec<MonthFigures> {
    let monthly = [
        dec!(1200),
        dec!(900),
        dec!(1500),
        dec!(0),
        dec!(1400),
        dec!(900),
    ];
    let planned = [
        dec!(1000),
        dec!(1000),
        dec!(1200),
        dec!(600),
        dec!(600),
        dec!(600),
    ];
    let targets = [dec!(30), dec!(30), dec!(30), dec!(52), dec!(52), dec!(52)];
    let mut cumulative = Decimal::ZERO;
    let mut plan = Decimal::ZERO;
    FY.months()
        .take(6)
        .enumerate()
        .map(|(i, month)| {
            cumulative += monthly[i];
            plan += planned[i];
            MonthFigures {
                month,
                disbursed: monthly[i],
                reported: true,
                disbursed_cumulative: cumulative,
                allocation: dec!(6300),
                planned_cumulative: Some(plan),
                target_rate: Some(targets[i]),
                of_received: None,
            }
        })
        .collect()
}

fn offices() -> Vec<RankRow> {
    [
        ("สำนักงานเกษตรจังหวัดนครศรีธรรมราช", dec!(93.65)),
        ("สำนักงานปลัดกระทรวงเกษตรและสหกรณ์", dec!(71.2)),
        ("กองแผนงาน", dec!(52)),
        ("สำนักงานเกษตรอำเภอเมือง", dec!(48.333)),
        (
            "ศูนย์ส่งเสริมและพัฒนาอาชีพการเกษตร จังหวัดสุราษฎร์ธานี (ด้านพืชสวน)",
            dec!(12.5),
        ),
    ]
    .into_iter()
    .map(|(label, rate)| RankRow {
        label: label.into(),
        rate,
    })
    .collect()
}

fn nodes() -> Vec<BudgetRow> {
    [
        ("งบดำเนินงาน", dec!(3500000), dec!(2100000.50), dec!(400000)),
        ("งบลงทุน: ครุภัณฑ์", dec!(1800000), dec!(250000), dec!(1200000)),
        ("งบรายจ่ายอื่น", dec!(1000000), dec!(640000), dec!(0)),
    ]
    .into_iter()
    .map(|(label, allocation, disbursed, committed)| BudgetRow {
        label: label.into(),
        allocation,
        disbursed,
        committed,
    })
    .collect()
}

fn tasks() -> Vec<ProgressRow> {
    [
        ("จัดประชุมชี้แจงเกษตรกร", dec!(100)),
        ("อบรมเชิงปฏิบัติการ", dec!(62.5)),
        ("ติดตามประเมินผล", dec!(0)),
        ("จำนวนเกษตรกรที่ผ่านการอบรม", dec!(120.5)),
    ]
    .into_iter()
    .map(|(label, percent)| ProgressRow {
        label: label.into(),
        percent,
    })
    .collect()
}

/// A minimal XML check: tags nest and close, every `&` starts an entity, no `<` in text.
fn assert_well_formed(svg: &str) {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        let text = &rest[..start];
        assert_entities(text);
        let end = rest[start..].find('>').expect("unclosed tag") + start;
        let tag = &rest[start + 1..end];
        assert!(!tag.contains('<'), "< inside a tag: {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name), "mismatched </{name}>");
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().unwrap_or("");
            stack.push(name);
        }
        // Attribute values: quotes balance and entities are well formed.
        assert_eq!(tag.matches('"').count() % 2, 0, "odd quotes in {tag}");
        assert_entities(tag);
        rest = &rest[end + 1..];
    }
    assert_entities(rest);
    assert!(stack.is_empty(), "unclosed {stack:?}");
}

fn assert_entities(text: &str) {
    for (i, _) in text.match_indices('&') {
        let entity = &text[i..];
        assert!(
            ["&lt;", "&gt;", "&amp;", "&quot;", "&apos;", "&#39;"]
                .iter()
                .any(|e| entity.starts_with(e)),
            "bare & in {text}"
        );
    }
}

/// A chart's HTML split into its `<svg>` and the legend after it (empty without one).
fn split(chart: &str) -> (&str, &str) {
    let end = chart.find("</svg>\n").expect("the chart's svg ends") + "</svg>\n".len();
    chart.split_at(end)
}

/// The checks every chart passes: one root with a viewBox, responsive width, role, and
/// title and desc (named by aria-labelledby) as its first children; a legend, if any, is an
/// HTML list after it; at the phone text size no label leaves the viewBox or overlaps another.
fn assert_frame(chart: &str, title: &str) -> String {
    assert_well_formed(chart);
    let (svg, legend) = split(chart);
    assert!(
        legend.is_empty()
            || (legend.starts_with("<ul class=\"lg\"><li>") && legend.ends_with("</ul>\n")),
        "{legend}"
    );
    assert_fits_on_a_phone(svg);
    assert!(svg.starts_with("<svg "), "{}", &svg[..80.min(svg.len())]);
    assert!(!svg.contains("<?xml"));
    assert_eq!(svg.matches("<svg").count(), 1);
    let root = &svg[..svg.find('>').unwrap()];
    assert!(root.contains(" viewBox=\"0 0 "), "{root}");
    assert!(root.contains(" width=\"100%\""), "{root}");
    assert!(!root.contains(" height="), "{root}");
    assert!(root.contains(" role=\"img\""), "{root}");
    let id = root
        .split("id=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    assert!(
        root.contains(&format!("aria-labelledby=\"{id}-title {id}-desc\"")),
        "{root}"
    );
    let mut children = svg.lines().skip(1);
    let first = children.next().unwrap();
    let second = children.next().unwrap();
    assert_eq!(
        first,
        format!("<title id=\"{id}-title\">{}</title>", svg::escape(title))
    );
    assert!(
        second.starts_with(&format!("<desc id=\"{id}-desc\">")),
        "{second}"
    );
    assert!(second.len() > format!("<desc id=\"{id}-desc\"></desc>").len());
    id
}

/// A `<text>` of a chart: where it is anchored, its classes and its content.
struct Label<'a> {
    x: f64,
    y: f64,
    dy: &'a str,
    classes: Vec<&'a str>,
    text: &'a str,
}

fn attr<'a>(tag: &'a str, name: &str) -> &'a str {
    tag.split(&format!(" {name}=\""))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("")
}

fn labels(svg: &str) -> Vec<Label<'_>> {
    svg.split("<text")
        .skip(1)
        .map(|rest| {
            let (tag, after) = rest.split_once('>').unwrap();
            Label {
                x: attr(tag, "x").parse().unwrap(),
                y: attr(tag, "y").parse().unwrap(),
                dy: attr(tag, "dy"),
                classes: attr(tag, "class").split(' ').collect(),
                text: after.split("</text>").next().unwrap(),
            }
        })
        .collect()
}

/// The box a label takes where `CSS` draws chart text at its phone size (`draw::phone_px`),
/// with Thai marks above and below: (left, top, right, bottom).
fn phone_box(label: &Label) -> (f64, f64, f64, f64) {
    let px = if label.classes.contains(&"ti") {
        draw::TITLE_PX
    } else if label.classes.contains(&"sm") || label.classes.contains(&"xs") {
        draw::SMALL_PX
    } else {
        draw::LABEL_PX
    };
    let size = draw::phone_px(px);
    let text = label
        .text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    let bold = if label.classes.contains(&"b") {
        draw::BOLD_WIDTH
    } else {
        1.0
    };
    let w = font::width(&text, size) * bold;
    let left = if label.classes.contains(&"m") {
        label.x - w / 2.0
    } else if label.classes.contains(&"e") {
        label.x - w
    } else {
        label.x
    };
    // dy .76em: the top at y; .5ex: centred; -0.5ex: the bottom at y.
    let h = size * 1.2;
    let top = match label.dy {
        ".76em" => label.y - 0.1 * size,
        "-0.5ex" => label.y - h,
        _ => label.y - h / 2.0,
    };
    (left, top, left + w, top + h)
}

/// At the phone text size every label shown there stays inside the viewBox and clear of
/// every other label.
fn assert_fits_on_a_phone(svg: &str) {
    let view: Vec<f64> = attr(svg, "viewBox")
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    let (width, height) = (view[2], view[3]);
    let shown: Vec<(String, (f64, f64, f64, f64))> = labels(svg)
        .iter()
        .filter(|l| !l.classes.contains(&"nh"))
        .map(|l| (l.text.to_owned(), phone_box(l)))
        .collect();
    for (text, (left, top, right, bottom)) in &shown {
        assert!(
            *left >= 0.0 && *right <= width && *top >= 0.0 && *bottom <= height,
            "{text} leaves the {width}×{height} viewBox on a phone: {left:.0} {top:.0} {right:.0} {bottom:.0}"
        );
    }
    for (i, (a, ab)) in shown.iter().enumerate() {
        for (b, bb) in &shown[i + 1..] {
            let apart = ab.2 <= bb.0 || bb.2 <= ab.0 || ab.3 <= bb.1 || bb.3 <= ab.1;
            assert!(apart, "{a} and {b} overlap on a phone: {ab:?} {bb:?}");
        }
    }
}

fn desc(svg: &str) -> &str {
    let start = svg.find("<desc id=").unwrap();
    let start = start + svg[start..].find('>').unwrap() + 1;
    let end = svg[start..].find("</desc>").unwrap() + start;
    &svg[start..end]
}

/// The lines drawn in style `class`: the subpaths (`M`) of its `<path>`s.
fn subpaths(svg: &str, class: &str) -> usize {
    svg.split(&format!("<path class=\"{class}\" d=\""))
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().matches('M').count())
        .sum()
}

fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

/// Elements drawn in the main series colour with a fill: dots and solid bars.
const DARK_FILL: &str = "class=\"dk\"";
const HATCHED: &str = "-hatch)\"";

// ---- S-curve -------------------------------------------------------------------------

#[test]
fn s_curve_structure() {
    let svg = s_curve("ผลการเบิกจ่ายสะสม", &six_months(), FY);
    assert_frame(&svg, "ผลการเบิกจ่ายสะสม");
    assert_eq!(
        desc(&svg),
        "ปีงบประมาณ พ.ศ. 2566: เบิกจ่ายสะสมร้อยละ 93.65 ณ มี.ค. 66 แผนร้อยละ 79.37 เป้าหมายร้อยละ 52.00"
    );
    // All twelve months on the axis, ต.ค. first and ก.ย. last.
    for abbr in crate::thai::MONTHS_ABBR {
        assert!(svg.contains(&format!(">{abbr}</text>")), "{abbr}");
    }
    assert!(svg.find(">ต.ค.</text>").unwrap() < svg.find(">ก.ย.</text>").unwrap());
    // Six actual dots plus the legend's; six plan squares plus the legend's.
    assert_eq!(count(&svg, "<circle"), 7);
    assert_eq!(count(&svg, "<path class=\"pm\""), 7);
    // Dashed plan, dotted target, solid actual.
    assert!(svg.contains("<path class=\"pl\""));
    assert!(svg.contains("<path class=\"tl\""));
    assert!(svg.contains("<path class=\"ac\""));
    // Percent axis and the latest value.
    for label in ["0%", "20%", "100%", "93.65%"] {
        assert!(svg.contains(&format!(">{label}</text>")), "{label}");
    }
    // The legend is HTML under the chart, each entry's swatch in the series' own style.
    let (drawing, legend) = split(&svg);
    for (class, label) in [
        ("ac", "เบิกจ่ายสะสม"),
        ("pl", "แผนการใช้จ่ายสะสม"),
        ("tl", "เป้าหมายการเบิกจ่าย"),
    ] {
        assert!(!drawing.contains(label) || label == "เบิกจ่ายสะสม", "{label}");
        let entry = legend
            .split("<li>")
            .find(|e| e.contains(label))
            .expect(label);
        assert!(
            entry.contains(&format!("<path class=\"{class}\"")),
            "{entry}"
        );
        assert!(
            entry.ends_with(&format!("</svg>{label}</li>"))
                || entry.ends_with(&format!("</svg>{label}</li></ul>\n")),
            "{entry}"
        );
    }
    // Styles are classes of the stylesheet, not attributes on every element.
    for attribute in ["font-family=", "opacity=", "stroke=", "font-size="] {
        assert!(!svg.contains(attribute), "{attribute}");
    }
}

#[test]
fn s_curve_without_plan_or_target_has_neither_line() {
    let months: Vec<_> = six_months()
        .into_iter()
        .map(|m| MonthFigures {
            planned_cumulative: None,
            target_rate: None,
            ..m
        })
        .collect();
    let svg = s_curve("ก", &months, FY);
    assert_frame(&svg, "ก");
    assert!(!svg.contains("class=\"pl\""));
    assert!(!svg.contains("class=\"tl\""));
    assert!(!svg.contains("แผนการใช้จ่ายสะสม"));
    assert!(!svg.contains("เป้าหมายการเบิกจ่าย"));
    assert_eq!(
        desc(&svg),
        "ปีงบประมาณ พ.ศ. 2566: เบิกจ่ายสะสมร้อยละ 93.65 ณ มี.ค. 66"
    );
}

#[test]
fn s_curve_edge_cases() {
    // Empty: the frame, all months, a note.
    let svg = s_curve("ว่าง", &[], FY);
    assert_frame(&svg, "ว่าง");
    assert_eq!(desc(&svg), "ปีงบประมาณ พ.ศ. 2566: ยังไม่มีข้อมูลการเบิกจ่าย");
    assert!(svg.contains(">ก.ย.</text>"));
    assert_eq!(count(&svg, "<circle"), 1);

    // Allocation 0: rates are 0, no panic.
    let zero: Vec<_> = six_months()
        .into_iter()
        .map(|m| MonthFigures {
            allocation: Decimal::ZERO,
            ..m
        })
        .collect();
    let svg = s_curve("ศูนย์", &zero, FY);
    assert_frame(&svg, "ศูนย์");
    assert!(desc(&svg).contains("ร้อยละ 0.00"));

    // Over 100 and negative: the axis widens; absurd rates are clamped, labels keep them.
    let mut wild = six_months();
    wild[2].disbursed_cumulative = dec!(-630);
    wild[5].disbursed_cumulative = dec!(8190);
    wild[4].allocation = dec!(0.01);
    let svg = s_curve("เกิน", &wild, FY);
    assert_frame(&svg, "เกิน");
    assert!(svg.contains(">130.00%</text>"));
    assert!(svg.contains("-"), "negative tick");
    assert!(svg.contains(">1,000%</text>"), "axis clamped at 1000%");

    // Huge amounts and one month; months of another year are ignored.
    let mut huge = six_months();
    for m in &mut huge {
        m.allocation = dec!(1e15);
        m.disbursed_cumulative *= dec!(1e11);
    }
    huge.push(MonthFigures {
        month: Month::new(2030, 1),
        ..huge[0]
    });
    assert_frame(&s_curve("ใหญ่", &huge, FY), "ใหญ่");
    assert_frame(&s_curve("หนึ่ง", &huge[..1], FY), "หนึ่ง");
    let max = MonthFigures {
        month: FY.first_month(),
        disbursed: Decimal::MAX,
        reported: true,
        disbursed_cumulative: Decimal::MAX,
        allocation: Decimal::new(1, 28),
        planned_cumulative: Some(Decimal::MIN),
        target_rate: Some(Decimal::MAX),
        of_received: None,
    };
    assert_frame(&s_curve("สุดขั้ว", &[max], FY), "สุดขั้ว");
    assert_frame(&monthly_columns("สุดขั้ว", &[max], FY), "สุดขั้ว");
}

// ---- Monthly columns -----------------------------------------------------------------

#[test]
fn monthly_columns_structure() {
    let svg = monthly_columns("ผลการเบิกจ่ายรายเดือน", &six_months(), FY);
    assert_frame(&svg, "ผลการเบิกจ่ายรายเดือน");
    assert_eq!(
        desc(&svg),
        "ปีงบประมาณ พ.ศ. 2566: เบิกจ่ายรายเดือน ต.ค. 65 ถึง มี.ค. 66 รวม 5,900.00 บาท สูงสุด ธ.ค. 65 1,500.00 บาท"
    );
    // Six columns (January's is zero high, still drawn), twelve month labels.
    assert_eq!(count(&svg, DARK_FILL), 6);
    assert!(svg.contains(">ก.ย.</text>"));
    for label in ["บาท", "1,500", "1,250", "0"] {
        assert!(svg.contains(&format!(">{label}</text>")), "{label}");
    }
}

#[test]
fn monthly_columns_in_millions_with_separators() {
    let months: Vec<_> = six_months()
        .into_iter()
        .map(|m| MonthFigures {
            disbursed: m.disbursed * dec!(1e12),
            ..m
        })
        .collect();
    let svg = monthly_columns("ล้าน", &months, FY);
    assert_frame(&svg, "ล้าน");
    assert!(svg.contains(">ล้านบาท</text>"));
    assert!(svg.contains(">1,500,000,000</text>"), "{svg}");
    assert!(desc(&svg).contains("รวม 5,900,000,000,000,000.00 บาท"));
}

#[test]
fn monthly_columns_edge_cases() {
    let svg = monthly_columns("ว่าง", &[], FY);
    assert_frame(&svg, "ว่าง");
    assert_eq!(count(&svg, DARK_FILL), 0);
    let mut negative = six_months();
    negative[1].disbursed = dec!(-2500.75);
    let svg = monthly_columns("ติดลบ", &negative, FY);
    assert_frame(&svg, "ติดลบ");
    assert!(svg.contains(">-2,501</text>"));
}

// ---- Ranking -------------------------------------------------------------------------

#[test]
fn ranking_structure() {
    let svg = ranking_bars("อัตราการเบิกจ่ายรายหน่วยงาน", &offices(), Some(dec!(52)));
    assert_frame(&svg, "อัตราการเบิกจ่ายรายหน่วยงาน");
    // Three meet the target (solid, plus the legend's), two below (hatched, plus legend's).
    assert_eq!(count(&svg, DARK_FILL), 3 + 1);
    assert_eq!(count(&svg, HATCHED), 2 + 1);
    assert!(svg.contains("<pattern id=\""));
    for label in ["93.65%", "48.33%", "12.50%", "กองแผนงาน"] {
        assert!(svg.contains(&format!(">{label}</text>")), "{label}");
    }
    // The target's value is in the legend, beside its dotted swatch.
    assert!(
        split(&svg)
            .1
            .contains("<path class=\"tl\" d=\"M1 6H27\"/></svg>เป้าหมาย 52.00%</li>"),
        "{svg}"
    );
    // The long name is cut to fit at the phone text size, whole characters only; the
    // description names the rows it cites in full.
    assert!(svg.contains(">ศูนย์ส่งเสริมและพัฒนาอาชี…</text>"), "{svg}");
    assert!(
        desc(&svg)
            .contains("ต่ำสุด ศูนย์ส่งเสริมและพัฒนาอาชีพการเกษตร จังหวัดสุราษฎร์ธานี (ด้านพืชสวน) ร้อยละ 12.50")
    );
    assert!(
        desc(&svg).starts_with("5 รายการ อัตราเบิกจ่ายสูงสุด สำนักงานเกษตรจังหวัดนครศรีธรรมราช ร้อยละ 93.65")
    );
    assert!(desc(&svg).ends_with("เป้าหมายร้อยละ 52.00 ถึงเป้าหมาย 3 รายการ"));
}

#[test]
fn ranking_without_target_is_all_solid_without_legend() {
    let svg = ranking_bars("ก", &offices(), None);
    assert_frame(&svg, "ก");
    assert_eq!(count(&svg, DARK_FILL), 5);
    assert!(!svg.contains("<pattern"));
    assert!(!svg.contains("เป้าหมาย"));
}

#[test]
fn ranking_edge_cases() {
    assert_frame(&ranking_bars("ว่าง", &[], Some(dec!(50))), "ว่าง");
    let one = [RankRow {
        label: "หนึ่ง".into(),
        rate: dec!(150),
    }];
    let svg = ranking_bars("หนึ่ง", &one, Some(dec!(-20)));
    assert_frame(&svg, "หนึ่ง");
    assert!(svg.contains(">150.00%</text>"));
    let many: Vec<RankRow> = (0..200)
        .map(|i| RankRow {
            label: format!("หน่วยงานที่ {i}"),
            rate: Decimal::from(i) - dec!(50),
        })
        .collect();
    let svg = ranking_bars("สองร้อย", &many, Some(dec!(30)));
    assert_frame(&svg, "สองร้อย");
    assert!(svg.contains(">หน่วยงานที่ 199</text>"));
    assert_eq!(count(&svg, DARK_FILL) + count(&svg, HATCHED), 200 + 2);
    let wild = [
        RankRow {
            label: "ก".into(),
            rate: Decimal::MAX,
        },
        RankRow {
            label: "ข".into(),
            rate: Decimal::MIN,
        },
    ];
    assert_frame(&ranking_bars("สุดขั้ว", &wild, Some(Decimal::MAX)), "สุดขั้ว");
}

// ---- Budget nodes --------------------------------------------------------------------

#[test]
fn budget_structure() {
    let svg = budget_nodes("งบประมาณตามหมวดรายจ่าย", &nodes());
    assert_frame(&svg, "งบประมาณตามหมวดรายจ่าย");
    // Per node: allocation light, disbursed solid, committed hatched; plus the legend.
    assert_eq!(count(&svg, "class=\"lt\""), 3);
    assert_eq!(count(&svg, "class=\"lt sd\""), 1, "the legend's swatch");
    assert_eq!(count(&svg, DARK_FILL), 3 + 1);
    assert_eq!(count(&svg, HATCHED), 3 + 1);
    for label in [
        "3,500,000.00",
        "2,100,000.50",
        "0.00",
        "1,000,000",
        "บาท",
        "งบลงทุน: ครุภัณฑ์",
    ] {
        assert!(svg.contains(&format!(">{label}</text>")), "{label}");
    }
    assert_eq!(
        desc(&svg),
        "3 รายการ งบประมาณรวม 6,300,000.00 บาท เบิกจ่าย 2,990,000.50 บาท (ร้อยละ 47.46) ผูกพัน 1,600,000.00 บาท"
    );
}

#[test]
fn budget_edge_cases() {
    assert_frame(&budget_nodes("ว่าง", &[]), "ว่าง");
    let zero = [BudgetRow {
        label: "ศูนย์".into(),
        allocation: Decimal::ZERO,
        disbursed: Decimal::ZERO,
        committed: Decimal::ZERO,
    }];
    assert_frame(&budget_nodes("ศูนย์", &zero), "ศูนย์");
    let huge = [BudgetRow {
        label: "ใหญ่".into(),
        allocation: dec!(1e15),
        disbursed: dec!(7.5e14),
        committed: dec!(-1e13),
    }];
    let svg = budget_nodes("ใหญ่", &huge);
    assert_frame(&svg, "ใหญ่");
    assert!(svg.contains(">ล้านบาท</text>"));
    assert!(svg.contains(">1,000,000,000.00</text>"));
    let many: Vec<BudgetRow> = (0..200)
        .map(|i| BudgetRow {
            label: format!("รายการ {i}"),
            allocation: Decimal::from(i * 1000),
            disbursed: Decimal::from(i * 500),
            committed: Decimal::from(i * 100),
        })
        .collect();
    assert_frame(&budget_nodes("สองร้อย", &many), "สองร้อย");
}

// ---- Progress ------------------------------------------------------------------------

#[test]
fn progress_structure() {
    let svg = progress_bars("ความก้าวหน้าของกิจกรรม", &tasks());
    assert_frame(&svg, "ความก้าวหน้าของกิจกรรม");
    // Four tracks; three fills (0% draws none).
    assert_eq!(count(&svg, "class=\"tr\""), 4);
    assert_eq!(count(&svg, DARK_FILL), 3);
    // Capped at 100 on the bar, the real value in the label.
    assert!(svg.contains(">120.50%</text>"));
    let track_end = svg.split("class=\"tr\"").count();
    assert!(track_end > 1);
    assert_eq!(
        desc(&svg),
        "4 รายการ ครบร้อยละ 100 แล้ว 2 รายการ เฉลี่ยร้อยละ 70.75"
    );
}

#[test]
fn progress_bar_stops_at_the_track_end() {
    let rows = [
        ProgressRow {
            label: "เต็ม".into(),
            percent: dec!(100),
        },
        ProgressRow {
            label: "เกิน".into(),
            percent: dec!(250),
        },
        ProgressRow {
            label: "ติดลบ".into(),
            percent: dec!(-10),
        },
    ];
    let svg = progress_bars("ก", &rows);
    assert_frame(&svg, "ก");
    let widths: Vec<&str> = svg
        .split('<')
        .filter(|l| l.starts_with("rect") && l.contains(DARK_FILL))
        .map(|l| {
            l.split("width=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(widths.len(), 2);
    assert_eq!(widths[0], widths[1]);
    assert!(svg.contains(">-10.00%</text>"));
}

#[test]
fn progress_edge_cases() {
    assert_frame(&progress_bars("ว่าง", &[]), "ว่าง");
    let many: Vec<ProgressRow> = (0..200)
        .map(|i| ProgressRow {
            label: format!("ตัวชี้วัด {i}"),
            percent: Decimal::from(i),
        })
        .collect();
    assert_frame(&progress_bars("สองร้อย", &many), "สองร้อย");
    let wild = [ProgressRow {
        label: "ก".into(),
        percent: Decimal::MIN,
    }];
    assert_frame(&progress_bars("สุดขั้ว", &wild), "สุดขั้ว");
}

// ---- Phones: kinds, legends, fewer labels ---------------------------------------------

#[test]
fn each_kind_of_chart_has_its_root_class() {
    let charts = [
        (s_curve("ก", &six_months(), FY), "s-curve"),
        (monthly_columns("ก", &six_months(), FY), "columns"),
        (ranking_bars("ก", &offices(), Some(dec!(52))), "ranking"),
        (budget_nodes("ก", &nodes()), "budget"),
        (progress_bars("ก", &tasks()), "progress"),
    ];
    for (chart, kind) in charts {
        let id = assert_frame(&chart, "ก");
        assert!(
            chart.starts_with(&format!("<svg id=\"{id}\" class=\"chart {kind}\" ")),
            "{kind}: {}",
            &chart[..120]
        );
    }
}

/// The legend's entries: (swatch markup, label).
fn legend_entries(chart: &str) -> Vec<(&str, &str)> {
    split(chart)
        .1
        .split("<li>")
        .skip(1)
        .map(|entry| {
            let entry = entry.split("</li>").next().unwrap();
            let (swatch, label) = entry.rsplit_once("</svg>").unwrap();
            assert!(
                swatch.starts_with("<svg viewBox=\"0 0 28 12\" aria-hidden=\"true\">"),
                "{swatch}"
            );
            (swatch, label)
        })
        .collect()
}

#[test]
fn legends_are_html_lists_of_the_series_in_thai() {
    let budget = budget_nodes("งบ", &nodes());
    let id = chart_id(&budget);
    let entries = legend_entries(&budget);
    let labels: Vec<&str> = entries.iter().map(|(_, l)| *l).collect();
    assert_eq!(labels, ["งบประมาณที่ได้รับจัดสรร", "เบิกจ่าย", "ผูกพัน"]);
    assert!(entries[0].0.contains("class=\"lt sd\""), "{}", entries[0].0);
    assert!(entries[1].0.contains("class=\"dk\""), "{}", entries[1].0);
    assert!(
        entries[2].0.contains(&format!("fill=\"url(#{id}-hatch)\"")),
        "{}",
        entries[2].0
    );
    // Legends are not drawn inside the chart any more.
    assert!(!split(&budget).0.contains(">ผูกพัน</text>"));

    // Every office meets the target: no bar is hatched, the legend's swatch still is, so the
    // chart defines the pattern.
    let all_met = ranking_bars("ก", &offices(), Some(dec!(10)));
    let id = chart_id(&all_met);
    assert_eq!(count(split(&all_met).0, "-hatch)\""), 0);
    assert!(all_met.contains(&format!("<pattern id=\"{id}-hatch\"")));
    let labels: Vec<&str> = legend_entries(&all_met).iter().map(|(_, l)| *l).collect();
    assert_eq!(labels, ["ถึงเป้าหมาย", "ต่ำกว่าเป้าหมาย", "เป้าหมาย 10.00%"]);

    // The columns and progress bars have one series: no legend.
    assert!(split(&monthly_columns("ก", &six_months(), FY)).1.is_empty());
    assert!(split(&progress_bars("ก", &tasks())).1.is_empty());
}

#[test]
fn phones_show_every_other_month_and_no_column_amounts() {
    let curve = s_curve("ก", &six_months(), FY);
    for (i, abbr) in FY.months().map(crate::thai::month_abbr).enumerate() {
        let class = if i % 2 == 1 { "m mu nh" } else { "m mu" };
        assert!(
            curve.contains(&format!(" class=\"{class}\">{abbr}</text>")),
            "{abbr}: {curve}"
        );
    }
    // The value axis has room: every label shows.
    for label in ["0%", "20%", "40%", "60%", "80%", "100%"] {
        assert!(
            curve.contains(&format!(" class=\"e mu\">{label}</text>")),
            "{label}"
        );
    }
    let columns = monthly_columns("ก", &six_months(), FY);
    for amount in ["1,200", "900", "1,500", "1,400"] {
        assert!(
            columns.contains(&format!(" class=\"m xs nh\">{amount}</text>")),
            "{amount}: {columns}"
        );
    }
    // A crowded value axis of a bar chart hides every other tick label on phones.
    let budget = budget_nodes("ก", &nodes());
    let ticks: Vec<Label> = labels(split(&budget).0)
        .into_iter()
        .filter(|l| l.classes.contains(&"mu") && l.classes.contains(&"m"))
        .filter(|l| l.text != "บาท")
        .collect();
    assert!(ticks.len() >= 4, "{budget}");
    for (i, tick) in ticks.iter().enumerate() {
        assert_eq!(tick.classes.contains(&"nh"), i % 2 == 1, "{}", tick.text);
    }
    // The stylesheet hides them under its phone query, where text is drawn larger.
    let phone = CSS.split("@media (max-width:600px){").nth(1).unwrap();
    assert!(phone.contains(".chart .nh{display:none}"), "{phone}");
    assert!(phone.contains(".chart text{font-size:24px}"), "{phone}");
}

// ---- Escaping, ids, determinism ------------------------------------------------------

const EVIL: &str = "<script>alert(1)</script> & \"x\"";

fn evil_charts() -> Vec<String> {
    let mut months = six_months();
    months.truncate(3);
    vec![
        s_curve(EVIL, &months, FY),
        monthly_columns(EVIL, &months, FY),
        ranking_bars(
            EVIL,
            &[RankRow {
                label: EVIL.into(),
                rate: dec!(10),
            }],
            Some(dec!(5)),
        ),
        budget_nodes(
            EVIL,
            &[BudgetRow {
                label: EVIL.into(),
                allocation: dec!(10),
                disbursed: dec!(5),
                committed: dec!(1),
            }],
        ),
        progress_bars(
            EVIL,
            &[ProgressRow {
                label: EVIL.into(),
                percent: dec!(50),
            }],
        ),
    ]
}

#[test]
fn user_text_is_escaped_everywhere() {
    for svg in evil_charts() {
        assert_frame(&svg, EVIL);
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("</script"), "{svg}");
        assert!(!svg.contains(EVIL));
        assert!(!svg.contains("& "), "bare ampersand");
        assert!(!svg.contains("\"x\""), "bare quotes");
        // Title (in <title> and drawn) and, in the bar charts, the row label.
        assert!(
            count(&svg, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; ") >= 2,
            "{svg}"
        );
    }
}

#[test]
fn ids_differ_between_charts_and_repeat_for_the_same_input() {
    let a = s_curve("ก", &six_months(), FY);
    let b = s_curve("ข", &six_months(), FY);
    let c = s_curve("ก", &six_months()[..5], FY);
    let id = chart_id;
    assert_ne!(id(&a), id(&b));
    assert_ne!(id(&a), id(&c));
    assert_eq!(a, s_curve("ก", &six_months(), FY));
    let all = evil_charts();
    let mut ids: Vec<String> = all.iter().map(|s| id(s)).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all.len(), "one id per chart kind");
    // The hatch pattern is named after the chart.
    let ranking = ranking_bars("ก", &offices(), Some(dec!(52)));
    let rid = id(&ranking);
    assert!(ranking.contains(&format!("<pattern id=\"{rid}-hatch\"")));
    assert!(ranking.contains(&format!("fill=\"url(#{rid}-hatch)\"")));
}

/// The root's id, after the frame checks.
fn chart_id(svg: &str) -> String {
    assert_well_formed(svg);
    let root = &svg[..svg.find('>').unwrap()];
    root.split("id=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned()
}

#[test]
fn a_long_title_is_cut_to_fit_a_phone_and_whole_in_its_title_element() {
    let long = "ผลการเบิกจ่ายสะสมของหน่วยงานเทียบแผนการใช้จ่ายและเป้าหมายการเบิกจ่ายรายไตรมาส";
    let svg = s_curve(long, &six_months(), FY);
    // assert_frame checks the drawn title stays inside the chart at phone size.
    assert_frame(&svg, long);
    let drawn = labels(&svg)
        .into_iter()
        .find(|l| l.classes.contains(&"ti"))
        .unwrap()
        .text
        .to_owned();
    assert!(drawn.ends_with('…'), "{drawn}");
    assert!(long.starts_with(drawn.trim_end_matches('…')), "{drawn}");
}

#[test]
fn titles_are_cleaned_to_one_line() {
    let svg = progress_bars("  ความก้าวหน้า\nรายไตรมาส ", &tasks());
    assert_frame(&svg, "ความก้าวหน้า รายไตรมาส");
}

// ---- Snapshots -----------------------------------------------------------------------

#[test]
fn snapshot_s_curve() {
    insta::assert_snapshot!(s_curve("ผลการเบิกจ่ายสะสม ปีงบประมาณ 2566", &six_months(), FY));
}

#[test]
fn snapshot_monthly_columns() {
    insta::assert_snapshot!(monthly_columns("ผลการเบิกจ่ายรายเดือน", &six_months(), FY));
}

#[test]
fn snapshot_ranking_bars() {
    insta::assert_snapshot!(ranking_bars(
        "อัตราการเบิกจ่ายรายหน่วยงาน",
        &offices(),
        Some(dec!(52))
    ));
}

#[test]
fn snapshot_budget_nodes() {
    insta::assert_snapshot!(budget_nodes("งบประมาณตามหมวดรายจ่าย", &nodes()));
}

#[test]
fn snapshot_progress_bars() {
    insta::assert_snapshot!(progress_bars("ความก้าวหน้าของกิจกรรม", &tasks()));
}

/// Six months with February (index 4) not reported: its flows are unknown, not zero.
fn six_months_february_unreported() -> Vec<MonthFigures> {
    let mut months = six_months();
    let previous = months[3].disbursed_cumulative;
    months[4].reported = false;
    months[4].disbursed = Decimal::ZERO;
    months[4].disbursed_cumulative = previous;
    months[5].disbursed_cumulative = previous + months[5].disbursed;
    months
}

#[test]
fn a_month_not_reported_is_a_gap_not_a_zero_column() {
    let svg = monthly_columns("ผลการเบิกจ่ายรายเดือน", &six_months_february_unreported(), FY);
    // Five columns: January's zero (reported) is drawn, February (not reported) is not.
    assert_eq!(count(&svg, DARK_FILL), 5);
}

#[test]
fn a_month_not_reported_breaks_the_s_curve() {
    let whole = s_curve("ผลการเบิกจ่ายสะสม", &six_months(), FY);
    let broken = s_curve("ผลการเบิกจ่ายสะสม", &six_months_february_unreported(), FY);
    // One actual line becomes two (Oct–Jan, Mar); one dot fewer.
    assert_eq!(subpaths(&broken, "ac"), subpaths(&whole, "ac") + 1);
    assert_eq!(count(&broken, "<circle"), count(&whole, "<circle") - 1);
}
