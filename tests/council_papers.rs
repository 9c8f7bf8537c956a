//! The council's papers rendered from a real meeting and read back with poppler: the minutes
//! (attendance, quorum, results with shared ranks and ballots, the Giấy khen list, the shortlist
//! with its reason, the two signatures), the proposal to the province, and score sheets printed
//! for the council's members.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod pdf;

use chrono::NaiveDate;
use common::{cli, fixture, stderr};
use pdf::{assert_qpdf_clean, flat, line_of, pages, sample, text, words, write, PT_PER_MM};
use thidua::app::papers::render_campaign as render;
use thidua::council::Score;
use thidua::documents::{DocumentKind, PrintOptions};
use thidua::model::{Campaign, CouncilRole, MemberId, NominationId, VoteCount};
use thidua::Store;
use unicode_normalization::UnicodeNormalization;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 8).unwrap()
}

/// Three members; the secretary's name is typed decomposed (NFD), as some keyboards send it.
/// Two of them head units that nominated; the secretary clears those recusals here (the
/// recusal tests keep them), so that every member scores every nominee.
fn council(store: &mut Store, c: &Campaign) -> Vec<MemberId> {
    let ids = council_recused(store, c);
    for line in store.recusal_lines(c.id).unwrap() {
        store.set_recusal(c.id, line.member, line.nomination, false).unwrap();
    }
    ids
}

/// The same council, recusals as the members' positions imply them.
fn council_recused(store: &mut Store, c: &Campaign) -> Vec<MemberId> {
    let secretary: String = "Lý Thị Hằng".nfd().collect();
    vec![
        store.add_member(c.id, "Hà Kim Oanh", Some("Chủ tịch UBND huyện"), CouncilRole::Chair).unwrap(),
        store.add_member(c.id, "Lương Văn Tú", Some("Trưởng phòng Tài chính - Kế hoạch"), CouncilRole::Member).unwrap(),
        store.add_member(c.id, &secretary, Some("Trưởng phòng Nội vụ"), CouncilRole::SecretaryMember).unwrap(),
    ]
}

/// Half-points per criterion: averages 4 → 70,00; 9 → 45,00; 1 → 42,00; 7 = 11 → 39,00; 2 → 35,00.
fn points(n: NominationId) -> i64 {
    match n.0 {
        9 => 30,
        1 => 28,
        7 | 11 => 26,
        4 => 20,
        _ => 10,
    }
}

/// The sample appraised, a council of three meeting in full, every sheet complete, votes on
/// all but one nominee, and a shortlist of three where the third needed the council's reason.
fn held_meeting() -> (Store, Campaign) {
    let (mut store, c) = sample();
    hold_meeting(&mut store, &c);
    (store, c)
}

/// As `held_meeting`, on a campaign already appraised.
fn hold_meeting(store: &mut Store, c: &Campaign) {
    hold_meeting_from(store, c, None);
}

/// As `hold_meeting`, noting the hour the meeting started.
fn hold_meeting_from(store: &mut Store, c: &Campaign, started: Option<chrono::NaiveTime>) {
    let m = council(store, c);
    store.open_meeting_at(c.id, day(), started, Some("Phòng họp số 1, Ủy ban nhân dân huyện"), &m).unwrap();
    score_every_sheet(store, c, &m, |_, n| points(n));
    for (id, agree, disagree, blank) in [(4, 3, 0, 0), (9, 3, 0, 0), (1, 2, 1, 0), (7, 3, 0, 0), (11, 1, 1, 1)] {
        store.record_votes(c.id, NominationId(id), VoteCount { agree, disagree, blank }).unwrap();
    }
    store.shortlist_add(c.id, NominationId(4), None).unwrap();
    store.shortlist_add(c.id, NominationId(9), None).unwrap();
    store.shortlist_add(c.id, NominationId(7), Some("Hội đồng biểu quyết chọn: 3/3 phiếu đồng ý")).unwrap();
}

/// Each member's whole sheet, `points(member, nominee)` half-points a criterion (capped at its
/// maximum), leaving out the nominees the member is recused for.
fn score_every_sheet(
    store: &mut Store,
    c: &Campaign,
    members: &[MemberId],
    points: impl Fn(MemberId, NominationId) -> i64,
) {
    let nominees = store.nominees(c.id, None).unwrap();
    let recused = store.recusals(c.id).unwrap();
    for member in members {
        let sheet: Vec<Score> = nominees
            .iter()
            .filter(|n| !recused.is(*member, n.id))
            .flat_map(|n| {
                c.criteria.for_kind(n.kind).iter().map(|k| Score {
                    member: *member,
                    nomination: n.id,
                    criterion: k.number,
                    half_points: points(*member, n.id).min(k.max_half_points),
                })
            })
            .collect();
        store.record_scores(c.id, None, &sheet).unwrap();
    }
}

