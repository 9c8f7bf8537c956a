//! Backups, their rotation, the checks before a restore, the restore itself, the start-up check
//! and the migration of a database written by the first schema version.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::NaiveDate;
use common::{cli, content_digest, count, example_file, integrity, stderr, stdout};
use thidua::store::backup::{list_backups, KEEP_LAST};
use thidua::store::{latest_version, newest_good_backup, restore_from};
use thidua::{Error, Store};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Overwrites bytes in the middle of the file, where table pages are.
fn damage(path: &std::path::Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let page = 4096;
    for b in bytes.iter_mut().skip(2 * page).take(3 * page) {
        *b = 0x5A;
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn backup_to_a_file_is_a_whole_database_made_while_the_store_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let (db, campaign) = example_file(dir.path());
    let store = Store::open(&db).unwrap();
    let copy = dir.path().join("usb").join("ban-sao.sqlite3");
    store.backup_to(&copy).unwrap();
    assert_eq!(integrity(&copy), "ok");
    assert_eq!(content_digest(&copy), content_digest(&db));
    let other = Store::open(&copy).unwrap();
    assert_eq!(other.nominations(campaign.id).unwrap().len(), 11);
}

#[test]
fn the_daily_backup_is_made_once_a_day_and_the_rotation_keeps_ten_and_one_per_month() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let store = Store::open(&db).unwrap();
    assert!(store.daily_backup_if_due(day(2024, 1, 5)).unwrap().is_some());
    assert!(store.daily_backup_if_due(day(2024, 1, 5)).unwrap().is_none(), "one a day");
    for d in 6..=31 {
        store.daily_backup_if_due(day(2024, 1, d)).unwrap();
    }
    for d in 1..=20 {
        store.daily_backup_if_due(day(2024, 3, d)).unwrap();
    }
    let names: Vec<String> =
        list_backups(&db).unwrap().iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    // The ten newest (11–20 March) and the newest of January.
    assert_eq!(names.len(), KEEP_LAST + 1, "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("thidua-2024-01-31-")), "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("thidua-2024-03-11-")), "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with("thidua-2024-03-10-")), "{names:?}");
}

#[test]
fn restore_replaces_the_database_and_keeps_the_replaced_one() {
    let dir = tempfile::tempdir().unwrap();
    let (db, campaign) = example_file(dir.path());
    let backup = dir.path().join("truoc.sqlite3");
    Store::open(&db).unwrap().backup_to(&backup).unwrap();
    let before_change = content_digest(&db);
    {
        let mut store = Store::open(&db).unwrap();
        store.accept_all(campaign.id).unwrap();
    }
    let changed = content_digest(&db);
    assert_ne!(changed, before_change);
    let kept = restore_from(&db, &backup, day(2024, 2, 1)).unwrap().unwrap();
    assert_eq!(content_digest(&db), before_change);
    assert_eq!(content_digest(&kept), changed, "the replaced database is kept whole");
    assert!(kept.to_string_lossy().contains("before-restore"));
    assert_eq!(integrity(&db), "ok");
    assert!(Store::open(&db).is_ok());
}

#[test]
fn restore_refuses_a_damaged_foreign_newer_or_missing_file_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let digest = content_digest(&db);
    let damaged = dir.path().join("hong.sqlite3");
    Store::open(&db).unwrap().backup_to(&damaged).unwrap();
    damage(&damaged);
    let foreign = dir.path().join("khac.sqlite3");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let newer = dir.path().join("moi-hon.sqlite3");
    Store::open(&db).unwrap().backup_to(&newer).unwrap();
    rusqlite::Connection::open(&newer).unwrap().pragma_update(None, "user_version", 999).unwrap();
    let junk = dir.path().join("rac.sqlite3");
    std::fs::write(&junk, b"not a database at all, just text".repeat(200)).unwrap();
    let cases = [
        (damaged, "damaged"),
        (foreign, "not_ours"),
        (newer, "bad_backup"),
        (dir.path().join("khong-co.sqlite3"), "bad_backup"),
        (junk, "not_ours"),
    ];
    for (file, code) in cases {
        let err = restore_from(&db, &file, day(2024, 2, 1)).unwrap_err();
        assert!(err.code() == code || (code == "not_ours" && err.code() == "bad_backup"), "{file:?}: {err}");
        assert_eq!(content_digest(&db), digest, "{file:?} must not change the database");
    }
    assert!(list_backups(&db).unwrap().is_empty(), "a refused restore makes no backup");
}

