//! Several campaigns in one database: the newest is worked on unless the secretary chooses
//! another, a new campaign imported from its definition becomes the one worked on, and the choice
//! holds for the window and the command line alike.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::NaiveDate;
use common::{cli, example_file, stderr, stdout};
use thidua::exchange::example_definition;
use thidua::model::CampaignDefinition;
use thidua::Store;

/// The example campaign moved one quarter on: Q1-2024.
fn next_quarter() -> CampaignDefinition {
    let mut def = example_definition().unwrap();
    def.code = "bach-thong-q1-2024".into();
    def.name = "Thi đua quý I năm 2024".into();
    def.period.start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    def.period.end = NaiveDate::from_ymd_opt(2024, 3, 31).unwrap();
    def.deadline = "2024-04-05T10:00:00+07:00".parse().unwrap();
    def
}

#[test]
fn the_newest_campaign_is_worked_on_until_another_is_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let (db, q4) = example_file(dir.path());
    let mut store = Store::open(&db).unwrap();
    let q1 = store.create_campaign(&next_quarter()).unwrap();
    assert_eq!(store.campaign(None).unwrap().id, q1, "the newest by period");

    store.set_current_campaign(q4.id).unwrap();
    assert_eq!(store.campaign(None).unwrap().id, q4.id);
    assert_eq!(store.campaign(Some("bach-thong-q1-2024")).unwrap().id, q1, "a named campaign is still found");
    assert!(store.set_current_campaign(thidua::model::CampaignId(q1.0 + 100)).is_err());
    drop(store);

    // The command line follows the same choice, and changes it.
    let listed = stdout(&cli(&db, &["campaigns"]));
    assert!(listed.lines().any(|l| l.starts_with("* bach-thong-q4-2023\t")), "{listed}");
    assert!(listed.lines().any(|l| l.starts_with("  bach-thong-q1-2024\t")), "{listed}");
    assert_eq!(stdout(&cli(&db, &["nominations"])).lines().filter(|l| !l.starts_with('\t')).count(), 11);
    let used = cli(&db, &["campaign", "use", "bach-thong-q1-2024"]);
    assert!(used.status.success(), "{}", stderr(&used));
    assert!(stdout(&used).contains("Thi đua quý I năm 2024"), "{}", stdout(&used));
    assert_eq!(stdout(&cli(&db, &["nominations"])).trim(), "Chưa có hồ sơ nào.");
    let unknown = cli(&db, &["campaign", "use", "khong-co"]);
    assert!(!unknown.status.success());
    assert!(stderr(&unknown).contains("Không có đợt thi đua mã «khong-co»"), "{}", stderr(&unknown));
}

#[test]
fn a_campaign_imported_from_its_definition_becomes_the_one_worked_on() {
    let dir = tempfile::tempdir().unwrap();
    let (db, q4) = example_file(dir.path());
    // An older campaign's definition, imported after: it is still the one the secretary meant.
    let mut older = next_quarter();
    older.code = "bach-thong-q3-2023".into();
    older.period.start = NaiveDate::from_ymd_opt(2023, 7, 1).unwrap();
    older.period.end = NaiveDate::from_ymd_opt(2023, 9, 30).unwrap();
    let file = dir.path().join("q3.json");
    std::fs::write(&file, serde_json::to_string(&older).unwrap()).unwrap();
    let out = cli(&db, &["campaign", "import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let store = Store::open(&db).unwrap();
    let current = store.campaign(None).unwrap();
    assert_eq!(current.code, "bach-thong-q3-2023");
    assert_ne!(current.id, q4.id);
}

#[test]
fn a_search_years_later_tells_what_each_nominee_was_awarded_and_by_which_decision() {
    let dir = tempfile::tempdir().unwrap();
    let (db, q4) = example_file(dir.path());
    let mut store = Store::open(&db).unwrap();
    let hits = store.search("nguyen thi huong").unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].award, None, "received, not yet accepted");
    store.accept(hits[0].nomination.id).unwrap();
    let award = store.search("nguyen thi huong").unwrap().remove(0).award.unwrap();
    assert_eq!(award, "Đạt; chưa ghi số Quyết định khen thưởng");
    let signed = thidua::model::DecisionRecord {
        number: 25,
        signed_on: NaiveDate::from_ymd_opt(2024, 1, 10).unwrap(),
        signer: None,
    };
    store.set_decision(q4.id, &signed).unwrap();
    let award = store.search("nguyen thi huong").unwrap().remove(0).award.unwrap();
    assert_eq!(award, "Giấy khen của Chủ tịch Ủy ban nhân dân huyện, Quyết định số 25/QĐ-UBND ngày 10/01/2024");
    // A refused dossier was awarded nothing.
    let refused = store.search("hoang van dung").unwrap().remove(0);
    assert_eq!((refused.nomination.status, refused.award), (thidua::model::Status::Refused, None));
    drop(store);
    let printed = stdout(&cli(&db, &["search", "nguyen thi huong"]));
    assert!(
        printed.contains("\t– Giấy khen của Chủ tịch Ủy ban nhân dân huyện, Quyết định số 25/QĐ-UBND"),
        "{printed}"
    );
}

#[test]
fn the_next_campaign_starts_like_this_one_with_its_own_plan_period_and_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let (db, q4) = example_file(dir.path());
    let mut store = Store::open(&db).unwrap();
    // A recorded campaign gives back the definition it was made from.
    let example = example_definition().unwrap().validated().unwrap();
    assert_eq!(store.campaign_definition(q4.id).unwrap(), example);

    let next = thidua::model::NextCampaign {
        code: "bach-thong-q1-2024".into(),
        name: "  Thi đua quý I  năm 2024 ".into(),
        period: thidua::model::Period {
            start: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
            end: NaiveDate::from_ymd_opt(2024, 3, 31).unwrap(),
        },
        deadline: "2024-04-05T10:00:00+07:00".parse().unwrap(),
        plan_number: Some("125".into()),
        plan_date: NaiveDate::from_ymd_opt(2024, 1, 3),
    };
    let id = store.start_campaign_like(q4.id, &next).unwrap();
    let q1 = store.campaign(None).unwrap();
    assert_eq!((q1.id, q1.code.as_str(), q1.name.as_str()), (id, "bach-thong-q1-2024", "Thi đua quý I năm 2024"));
    assert_eq!(q1.settings.plan.number.as_deref(), Some("125"));
    assert_eq!(q1.settings.plan.date, NaiveDate::from_ymd_opt(2024, 1, 3));
    assert_eq!(q1.settings.plan.month, None);
    assert_eq!(q1.criteria, q4.criteria);
    assert_eq!(q1.settings.issuer, q4.settings.issuer);
    let names = |c| store.units(c).unwrap().into_iter().map(|u| (u.name, u.kind)).collect::<Vec<_>>();
    assert_eq!(names(q1.id), names(q4.id));
    assert!(store.nominations(q1.id).unwrap().is_empty());

    // The same code twice, or a deadline before the period starts: refused, nothing recorded.
    let again = store.start_campaign_like(q4.id, &next).unwrap_err();
    assert!(again.to_string().contains("bach-thong-q1-2024"), "{again}");
    let mut early = next.clone();
    early.code = "bach-thong-q2-2024".into();
    early.deadline = "2023-12-31T10:00:00+07:00".parse().unwrap();
    let err = store.start_campaign_like(q4.id, &early).unwrap_err();
    assert!(err.to_string().contains("hạn nộp hồ sơ (31/12/2023) trước ngày bắt đầu"), "{err}");
    assert_eq!(store.campaigns().unwrap().len(), 2);
}
