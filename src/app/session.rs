//! Opening the records, who is at the keyboard, and keeping the file safe: backups, restore and
//! the integrity check. The window and the command line open, name the actor and restore through
//! these functions, so both credit the same person and both write a restore to the audit trail.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::{Error, InputError, RecordsError, Result};
use crate::store::{self, Store};

/// What the audit trail records when nobody can be named.
pub const UNKNOWN_ACTOR: &str = store::UNKNOWN_ACTOR;

/// The file beside the database that keeps the name chosen for the audit trail on this PC.
pub fn operator_file(database: &Path) -> PathBuf {
    database.parent().unwrap_or(Path::new(".")).join("operator-name.txt")
}

/// The longest name the audit trail records for a person.
const MAX_ACTOR: usize = 100;

/// A person's name as given for the audit trail (`--user`), checked as every text is.
pub fn checked_actor(name: &str, field: &'static str) -> Result<String> {
    crate::vn::checked_line(name, MAX_ACTOR)
        .map_err(|problem| InputError::Text { field, what: "tên người thực hiện", problem }.into())
}

/// The name chosen for the audit trail on this PC, if any (a file edited into something that is
/// not a name counts as none).
pub fn operator_name(database: &Path) -> Option<String> {
    let file = std::fs::File::open(operator_file(database)).ok()?;
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::Read::take(file, 4 * MAX_ACTOR as u64), &mut text).ok()?;
    checked_actor(&text, "name").ok().filter(|n| !n.is_empty())
}

/// The operating system's user name, if it has one.
pub fn system_user() -> Option<String> {
    std::env::var("USER")
        .ok()
        .or_else(|| std::env::var("USERNAME").ok())
        .map(|u| crate::vn::normalise_name(&u))
        .filter(|u| !u.is_empty())
}

/// Who the audit trail credits: the name given explicitly (`--user`), else the name chosen for
/// this PC (the settings screen, kept beside the database), else the operating system's user,
/// else «không rõ».
pub fn resolve_actor(explicit: Option<&str>, database: &Path) -> String {
    explicit
        .and_then(|n| checked_actor(n, "user").ok())
        .filter(|n| !n.is_empty())
        .or_else(|| operator_name(database))
        .or_else(system_user)
        .unwrap_or_else(|| UNKNOWN_ACTOR.into())
}

/// The database opened for a user, and what went wrong on the way without stopping them.
pub struct Opened {
    pub store: Store,
    /// A failed daily backup (a full disk…): reported, never a reason to keep the user out.
    pub warning: Option<String>,
}

/// Opens the database at `database` for the person [`resolve_actor`] names, and makes the day's
/// backup if it is due.
pub fn open(database: &Path, explicit_actor: Option<&str>, today: NaiveDate) -> Result<Opened> {
    let store = open_without_backup(database, explicit_actor)?;
    let warning = store.daily_backup_if_due(today).err().map(|e| format!("Không tạo được bản sao lưu hằng ngày: {e}"));
    Ok(Opened { store, warning })
}

/// As [`open`] (the file checked, migrated, the actor named), leaving the day's backup to
/// [`daily_backup`]: the window shows its first screen first, then makes the backup.
pub fn open_without_backup(database: &Path, explicit_actor: Option<&str>) -> Result<Store> {
    if let Some(name) = explicit_actor {
        checked_actor(name, "user")?;
    }
    let mut store = Store::open(database)?;
    store.set_actor(&resolve_actor(explicit_actor, database))?;
    Ok(store)
}

/// Makes the day's backup of the database at `database` if it is due, on a connection of its own
/// (the store stays usable meanwhile); a failure is a warning, never a reason to stop.
pub fn daily_backup(database: &Path, today: NaiveDate) -> Option<String> {
    store::daily_backup_of_file(database, today).err().map(|e| format!("Không tạo được bản sao lưu hằng ngày: {e}"))
}

