//! The shell's state: the one database connection, behind a mutex (one user, one window). The
//! file is opened and checked while the window paints its first screen; a command waits for
//! that. When the file could not be opened (damaged, not ours), the window still opens and every
//! command answers with the reason, so the secretary can restore a backup from the settings screen.

use std::ops::{Deref, DerefMut};
use std::path::PathBuf;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Instant;

use thidua::Store;

use crate::dto::ApiError;

type Slot = Option<Result<Store, ApiError>>;

pub struct AppState {
    /// None while the file is being opened and checked.
    store: Mutex<Slot>,
    opened: Condvar,
    /// When the process started, for the start-up's timings.
    pub started: Instant,
    /// The database file.
    pub database: PathBuf,
    /// Where printed documents are written: `documents/` beside the database.
    pub documents_dir: PathBuf,
}

/// The open store, locked.
pub struct StoreGuard<'a>(MutexGuard<'a, Slot>);

impl Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        match &*self.0 {
            Some(Ok(store)) => store,
            // `AppState::store` hands out a guard only over an open store.
            _ => unreachable!("a StoreGuard always holds an open store"),
        }
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        match &mut *self.0 {
            Some(Ok(store)) => store,
            _ => unreachable!("a StoreGuard always holds an open store"),
        }
    }
}

impl AppState {
    /// The state of a window whose database at `database` is still being opened.
    pub fn opening(database: PathBuf, started: Instant) -> Self {
        let documents_dir = database.parent().map(|p| p.join("documents")).unwrap_or_else(|| "documents".into());
        AppState { store: Mutex::new(None), opened: Condvar::new(), started, database, documents_dir }
    }

    /// The state of a window over a database already opened (or why not).
    #[cfg(test)]
    pub fn new(store: Result<Store, ApiError>, database: PathBuf) -> Self {
        let state = AppState::opening(database, Instant::now());
        state.set_opened(store);
        state
    }

    /// The database opened (or why not): the commands waiting for it go on.
    pub fn set_opened(&self, store: Result<Store, ApiError>) {
        *self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(store);
        self.opened.notify_all();
    }

    fn lock(&self) -> MutexGuard<'_, Slot> {
        // A poisoned lock (a panic in an earlier command) is recovered: every write is a
        // transaction, and a panic inside one rolled it back.
        let guard = self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        self.opened.wait_while(guard, |slot| slot.is_none()).unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The open store, or why the database could not be opened.
    pub fn store(&self) -> Result<StoreGuard<'_>, ApiError> {
        let guard = self.lock();
        match &*guard {
            Some(Ok(_)) => Ok(StoreGuard(guard)),
            Some(Err(e)) => Err(e.clone()),
            None => unreachable!("`lock` waits until the database is opened"),
        }
    }

    /// Closes the database, runs `f` on the file (a restore), then opens it again.
    pub fn reopen_after<T>(&self, f: impl FnOnce() -> Result<T, ApiError>) -> Result<T, ApiError> {
        let mut guard = self.lock();
        // Dropping the connection first: a restore replaces the file underneath it.
        *guard = Some(Err(ApiError {
            code: "closed".into(),
            message: "Cơ sở dữ liệu đang được thay thế.".into(),
            field: None,
        }));
        let result = f();
        *guard = Some(crate::open_at(&self.database));
        result
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// A calendar day as the UI sends it (YYYY-MM-DD), or `message` about `field`.
pub fn iso_day(text: &str, field: &str, message: impl Into<String>) -> ApiResult<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| ApiError::field("invalid_field", message, field))
}
