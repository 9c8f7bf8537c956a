//! SQLite storage: opening and migrating the database file, transactions, and one module per
//! aggregate. SQL lives only here.

mod appraisal;
mod attachments;
mod audit;
mod audit_lines;
pub mod backup;
mod campaigns;
mod council;
mod documents;
mod next_campaign;
mod nominations;
mod overview;
mod preview;
mod recusals;
mod scoring;
mod transfer;
mod units;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::{Migrations, M};

use crate::error::{Error, Result};

pub use crate::council::RankingReport;
pub use crate::model::{CampaignImport, Tables};
pub use attachments::{digest as attachment_digest, read_user_file, Attachment, UserFile};
pub use audit::AuditEntry;
pub use audit_lines::{AuditLine, FieldChange};
pub use backup::{check_database_file, daily_backup_of_file, list_backups, newest_good_backup, restore_from};
pub(crate) use nominations::nomination_key;
pub use nominations::SearchHit;
pub use overview::Overview;
pub use recusals::RecusalLine;

/// The application's folder name under the operating system's per-user data folder; the desktop
/// shell uses the same identifier, so both open one database.
pub const APP_IDENTIFIER: &str = "vn.thidua.desktop";
/// What the audit trail records when nobody can be named.
pub const UNKNOWN_ACTOR: &str = "không rõ";
/// The database's file name, unmistakable beside the files the web view writes.
pub const DATABASE_FILE: &str = "thidua-records.sqlite3";
/// Marks a SQLite file as ours (`PRAGMA application_id`, "THDU").
pub const APPLICATION_ID: i64 = 1_414_087_764;

const MIGRATION_SQL: &[&str] = &[
    include_str!("migrations/0001_core.sql"),
    include_str!("migrations/0002_council.sql"),
    include_str!("migrations/0003_documents.sql"),
    include_str!("migrations/0004_audit.sql"),
    include_str!("migrations/0005_attachments.sql"),
    include_str!("migrations/0006_current_campaign.sql"),
    include_str!("migrations/0007_meeting_hours.sql"),
    include_str!("migrations/0008_audit_seal.sql"),
    include_str!("migrations/0009_unit_forms.sql"),
    include_str!("migrations/0010_women_share.sql"),
    include_str!("migrations/0011_office_emblem.sql"),
    include_str!("migrations/0012_recusals.sql"),
    include_str!("migrations/0013_sheets_lock.sql"),
    include_str!("migrations/0014_sheet_entries.sql"),
];

/// The schema version this build writes (the number of migrations).
pub fn latest_version() -> i64 {
    MIGRATION_SQL.len() as i64
}

pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATION_SQL.iter().map(|sql| M::up(sql)).collect())
}

/// The default database: `<data folder>/vn.thidua.desktop/thidua-records.sqlite3`
/// (on Linux `~/.local/share/…`, on Windows `%APPDATA%\…`).
pub fn default_database_path() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER).join(DATABASE_FILE))
}

/// How long a write waits for another process's transaction before giving up.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);

/// The one connection to the database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// The shared lock on the file beside the database, held while it is open, so that a restore
    /// never replaces the file under a process still writing to it. Dropped after `conn`.
    _lock: Option<std::fs::File>,
}

/// The file every process that opens the database locks (shared), and a restore locks alone.
pub fn lock_path(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}.lock", db.display()))
}

/// The lock a reader of the database file holds while it copies it (a backup beside a window's
/// store): a restore waits for none and is refused until it is released.
pub(crate) fn shared_lock(db: &Path) -> Result<std::fs::File> {
    let lock = open_lock(db)?;
    lock.lock_shared().map_err(|source| Error::Io { path: lock_path(db), source })?;
    Ok(lock)
}

/// How many handles this process holds on the file at `path` (Linux shows them in /proc; other
/// systems answer 0). Windows refuses to rename over or delete a file that is open, so every swap
/// closes its handles first, and the tests check it here.
pub fn handles_on(path: &Path) -> usize {
    #[cfg(target_os = "linux")]
    {
        let Ok(target) = path.canonicalize() else { return 0 };
        let Ok(fds) = std::fs::read_dir("/proc/self/fd") else { return 0 };
        fds.flatten().filter(|fd| std::fs::read_link(fd.path()).is_ok_and(|p| p == target)).count()
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = path;
        0
    }
}

