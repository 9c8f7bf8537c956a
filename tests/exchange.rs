//! The campaign exchange file and the spreadsheet export: a campaign travels whole to another
//! database, twice changes nothing, and a tampered or truncated file is refused whole.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use common::{cli, content_digest, count, example_file, stderr, stdout};
use thidua::app::transfer::{export_campaign, import_campaign};
use thidua::council::Score;
use thidua::model::{CouncilRole, NominationId, VoteCount};
use thidua::store::CampaignImport;
use thidua::Store;

/// A database with the example appraised, a council of three, a meeting, full sheets and a vote.
fn full_campaign(dir: &Path) -> PathBuf {
    let (db, c) = example_file(dir);
    let mut store = Store::open(&db).unwrap();
    store.accept_all(c.id).unwrap();
    let members: Vec<_> = (1..=3)
        .map(|i| {
            let role = if i == 1 { CouncilRole::Chair } else { CouncilRole::Member };
            store.add_member(c.id, &format!("Thành viên {i}"), Some("Ủy viên"), role).unwrap()
        })
        .collect();
    store.open_meeting(c.id, NaiveDate::from_ymd_opt(2024, 1, 8).unwrap(), Some("Phòng họp"), &members).unwrap();
    let campaign = store.campaign(None).unwrap();
    let mut scores = Vec::new();
    for m in &members {
        for n in store.nominees(c.id, None).unwrap() {
            for k in campaign.criteria.for_kind(n.kind) {
                scores.push(Score {
                    member: *m,
                    nomination: n.id,
                    criterion: k.number,
                    half_points: k.max_half_points,
                });
            }
        }
    }
    store.record_scores(c.id, None, &scores).unwrap();
    store.record_votes(c.id, NominationId(1), VoteCount { agree: 3, disagree: 0, blank: 0 }).unwrap();
    db
}

fn entries(zip_path: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(zip_path).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut e = zip.by_index(i).unwrap();
        let mut buf = Vec::new();
        e.read_to_end(&mut buf).unwrap();
        out.insert(e.name().unwrap().to_string(), buf);
    }
    out
}

type Files = BTreeMap<String, Vec<u8>>;

