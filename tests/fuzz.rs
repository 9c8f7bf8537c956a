//! Property-based fuzzing of every importer's parser: no input, however malformed, makes them
//! panic. The number of cases per target is proptest's (`PROPTEST_CASES`, 256 by default); a
//! longer run: `PROPTEST_CASES=20000 cargo test --release --test fuzz`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write;
use std::sync::OnceLock;

use chrono::NaiveDate;
use proptest::prelude::*;
use thidua::app::transfer::{export_campaign, import_campaign};
use thidua::council::{parse_points, Nominee};
use thidua::exchange::scores::parse_scores;
use thidua::exchange::table::{read_csv, read_table};
use thidua::exchange::{parse_nominations, read_exchange};
use thidua::model::{Campaign, CouncilMember, CouncilRole, Meeting, Unit};
use thidua::Store;

use common::NOMINATION_HEADER as HEADER;

fn units() -> &'static Vec<Unit> {
    static UNITS: OnceLock<Vec<Unit>> = OnceLock::new();
    UNITS.get_or_init(|| {
        let (store, c) = common::example_store();
        store.units(c.id).unwrap()
    })
}

/// A valid exchange file of the example, appraised.
fn valid_archive() -> &'static Vec<u8> {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let (db, c) = common::example_file(dir.path());
        let mut store = Store::open(&db).unwrap();
        store.accept_all(c.id).unwrap();
        let file = dir.path().join("dot.zip");
        export_campaign(&store, &c, &file).unwrap();
        std::fs::read(file).unwrap()
    })
}

type ScoringContext = (Campaign, Vec<CouncilMember>, Vec<Nominee>, Option<Meeting>);

/// The example appraised, with a council of three and an open meeting.
fn scoring_context() -> &'static ScoringContext {
    static CONTEXT: OnceLock<ScoringContext> = OnceLock::new();
    CONTEXT.get_or_init(|| {
        let (mut store, c) = common::example_store();
        thidua::app::intake::import_nominations(&mut store, &c, &common::fixture("nominations-example.csv")).unwrap();
        store.accept_all(c.id).unwrap();
        let members: Vec<_> = (1..=3)
            .map(|i| {
                let role = if i == 1 { CouncilRole::Chair } else { CouncilRole::Member };
                store.add_member(c.id, &format!("Thành viên {i}"), None, role).unwrap()
            })
            .collect();
        store.open_meeting(c.id, NaiveDate::from_ymd_opt(2024, 1, 8).unwrap(), None, &members[..2]).unwrap();
        let campaign = store.campaign(None).unwrap();
        (
            campaign,
            store.members(c.id).unwrap(),
            store.nominees(c.id, None).unwrap(),
            store.current_meeting(c.id).unwrap(),
        )
    })
}

fn valid_xlsx() -> &'static Vec<u8> {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        for (c, h) in HEADER.iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        let row = ["Phòng Nội vụ", "Cá nhân", "Nguyễn Văn An", "Nam", "", "04/01/2024 08:00", "Có", "Có", "Có", ""];
        for (c, v) in row.iter().enumerate() {
            ws.write_string(1, c as u16, *v).unwrap();
        }
        book.save_to_buffer().unwrap()
    })
}

/// Cell text drawn from what spreadsheets hold: Vietnamese (composed and decomposed), digits,
/// separators, quotes, formulas, control characters.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ăâđêôơưĂÂĐÊÔƠƯàáảãạềếểễệ,;\"'=+@/:.\\-\u{300}\u{301}\u{303}\u{309}\u{323}\t\n\r\u{0}\u{7}\u{feff}]{0,40}",
        Just("Phòng Nội vụ".to_string()),
        Just("Cá nhân".to_string()),
        Just("Tập thể".to_string()),
        Just("04/01/2024 08:00".to_string()),
        Just("45296.5".to_string()),
        Just("Có".to_string()),
        any::<String>(),
    ]
}