#[test]
fn a_damaged_database_is_never_written_and_the_newest_good_backup_is_offered() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let good = Store::open(&db).unwrap().daily_backup_if_due(day(2024, 1, 6)).unwrap().unwrap();
    damage(&db);
    let bytes = std::fs::read(&db).unwrap();
    let err = Store::open(&db).err().unwrap();
    let Error::Damaged { newest_good, .. } = &err else { panic!("{err}") };
    assert_eq!(newest_good.as_deref(), Some(good.as_path()));
    assert!(err.to_string().contains("thidua restore"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "not one byte written");
    assert_eq!(newest_good_backup(&db).unwrap().as_deref(), Some(good.as_path()));

    let check = cli(&db, &["check"]);
    assert!(!check.status.success());
    assert!(stderr(&check).contains("bị hỏng"), "{}", stderr(&check));
    let restore = cli(&db, &["restore", good.to_str().unwrap()]);
    assert!(restore.status.success(), "{}", stderr(&restore));
    assert!(stdout(&restore).contains("Đã khôi phục"));
    assert_eq!(integrity(&db), "ok");
    let check = cli(&db, &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(stdout(&check).contains("tốt"));
    let log = stdout(&cli(&db, &["log", "--all"]));
    assert!(log.lines().last().unwrap().contains("Khôi phục Cơ sở dữ liệu\tTừ tệp: "), "{log}");
}

#[test]
fn a_database_of_the_first_schema_version_migrates_keeping_every_record_after_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v1.sqlite3");
    let def = thidua::exchange::example_definition().unwrap();
    let settings = serde_json::to_string(&def.settings).unwrap();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(include_str!("../src/store/migrations/0001_core.sql")).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO campaigns VALUES (1, 'cu-2023', 'Đợt cũ', '2023-10-01', '2023-12-31',
             '2024-01-05T03:00:00.000Z', ?1, '2023-10-02T01:00:00.000Z')",
            [&settings],
        )
        .unwrap();
        conn.execute_batch(
            "INSERT INTO units VALUES (1, 1, 'Phòng Nội vụ', 'phong noi vu', 'office', 1);
             INSERT INTO units VALUES (2, 1, 'Xã Quân Hà', 'xa quan ha', 'commune', 2);
             INSERT INTO nominations VALUES (1, 1, 1, 'individual', 'Nguyễn Thị Hường', 'nguyen thi huong', 'female',
               'Chuyên viên', '2024-01-04T09:30:00.000Z', 'present', 'present', 'present', 'Tóm tắt', 'accepted',
               'accepted', '2024-01-04T10:00:00.000Z');
             INSERT INTO nominations VALUES (2, 1, 2, 'collective', 'UBND xã Quân Hà', 'ubnd xa quan ha', NULL,
               NULL, '2024-01-05T03:00:00.000Z', 'present', 'present', 'present', '', NULL,
               'refused', '2024-01-05T04:00:00.000Z');
             INSERT INTO refusals VALUES (2, 'late', 'Nộp lúc 10:00', 'intake');",
        )
        .unwrap();
    }
    let v1 = content_digest(&db);
    let store = Store::open(&db).unwrap();
    assert_eq!(store.schema_version().unwrap(), latest_version());
    let campaign = store.campaign(Some("cu-2023")).unwrap();
    let list = store.nominations(campaign.id).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].name, "Nguyễn Thị Hường");
    assert_eq!(list[1].refusals.len(), 1);
    assert_eq!(list[1].refusals[0].note, "Nộp lúc 10:00");
    assert_eq!(store.units(campaign.id).unwrap().len(), 2);
    let backups = list_backups(&db).unwrap();
    assert_eq!(backups.len(), 1, "one backup before the migration");
    assert!(backups[0].to_string_lossy().contains("before-migration"));
    assert_eq!(content_digest(&backups[0]), v1, "the backup is the database as it was before");
    assert_eq!(count(&db, "nominations"), 2);
}

