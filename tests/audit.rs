//! The audit trail: every change is logged by the database itself, with who, when and the values
//! before and after, and the log refuses to be edited or deleted.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, example_file, example_store, fixture, stderr, stdout};
use thidua::exchange::import_nominations;
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
    assert!(text.contains("thêm nominations"), "{text}");
    assert!(text.contains("Thư ký\tsửa nominations\t1\tdecision: null → \"accepted\""), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&cli(&db, &["log", "--nomination", "1", "--json"]))).unwrap();
    let entries = json.as_array().unwrap();
    assert!(entries.iter().all(|e| e["nomination_id"] == 1));
    assert!(entries.iter().any(|e| e["actor"] == "Thư ký" && e["action"] == "update"));
}
