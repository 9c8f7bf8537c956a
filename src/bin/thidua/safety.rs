//! The commands that keep the records safe: backup, restore, check, exchange files, spreadsheet
//! export and the audit trail.

use std::path::Path;

use thidua::exchange::{
    export_campaign as write_campaign, export_xlsx as write_xlsx, import_campaign as read_campaign,
};
use thidua::model::NominationId;
use thidua::store::backup::list_backups;
use thidua::store::{check_database_file, newest_good_backup, restore_from, AuditEntry, CampaignImport};
use thidua::{Error, Store};

pub fn backup(store: &Store, file: &Path) -> Result<(), Error> {
    store.backup_to(file)?;
    println!("Đã sao lưu cơ sở dữ liệu vào «{}».", file.display());
    Ok(())
}

pub fn restore(db: &Path, file: &Path, actor: &str) -> Result<(), Error> {
    let kept = restore_from(db, file, super::council::today())?;
    let mut store = Store::open(db)?;
    store.set_actor(actor)?;
    store.log_restore(&file.display().to_string())?;
    println!("Đã khôi phục cơ sở dữ liệu từ «{}».", file.display());
    if let Some(k) = kept {
        println!("Bản đang dùng trước khi khôi phục được giữ lại tại «{}».", k.display());
    }
    Ok(())
}

pub fn check(db: &Path) -> Result<(), Error> {
    if !db.exists() {
        println!("Chưa có cơ sở dữ liệu «{}».", db.display());
        return Ok(());
    }
    match check_database_file(db, true) {
        Ok(()) => {
            println!("Cơ sở dữ liệu «{}» tốt: kiểm tra toàn vẹn không thấy lỗi.", db.display());
            let backups = list_backups(db)?;
            match backups.last() {
                Some(last) => println!("Có {} bản sao lưu tự động; mới nhất: «{}».", backups.len(), last.display()),
                None => println!("Chưa có bản sao lưu tự động nào."),
            }
            Ok(())
        }
        Err(Error::Damaged { path, detail, .. }) => {
            Err(Error::Damaged { path, detail, newest_good: newest_good_backup(db).ok().flatten() })
        }
        Err(Error::BadBackup { path, why }) => Err(Error::Unreadable { path, why }),
        Err(e) => Err(e),
    }
}

pub fn export_campaign(store: &Store, code: Option<&str>, file: &Path) -> Result<(), Error> {
    let campaign = store.campaign(code)?;
    write_campaign(store, &campaign, file)?;
    println!("Đã xuất đợt thi đua «{}» ra tệp trao đổi «{}».", campaign.code, file.display());
    Ok(())
}

pub fn export_xlsx(store: &Store, code: Option<&str>, file: &Path) -> Result<(), Error> {
    let campaign = store.campaign(code)?;
    write_xlsx(store, &campaign, file)?;
    println!("Đã xuất hồ sơ, xếp hạng và danh sách khen thưởng ra «{}».", file.display());
    Ok(())
}

pub fn import_campaign(store: &mut Store, file: &Path) -> Result<(), Error> {
    let outcome = read_campaign(store, file)?;
    let code = |id| store.campaigns().ok().and_then(|l| l.into_iter().find(|c| c.id == id)).map(|c| c.code);
    match outcome {
        CampaignImport::Imported(id) => {
            println!("Đã nhập đợt thi đua «{}».", code(id).unwrap_or_default())
        }
        CampaignImport::AlreadyThere(id) => println!(
            "Đợt thi đua «{}» đã có sẵn, giống hệt dữ liệu trong tệp; không ghi gì thêm.",
            code(id).unwrap_or_default()
        ),
    }
    Ok(())
}

fn action_label(action: &str) -> &'static str {
    match action {
        "insert" => "thêm",
        "update" => "sửa",
        "delete" => "xóa",
        "restore" => "khôi phục",
        _ => "?",
    }
}

pub fn log(store: &Store, code: Option<&str>, nomination: Option<i64>, all: bool, json: bool) -> Result<(), Error> {
    let entries: Vec<AuditEntry> = match nomination {
        Some(id) => store.audit_for_nomination(NominationId(id))?,
        None if all => store.audit_log()?,
        None => store.audit_for_campaign(store.campaign(code)?.id)?,
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&entries).unwrap_or_default());
    } else if entries.is_empty() {
        println!("Nhật ký thay đổi chưa có mục nào.");
    } else {
        for e in entries {
            let changes = match (&e.before, &e.after) {
                (Some(b), Some(a)) => changed_fields(b, a),
                (None, Some(a)) => a.to_string(),
                (Some(b), None) => b.to_string(),
                (None, None) => String::new(),
            };
            println!(
                "{}\t{}\t{} {}\t{}\t{}",
                e.at,
                e.actor,
                action_label(&e.action),
                e.table,
                e.row_id.map(|r| r.to_string()).unwrap_or_default(),
                changes
            );
        }
    }
    Ok(())
}

/// "status: received → accepted" for the fields an update changed.
fn changed_fields(before: &serde_json::Value, after: &serde_json::Value) -> String {
    let (Some(b), Some(a)) = (before.as_object(), after.as_object()) else { return after.to_string() };
    a.iter()
        .filter(|(k, v)| b.get(k.as_str()) != Some(v))
        .map(|(k, v)| format!("{k}: {} → {v}", b.get(k.as_str()).cloned().unwrap_or_default()))
        .collect::<Vec<_>>()
        .join("; ")
}
