//! Files in and out: campaign definition files, nomination and score spreadsheets (.csv, .xlsx),
//! the campaign exchange file and the spreadsheet export.

pub mod archive;
pub mod definition;
pub mod import;
pub mod scores;
pub mod table;
pub mod xlsx;

pub use archive::{export_campaign, import_campaign, read_exchange};
pub use definition::{example_definition, parse_definition, EXAMPLE_CODE};
pub use import::{import_nominations, parse_nominations, parse_portal_time, ImportOutcome};
pub use xlsx::export_xlsx;
