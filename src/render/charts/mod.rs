//! Charts as inline SVG: S-curve, ranking, monthly columns, budget nodes, progress bars.
//!
//! Every function returns an HTML fragment to inline: the chart's `<svg>` (no XML
//! declaration), then, for a chart of several series, its legend as a list
//! (`<ul class="lg">`, Thai labels, each swatch a small `aria-hidden` SVG in the chart's
//! classes). The root `<svg>` is classed `chart` and its kind (`s-curve`, `columns`,
//! `ranking`, `budget`, `progress`), has a `viewBox`, `width="100%"` (no height, so it
//! scales to phones), `role="img"` and `aria-labelledby` naming its `<title>` (the chart
//! title) and `<desc>` (a short Thai summary of the data, rows named in full), which are its
//! first children.
//!
//! **Phones.** A 720-wide chart is drawn about half size on a phone, so `CSS` draws its text
//! larger under `@media (max-width:600px)` (`draw::phone_px`: labels 24 units, about 12 px
//! at 390 px) and hides every other label of a crowded axis and the column amounts (class
//! `nh`). Every chart is laid out for that size (label columns, row heights, gaps, long
//! labels cut to fit), so on a phone no label leaves the chart or overlaps another (tested);
//! on wider screens the same text is smaller in the same room.
//!
//! **Ids.** Each chart's id is `chart-` plus 12 hex digits of an FNV-1a hash of the chart
//! kind, title and data, so different charts on one page get different ids, and the same
//! input always gives the same bytes (snapshot tests). The title, desc and hatch pattern
//! ids are derived from it (`{id}-title`, `{id}-desc`, `{id}-hatch`). Two charts with the
//! same kind, title and data would share an id; give them different titles.
//!
//! **Text.** All user text (titles, labels) is cleaned to one line and escaped: plotters'
//! SVG backend escapes `<>&"'` in text and attributes, and our `<title>`/`<desc>` are
//! escaped here. Text is SVG `<text>` in Sarabun (set by the stylesheet), so the browser
//! shapes Thai with the page's `@font-face` for Sarabun; the bundled font is used only to
//! measure text (parsed once per process).
//!
//! **Size.** Styles are classes (`compact`): the site stylesheet and the email report each
//! hold `CSS` once, and a chart's elements carry short class names, integer coordinates and
//! one `<path>` per run of lines of a style; about half the bytes of plotters' own SVG.
//!
//! **Print.** Series differ by line style (solid, dashed, dotted) and marker (dot, square),
//! bars by solid, light-with-outline and hatched fills, so charts read in black and white.
//! Each chart paints its own white background.
//!
//! **Numbers.** Percentages are written `93.65%`, baht with thousands separators; money axes
//! switch to ล้านบาท from ten million. Money stays `Decimal` until it becomes a plotting
//! coordinate (`axis::coord`), and absurd values saturate or are clamped, never panic.
//!
//! **Cost.** About 0.2 ms for an S-curve in release mode; a 200-row ranking about 3 ms.

mod axis;
mod bars;
mod columns;
mod compact;
mod draw;
mod font;
mod months;
mod s_curve;
mod svg;
mod text;

#[cfg(test)]
mod tests;

pub use bars::{BudgetRow, ProgressRow, RankRow, budget_nodes, progress_bars, ranking_bars};
pub use columns::monthly_columns;
pub use compact::CSS;
pub use font::FAMILY as FONT_FAMILY;
pub use s_curve::s_curve;
