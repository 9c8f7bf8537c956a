//! The application layer: one function per thing a user can do (record a dossier, appraise it,
//! open a meeting, print a document, restore a backup…), shared by the command line and the
//! window. Each takes the store, inputs already parsed into domain types, and the day or time
//! when it matters, and returns domain results; the front ends only parse, call and show.
//! Rules live in `rules/` and `council/`, SQL in `store/`, files in `exchange/`, PDF in
//! `documents/`: this layer puts them together, once.

pub mod campaigns;
pub mod council;
pub mod intake;
pub mod papers;
pub mod room;
pub mod session;
pub mod transfer;

pub use crate::exchange::parse_portal_time;
pub use crate::store::{
    Attachment, AuditEntry, AuditLine, CampaignImport, FieldChange, Overview, RankingReport, SearchHit, Store,
};

use crate::error::Result;
use crate::model::Campaign;

/// Writes `bytes` to `path` through a file beside it, renamed into place when whole: a viewer
/// holding the old file never sees half of the new one, and a failed write leaves nothing behind.
pub(crate) fn write_whole(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path)).map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        crate::Error::Io { path: path.to_path_buf(), source }
    })
}

/// The campaign named by `code`, or the one worked on.
pub fn campaign(store: &Store, code: Option<&str>) -> Result<Campaign> {
    store.campaign(code)
}
