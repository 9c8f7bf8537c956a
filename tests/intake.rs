//! The intake rules as the store applies them: quota (R4) across a unit's dossiers, deadline
//! (R5) and completeness (R6), and the secretary's appraisal (R7).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{DateTime, Utc};
use common::example_store;
use thidua::model::{Gender, NewNomination, NomineeKind, PartState, Parts, Reason, RefusalSource, Status};
use thidua::{Error, Store};

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn unit(store: &Store, campaign: thidua::model::CampaignId, name: &str) -> thidua::model::UnitId {
    store.units(campaign).unwrap().into_iter().find(|u| u.name == name).unwrap().id
}

fn person(unit: thidua::model::UnitId, name: &str, time: &str) -> NewNomination {
    NewNomination {
        unit,
        kind: NomineeKind::Individual,
        name: name.into(),
        gender: Some(Gender::Female),
        position: Some("Chuyên viên".into()),
        submitted_at: at(time),
        parts: Parts::COMPLETE,
        summary: String::new(),
        women_percent: None,
    }
}

#[test]
fn a_second_nomination_is_refused_over_quota_naming_the_first() {
    let (mut store, c) = example_store();
    let u = unit(&store, c.id, "Phòng Y tế");
    let first = store.record_nomination(c.id, &person(u, "Nông Thị Hoa", "2024-01-03T08:00:00+07:00")).unwrap();
    let second = store.record_nomination(c.id, &person(u, "Lý Văn Minh", "2024-01-04T08:00:00+07:00")).unwrap();
    assert_eq!(store.nomination(first).unwrap().status, Status::Received);
    let refused = store.nomination(second).unwrap();
    assert_eq!(refused.reasons(), vec![Reason::OverQuota]);
    let note = &refused.refusals[0].note;
    assert!(note.contains(&format!("hồ sơ số {first} (Nông Thị Hoa")), "{note}");
}

#[test]
fn an_earlier_dossier_recorded_later_takes_the_place() {
    let (mut store, c) = example_store();
    let u = unit(&store, c.id, "Xã Tân Tú");
    let later = store.record_nomination(c.id, &person(u, "Hoàng Thị Lan", "2024-01-04T08:00:00+07:00")).unwrap();
    let earlier = store.record_nomination(c.id, &person(u, "Triệu Văn Sơn", "2024-01-02T08:00:00+07:00")).unwrap();
    assert_eq!(store.nomination(earlier).unwrap().status, Status::Received);
    assert_eq!(store.nomination(later).unwrap().reasons(), vec![Reason::OverQuota]);
}

#[test]
fn units_do_not_share_places() {
    let (mut store, c) = example_store();
    let a = unit(&store, c.id, "Xã Tân Tú");
    let b = unit(&store, c.id, "Xã Cao Sơn");
    store.record_nomination(c.id, &person(a, "Hoàng Thị Lan", "2024-01-04T08:00:00+07:00")).unwrap();
    let other = store.record_nomination(c.id, &person(b, "Triệu Văn Sơn", "2024-01-04T08:00:00+07:00")).unwrap();
    assert_eq!(store.nomination(other).unwrap().status, Status::Received);
}

#[test]
fn deadline_edges_in_the_store() {
    let (mut store, c) = example_store();
    let on_time = person(unit(&store, c.id, "Xã Sĩ Bình"), "A", "2024-01-05T09:59:59+07:00");
    let late = person(unit(&store, c.id, "Xã Vũ Muộn"), "B", "2024-01-05T10:00:00+07:00");
    let utc = person(unit(&store, c.id, "Xã Đôn Phong"), "C", "2024-01-05T02:59:00Z");
    let ids = store.record_nominations(c.id, &[on_time, late, utc]).unwrap();
    let reasons: Vec<Vec<Reason>> = ids.iter().map(|id| store.nomination(*id).unwrap().reasons()).collect();
    assert_eq!(reasons, vec![vec![], vec![Reason::Late], vec![]]);
}

