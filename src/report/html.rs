//! The page: the template filled in, the data embedded, the script allowed.
//!
//! Safety, by context:
//! - text and attributes of the template are HTML-escaped by minijinja's
//!   auto-escaping (the template's name ends in `.html`);
//! - the summary is JSON in a `<script type="application/json">`, with `<`,
//!   `>`, `&`, U+2028 and U+2029 written as `\u` escapes ([`script_json`]),
//!   so no string can close the element or start a comment;
//! - the per-meeting rows and evidence are gzip-compressed JSON in base64,
//!   whose alphabet holds nothing HTML reads (the evidence as a JSON list of
//!   such blocks); the script puts their strings in the page with
//!   `textContent`, never as markup;
//! - a Content-Security-Policy allows the page's one script and one style
//!   sheet by their SHA-256, and nothing else: no other script, no network,
//!   no image, no form.
//!
//! Compression is what lets every meeting keep its evidence: 100,000
//! generated articles give 83 MB of JSON, 16 MB once compressed in base64
//! (docs/report.md); browsers decompress it natively (`DecompressionStream`).

use base64::Engine;
use flate2::write::GzEncoder;
use minijinja::value::Serde;
use minijinja::{context, Environment, Value};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::data::{Evidence, Rows};
use super::{HeatmapView, Summary, TimelineView};
use crate::error::Error;

const TEMPLATE: &str = include_str!("../../report/page.html");
const SCRIPT: &str = include_str!("../../report/report.js");
const STYLE: &str = include_str!("../../report/report.css");

/// What the template shows, besides the embedded data.
#[derive(Serialize)]
pub(super) struct Page<'a> {
    pub version: &'static str,
    pub partners: usize,
    pub heatmap: HeatmapView,
    pub distinctive: Vec<super::DistinctiveRow>,
    pub timeline: TimelineView,
    pub summary: &'a Summary<'a>,
}

fn render_error(e: impl std::fmt::Display) -> Error {
    Error::Report(e.to_string())
}

/// JSON for the inside of a `<script>` element: the characters that HTML
/// or older JavaScript parsers read in a string are `\u` escapes.
pub fn script_json<T: Serialize + ?Sized>(value: &T) -> Result<String, serde_json::Error> {
    let json = serde_json::to_string(value)?;
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// A value as gzip-compressed JSON, in base64.
fn pack<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::default());
    serde_json::to_writer(&mut gz, value).map_err(render_error)?;
    let bytes = gz.finish().map_err(render_error)?;
    Ok(base64::engine::general_purpose::STANDARD.encode(bytes))
}

/// Meetings per block of evidence: a click decodes one block (~1 MB of
/// JSON), not the evidence of every meeting (60 MB at 100,000 articles,
/// two seconds and more to decode).
const EVIDENCE_BLOCK: usize = 1000;

/// The evidence of the meetings, in order, as [`pack`]ed blocks of
/// [`EVIDENCE_BLOCK`] meetings.
#[derive(Serialize)]
struct EvidenceBlocks {
    size: usize,
    blocks: Vec<String>,
}

impl EvidenceBlocks {
    fn of(evidence: &[Evidence]) -> Result<EvidenceBlocks, Error> {
        Ok(EvidenceBlocks {
            size: EVIDENCE_BLOCK,
            blocks: evidence
                .chunks(EVIDENCE_BLOCK)
                .map(pack)
                .collect::<Result<_, _>>()?,
        })
    }
}

/// The CSP source of an inline element's exact text.
fn hash_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src {}; style-src {}; img-src 'none'; \
         connect-src 'none'; base-uri 'none'; form-action 'none'",
        hash_source(SCRIPT),
        hash_source(STYLE)
    )
}

/// The whole page.
pub(super) fn page(page: &Page, rows: &Rows, evidence: &[Evidence]) -> Result<String, Error> {
    let env = Environment::new();
    let template = env
        .template_from_named_str("page.html", TEMPLATE)
        .map_err(render_error)?;
    // Inserted as they are: the hashes above are of these exact strings, and
    // script_json and base64 made the data safe for a script element.
    let safe = Value::from_safe_string;
    template
        .render(context! {
            page => Value::from(Serde(page)),
            selection => page.summary.selection.describe(),
            csp => content_security_policy(),
            style => safe(STYLE.to_string()),
            script => safe(SCRIPT.to_string()),
            summary_json => safe(script_json(page.summary).map_err(render_error)?),
            rows_data => safe(pack(rows)?),
            evidence_data => safe(script_json(&EvidenceBlocks::of(evidence)?).map_err(render_error)?),
        })
        .map_err(render_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_escapes_what_could_end_the_element_and_stays_json() {
        let hostile = "</script><script>alert(1)</script><!-- & \u{2028}\u{2029}";
        let out = script_json(&[hostile]).unwrap();
        for bad in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
            assert!(!out.contains(bad), "{bad:?} in {out}");
        }
        let back: Vec<String> = serde_json::from_str(&out).unwrap();
        assert_eq!(back, [hostile]);
    }

    #[test]
    fn the_inline_script_and_style_cannot_end_their_elements() {
        assert!(!SCRIPT.to_ascii_lowercase().contains("</script"));
        assert!(!STYLE.to_ascii_lowercase().contains("</style"));
    }

    #[test]
    fn the_policy_allows_exactly_the_inline_script_by_hash() {
        let csp = content_security_policy();
        let digest = Sha256::digest(SCRIPT.as_bytes());
        let b64 = base64::engine::general_purpose::STANDARD.encode(digest);
        assert!(
            csp.contains(&format!("script-src 'sha256-{b64}';")),
            "{csp}"
        );
        assert!(csp.starts_with("default-src 'none';"), "{csp}");
        assert!(!csp.contains("unsafe"), "{csp}");
    }
}
