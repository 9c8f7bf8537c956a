//! Commands of the print dialog: the installed printers, and a job sent at true size and followed
//! until it has left the queue, its progress reported to the window as it goes.

use std::time::Duration;

use tauri::ipc::Channel;
use tauri::State;
use thidua::app::papers::{self, PrintChoice, PrintEvent};
use thidua::documents::PrintOptions;
use thidua::printing::PageRanges;

use crate::dto::*;
use crate::state::{ApiResult, AppState};

/// How long a job may take before the dialog stops waiting (it stays in the queue).
const JOB_TIMEOUT: Duration = Duration::from_secs(300);

#[tauri::command(async)]
#[specta::specta]
pub fn printers() -> Vec<PrinterView> {
    papers::printers()
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
#[specta::specta]
pub fn print_document(
    state: State<'_, AppState>,
    request: PrintRequest,
    on_progress: Channel<PrintProgress>,
) -> ApiResult<PrintDone> {
    let pages = match request.pages.trim() {
        "" => None,
        text => Some(PageRanges::parse(text)?),
    };
    let choice = PrintChoice {
        printer: request.printer,
        media: request.media,
        orientation: request.orientation,
        copies: request.copies,
        pages,
    };
    let options = PrintOptions { preprinted: request.preprinted, members: Vec::new() };
    let job = papers::prepare_print(&*state.store()?, None, request.kind, &options, &choice)?;
    let job = papers::send(&job, JOB_TIMEOUT, |event| {
        if let PrintEvent::State(job, s) = event {
            // A closed window no longer listens; the job goes on regardless.
            let _ = on_progress.send(PrintProgress { job: job.id, state: s, label: s.label().to_string() });
        }
    })?;
    Ok(PrintDone { job: job.id, printer: job.printer, pages: job.pages })
}

/// What to set by hand on the printer before this document prints, where the print system cannot
/// be told (Windows); none elsewhere.
#[tauri::command(async)]
#[specta::specta]
pub fn print_notice(
    state: State<'_, AppState>,
    kind: thidua::documents::DocumentKind,
    printer: String,
    media: Option<String>,
) -> ApiResult<Option<String>> {
    Ok(papers::print_notice(&*state.store()?, None, kind, &printer, media.as_deref())?)
}
