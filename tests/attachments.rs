//! Attachments: scanned dossier files copied into the data folder under their digest, checked
//! before they are opened, and carried by exchange files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::fixture;
use thidua::app::intake::import_nominations;
use thidua::app::transfer::{export_campaign, import_campaign};
use thidua::exchange::example_definition;
use thidua::model::NominationId;
use thidua::store::CampaignImport;
use thidua::Store;

fn store_in(dir: &std::path::Path) -> Store {
    let mut store = Store::open(&dir.join("thidua-records.sqlite3")).unwrap();
    store.create_campaign(&example_definition().unwrap()).unwrap();
    let c = store.campaign(None).unwrap();
    import_nominations(&mut store, &c, &fixture("nominations-example.csv")).unwrap();
    store
}

#[test]
fn a_scan_is_copied_into_the_data_folder_under_its_digest_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_in(dir.path());
    let scan = dir.path().join("Tờ trình số 12.pdf");
    std::fs::write(&scan, b"%PDF-1.4 scanned proposal letter").unwrap();
    let a = store.attach_file(NominationId(1), &scan).unwrap();
    assert_eq!(a.file_name, "Tờ trình số 12.pdf");
    assert_eq!(a.sha256, thidua::store::attachment_digest(b"%PDF-1.4 scanned proposal letter"));
    let stored = dir.path().join("attachments").join(&a.sha256);
    assert_eq!(std::fs::read(&stored).unwrap(), b"%PDF-1.4 scanned proposal letter");
    store.attach_file(NominationId(2), &scan).unwrap();
    assert_eq!(std::fs::read_dir(dir.path().join("attachments")).unwrap().count(), 1, "same bytes stored once");
    assert_eq!(store.attachments(NominationId(1)).unwrap().len(), 1);
    assert_eq!(store.attachment_file(a.id).unwrap(), stored);
    let log = store.audit_for_nomination(NominationId(1)).unwrap();
    assert!(log.iter().any(|e| e.table == "attachments"), "attaching is in the audit trail");
}

#[test]
fn a_file_changed_on_disk_is_refused_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_in(dir.path());
    let scan = dir.path().join("bien-ban.pdf");
    std::fs::write(&scan, b"minutes").unwrap();
    let a = store.attach_file(NominationId(1), &scan).unwrap();
    std::fs::write(dir.path().join("attachments").join(&a.sha256), b"altered").unwrap();
    let err = store.attachment_file(a.id).unwrap_err().to_string();
    assert!(err.contains("mã băm không khớp"), "{err}");
}

#[test]
fn an_in_memory_store_says_files_need_a_data_folder() {
    let mut store = Store::open_in_memory().unwrap();
    store.create_campaign(&example_definition().unwrap()).unwrap();
    let c = store.campaign(None).unwrap();
    import_nominations(&mut store, &c, &fixture("nominations-example.csv")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let scan = dir.path().join("x.pdf");
    std::fs::write(&scan, b"x").unwrap();
    assert!(store.attach_file(NominationId(1), &scan).is_err());
}

#[test]
fn attachments_travel_in_the_exchange_file() {
    let here = tempfile::tempdir().unwrap();
    let mut store = store_in(here.path());
    let scan = here.path().join("bao-cao-thanh-tich.pdf");
    std::fs::write(&scan, b"achievement report").unwrap();
    store.attach_file(NominationId(9), &scan).unwrap();
    let c = store.campaign(None).unwrap();
    let file = here.path().join("dot-thi-dua.zip");
    export_campaign(&store, &c, &file).unwrap();

    let there = tempfile::tempdir().unwrap();
    let mut other = Store::open(&there.path().join("thidua-records.sqlite3")).unwrap();
    let CampaignImport::Imported(id) = import_campaign(&mut other, &file).unwrap() else { panic!("imported") };
    let nominee = other.nominations(id).unwrap().into_iter().find(|n| n.name == "Triệu Thị Yến").unwrap();
    let list = other.attachments(nominee.id).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(std::fs::read(other.attachment_file(list[0].id).unwrap()).unwrap(), b"achievement report");
    assert!(matches!(import_campaign(&mut other, &file).unwrap(), CampaignImport::AlreadyThere(_)));
}

#[test]
fn an_archive_whose_records_name_a_missing_scan_is_refused_whole() {
    let here = tempfile::tempdir().unwrap();
    let mut store = store_in(here.path());
    let scan = here.path().join("to-trinh.pdf");
    std::fs::write(&scan, b"proposal").unwrap();
    store.attach_file(NominationId(1), &scan).unwrap();
    let c = store.campaign(None).unwrap();
    let tables = store.export_campaign_tables(c.id).unwrap();
    let bytes = thidua::exchange::archive::write_exchange(
        &c.code,
        thidua::store::latest_version(),
        &tables,
        &Default::default(),
    )
    .unwrap();
    let file = here.path().join("thieu-tep.zip");
    std::fs::write(&file, bytes).unwrap();

    let there = tempfile::tempdir().unwrap();
    let mut other = Store::open(&there.path().join("thidua-records.sqlite3")).unwrap();
    let err = import_campaign(&mut other, &file).unwrap_err().to_string();
    assert!(err.contains("Thiếu tệp đính kèm"), "{err}");
    assert!(other.campaigns().unwrap().is_empty(), "nothing written");
}
