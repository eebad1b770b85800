//! `qyx template` writes the sheet departments fill in; `qyx check` must read it back as it is,
//! in CSV and in .xlsx, judging every row it lists.

mod common;

use common::qyx;

#[test]
fn filled_csv_template_is_judged_row_for_row() {
    let dir = tempfile::tempdir().unwrap();
    let out = qyx(
        &["template", "zhuji", "--year", "2024", "-o", "t.csv"],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(dir.path().join("t.csv")).unwrap();
    assert!(
        text.starts_with('\u{feff}'),
        "a BOM, so that Excel opens it as UTF-8"
    );
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "地区",
            "指标",
            "指标名称",
            "年份",
            "目标",
            "单位",
            "牵头单位",
            "数值",
            "备注"
        ]
    );
    let mut w = csv::Writer::from_path(dir.path().join("filled.csv")).unwrap();
    w.write_record(&headers).unwrap();
    let mut rows = 0;
    for rec in reader.records() {
        let mut rec: Vec<String> = rec.unwrap().iter().map(str::to_string).collect();
        // A milestone has no unit; anything else gets a number in the template's unit.
        rec[7] = if rec[5].is_empty() && !rec[4].chars().any(|c| c.is_ascii_digit()) {
            "否".into()
        } else {
            "0".into()
        };
        w.write_record(&rec).unwrap();
        rows += 1;
    }
    w.flush().unwrap();
    assert!(
        rows >= 21,
        "every 2024 target of Zhuji's table and prose, got {rows}"
    );

    let out = qyx(&["check", "filled.csv", "--format", "json"], dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Zeros are judged (and, where the target and baseline are well above 0, doubtful).
    assert!(
        !stderr.contains("error"),
        "no row of the template is rejected: {stderr}"
    );
    let judged: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(judged.as_array().unwrap().len(), rows);
    assert_eq!(out.status.code(), Some(1), "zeros miss their targets");
}

#[test]
fn xlsx_template_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = qyx(
        &["template", "shengsi", "--year", "2024", "-o", "t.xlsx"],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Unfilled: an empty value cell is no data, never an error; the summary says how many
    // rows are unfilled, and --all lists them.
    let out = qyx(&["check", "t.xlsx"], dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let csv = qyx(&["template", "shengsi", "--year", "2024"], dir.path());
    let listed = String::from_utf8_lossy(&csv.stdout).lines().count() - 1;
    assert!(
        listed > 28,
        "the table's 28 rows and the prose's targets, got {listed}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.ends_with(&format!(
            "共0项; {listed}行未填数值(--missing 列出应报未报的催报清单, --all 列出全部目标)\n"
        )),
        "{stdout}"
    );
    let out = qyx(
        &["check", "t.xlsx", "--all", "--format", "json"],
        dir.path(),
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(rows.as_array().unwrap().len() >= listed, "{rows}");
}