fn rezip(path: &Path, files: &BTreeMap<String, Vec<u8>>) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, bytes) in files {
        zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn a_campaign_travels_whole_and_a_second_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = full_campaign(dir.path());
    let store = Store::open(&db).unwrap();
    let campaign = store.campaign(None).unwrap();
    let file = dir.path().join("dot.zip");
    export_campaign(&store, &campaign, &file).unwrap();

    let files = entries(&file);
    assert!(files.contains_key("manifest.json") && files.contains_key("campaign.json"));
    assert!(files.contains_key("attachments/"), "{:?}", files.keys());
    let data: serde_json::Value = serde_json::from_slice(&files["campaign.json"]).unwrap();
    for table in ["units", "criteria", "nominations", "refusals", "council_members", "meetings", "scores", "votes"] {
        assert!(!data["tables"][table].as_array().unwrap().is_empty(), "{table}");
    }

    let other_db = dir.path().join("tinh").join("thidua.sqlite3");
    let mut other = Store::open(&other_db).unwrap();
    assert!(matches!(import_campaign(&mut other, &file).unwrap(), CampaignImport::Imported(_)));
    let theirs = other.campaign(Some(&campaign.code)).unwrap();
    assert_eq!(other.nominations(theirs.id).unwrap(), {
        let mut ours = store.nominations(campaign.id).unwrap();
        for n in &mut ours {
            n.campaign = theirs.id;
        }
        ours
    });
    assert_eq!(other.ranking(theirs.id, None).unwrap().ranked, store.ranking(campaign.id, None).unwrap().ranked);
    drop(other);
    let digest = content_digest(&other_db);
    let mut other = Store::open(&other_db).unwrap();
    assert!(matches!(import_campaign(&mut other, &file).unwrap(), CampaignImport::AlreadyThere(_)));
    drop(other);
    assert_eq!(content_digest(&other_db), digest, "the second import writes nothing");

    // Exported again from the other machine, the data is byte for byte the same.
    let again = dir.path().join("lai.zip");
    export_campaign(&Store::open(&other_db).unwrap(), &theirs, &again).unwrap();
    assert_eq!(entries(&again)["campaign.json"], files["campaign.json"]);

    let out = cli(&other_db, &["import-campaign", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("đã có sẵn, giống hệt"), "{}", stdout(&out));
}

#[test]
fn the_same_code_with_different_data_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = full_campaign(dir.path());
    let file = dir.path().join("dot.zip");
    let out = cli(&db, &["export", "campaign", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (other_db, _) = example_file(&dir.path().join("khac"));
    let digest = content_digest(&other_db);
    let out = cli(&other_db, &["import-campaign", file.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("với dữ liệu khác"), "{}", stderr(&out));
    assert_eq!(content_digest(&other_db), digest);
}

#[test]
fn a_tampered_truncated_or_unsafe_archive_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = full_campaign(dir.path());
    let file = dir.path().join("dot.zip");
    export_campaign(&Store::open(&db).unwrap(), &Store::open(&db).unwrap().campaign(None).unwrap(), &file).unwrap();
    let good = entries(&file);
    let bytes = std::fs::read(&file).unwrap();
    let target = dir.path().join("dich.sqlite3");
    drop(Store::open(&target).unwrap());
    let digest = content_digest(&target);

    let mut tampered = good.clone();
    let text = String::from_utf8(tampered["campaign.json"].clone()).unwrap().replacen("Nguyễn", "Nguyên", 1);
    tampered.insert("campaign.json".into(), text.into_bytes());
    let mut escaping = good.clone();
    escaping.insert("../../x".into(), b"x".to_vec());
    let mut extra = good.clone();
    extra.insert("attachments/them.pdf".into(), b"%PDF".to_vec());
    let mut no_manifest = good.clone();
    no_manifest.remove("manifest.json");
    let cases: Vec<(&str, Option<Files>, Vec<u8>)> = vec![
        ("sua.zip", Some(tampered), vec![]),
        ("thoat.zip", Some(escaping), vec![]),
        ("them.zip", Some(extra), vec![]),
        ("thieu.zip", Some(no_manifest), vec![]),
        ("cat.zip", None, bytes[..bytes.len() / 2].to_vec()),
        ("cat-duoi.zip", None, bytes[..bytes.len() - 10].to_vec()),
    ];
    for (name, files, raw) in cases {
        let p = dir.path().join(name);
        match files {
            Some(f) => rezip(&p, &f),
            None => std::fs::write(&p, raw).unwrap(),
        }
        let mut store = Store::open(&target).unwrap();
        let err = import_campaign(&mut store, &p).unwrap_err();
        assert_eq!(err.code(), "archive_rejected", "{name}: {err}");
        assert!(err.to_string().contains("chưa ghi gì"), "{name}: {err}");
        drop(store);
        assert_eq!(content_digest(&target), digest, "{name}");
    }
}

#[test]
fn the_spreadsheet_export_has_three_sheets_with_vietnamese_headers_and_real_dates() {
    let dir = tempfile::tempdir().unwrap();
    let db = full_campaign(dir.path());
    let file = dir.path().join("bao-cao.xlsx");
    let out = cli(&db, &["export", "xlsx", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut book: Xlsx<_> = open_workbook(&file).unwrap();
    assert_eq!(book.sheet_names(), vec!["Hồ sơ", "Xếp hạng", "Khen thưởng"]);
    let nominations = book.worksheet_range("Hồ sơ").unwrap();
    assert_eq!(nominations.get((0, 1)), Some(&Data::String("Đơn vị".into())));
    assert_eq!(nominations.height(), 12);
    let Some(Data::DateTime(t)) = nominations.get((1, 6)) else { panic!("{:?}", nominations.get((1, 6))) };
    assert_eq!(t.as_datetime().unwrap().format("%d/%m/%Y %H:%M").to_string(), "04/01/2024 16:30");
    let ranking = book.worksheet_range("Xếp hạng").unwrap();
    assert_eq!(ranking.height(), 7);
    assert_eq!(ranking.get((1, 4)), Some(&Data::Float(100.0)));
    // Widths fit the text: the unit column is wider than the number column.
    let sheet = entries(&file)["xl/worksheets/sheet1.xml"].clone();
    let xml = String::from_utf8(sheet).unwrap();
    let widths: Vec<f64> = xml
        .split("<col ")
        .skip(1)
        .map(|c| c.split("width=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap())
        .collect();
    assert!(widths.len() >= 9 && widths[1] > widths[0] + 10.0, "{widths:?}");
    let awards = book.worksheet_range("Khen thưởng").unwrap();
    assert_eq!(awards.height(), 7);
    assert_eq!(count(&db, "nominations"), 11);
}