/// Every word of every page lies between the left (30 mm) and right (15 mm) margins.
fn assert_within_margins(pdf: &std::path::Path) {
    for p in 1..=pages(pdf) {
        for w in words(pdf, p) {
            assert!(w.x0 >= 30.0 * PT_PER_MM - 0.5 && w.x1 <= 195.0 * PT_PER_MM + 0.5, "page {p}: {w:?}");
        }
    }
}

fn is_nfc(s: &str) -> bool {
    s.nfc().collect::<String>() == s
}

#[test]
fn the_minutes_record_attendance_quorum_results_and_the_shortlist_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (store, c) = held_meeting();
    let pdf = write(&store, &c, DocumentKind::Minutes, &PrintOptions::default(), dir.path());
    let raw = text(&pdf, None);
    assert!(is_nfc(&raw));
    let t = flat(&raw);
    for needed in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "ỦY BAN NHÂN DÂN HUYỆN BẠCH THÔNG",
        "KHEN THƯỞNG HUYỆN",
        "/BB-HĐTĐKT",
        "BIÊN BẢN",
        "Họp Hội đồng Thi đua - Khen thưởng huyện xét khen thưởng Đợt thi đua “Đẩy mạnh cải cách hành chính",
        "Thời gian bắt đầu: giờ phút, ngày 08 tháng 01 năm 2024.",
        "Địa điểm: Phòng họp số 1, Ủy ban nhân dân huyện.",
        "Chủ trì (chủ tọa): Hà Kim Oanh, Chủ tịch UBND huyện, Chủ tịch Hội đồng.",
        "Thư ký (người ghi biên bản): Lý Thị Hằng, Trưởng phòng Nội vụ, Ủy viên thư ký.",
        "Thành viên Hội đồng có mặt: 03/03 thành viên",
        "+ Lương Văn Tú, Trưởng phòng Tài chính - Kế hoạch, Ủy viên;",
        "Vắng mặt: không.",
        "Phiếu biểu quyết là về việc đề nghị cấp trên khen thưởng",
        "(02 tập thể, 04 cá nhân):",
        "Số thành viên dự họp là 03/03, đủ số lượng (ít nhất 2/3 tổng số thành viên Hội đồng, tức 02 thành viên",
        "Cuộc họp đủ điều kiện tiến hành.",
        "đã nhận 11 hồ sơ đề nghị, trong đó 06 hồ sơ thẩm định đạt (02 tập thể, 04 cá nhân)",
        "điểm trung bình tính trên 03 phiếu chấm đầy đủ",
        "trên 1/2 tổng số thành viên Hội đồng đồng ý (ít nhất 02/03 phiếu)",
        "3. Danh sách đề nghị tặng Giấy khen.",
        "đề nghị Chủ tịch Ủy ban nhân dân huyện Bạch Thông tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện",
        // A position that names its unit is not followed by the unit again (issue: «Phó Bí thư
        // Huyện đoàn, Huyện đoàn», «Chủ tịch UBND xã, Xã Cẩm Giàng»).
        "Bà Triệu Thị Yến, Phó Bí thư Huyện đoàn;",
        "4. Danh sách đề nghị tặng Bằng khen.",
        "Hội đồng lựa chọn 03 tập thể, cá nhân (tối đa 03)",
        "1. Phòng Tài chính - Kế hoạch (điểm trung bình 70,00, xếp hạng 1).",
        "2. Bà Triệu Thị Yến, Phó Bí thư Huyện đoàn (điểm trung bình 45,00, xếp hạng 2).",
        "3. Ông Ma Văn Lành, Chủ tịch UBND xã Cẩm Giàng (điểm trung bình 39,00, xếp hạng 4, đồng hạng). \
         Lý do Hội đồng lựa chọn: Hội đồng biểu quyết chọn: 3/3 phiếu đồng ý.",
        "Cuộc họp kết thúc vào hồi giờ phút cùng ngày.",
        "Nơi nhận:",
        "- Thành viên Hội đồng;",
        "- Lưu: VT, NV.",
    ] {
        assert!(t.contains(needed), "missing «{needed}» in:\n{raw}");
    }
    assert!(!t.contains("không đủ"), "a meeting in full is not said to lack its quorum");
    assert!(t.contains("2. Ủy ban nhân dân xã Quân Hà;"), "a collective's name that says its unit stands alone");
    assert!(!t.contains("Quân Hà, Xã Quân Hà"));
    assert!(!t.contains("Huyện đoàn, Huyện đoàn") && !t.contains("xã, Xã"), "{t}");
    let n = pages(&pdf);
    // Attendance and results, the chart of members' totals, the lists and the signatures.
    assert_eq!(n, 3);
    assert_within_margins(&pdf);

    // The results table: one line per nominee with its average, rank and ballots.
    let mut all = Vec::new();
    for p in 1..=n {
        all.extend(words(&pdf, p).into_iter().map(|w| (p, w)));
    }
    // The first line of the table row where `name` first appears, left to right.
    let row_of = |name: &str| -> String {
        let (p, w) = all.iter().find(|(_, w)| w.text == name).unwrap_or_else(|| panic!("no «{name}»"));
        let mut line: Vec<&pdf::Word> =
            all.iter().filter(|(q, o)| q == p && (o.y0 - w.y0).abs() < 1.0).map(|(_, o)| o).collect();
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        line.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")
    };
    let yen = row_of("Yến");
    assert!(yen.starts_with("2 Bà Triệu Thị Yến") && yen.contains("45,00") && yen.ends_with("3 0 0 Đủ tỷ lệ"), "{yen}");
    let dat = row_of("Đàm");
    assert!(dat.contains("39,00 4, đồng") && dat.ends_with("1 1 1 Không"), "{dat}");
    let quan_ha = all.iter().any(|(_, w)| w.text == "Chưa");
    assert!(quan_ha, "the nominee without a vote says it was not voted on");

    // Secretary on the left, chair on the right, on one line; their names under them.
    let last = words(&pdf, n);
    let titles = line_of(&last, "THƯ");
    let texts: Vec<&str> = titles.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(texts, ["THƯ", "KÝ", "CHỦ", "TỌA"]);
    let oanh = last.iter().find(|w| w.text == "Oanh" && w.y0 > titles[0].y1).unwrap();
    let hang = last.iter().find(|w| w.text == "Hằng" && w.y0 > titles[0].y1).unwrap();
    assert!(hang.x1 < titles[2].x0 && oanh.x0 > titles[1].x1, "{hang:?} {oanh:?}");
    assert!((oanh.y0 - hang.y0).abs() < 1.0);
    assert_qpdf_clean(&pdf);
}

