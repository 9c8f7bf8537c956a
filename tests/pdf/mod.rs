//! Reading PDFs back with poppler's `pdftotext` and `pdfinfo`, and checking them with `qpdf`.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use thidua::app::intake::import_nominations;
use thidua::app::papers::render_campaign as render;
use thidua::documents::{DocumentKind, PrintOptions};
use thidua::model::Campaign;
use thidua::Store;

/// The example campaign with the sample dossiers imported and every received one accepted.
pub fn sample() -> (Store, Campaign) {
    let (mut store, campaign) = super::common::example_store();
    import_nominations(&mut store, &campaign, &super::common::fixture("nominations-example.csv")).unwrap();
    store.accept_all(campaign.id).unwrap();
    (store, campaign)
}

/// The example campaign with no dossier yet.
pub fn empty() -> (Store, Campaign) {
    super::common::example_store()
}

/// Renders `kind` into a file in `dir`.
pub fn write(store: &Store, campaign: &Campaign, kind: DocumentKind, options: &PrintOptions, dir: &Path) -> PathBuf {
    let bytes = render(store, campaign, kind, options).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let path = dir.join(format!("{kind:?}.pdf"));
    std::fs::write(&path, bytes).unwrap();
    path
}

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed (Debian: poppler-utils, qpdf): {e}"));
    assert!(out.status.success(), "{name} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The text of pages `first..=last` (all when `None`), as `pdftotext` gives it.
pub fn text(pdf: &Path, pages: Option<(usize, usize)>) -> String {
    let (f, l) = pages.map(|(f, l)| (f.to_string(), l.to_string())).unwrap_or(("1".into(), "0".into()));
    let mut args = vec!["-enc", "UTF-8", "-f", &f];
    if l != "0" {
        args.extend(["-l", &l]);
    }
    let p = pdf.to_str().unwrap();
    args.extend([p, "-"]);
    tool("pdftotext", &args)
}

/// The text with every run of white space (non-breaking spaces too) made one space.
pub fn flat(s: &str) -> String {
    s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

pub fn pages(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap()
}

/// `qpdf --check` finds no error or warning.
pub fn assert_qpdf_clean(pdf: &Path) {
    let out = Command::new("qpdf").arg("--check").arg(pdf).output().expect("qpdf is needed");
    let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success() && all.contains("No syntax or stream encoding errors"), "{all}");
    assert!(!all.to_lowercase().contains("warning"), "{all}");
}

/// A word and its box, in points from the page's top-left corner.
#[derive(Debug, Clone)]
pub struct Word {
    pub text: String,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

fn attr(tag: &str, name: &str) -> f64 {
    let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    let end = start + tag[start..].find('"').unwrap();
    tag[start..end].parse().unwrap()
}

/// The words of one page, from `pdftotext -bbox`.
pub fn words(pdf: &Path, page: usize) -> Vec<Word> {
    let p = page.to_string();
    let html = tool("pdftotext", &["-bbox", "-enc", "UTF-8", "-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"]);
    html.split("<word ")
        .skip(1)
        .map(|chunk| {
            let (tag, rest) = chunk.split_once('>').unwrap();
            let text = rest.split("</word>").next().unwrap().replace("&amp;", "&").replace("&quot;", "\"");
            Word { text, x0: attr(tag, "xMin"), y0: attr(tag, "yMin"), x1: attr(tag, "xMax"), y1: attr(tag, "yMax") }
        })
        .collect()
}

/// The words on the same line as the first word equal to `first`, left to right.
pub fn line_of<'a>(words: &'a [Word], first: &str) -> Vec<&'a Word> {
    let w = words.iter().find(|w| w.text == first).unwrap_or_else(|| panic!("no word «{first}»"));
    let mut line: Vec<&Word> = words.iter().filter(|o| (o.y0 - w.y0).abs() < 1.0).collect();
    line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    line
}

pub const PT_PER_MM: f64 = 72.0 / 25.4;
