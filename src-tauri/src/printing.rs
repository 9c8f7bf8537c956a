//! Commands of the print dialog: the installed printers, and a job sent at true size and followed
//! until it has left the queue, its progress reported to the window as it goes.

use std::time::Duration;

use tauri::ipc::Channel;
use tauri::State;
use thidua::documents::{render, PrintOptions};
use thidua::printing::{self, JobSettings, Orientation, PageRanges};

use crate::documents::kind_of;
use crate::dto::*;
use crate::state::{ApiResult, AppState};

/// How long a job may take before the dialog stops waiting (it stays in the queue).
const JOB_TIMEOUT: Duration = Duration::from_secs(300);

#[tauri::command(async)]
pub fn printers() -> Vec<PrinterView> {
    printing::printers()
        .into_iter()
        .map(|p| PrinterView {
            state_label: p.state.label().to_string(),
            name: p.name,
            description: p.description,
            default: p.default,
            accepting: p.accepting,
            media: p.media,
            default_media: p.default_media,
            trays: p.trays,
        })
        .collect()
}

#[tauri::command(async)]
pub fn print_document(
    state: State<'_, AppState>,
    request: PrintRequest,
    on_progress: Channel<PrintProgress>,
) -> ApiResult<PrintDone> {
    let (kind, _) = kind_of(&request.kind)?;
    let (pdf, stock) = {
        let store = state.store()?;
        let c = store.campaign(None)?;
        let options = PrintOptions { preprinted: request.preprinted, members: Vec::new() };
        (render(&store, &c, kind, &options)?, c.settings.certificate.clone())
    };
    let mut settings = JobSettings::for_document(&request.printer, kind, &stock);
    if let Some(m) = request.media.filter(|m| !m.is_empty()) {
        settings.media = Some(m);
    }
    settings.orientation = match request.orientation.as_str() {
        "portrait" => Orientation::Portrait,
        "landscape" => Orientation::Landscape,
        _ => Orientation::Auto,
    };
    settings.copies = request.copies.clamp(1, 999);
    if !request.pages.trim().is_empty() {
        settings.pages =
            Some(PageRanges::parse(&request.pages).map_err(|e| ApiError { field: Some("pages".into()), ..e.into() })?);
    }
    let title = format!("Thi đua – {}", kind.title());
    let job = printing::submit(&pdf, &title, &settings)
        .map_err(|e| ApiError { field: Some("printer".into()), ..e.into() })?;
    let report = |s: printing::JobState| {
        let state = serde_json::to_value(s).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
        // A closed window no longer listens; the job goes on regardless.
        let _ = on_progress.send(PrintProgress { job: job.id, state, label: s.label().to_string() });
    };
    printing::wait(&job, JOB_TIMEOUT, report)?;
    Ok(PrintDone { job: job.id, printer: job.printer.clone(), pages: job.pages })
}
