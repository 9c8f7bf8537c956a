//! Printed documents: the award decision and its annex, certificates, refusal notices and blank
//! score sheets, laid out as Decree 30/2020/NĐ-CP asks and written as PDF.

pub mod layout;