/// In debug builds, stops at a swap that would fail on Windows: `path` must have no handle open
/// in this process when it is renamed over or deleted.
pub(crate) fn debug_assert_closed(path: &Path) {
    debug_assert_eq!(handles_on(path), 0, "{} is still open when it is replaced or removed", path.display());
}

fn open_lock(db: &Path) -> Result<std::fs::File> {
    let path = lock_path(db);
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(|source| Error::Io { path, source })
}

/// The lock a restore holds while it replaces the file: refused while any other process (the
/// window, a command) has the database open.
pub(crate) fn exclusive_lock(db: &Path) -> Result<std::fs::File> {
    let file = open_lock(db)?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::InUse { path: db.to_path_buf() }),
        Err(std::fs::TryLockError::Error(source)) => Err(Error::Io { path: lock_path(db), source }),
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// An existing file is checked first (`PRAGMA quick_check`, read-only): a damaged file is
    /// never written to, and the error names the newest good backup to restore. Migrations that
    /// change an existing database with data in it are preceded by a backup.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| Error::Io { path: parent.to_path_buf(), source })?;
        }
        if std::fs::metadata(path).is_ok_and(|m| m.len() > 0) {
            match backup::check_database_file(path, false) {
                Err(Error::Damaged { path, detail, .. }) => {
                    let newest_good = backup::newest_good_backup(&path).ok().flatten();
                    return Err(Error::Damaged { path, detail, newest_good });
                }
                Err(Error::BadBackup { path, why }) => return Err(Error::Unreadable { path, why }),
                Err(e) => return Err(e),
                Ok(()) => {}
            }
        }
        // Held from before the first write until the store is dropped; a restore in progress
        // holds it alone for the moment it swaps the file, and this waits for it.
        let lock = open_lock(path)?;
        lock.lock_shared().map_err(|source| Error::Io { path: lock_path(path), source })?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| Error::Open { path: path.to_path_buf(), source })?;
        let mut store = Self::prepare(conn, Some(path))?;
        store._lock = Some(lock);
        Ok(store)
    }

    /// A fresh database in memory with the same schema, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Self::prepare(Connection::open_in_memory()?, None)
    }

    /// The database file, `None` in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn prepare(mut conn: Connection, path: Option<&Path>) -> Result<Store> {
        // Another process's transaction is short (the window's are milliseconds): wait for it.
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let app_id: i64 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|source| Error::Open { path: path.map(Path::to_path_buf).unwrap_or_default(), source })?;
        let has_tables: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table')", [], |r| r.get(0))?;
        if has_tables && app_id != APPLICATION_ID {
            return Err(Error::NotOurs { path: path.map(Path::to_path_buf).unwrap_or_default() });
        }
        if path.is_some() {
            // Only switch when needed: asking again on a WAL database writes nothing.
            let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
            }
            conn.pragma_update(None, "synchronous", "FULL")?;
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        if let Some(path) = path {
            let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if has_tables && version < latest_version() {
                backup::backup_before_migration(&conn, path, crate::vn::today_in_vietnam())?;
            }
        }
        migrations().to_latest(&mut conn)?;
        let store = Store { conn, path: path.map(Path::to_path_buf), _lock: None };
        // Entries appended since the last seal (by hand-run SQL, or before the seal existed).
        if !store.conn.is_readonly(rusqlite::MAIN_DB)? {
            let unsealed: bool =
                store.conn.query_row("SELECT EXISTS (SELECT 1 FROM audit_log WHERE seal IS NULL)", [], |r| r.get(0))?;
            if unsealed {
                audit::seal(&store.conn)?;
            }
        }
        Ok(store)
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction: committed on `Ok`, rolled back on `Err`.
    pub fn with_tx<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        audit::seal(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// How long a write waits for another process's transaction (20 s unless set).
    pub fn set_busy_timeout(&mut self, wait: std::time::Duration) -> Result<()> {
        Ok(self.conn.busy_timeout(wait)?)
    }

    /// The schema version (the number of migrations applied).
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// Reads a UTC time stored by this module.
pub(crate) fn parse_time(s: &str) -> rusqlite::Result<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

/// Writes a UTC time so that text order is time order.
pub(crate) fn format_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub(crate) fn bad_value(what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, format!("unexpected value {what}").into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid_and_apply_to_an_empty_database() {
        assert!(migrations().validate().is_ok());
        let store = Store::open_in_memory();
        assert!(store.is_ok());
        let store = store.ok();
        assert_eq!(store.and_then(|s| s.schema_version().ok()), Some(MIGRATION_SQL.len() as i64));
    }
}
