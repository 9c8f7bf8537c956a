//! Printing through the real CUPS scheduler onto cups-pdf queues made for each test: the queue's
//! PDF (in `$HOME/PDF`) read back with poppler for page counts and true-size positions, and the
//! refusals of an unknown, a stopped and a rejecting queue. Needs `cupsd` running and the Debian
//! packages cups, cups-client and printer-driver-cups-pdf (see `.ci/run`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod pdf;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use common::{cli, stderr, stdout};
use pdf::{pages, sample, write, Word, PT_PER_MM};
use thidua::app::papers::render_campaign as render;
use thidua::documents::{DocumentKind, PrintOptions};
use thidua::printing::{self, JobSettings, PageRanges};

fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} is needed (Debian: cups-client): {e}"));
    assert!(out.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A cups-pdf queue of its own, deleted when the test ends.
struct Queue(String);

impl Queue {
    fn new(tag: &str) -> Queue {
        let status = Command::new("lpstat").arg("-r").output().map(|o| String::from_utf8_lossy(&o.stdout).into_owned());
        let running = status.as_deref().unwrap_or_default();
        assert!(
            running.contains("scheduler is running") && !running.contains("not running"),
            "the CUPS scheduler is not running ({running:?}). Install cups, cups-client and printer-driver-cups-pdf, \
             then start it as root with /usr/sbin/cupsd (see .ci/run)."
        );
        let name = format!("thidua_{tag}_{}", std::process::id());
        run("lpadmin", &["-p", &name, "-v", "cups-pdf:/", "-E", "-m", "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"]);
        Queue(name)
    }
}

impl Drop for Queue {
    fn drop(&mut self) {
        let _ = Command::new("lpadmin").args(["-x", &self.0]).output();
    }
}

/// The file cups-pdf wrote for job `id` (it names files "…-job_ID.pdf"), waited for a bounded time.
/// Only a file written since `since` counts: CUPS numbers jobs afresh when its spool is new, so
/// `$HOME/PDF` may still hold an older print with the same number.
fn printed(id: u64, since: SystemTime) -> PathBuf {
    let dir = dirs::home_dir().unwrap().join("PDF");
    let suffix = format!("-job_{id}.pdf");
    let start = Instant::now();
    loop {
        if let Some(found) = std::fs::read_dir(&dir).into_iter().flatten().flatten().find_map(|e| {
            let fresh = e.metadata().and_then(|m| m.modified()).is_ok_and(|t| t >= since);
            (fresh && e.file_name().to_string_lossy().ends_with(&suffix)).then(|| e.path())
        }) {
            return found;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no {suffix} written since the job was sent in {}",
            dir.display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn page_size(pdf: &Path) -> (f64, f64) {
    let info = run("pdfinfo", &[pdf.to_str().unwrap()]);
    let line = info.lines().find_map(|l| l.strip_prefix("Page size:")).unwrap();
    let v: Vec<f64> = line.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    (v[0], v[1])
}

/// Ghostscript in cups-pdf re-encodes the fonts as Type 3 (the text comes back as other
/// characters, words may split differently, and glyph boxes get other heights), so words are
/// matched by place: every saved word meets a printed word on the same line whose left or right
/// edge lies within `mm` of its own (middles closer than half the taller box), and every printed
/// word (or piece of one) overlaps a saved word on its line: nothing printed elsewhere.
fn assert_same_places(direct: &[Word], printed: &[Word], mm: f64) {
    assert!(!direct.is_empty() && !printed.is_empty());
    let limit = mm * PT_PER_MM;
    let near = |a: &Word, b: &Word| {
        let line = (a.y1 - a.y0).max(b.y1 - b.y0) / 2.0;
        let edge = (a.x1 - b.x1).abs() <= limit || (a.x0 - b.x0).abs() <= limit;
        edge && a.x0 < b.x1 && b.x0 < a.x1 && ((a.y0 + a.y1) - (b.y0 + b.y1)).abs() / 2.0 < line
    };
    for d in direct {
        let closest = printed.iter().min_by(|a, b| (a.x1 - d.x1).abs().total_cmp(&(b.x1 - d.x1).abs()));
        assert!(
            printed.iter().any(|p| near(d, p)),
            "«{}» is not where the saved PDF puts it: {d:?}, closest {closest:?}",
            d.text
        );
    }
    for p in printed {
        let overlaps = |d: &Word| {
            let line = (d.y1 - d.y0).max(p.y1 - p.y0) / 2.0;
            d.x0 < p.x1 && p.x0 < d.x1 && ((d.y0 + d.y1) - (p.y0 + p.y1)).abs() / 2.0 < line
        };
        assert!(direct.iter().any(overlaps), "printed word {p:?} has no word of the saved PDF there");
    }
}

fn example_db(dir: &Path) -> PathBuf {
    let db = dir.join("t.db");
    assert!(cli(&db, &["init", "--example"]).status.success());
    let csv = common::fixture("nominations-example.csv");
    assert!(cli(&db, &["import", csv.to_str().unwrap()]).status.success());
    assert!(cli(&db, &["appraise", "--accept-all"]).status.success());
    db
}

#[test]
fn certificates_print_at_true_size_on_a3_landscape_where_the_saved_pdf_puts_every_word() {
    let queue = Queue::new("cert");
    let dir = tempfile::tempdir().unwrap();
    let (mut store, campaign) = sample();
    // A4 landscape is the default stock; an office with A3 stock sets it, and it prints at A3.
    let a4 = JobSettings::for_document(&queue.0, DocumentKind::Certificates, &campaign.settings.certificate);
    assert_eq!(a4.media.as_deref(), Some("Custom.297x210mm"));
    let mut settings = campaign.settings.clone();
    (settings.certificate.width_mm, settings.certificate.height_mm) = (420, 297);
    store.update_settings(campaign.id, &settings).unwrap();
    let campaign = store.campaign(None).unwrap();
    let direct = write(&store, &campaign, DocumentKind::Certificates, &PrintOptions::default(), dir.path());
    let bytes = std::fs::read(&direct).unwrap();
    let settings = JobSettings::for_document(&queue.0, DocumentKind::Certificates, &campaign.settings.certificate);
    assert_eq!(settings.media.as_deref(), Some("Custom.420x297mm"));
    let since = SystemTime::now();
    let job = printing::print(&bytes, "Giấy khen", &settings, Duration::from_secs(60)).unwrap();
    let out = printed(job.id, since);
    assert_eq!(pages(&out), pages(&direct));
    assert_eq!(pages(&out), 6);
    let (w, h) = page_size(&out);
    assert!((w - 420.0 * PT_PER_MM).abs() < PT_PER_MM && (h - 297.0 * PT_PER_MM).abs() < PT_PER_MM, "{w} x {h}");
    for page in 1..=6 {
        assert_same_places(&pdf::words(&direct, page), &pdf::words(&out, page), 1.0);
    }
}

#[test]
fn the_decision_prints_all_its_pages_through_the_command_line() {
    let queue = Queue::new("dec");
    let dir = tempfile::tempdir().unwrap();
    let db = example_db(dir.path());
    let since = SystemTime::now();
    let o = cli(&db, &["print", "decision", "--printer", &queue.0]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stdout(&o);
    assert!(said.contains("đã in xong"), "{said}");
    let id: u64 = said.split("lệnh in số ").nth(1).unwrap().split_whitespace().next().unwrap().parse().unwrap();
    let (store, campaign) = sample();
    let direct = write(&store, &campaign, DocumentKind::Decision, &PrintOptions::default(), dir.path());
    assert_eq!(pages(&printed(id, since)), pages(&direct));
    assert!(pages(&direct) >= 2);
}

#[test]
fn pages_2_prints_only_the_second_certificate() {
    let queue = Queue::new("page2");
    let dir = tempfile::tempdir().unwrap();
    let db = example_db(dir.path());
    let since = SystemTime::now();
    let o = cli(&db, &["print", "certificates", "--printer", &queue.0, "--pages", "2"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stdout(&o);
    let id: u64 = said.split("lệnh in số ").nth(1).unwrap().split_whitespace().next().unwrap().parse().unwrap();
    let out = printed(id, since);
    assert_eq!(pages(&out), 1);
    let (store, campaign) = sample();
    let direct = write(&store, &campaign, DocumentKind::Certificates, &PrintOptions::default(), dir.path());
    assert_same_places(&pdf::words(&direct, 2), &pdf::words(&out, 1), 1.0);
    // The second certificate, not another: the first one's words do not all find a place.
    let first = pdf::words(&direct, 1);
    let out_words = pdf::words(&out, 1);
    let found =
        |w: &Word| out_words.iter().any(|o| (o.x1 - w.x1).abs() <= PT_PER_MM && (o.y0 - w.y0).abs() <= 3.0 * PT_PER_MM);
    assert!(!first.iter().all(found), "page 1 and page 2 print alike");
}

fn refused(db: &Path, printer: &str) -> String {
    let start = Instant::now();
    let o = cli(db, &["print", "certificates", "--printer", printer, "--timeout", "30"]);
    assert!(start.elapsed() < Duration::from_secs(10), "took {:?}", start.elapsed());
    assert!(!o.status.success());
    assert!(stdout(&o).is_empty(), "something was sent: {}", stdout(&o));
    stderr(&o)
}

#[test]
fn unknown_stopped_and_rejecting_printers_fail_at_once_naming_the_printer_and_its_state() {
    let queue = Queue::new("down");
    let dir = tempfile::tempdir().unwrap();
    let db = example_db(dir.path());

    let e = refused(&db, "khong_co_may_in_nay");
    assert!(e.contains("Không có máy in «khong_co_may_in_nay»"), "{e}");

    run("cupsdisable", &[&queue.0]);
    let e = refused(&db, &queue.0);
    assert!(e.contains(&format!("Máy in «{}» đang tạm dừng", queue.0)) && e.contains("chưa gửi gì"), "{e}");
    run("cupsenable", &[&queue.0]);

    run("cupsreject", &[&queue.0]);
    let e = refused(&db, &queue.0);
    assert!(e.contains(&format!("Máy in «{}» đang từ chối nhận lệnh in", queue.0)), "{e}");
    run("cupsaccept", &[&queue.0]);

    let listed = printing::printer(&queue.0).unwrap();
    assert!(listed.accepting && listed.state == printing::PrinterState::Idle, "{listed:?}");
    let jobs = run("lpstat", &["-o", &queue.0]);
    assert!(jobs.trim().is_empty(), "jobs were queued: {jobs}");
}

#[test]
fn printers_json_lists_the_queue_with_its_paper_sizes() {
    let queue = Queue::new("list");
    let dir = tempfile::tempdir().unwrap();
    let o = cli(&dir.path().join("t.db"), &["printers", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let mine = list.as_array().unwrap().iter().find(|p| p["name"] == queue.0.as_str()).unwrap();
    assert_eq!(mine["default"], false);
    let media: Vec<&str> = mine["media"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect();
    assert!(media.contains(&"iso_a3_297x420mm") && media.contains(&"iso_a4_210x297mm"), "{media:?}");
}

#[test]
fn a_bad_page_range_is_refused_before_anything_is_rendered_or_sent() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_db(dir.path());
    let o = cli(&db, &["print", "certificates", "--printer", "any", "--pages", "5-3"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("Khoảng trang «5-3» không hợp lệ"), "{}", stderr(&o));
    let (store, campaign) = sample();
    let bytes = render(&store, &campaign, DocumentKind::Certificates, &PrintOptions::default()).unwrap();
    let mut settings = JobSettings::for_document("any", DocumentKind::Certificates, &campaign.settings.certificate);
    settings.pages = Some(PageRanges::parse("7").unwrap());
    let e = printing::submit(&bytes, "x", &settings).unwrap_err();
    assert_eq!(e.code(), "bad_page_range");
    assert!(e.to_string().contains("chỉ có 6 trang"), "{e}");
}
