//! Commands of the decision and printing screen: the decision's record, rendering documents to
//! PDF files in the data folder, their bytes for the preview, and the certificate stock's offsets.

use std::path::{Path, PathBuf};

use tauri::State;
use thidua::app::papers;
use thidua::documents::{DocumentKind, PrintOptions};
use thidua::model::{Offset, Signer};
use thidua::Error;

use crate::dto::*;
use crate::state::{iso_day, ApiResult, AppState};

#[tauri::command(async)]
#[specta::specta]
pub fn decision(state: State<'_, AppState>) -> ApiResult<DecisionView> {
    let d = papers::decision_summary(&*state.store()?, None)?;
    Ok(DecisionView {
        awardees: d
            .awardees
            .into_iter()
            .map(|a| AwardeeView {
                name: a.addressed,
                kind_label: a.kind.label().into(),
                position_and_unit: a.position_and_unit,
            })
            .collect(),
        problem: d.problem,
        number: d.record.as_ref().map(|r| r.number),
        signed_on: d.record.as_ref().map(|r| r.signed_on.to_string()),
        number_text: d.number_text,
        date_text: d.date_text,
        symbol: d.symbol,
        signer_name: d.signer.name,
        signer_title: d.signer.title,
        collective_bonus: d.collective_bonus,
        individual_bonus: d.individual_bonus,
        total: d.total,
        total_in_words: d.total_in_words,
        salary_note: d.salary_note,
        warnings: d.warnings,
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_decision(
    state: State<'_, AppState>,
    number: u32,
    date: String,
    signer_name: String,
    signer_title: String,
) -> ApiResult<()> {
    let signed_on = iso_day(&date, "date", "Chọn ngày ký quyết định.")?;
    if signer_name.trim().is_empty() {
        return Err(ApiError::field("invalid_field", "Nhập họ và tên người ký.", "signer_name"));
    }
    let signer = Some(Signer::from_title(&signer_name, &signer_title));
    papers::record_decision(&mut *state.store()?, None, number, signed_on, signer)?;
    Ok(())
}

/// Renders a document and writes it to the documents folder; returns where.
#[tauri::command(async)]
#[specta::specta]
pub fn render_document(state: State<'_, AppState>, kind: DocumentKind, preprinted: bool) -> ApiResult<DocumentFile> {
    let options = PrintOptions { preprinted, members: Vec::new() };
    let saved = papers::save_in_folder(&*state.store()?, None, kind, &options, &state.documents_dir)?;
    Ok(DocumentFile { kind, path: saved.path.display().to_string(), bytes: saved.bytes })
}

fn inside(dir: &Path, path: &str) -> ApiResult<PathBuf> {
    Ok(papers::document_in(dir, Path::new(path))?)
}

/// The bytes of a rendered document, for the preview.
#[tauri::command(async)]
#[specta::specta]
pub fn document_bytes(state: State<'_, AppState>, path: String) -> ApiResult<tauri::ipc::Response> {
    let p = inside(&state.documents_dir, &path)?;
    let bytes = std::fs::read(&p).map_err(|source| ApiError::from(Error::Io { path: p.clone(), source }))?;
    Ok(tauri::ipc::Response::new(bytes))
}

/// Opens a rendered document in the system's PDF viewer (to print it from there).
#[tauri::command(async)]
#[specta::specta]
pub fn open_document(state: State<'_, AppState>, path: String) -> ApiResult<()> {
    open_in_viewer(&inside(&state.documents_dir, &path)?)
}

/// Hands a file to the system's viewer; the error names the file.
pub fn open_in_viewer(path: &Path) -> ApiResult<()> {
    tauri_plugin_opener::open_path(path, None::<&str>).map_err(|e| ApiError {
        code: "open_failed".into(),
        message: format!("Không mở được «{}» bằng chương trình xem của máy: {e}", path.display()),
        field: None,
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn certificate_offsets(state: State<'_, AppState>) -> ApiResult<Vec<OffsetView>> {
    Ok(papers::offsets(&*state.store()?)?
        .into_iter()
        .map(|o| OffsetView { field: o.field.into(), label: o.label.into(), dx: o.offset.dx, dy: o.offset.dy })
        .collect())
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_certificate_offset(state: State<'_, AppState>, field: String, dx: i64, dy: i64) -> ApiResult<()> {
    Ok(papers::set_offset(&mut *state.store()?, &field, Offset { dx, dy })?)
}
