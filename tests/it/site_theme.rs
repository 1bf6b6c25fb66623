//! `theme: NAME` in site.yaml lays `themes/NAME/` (beside the content folder) over the
//! embedded default theme, one file at a time.

use crate::common;
use crate::site_support;

use site_support::{build_ok, copy_example};

#[test]
fn a_theme_overrides_one_template_and_one_static_file() {
    let dir = tempfile::tempdir().unwrap();
    let content = copy_example(dir.path());
    let site = std::fs::read_to_string(content.join("site.yaml")).unwrap();
    std::fs::write(
        content.join("site.yaml"),
        format!("{site}theme: intranet\n"),
    )
    .unwrap();
    let theme = dir.path().join("themes/intranet");
    std::fs::create_dir_all(theme.join("templates")).unwrap();
    std::fs::create_dir_all(theme.join("static/css")).unwrap();
    std::fs::write(
        theme.join("templates/page.html"),
        "{% extends \"base.html\" %}{% block main %}<p class=\"mine\">{{ title }}</p>{% endblock main %}",
    )
    .unwrap();
    std::fs::write(theme.join("static/css/extra.css"), "p.mine { color: red }").unwrap();
    let root = build_ok(&content, dir.path());
    let about =
        common::unmarked(&std::fs::read_to_string(root.join("pages/about/index.html")).unwrap());
    assert!(
        about.contains("<p class=\"mine\">เกี่ยวกับระบบ</p>"),
        "{about}"
    );
    // The rest of the default theme is still there.
    assert!(about.contains("static/css/site.css"));
    assert!(root.join("static/css/extra.css").is_file());
    assert!(root.join("static/css/site.css").is_file());
    assert!(root.join("static/fonts/Sarabun-Regular.ttf").is_file());
    let plan = common::unmarked(
        &std::fs::read_to_string(root.join("2566/plans/samut-prakan/debt-relief/index.html"))
            .unwrap(),
    );
    assert!(plan.contains("ผลการใช้จ่ายงบประมาณตามรายการ"));
}