#[test]
fn refusing_the_holder_at_appraisal_frees_the_place_for_the_next() {
    let (mut store, c) = example_store();
    let u = unit(&store, c.id, "Phòng Y tế");
    let first = store.record_nomination(c.id, &person(u, "Nông Thị Hoa", "2024-01-03T08:00:00+07:00")).unwrap();
    let second = store.record_nomination(c.id, &person(u, "Lý Văn Minh", "2024-01-04T08:00:00+07:00")).unwrap();
    store.refuse(first, Reason::CriteriaNotMet, "Thành tích chưa nổi bật").unwrap();
    let refused = store.nomination(first).unwrap();
    assert_eq!(refused.status, Status::Refused);
    assert_eq!(refused.refusals[0].source, RefusalSource::Appraisal);
    assert_eq!(refused.refusals[0].note, "Thành tích chưa nổi bật");
    assert_eq!(store.nomination(second).unwrap().status, Status::Received);
}

#[test]
fn an_accepted_dossier_keeps_its_place() {
    let (mut store, c) = example_store();
    let u = unit(&store, c.id, "Phòng Y tế");
    let first = store.record_nomination(c.id, &person(u, "Nông Thị Hoa", "2024-01-04T08:00:00+07:00")).unwrap();
    store.accept(first).unwrap();
    let earlier = store.record_nomination(c.id, &person(u, "Lý Văn Minh", "2024-01-02T08:00:00+07:00")).unwrap();
    assert_eq!(store.nomination(first).unwrap().status, Status::Accepted);
    assert_eq!(store.nomination(earlier).unwrap().reasons(), vec![Reason::OverQuota]);
}

#[test]
fn a_dossier_refused_at_intake_cannot_be_accepted() {
    let (mut store, c) = example_store();
    let u = unit(&store, c.id, "Phòng Y tế");
    let mut n = person(u, "Nông Thị Hoa", "2024-01-04T08:00:00+07:00");
    n.parts = Parts { minutes: PartState::Missing, ..Parts::COMPLETE };
    let id = store.record_nomination(c.id, &n).unwrap();
    let err = store.accept(id).unwrap_err();
    assert!(matches!(err, Error::RefusedAtIntake { .. }));
    assert!(err.to_string().contains("Thành phần hồ sơ không đầy đủ"), "{err}");
}

#[test]
fn accept_all_accepts_only_the_waiting_dossiers() {
    let (mut store, c) = example_store();
    let u = unit(&store, c.id, "Phòng Y tế");
    store.record_nomination(c.id, &person(u, "Nông Thị Hoa", "2024-01-03T08:00:00+07:00")).unwrap();
    store.record_nomination(c.id, &person(u, "Lý Văn Minh", "2024-01-04T08:00:00+07:00")).unwrap();
    assert_eq!(store.accept_all(c.id).unwrap(), 1);
    let statuses: Vec<Status> = store.nominations(c.id).unwrap().iter().map(|n| n.status).collect();
    assert_eq!(statuses, vec![Status::Accepted, Status::Refused]);
}

#[test]
fn a_decomposed_name_is_stored_composed_and_found_without_diacritics() {
    let (mut store, c) = example_store();
    let u = unit(&store, c.id, "Phòng Nội vụ");
    let decomposed = "Nguye\u{302}\u{303}n Thi\u{323} Hu\u{31b}o\u{31b}\u{300}ng";
    store.record_nomination(c.id, &person(u, decomposed, "2024-01-03T08:00:00+07:00")).unwrap();
    let hits = store.search("nguyen").unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].nomination.name, "Nguyễn Thị Hường");
    assert_eq!(store.search("Nguyễn Thị Hường").unwrap().len(), 1);
    assert!(store.search("tran").unwrap().is_empty());
}

#[test]
fn a_database_that_is_not_ours_is_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite3");
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('a');").unwrap();
    drop(other);
    let err = Store::open(&path).err().unwrap();
    assert_eq!(err.code(), "not_ours");
}

#[test]
fn a_file_database_reopens_with_its_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/folder/thidua.sqlite3");
    {
        let mut store = Store::open(&path).unwrap();
        store.create_campaign(&thidua::exchange::example_definition().unwrap()).unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.campaigns().unwrap().len(), 1);
    assert_eq!(store.campaign(Some("bach-thong-q4-2023")).unwrap().criteria.collective.len(), 7);
    assert_eq!(store.campaign(Some("khong-co")).unwrap_err().code(), "unknown_campaign");
}

