//! Files in and out: campaign definition files and nomination spreadsheets (.csv, .xlsx).

pub mod definition;
pub mod import;
pub mod scores;
mod table;

pub use definition::{example_definition, parse_definition, EXAMPLE_CODE};
pub use import::{import_nominations, parse_nominations, parse_portal_time, ImportOutcome};