#[test]
fn a_meeting_without_quorum_says_so_and_that_its_results_do_not_count() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, c) = sample();
    let m = council(&mut store, &c);
    store.open_meeting(c.id, day(), None, &m[..1]).unwrap();
    let pdf = write(&store, &c, DocumentKind::Minutes, &PrintOptions::default(), dir.path());
    let t = flat(&text(&pdf, None));
    for needed in [
        "Thành viên Hội đồng có mặt: 01/03 thành viên",
        "Vắng mặt: 02 thành viên, gồm Lương Văn Tú",
        "Số thành viên dự họp là 01/03, không đủ số lượng (ít nhất 2/3 tổng số thành viên Hội đồng, tức 02",
        "Cuộc họp không đủ điều kiện tiến hành; các kết quả ghi dưới đây không có giá trị",
        "Địa điểm: ....",
        "Thư ký (người ghi biên bản): ....",
        "Hội đồng không lựa chọn tập thể, cá nhân nào để đề nghị tặng Bằng khen",
    ] {
        assert!(t.contains(needed), "missing «{needed}» in:\n{t}");
    }
    assert!(!t.contains("Cuộc họp đủ điều kiện"), "{t}");
    let err = render(&store, &c, DocumentKind::Proposal, &PrintOptions::default()).unwrap_err();
    assert_eq!(err.code(), "empty_shortlist");
    assert!(err.to_string().contains("Danh sách đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh đang trống"));
    assert_qpdf_clean(&pdf);
}

#[test]
fn a_vice_chair_chairs_and_signs_when_the_chair_is_absent() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, c) = sample();
    let mut m = council(&mut store, &c);
    m.push(store.add_member(c.id, "Nông Văn Khánh", Some("Phó Chủ tịch UBND huyện"), CouncilRole::ViceChair).unwrap());
    store.open_meeting(c.id, day(), None, &m[1..]).unwrap();
    let pdf = write(&store, &c, DocumentKind::Minutes, &PrintOptions::default(), dir.path());
    let t = flat(&text(&pdf, None));
    assert!(t.contains("Chủ trì (chủ tọa): Nông Văn Khánh, Phó Chủ tịch UBND huyện, Phó Chủ tịch Hội đồng."), "{t}");
    assert!(t.contains("Vắng mặt: 01 thành viên, gồm Hà Kim Oanh, Chủ tịch UBND huyện, Chủ tịch Hội đồng."), "{t}");
    assert!(t.contains("Số thành viên dự họp là 03/04, đủ số lượng"), "{t}");
    let last = words(&pdf, pages(&pdf));
    let chair_title = line_of(&last, "THƯ").into_iter().find(|w| w.text == "TỌA").unwrap().clone();
    let khanh = last.iter().find(|w| w.text == "Khánh" && w.y0 > chair_title.y1).unwrap();
    assert!(khanh.x0 > last.iter().find(|w| w.text == "THƯ").unwrap().x1, "the vice chair signs on the right");
}

#[test]
fn no_paper_of_the_council_before_it_has_met() {
    let (store, c) = sample();
    for kind in [DocumentKind::Minutes, DocumentKind::Proposal] {
        let err = render(&store, &c, kind, &PrintOptions::default()).unwrap_err();
        assert_eq!(err.code(), "no_meeting_record", "{kind:?}");
        assert!(err.to_string().starts_with("Chưa có cuộc họp Hội đồng nào"), "{err}");
    }
}

