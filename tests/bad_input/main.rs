//! The bad-input suite: malformed files fed to every importer (nominations .csv/.xlsx, council
//! scores, campaign exchange archives). Each is refused whole with a Vietnamese message, and the
//! database's records are exactly as before.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod archives;
#[path = "../common/mod.rs"]
mod common;
mod tables;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use common::{content_digest, example_file};
use thidua::app::council::record_score_file as import_scores;
use thidua::app::intake::import_nominations;
use thidua::app::transfer::import_campaign;
use thidua::model::CouncilRole;
use thidua::{Error, Store};
use unicode_normalization::UnicodeNormalization;

#[derive(Clone, Copy, Debug)]
pub enum Importer {
    Nominations,
    Scores,
    Archive,
}

pub struct Case {
    pub name: &'static str,
    pub file: &'static str,
    pub bytes: Vec<u8>,
    pub importer: Importer,
}

pub fn case(name: &'static str, file: &'static str, bytes: impl Into<Vec<u8>>, importer: Importer) -> Case {
    Case { name, file, bytes: bytes.into(), importer }
}

fn run(store: &mut Store, case: &Case, path: &Path) -> Result<(), Error> {
    let campaign = store.campaign(None)?;
    match case.importer {
        Importer::Nominations => import_nominations(store, &campaign, path).map(|_| ()),
        Importer::Scores => {
            import_scores(store, &campaign, path, NaiveDate::from_ymd_opt(2024, 1, 8).unwrap()).map(|_| ())
        }
        Importer::Archive => import_campaign(store, path).map(|_| ()),
    }
}

#[test]
fn every_malformed_file_is_refused_whole_with_a_vietnamese_message() {
    let dir = tempfile::tempdir().unwrap();
    let (db, c) = example_file(dir.path());
    {
        let mut store = Store::open(&db).unwrap();
        store.accept_all(c.id).unwrap();
        for i in 1..=3 {
            let role = if i == 1 { CouncilRole::Chair } else { CouncilRole::Member };
            store.add_member(c.id, &format!("Thành viên {i}"), None, role).unwrap();
        }
    }
    let before = content_digest(&db);
    let mut cases = tables::nomination_cases();
    cases.extend(tables::score_cases());
    cases.extend(archives::archive_cases(dir.path()));
    let mut store = Store::open(&db).unwrap();
    let inputs = dir.path().join("inputs");
    std::fs::create_dir_all(&inputs).unwrap();
    for case in &cases {
        let path: PathBuf = inputs.join(case.file);
        std::fs::write(&path, &case.bytes).unwrap();
        let err = match run(&mut store, case, &path) {
            Ok(()) => panic!("{} ({:?}) was accepted", case.name, case.importer),
            Err(e) => e,
        };
        let message = err.to_string();
        assert!(
            matches!(err.code(), "import_rejected" | "archive_rejected"),
            "{}: {} {message}",
            case.name,
            err.code()
        );
        assert!(message.contains("chưa ghi gì vào cơ sở dữ liệu"), "{}: {message}", case.name);
        assert_eq!(message, message.nfc().collect::<String>(), "{}: the message is NFC", case.name);
        assert!(message.chars().count() < 5000, "{}: a message a person can read", case.name);
        assert_eq!(content_digest(&db), before, "{}: nothing written", case.name);
        println!("{}: {}", case.name, message.lines().take(2).collect::<Vec<_>>().join(" / "));
    }
    println!("bad-input suite: {} malformed files refused, database unchanged", cases.len());
    assert!(cases.len() >= 50);
}
