//! Tamper evidence: the audit trail's chain of seals and the schema a version promises. A file
//! cannot stop its owner from editing it; these tests show `thidua check` and `restore` notice.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, stderr, stdout};

fn example_db(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("records.sqlite3");
    assert!(cli(&db, &["init", "--example"]).status.success());
    assert!(cli(&db, &["import", common::fixture("nominations-example.csv").to_str().unwrap()]).status.success());
    assert!(cli(&db, &["appraise", "1", "--accept"]).status.success());
    db
}

fn raw(db: &std::path::Path) -> rusqlite::Connection {
    rusqlite::Connection::open(db).unwrap()
}

#[test]
fn a_genuine_database_passes_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_db(dir.path());
    let out = cli(&db, &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("tốt"));
}

#[test]
fn an_entry_rewritten_with_replace_into_is_found_by_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_db(dir.path());
    let conn = raw(&db);
    let (id, at): (i64, String) = conn
        .query_row("SELECT id, at FROM audit_log WHERE table_name = 'nominations' LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    // REPLACE deletes the old row without firing the trail's triggers, then inserts the forgery.
    conn.execute(
        "REPLACE INTO audit_log (id, at, actor, table_name, action, after) VALUES (?1, ?2, 'Người khác', 'nominations', 'insert', '{}')",
        rusqlite::params![id, at],
    )
    .unwrap();
    drop(conn);
    let out = cli(&db, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("đứt ở mục số {id}")), "{}", stderr(&out));
    // Opening the records (which seals entries written since) does not mend it.
    assert!(cli(&db, &["nominations"]).status.success());
    assert!(stderr(&cli(&db, &["check"])).contains(&format!("đứt ở mục số {id}")));
}

#[test]
fn a_dropped_trigger_and_the_edits_it_hid_are_found_by_check_and_refused_by_restore() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_db(dir.path());
    let backup = dir.path().join("tampered.sqlite3");
    assert!(cli(&db, &["backup", backup.to_str().unwrap()]).status.success());
    let conn = raw(&backup);
    conn.execute_batch(
        "DROP TRIGGER audit_nominations_update; UPDATE nominations SET name = 'Người được sửa' WHERE id = 1;",
    )
    .unwrap();
    drop(conn);
    let out = cli(&backup, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("thiếu trigger «audit_nominations_update»"), "{}", stderr(&out));
    let before = common::content_digest(&db);
    let out = cli(&db, &["restore", backup.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("thiếu trigger «audit_nominations_update»"), "{}", stderr(&out));
    assert_eq!(common::content_digest(&db), before, "nothing replaced");
}

#[test]
fn a_file_with_our_marks_but_none_of_our_tables_is_not_restored() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_db(dir.path());
    let fake = dir.path().join("fake.sqlite3");
    let conn = rusqlite::Connection::open(&fake).unwrap();
    let version = thidua::store::latest_version();
    // The marks of a Thi đua file (application id «THDU», the current version), and one table.
    conn.execute_batch(&format!(
        "PRAGMA application_id = 1414087764; PRAGMA user_version = {version}; CREATE TABLE notes (x TEXT);"
    ))
    .unwrap();
    drop(conn);
    let out = cli(&db, &["restore", fake.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("thiếu bảng «"), "{}", stderr(&out));
    assert!(cli(&db, &["nominations"]).status.success(), "the records are still there");
}

#[test]
fn a_file_whose_migration_fails_is_told_briefly_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("half.sqlite3");
    // Our marks, an older version, and one table in the way of the first migration.
    let conn = rusqlite::Connection::open(&file).unwrap();
    conn.execute_batch("PRAGMA application_id = 1414087764; PRAGMA user_version = 0; CREATE TABLE campaigns (x TEXT);")
        .unwrap();
    drop(conn);
    let out = cli(&file, &["campaigns"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("Lỗi: Không cập nhật được cấu trúc cơ sở dữ liệu"), "{err}");
    assert!(err.chars().count() < 600, "{} characters: {err}", err.chars().count());
}
