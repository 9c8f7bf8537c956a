//! Backups with SQLite's online backup API, their rotation in the `backups/` folder beside the
//! database, the checks a file must pass before it may replace the database, and the restore.
//!
//! A backup is always written to a temporary file in the destination's folder, flushed to disk and
//! then renamed, so a crash leaves either the old file or the whole new one, never half of one.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};

use super::{latest_version, Store, APPLICATION_ID};
use crate::error::{Error, RecordsError, Result};

/// The folder of the automatic backups, beside the database.
pub const BACKUP_FOLDER: &str = "backups";
/// How many of the newest automatic backups are always kept.
pub const KEEP_LAST: usize = 10;
const PREFIX: &str = "thidua-";
const SUFFIX: &str = ".sqlite3";

/// Why an automatic backup was made; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupReason {
    Daily,
    BeforeMigration,
    BeforeRestore,
}

impl BackupReason {
    fn code(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::BeforeMigration => "before-migration",
            BackupReason::BeforeRestore => "before-restore",
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io { path: path.to_path_buf(), source }
}

/// The automatic backups folder of the database at `db`.
pub fn backup_folder(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join(BACKUP_FOLDER)
}

/// The automatic backups of the database at `db`, oldest first (their names sort by time).
pub fn list_backups(db: &Path) -> Result<Vec<PathBuf>> {
    let folder = backup_folder(db);
    if !folder.exists() {
        return Ok(Vec::new());
    }
    let mut out: Vec<PathBuf> = std::fs::read_dir(&folder)
        .map_err(io(&folder))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(SUFFIX))
        })
        .collect();
    out.sort();
    Ok(out)
}

/// The day an automatic backup was made, read from its name `thidua-YYYY-MM-DD-NNN-reason.sqlite3`.
fn backup_day(path: &Path) -> Option<NaiveDate> {
    let name = path.file_name()?.to_str()?;
    NaiveDate::parse_from_str(name.get(PREFIX.len()..PREFIX.len() + 10)?, "%Y-%m-%d").ok()
}

