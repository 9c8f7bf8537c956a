//! Commands of the settings screen: the issuing body, place, signer and base salary table of the
//! current campaign, and where the data lives.

use std::path::{Path, PathBuf};

use tauri::State;
use thidua::model::{AnnexOrder, Rounding, SalaryRow, Signer};

use crate::dto::*;
use crate::state::{iso_day, ApiResult, AppState};

#[tauri::command(async)]
pub fn settings(state: State<'_, AppState>) -> ApiResult<SettingsView> {
    let c = state.store()?.campaign(None)?;
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
        annex_order: match s.decision.annex_order {
            AnnexOrder::Alphabetical => "alphabetical".into(),
            AnnexOrder::ByUnit => "by_unit".into(),
        },
    })
}

#[tauri::command(async)]
pub fn save_settings(state: State<'_, AppState>, input: SettingsView) -> ApiResult<()> {
    let mut store = state.store()?;
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
        let from =
            iso_day(&r.from, "base_salary", format!("Dòng {} của bảng lương: ngày áp dụng không hợp lệ.", i + 1))?;
        rows.push(SalaryRow { from, amount: r.amount, source: r.source.clone() });
    }
    s.money.base_salary = rows;
    s.money.rounding = if input.rounding == "nearest" { Rounding::Nearest } else { Rounding::Up };
    s.decision.annex_order = if input.annex_order == "by_unit" { AnnexOrder::ByUnit } else { AnnexOrder::Alphabetical };
    store.update_settings(c.id, &s).map_err(|e| ApiError { field: Some("settings".into()), ..e.into() })
}

#[tauri::command(async)]
pub fn data_folder(state: State<'_, AppState>) -> ApiResult<DataFolderView> {
    Ok(DataFolderView {
        database: state.database.display().to_string(),
        documents: state.documents_dir.display().to_string(),
    })
}

/// The automatic backups beside the database, newest first.
#[tauri::command(async)]
pub fn backups(state: State<'_, AppState>) -> ApiResult<Vec<BackupView>> {
    let mut list = thidua::store::list_backups(&state.database)?;
    list.reverse();
    Ok(list
        .into_iter()
        .map(|p| BackupView {
            name: p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            bytes: std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0),
            path: p.display().to_string(),
        })
        .collect())
}

/// A backup to a file the secretary chose (a USB stick), while the application runs.
#[tauri::command(async)]
pub fn backup_to(state: State<'_, AppState>, path: String) -> ApiResult<()> {
    state
        .store()?
        .backup_to(std::path::Path::new(&path))
        .map_err(|e| ApiError { field: Some("backup".into()), ..e.into() })
}

/// Replaces the database with a backup after checking it; the replaced database is kept as a
/// backup. With no path, the newest good automatic backup is used (after a damaged start).
#[tauri::command(async)]
pub fn restore(state: State<'_, AppState>, path: Option<String>) -> ApiResult<()> {
    let from = match path {
        Some(p) => std::path::PathBuf::from(p),
        None => thidua::store::newest_good_backup(&state.database)?.ok_or_else(|| ApiError {
            code: "no_backup".into(),
            message: "Không có bản sao lưu nào còn tốt để khôi phục.".into(),
            field: None,
        })?,
    };
    let db = state.database.clone();
    state.reopen_after(|| {
        thidua::store::restore_from(&db, &from, thidua::vn::today_in_vietnam())
            .map_err(|e| ApiError { field: Some("restore".into()), ..e.into() })
    })?;
    Ok(())
}

/// The file beside the database that keeps the name chosen for the audit trail on this machine.
fn operator_file(database: &Path) -> PathBuf {
    database.parent().unwrap_or(Path::new(".")).join("operator-name.txt")
}

/// The name chosen for the audit trail, if any.
pub(crate) fn operator_name(database: &Path) -> Option<String> {
    let text = std::fs::read_to_string(operator_file(database)).ok()?;
    let name = thidua::vn::normalise_name(&text);
    (!name.is_empty()).then_some(name)
}

/// The operating system's user name ("" when it has none).
pub(crate) fn system_user() -> String {
    std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_default()
}

#[tauri::command(async)]
pub fn operator(state: State<'_, AppState>) -> ApiResult<OperatorView> {
    Ok(OperatorView { name: operator_name(&state.database).unwrap_or_default(), system_user: system_user() })
}

/// Names who makes the changes from now on; an empty name goes back to the system's user name.
#[tauri::command(async)]
pub fn set_operator(state: State<'_, AppState>, name: String) -> ApiResult<()> {
    let name = thidua::vn::normalise_name(&name);
    let file = operator_file(&state.database);
    let written = if name.is_empty() {
        std::fs::remove_file(&file).or_else(|e| if e.kind() == std::io::ErrorKind::NotFound { Ok(()) } else { Err(e) })
    } else {
        std::fs::write(&file, &name)
    };
    written.map_err(|source| thidua::Error::Io { path: file.clone(), source })?;
    let actor = if name.is_empty() { system_user() } else { name };
    Ok(state.store()?.set_actor(&actor)?)
}