fn csv_text(rows: &[Vec<String>], sep: char) -> String {
    rows.iter()
        .map(|r| r.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect::<Vec<_>>().join(&sep.to_string()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Flips, cuts or splices bytes of a valid file.
fn mutated(base: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        any::<prop::sample::Index>(),
        any::<bool>(),
    )
        .prop_map(move |(flips, cut, truncate)| {
            let mut b = base.to_vec();
            for (i, v) in flips {
                let i = i.index(b.len());
                b[i] = v;
            }
            if truncate {
                b.truncate(cut.index(b.len() + 1));
            }
            b
        })
}

proptest! {
    #[test]
    fn read_csv_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = read_csv(&bytes);
    }

    #[test]
    fn nominations_parser_never_panics_on_csv_text(
        rows in prop::collection::vec(prop::collection::vec(cell(), 0..12), 0..8),
        semicolon in any::<bool>(),
        with_header in any::<bool>(),
    ) {
        let mut all = Vec::new();
        if with_header {
            all.push(HEADER.iter().map(|h| h.to_string()).collect());
        }
        all.extend(rows);
        let text = csv_text(&all, if semicolon { ';' } else { ',' });
        if let Ok(table) = read_csv(text.as_bytes()) {
            if let Ok(parsed) = parse_nominations(&table, units()) {
                // What is accepted is stored as NFC.
                for (_, n) in parsed {
                    prop_assert!(unicode_normalization::is_nfc(&n.name));
                }
            }
        }
    }

    #[test]
    fn workbook_reader_never_panics_on_damaged_xlsx(bytes in mutated(valid_xlsx())) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hong.xlsx");
        std::fs::write(&path, &bytes).unwrap();
        if let Ok(table) = read_table(&path) {
            let _ = parse_nominations(&table, units());
        }
    }

    #[test]
    fn points_parser_never_panics(text in cell()) {
        if let Some(p) = parse_points(&text) {
            prop_assert!(p >= 0);
        }
    }

    #[test]
    fn scores_parser_never_panics(rows in prop::collection::vec(prop::collection::vec(
        prop_oneof![cell(), Just("Thành viên 1".to_string()), (0u32..15).prop_map(|n| n.to_string()), Just("17,5".to_string())], 0..6), 0..6),
        with_meeting in any::<bool>(),
    ) {
        let mut all = vec![vec!["Thành viên".to_string(), "Hồ sơ".into(), "Tiêu chí".into(), "Điểm".into()]];
        all.extend(rows);
        let (campaign, members, nominees, meeting) = scoring_context();
        if let Ok(table) = read_csv(csv_text(&all, ',').as_bytes()) {
            if let Ok((scores, _)) = parse_scores(&table, campaign, members, nominees, meeting.as_ref().filter(|_| with_meeting)) {
                for s in scores {
                    let max = campaign.criteria.for_kind(nominees.iter().find(|n| n.id == s.nomination).unwrap().kind)
                        .iter().find(|k| k.number == s.criterion).unwrap().max_half_points;
                    prop_assert!((0..=max).contains(&s.half_points));
                }
            }
        }
    }

    #[test]
    fn archive_reader_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let _ = read_exchange(std::io::Cursor::new(&bytes));
    }

    #[test]
    fn archive_reader_never_panics_on_random_entries(
        entries in prop::collection::vec(("[a-z./\\\\:]{0,20}", prop::collection::vec(any::<u8>(), 0..64)), 0..6)
    ) {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, bytes) in &entries {
            if zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).is_ok() {
                zip.write_all(bytes).unwrap();
            }
        }
        if let Ok(c) = zip.finish() {
            prop_assert!(read_exchange(std::io::Cursor::new(c.into_inner())).is_err());
        }
    }

    #[test]
    fn a_damaged_archive_is_refused_or_imported_whole(bytes in mutated(valid_archive())) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dot.zip");
        std::fs::write(&path, &bytes).unwrap();
        let mut store = Store::open_in_memory().unwrap();
        match import_campaign(&mut store, &path) {
            Ok(_) => prop_assert_eq!(store.nominations(store.campaign(None).unwrap().id).unwrap().len(), 11),
            Err(_) => prop_assert!(store.campaigns().unwrap().is_empty()),
        }
    }
}
