//! What the council's Windows PC does differently, checked here where it can be: no file is
//! renamed over or deleted while this process holds it open (the restore swap, the backup
//! rotation, attachments); the print options per print system (the Windows spooler takes the
//! document as it is and only the number of copies: the pages are cut here, the paper is named
//! as Windows names it for the secretary to set); folders and files with Vietnamese names and long
//! paths.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod pdf;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use thidua::app::session;
use thidua::documents::{DocumentKind, PrintOptions};
use thidua::printing::{cut_pages, plan, windows_paper, JobSettings, Orientation, PageRanges, Spooler};
use thidua::store::handles_on;
use thidua::Store;
use unicode_normalization::UnicodeNormalization;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, d).unwrap()
}

/// A database file in `dir` with the example campaign and its dossiers accepted.
fn records_in(dir: &Path) -> PathBuf {
    let db = dir.join("thidua-records.sqlite3");
    let mut store = Store::open(&db).unwrap();
    store.create_campaign(&thidua::exchange::example_definition().unwrap()).unwrap();
    let c = store.campaign(None).unwrap();
    thidua::app::intake::import_nominations(&mut store, &c, &common::fixture("nominations-example.csv")).unwrap();
    store.accept_all(c.id).unwrap();
    db
}

#[test]
fn the_handle_count_sees_an_open_file_and_its_closing() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("mở.txt");
    std::fs::write(&f, b"x").unwrap();
    assert_eq!(handles_on(&f), 0);
    let open = std::fs::File::open(&f).unwrap();
    let twice = std::fs::File::open(&f).unwrap();
    if cfg!(target_os = "linux") {
        assert_eq!(handles_on(&f), 2, "an open file is seen");
    }
    drop((open, twice));
    assert_eq!(handles_on(&f), 0);
}

#[test]
fn a_restore_and_the_backups_leave_no_handle_on_the_files_they_replace() {
    let dir = tempfile::tempdir().unwrap();
    let db = records_in(dir.path());
    // The day's backups, three days running (each rotation deletes nothing yet).
    for d in 1..=3 {
        assert!(session::daily_backup(&db, day(d)).is_none());
    }
    let backups = session::backups(&db).unwrap();
    assert_eq!(backups.len(), 3);
    for b in &backups {
        assert_eq!(handles_on(&b.path), 0, "{} left open", b.name);
    }
    // The database changes, then the oldest backup is restored over it: the swap runs with
    // every handle of the file closed (debug builds stop at one left open), and none is left.
    {
        let mut store = Store::open(&db).unwrap();
        let c = store.campaign(None).unwrap();
        store.add_member(c.id, "Hà Kim Oanh", None, thidua::model::CouncilRole::Chair).unwrap();
    }
    assert_eq!(handles_on(&db), 0);
    let oldest = backups.last().unwrap().path.clone();
    session::restore(&db, &oldest, None, day(4)).unwrap();
    for side in ["", "-wal", "-shm", "-journal"] {
        let p = PathBuf::from(format!("{}{side}", db.display()));
        assert_eq!(handles_on(&p), 0, "{} open after the restore", p.display());
    }
    let store = Store::open(&db).unwrap();
    let c = store.campaign(None).unwrap();
    assert!(store.members(c.id).unwrap().is_empty(), "the restored file is the backup's");
}

#[test]
fn a_restore_is_refused_while_the_file_is_open_for_a_backup_or_a_window() {
    let dir = tempfile::tempdir().unwrap();
    let db = records_in(dir.path());
    assert!(session::daily_backup(&db, day(1)).is_none());
    let backup = session::backups(&db).unwrap().remove(0).path;
    let store = Store::open(&db).unwrap();
    let e = session::restore(&db, &backup, None, day(2)).unwrap_err();
    assert_eq!(e.code(), "in_use", "{e}");
    drop(store);
    session::restore(&db, &backup, None, day(2)).unwrap();
}

fn settings(media: &str, pages: Option<&str>, copies: u32) -> JobSettings {
    JobSettings {
        printer: "HP LaserJet phòng Nội vụ".into(),
        media: Some(media.into()),
        orientation: Orientation::Auto,
        copies,
        pages: pages.map(|p| PageRanges::parse(p).unwrap()),
        true_size: true,
    }
}

#[test]
fn print_options_are_named_for_each_print_system() {
    let a3 = settings("Custom.420x297mm", Some("2,4-5"), 2);
    // CUPS takes the paper, the pages and the scale as IPP attributes.
    let cups = plan(Spooler::Cups, &a3);
    let has = |k: &str, v: &str| cups.options.iter().any(|(a, b)| *a == k && b == v);
    assert!(has("media", "Custom.420x297mm") && has("page-ranges", "2,4-5") && has("copies", "2"));
    assert!(has("print-scaling", "none") && has("fit-to-page", "false"));
    assert_eq!((cups.cut_pages, cups.notice), (None, None));
    // The Windows spooler takes the document as it is and the copies: the pages are cut from
    // the document here, and the paper is named as Windows names it, for the printer's settings.
    let win = plan(Spooler::Windows, &a3);
    assert_eq!(win.options, vec![("copies", "2".to_string()), ("document-format", "RAW".to_string())]);
    assert_eq!(win.cut_pages, Some(PageRanges::parse("2,4-5").unwrap()));
    let notice = win.notice.unwrap();
    assert!(notice.contains("«HP LaserJet phòng Nội vụ»") && notice.contains("khổ giấy A3, hướng ngang"), "{notice}");
    assert!(notice.contains("tỷ lệ 100 %"), "{notice}");

    assert_eq!(windows_paper("Custom.420x297mm").as_deref(), Some("A3, hướng ngang"));
    assert_eq!(windows_paper("iso_a3_297x420mm").as_deref(), Some("A3, hướng dọc"));
    assert_eq!(windows_paper("A4").as_deref(), Some("A4, hướng dọc"));
    assert_eq!(windows_paper("Custom.297x210mm").as_deref(), Some("A4, hướng ngang"));
    assert_eq!(windows_paper("Custom.400x300mm").as_deref(), Some("khổ tùy chỉnh 400 × 300 mm"));
    assert_eq!(windows_paper("Letter"), None);
    let plain = JobSettings { media: None, true_size: false, ..settings("A4", None, 1) };
    assert_eq!(plan(Spooler::Windows, &plain).notice, None);

    // What the print dialog shows before sending: on this machine's print system, nothing.
    let (store, _) = pdf::sample();
    let notice = thidua::app::papers::print_notice(&store, None, DocumentKind::Certificates, "Máy in", None).unwrap();
    assert_eq!(notice.is_some(), cfg!(windows));
}