#[test]
fn the_preview_tells_the_quota_and_the_deadline_before_anything_is_recorded() {
    let (mut store, c) = example_store();
    let u = unit(&store, c.id, "Phòng Y tế");
    let first = store.record_nomination(c.id, &person(u, "Nông Thị Hoa", "2024-01-03T08:00:00+07:00")).unwrap();
    let preview = store.preview_nomination(c.id, &person(u, "Lý Văn Minh", "2024-01-05T10:00:00+07:00")).unwrap();
    let reasons: Vec<Reason> = preview.iter().map(|(r, _)| *r).collect();
    assert_eq!(reasons, vec![Reason::Late], "a late dossier does not compete for the place");
    let preview = store.preview_nomination(c.id, &person(u, "Lý Văn Minh", "2024-01-04T08:00:00+07:00")).unwrap();
    assert_eq!(preview.len(), 1);
    assert_eq!(preview[0].0, Reason::OverQuota);
    assert!(preview[0].1.contains(&format!("hồ sơ số {first} (Nông Thị Hoa")), "{}", preview[0].1);
    assert_eq!(store.nominations(c.id).unwrap().len(), 1, "nothing recorded");
}

#[test]
fn settings_are_saved_checked_and_normalised() {
    let (mut store, c) = example_store();
    let mut settings = c.settings.clone();
    settings.issuer.place = "  Bạch   Thông ".into();
    settings.money.base_salary.push(thidua::model::SalaryRow {
        from: chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
        amount: 2_530_000,
        source: "Nghị định (dự kiến)".into(),
    });
    store.update_settings(c.id, &settings).unwrap();
    let saved = store.campaign(None).unwrap().settings;
    assert_eq!(saved.issuer.place, "Bạch Thông");
    assert_eq!(saved.money.base_salary.last().map(|r| r.amount), Some(2_530_000));

    let mut twice = saved.clone();
    let first = twice.money.base_salary[0].clone();
    twice.money.base_salary.push(first);
    let err = store.update_settings(c.id, &twice).unwrap_err();
    assert!(err.to_string().contains("hai dòng cùng áp dụng"), "{err}");
    let mut empty = saved.clone();
    empty.issuer.name = "  ".into();
    assert!(store.update_settings(c.id, &empty).unwrap_err().to_string().contains("Tên cơ quan ban hành"));
    assert_eq!(store.campaign(None).unwrap().settings, saved, "a refused change writes nothing");
}

#[test]
fn an_appraisal_taken_back_puts_the_dossier_back_in_the_queue_and_the_places_follow_r4() {
    let (mut store, c) = example_store();
    let u = unit(&store, c.id, "Phòng Y tế");
    let first = store.record_nomination(c.id, &person(u, "Nông Thị Hoa", "2024-01-03T08:00:00+07:00")).unwrap();
    let second = store.record_nomination(c.id, &person(u, "Lý Văn Minh", "2024-01-04T08:00:00+07:00")).unwrap();

    // Accepted by mistake, taken back: waiting again, and still the unit's place.
    store.accept(first).unwrap();
    store.reopen(first).unwrap();
    assert_eq!(store.nomination(first).unwrap().status, Status::Received);
    assert_eq!(store.nomination(second).unwrap().reasons(), vec![Reason::OverQuota]);

    // Refused at appraisal: the place goes to the second, which is accepted. Taking the refusal
    // back removes it, but the accepted second keeps the place, so the first is over quota.
    store.refuse(first, Reason::CriteriaNotMet, "Thành tích chưa nổi bật").unwrap();
    store.accept(second).unwrap();
    store.reopen(first).unwrap();
    let back = store.nomination(first).unwrap();
    assert_eq!(back.reasons(), vec![Reason::OverQuota]);
    assert!(back.refusals.iter().all(|r| r.source == RefusalSource::Intake));
    assert_eq!(store.nomination(second).unwrap().status, Status::Accepted);

    // Not appraised yet, or refused at intake: nothing to take back.
    let third = store
        .record_nomination(c.id, &person(unit(&store, c.id, "Xã Tân Tú"), "Hà Văn Nam", "2024-01-04T08:00:00+07:00"))
        .unwrap();
    let err = store.reopen(third).unwrap_err();
    assert_eq!(err.code(), "appraisal_locked");
    assert!(err.to_string().contains("chưa được thẩm định"), "{err}");
    assert_eq!(store.reopen(first).unwrap_err().code(), "not_appraisable");
}

