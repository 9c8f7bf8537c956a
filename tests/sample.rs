//! The public sample through the command line: `init --example`, then importing the eleven
//! dossiers gives, row by row, the statuses and reasons the samples' README explains.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, fixture, stderr, stdout};
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

fn nfc(s: &str) -> String {
    s.nfc().collect()
}

#[test]
fn the_public_sample_gives_the_expected_outcome_for_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sample.sqlite3");
    let init = cli(&db, &["init", "--example"]);
    assert!(init.status.success(), "{}", stderr(&init));
    let import = cli(&db, &["import", fixture("nominations-example.csv").to_str().unwrap()]);
    assert!(import.status.success(), "{}", stderr(&import));
    assert!(stdout(&import).contains("Đã nhập 11 hồ sơ: 6 tiếp nhận, 5 không tiếp nhận."), "{}", stdout(&import));

    let listed = cli(&db, &["nominations", "--json"]);
    assert!(listed.status.success());
    let got: Vec<Value> = serde_json::from_str(&stdout(&listed)).unwrap();
    let expected: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(fixture("nominations-example.expected.json")).unwrap()).unwrap();
    assert_eq!(got.len(), expected.len());
    // Rows are recorded in file order, so row N of the file is the (N-1)th nomination.
    for (g, e) in got.iter().zip(&expected) {
        let row = &e["row"];
        assert_eq!(g["name"].as_str().map(nfc), e["name"].as_str().map(nfc), "row {row}");
        assert_eq!(g["unit"], e["unit"], "row {row}");
        assert_eq!(g["status"], e["status"], "row {row}");
        assert_eq!(g["reasons"], e["reasons"], "row {row}");
    }
}

#[test]
fn stored_names_are_nfc_even_when_the_file_is_decomposed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nfc.sqlite3");
    cli(&db, &["init", "--example"]);
    let raw = std::fs::read_to_string(fixture("nominations-example.csv")).unwrap();
    assert_ne!(raw, nfc(&raw), "the fixture's row 10 is decomposed");
    cli(&db, &["import", fixture("nominations-example.csv").to_str().unwrap()]);
    let got: Vec<Value> = serde_json::from_str(&stdout(&cli(&db, &["nominations", "--json"]))).unwrap();
    for n in &got {
        let name = n["name"].as_str().unwrap();
        assert_eq!(name, nfc(name), "{name}");
    }
    assert!(got.iter().any(|n| n["name"] == "Triệu Thị Yến"));
}

#[test]
fn search_without_diacritics_finds_rows_10_and_12() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("search.sqlite3");
    cli(&db, &["init", "--example"]);
    cli(&db, &["import", fixture("nominations-example.csv").to_str().unwrap()]);
    for (query, name) in
        [("trieu thi yen", "Triệu Thị Yến"), ("dam van dat", "Đàm Văn Đạt"), ("NGUYEN thi huong", "Nguyễn Thị Hường")]
    {
        let out = cli(&db, &["search", query, "--json"]);
        assert!(out.status.success());
        let hits: Vec<Value> = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(hits.len(), 1, "{query}");
        assert_eq!(hits[0]["name"], name);
        assert_eq!(hits[0]["campaign"], "bach-thong-q4-2023");
    }
}

#[test]
fn submitted_at_is_rfc3339_in_vietnam_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("time.sqlite3");
    cli(&db, &["init", "--example"]);
    cli(&db, &["import", fixture("nominations-example.csv").to_str().unwrap()]);
    let got: Vec<Value> = serde_json::from_str(&stdout(&cli(&db, &["nominations", "--json"]))).unwrap();
    // Row 5 was given as 2024-01-05T02:59:00Z.
    assert_eq!(got[3]["submitted_at"], "2024-01-05T09:59:00+07:00");
    assert!(chrono::DateTime::parse_from_rfc3339(got[0]["submitted_at"].as_str().unwrap()).is_ok());
}

#[test]
fn importing_the_same_file_twice_records_nothing_new() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twice.sqlite3");
    cli(&db, &["init", "--example"]);
    cli(&db, &["import", fixture("nominations-example.csv").to_str().unwrap()]);
    let again = cli(&db, &["import", fixture("nominations-example.csv").to_str().unwrap()]);
    assert!(again.status.success());
    assert!(stdout(&again).contains("Bỏ qua 11 dòng đã nhập trước đây"), "{}", stdout(&again));
    let got: Vec<Value> = serde_json::from_str(&stdout(&cli(&db, &["nominations", "--json"]))).unwrap();
    assert_eq!(got.len(), 11);
}