#[test]
fn pages_are_cut_from_the_document_where_the_spooler_cannot_choose_them() {
    let dir = tempfile::tempdir().unwrap();
    let (store, c) = pdf::sample();
    let file = pdf::write(&store, &c, DocumentKind::Certificates, &PrintOptions::default(), dir.path());
    let all = std::fs::read(&file).unwrap();
    let total = pdf::pages(&file);
    assert!(total >= 5, "{total}");
    let cut = cut_pages(&all, &PageRanges::parse("2,4-5").unwrap()).unwrap();
    let out = dir.path().join("cut.pdf");
    std::fs::write(&out, &cut).unwrap();
    assert_eq!(pdf::pages(&out), 3);
    // The pages kept are the second, fourth and fifth certificates, in order.
    for (kept, from) in [(1, 2), (2, 4), (3, 5)] {
        assert_eq!(pdf::text(&out, Some((kept, kept))), pdf::text(&file, Some((from, from))));
    }
    pdf::assert_qpdf_clean(&out);
    let e = cut_pages(&all, &PageRanges::parse("2,2").unwrap()).unwrap_err();
    assert!(e.to_string().contains("số bản in"), "{e}");
    let e = cut_pages(&all, &PageRanges::parse(&format!("{}", total + 1)).unwrap()).unwrap_err();
    assert!(e.to_string().contains(&format!("chỉ có {total} trang")), "{e}");
}

#[test]
fn folders_and_files_with_vietnamese_names_and_long_paths_work() {
    let dir = tempfile::tempdir().unwrap();
    // A folder as an office names it, composed or decomposed as the keyboard gave it, nested
    // to a path of about 240 characters (Windows' classic limit is 260).
    let mut folder = dir.path().join("Hồ sơ thi đua".nfd().collect::<String>());
    while folder.as_os_str().len() < 200 {
        folder = folder.join("Quyết định khen thưởng năm 2024 – Phòng Nội vụ");
    }
    std::fs::create_dir_all(&folder).unwrap();
    let db = records_in(&folder);
    assert!(db.as_os_str().len() > 200, "{}", db.display());
    // Backup, export, re-import, attachments: all under that folder.
    let opened = session::open(&db, Some("Lý Thị Hằng"), day(8)).unwrap();
    let mut store = opened.store;
    assert!(opened.warning.is_none(), "{:?}", opened.warning);
    let c = store.campaign(None).unwrap();
    let copy = folder.join("Bản sao – ngày 08.01.2024.sqlite3");
    session::backup_to(&store, &copy).unwrap();
    let book = folder.join("Tổng hợp đề nghị khen thưởng.xlsx");
    thidua::app::transfer::export_xlsx(&store, &c, &book).unwrap();
    assert!(std::fs::metadata(&book).unwrap().len() > 1000);
    let exchange = folder.join("Trao đổi – Phòng Nội vụ.zip");
    thidua::app::transfer::export_campaign(&store, &c, &exchange).unwrap();
    let scan = folder.join("Tờ trình số 12 – bản chụp.pdf".nfd().collect::<String>());
    std::fs::write(&scan, b"%PDF-1.4\n%%EOF\n").unwrap();
    let first = store.nominations(c.id).unwrap()[0].id;
    let attached = thidua::app::intake::attach(&mut store, first, std::slice::from_ref(&scan)).unwrap();
    assert_eq!(attached.len(), 1);
    let stored = thidua::app::intake::attachment_file(&store, attached[0].id).unwrap();
    assert_eq!(std::fs::read(stored).unwrap(), b"%PDF-1.4\n%%EOF\n");
    drop(store);
    // The copy opens as a database of its own; the exchange file imports into another.
    let again = Store::open(&copy).unwrap();
    assert_eq!(again.nominations(again.campaign(None).unwrap().id).unwrap().len(), 11);
    let other = folder.join("Máy thứ hai.sqlite3");
    let mut second = Store::open(&other).unwrap();
    thidua::app::transfer::import_campaign(&mut second, &exchange).unwrap();
    assert_eq!(second.nominations(second.campaign(None).unwrap().id).unwrap().len(), 11);
}

/// The check itself: a restore run while something in this process still holds the database
/// file open (here a plain file handle, which takes no lock) stops at the swap in a debug build,
/// where Windows would refuse the rename.
#[cfg(all(debug_assertions, target_os = "linux"))]
#[test]
#[should_panic(expected = "is still open when it is replaced or removed")]
fn a_swap_over_a_file_still_open_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let db = records_in(dir.path());
    assert!(session::daily_backup(&db, day(1)).is_none());
    let backup = session::backups(&db).unwrap().remove(0).path;
    let _held = std::fs::File::open(&db).unwrap();
    let _ = session::restore(&db, &backup, None, day(2));
}
