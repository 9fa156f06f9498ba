//! `entente compare`: its numbers against DuckDB queries on the same Parquet,
//! its text table, its plots and its errors.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::harness::{dev_out, entente, python, rows, seeds_out, stderr, stdout, str_of};

/// Runs a DuckDB query in the test venv; `{out}` in `sql` is the tables directory.
fn duckdb(sql: &str, out: &Path) -> Vec<Value> {
    let script = "import duckdb, json, sys\n\
        rel = duckdb.sql(sys.argv[1])\n\
        print(json.dumps([dict(zip(rel.columns, r)) for r in rel.fetchall()], default=str))";
    let sql = sql.replace("{out}", out.to_str().unwrap());
    let o = Command::new(python())
        .args(["-c", script, &sql])
        .output()
        .expect("python runs");
    assert!(o.status.success(), "duckdb query failed: {}", stderr(&o));
    records(&stdout(&o))
}

fn records(json: &str) -> Vec<Value> {
    match serde_json::from_str(json) {
        Ok(Value::Array(rows)) => rows,
        other => panic!("not an array of records: {other:?}\n{json}"),
    }
}

/// `compare --format json` with extra arguments, on a tables directory.
fn compare_json(out: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = vec![
        "compare",
        "--tables",
        out.to_str().unwrap(),
        "--format",
        "json",
    ];
    all.extend(args);
    let o = entente(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    records(&stdout(&o))
}

/// Records keyed by the `keys` columns, each mapped to the `values` columns.
fn by_key(rows: &[Value], keys: &[&str], values: &[&str]) -> BTreeMap<String, Vec<f64>> {
    rows.iter()
        .map(|r| {
            let key: Vec<String> = keys.iter().map(|k| r[*k].to_string()).collect();
            let vals = values
                .iter()
                .map(|v| r[*v].as_f64().unwrap_or_else(|| panic!("{v} in {r}")))
                .collect();
            (key.join("|"), vals)
        })
        .collect()
}

/// `compare --format json` with `args` gives the same `values` per `keys` as the DuckDB query.
fn assert_matches_duckdb(out: &Path, args: &[&str], sql: &str, keys: &[&str], values: &[&str]) {
    let ours = by_key(&compare_json(out, args), keys, values);
    let theirs = by_key(&duckdb(sql, out), keys, values);
    assert!(
        !theirs.is_empty(),
        "the DuckDB query found nothing to compare"
    );
    assert_eq!(
        ours.keys().collect::<Vec<_>>(),
        theirs.keys().collect::<Vec<_>>()
    );
    for (k, v) in &ours {
        for (a, b) in v.iter().zip(&theirs[k]) {
            assert!(
                (a - b).abs() < 1e-9,
                "{k}: compare {v:?}, DuckDB {:?}",
                theirs[k]
            );
        }
    }
}

const PAIR: [&str; 2] = ["partner", "theme"];
const PERIOD_PAIR: [&str; 4] = ["partner", "year", "month", "theme"];
const COUNTS: [&str; 2] = ["meetings", "share"];
const PERIOD_COUNTS: [&str; 3] = ["meetings", "partner_meetings", "share"];

#[test]
fn counts_and_shares_equal_theme_counts_in_duckdb() {
    assert_matches_duckdb(
        seeds_out(),
        &[],
        "SELECT partner, theme, meetings, share FROM read_parquet('{out}/theme_counts/**/*.parquet')",
        &PAIR,
        &COUNTS,
    );
}

/// The same counts per period from `meetings` and `topics`, periods joined
/// null-safely: a meeting without a year or month is a period of its own.
const PER_PERIOD: &str = "
    WITH m AS (
        SELECT partner, meeting_id, year, month FROM read_parquet('{out}/meetings/**/*.parquet') WHERE {where}
    ), tot AS (
        SELECT partner, year, month, count(DISTINCT meeting_id) AS n FROM m GROUP BY ALL
    )
    SELECT m.partner, m.year, m.month, t.theme, count(DISTINCT m.meeting_id) AS meetings,
           any_value(tot.n) AS partner_meetings,
           count(DISTINCT m.meeting_id) / any_value(tot.n) AS share
    FROM m JOIN read_parquet('{out}/topics/**/*.parquet') t USING (meeting_id)
    JOIN tot ON tot.partner = m.partner AND tot.year IS NOT DISTINCT FROM m.year
        AND tot.month IS NOT DISTINCT FROM m.month
    GROUP BY m.partner, m.year, m.month, t.theme";

#[test]
fn monthly_counts_keep_unknown_periods_and_match_duckdb() {
    let ours = compare_json(dev_out(), &["--by", "month"]);
    assert!(
        ours.iter().any(|r| r["year"].is_null()),
        "undated meetings form their own period"
    );
    assert_matches_duckdb(
        dev_out(),
        &["--by", "month"],
        &PER_PERIOD.replace("{where}", "true"),
        &PERIOD_PAIR,
        &PERIOD_COUNTS,
    );
}

#[test]
fn date_bounds_leave_out_undated_meetings_as_duckdb_does() {
    let bounds = "date BETWEEN DATE '2025-06-01' AND DATE '2025-11-30'";
    assert_matches_duckdb(
        dev_out(),
        &[
            "--by",
            "month",
            "--since",
            "2025-06-01",
            "--until",
            "2025-11-30",
        ],
        &PER_PERIOD.replace("{where}", bounds),
        &PERIOD_PAIR,
        &PERIOD_COUNTS,
    );
}

#[test]
fn partner_and_theme_filters_keep_shares_over_all_meetings() {
    assert_matches_duckdb(
        seeds_out(),
        &["--partners", "russia,Singapore", "--themes", "terrorism,cybercrime"],
        "SELECT partner, theme, meetings, share FROM read_parquet('{out}/theme_counts/**/*.parquet')
         WHERE partner IN ('Russia', 'Singapore') AND theme IN ('terrorism', 'cybercrime')",
        &PAIR,
        &COUNTS,
    );
}

#[test]
fn distinctive_z_scores_match_the_formula_in_duckdb() {
    // Monroe et al. (2008) with the whole corpus as prior: α_w = y_w, α_0 = n.
    assert_matches_duckdb(
        seeds_out(),
        &["--distinctive"],
        "WITH c AS (SELECT partner, theme, meetings::DOUBLE AS y FROM read_parquet('{out}/theme_counts/**/*.parquet')),
              p AS (SELECT partner, sum(y) AS n_i FROM c GROUP BY partner),
              w AS (SELECT theme, sum(y) AS a_w FROM c GROUP BY theme),
              a AS (SELECT sum(y) AS a_0 FROM c),
              v AS (SELECT partner, theme, y, n_i, a_w, a_0, a_w - y AS y_j, a_0 - n_i AS n_j
                    FROM c JOIN p USING (partner) JOIN w USING (theme), a)
         SELECT partner, theme,
                ln((y + a_w) / (n_i + a_0 - y - a_w)) - ln((y_j + a_w) / (n_j + a_0 - y_j - a_w)) AS log_odds,
                (ln((y + a_w) / (n_i + a_0 - y - a_w)) - ln((y_j + a_w) / (n_j + a_0 - y_j - a_w)))
                    / sqrt(1 / (y + a_w) + 1 / (y_j + a_w)) AS z
         FROM v",
        &PAIR,
        &["log_odds", "z"],
    );
}

#[test]
fn table_is_aligned_with_partner_and_theme_totals() {
    let o = entente(&["compare", "--tables", seeds_out().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let matrix: Vec<&str> = text.lines().take_while(|l| !l.is_empty()).collect();
    let width = matrix[0].chars().count();
    for line in &matrix {
        assert_eq!(line.chars().count(), width, "misaligned: {line:?}\n{text}");
    }
    assert!(matrix[0].starts_with("theme") && matrix[0].ends_with("total"));
    let meetings = rows(&seeds_out().join("meetings")).len();
    let last = matrix.last().unwrap();
    assert!(
        last.starts_with("all meetings") && last.ends_with(&format!(" {meetings}")),
        "{last}"
    );
    assert!(text.contains("Most distinctive themes"), "{text}");
}

/// The `width` and `height` attributes of the root `<svg>` element.
fn svg_size(svg: &str) -> (u32, u32) {
    let attr = |name: &str| -> u32 {
        let at = svg.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        svg[at..].split('"').next().unwrap().parse().unwrap()
    };
    (attr("width"), attr("height"))
}

#[test]
fn heatmap_svg_has_every_partner_and_theme() {
    let dir = tempfile::tempdir().unwrap();
    let plot = dir.path().join("heatmap.svg");
    let o = entente(&[
        "compare",
        "--tables",
        seeds_out().to_str().unwrap(),
        "--plot",
        plot.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = std::fs::read_to_string(&plot).unwrap();
    assert!(svg.len() > 10_000, "{} bytes", svg.len());
    let (w, h) = svg_size(&svg);
    assert!(w >= 600 && h >= 300, "{w}x{h}");
    for r in rows(&seeds_out().join("theme_counts")) {
        for col in ["partner", "theme"] {
            let label = str_of(&r, col).unwrap();
            assert!(svg.contains(&label), "{label} missing");
        }
    }
}

#[test]
fn timeline_svg_has_partners_and_months() {
    let dir = tempfile::tempdir().unwrap();
    let plot = dir.path().join("timeline.svg");
    let o = entente(&[
        "compare",
        "--tables",
        dev_out().to_str().unwrap(),
        "--by",
        "month",
        "--timeline",
        plot.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = std::fs::read_to_string(&plot).unwrap();
    assert!(svg.len() > 5_000, "{} bytes", svg.len());
    let (w, h) = svg_size(&svg);
    assert!(w >= 600 && h >= 300, "{w}x{h}");
    for label in ["China", "Russia", "2025-11", "without a known date"] {
        assert!(svg.contains(label), "{label} missing");
    }
}

#[test]
fn parquet_output_holds_the_same_rows_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("counts.parquet");
    let o = entente(&[
        "compare",
        "--tables",
        seeds_out().to_str().unwrap(),
        "--format",
        "parquet",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(rows(dir.path()).len(), compare_json(seeds_out(), &[]).len());
}

#[test]
fn errors_are_one_line_naming_the_input_at_fault() {
    let seeds = seeds_out().to_str().unwrap();
    for (args, names) in [
        (vec!["--partners", "Atlantis"], "Atlantis"),
        (vec!["--themes", "terrorisme"], "terrorisme"),
        (vec!["--format", "parquet"], "--output"),
        (vec!["--plot", "heatmap.png"], "heatmap.png"),
    ] {
        let mut all = vec!["compare", "--tables", seeds];
        all.extend(&args);
        let o = entente(&all);
        assert!(!o.status.success(), "{args:?} succeeded");
        let err = stderr(&o);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(names), "{args:?}: {err}");
    }
    let o = entente(&["compare", "--tables", "no/such/dir"]);
    assert!(stderr(&o).contains("no/such/dir"), "{}", stderr(&o));
}
