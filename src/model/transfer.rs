//! A whole campaign as it travels between PCs: its rows table by table, and what importing it did.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::CampaignId;

/// Rows of each table, as JSON objects keyed by column name.
pub type Tables = BTreeMap<String, Vec<Map<String, Value>>>;

/// What an import of a campaign did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampaignImport {
    Imported(CampaignId),
    /// The same campaign, with the same data, was already there: nothing was written.
    AlreadyThere(CampaignId),
}
