//! The shell's state: the one database connection, behind a mutex (one user, one window). When
//! the file could not be opened (damaged, not ours), the window still opens and every command
//! answers with the reason, so the secretary can restore a backup from the settings screen.

use std::ops::{Deref, DerefMut};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use thidua::Store;

use crate::dto::ApiError;

pub struct AppState {
    store: Mutex<Result<Store, ApiError>>,
    /// The database file.
    pub database: PathBuf,
    /// Where printed documents are written: `documents/` beside the database.
    pub documents_dir: PathBuf,
}

/// The open store, locked.
pub struct StoreGuard<'a>(MutexGuard<'a, Result<Store, ApiError>>);

impl Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        match &*self.0 {
            Ok(store) => store,
            // `AppState::store` hands out a guard only over an open store.
            Err(_) => unreachable!("a StoreGuard always holds an open store"),
        }
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        match &mut *self.0 {
            Ok(store) => store,
            Err(_) => unreachable!("a StoreGuard always holds an open store"),
        }
    }
}

impl AppState {
    pub fn new(store: Result<Store, ApiError>, database: PathBuf) -> Self {
        let documents_dir = database.parent().map(|p| p.join("documents")).unwrap_or_else(|| "documents".into());
        AppState { store: Mutex::new(store), database, documents_dir }
    }

    fn lock(&self) -> MutexGuard<'_, Result<Store, ApiError>> {
        // A poisoned lock (a panic in an earlier command) is recovered: every write is a
        // transaction, and a panic inside one rolled it back.
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The open store, or why the database could not be opened.
    pub fn store(&self) -> Result<StoreGuard<'_>, ApiError> {
        let guard = self.lock();
        match &*guard {
            Ok(_) => Ok(StoreGuard(guard)),
            Err(e) => Err(e.clone()),
        }
    }

    /// Closes the database, runs `f` on the file (a restore), then opens it again.
    pub fn reopen_after<T>(&self, f: impl FnOnce() -> Result<T, ApiError>) -> Result<T, ApiError> {
        let mut guard = self.lock();
        // Dropping the connection first: a restore replaces the file underneath it.
        *guard =
            Err(ApiError {
                code: "closed".into(), message: "Cơ sở dữ liệu đang được thay thế.".into(), field: None
            });
        let result = f();
        *guard = crate::open_at(&self.database);
        result
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// A calendar day as the UI sends it (YYYY-MM-DD), or `message` about `field`.
pub fn iso_day(text: &str, field: &str, message: impl Into<String>) -> ApiResult<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| ApiError::field("invalid_field", message, field))
}
