//! Whole campaigns in and out: the exchange file (for the province or a colleague's PC) and the
//! spreadsheet export. `exchange/` reads and writes the files; the rows are read and stored here.

use std::path::Path;

use crate::error::{Error, Result};
use crate::exchange::{read_exchange, verify_exchange, write_exchange};
use crate::model::{Campaign, CampaignImport};
use crate::store::{latest_version, Store};

/// Exports `campaign`, with its scans, to the exchange file at `path`.
pub fn export_campaign(store: &Store, campaign: &Campaign, path: &Path) -> Result<()> {
    let tables = store.export_campaign_tables(campaign.id)?;
    let attachments = store.campaign_attachment_bytes(campaign.id)?;
    let bytes = write_exchange(&campaign.code, latest_version(), &tables, &attachments)?;
    super::write_whole(path, &bytes)
}

/// Imports the exchange file at `path`, all or nothing; importing the same file twice changes
/// nothing.
pub fn import_campaign(store: &mut Store, path: &Path) -> Result<CampaignImport> {
    let file = path.display().to_string();
    let rejected = |why: String| Error::ArchiveRejected { file: file.clone(), why };
    let meta = std::fs::metadata(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    if !meta.is_file() {
        return Err(rejected("Đây không phải một tệp.".into()));
    }
    let reader = std::fs::File::open(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    let content = read_exchange(std::io::BufReader::new(reader)).map_err(rejected)?;
    if content.schema_version > latest_version() {
        return Err(rejected(format!(
            "Tệp được tạo bởi phiên bản mới hơn của Thi đua (cấu trúc số {}); hãy cập nhật chương trình.",
            content.schema_version
        )));
    }
    let named = verify_exchange(&content).map_err(rejected)?;
    for sha in &named {
        if let Some(bytes) = content.attachments.get(sha) {
            store.store_attachment_bytes(bytes)?;
        }
    }
    store.import_campaign_tables(&file, &content.tables)
}

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
pub fn export_xlsx(store: &Store, campaign: &Campaign, file: &Path) -> Result<()> {
    let nominations = store.nominations(campaign.id)?;
    let ranking = store.ranking(campaign.id, None)?;
    crate::exchange::export_xlsx(campaign, &nominations, &ranking, file)
}

/// Writes the campaign's workbook; returns the campaign written.
pub fn export_spreadsheet(store: &Store, code: Option<&str>, file: &Path) -> Result<Campaign> {
    let c = store.campaign(code)?;
    export_xlsx(store, &c, file)?;
    Ok(c)
}