#[test]
fn the_proposal_asks_the_province_for_the_three_shortlisted_with_their_achievements() {
    let dir = tempfile::tempdir().unwrap();
    let (store, c) = held_meeting();
    let pdf = write(&store, &c, DocumentKind::Proposal, &PrintOptions::default(), dir.path());
    let raw = text(&pdf, None);
    assert!(is_nfc(&raw));
    let t = flat(&raw);
    for needed in [
        "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN",
        "ỦY BAN NHÂN DÂN HUYỆN BẠCH THÔNG",
        "Số: /TTr-UBND",
        "Bạch Thông, ngày tháng năm 2024",
        "TỜ TRÌNH",
        "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho các tập thể, cá nhân",
        "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn.",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        // The province's plan the proposal answers (the seed, III.1).
        "Căn cứ Kế hoạch số 680/KH-UBND ngày 10/10/2023 của Ủy ban nhân dân tỉnh Bắc Kạn",
        "Căn cứ Kế hoạch số /KH-UBND tháng 10 năm 2023 của Ủy ban nhân dân huyện Bạch Thông",
        "Căn cứ kết quả cuộc họp Hội đồng Thi đua - Khen thưởng huyện ngày 08 tháng 01 năm 2024,",
        "Ủy ban nhân dân huyện Bạch Thông kính trình Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn xem xét, tặng Bằng khen \
         cho 01 tập thể và 02 cá nhân",
        "Tóm tắt thành tích",
        "Giải ngân vốn đầu tư công đạt 97% kế hoạch.",
        "70,00",
        "45,00",
        "39,00",
        "xem xét, quyết định./.",
        "- Như trên;",
        "- Sở Nội vụ tỉnh (Ban Thi đua - Khen thưởng);",
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH",
        "Nông Văn Khánh",
    ] {
        assert!(t.contains(needed), "missing «{needed}» in:\n{raw}");
    }
    for name in ["Bà Triệu Thị Yến", "Ông Ma Văn Lành", "Phó Bí thư", "Chủ tịch UBND xã"] {
        assert!(t.contains(name), "missing «{name}»");
    }
    for not_shortlisted in ["Nguyễn Thị Hường", "Đàm Văn Đạt", "42,00"] {
        assert!(!t.contains(not_shortlisted), "«{not_shortlisted}» was not shortlisted");
    }
    assert_eq!(pages(&pdf), 2);
    assert_within_margins(&pdf);
    assert_qpdf_clean(&pdf);
}

#[test]
fn score_sheets_are_printed_for_each_council_member_with_their_role() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, c) = sample();
    let blank = write(&store, &c, DocumentKind::ScoreSheets, &PrintOptions::default(), dir.path());
    let one = pages(&blank);
    assert!(flat(&text(&blank, None)).contains("Họ và tên thành viên Hội đồng: ...."));
    std::fs::remove_file(&blank).unwrap();
    council(&mut store, &c);
    let pdf = write(&store, &c, DocumentKind::ScoreSheets, &PrintOptions::default(), dir.path());
    assert_eq!(pages(&pdf), 3 * one);
    for (i, (name, role)) in
        [("Hà Kim Oanh", "Chủ tịch Hội đồng"), ("Lương Văn Tú", "Ủy viên"), ("Lý Thị Hằng", "Ủy viên thư ký")]
            .iter()
            .enumerate()
    {
        let first = i * one + 1;
        let t = flat(&text(&pdf, Some((first, first))));
        assert!(t.contains(&format!("Họ và tên thành viên Hội đồng: {name}")), "sheet {i}: {t}");
        assert!(t.contains(&format!("Chức danh trong Hội đồng: {role}")), "sheet {i}: {t}");
        assert!(t.contains("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG HUYỆN"), "{t}");
    }
    // Names typed on the command line still win over the council's list.
    let named = PrintOptions { members: vec!["Người Khác".into()], ..PrintOptions::default() };
    let bytes = render(&store, &c, DocumentKind::ScoreSheets, &named).unwrap();
    let path = dir.path().join("named.pdf");
    std::fs::write(&path, bytes).unwrap();
    assert_eq!(pages(&path), one);
    assert!(flat(&text(&path, None)).contains("Họ và tên thành viên Hội đồng: Người Khác"));
    assert_qpdf_clean(&pdf);
}

