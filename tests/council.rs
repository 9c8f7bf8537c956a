//! The council on a real store: members kept between campaigns, quorum, the rubric's freeze,
//! scores and sheets, ranking, votes and the provincial shortlist (R8).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::NaiveDate;
use common::{cli, example_store, fixture, stderr, stdout};
use thidua::council::Score;
use thidua::model::{CampaignId, CouncilRole, MemberId, NominationId, NomineeKind, Reason, VoteCount};
use thidua::{Error, Store};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 8).unwrap()
}

/// The example with the sample imported and appraised: 6 accepted (ids 1, 2, 4, 7, 9, 11).
fn appraised() -> (Store, CampaignId) {
    let (mut store, c) = example_store();
    thidua::app::intake::import_nominations(&mut store, &c, &fixture("nominations-example.csv")).unwrap();
    store.accept_all(c.id).unwrap();
    (store, c.id)
}

fn council(store: &mut Store, c: CampaignId, n: usize) -> Vec<MemberId> {
    (0..n)
        .map(|i| {
            let role = if i == 0 { CouncilRole::Chair } else { CouncilRole::Member };
            store.add_member(c, &format!("Thành viên {}", i + 1), None, role).unwrap()
        })
        .collect()
}

/// A full sheet from `member`: `points(nomination)` half-points on each criterion.
fn full_sheet(store: &Store, c: CampaignId, member: MemberId, points: impl Fn(NominationId, u32) -> i64) -> Vec<Score> {
    let campaign = store.campaign(None).unwrap();
    store
        .nominees(c, None)
        .unwrap()
        .iter()
        .flat_map(|n| {
            campaign
                .criteria
                .for_kind(n.kind)
                .iter()
                .map(|k| Score {
                    member,
                    nomination: n.id,
                    criterion: k.number,
                    half_points: points(n.id, k.number).min(k.max_half_points),
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn a_new_campaign_starts_from_last_campaigns_council() {
    let (mut store, c) = appraised();
    council(&mut store, c, 3);
    let mut def = thidua::exchange::example_definition().unwrap();
    def.code = "bach-thong-2024".into();
    def.period.start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    def.period.end = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    let next = store.create_campaign(&def).unwrap();
    assert_eq!(store.copy_members_from_previous(next).unwrap(), 3);
    assert_eq!(store.members(next).unwrap()[0].name, "Thành viên 1");
    assert_eq!(store.copy_members_from_previous(next).unwrap(), 0, "a council that has members is left alone");
}

#[test]
fn a_meeting_without_quorum_records_nothing_and_says_so() {
    let (mut store, c) = appraised();
    let m = council(&mut store, c, 9);
    store.open_meeting(c, day(), Some("Phòng họp số 1"), &m[..5]).unwrap();
    let sheet = full_sheet(&store, c, m[0], |_, _| 10);
    let err = store.record_scores(c, None, &sheet).unwrap_err();
    assert!(matches!(err, Error::NoQuorum { present: 5, members: 9, needed: 6 }), "{err}");
    assert!(err.to_string().contains("không ghi nhận"), "{err}");
    assert!(!store.has_scores(c).unwrap());
    let v = store.record_votes(c, NominationId(1), VoteCount { agree: 5, disagree: 0, blank: 0 }).unwrap_err();
    assert_eq!(v.code(), "no_quorum");
}

#[test]
fn the_rubric_freezes_at_the_first_score_and_thaws_when_scores_are_cleared() {
    let (mut store, c) = appraised();
    let m = council(&mut store, c, 3);
    store.set_criterion_max(c, NomineeKind::Collective, 1, 30).unwrap();
    store.open_meeting(c, day(), None, &m).unwrap();
    store
        .record_scores(c, None, &[Score { member: m[0], nomination: NominationId(2), criterion: 1, half_points: 30 }])
        .unwrap();
    assert_eq!(store.set_criterion_max(c, NomineeKind::Collective, 1, 40).unwrap_err().code(), "rubric_frozen");
    assert_eq!(store.clear_scores(c).unwrap(), 1);
    store.set_criterion_max(c, NomineeKind::Collective, 1, 40).unwrap();
}

#[test]
fn scores_outside_the_criterions_bounds_are_refused() {
    let (mut store, c) = appraised();
    let m = council(&mut store, c, 3);
    store.open_meeting(c, day(), None, &m).unwrap();
    // Collective criterion 1 is worth 20 points (40 half-points).
    let over = Score { member: m[0], nomination: NominationId(2), criterion: 1, half_points: 41 };
    let err = store.record_scores(c, None, &[over]).unwrap_err();
    assert!(err.to_string().contains("từ 0 đến 20"), "{err}");
    let bad_criterion = Score { criterion: 8, half_points: 2, ..over };
    assert!(store.record_scores(c, None, &[bad_criterion]).is_err());
    let refused_nomination = Score { nomination: NominationId(3), half_points: 2, ..over };
    assert!(store.record_scores(c, None, &[refused_nomination]).is_err());
    assert!(!store.has_scores(c).unwrap(), "all or none");
}

#[test]
fn an_incomplete_sheet_is_named_and_not_counted() {
    let (mut store, c) = appraised();
    let m = council(&mut store, c, 3);
    store.open_meeting(c, day(), None, &m).unwrap();
    for member in &m {
        let mut sheet = full_sheet(&store, c, *member, |n, _| 20 + n.0);
        if *member == m[2] {
            sheet.retain(|s| !(s.nomination == NominationId(9) && s.criterion == 3));
            for s in &mut sheet {
                s.half_points = 0;
            }
        }
        store.record_scores(c, None, &sheet).unwrap();
    }
    let report = store.ranking(c, None).unwrap();
    let (_, sheet) = report.sheets.iter().find(|(mem, _)| mem.id == m[2]).unwrap();
    assert_eq!(sheet.missing, vec![(NominationId(9), 3)]);
    assert!(report.ranked.iter().all(|r| r.counted == 2 && !r.complete));
    // The zeros of the incomplete sheet did not pull anyone down: nominee 9 keeps 29 half-points
    // on each of its three criteria from each of the two complete sheets.
    let nine = report.ranked.iter().find(|r| r.nomination_id == NominationId(9)).unwrap();
    assert_eq!(nine.average, Some(thidua::council::Average { sum: 174, count: 2 }));
}

#[test]
fn ballots_over_the_number_present_are_refused_and_the_threshold_is_of_all_members() {
    let (mut store, c) = appraised();
    let m = council(&mut store, c, 9);
    store.open_meeting(c, day(), None, &m[..7]).unwrap();
    let err = store.record_votes(c, NominationId(1), VoteCount { agree: 6, disagree: 1, blank: 1 }).unwrap_err();
    assert!(err.to_string().contains("nhiều hơn số thành viên có mặt (7)"), "{err}");
    store.record_votes(c, NominationId(1), VoteCount { agree: 4, disagree: 3, blank: 0 }).unwrap();
    store.record_votes(c, NominationId(2), VoteCount { agree: 5, disagree: 2, blank: 0 }).unwrap();
    let votes = store.ranking(c, None).unwrap().votes;
    assert!(!votes[&NominationId(1)].1, "4 of 9 is not more than half of all members");
    assert!(votes[&NominationId(2)].1);
}

#[test]
fn the_shortlist_takes_three_refuses_a_fourth_and_a_refused_nomination_and_asks_why_at_a_tie() {
    let (mut store, c) = appraised();
    let m = council(&mut store, c, 3);
    store.open_meeting(c, day(), None, &m).unwrap();
    // Averages: 9 > 1 > 7 = 11 > 4 > 2 (7 and 11 tie for third place).
    let points = |n: NominationId, _| match n.0 {
        9 => 30,
        1 => 28,
        7 | 11 => 26,
        4 => 20,
        _ => 10,
    };
    for member in &m {
        let sheet = full_sheet(&store, c, *member, points);
        store.record_scores(c, None, &sheet).unwrap();
    }
    let ranked = store.ranking(c, Some(NomineeKind::Individual)).unwrap().ranked;
    let ranks: Vec<(i64, Option<u32>)> = ranked.iter().map(|r| (r.nomination_id.0, r.rank)).collect();
    assert_eq!(ranks, vec![(9, Some(1)), (1, Some(2)), (7, Some(3)), (11, Some(3))]);

    store.shortlist_add(c, NominationId(9), None).unwrap();
    store.shortlist_add(c, NominationId(1), None).unwrap();
    let tie = store.shortlist_add(c, NominationId(7), None).unwrap_err();
    assert_eq!(tie.code(), "shortlist_reason_required");
    assert!(tie.to_string().contains("số 11 (Đàm Văn Đạt)"), "{tie}");
    store.shortlist_add(c, NominationId(7), Some("Hội đồng biểu quyết chọn: 3/3 phiếu đồng ý")).unwrap();
    let fourth = store.shortlist_add(c, NominationId(11), Some("x")).unwrap_err();
    assert_eq!(fourth.code(), "shortlist_full");
    assert!(fourth.to_string().contains("tối đa 03"), "{fourth}");
    let list = store.shortlist(c).unwrap();
    assert_eq!(list.len(), 3);
    let nine = store.nomination(NominationId(9)).unwrap().name;
    let found = store.search(&nine).unwrap().into_iter().find(|h| h.nomination.id == NominationId(9)).unwrap();
    assert!(found.award.unwrap().ends_with("; được Hội đồng đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"));
    assert_eq!(list[2].reason.as_deref(), Some("Hội đồng biểu quyết chọn: 3/3 phiếu đồng ý"));

    // A shortlisted nominee's appraisal cannot change under the council's choice.
    for err in [
        store.refuse(NominationId(1), Reason::CriteriaNotMet, "x").unwrap_err(),
        store.reopen(NominationId(1)).unwrap_err(),
    ] {
        assert_eq!(err.code(), "appraisal_locked");
        assert!(err.to_string().contains("bỏ hồ sơ khỏi danh sách trước"), "{err}");
    }
    // A shortlisted nominee's name can be corrected, but not so that it would no longer be accepted,
    // and a scored nominee's kind cannot change.
    let listed = store.nomination(NominationId(1)).unwrap();
    let mut item = thidua::model::NewNomination {
        unit: listed.unit,
        kind: listed.kind,
        name: format!("{} ", listed.name),
        gender: listed.gender,
        position: listed.position.clone(),
        submitted_at: listed.submitted_at,
        parts: listed.parts,
        summary: listed.summary.clone(),
        women_percent: None,
    };
    store.correct_nomination(NominationId(1), &item).unwrap();
    item.submitted_at = "2024-01-06T08:00:00+07:00".parse().unwrap();
    let late = store.correct_nomination(NominationId(1), &item).unwrap_err();
    assert_eq!(late.code(), "appraisal_locked");
    assert!(late.to_string().contains("không còn đạt"), "{late}");
    item.submitted_at = listed.submitted_at;
    item.kind = NomineeKind::Collective;
    let kind = store.correct_nomination(NominationId(1), &item).unwrap_err();
    assert!(kind.to_string().contains("đã được chấm điểm"), "{kind}");
    assert_eq!(store.nomination(NominationId(1)).unwrap(), listed);

    store.shortlist_remove(c, NominationId(1)).unwrap();
    store.reopen(NominationId(1)).unwrap();
    store.accept(NominationId(1)).unwrap();
    let refused = store.shortlist_add(c, NominationId(3), Some("x")).unwrap_err();
    assert_eq!(refused.code(), "shortlist_not_accepted");
    assert!(refused.to_string().contains("Không tiếp nhận"), "{refused}");
}

#[test]
fn a_nomination_refused_at_appraisal_cannot_be_shortlisted() {
    let (mut store, c) = appraised();
    store.refuse(NominationId(11), Reason::CriteriaNotMet, "Thành tích chưa tiêu biểu").unwrap();
    let m = council(&mut store, c, 3);
    store.open_meeting(c, day(), None, &m).unwrap();
    for id in [11, 6] {
        let err = store.shortlist_add(c, NominationId(id), Some("x")).unwrap_err();
        assert_eq!(err.code(), "shortlist_not_accepted", "{id}");
    }
    assert!(store.shortlist(c).unwrap().is_empty());
}

#[test]
fn the_scores_command_refuses_a_bad_file_whole_with_rows_and_columns() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("council.sqlite3");
    for args in [
        vec!["init", "--example"],
        vec!["import", fixture("nominations-example.csv").to_str().unwrap()],
        vec!["appraise", "--accept-all"],
        vec!["members", "add", "Hà Kim Oanh", "--role", "Chủ tịch Hội đồng"],
        vec!["members", "add", "Đinh Thị Thu"],
        vec!["members", "add", "Lý Thị Hằng", "--role", "Ủy viên thư ký"],
    ] {
        let o = cli(&db, &args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    }
    let bad = dir.path().join("diem.csv");
    std::fs::write(
        &bad,
        "Thành viên,Hồ sơ,Tiêu chí,Điểm\nHà Kim Oanh,2,1,18\nNgười Lạ,2,1,10\nĐinh Thị Thu,3,1,10\nLý Thị Hằng,2,9,10\nHà Kim Oanh,4,1,20,5\nHà Kim Oanh,4,2,\"12,3\"\n",
    )
    .unwrap();
    let o = cli(&db, &["scores", "import", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    for expected in [
        "Dòng 3, cột «Thành viên»: «Người Lạ» không có trong danh sách",
        "Dòng 4, cột «Hồ sơ»: hồ sơ số 3 không thuộc danh sách được thẩm định đạt",
        "Dòng 5, cột «Tiêu chí»: «9» không phải tiêu chí của tập thể: phiếu chấm ghi các tiêu chí 1, 2, 3, 4, 5, 6, 7.",
        "Dòng 7, cột «Điểm»: «12,3» không phải số điểm hợp lệ",
    ] {
        assert!(e.contains(expected), "missing «{expected}» in:\n{e}");
    }
    let ranking = cli(&db, &["ranking", "--json"]);
    let v: Vec<serde_json::Value> = serde_json::from_str(&stdout(&ranking)).unwrap();
    assert!(v.iter().all(|r| r["average"].is_null()), "nothing was recorded");
    let meeting = cli(&db, &["meeting"]);
    assert!(stdout(&meeting).contains("Chưa có cuộc họp nào đang mở"), "no meeting was opened either");
}

#[test]
fn the_ranking_command_prints_the_fields_scripts_rely_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rank.sqlite3");
    for args in [
        vec!["init", "--example"],
        vec!["import", fixture("nominations-example.csv").to_str().unwrap()],
        vec!["appraise", "--accept-all"],
        vec!["members", "add", "Hà Kim Oanh", "--role", "chu tich hoi dong"],
    ] {
        assert!(cli(&db, &args).status.success());
    }
    let file = dir.path().join("diem.csv");
    let mut text = String::from("Thành viên,Hồ sơ,Tiêu chí,Điểm\n");
    for (id, n) in [(1, 3), (2, 7), (4, 7), (7, 3), (9, 3), (11, 3)] {
        for k in 1..=n {
            text.push_str(&format!("Hà Kim Oanh,{id},{k},{}\n", if id == 9 { "10" } else { "5,5" }));
        }
    }
    std::fs::write(&file, text).unwrap();
    let o = cli(&db, &["scores", "import", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Hà Kim Oanh: phiếu chấm đủ."));
    let o = cli(&db, &["ranking", "--kind", "individual", "--json"]);
    let v: Vec<serde_json::Value> = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v.len(), 4);
    assert_eq!(v[0]["nomination_id"], 9);
    assert_eq!(v[0]["name"], "Triệu Thị Yến");
    assert_eq!(v[0]["kind"], "individual");
    assert_eq!(v[0]["average"], 30.0);
    assert_eq!(v[0]["rank"], 1);
    assert_eq!(v[0]["complete"], true);
    assert_eq!(v[1]["rank"], 2);
    assert_eq!(v[3]["rank"], 2, "three equal averages share rank 2");
}

#[test]
fn a_member_who_left_is_taken_off_so_quorum_counts_only_the_members_there_are() {
    let (mut store, c) = appraised();
    let m = council(&mut store, c, 4);
    // A typo in a name, and a role, corrected.
    store.update_member(m[3], "Nguyễn Văn  Bình", Some("Trưởng phòng Nội vụ"), CouncilRole::SecretaryMember).unwrap();
    let corrected = store.members(c).unwrap().into_iter().find(|x| x.id == m[3]).unwrap();
    assert_eq!((corrected.name.as_str(), corrected.role), ("Nguyễn Văn Bình", CouncilRole::SecretaryMember));
    let taken = store.update_member(m[2], "nguyen van binh", None, CouncilRole::Member).unwrap_err();
    assert_eq!(taken.code(), "duplicate_member");

    // Member 3 has left: with 3 members left, 2 present make the quorum of 2/3.
    let meeting_of = |store: &mut Store, present: &[MemberId]| {
        store.open_meeting(c, day(), None, present).unwrap();
        let meeting = store.current_meeting(c).unwrap().unwrap();
        let quorum = store.quorum(c, &meeting).unwrap();
        store.close_meeting(c).unwrap();
        quorum
    };
    store.remove_member(m[2]).unwrap();
    assert_eq!(store.members(c).unwrap().len(), 3);
    let (met, needed, members) = meeting_of(&mut store, &[m[0], m[1]]);
    assert_eq!((met, needed, members), (true, 2, 3));

    // Once a member has attended, the records keep them.
    let refused = store.remove_member(m[1]).unwrap_err();
    assert!(refused.to_string().contains("Thành viên 2 đã dự họp"), "{refused}");
    assert_eq!(store.members(c).unwrap().len(), 3);
    assert_eq!(store.remove_member(m[2]).unwrap_err().code(), "unknown_member");
}