#[test]
fn a_correction_re_applies_the_rules_to_the_unit_and_keeps_the_dossier_s_number() {
    let (mut store, c) = example_store();
    let u = unit(&store, c.id, "Phòng Y tế");
    let first = store.record_nomination(c.id, &person(u, "Nông Thị Hoa", "2024-01-03T08:00:00+07:00")).unwrap();
    let second = store.record_nomination(c.id, &person(u, "Lý Văn Minh", "2024-01-04T08:00:00+07:00")).unwrap();

    // A typo in the name, typed with decomposed diacritics: stored composed, nothing else moves.
    let mut fixed = person(u, "Nông Thị Hoa\u{300}", "2024-01-03T08:00:00+07:00");
    fixed.name = "No\u{302}ng Thi\u{323} Hoa\u{300}".into();
    assert!(store.preview_correction(first, &fixed).unwrap().is_empty(), "a dossier does not take its own place");
    store.correct_nomination(first, &fixed).unwrap();
    let n = store.nomination(first).unwrap();
    assert_eq!((n.id, n.name.as_str(), n.status), (first, "Nông Thị Hoà", Status::Received));
    assert_eq!(store.nomination(second).unwrap().reasons(), vec![Reason::OverQuota]);

    // The portal time was recorded wrongly: it was after the deadline. The place passes to the second.
    let late = person(u, "Nông Thị Hoà", "2024-01-05T10:30:00+07:00");
    let preview: Vec<Reason> = store.preview_correction(first, &late).unwrap().into_iter().map(|(r, _)| r).collect();
    assert_eq!(preview, vec![Reason::Late]);
    store.correct_nomination(first, &late).unwrap();
    assert_eq!(store.nomination(first).unwrap().reasons(), vec![Reason::Late]);
    assert_eq!(store.nomination(second).unwrap().status, Status::Received);

    // The second belonged to another unit all along: both units' places are worked out again.
    store.correct_nomination(first, &fixed).unwrap();
    assert_eq!(store.nomination(second).unwrap().reasons(), vec![Reason::OverQuota]);
    let other = unit(&store, c.id, "Xã Tân Tú");
    store.correct_nomination(second, &person(other, "Lý Văn Minh", "2024-01-04T08:00:00+07:00")).unwrap();
    let moved = store.nomination(second).unwrap();
    assert_eq!((moved.unit, moved.status), (other, Status::Received));

    // An accepted dossier stays accepted through a correction that keeps it within the rules.
    store.accept(first).unwrap();
    let mut position = fixed.clone();
    position.position = Some("Trưởng phòng".into());
    store.correct_nomination(first, &position).unwrap();
    let n = store.nomination(first).unwrap();
    assert_eq!((n.status, n.position.as_deref()), (Status::Accepted, Some("Trưởng phòng")));

    // Bad corrections change nothing.
    let mut nameless = fixed.clone();
    nameless.name = "  ".into();
    assert_eq!(store.correct_nomination(first, &nameless).unwrap_err().code(), "name_missing");
    let mut genderless = fixed.clone();
    genderless.gender = None;
    assert!(store.correct_nomination(first, &genderless).unwrap_err().to_string().contains("giới tính"));
    assert_eq!(store.nomination(first).unwrap(), n);
}

#[test]
fn the_correct_command_changes_only_the_fields_given_and_refuses_bad_values_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = common::example_file(dir.path());
    // Dossier 6 was refused for a missing Biên bản that was in fact in the dossier.
    let out = common::cli(&db, &["correct", "6", "--minutes", "present"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(common::stdout(&out).contains("Đã sửa hồ sơ số 6: Đã tiếp nhận."), "{}", common::stdout(&out));
    let store = Store::open(&db).unwrap();
    let six = store.nomination(thidua::model::NominationId(6)).unwrap();
    assert_eq!((six.name.as_str(), six.gender), ("Ma Văn Lành", Some(Gender::Male)));
    drop(store);

    let before = common::content_digest(&db);
    for (args, message) in [
        (vec!["correct", "6", "--gender", "khác"], "giới tính «khác» phải là một trong"),
        (vec!["correct", "6", "--time", "32/01/2024 09:00"], "thời điểm nộp «32/01/2024 09:00»"),
        (vec!["correct", "6", "--unit", "Xã Không Có"], "không có đơn vị «Xã Không Có»"),
        (vec!["correct", "99", "--name", "Ai đó"], "Không có hồ sơ số 99"),
    ] {
        let out = common::cli(&db, &args);
        assert!(!out.status.success());
        assert!(common::stderr(&out).contains(message), "{args:?}: {}", common::stderr(&out));
    }
    assert_eq!(common::content_digest(&db), before);
}
