//! Commands of the settings screen: the issuing body, place, signer and base salary table of the
//! current campaign, and where the data lives.

use tauri::State;
use thidua::model::{Rounding, SalaryRow, Signer};

use crate::dto::*;
use crate::state::{ApiResult, AppState};

#[tauri::command(async)]
pub fn settings(state: State<'_, AppState>) -> ApiResult<SettingsView> {
    let c = state.store().campaign(None)?;
    let s = &c.settings;
    Ok(SettingsView {
        issuer_name: s.issuer.name.clone(),
        parent: s.issuer.parent.clone().unwrap_or_default(),
        place: s.issuer.place.clone(),
        authority: s.issuer.authority.clone(),
        decision_symbol: s.issuer.decision_symbol.clone(),
        standing_body: s.issuer.standing_body.clone(),
        signer_name: s.decision.signer.name.clone(),
        signer_title: s.decision.signer.title.clone(),
        base_salary: s
            .money
            .base_salary
            .iter()
            .map(|r| SalaryRowView { from: r.from.to_string(), amount: r.amount, source: r.source.clone() })
            .collect(),
        rounding: match s.money.rounding {
            Rounding::Up => "up".into(),
            Rounding::Nearest => "nearest".into(),
        },
    })
}

#[tauri::command(async)]
pub fn save_settings(state: State<'_, AppState>, input: SettingsView) -> ApiResult<()> {
    let mut store = state.store();
    let c = store.campaign(None)?;
    let mut s = c.settings.clone();
    s.issuer.name = input.issuer_name;
    s.issuer.parent = Some(input.parent);
    s.issuer.place = input.place;
    s.issuer.authority = input.authority;
    s.issuer.decision_symbol = input.decision_symbol;
    s.issuer.standing_body = input.standing_body;
    s.decision.signer = Signer::from_title(&input.signer_name, &input.signer_title);
    let mut rows = Vec::with_capacity(input.base_salary.len());
    for (i, r) in input.base_salary.iter().enumerate() {
        let from = chrono::NaiveDate::parse_from_str(&r.from, "%Y-%m-%d").map_err(|_| {
            ApiError::field(
                "invalid_field",
                format!("Dòng {} của bảng lương: ngày áp dụng không hợp lệ.", i + 1),
                "base_salary",
            )
        })?;
        rows.push(SalaryRow { from, amount: r.amount, source: r.source.clone() });
    }
    s.money.base_salary = rows;
    s.money.rounding = if input.rounding == "nearest" { Rounding::Nearest } else { Rounding::Up };
    store.update_settings(c.id, &s).map_err(|e| ApiError { field: Some("settings".into()), ..e.into() })
}

#[tauri::command(async)]
pub fn data_folder(state: State<'_, AppState>) -> ApiResult<DataFolderView> {
    Ok(DataFolderView {
        database: state.database.display().to_string(),
        documents: state.documents_dir.display().to_string(),
    })
}
