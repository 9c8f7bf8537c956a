//! Thi đua's desktop shell: opens the core's database, registers the commands, and shows the
//! window. All logic lives in the `thidua` core; this crate only wires it to the UI.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod campaigns;
mod commands;
mod council_view;
mod documents;
mod dto;
mod printing;
mod settings;
mod state;

use thidua::app::session;
use thidua::Store;

/// Opens the database at `path` for the person at this PC (the same rule as the command line's),
/// making the day's backup if it is due.
pub(crate) fn open_at(path: &std::path::Path) -> Result<Store, dto::ApiError> {
    let opened = session::open(path, None, thidua::vn::today_in_vietnam())?;
    if let Some(warning) = opened.warning {
        // A failed daily backup must not keep the secretary out; it is reported on the console.
        eprintln!("Cảnh báo: {warning}");
    }
    Ok(opened.store)
}

fn main() {
    let database = match std::env::var_os("THIDUA_DB").map(std::path::PathBuf::from) {
        Some(path) => path,
        None => match session::default_database_path() {
            Ok(path) => path,
            Err(e) => {
                eprintln!("Lỗi: {e}");
                std::process::exit(1);
            }
        },
    };
    let store = open_at(&database);
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|_app, _args, _cwd| {}))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state::AppState::new(store, database))
        .invoke_handler(tauri::generate_handler![
            commands::overview,
            campaigns::campaigns,
            campaigns::current_campaign_name,
            campaigns::use_campaign,
            campaigns::import_definition,
            campaigns::start_next_campaign,
            campaigns::export_exchange,
            campaigns::import_exchange,
            campaigns::export_spreadsheet,
            commands::load_example,
            commands::units,
            commands::add_unit,
            commands::update_unit,
            commands::remove_unit,
            commands::nominations,
            commands::check_nomination,
            commands::add_nomination,
            commands::correct_nomination,
            commands::import_nominations,
            commands::accept,
            commands::refuse,
            commands::accept_all,
            commands::reopen,
            commands::search,
            commands::audit_log,
            commands::council,
            commands::add_member,
            commands::update_member,
            commands::remove_member,
            commands::open_meeting,
            commands::close_meeting,
            commands::set_score,
            commands::import_scores,
            commands::record_votes,
            commands::shortlist_add,
            commands::shortlist_remove,
            commands::attachments,
            commands::attach_files,
            commands::open_attachment,
            documents::decision,
            documents::set_decision,
            documents::render_document,
            documents::document_bytes,
            documents::open_document,
            documents::certificate_offsets,
            documents::set_certificate_offset,
            settings::settings,
            settings::save_settings,
            settings::data_folder,
            settings::operator,
            settings::set_operator,
            settings::backups,
            settings::backup_to,
            settings::restore,
            printing::printers,
            printing::print_document,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = app {
        eprintln!("Lỗi: không mở được cửa sổ ứng dụng: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use ts_rs::{Config, TS};

    use crate::dto::*;

    fn bindings() -> String {
        let cfg = Config::new().with_large_int("number");
        let decls = [
            ApiError::decl(&cfg),
            UnitView::decl(&cfg),
            CriterionView::decl(&cfg),
            CampaignView::decl(&cfg),
            RefusalView::decl(&cfg),
            NominationView::decl(&cfg),
            NominationInput::decl(&cfg),
            OverviewView::decl(&cfg),
            SearchHitView::decl(&cfg),
            MemberView::decl(&cfg),
            MeetingView::decl(&cfg),
            ScoreCell::decl(&cfg),
            SheetView::decl(&cfg),
            VoteView::decl(&cfg),
            RankedView::decl(&cfg),
            ShortlistView::decl(&cfg),
            CouncilView::decl(&cfg),
            AwardeeView::decl(&cfg),
            DecisionView::decl(&cfg),
            DocumentFile::decl(&cfg),
            OffsetView::decl(&cfg),
            SalaryRowView::decl(&cfg),
            SettingsView::decl(&cfg),
            DataFolderView::decl(&cfg),
            BackupView::decl(&cfg),
            PrinterView::decl(&cfg),
            PrintRequest::decl(&cfg),
            PrintProgress::decl(&cfg),
            PrintDone::decl(&cfg),
            AttachmentView::decl(&cfg),
            OperatorView::decl(&cfg),
            CampaignSummaryView::decl(&cfg),
            NextCampaignInput::decl(&cfg),
            FieldChangeView::decl(&cfg),
            AuditLineView::decl(&cfg),
        ];
        let mut out =
            String::from("// Generated from src-tauri/src/dto.rs by the `bindings_are_fresh` test. Do not edit.\n");
        for d in decls {
            out.push_str("\nexport ");
            out.push_str(&d);
            out.push('\n');
        }
        out
    }

    /// The UI's types are generated from the Rust ones; this fails when they are stale.
    /// `UPDATE_BINDINGS=1 cargo test -p thidua-desktop` rewrites them.
    #[test]
    fn bindings_are_fresh() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/lib/bindings.ts");
        let want = bindings();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(path, &want).expect("write bindings");
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(have == want, "ui/src/lib/bindings.ts is stale: run UPDATE_BINDINGS=1 cargo test -p thidua-desktop");
    }

    #[test]
    fn errors_cross_the_boundary_as_code_message_field() {
        let e: ApiError = thidua::Error::NoCampaign.into();
        let v = serde_json::to_value(&e).expect("json");
        assert_eq!(v["code"], "no_campaign");
        assert!(v["message"].as_str().is_some_and(|m| m.starts_with("Chưa có đợt thi đua")));
        assert!(v["field"].is_null());
        let typed: ApiError = thidua::Error::from(thidua::error::NominationError::GenderMissing).into();
        let v = serde_json::to_value(&typed).expect("json");
        assert_eq!((v["code"].as_str(), v["field"].as_str()), (Some("gender_missing"), Some("gender")));
        let f = ApiError::field("invalid_field", "Nhập tên.", "name");
        assert_eq!(serde_json::to_value(&f).expect("json")["field"], "name");
    }
}
