//! Vietnamese text as documents and searches need it: normalisation, folding, collation,
//! dates and amounts of money.

pub mod collate;
pub mod dates;
pub mod money;
pub mod text;

pub use collate::{compare_people, compare_text};
pub use dates::{long_date, place_and_date, short_date, today_in_vietnam, vietnam_offset};
pub use money::{amount_in_words, format_dong};
pub use text::{checked_line, checked_paragraphs, fold, nfc, normalise_name, shown, title_case_offer};
