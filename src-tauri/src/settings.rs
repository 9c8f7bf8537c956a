//! Commands of the settings screen: the issuing body, place, signer and base salary table of the
//! current campaign, and where the data lives.

use tauri::State;
use thidua::app::{campaigns, session};
use thidua::model::{SalaryRow, Signer};

use crate::dto::*;
use crate::state::{iso_day, ApiResult, AppState};

#[tauri::command(async)]
#[specta::specta]
pub fn settings(state: State<'_, AppState>) -> ApiResult<SettingsView> {
    let c = thidua::app::campaign(&*state.store()?, None)?;
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
        rounding: s.money.rounding,
        annex_order: s.decision.annex_order,
        certificate_size: format!("{}x{}", s.certificate.width_mm, s.certificate.height_mm),
        has_emblem: thidua::app::papers::has_emblem(&*state.store()?)?,
        plan_number: s.plan.number.clone().unwrap_or_default(),
        plan_date: s.plan.date.map(|d| d.to_string()).unwrap_or_default(),
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn save_settings(state: State<'_, AppState>, input: SettingsView) -> ApiResult<()> {
    let mut store = state.store()?;
    let mut s = thidua::app::campaign(&store, None)?.settings;
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
    s.money.rounding = input.rounding;
    s.decision.annex_order = input.annex_order;
    // The store checks the number ("125", "125a"); empty is the draft's blank.
    s.plan.number = Some(input.plan_number);
    if !input.plan_date.trim().is_empty() {
        s.plan.date = Some(iso_day(input.plan_date.trim(), "plan_date", "Ngày ký kế hoạch không hợp lệ.")?);
        s.plan.month = None;
    }
    Ok(campaigns::save_settings(&mut store, None, &s)?)
}

/// Keeps a PNG picture as the office's emblem for plain-paper certificates.
#[tauri::command(async)]
#[specta::specta]
pub fn set_emblem(state: State<'_, AppState>, path: String) -> ApiResult<()> {
    Ok(thidua::app::papers::set_emblem(&mut *state.store()?, std::path::Path::new(&path))?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn clear_emblem(state: State<'_, AppState>) -> ApiResult<()> {
    Ok(thidua::app::papers::clear_emblem(&mut *state.store()?)?)
}

/// The campaign's certificate stock: "A4", "A3" or "WIDTHxHEIGHT" in millimetres.
#[tauri::command(async)]
#[specta::specta]
pub fn set_certificate_size(state: State<'_, AppState>, size: String) -> ApiResult<()> {
    thidua::app::papers::set_stock_size(&mut *state.store()?, None, &size)?;
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
pub fn data_folder(state: State<'_, AppState>) -> ApiResult<DataFolderView> {
    Ok(DataFolderView {
        database: state.database.display().to_string(),
        documents: state.documents_dir.display().to_string(),
    })
}

/// The automatic backups beside the database, newest first.
#[tauri::command(async)]
#[specta::specta]
pub fn backups(state: State<'_, AppState>) -> ApiResult<Vec<BackupView>> {
    Ok(session::backups(&state.database)?
        .into_iter()
        .map(|b| BackupView { name: b.name, bytes: b.bytes, path: b.path.display().to_string() })
        .collect())
}

/// A backup to a file the secretary chose (a USB stick), while the application runs.
#[tauri::command(async)]
#[specta::specta]
pub fn backup_to(state: State<'_, AppState>, path: String) -> ApiResult<()> {
    Ok(session::backup_to(&*state.store()?, std::path::Path::new(&path))?)
}

/// Replaces the database with a backup after checking it; the replaced database is kept as a
/// backup, and the restore is written to the audit trail. With no path, the newest good automatic
/// backup is used (after a damaged start).
#[tauri::command(async)]
#[specta::specta]
pub fn restore(state: State<'_, AppState>, path: Option<String>) -> ApiResult<()> {
    restore_in(&state, path)
}

/// The restore command's work, on the window's state: its connection closed first, the file
/// replaced and the restore written to the trail by the core, the connection opened again.
pub(crate) fn restore_in(state: &AppState, path: Option<String>) -> ApiResult<()> {
    let from = match path {
        Some(p) => std::path::PathBuf::from(p),
        None => session::newest_good_backup(&state.database)?,
    };
    let db = state.database.clone();
    state
        .reopen_after(|| session::restore(&db, &from, None, thidua::vn::today_in_vietnam()).map_err(ApiError::from))?;
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
pub fn operator(state: State<'_, AppState>) -> ApiResult<OperatorView> {
    Ok(OperatorView {
        name: session::operator_name(&state.database).unwrap_or_default(),
        system_user: session::system_user().unwrap_or_default(),
    })
}

/// Names who makes the changes from now on; an empty name goes back to the system's user name.
#[tauri::command(async)]
#[specta::specta]
pub fn set_operator(state: State<'_, AppState>, name: String) -> ApiResult<()> {
    session::set_operator_name(&mut *state.store()?, &state.database, &name)?;
    Ok(())
}

/// The window painted its first useful screen (the overview with its figures): noted in the
/// start-up's timings when THIDUA_TIMINGS is set.
#[tauri::command(async)]
#[specta::specta]
pub fn first_screen(state: State<'_, AppState>) {
    crate::timing("màn hình đầu tiên có số liệu (từ lúc chạy)", state.started);
}
