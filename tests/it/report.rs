//! `entente report`: the page of the seeds and of a hostile article, read
//! back from the HTML (its summary, its compressed data, its policy), then
//! opened in headless Chromium by tests/report/browser.py.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use base64::Engine;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::harness::{entente, repo, rows, seeds_out, stderr, stdout, str_of};

/// Writes the report of `tables` (with extra arguments) and returns its HTML.
fn report(tables: &Path, extra: &[&str]) -> String {
    // Not into `tables`: other tests list the seeds' directory.
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let mut args = vec![
        "report",
        "--tables",
        tables.to_str().unwrap(),
        "--out",
        page.to_str().unwrap(),
    ];
    args.extend(extra);
    let o = entente(&args);
    assert!(o.status.success(), "entente report failed: {}", stderr(&o));
    std::fs::read_to_string(page).unwrap()
}

/// The text of the element `<script ... id="ID" ...>` (the first `>` ends the tag).
fn script_text<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let start = at + html[at..].find('>').unwrap() + 1;
    let end = start + html[start..].find("</script>").unwrap();
    &html[start..end]
}

/// The rows block, decoded.
fn unpack(html: &str, id: &str) -> Value {
    decode(script_text(html, id))
}

/// The excerpts of every meeting, in the rows' order, from their blocks.
fn evidence(html: &str) -> Vec<Value> {
    let blocks: Value = serde_json::from_str(script_text(html, "evidence-data")).unwrap();
    blocks["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| decode(b.as_str().unwrap()).as_array().unwrap().clone())
        .collect()
}

/// Gzip-compressed JSON in base64, decoded.
fn decode(base64: &str) -> Value {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(base64.trim())
        .unwrap();
    let mut json = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut json)
        .unwrap();
    serde_json::from_str(&json).unwrap()
}

fn strings(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

fn column(table: &Path, col: &str) -> BTreeSet<String> {
    rows(table).iter().filter_map(|r| str_of(r, col)).collect()
}

fn seeds_page() -> &'static str {
    static PAGE: OnceLock<String> = OnceLock::new();
    PAGE.get_or_init(|| report(seeds_out(), &[]))
}

#[test]
fn seeds_page_embeds_the_partners_themes_and_every_meeting() {
    let out = seeds_out();
    let html = seeds_page();
    let summary: Value = serde_json::from_str(script_text(html, "summary-data")).unwrap();
    let partners = column(&out.join("meetings"), "partner");
    let themes = column(&out.join("topics"), "theme");
    assert_eq!(strings(&summary["heatmap"]["partners"]), partners);
    assert_eq!(strings(&summary["heatmap"]["themes"]), themes);
    for p in &partners {
        assert!(html.contains(&format!("data-partner=\"{p}\"")), "{p}");
    }

    let data = unpack(html, "rows-data");
    let meetings = data["meetings"].as_array().unwrap();
    let ids: BTreeSet<String> = meetings
        .iter()
        .map(|m| m[7].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, column(&out.join("meetings"), "meeting_id"));
    assert_eq!(strings(&data["partners"]), partners);
    // Every meeting's first excerpt is its evidence sentence, marks and all.
    let evidence = evidence(html);
    assert_eq!(evidence.len(), meetings.len());
    let sentences: BTreeSet<String> = evidence
        .iter()
        .map(|e| {
            e[0].as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().or_else(|| p[0].as_str()).unwrap())
                .collect()
        })
        .collect();
    assert_eq!(sentences, column(&out.join("meetings"), "evidence"));
}