/// Opens the database for a command that only reads: nothing is written to it (not even who is
/// at the keyboard), so reading works while another program writes. The day's backup is made if
/// it is due (a copy beside the database, not a write to it).
pub fn open_for_reading(database: &Path, today: NaiveDate) -> Result<Opened> {
    let store = Store::open(database)?;
    let warning = store.daily_backup_if_due(today).err().map(|e| format!("Không tạo được bản sao lưu hằng ngày: {e}"));
    Ok(Opened { store, warning })
}

/// The default database: `<data folder>/vn.thidua.desktop/thidua-records.sqlite3`.
pub fn default_database_path() -> Result<PathBuf> {
    store::default_database_path().ok_or(Error::Io {
        path: PathBuf::from("~"),
        source: std::io::Error::new(std::io::ErrorKind::NotFound, "không tìm thấy thư mục dữ liệu của người dùng"),
    })
}

/// Names who works on this PC from now on (an empty name goes back to the system's user name);
/// returns the name the audit trail now records.
pub fn set_operator_name(store: &mut Store, database: &Path, name: &str) -> Result<String> {
    let name = checked_actor(name, "name")?;
    let file = operator_file(database);
    let written = if name.is_empty() {
        std::fs::remove_file(&file).or_else(|e| if e.kind() == std::io::ErrorKind::NotFound { Ok(()) } else { Err(e) })
    } else {
        std::fs::write(&file, &name)
    };
    written.map_err(|source| Error::Io { path: file.clone(), source })?;
    let actor = resolve_actor(None, database);
    store.set_actor(&actor)?;
    Ok(actor)
}

/// A copy of the whole database to `file` (a USB stick…), while it is in use.
pub fn backup_to(store: &Store, file: &Path) -> Result<()> {
    store.backup_to(file)
}

/// One automatic backup beside the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub path: PathBuf,
    pub name: String,
    pub bytes: u64,
}

/// The automatic backups beside the database, newest first.
pub fn backups(database: &Path) -> Result<Vec<BackupFile>> {
    let mut list = store::list_backups(database)?;
    list.reverse();
    Ok(list
        .into_iter()
        .map(|p| BackupFile {
            name: p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            bytes: std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0),
            path: p,
        })
        .collect())
}

/// The newest automatic backup that passes the full check, for a restore after a damaged start.
pub fn newest_good_backup(database: &Path) -> Result<PathBuf> {
    store::newest_good_backup(database)?.ok_or(Error::Records(RecordsError::NoGoodBackup))
}

/// Replaces the database with the backup `from` after checking it; the replaced database is kept
/// as a backup, whose path is returned. The restore is written to the restored file's audit
/// trail, credited as [`resolve_actor`] says. The database must be closed by the caller.
pub fn restore(
    database: &Path,
    from: &Path,
    explicit_actor: Option<&str>,
    today: NaiveDate,
) -> Result<Option<PathBuf>> {
    if let Some(name) = explicit_actor {
        checked_actor(name, "user")?;
    }
    let kept = store::restore_from(database, from, today)?;
    let mut store = Store::open(database)?;
    store.set_actor(&resolve_actor(explicit_actor, database))?;
    store.log_restore(&from.display().to_string())?;
    Ok(kept)
}

/// What the full check of a database file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckReport {
    /// There is no database yet.
    Missing,
    /// The file is good; the automatic backups beside it, oldest first.
    Good { backups: Vec<PathBuf> },
}

/// The full integrity check of the database file. A damaged file is an error that names the
/// newest good backup.
pub fn check(database: &Path) -> Result<CheckReport> {
    if !database.exists() {
        return Ok(CheckReport::Missing);
    }
    match store::check_database_file(database, true) {
        Ok(()) => Ok(CheckReport::Good { backups: store::list_backups(database)? }),
        Err(Error::Damaged { path, detail, .. }) => {
            Err(Error::Damaged { path, detail, newest_good: store::newest_good_backup(database).ok().flatten() })
        }
        Err(Error::BadBackup { path, why }) => Err(Error::Unreadable { path, why }),
        Err(e) => Err(e),
    }
}
