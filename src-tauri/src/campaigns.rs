//! The campaigns in the database and the files that carry them: choosing the one worked on, a new
//! campaign from its definition file, the exchange file for the province or a colleague's PC, and
//! the spreadsheet export.

use std::path::Path;

use tauri::State;
use thidua::exchange::{export_campaign, export_xlsx, import_campaign, parse_definition};
use thidua::store::CampaignImport;
use thidua::Error;

use crate::dto::{ApiError, CampaignSummaryView, NextCampaignInput};
use crate::state::{iso_day, ApiResult, AppState};

#[tauri::command(async)]
pub fn campaigns(state: State<'_, AppState>) -> ApiResult<Vec<CampaignSummaryView>> {
    let store = state.store()?;
    let current = store.campaign(None).ok().map(|c| c.id);
    let mut list = Vec::new();
    for c in store.campaigns()? {
        let nominations = store.nominations(c.id)?.len();
        list.push(CampaignSummaryView::new(&c, Some(c.id) == current, nominations));
    }
    Ok(list)
}

/// The name of the campaign worked on, for the left bar; none before the first campaign.
#[tauri::command(async)]
pub fn current_campaign_name(state: State<'_, AppState>) -> ApiResult<Option<String>> {
    match state.store()?.campaign(None) {
        Ok(c) => Ok(Some(c.name)),
        Err(Error::NoCampaign) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

#[tauri::command(async)]
pub fn use_campaign(state: State<'_, AppState>, code: String) -> ApiResult<()> {
    let mut store = state.store()?;
    let c = store.campaign(Some(&code))?;
    Ok(store.set_current_campaign(c.id)?)
}

/// A new campaign from its definition file (.json); it becomes the one worked on. Returns its name.
#[tauri::command(async)]
pub fn import_definition(state: State<'_, AppState>, path: String) -> ApiResult<String> {
    let path = Path::new(&path);
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    let def = parse_definition(&text)?;
    let mut store = state.store()?;
    let id = store.create_campaign(&def)?;
    store.set_current_campaign(id)?;
    Ok(def.name)
}

fn day(text: &str, field: &str, what: &str) -> ApiResult<chrono::NaiveDate> {
    iso_day(text, field, format!("Nhập {what} theo dạng ngày/tháng/năm."))
}

/// The next campaign, like the one worked on; it becomes the one worked on. Returns its name.
#[tauri::command(async)]
pub fn start_next_campaign(state: State<'_, AppState>, input: NextCampaignInput) -> ApiResult<String> {
    let deadline = thidua::exchange::parse_portal_time(&input.deadline)
        .map_err(|why| ApiError::field("invalid_field", format!("Hạn nộp hồ sơ: {why}"), "deadline"))?
        .with_timezone(&thidua::vn::vietnam_offset());
    let next = thidua::store::NextCampaign {
        code: input.code.trim().to_string(),
        name: input.name,
        period: thidua::model::Period {
            start: day(&input.from, "from", "ngày bắt đầu")?,
            end: day(&input.to, "to", "ngày kết thúc")?,
        },
        deadline,
        plan_number: input.plan_number,
        plan_date: input.plan_date.as_deref().map(|d| day(d, "plan_date", "ngày ký kế hoạch")).transpose()?,
    };
    let mut store = state.store()?;
    let current = store.campaign(None)?;
    store.start_campaign_like(current.id, &next)?;
    Ok(store.campaign(None)?.name)
}

#[tauri::command(async)]
pub fn export_exchange(state: State<'_, AppState>, path: String) -> ApiResult<()> {
    let store = state.store()?;
    Ok(export_campaign(&store, &store.campaign(None)?, Path::new(&path))?)
}

/// Imports an exchange file, all or nothing; says what it did in a sentence.
#[tauri::command(async)]
pub fn import_exchange(state: State<'_, AppState>, path: String) -> ApiResult<String> {
    let mut store = state.store()?;
    let outcome = import_campaign(&mut store, Path::new(&path))?;
    let (CampaignImport::Imported(id) | CampaignImport::AlreadyThere(id)) = outcome;
    let name = store.campaigns()?.into_iter().find(|c| c.id == id).map(|c| c.name).unwrap_or_default();
    Ok(match outcome {
        CampaignImport::Imported(_) => format!("Đã nhập đợt thi đua «{name}» từ tệp trao đổi."),
        CampaignImport::AlreadyThere(_) => {
            format!("Đợt thi đua «{name}» đã có sẵn, giống hệt dữ liệu trong tệp; không ghi gì thêm.")
        }
    })
}

#[tauri::command(async)]
pub fn export_spreadsheet(state: State<'_, AppState>, path: String) -> ApiResult<()> {
    let store = state.store()?;
    export_xlsx(&store, &store.campaign(None)?, Path::new(&path)).map_err(ApiError::from)
}
