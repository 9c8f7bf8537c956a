//! Commands of the decision and printing screen: the decision's record, rendering documents to
//! PDF files in the data folder, their bytes for the preview, and the certificate stock's offsets.

use std::path::{Path, PathBuf};

use tauri::State;
use thidua::documents::{render, DecisionData, DocumentKind, PrintOptions, FIELDS};
use thidua::model::{NomineeKind, Signer};
use thidua::store::{DecisionRecord, Offset};
use thidua::vn::{amount_in_words, format_dong, short_date};
use thidua::Error;

use crate::dto::*;
use crate::state::{iso_day, ApiResult, AppState};

#[tauri::command(async)]
pub fn decision(state: State<'_, AppState>) -> ApiResult<DecisionView> {
    let store = state.store()?;
    let c = store.campaign(None)?;
    let record = store.decision(c.id)?;
    let signer = record.as_ref().and_then(|r| r.signer.clone()).unwrap_or_else(|| c.settings.decision.signer.clone());
    let mut view = DecisionView {
        awardees: Vec::new(),
        problem: None,
        number: record.as_ref().map(|r| r.number),
        signed_on: record.as_ref().map(|r| r.signed_on.to_string()),
        number_text: String::new(),
        date_text: String::new(),
        symbol: c.settings.issuer.decision_symbol.clone(),
        signer_name: signer.name.clone(),
        signer_title: signer.title.clone(),
        collective_bonus: String::new(),
        individual_bonus: String::new(),
        total: String::new(),
        total_in_words: String::new(),
        salary_note: String::new(),
    };
    match DecisionData::load(&store, &c) {
        Ok(d) => {
            view.awardees = d
                .awardees
                .iter()
                .map(|a| AwardeeView {
                    name: a.addressed(),
                    kind_label: a.kind.label().into(),
                    position_and_unit: a.position_and_unit(),
                })
                .collect();
            view.number_text = d.number();
            view.date_text = d.long_date();
            // "1.080.000 đồng × 1"; a kind with no awardee reads "không có".
            let money = |amount: i64, n: usize| {
                if n == 0 {
                    "không có".to_string()
                } else {
                    format!("{} đồng × {n}", format_dong(amount))
                }
            };
            view.collective_bonus = money(d.collective_bonus.amount, d.count(NomineeKind::Collective));
            view.individual_bonus = money(d.individual_bonus.amount, d.count(NomineeKind::Individual));
            view.total = format!("{} đồng", format_dong(d.total()));
            view.total_in_words = amount_in_words(d.total());
            let row = &d.individual_bonus.salary;
            view.salary_note = format!(
                "Mức lương cơ sở {} đồng, áp dụng từ {} ({}).",
                format_dong(row.amount),
                short_date(row.from),
                row.source
            );
        }
        Err(e) => view.problem = Some(e.to_string()),
    }
    Ok(view)
}

#[tauri::command(async)]
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
    let mut store = state.store()?;
    let c = store.campaign(None)?;
    let signer = Some(Signer::from_title(&signer_name, &signer_title));
    store
        .set_decision(c.id, &DecisionRecord { number, signed_on, signer })
        .map_err(|e| ApiError { field: Some("number".into()), ..e.into() })
}

pub fn kind_of(kind: &str) -> ApiResult<(DocumentKind, &'static str)> {
    Ok(match kind {
        "decision" => (DocumentKind::Decision, "quyet-dinh"),
        "annex" => (DocumentKind::Annex, "danh-sach-kem-theo"),
        "certificates" => (DocumentKind::Certificates, "giay-khen"),
        "calibration" => (DocumentKind::Calibration, "trang-thu-phoi"),
        "refusals" => (DocumentKind::Refusals, "thong-bao-khong-tiep-nhan"),
        "score_sheets" => (DocumentKind::ScoreSheets, "phieu-cham-diem"),
        "minutes" => (DocumentKind::Minutes, "bien-ban-hop-hoi-dong"),
        "proposal" => (DocumentKind::Proposal, "to-trinh-de-nghi-bang-khen"),
        other => return Err(ApiError::field("invalid_field", format!("Không có loại văn bản «{other}»."), "kind")),
    })
}

/// Renders a document and writes it to the documents folder; returns where.
#[tauri::command(async)]
pub fn render_document(state: State<'_, AppState>, kind: String, preprinted: bool) -> ApiResult<DocumentFile> {
    let (document, stem) = kind_of(&kind)?;
    let bytes = {
        let store = state.store()?;
        let c = store.campaign(None)?;
        render(&store, &c, document, &PrintOptions { preprinted, members: Vec::new() })?
    };
    let dir = &state.documents_dir;
    std::fs::create_dir_all(dir).map_err(|source| ApiError::from(Error::Io { path: dir.clone(), source }))?;
    let suffix = if preprinted && document == DocumentKind::Certificates { "-phoi" } else { "" };
    let path = dir.join(format!("{stem}{suffix}.pdf"));
    // Written beside, then renamed: a viewer holding the old file never sees half a PDF.
    let tmp = dir.join(format!(".{stem}{suffix}.pdf.tmp"));
    std::fs::write(&tmp, &bytes)
        .and_then(|()| std::fs::rename(&tmp, &path))
        .map_err(|source| ApiError::from(Error::Io { path: path.clone(), source }))?;
    Ok(DocumentFile { kind, path: path.display().to_string(), bytes: bytes.len() })
}

fn inside(dir: &Path, path: &str) -> ApiResult<PathBuf> {
    let p = PathBuf::from(path);
    let ok = p.canonicalize().ok().zip(dir.canonicalize().ok()).is_some_and(|(p, d)| p.starts_with(d));
    if ok {
        Ok(p)
    } else {
        Err(ApiError::field("invalid_field", "Chỉ mở được văn bản do ứng dụng tạo ra.", "path"))
    }
}

/// The bytes of a rendered document, for the preview.
#[tauri::command(async)]
pub fn document_bytes(state: State<'_, AppState>, path: String) -> ApiResult<tauri::ipc::Response> {
    let p = inside(&state.documents_dir, &path)?;
    let bytes = std::fs::read(&p).map_err(|source| ApiError::from(Error::Io { path: p.clone(), source }))?;
    Ok(tauri::ipc::Response::new(bytes))
}

/// Opens a rendered document in the system's PDF viewer (to print it from there).
#[tauri::command(async)]
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
pub fn certificate_offsets(state: State<'_, AppState>) -> ApiResult<Vec<OffsetView>> {
    let saved = state.store()?.certificate_offsets()?;
    Ok(FIELDS
        .iter()
        .map(|(field, label)| {
            let o = saved.get(*field).copied().unwrap_or_default();
            OffsetView { field: (*field).into(), label: (*label).into(), dx: o.dx, dy: o.dy }
        })
        .collect())
}

#[tauri::command(async)]
pub fn set_certificate_offset(state: State<'_, AppState>, field: String, dx: i64, dy: i64) -> ApiResult<()> {
    if !FIELDS.iter().any(|(f, _)| *f == field) {
        return Err(ApiError::field("invalid_field", format!("Không có trường «{field}»."), "field"));
    }
    if dx.abs() > 500 || dy.abs() > 500 {
        return Err(ApiError::field("invalid_field", "Độ lệch quá lớn (tối đa 50 mm).", "offset"));
    }
    Ok(state.store()?.set_certificate_offset(&field, Offset { dx, dy })?)
}