#[test]
fn the_print_command_writes_the_minutes_and_explains_a_missing_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("papers.sqlite3");
    let out = dir.path().join("bien-ban.pdf");
    let out_arg = out.to_str().unwrap();
    for args in [
        vec!["init", "--example"],
        vec!["import", fixture("nominations-example.csv").to_str().unwrap()],
        vec!["appraise", "--accept-all"],
        vec!["members", "add", "Hà Kim Oanh", "--role", "Chủ tịch Hội đồng"],
        vec!["members", "add", "Lý Thị Hằng", "--role", "Ủy viên thư ký"],
    ] {
        let o = cli(&db, &args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    }
    let o = cli(&db, &["print", "minutes", "--out", out_arg]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Chưa có cuộc họp Hội đồng nào nên chưa lập được biên bản"), "{}", stderr(&o));
    assert!(!out.exists());
    let o = cli(&db, &["meeting", "open", "--date", "2024-01-08", "--place", "Hội trường"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = cli(&db, &["print", "minutes", "--out", out_arg]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(flat(&text(&out, None)).contains("Địa điểm: Hội trường."));
    let o = cli(&db, &["print", "proposal", "--out", dir.path().join("to-trinh.pdf").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("đang trống nên chưa lập được tờ trình"), "{}", stderr(&o));
}

#[test]
fn a_campaign_file_without_council_settings_prints_both_papers_with_plain_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let mut def: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/campaigns/bach-thong-q4-2023.json"))
            .unwrap(),
    )
    .unwrap();
    for key in ["council", "proposal"] {
        assert!(def.as_object_mut().unwrap().remove(key).is_some(), "{key}");
    }
    let def = thidua::exchange::parse_definition(&def.to_string()).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    store.create_campaign(&def).unwrap();
    let c = store.campaign(None).unwrap();
    thidua::app::intake::import_nominations(&mut store, &c, &fixture("nominations-example.csv")).unwrap();
    store.accept_all(c.id).unwrap();
    hold_meeting(&mut store, &c);

    let minutes = flat(&text(&write(&store, &c, DocumentKind::Minutes, &PrintOptions::default(), dir.path()), None));
    assert!(minutes.contains("/BB "), "{minutes}");
    assert!(minutes.contains("Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng"), "{minutes}");
    assert!(!minutes.contains("Nơi nhận"), "no recipients are set: {minutes}");
    let proposal = flat(&text(&write(&store, &c, DocumentKind::Proposal, &PrintOptions::default(), dir.path()), None));
    assert!(proposal.contains("/TTr "), "{proposal}");
    assert!(!proposal.contains("Kính gửi"), "{proposal}");
    assert!(proposal.contains("kính trình cấp có thẩm quyền xem xét"), "{proposal}");
    assert!(proposal.contains("Nông Văn Khánh"), "the decision's signer signs: {proposal}");
    assert!(!proposal.contains("TM."), "{proposal}");
}

#[test]
fn the_minutes_give_the_hours_the_meeting_started_and_ended_when_they_were_noted() {
    let dir = tempfile::tempdir().unwrap();
    let at = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
    let (mut store, c) = sample();
    hold_meeting_from(&mut store, &c, Some(at(14, 0)));
    let early = store.close_meeting_at(c.id, Some(at(13, 45))).unwrap_err();
    assert!(early.to_string().contains("giờ kết thúc 13:45 trước giờ bắt đầu 14:00"), "{early}");
    store.close_meeting_at(c.id, Some(at(16, 30))).unwrap();
    let pdf = write(&store, &c, DocumentKind::Minutes, &PrintOptions::default(), dir.path());
    let t = flat(&text(&pdf, None));
    assert!(t.contains("Thời gian bắt đầu: 14 giờ 00 phút, ngày 08 tháng 01 năm 2024."), "{t}");
    assert!(t.contains("Cuộc họp kết thúc vào hồi 16 giờ 30 phút cùng ngày."), "{t}");
    // The hours are in the audit trail with the meeting.
    let log = store.audit_lines_for_campaign(c.id).unwrap();
    let closed = log.iter().rev().find(|l| l.subject.starts_with("Phiên họp Hội đồng")).unwrap();
    assert!(closed.changes_text().contains("Giờ kết thúc: (trống) → 16:30"), "{closed:?}");
}

#[test]
fn after_the_shortlist_the_next_step_is_the_decision_then_the_certificates() {
    use thidua::rules::workflow::NextStep;
    let (mut store, c) = held_meeting();
    assert_eq!(store.overview(c.id).unwrap().next_step, NextStep::Decision);
    let signed = thidua::model::DecisionRecord {
        number: 25,
        signed_on: chrono::NaiveDate::from_ymd_opt(2024, 1, 10).unwrap(),
        signer: None,
    };
    store.set_decision(c.id, &signed).unwrap();
    let next = store.overview(c.id).unwrap().next_step;
    assert_eq!(next, NextStep::Certificates);
    assert_eq!(next.label(), "In Giấy khen, Tờ trình đề nghị cấp trên và Biên bản họp Hội đồng");
}

/// The council's name in the header breaks at a word boundary that keeps «THI ĐUA - KHEN THƯỞNG»
/// whole: no header line ends or starts with the dash, for a district or a commune council.
#[test]
fn the_councils_name_in_the_header_keeps_thi_dua_khen_thuong_together() {
    for council_name in ["Hội đồng Thi đua - Khen thưởng huyện", "Hội đồng Thi đua - Khen thưởng xã"]
    {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, c) = held_meeting();
        let mut settings = c.settings.clone();
        settings.council.name = council_name.into();
        store.update_settings(c.id, &settings).unwrap();
        let c = store.campaign(None).unwrap();
        let pdf = write(&store, &c, DocumentKind::Minutes, &PrintOptions::default(), dir.path());
        let ws = words(&pdf, 1);
        let dash = ws
            .iter()
            .position(|w| {
                w.text == "-"
                    && ws.get(ws.iter().position(|o| std::ptr::eq(o, w)).unwrap() + 1).is_some_and(|n| n.text == "KHEN")
            })
            .unwrap_or_else(|| panic!("no «- KHEN» in {ws:?}"));
        let same_line = |a: &pdf::Word, b: &pdf::Word| (a.y0 - b.y0).abs() < 1.0;
        for other in &ws[dash - 2..=dash + 2] {
            assert!(
                same_line(&ws[dash], other),
                "«{}» is not on the dash's line: {:?}",
                other.text,
                &ws[dash - 3..=dash + 3]
            );
        }
    }
}

/// The minutes' results table is set in 12 pt, the smallest Decree 30/2020 allows for a table:
/// its words stand as tall as 12/13 of the 13 pt number line's.
#[test]
fn the_minutes_results_table_is_twelve_point() {
    let dir = tempfile::tempdir().unwrap();
    let (store, c) = held_meeting();
    let pdf = write(&store, &c, DocumentKind::Minutes, &PrintOptions::default(), dir.path());
    let ws = words(&pdf, 1);
    let height = |text: &str| {
        let w = ws.iter().find(|w| w.text == text).unwrap_or_else(|| panic!("no «{text}»"));
        w.y1 - w.y0
    };
    let ratio = height("STT") / height("Số:");
    assert!((ratio - 12.0 / 13.0).abs() < 0.02, "table at {:.1} pt", ratio * 13.0);
}

/// A score table's header line as read from the PDF: its height on the page, each criterion's
/// label, centre and maximum, and the right end of the dossier number's column.
type Header = (f64, Vec<(String, f64, i64)>, f64);

/// The score sheets and the scores file are one definition: print the sheets, fill each member's
/// sheet from what the PDF says (the member's name, each row's dossier number, each column's
/// criterion label and maximum), type it into a file with the sheet's own headings, import it,
/// and every member's sheet is complete with the points given.
#[test]
fn score_sheets_round_trip_through_the_scores_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, c) = sample();
    let m = council(&mut store, &c);
    store.open_meeting_at(c.id, day(), None, Some("Phòng họp số 1"), &m).unwrap();
    let pdf = write(&store, &c, DocumentKind::ScoreSheets, &PrintOptions::default(), dir.path());

    let mut csv = String::from("Thành viên,Hồ sơ số,Tiêu chí,Điểm\n");
    let mut expected: std::collections::BTreeMap<(String, i64), i64> = Default::default();
    let mut member = String::new();
    let mut cells = 0;
    for page in 1..=pages(&pdf) {
        let t = flat(&text(&pdf, Some((page, page))));
        if let Some(rest) = t.split("Họ và tên thành viên Hội đồng: ").nth(1) {
            member = rest.split(" Chức danh").next().unwrap().trim().to_string();
        }
        let ws = words(&pdf, page);
        // Header lines: the one with «Tổng»; each criterion is a label followed by «(max)».
        let mut headers: Vec<Header> = Vec::new();
        for total in ws.iter().filter(|w| w.text == "Tổng") {
            let mut line: Vec<&pdf::Word> = ws.iter().filter(|o| (o.y0 - total.y0).abs() < 1.0).collect();
            line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            let mut criteria = Vec::new();
            for pair in line.windows(2) {
                let max = pair[1].text.strip_prefix('(').and_then(|m| m.strip_suffix(')'));
                if let (Some(max), false) = (max, pair[0].text == "Tổng") {
                    criteria.push((pair[0].text.clone(), (pair[0].x0 + pair[1].x1) / 2.0, max.parse::<i64>().unwrap()));
                }
            }
            let first = line.iter().find(|w| w.text == "Hồ").map_or(0.0, |w| w.x1 + 20.0);
            headers.push((total.y0, criteria, first));
        }
        headers.sort_by(|a, b| a.0.total_cmp(&b.0));
        // Rows: a dossier number in the first column, under the nearest header above it.
        for w in &ws {
            let Ok(id) = w.text.parse::<i64>() else { continue };
            let Some((_, criteria, first_x)) = headers.iter().rev().find(|(y, _, _)| *y < w.y0) else { continue };
            if w.x1 > *first_x || criteria.is_empty() {
                continue;
            }
            for (label, _, max) in criteria {
                let points = (max - id % 7).max(0);
                csv.push_str(&format!("{member},{id},{label},{points}\n"));
                *expected.entry((member.clone(), id)).or_default() += points;
                cells += 1;
            }
        }
    }
    // 2 collectives × 7 criteria and 4 individuals × 3, for each of the three members.
    assert_eq!(cells, 3 * (2 * 7 + 4 * 3), "{csv}");
    assert!(csv.contains(",a,"), "individual criteria are typed as the sheet labels them: {csv}");
    let file = dir.path().join("diem.csv");
    std::fs::write(&file, &csv).unwrap();
    let said = thidua::app::council::import_scores(&mut store, None, &file, day()).unwrap();
    assert_eq!(said.iter().filter(|s| s.ends_with("phiếu chấm đủ.")).count(), 3, "{said:?}");
    let report = thidua::app::council::ranking(&store, None, None).unwrap();
    assert_eq!(report.ranked.len(), 6);
    for r in &report.ranked {
        let sum: i64 = expected.iter().filter(|((_, id), _)| *id == r.nomination_id.0).map(|(_, p)| p).sum();
        let avg = r.average.as_ref().unwrap();
        assert_eq!((avg.sum, avg.count), (2 * sum, 3), "dossier {}", r.nomination_id.0);
    }
}

