//! The audit trail: every change is logged by the database itself, with who, when and the values
//! before and after, and the log refuses to be edited or deleted.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, example_file, example_store, fixture, stderr, stdout};
use thidua::app::intake::import_nominations;
use thidua::model::{NominationId, Reason};
use thidua::Store;

#[test]
fn a_nomination_s_history_shows_who_changed_what_from_what_to_what() {
    let (mut store, campaign) = example_store();
    store.set_actor("Hà Thị Thu").unwrap();
    import_nominations(&mut store, &campaign, &fixture("nominations-example.csv")).unwrap();
    let first = store.nominations(campaign.id).unwrap().into_iter().find(|n| n.refusals.is_empty()).unwrap();
    store.set_actor("Nguyễn Văn Bình").unwrap();
    store.refuse(first.id, Reason::CriteriaNotMet, "Chưa đạt tiêu chí 2").unwrap();

    let log = store.audit_for_nomination(first.id).unwrap();
    assert_eq!(log[0].action, "insert");
    assert_eq!(log[0].table, "nominations");
    assert_eq!(log[0].actor, "Hà Thị Thu");
    assert_eq!(log[0].after.as_ref().unwrap()["name"], first.name.as_str());
    let refusal = log.iter().find(|e| e.table == "refusals" && e.action == "insert").unwrap();
    assert_eq!(refusal.actor, "Nguyễn Văn Bình");
    assert_eq!(refusal.after.as_ref().unwrap()["note"], "Chưa đạt tiêu chí 2");
    let status = log
        .iter()
        .find(|e| {
            e.table == "nominations"
                && e.action == "update"
                && e.before.as_ref().unwrap()["status"] != e.after.as_ref().unwrap()["status"]
        })
        .unwrap();
    assert_eq!(status.before.as_ref().unwrap()["status"], "received");
    assert_eq!(status.after.as_ref().unwrap()["status"], "refused");
    assert!(status.at.ends_with('Z') && status.at.len() == 24, "{}", status.at);
    assert!(log.iter().all(|e| e.nomination_id == Some(first.id.0)));
    assert!(store.audit_for_nomination(NominationId(first.id.0 + 1000)).unwrap().is_empty());

    let campaign_log = store.audit_for_campaign(campaign.id).unwrap();
    assert!(campaign_log.iter().any(|e| e.table == "campaigns" && e.action == "insert"));
    assert!(campaign_log.iter().filter(|e| e.table == "nominations" && e.action == "insert").count() == 11);
    assert!(campaign_log.len() > log.len());
}

#[test]
fn the_log_can_be_neither_edited_nor_deleted_even_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let before: i64 = conn.query_row("SELECT COUNT(*) FROM audit_log", [], |r| r.get(0)).unwrap();
    assert!(before > 11);
    let update = conn.execute("UPDATE audit_log SET actor = 'ai đó'", []).unwrap_err();
    assert!(update.to_string().contains("không được sửa"), "{update}");
    let delete = conn.execute("DELETE FROM audit_log", []).unwrap_err();
    assert!(delete.to_string().contains("không được xóa"), "{delete}");
    // A change made outside the application is logged too.
    conn.execute("UPDATE nominations SET name = 'Tên sửa tay' WHERE id = 1", []).unwrap();
    let after: i64 = conn.query_row("SELECT COUNT(*) FROM audit_log", [], |r| r.get(0)).unwrap();
    assert_eq!(after, before + 1);
    drop(conn);
    let store = Store::open(&db).unwrap();
    let last = store.audit_for_nomination(NominationId(1)).unwrap().pop().unwrap();
    assert_eq!(last.after.unwrap()["name"], "Tên sửa tay");
}

#[test]
fn an_update_that_changes_nothing_is_not_logged() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let before: i64 = conn.query_row("SELECT COUNT(*) FROM audit_log", [], |r| r.get(0)).unwrap();
    conn.execute("UPDATE nominations SET name = name", []).unwrap();
    let after: i64 = conn.query_row("SELECT COUNT(*) FROM audit_log", [], |r| r.get(0)).unwrap();
    assert_eq!(after, before);
}

#[test]
fn the_log_command_prints_the_campaign_history_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let out = cli(&db, &["--user", "Thư ký", "appraise", "1", "--accept"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&cli(&db, &["log"]));
    let name = Store::open(&db).unwrap().nomination(NominationId(1)).unwrap().name;
    assert!(text.contains(&format!("Thêm Hồ sơ số 1 — {name}\tĐơn vị: ")), "{text}");
    let by_secretary: Vec<&str> = text.lines().filter(|l| l.contains("Thư ký\tSửa Hồ sơ số 1 — ")).collect();
    assert!(by_secretary.iter().any(|l| l.ends_with("\tKết quả thẩm định: (trống) → Đạt")), "{text}");
    assert!(by_secretary.iter().any(|l| l.ends_with("\tTrạng thái: Đã tiếp nhận → Đạt")), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&cli(&db, &["log", "--nomination", "1", "--json"]))).unwrap();
    let entries = json.as_array().unwrap();
    assert!(entries.iter().all(|e| e["nomination_id"] == 1));
    assert!(entries.iter().any(|e| e["actor"] == "Thư ký" && e["action"] == "update"));
}