#[test]
fn a_fresh_database_is_created_without_a_migration_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("moi.sqlite3");
    Store::open(&db).unwrap();
    Store::open(&db).unwrap();
    assert!(list_backups(&db).unwrap().is_empty());
}

#[test]
fn the_backup_command_writes_a_copy_and_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let file = dir.path().join("usb.sqlite3");
    let out = cli(&db, &["backup", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Đã sao lưu"));
    assert_eq!(count(&file, "nominations"), 11);
    let digest = content_digest(&db);
    let onto_itself = cli(&db, &["backup", db.to_str().unwrap()]);
    assert!(!onto_itself.status.success());
    assert!(stderr(&onto_itself).contains("chính cơ sở dữ liệu đang dùng"), "{}", stderr(&onto_itself));
    assert_eq!(content_digest(&db), digest);
    let bad = cli(&db, &["restore", dir.path().join("khong-co.sqlite3").to_str().unwrap()]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).starts_with("Lỗi: "), "{}", stderr(&bad));
}

#[test]
fn restoring_from_the_oldest_kept_backup_copies_it_before_the_rotation_prunes_it() {
    let dir = tempfile::tempdir().unwrap();
    let (db, campaign) = example_file(dir.path());
    let oldest = {
        let store = Store::open(&db).unwrap();
        store.daily_backup_if_due(day(2024, 1, 1)).unwrap().unwrap()
    };
    let wanted = content_digest(&oldest);
    {
        let mut store = Store::open(&db).unwrap();
        store.accept_all(campaign.id).unwrap();
        for d in 2..=KEEP_LAST as u32 {
            store.daily_backup_if_due(day(2024, 1, d)).unwrap();
        }
    }
    assert_eq!(list_backups(&db).unwrap().len(), KEEP_LAST);
    restore_from(&db, &oldest, day(2024, 1, 20)).unwrap();
    assert_eq!(content_digest(&db), wanted);
    assert!(!oldest.exists(), "the rotation then prunes it as usual");
    assert_eq!(list_backups(&db).unwrap().len(), KEEP_LAST);
}

#[test]
fn temporary_files_of_killed_backups_are_removed_once_stale_and_fresh_ones_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let store = Store::open(&db).unwrap();
    let folder = thidua::store::backup::backup_folder(&db);
    let usb = dir.path().join("usb");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::create_dir_all(&usb).unwrap();
    let hours_ago = |h: u64| std::time::SystemTime::now() - std::time::Duration::from_secs(h * 3600);
    let leave = |path: std::path::PathBuf, when: std::time::SystemTime| {
        std::fs::write(&path, b"half a database").unwrap();
        std::fs::File::options().write(true).open(&path).unwrap().set_modified(when).unwrap();
        path
    };
    let stale = [
        leave(folder.join(".thidua-2024-01-04-001-daily.sqlite3.4242.tmp"), hours_ago(30)),
        leave(folder.join(".thidua-2024-01-04-001-daily.sqlite3.4242.tmp-journal"), hours_ago(30)),
        leave(usb.join(".ban-sao.sqlite3.77.tmp"), hours_ago(2)),
    ];
    // A copy left by a process killed a moment ago: its owner is gone, so it goes at once.
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let gone = child.id();
    child.wait().unwrap();
    let killed =
        leave(folder.join(format!(".thidua-2024-01-05-002-daily.sqlite3.{gone}.tmp")), std::time::SystemTime::now());
    let kept = [
        // A copy still being written by another (living) process, and files that are not ours.
        leave(
            folder.join(format!(".thidua-2024-01-06-001-daily.sqlite3.{}.tmp", std::process::id())),
            std::time::SystemTime::now(),
        ),
        leave(usb.join(".khac.sqlite3.77.tmp"), hours_ago(30)),
        leave(usb.join("ghi-chu.tmp"), hours_ago(30)),
    ];

    store.daily_backup_if_due(day(2024, 1, 5)).unwrap().unwrap();
    store.backup_to(&usb.join("ban-sao.sqlite3")).unwrap();
    for p in stale.iter().chain([&killed]) {
        assert!(!p.exists(), "{} is still there", p.display());
    }
    for p in &kept {
        assert!(p.exists(), "{} was removed", p.display());
    }
}