/// Nominees tied at the last place of the shortlist: the refusal that asks for the council's
/// reason shows the rule for equals, cited from the decree in force on the meeting's day, with
/// each tied nominee's gender, so that the recorded reason can cite it.
#[test]
fn a_tie_at_the_cut_shows_the_rule_for_equals_with_each_nominees_gender() {
    let (mut store, c) = held_meeting();
    store.shortlist_remove(c.id, NominationId(7)).unwrap();
    let e = store.shortlist_add(c.id, NominationId(7), None).unwrap_err().to_string();
    assert!(e.contains("Hội đồng cần chọn và ghi lý do"), "{e}");
    assert!(
        e.contains(
            "lựa chọn cá nhân nữ hoặc tập thể có tỷ lệ nữ từ 70% trở lên để xét khen thưởng (Điều 4 Nghị định số \
             98/2023/NĐ-CP): số 7 Ma Văn Lành – nam; số 1 Nguyễn Thị Hường – nữ."
        ),
        "{e}"
    );
}

/// A member whose position names a nominee's unit is recused for that nominee: left off that
/// member's score sheet, a score from them refused, their sheet complete without it, the
/// nominee's average and vote threshold taken of the others, and the minutes say so. The
/// secretary may clear or set a recusal only before the nominee is scored.
#[test]
fn a_member_linked_to_a_nominees_unit_is_recused_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, c) = sample();
    let m = council_recused(&mut store, &c);
    let lines = store.recusal_lines(c.id).unwrap();
    let pairs: Vec<(i64, i64)> = lines.iter().map(|l| (l.member.0, l.nomination.0)).collect();
    // Lương Văn Tú heads Phòng Tài chính - Kế hoạch (dossier 4), Lý Thị Hằng Phòng Nội vụ (dossier 1).
    assert_eq!(pairs, [(m[1].0, 4), (m[2].0, 1)], "{lines:?}");
    store.open_meeting_at(c.id, day(), None, Some("Phòng họp số 1"), &m).unwrap();

    // The recused member's sheet leaves the nominee out.
    let named = PrintOptions::default();
    let pdf = write(&store, &c, DocumentKind::ScoreSheets, &named, dir.path());
    let t = flat(&text(&pdf, None));
    let tu = t
        .split("Họ và tên thành viên Hội đồng: Lương Văn Tú")
        .nth(1)
        .unwrap()
        .split("Họ và tên thành viên")
        .next()
        .unwrap();
    assert!(!tu.contains("Phòng Tài chính - Kế hoạch") && tu.contains("không chấm điểm hồ sơ số 4"), "{tu}");

    // A score from a recused member is refused; the others score every nominee.
    let refused = store.record_scores(
        c.id,
        None,
        &[Score { member: m[1], nomination: NominationId(4), criterion: 1, half_points: 10 }],
    );
    assert!(refused
        .unwrap_err()
        .to_string()
        .contains("Lương Văn Tú không tham gia chấm điểm, biểu quyết đối với hồ sơ số 4"));
    let chair = m[0];
    score_every_sheet(&mut store, &c, &m, |member, _| if member == chair { 20 } else { 10 });
    let e = store.set_recusal(c.id, m[0], NominationId(4), true).unwrap_err();
    assert_eq!(e.code(), "recusal_after_scoring");
    let report = store.ranking(c.id, None).unwrap();
    assert!(report.sheets.iter().all(|(_, s)| s.complete()), "sheets are complete without the recused nominees");
    let four = report.ranked.iter().find(|r| r.nomination_id == NominationId(4)).unwrap();
    let nine = report.ranked.iter().find(|r| r.nomination_id == NominationId(9)).unwrap();
    assert_eq!((four.counted, nine.counted), (2, 3));

    // Two members vote on dossier 4: three ballots are too many, two agreeing pass (of 2).
    let three = VoteCount { agree: 3, disagree: 0, blank: 0 };
    assert!(store.record_votes(c.id, NominationId(4), three).is_err());
    store.record_votes(c.id, NominationId(4), VoteCount { agree: 2, disagree: 0, blank: 0 }).unwrap();
    assert!(store.ranking(c.id, None).unwrap().votes[&NominationId(4)].1);

    let pdf = write(&store, &c, DocumentKind::Minutes, &PrintOptions::default(), dir.path());
    let t = flat(&text(&pdf, None));
    assert!(
        t.contains(
            "Không tham gia chấm điểm, biểu quyết do có liên quan đến đơn vị của hồ sơ: Lương Văn Tú đối với hồ sơ \
             số 4 (Phòng Tài chính - Kế hoạch); Lý Thị Hằng đối với hồ sơ số 1 (Nguyễn Thị Hường)."
        ),
        "{t}"
    );
    // The chart of members' totals: a collective scored 70 and 35 points is flagged for
    // discussion (over the 20-point threshold); a person scored 30 and 15 points is not.
    assert!(t.contains("Biểu đồ điểm của từng thành viên"), "{t}");
    assert!(t.contains("chênh 35 điểm: thảo luận"), "{t}");
    assert!(t.contains("chênh 15 điểm") && !t.contains("chênh 15 điểm: thảo luận"), "{t}");
    let report = store.ranking(c.id, None).unwrap();
    let four = report.ranked.iter().find(|r| r.nomination_id == NominationId(4)).unwrap();
    assert_eq!((four.totals.clone(), four.spread()), (vec![70, 140], Some(70)));
    assert!(report.disputed(four));

    // The threshold is the council's setting: at 40 points nothing is flagged.
    for bad in ["-3", "abc", "7,3", "1000,5"] {
        let e = thidua::app::council::set_disagreement(&mut store, None, bad).unwrap_err();
        assert_eq!(e.code(), "bad_number", "{bad}");
        assert!(e.to_string().contains("ngưỡng chênh lệch"), "{e}");
    }
    thidua::app::council::set_disagreement(&mut store, None, "40").unwrap();
    let report = store.ranking(c.id, None).unwrap();
    assert!(report.ranked.iter().all(|r| !report.disputed(r)));
    let pdf = write(&store, &c, DocumentKind::Minutes, &PrintOptions::default(), dir.path());
    let t = flat(&text(&pdf, None));
    assert!(t.contains("chênh 35 điểm") && !t.contains("chênh 35 điểm: thảo luận"), "{t}");
    assert!(t.contains("trên 40 điểm được đánh dấu"), "{t}");
}

