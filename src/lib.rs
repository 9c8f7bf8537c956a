//! `thidua` is the core of Thi đua, the records of an Emulation and Commendation Council
//! campaign: campaigns and their units, the nominations units send, the intake rules of the
//! plan (R4 quota, R5 deadline, R6 complete dossier) and the secretary's appraisal (R7), kept in
//! a local SQLite file, with Vietnamese text handled as documents need it (NFC, search without
//! diacritics, Vietnamese order, dates and amounts in words), and the documents it prints as PDF
//! (the award decision and its annex, certificates, refusal notices, score sheets, the council's
//! minutes and its proposal to the higher level). It knows nothing of windows or web views: the
//! desktop shell and the `thidua` command line both call this API.

pub mod app;
pub mod council;
pub mod documents;
pub mod error;
pub mod exchange;
pub mod model;
pub mod printing;
pub mod room;
pub mod rules;
pub mod store;
pub mod vn;

pub use error::{Error, ImportProblem, Result};
pub use store::Store;