#[test]
fn a_daily_backup_that_cannot_be_written_warns_and_the_command_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("thidua.sqlite3");
    assert!(common::cli(&db, &["init", "--example"]).status.success());
    // The backups folder cannot be made (a file stands in its place), as on a full or read-only disk.
    let folder = dir.path().join("backups");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::write(&folder, b"not a folder").unwrap();
    let out = common::cli(&db, &["nominations"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(
        common::stderr(&out).contains("Cảnh báo: Không tạo được bản sao lưu hằng ngày"),
        "{}",
        common::stderr(&out)
    );
    let out = common::cli(&db, &["units", "add", "Xã Mới", "--kind", "commune"]);
    assert!(out.status.success(), "a write goes on too: {}", common::stderr(&out));
}

#[test]
fn a_failed_export_leaves_no_half_written_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("thidua.sqlite3");
    assert!(common::cli(&db, &["init", "--example"]).status.success());
    // The target is a folder: the file is written beside it, then the rename fails.
    let target = dir.path().join("e");
    std::fs::create_dir(&target).unwrap();
    let out = common::cli(&db, &["export", "campaign", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn a_hot_journal_beside_a_restore_source_is_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("thidua.sqlite3");
    assert!(common::cli(&db, &["init", "--example"]).status.success());
    let source = dir.path().join("nguon.sqlite3");
    assert!(common::cli(&db, &["backup", source.to_str().unwrap()]).status.success());
    // A writer in the middle of a large transaction, its pages spilled into the file: copied at
    // that moment, the file and its journal are what a crash leaves (a hot journal).
    let hot = dir.path().join("nong.sqlite3");
    {
        let conn = rusqlite::Connection::open(&source).unwrap();
        conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA cache_size = 8; BEGIN IMMEDIATE;").unwrap();
        conn.execute_batch("CREATE TABLE filler (x BLOB)").unwrap();
        for _ in 0..200 {
            conn.execute("INSERT INTO filler VALUES (randomblob(8000))", []).unwrap();
        }
        let journal = std::path::PathBuf::from(format!("{}-journal", source.display()));
        assert!(journal.exists(), "the transaction has a journal");
        std::fs::copy(&source, &hot).unwrap();
        std::fs::copy(&journal, format!("{}-journal", hot.display())).unwrap();
        conn.execute_batch("ROLLBACK").unwrap();
    }
    let hot_journal = std::path::PathBuf::from(format!("{}-journal", hot.display()));
    let before = (std::fs::read(&hot).unwrap(), std::fs::read(&hot_journal).unwrap());
    let out = common::cli(&db, &["restore", hot.to_str().unwrap()]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(hot_journal.exists(), "the journal beside the source is still there");
    assert_eq!((std::fs::read(&hot).unwrap(), std::fs::read(&hot_journal).unwrap()), before, "the source is untouched");
    // What was restored is the source as it stood before the interrupted transaction.
    let out = common::cli(&db, &["check"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
}