/// The command line lists recusals and clears one before scoring.
#[test]
fn the_recuse_command_lists_marks_and_clears() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    assert!(cli(&db, &["init", "--example"]).status.success());
    assert!(cli(&db, &["import", fixture("nominations-example.csv").to_str().unwrap()]).status.success());
    assert!(cli(&db, &["appraise", "--accept-all"]).status.success());
    let add = |name: &str, position: &str| {
        let o = cli(&db, &["members", "add", name, "--role", "Ủy viên", "--position", position]);
        assert!(o.status.success(), "{}", stderr(&o));
    };
    add("Hoàng Văn Nam", "Chủ tịch UBND xã Quân Hà");
    add("Lý Thị Hằng", "Trưởng phòng Nội vụ");
    let o = cli(&db, &["recuse"]);
    let said = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(
        said.contains("Hoàng Văn Nam\thồ sơ số 2 (Ủy ban nhân dân xã Quân Hà, Xã Quân Hà)\tchức vụ nêu tên đơn vị"),
        "{said}"
    );
    assert!(said.contains("Lý Thị Hằng\thồ sơ số 1"), "{said}");
    let o = cli(&db, &["recuse", "Lý Thị Hằng", "1", "--clear"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!String::from_utf8_lossy(&o.stdout).contains("Lý Thị Hằng"));
    let o = cli(&db, &["recuse", "hoang van nam", "9"]);
    let said = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(said.contains("Hoàng Văn Nam\thồ sơ số 9 (Triệu Thị Yến, Huyện đoàn)\tthư ký đánh dấu"), "{said}");
    let o = cli(&db, &["recuse", "Người Lạ", "9"]);
    assert!(!o.status.success());

    // The meeting's switches: the threshold, the results on the phones, the lock.
    assert!(cli(&db, &["meeting", "open", "--date", "2024-01-08"]).status.success());
    let o = cli(&db, &["meeting", "threshold", "12,5"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("chênh trên 12,5 điểm"), "{}", stderr(&o));
    let o = cli(&db, &["meeting", "threshold", "nhiều"]);
    assert!(!o.status.success() && stderr(&o).contains("ngưỡng chênh lệch «nhiều»"), "{}", stderr(&o));
    assert!(cli(&db, &["meeting", "results", "--show"]).status.success());
    assert!(cli(&db, &["meeting", "lock"]).status.success());
    let said = String::from_utf8_lossy(&cli(&db, &["meeting"]).stdout).to_string();
    assert!(said.contains("Phiếu chấm đã khóa.") && said.contains("Bảng xếp hạng đang hiện"), "{said}");
    assert!(cli(&db, &["meeting", "results", "--hide"]).status.success());
    let said = String::from_utf8_lossy(&cli(&db, &["meeting"]).stdout).to_string();
    assert!(!said.contains("Bảng xếp hạng đang hiện"), "{said}");
    assert!(!cli(&db, &["meeting", "results"]).status.success(), "--show or --hide is needed");
}