#[test]
fn filters_are_compares_and_the_summary_says_them() {
    let out = seeds_out();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("r.html");
    let o = entente(&[
        "report",
        "--tables",
        out.to_str().unwrap(),
        "--partners",
        "russia",
        "--themes",
        "terrorism,cybercrime",
        "--out",
        page.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(&page).unwrap();
    let summary: Value = serde_json::from_str(script_text(&html, "summary-data")).unwrap();
    assert_eq!(summary["selection"]["partners"], json!(["Russia"]));
    assert_eq!(
        strings(&summary["heatmap"]["partners"]),
        ["Russia".into()].into()
    );
    assert_eq!(
        strings(&summary["heatmap"]["themes"]),
        ["cybercrime".into(), "terrorism".into()].into()
    );
    // A meeting's themes are only the selected ones.
    let data = unpack(&html, "rows-data");
    let names = data["themes"].as_array().unwrap();
    for m in data["meetings"].as_array().unwrap() {
        for t in m[5].as_array().unwrap() {
            let name = names[t.as_u64().unwrap() as usize].as_str().unwrap();
            assert!(["terrorism", "cybercrime"].contains(&name), "{name}");
        }
    }

    let none = entente(&[
        "report",
        "--tables",
        out.to_str().unwrap(),
        "--since",
        "2100-01-01",
        "--out",
        page.to_str().unwrap(),
    ]);
    assert_eq!(none.status.code(), Some(1));
    let err = stderr(&none);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("no meeting matches the selection"), "{err}");
}

#[test]
fn the_policy_allows_the_pages_own_script_and_style_only() {
    let html = seeds_page();
    let csp_at = html
        .find("http-equiv=\"Content-Security-Policy\" content=\"")
        .expect("a CSP meta");
    let csp = &html[csp_at..csp_at + html[csp_at..].find("\">").unwrap()];
    let csp = csp.replace("&#x27;", "'").replace("&#x2f;", "/");
    let inline = |tag: &str| {
        let open = format!("<{tag}>");
        let start = html.find(&open).unwrap() + open.len();
        let end = start + html[start..].find(&format!("</{tag}>")).unwrap();
        let digest = Sha256::digest(&html.as_bytes()[start..end]);
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        )
    };
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(
        csp.contains(&format!("script-src {};", inline("script"))),
        "{csp}"
    );
    assert!(
        csp.contains(&format!("style-src {};", inline("style"))),
        "{csp}"
    );
    assert!(!csp.contains("unsafe"), "{csp}");
    // One script that runs; the others are data.
    assert_eq!(html.matches("<script>").count(), 1);
    assert_eq!(html.matches("<script").count(), 4);
}

const HOSTILE_TITLE: &str =
    "<script>window.__pwned='title'</script><img src=x onerror=\"window.__pwned='img-title'\"> Việt Nam – Nga";

/// Tables of one French article whose title, text and link are hostile, in
/// a directory whose name is hostile too.
fn hostile_tables() -> &'static Path {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let record = json!({
            "id": "hostile-1",
            "url": "javascript:window.__pwned='url'",
            "title": HOSTILE_TITLE,
            "published": "2024-12-10",
            "lang": "fr",
            "text": "Le 9 décembre, à Hanoï, le ministre de la Sécurité publique Lương Tam Quang a reçu \
                le secrétaire du Conseil de sécurité de Russie Sergueï Choïgou \
                <img src=x onerror=\"window.__pwned='img-text'\">.\n\nLes deux parties ont convenu \
                de renforcer la coopération dans la lutte contre le terrorisme \
                <script>window.__pwned='text'</script> et la criminalité transnationale \u{2028}</script>.",
        });
        let input = dir.path().join("hostile.jsonl");
        std::fs::write(&input, format!("{record}\n")).unwrap();
        let tables = dir.path().join("</script><script>window.__pwned='dir'</script>");
        let o = entente(&[
            "run",
            "--input",
            input.to_str().unwrap(),
            "--out",
            tables.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        (dir, tables)
    })
    .1
}

#[test]
fn hostile_strings_are_data_and_javascript_links_are_dropped() {
    let tables = hostile_tables();
    let html = report(tables, &[]);
    // The directory's name is shown escaped, and is JSON-escaped in the summary.
    assert!(html.contains("&lt;&#x2f;script&gt;&lt;script&gt;window.__pwned="));
    let summary = script_text(&html, "summary-data");
    assert!(
        summary.contains("\\u003c/script\\u003e\\u003cscript\\u003e"),
        "{summary}"
    );
    let summary: Value = serde_json::from_str(summary).unwrap();
    assert_eq!(summary["tables"], json!(tables.to_str().unwrap()));
    assert_eq!(html.matches("<script>").count(), 1);
    assert!(!html.contains("onerror"));

    // The strings themselves reach the page's script unchanged; the link does not.
    let data = unpack(&html, "rows-data");
    assert_eq!(
        data["articles"],
        json!([[HOSTILE_TITLE, "2024-12-10", null]])
    );
    let evidence = Value::from(evidence(&html)).to_string();
    assert!(evidence.contains("<img src=x onerror="), "{evidence}");
    assert!(
        evidence.contains("<script>window.__pwned='text'</script>"),
        "{evidence}"
    );
}

