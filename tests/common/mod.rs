//! Helpers shared by the integration tests: a database with the example campaign, fixture paths,
//! and the command line binary.

#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Output;

use thidua::exchange::example_definition;
use thidua::model::Campaign;
use thidua::Store;

/// The columns of a nomination file, in the order the sample uses.
pub const NOMINATION_HEADER: [&str; 10] = [
    "Đơn vị",
    "Loại",
    "Tên",
    "Giới tính",
    "Chức vụ",
    "Thời gian nộp",
    "Tờ trình",
    "Biên bản",
    "Báo cáo thành tích",
    "Tóm tắt thành tích",
];

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

pub fn example_store() -> (Store, Campaign) {
    let mut store = Store::open_in_memory().unwrap();
    store.create_campaign(&example_definition().unwrap()).unwrap();
    let campaign = store.campaign(None).unwrap();
    (store, campaign)
}

pub fn cli(db: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_thidua")).arg("--db").arg(db).args(args).output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A database file in `dir` with the example campaign and the example nominations imported.
pub fn example_file(dir: &Path) -> (PathBuf, Campaign) {
    let db = dir.join("thidua.sqlite3");
    let mut store = Store::open(&db).unwrap();
    store.create_campaign(&example_definition().unwrap()).unwrap();
    let campaign = store.campaign(None).unwrap();
    thidua::app::intake::import_nominations(&mut store, &campaign, &fixture("nominations-example.csv")).unwrap();
    (db, campaign)
}

/// A digest of every row of every record table, read through a separate read-only connection:
/// equal digests mean no record was written. `audit_actor` (who sits at the keyboard, set when
/// the command line starts) is not a record.
pub fn content_digest(db: &Path) -> String {
    use sha2::{Digest, Sha256};
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'audit_actor' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables.sort();
    let mut hasher = Sha256::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| Ok((0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|")))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        hasher.update(t.as_bytes());
        for r in rows {
            hasher.update(r.as_bytes());
        }
    }
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// How many rows a table has, through a separate connection.
pub fn count(db: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

/// `PRAGMA integrity_check` through a separate connection, after SQLite's own recovery of a hot
/// journal or WAL (which needs a writer).
pub fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}
