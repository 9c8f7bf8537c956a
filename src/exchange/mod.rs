//! Files in and out: campaign definition files, nomination and score spreadsheets (.csv, .xlsx),
//! the campaign exchange file and the spreadsheet export.

pub mod archive;
pub mod definition;
pub mod import;
pub mod scores;
pub mod table;
pub mod xlsx;

pub use archive::{read_exchange, verify_exchange, write_exchange, ExchangeFile};
pub use definition::{example_definition, parse_definition, EXAMPLE_CODE};
pub use import::{parse_nominations, parse_portal_time, read_nominations};
pub use xlsx::export_xlsx;