/// How old a temporary file must be before it counts as left behind by a copy that was killed:
/// no copy of the database takes anywhere near this long.
pub const STALE_TEMPORARY: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes the temporary files (`.NAME.PID.tmp` and SQLite's `-journal` beside one) that copies
/// killed mid-way left in `folder`: those of `name`, and those of every file named as ours are
/// (`thidua-…`: automatic backups, the database itself). Only files older than [`STALE_TEMPORARY`], so a copy still running elsewhere
/// keeps its file. Best effort: a file that cannot be removed is left for the next time.
fn remove_stale_temporaries(folder: &Path, name: &str) {
    let ours = |file: &str| {
        let stem = file.strip_suffix("-journal").unwrap_or(file);
        stem.ends_with(".tmp") && (stem.starts_with(&format!(".{name}.")) || stem.starts_with(&format!(".{PREFIX}")))
    };
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(file) = file.to_str() else { continue };
        let old = entry.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
        if ours(file) && (owner_gone(file) || old.is_some_and(|age| age >= STALE_TEMPORARY)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether the process that was writing a temporary file (`.name.PID.tmp`) has ended without
/// finishing it: then it is removed at once, not an hour later. Known on Linux through /proc;
/// elsewhere the hour's rule applies.
fn owner_gone(file: &str) -> bool {
    let stem = file.strip_suffix("-journal").unwrap_or(file);
    let pid = stem.strip_suffix(".tmp").and_then(|s| s.rsplit('.').next()).and_then(|p| p.parse::<u32>().ok());
    match pid {
        Some(pid) if cfg!(target_os = "linux") => {
            pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists()
        }
        _ => false,
    }
}

/// Copies the database behind `src` into `dest` through a temporary file and a rename.
fn copy_database(src: &Connection, dest: &Path) -> Result<()> {
    let folder = dest.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder).map_err(io(folder))?;
    let name = dest.file_name().and_then(|n| n.to_str()).unwrap_or("thidua");
    remove_stale_temporaries(folder, name);
    let tmp = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let _ = std::fs::remove_file(&tmp);
        let mut out = Connection::open(&tmp).map_err(|source| Error::Open { path: tmp.clone(), source })?;
        {
            let backup = Backup::new(src, &mut out)?;
            backup.run_to_completion(256, std::time::Duration::ZERO, None)?;
        }
        // A backup is one self-contained file: no WAL beside it.
        out.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
        out.close().map_err(|(_, e)| Error::Database(e))?;
        std::fs::File::open(&tmp).and_then(|f| f.sync_all()).map_err(io(&tmp))?;
        super::debug_assert_closed(&tmp);
        super::debug_assert_closed(dest);
        std::fs::rename(&tmp, dest).map_err(io(dest))?;
        sync_folder(folder);
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Makes a rename durable on systems where a folder can be flushed.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(f) = std::fs::File::open(folder) {
        let _ = f.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

/// Writes an automatic backup of `conn` (the database at `db`) and prunes the folder.
fn rotating_backup(conn: &Connection, db: &Path, reason: BackupReason, today: NaiveDate) -> Result<PathBuf> {
    let path = unpruned_backup(conn, db, reason, today)?;
    prune(db)?;
    Ok(path)
}

/// Writes an automatic backup without pruning: a restore prunes only once the file it restores
/// from, which may be the oldest backup, has been copied.
fn unpruned_backup(conn: &Connection, db: &Path, reason: BackupReason, today: NaiveDate) -> Result<PathBuf> {
    let folder = backup_folder(db);
    let day = today.format("%Y-%m-%d").to_string();
    let next = list_backups(db)?
        .iter()
        .filter_map(|p| {
            p.file_name()?.to_str()?.strip_prefix(&format!("{PREFIX}{day}-"))?.get(..3)?.parse::<u32>().ok()
        })
        .max()
        .map_or(1, |n| n + 1);
    let path = folder.join(format!("{PREFIX}{day}-{next:03}-{}{SUFFIX}", reason.code()));
    copy_database(conn, &path)?;
    Ok(path)
}

/// The backups the rotation keeps: the newest [`KEEP_LAST`] and the newest of every month.
pub fn kept_backups(all: &[PathBuf]) -> Vec<PathBuf> {
    let mut keep: Vec<PathBuf> = all.iter().rev().take(KEEP_LAST).cloned().collect();
    let mut months = Vec::new();
    for p in all.iter().rev() {
        if let Some(d) = backup_day(p) {
            let month = d.format("%Y-%m").to_string();
            if !months.contains(&month) {
                months.push(month);
                if !keep.contains(p) {
                    keep.push(p.clone());
                }
            }
        }
    }
    keep.sort();
    keep
}

fn prune(db: &Path) -> Result<()> {
    let all = list_backups(db)?;
    let keep = kept_backups(&all);
    for p in all.iter().filter(|p| !keep.contains(p)) {
        super::debug_assert_closed(p);
        std::fs::remove_file(p).map_err(io(p))?;
    }
    Ok(())
}

/// Called before migrations change an existing database with data in it.
pub(crate) fn backup_before_migration(conn: &Connection, db: &Path, today: NaiveDate) -> Result<PathBuf> {
    rotating_backup(conn, db, BackupReason::BeforeMigration, today)
}

impl Store {
    /// Copies the whole database to `path` (a USB stick, another folder) while it stays open.
    pub fn backup_to(&self, path: &Path) -> Result<()> {
        let same = |a: &Path, b: &Path| matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y);
        if self.path().is_some_and(|db| same(db, path)) {
            return Err(RecordsError::BackupOverItself(path.to_path_buf()).into());
        }
        copy_database(self.conn(), path)
    }

    /// Makes the day's backup unless one was already made on `today`; returns its path when made.
    /// An in-memory store has no folder and makes none.
    pub fn daily_backup_if_due(&self, today: NaiveDate) -> Result<Option<PathBuf>> {
        let Some(db) = self.path() else { return Ok(None) };
        daily_backup_of_file(db, today)
    }
}

/// Makes the day's backup of the database at `db` unless one was made on `today`, on a reading
/// connection of its own: a window keeps working on its store while the copy is written.
pub fn daily_backup_of_file(db: &Path, today: NaiveDate) -> Result<Option<PathBuf>> {
    if list_backups(db)?.iter().any(|p| backup_day(p) == Some(today)) {
        return Ok(None);
    }
    // Held while the copy is made: a restore meanwhile is refused, not run under an open file.
    let _reading = super::shared_lock(db)?;
    let conn = open_read_only(db)?;
    let made = rotating_backup(&conn, db, BackupReason::Daily, today).map(Some);
    // Closed before returning: no handle of the database outlives the backup.
    drop(conn);
    made
}

impl Store {
    /// `PRAGMA quick_check`: the problems found, empty when the file is sound.
    pub fn quick_check(&self) -> Result<Vec<String>> {
        check(self.conn(), "quick_check")
    }
}

fn check(conn: &Connection, pragma: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA {pragma}"))?;
    let lines = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines.into_iter().filter(|l| l != "ok").collect())
}

fn open_read_only(path: &Path) -> Result<Connection> {
    if !path.is_file() {
        return Err(Error::BadBackup { path: path.to_path_buf(), why: "tệp không tồn tại".into() });
    }
    let open = |flags| {
        Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(|source| Error::Open { path: path.to_path_buf(), source })
    };
    let conn = open(OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let probe = |c: &Connection| c.query_row("SELECT COUNT(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0));
    match probe(&conn) {
        // A process stopped in the middle of a write left a hot journal or WAL, which only a
        // writer may roll back or recover. That is SQLite's own crash recovery, which returns the
        // file to its last committed state; it is run once, then the file is checked read-only.
        Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::ReadOnly => {
            drop(conn);
            let writer = open(OpenFlags::SQLITE_OPEN_READ_WRITE)?;
            probe(&writer).map_err(|source| Error::Open { path: path.to_path_buf(), source })?;
            writer.close().map_err(|(_, source)| Error::Open { path: path.to_path_buf(), source })?;
            open(OpenFlags::SQLITE_OPEN_READ_ONLY)
        }
        _ => Ok(conn),
    }
}

/// Checks that the file at `path` is a sound Thi đua database this version can open: it opens,
/// `PRAGMA integrity_check` is ok, the application id is ours and its schema is not newer.
pub fn check_database_file(path: &Path, full: bool) -> Result<()> {
    let bad = |why: String| Error::BadBackup { path: path.to_path_buf(), why };
    let conn = open_read_only(path)?;
    let app_id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| bad(format!("không đọc được tệp ({e})")))?;
    if app_id != APPLICATION_ID {
        return Err(Error::NotOurs { path: path.to_path_buf() });
    }
    // A file too damaged to be checked at all is damaged too.
    let problems = check(&conn, if full { "integrity_check" } else { "quick_check" }).unwrap_or_else(|e| match e {
        Error::Database(e) => vec![e.to_string()],
        other => vec![other.to_string()],
    });
    if let Some(first) = problems.first() {
        return Err(Error::Damaged { path: path.to_path_buf(), detail: first.clone(), newest_good: None });
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > latest_version() {
        return Err(bad(format!(
            "tệp được tạo bởi phiên bản mới hơn của Thi đua (cấu trúc số {version}, phiên bản này đọc được đến số {})",
            latest_version()
        )));
    }
    if full {
        if let Some(why) = schema_difference(&conn, version)? {
            return Err(bad(why));
        }
        if version >= SEAL_VERSION {
            if let Some((entry, at)) = super::audit::broken_seal(&conn)? {
                return Err(Error::AuditBroken { path: path.to_path_buf(), entry, at });
            }
        }
    }
    Ok(())
}

/// The schema version from which the audit trail is sealed (migration 0008).
const SEAL_VERSION: i64 = 8;

/// The tables, indexes and triggers of a database, by kind and name, with their SQL.
fn schema(conn: &Connection) -> Result<std::collections::BTreeMap<(String, String), Option<String>>> {
    let mut stmt =
        conn.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")?;
    let rows = stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How a file's schema differs from what its version promises (the tables, columns, indexes and
/// triggers a database of that version made by this application has), if it does. A file with
/// a trigger of the audit trail dropped, or none of our tables, is not one of ours to restore.
fn schema_difference(conn: &Connection, version: i64) -> Result<Option<String>> {
    let mut fresh = Connection::open_in_memory()?;
    super::migrations().to_version(&mut fresh, usize::try_from(version).unwrap_or(0))?;
    let (want, have) = (schema(&fresh)?, schema(conn)?);
    let kind = |k: &str| match k {
        "table" => "bảng",
        "index" => "chỉ mục",
        "trigger" => "trigger",
        "view" => "view",
        _ => "mục",
    };
    // Tables first: a file without them is told so, not that an index is missing.
    let order = |k: &str| ["table", "trigger", "index"].iter().position(|x| *x == k).unwrap_or(3);
    let mut missing: Vec<&(String, String)> = want.keys().filter(|key| !have.contains_key(*key)).collect();
    missing.sort_by_key(|(k, name)| (order(k), name.clone()));
    if let Some((k, name)) = missing.first() {
        return Ok(Some(format!("thiếu {} «{name}» mà cấu trúc số {version} phải có", kind(k))));
    }
    if let Some(((k, name), _)) = want.iter().find(|(key, sql)| have.get(*key) != Some(sql)) {
        return Ok(Some(format!("{} «{name}» khác với cấu trúc số {version}", kind(k))));
    }
    if let Some(((k, name), _)) = have.iter().find(|(key, _)| !want.contains_key(*key)) {
        return Ok(Some(format!("có thêm {} «{name}» không thuộc cấu trúc số {version}", kind(k))));
    }
    Ok(None)
}

/// The newest automatic backup of the database at `db` that passes [`check_database_file`].
pub fn newest_good_backup(db: &Path) -> Result<Option<PathBuf>> {
    Ok(list_backups(db)?.into_iter().rev().find(|p| check_database_file(p, true).is_ok()))
}

/// Replaces the database at `db` with the backup at `from`, after checking the backup. The
/// replaced database is kept as a backup first. Returns that backup's path, if there was a
/// database to keep. Run with the database closed.
pub fn restore_from(db: &Path, from: &Path, today: NaiveDate) -> Result<Option<PathBuf>> {
    // Refused while another process has the database open: its later writes would go to the
    // replaced file and be lost. Released when the restore returns.
    let _alone = super::exclusive_lock(db)?;
    // Checking may roll back a hot journal left beside the source, which changes it: the copy is
    // checked and restored, the user's file is left as it was.
    let staged = stage(db, from)?;
    let result = restore_staged(db, from, &staged, today);
    for side in ["", "-journal", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{side}", staged.display()));
    }
    result
}

/// A copy of `from` (with the journal or WAL beside it) in the backup folder of `db`.
fn stage(db: &Path, from: &Path) -> Result<PathBuf> {
    let folder = backup_folder(db);
    std::fs::create_dir_all(&folder).map_err(io(&folder))?;
    let staged = folder.join(format!(".restore-{}.tmp", std::process::id()));
    let meta = std::fs::symlink_metadata(from)
        .map_err(|_| Error::BadBackup { path: from.to_path_buf(), why: "tệp không tồn tại".into() })?;
    if !meta.is_file() {
        return Err(Error::BadBackup { path: from.to_path_buf(), why: "đây không phải một tệp".into() });
    }
    for side in ["", "-journal", "-wal"] {
        let source = PathBuf::from(format!("{}{side}", from.display()));
        let target = PathBuf::from(format!("{}{side}", staged.display()));
        let _ = std::fs::remove_file(&target);
        if source.is_file() {
            if let Err(e) = std::fs::copy(&source, &target) {
                for side in ["", "-journal", "-wal"] {
                    let _ = std::fs::remove_file(format!("{}{side}", staged.display()));
                }
                return Err(io(&source)(e));
            }
        }
    }
    Ok(staged)
}

fn restore_staged(db: &Path, from: &Path, staged: &Path, today: NaiveDate) -> Result<Option<PathBuf>> {
    check_database_file(staged, true).map_err(|e| match e {
        // The messages name the file the user chose, not the copy.
        Error::BadBackup { why, .. } => Error::BadBackup { path: from.to_path_buf(), why },
        Error::Damaged { detail, .. } => Error::Damaged { path: from.to_path_buf(), detail, newest_good: None },
        Error::NotOurs { .. } => Error::NotOurs { path: from.to_path_buf() },
        Error::AuditBroken { entry, at, .. } => Error::AuditBroken { path: from.to_path_buf(), entry, at },
        other => other,
    })?;
    let kept = if db.exists() {
        let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(|source| Error::Open { path: db.to_path_buf(), source })?;
        let kept = match unpruned_backup(&conn, db, BackupReason::BeforeRestore, today) {
            Ok(p) => p,
            // A database too damaged for the backup API is kept byte for byte.
            Err(_) => {
                let p = backup_folder(db).join(format!("{PREFIX}{}-999-damaged{SUFFIX}", today.format("%Y-%m-%d")));
                std::fs::create_dir_all(backup_folder(db)).map_err(io(db))?;
                // Copied beside, then renamed: a copy that fails half-way is never listed.
                let tmp = p.with_extension("tmp");
                if let Err(e) = std::fs::copy(db, &tmp).and_then(|_| std::fs::rename(&tmp, &p)) {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(io(&p)(e));
                }
                p
            }
        };
        // Empty the WAL into the file, so that no old WAL can be replayed onto the restored one.
        let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        conn.close().map_err(|(_, e)| Error::Database(e))?;
        Some(kept)
    } else {
        None
    };
    let source = open_read_only(staged)?;
    copy_database(&source, db)?;
    drop(source);
    for ext in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{ext}", db.display()));
        if side.exists() {
            super::debug_assert_closed(&side);
            std::fs::remove_file(&side).map_err(io(&side))?;
        }
    }
    prune(db)?;
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotation_keeps_the_last_ten_and_the_newest_of_each_month() {
        let names: Vec<PathBuf> = (1..=12)
            .flat_map(|m| (1..=3).map(move |d| PathBuf::from(format!("b/thidua-2024-{m:02}-{d:02}-001-daily.sqlite3"))))
            .collect();
        let kept = kept_backups(&names);
        // 10 newest (Sep 3 … Dec 3: 10 files) + the newest of Jan…Aug (8 more).
        assert_eq!(kept.len(), 18);
        assert!(kept.contains(&PathBuf::from("b/thidua-2024-01-03-001-daily.sqlite3")));
        assert!(!kept.contains(&PathBuf::from("b/thidua-2024-01-02-001-daily.sqlite3")));
        assert!(kept.contains(&PathBuf::from("b/thidua-2024-12-01-001-daily.sqlite3")));
    }
}
