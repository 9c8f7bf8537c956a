//! Who the audit trail credits, and restores written to it, the same from the command line and
//! from the window: both go through `thidua::app::session`.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use chrono::NaiveDate;
use common::cli;
use thidua::app::session::{self, resolve_actor, UNKNOWN_ACTOR};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 20).unwrap()
}

fn restores(db: &Path) -> Vec<serde_json::Value> {
    let out = cli(db, &["log", "--all", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let all: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    all.into_iter().filter(|e| e["action"] == "restore").collect()
}

#[test]
fn the_actor_is_the_name_given_then_the_name_chosen_for_this_pc_then_the_system_user() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite3");
    let system = session::system_user().unwrap_or_else(|| UNKNOWN_ACTOR.to_string());
    assert_eq!(resolve_actor(None, &db), system);
    assert_eq!(resolve_actor(Some("   "), &db), system, "a blank name is no name");
    std::fs::write(session::operator_file(&db), "  trần  thị thư \n").unwrap();
    assert_eq!(resolve_actor(None, &db), "trần thị thư", "the chosen name, spaces tidied");
    assert_eq!(resolve_actor(Some("Nguyễn Văn Kế"), &db), "Nguyễn Văn Kế");
}

#[test]
fn a_restore_from_the_command_line_or_the_window_is_written_with_the_same_actor() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite3");
    assert!(cli(&db, &["init", "--example"]).status.success());
    let backup = dir.path().join("copy.sqlite3");
    assert!(cli(&db, &["backup", backup.to_str().unwrap()]).status.success());
    std::fs::write(session::operator_file(&db), "Trần Thị Thư").unwrap();

    // The command line, with no --user: the name chosen for this PC, not the system's user.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_thidua"))
        .env("USER", "office")
        .arg("--db")
        .arg(&db)
        .args(["restore", backup.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let after_cli = restores(&db);
    assert_eq!(after_cli.len(), 1, "{after_cli:?}");
    assert_eq!(after_cli[0]["actor"], "Trần Thị Thư");
    assert_eq!(after_cli[0]["after"]["from"], backup.display().to_string());

    // The window's restore calls the same function with no explicit name.
    session::restore(&db, &backup, None, today()).unwrap();
    let after_window = restores(&db);
    assert_eq!(after_window.len(), 1, "the backup predates the first restore: {after_window:?}");
    assert_eq!(after_window[0]["actor"], after_cli[0]["actor"]);
    assert_eq!(after_window[0]["table"], after_cli[0]["table"]);
    assert_eq!(after_window[0]["after"], after_cli[0]["after"]);

    // --user names someone else for this one command.
    let out = cli(&db, &["--user", "Lê Văn Bảo", "restore", backup.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(restores(&db)[0]["actor"], "Lê Văn Bảo");
}

#[test]
fn reading_works_while_another_program_writes_and_a_waiting_writer_is_told_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite3");
    assert!(cli(&db, &["init", "--example"]).status.success());
    // Another program in the middle of a write.
    let other = rusqlite::Connection::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let out = cli(&db, &["--user", "Người khác", "campaigns"]);
    assert!(out.status.success(), "a reading command writes nothing: {}", String::from_utf8_lossy(&out.stderr));
    let mut store = thidua::Store::open(&db).unwrap();
    store.set_busy_timeout(std::time::Duration::from_millis(200)).unwrap();
    let err =
        thidua::app::campaigns::add_unit(&mut store, None, "Xã Mới", thidua::model::UnitKind::Commune).unwrap_err();
    assert_eq!(err.code(), "busy");
    assert!(err.to_string().starts_with("Một chương trình khác"), "{err}");
    other.execute_batch("ROLLBACK").unwrap();
    thidua::app::campaigns::add_unit(&mut store, None, "Xã Mới", thidua::model::UnitKind::Commune).unwrap();
}

#[test]
fn a_restore_while_another_process_has_the_records_open_is_refused_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite3");
    assert!(cli(&db, &["init", "--example"]).status.success());
    let backup = dir.path().join("copy.sqlite3");
    assert!(cli(&db, &["backup", backup.to_str().unwrap()]).status.success());
    // The window, open on the records.
    let mut window = thidua::Store::open(&db).unwrap();
    let out = cli(&db, &["restore", backup.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("đang được mở ở nơi khác"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // What the window records afterwards is in the file everyone reads.
    thidua::app::campaigns::add_unit(&mut window, None, "Xã Mới Lập", thidua::model::UnitKind::Commune).unwrap();
    drop(window);
    let out = cli(&db, &["units"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Xã Mới Lập"), "no lost update");
    // Closed, the restore goes ahead.
    assert!(cli(&db, &["restore", backup.to_str().unwrap()]).status.success());
    assert!(!String::from_utf8_lossy(&cli(&db, &["units"]).stdout).contains("Xã Mới Lập"));
}