#[test]
fn the_history_reads_in_vietnamese_words_and_vietnam_time() {
    let (mut store, campaign) = example_store();
    store.set_actor("Hà Thị Thu").unwrap();
    import_nominations(&mut store, &campaign, &fixture("nominations-example.csv")).unwrap();
    let first = store.nominations(campaign.id).unwrap().into_iter().find(|n| n.refusals.is_empty()).unwrap();
    store.refuse(first.id, Reason::CriteriaNotMet, "Chưa đạt tiêu chí 2").unwrap();

    let entries = store.audit_for_nomination(first.id).unwrap();
    let lines = store.audit_lines_for_nomination(first.id).unwrap();
    assert_eq!(lines.len(), entries.len());
    // The log keeps UTC; the line shows Vietnam time (UTC+7, no daylight saving).
    let utc = chrono::DateTime::parse_from_rfc3339(&entries[0].at).unwrap();
    let local = utc + chrono::Duration::hours(7);
    assert_eq!(lines[0].at, local.format("%d/%m/%Y %H:%M:%S").to_string());

    let inserted = &lines[0];
    assert_eq!((inserted.action.as_str(), inserted.actor.as_str()), ("Thêm", "Hà Thị Thu"));
    assert_eq!(inserted.subject, format!("Hồ sơ số {} — {}", first.id.0, first.name));
    let field = |l: &thidua::store::AuditLine, f: &str| l.changes.iter().find(|c| c.field == f).cloned();
    assert_eq!(field(inserted, "Đơn vị").unwrap().after.unwrap(), first.unit_name);
    assert_eq!(field(inserted, "Trạng thái").unwrap().after.as_deref(), Some("Đã tiếp nhận"));
    assert!(field(inserted, "Tờ trình").unwrap().after.as_deref() == Some("Có"));
    assert!(inserted.changes.iter().all(|c| !c.field.contains('_')), "{inserted:?}");

    let refusal = lines.iter().find(|l| l.subject.starts_with("Lý do không tiếp nhận")).unwrap();
    assert_eq!(
        refusal.changes_text(),
        "Lý do: Không đạt tiêu chí thi đua; Ghi chú: Chưa đạt tiêu chí 2; Bước: Thẩm định"
    );
    let status = lines.iter().find(|l| l.action == "Sửa" && field(l, "Trạng thái").is_some()).unwrap();
    let change = field(status, "Trạng thái").unwrap();
    assert_eq!((change.before.as_deref(), change.after.as_deref()), (Some("Đã tiếp nhận"), Some("Không tiếp nhận")));
    // An update lists only what it changed.
    assert!(field(status, "Tên").is_none(), "{status:?}");

    let campaign_lines = store.audit_lines_for_campaign(campaign.id).unwrap();
    assert!(campaign_lines.iter().any(|l| l.subject == format!("Đợt thi đua «{}»", campaign.name)));
    assert!(campaign_lines.iter().any(|l| l.subject.starts_with("Đơn vị «Huyện đoàn»")));
}

#[test]
fn a_reader_that_stops_early_ends_the_log_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_thidua"))
        .args(["--db", db.to_str().unwrap(), "log"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // `thidua log | head -0`: the reading end is closed before the first line is written.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn a_change_of_the_campaign_s_settings_names_each_setting_changed() {
    let (mut store, campaign) = example_store();
    let mut settings = campaign.settings.clone();
    settings.issuer.place = "Chợ Mới".into();
    store.update_settings(campaign.id, &settings).unwrap();
    let lines = store.audit_lines_for_campaign(campaign.id).unwrap();
    let changed = lines.last().unwrap();
    assert_eq!(changed.action, "Sửa");
    assert_eq!(changed.changes_text(), "Địa danh: Bạch Thông → Chợ Mới");
    // Several at once, a table among them, and a setting without a name of its own.
    settings.decision.signer.name = "Hoàng Văn Nam".into();
    settings.money.base_salary.pop();
    settings.certificate.first_register_number += 1;
    store.update_settings(campaign.id, &settings).unwrap();
    let changed = store.audit_lines_for_campaign(campaign.id).unwrap().pop().unwrap();
    let text = changed.changes_text();
    assert_eq!(
        text,
        "Người ký: Nông Văn Khánh → Hoàng Văn Nam; Bảng mức lương cơ sở: đã thay đổi; Thiết lập khác: đã thay đổi"
    );
}
