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
    say!("Đã sao lưu cơ sở dữ liệu vào «{}».", file.display());
    Ok(())
}

pub fn restore(db: &Path, file: &Path, actor: &str) -> Result<(), Error> {
    let kept = restore_from(db, file, thidua::vn::today_in_vietnam())?;
    let mut store = Store::open(db)?;
    store.set_actor(actor)?;
    store.log_restore(&file.display().to_string())?;
    say!("Đã khôi phục cơ sở dữ liệu từ «{}».", file.display());
    if let Some(k) = kept {
        say!("Bản đang dùng trước khi khôi phục được giữ lại tại «{}».", k.display());
    }
    Ok(())
}

pub fn check(db: &Path) -> Result<(), Error> {
    if !db.exists() {
        say!("Chưa có cơ sở dữ liệu «{}».", db.display());
        return Ok(());
    }
    match check_database_file(db, true) {
        Ok(()) => {
            say!("Cơ sở dữ liệu «{}» tốt: kiểm tra toàn vẹn không thấy lỗi.", db.display());
            let backups = list_backups(db)?;
            match backups.last() {
                Some(last) => say!("Có {} bản sao lưu tự động; mới nhất: «{}».", backups.len(), last.display()),
                None => say!("Chưa có bản sao lưu tự động nào."),
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
    say!("Đã xuất đợt thi đua «{}» ra tệp trao đổi «{}».", campaign.code, file.display());
    Ok(())
}

pub fn export_xlsx(store: &Store, code: Option<&str>, file: &Path) -> Result<(), Error> {
    let campaign = store.campaign(code)?;
    write_xlsx(store, &campaign, file)?;
    say!("Đã xuất hồ sơ, xếp hạng và danh sách khen thưởng ra «{}».", file.display());
    Ok(())
}

pub fn import_campaign(store: &mut Store, file: &Path) -> Result<(), Error> {
    let outcome = read_campaign(store, file)?;
    let code = |id| store.campaigns().ok().and_then(|l| l.into_iter().find(|c| c.id == id)).map(|c| c.code);
    match outcome {
        CampaignImport::Imported(id) => {
            say!("Đã nhập đợt thi đua «{}».", code(id).unwrap_or_default())
        }
        CampaignImport::AlreadyThere(id) => say!(
            "Đợt thi đua «{}» đã có sẵn, giống hệt dữ liệu trong tệp; không ghi gì thêm.",
            code(id).unwrap_or_default()
        ),
    }
    Ok(())
}

pub fn log(store: &Store, code: Option<&str>, nomination: Option<i64>, all: bool, json: bool) -> Result<(), Error> {
    if json {
        let entries: Vec<AuditEntry> = match nomination {
            Some(id) => store.audit_for_nomination(NominationId(id))?,
            None if all => store.audit_log()?,
            None => store.audit_for_campaign(store.campaign(code)?.id)?,
        };
        say!("{}", serde_json::to_string_pretty(&entries).unwrap_or_default());
        return Ok(());
    }
    let lines = match nomination {
        Some(id) => store.audit_lines_for_nomination(NominationId(id))?,
        None if all => store.audit_lines()?,
        None => store.audit_lines_for_campaign(store.campaign(code)?.id)?,
    };
    if lines.is_empty() {
        say!("Nhật ký thay đổi chưa có mục nào.");
    }
    for l in lines {
        say!("{}\t{}\t{} {}\t{}", l.at, l.actor, l.action, l.subject, l.changes_text());
    }
    Ok(())
}
