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
pub mod session;
pub mod transfer;

pub use crate::exchange::parse_portal_time;
pub use crate::store::{
    Attachment, AuditEntry, AuditLine, CampaignImport, FieldChange, Overview, RankingReport, SearchHit, Store,
};

use crate::error::Result;
use crate::model::Campaign;

/// The campaign named by `code`, or the one worked on.
pub fn campaign(store: &Store, code: Option<&str>) -> Result<Campaign> {
    store.campaign(code)
}