/// Chromium, installed by scripts/chromium.sh when it can be; None (with
/// the reason printed) where it cannot, except under CI, which must have it.
fn chromium() -> Option<&'static Path> {
    static CHROME: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    let found = CHROME.get_or_init(|| {
        let o = Command::new("bash")
            .arg(repo().join("scripts/chromium.sh"))
            .output()
            .map_err(|e| format!("bash: {e}"))?;
        if o.status.success() {
            Ok(PathBuf::from(stdout(&o).trim()))
        } else {
            Err(stderr(&o).trim().to_string())
        }
    });
    match found {
        Ok(path) => Some(path),
        Err(why) if std::env::var_os("CI").is_some() => {
            panic!("CI needs Chromium for the report's browser tests: {why}")
        }
        Err(why) => {
            eprintln!("report browser test skipped: no Chromium ({why})");
            None
        }
    }
}

fn browser(chrome: &Path, args: &[&Path]) -> String {
    let o = Command::new("python3")
        .arg(repo().join("tests/report/browser.py"))
        .arg(chrome)
        .args(args)
        .output()
        .expect("python3 runs");
    let out = stdout(&o);
    assert!(
        o.status.success(),
        "browser check failed:\n{out}\n{}",
        stderr(&o)
    );
    assert!(out.contains(" 0 failed"), "{out}");
    out
}

#[test]
fn in_chromium_russia_and_terrorism_click_through_to_the_trigger() {
    let Some(chrome) = chromium() else { return };
    let out = seeds_out();
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    std::fs::write(&html, seeds_page()).unwrap();

    let (p, t) = ("Russia", "terrorism");
    let titles: std::collections::BTreeMap<String, String> = rows(&out.join("articles"))
        .iter()
        .map(|r| {
            (
                str_of(r, "article_id").unwrap(),
                str_of(r, "title").unwrap(),
            )
        })
        .collect();
    let triggers: std::collections::BTreeMap<String, String> = rows(&out.join("topics"))
        .iter()
        .filter(|r| str_of(r, "theme").as_deref() == Some(t))
        .map(|r| {
            (
                str_of(r, "meeting_id").unwrap(),
                str_of(r, "trigger").unwrap(),
            )
        })
        .collect();
    let meetings: Vec<Value> = rows(&out.join("meetings"))
        .iter()
        .filter(|r| str_of(r, "partner").as_deref() == Some(p))
        .filter_map(|r| {
            let id = str_of(r, "meeting_id").unwrap();
            Some(json!({
                "meeting_id": id,
                "trigger": triggers.get(&id)?,
                "evidence": str_of(r, "evidence").unwrap(),
                "title": titles[&str_of(r, "article_id").unwrap()],
            }))
        })
        .collect();
    assert!(
        meetings.len() >= 2,
        "the seeds have Russian meetings on terrorism"
    );
    let expect = json!({
        "partners": column(&out.join("meetings"), "partner"),
        "themes": column(&out.join("topics"), "theme"),
        "partner": p,
        "theme": t,
        "meetings": meetings,
        "all_meetings": rows(&out.join("meetings")).len(),
    });
    let expect_path = dir.path().join("expect.json");
    std::fs::write(&expect_path, expect.to_string()).unwrap();
    // ENTENTE_SCREENSHOT=docs/report_seeds.png refreshes the README's picture.
    let shot = std::env::var_os("ENTENTE_SCREENSHOT").map(PathBuf::from);
    let mut args = vec![Path::new("seeds"), &html, &expect_path];
    if let Some(shot) = &shot {
        args.push(shot);
    }
    browser(chrome, &args);
}

#[test]
fn in_chromium_a_hostile_article_runs_nothing_and_shows_its_markup() {
    let Some(chrome) = chromium() else { return };
    let tables = hostile_tables();
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("page.html");
    std::fs::write(&html, report(tables, &[])).unwrap();
    browser(chrome, &[Path::new("hostile"), &html]);
}
