//! The shell's state: the one database connection, behind a mutex (one user, one window).

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use thidua::Store;

use crate::dto::ApiError;

pub struct AppState {
    store: Mutex<Store>,
    /// The database file.
    pub database: PathBuf,
    /// Where printed documents are written: `documents/` beside the database.
    pub documents_dir: PathBuf,
}

impl AppState {
    pub fn new(store: Store, database: PathBuf) -> Self {
        let documents_dir = database.parent().map(|p| p.join("documents")).unwrap_or_else(|| "documents".into());
        AppState { store: Mutex::new(store), database, documents_dir }
    }

    /// The store; a poisoned lock (a panic in an earlier command) is recovered, since every
    /// write is a transaction and a panic inside one rolled it back.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
