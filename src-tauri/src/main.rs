//! Thi đua's desktop shell: opens the core's database, registers the commands, and shows the
//! window. All logic lives in the `thidua` core; this crate only wires it to the UI.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod campaigns;
mod commands;
mod council_view;
mod documents;
mod dto;
mod printing;
mod room;
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

/// Every command the window may call, with the TypeScript bindings the UI is checked against:
/// a renamed command or argument breaks the UI's type check, not the running window.
pub(crate) fn commands() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        .error_handling(tauri_specta::ErrorHandlingMode::Throw)
        .dangerously_cast_bigints_to_number()
        .disable_serde_phases()
        .commands(tauri_specta::collect_commands![
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
            commands::name_offers,
            commands::name_offer,
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
            documents::open_document,
            documents::certificate_offsets,
            documents::set_certificate_offset,
            settings::settings,
            settings::save_settings,
            settings::set_emblem,
            settings::clear_emblem,
            settings::set_certificate_size,
            room::room_addresses,
            room::open_room,
            room::room,
            room::close_room,
            room::lock_sheets,
            room::show_results,
            room::set_disagreement,
            room::recusals,
            room::set_recusal,
            settings::data_folder,
            settings::first_screen,
            settings::operator,
            settings::set_operator,
            settings::backups,
            settings::backup_to,
            settings::restore,
            printing::printers,
            printing::print_document,
            printing::print_notice,
        ])
}

/// Prints how long a start-up step took, when THIDUA_TIMINGS is set.
pub(crate) fn timing(step: &str, since: std::time::Instant) {
    if std::env::var_os("THIDUA_TIMINGS").is_some() {
        eprintln!("[khởi động] {step}: {} ms", since.elapsed().as_millis());
    }
}

/// Opens and checks the database while the window paints, then makes the day's backup on a
/// connection of its own: neither holds the first screen; a damaged file is reported to the
/// window as soon as it is known (every command answers with it).
fn open_after_start(app: &tauri::AppHandle, database: std::path::PathBuf) {
    let handle = app.clone();
    std::thread::spawn(move || {
        use tauri::Manager;
        let state = handle.state::<state::AppState>();
        timing("trước khi mở cơ sở dữ liệu (từ lúc chạy)", state.started);
        let t = std::time::Instant::now();
        let opened = session::open_without_backup(&database, None).map_err(dto::ApiError::from);
        let sound = opened.is_ok();
        state.set_opened(opened);
        timing("mở, kiểm tra (quick_check) và nâng cấp cơ sở dữ liệu", t);
        if sound {
            let t = std::time::Instant::now();
            if let Some(warning) = session::daily_backup(&database, thidua::vn::today_in_vietnam()) {
                eprintln!("Cảnh báo: {warning}");
            }
            timing("sao lưu hằng ngày", t);
        }
    });
}

fn main() {
    let started = std::time::Instant::now();
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
    let commands_handler = commands().invoke_handler();
    let bytes_handler: Box<dyn Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync> =
        Box::new(tauri::generate_handler![documents::document_bytes]);
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|_app, _args, _cwd| {}))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state::AppState::opening(database.clone(), started))
        .setup(move |app| {
            open_after_start(app.handle(), database);
            Ok(())
        })
        .manage(room::RoomState::default())
        .invoke_handler(move |invoke| match invoke.message.command() {
            // Raw PDF bytes for the preview: not JSON, so not in the generated bindings.
            "document_bytes" => bytes_handler(invoke),
            _ => commands_handler(invoke),
        })
        .run(tauri::generate_context!());
    if let Err(e) = app {
        eprintln!("Lỗi: không mở được cửa sổ ứng dụng: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use crate::dto::*;

    const HEADER: &str =
        "// Generated from src-tauri/src (commands and dto.rs) by the `bindings_are_fresh` test. Do not edit.";

    fn bindings() -> String {
        // One folder per call: the tests run in parallel threads.
        static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("thidua-bindings-{}-{call}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("bindings.ts");
        super::commands()
            .export(specta_typescript::Typescript::default().header(HEADER), &file)
            .expect("export bindings");
        let text = std::fs::read_to_string(&file).expect("read bindings");
        let _ = std::fs::remove_dir_all(&dir);
        text
    }

    /// The UI's commands and types are generated from the Rust ones; this fails when they are
    /// stale. `UPDATE_BINDINGS=1 cargo test -p thidua-desktop` rewrites them.
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
    fn coded_values_cross_as_unions_not_strings() {
        // Doc comments removed and spaces collapsed, to read each declaration on one line.
        let mut text = String::new();
        let mut rest = bindings().as_str().to_owned();
        while let Some(start) = rest.find("/**") {
            text.push_str(&rest[..start]);
            rest = rest[start..].find("*/").map(|end| rest[start + end + 2..].to_owned()).unwrap_or_default();
        }
        text.push_str(&rest);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for union in [
            r#"export type UnitKind = "office" | "mass_organisation" | "commune";"#,
            r#"export type Status = "received" | "accepted" | "refused";"#,
            r#"export type DocumentKind = "decision" | "annex" | "certificates" | "calibration" | "refusals" | "score_sheets" | "proposal" | "minutes";"#,
        ] {
            assert!(text.contains(union), "{union} not in the bindings");
        }
        assert!(
            text.contains("addUnit: (name: string, kind: UnitKind) =>"),
            "commands are generated with their arguments"
        );
    }

    /// The window opens the records for the person the command line would name, and its restore
    /// is written to the trail with that name, as the command line's is.
    #[test]
    fn the_window_names_the_same_person_and_writes_its_restore_to_the_trail() {
        let dir = std::env::temp_dir().join(format!("thidua-window-restore-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        let db = dir.join("records.sqlite3");
        std::fs::write(thidua::app::session::operator_file(&db), "Trần Thị Thư").expect("operator");
        let state = crate::state::AppState::new(crate::open_at(&db), db.clone());
        thidua::app::campaigns::load_example(&mut state.store().expect("store")).expect("example");
        let backup = dir.join("copy.sqlite3");
        thidua::app::session::backup_to(&state.store().expect("store"), &backup).expect("backup");
        crate::settings::restore_in(&state, Some(backup.display().to_string())).expect("restore");
        let entries = thidua::app::intake::history_entries(
            &state.store().expect("store"),
            thidua::app::intake::HistoryScope::All,
        )
        .expect("trail");
        let restore = entries.iter().find(|e| e.action == "restore").expect("the restore is in the trail");
        assert_eq!(restore.actor, "Trần Thị Thư");
        assert_eq!(restore.actor, thidua::app::session::resolve_actor(None, &db));
        let _ = std::fs::remove_dir_all(&dir);
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
