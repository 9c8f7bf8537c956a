//! The campaigns in the database and the files that carry them: choosing the one worked on, a new
//! campaign from its definition file, the exchange file for the province or a colleague's PC, and
//! the spreadsheet export.

use std::path::Path;

use tauri::State;
use thidua::app::{self, campaigns as app_campaigns, transfer, CampaignImport};

use crate::dto::{ApiError, CampaignSummaryView, NextCampaignInput};
use crate::state::{iso_day, ApiResult, AppState};

#[tauri::command(async)]
#[specta::specta]
pub fn campaigns(state: State<'_, AppState>) -> ApiResult<Vec<CampaignSummaryView>> {
    let store = state.store()?;
    Ok(app_campaigns::list(&store)?
        .iter()
        .map(|s| CampaignSummaryView::new(&s.campaign, s.current, s.nominations))
        .collect())
}

/// The name of the campaign worked on, for the left bar; none before the first campaign.
#[tauri::command(async)]
#[specta::specta]
pub fn current_campaign_name(state: State<'_, AppState>) -> ApiResult<Option<String>> {
    Ok(app_campaigns::current(&*state.store()?)?.map(|c| c.name))
}

#[tauri::command(async)]
#[specta::specta]
pub fn use_campaign(state: State<'_, AppState>, code: String) -> ApiResult<()> {
    app_campaigns::use_campaign(&mut *state.store()?, &code)?;
    Ok(())
}

/// A new campaign from its definition file (.json); it becomes the one worked on. Returns its name.
#[tauri::command(async)]
#[specta::specta]
pub fn import_definition(state: State<'_, AppState>, path: String) -> ApiResult<String> {
    Ok(app_campaigns::import_definition(&mut *state.store()?, Path::new(&path))?.name)
}

fn day(text: &str, field: &str, what: &str) -> ApiResult<chrono::NaiveDate> {
    iso_day(text, field, format!("Nhập {what} theo dạng ngày/tháng/năm."))
}

/// The next campaign, like the one worked on; it becomes the one worked on. Returns its name.
#[tauri::command(async)]
#[specta::specta]
pub fn start_next_campaign(state: State<'_, AppState>, input: NextCampaignInput) -> ApiResult<String> {
    let deadline = app::parse_portal_time(&input.deadline)
        .map_err(|why| ApiError::field("invalid_field", format!("Hạn nộp hồ sơ: {why}"), "deadline"))?
        .with_timezone(&thidua::vn::vietnam_offset());
    let next = thidua::model::NextCampaign {
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
    Ok(app_campaigns::start_next(&mut *state.store()?, None, &next)?.0.name)
}

#[tauri::command(async)]
#[specta::specta]
pub fn export_exchange(state: State<'_, AppState>, path: String) -> ApiResult<()> {
    transfer::export_exchange(&*state.store()?, None, Path::new(&path))?;
    Ok(())
}

/// Imports an exchange file, all or nothing; says what it did in a sentence.
#[tauri::command(async)]
#[specta::specta]
pub fn import_exchange(state: State<'_, AppState>, path: String) -> ApiResult<String> {
    let (outcome, c) = transfer::import_exchange(&mut *state.store()?, Path::new(&path))?;
    Ok(match outcome {
        CampaignImport::Imported(_) => format!("Đã nhập đợt thi đua «{}» từ tệp trao đổi.", c.name),
        CampaignImport::AlreadyThere(_) => {
            format!("Đợt thi đua «{}» đã có sẵn, giống hệt dữ liệu trong tệp; không ghi gì thêm.", c.name)
        }
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn export_spreadsheet(state: State<'_, AppState>, path: String) -> ApiResult<()> {
    transfer::export_spreadsheet(&*state.store()?, None, Path::new(&path))?;
    Ok(())
}
