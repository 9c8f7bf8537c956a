//! Whole campaigns in and out: the exchange file (for the province or a colleague's PC) and the
//! spreadsheet export.

use std::path::Path;

use crate::error::Result;
use crate::exchange::{export_campaign, export_xlsx, import_campaign};
use crate::model::Campaign;
use crate::store::{CampaignImport, Store};

/// Writes the campaign, with its scans, as one exchange file; returns the campaign written.
pub fn export_exchange(store: &Store, code: Option<&str>, file: &Path) -> Result<Campaign> {
    let c = store.campaign(code)?;
    export_campaign(store, &c, file)?;
    Ok(c)
}

/// Imports an exchange file, all or nothing; the same file twice changes nothing. Returns what
/// happened and the campaign it carried.
pub fn import_exchange(store: &mut Store, file: &Path) -> Result<(CampaignImport, Campaign)> {
    let outcome = import_campaign(store, file)?;
    let (CampaignImport::Imported(id) | CampaignImport::AlreadyThere(id)) = outcome;
    let campaign = store.campaign_by_id(id)?;
    Ok((outcome, campaign))
}

/// Writes the campaign's nominations, ranking and awards as an `.xlsx` workbook.
pub fn export_spreadsheet(store: &Store, code: Option<&str>, file: &Path) -> Result<Campaign> {
    let c = store.campaign(code)?;
    export_xlsx(store, &c, file)?;
    Ok(c)
}
