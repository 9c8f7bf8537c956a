//! Every document rendered from the example campaign (the sample dossiers imported, all received
//! ones accepted) and read back with poppler: the required lines, NFC names, amounts in figures
//! and words, page counts, and the decision's margins and heading positions (Decree 30/2020).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod pdf;

use chrono::NaiveDate;
use pdf::{assert_qpdf_clean, flat, line_of, pages, sample, text, words, write, PT_PER_MM};
use thidua::documents::{DocumentKind, PrintOptions};
use thidua::model::{DecisionRecord, Offset};
use unicode_normalization::UnicodeNormalization;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn is_nfc(s: &str) -> bool {
    s.nfc().collect::<String>() == s
}

#[test]
fn the_draft_decision_leaves_number_and_date_blank_and_states_the_amounts() {
    let dir = tempfile::tempdir().unwrap();
    let (store, campaign) = sample();
    let pdf = write(&store, &campaign, DocumentKind::Decision, &PrintOptions::default(), dir.path());
    let raw = text(&pdf, None);
    assert!(is_nfc(&raw));
    let t = flat(&raw);
    for needed in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN",
        "ỦY BAN NHÂN DÂN HUYỆN BẠCH THÔNG",
        "Số: /QĐ-UBND",
        "Bạch Thông, ngày tháng năm 2024",
        "QUYẾT ĐỊNH Về việc tặng Giấy khen cho các tập thể, cá nhân",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN BẠCH THÔNG",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Kế hoạch số /KH-UBND tháng 10 năm 2023 của Ủy ban nhân dân huyện Bạch Thông",
        "Theo đề nghị của Trưởng phòng Nội vụ.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện cho 02 tập thể và 04 cá nhân",
        "1.080.000 đồng (Một triệu không trăm tám mươi nghìn đồng)",
        "540.000 đồng (Năm trăm bốn mươi nghìn đồng)",
        "Tổng số tiền thưởng là 4.320.000 đồng (Bốn triệu ba trăm hai mươi nghìn đồng)",
        "mức lương cơ sở 1.800.000 đồng áp dụng từ ngày 01/07/2023",
        "Điều 2.",
        "Điều 3.",
        "Nơi nhận:",
        "- Như Điều 3;",
        "- Lưu: VT, NV.",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nông Văn Khánh",
        "DANH SÁCH",
        "(Kèm theo Quyết định số /QĐ-UBND ngày / /2024 của Chủ tịch Ủy ban nhân dân huyện Bạch Thông)",
    ] {
        assert!(t.contains(needed), "missing «{needed}» in:\n{raw}");
    }
    // The blanks are really there to be written in by hand, not collapsed away.
    let p1 = words(&pdf, 1);
    let so = p1.iter().find(|w| w.text == "Số:").unwrap();
    let symbol = p1.iter().find(|w| w.text == "/QĐ-UBND").unwrap();
    assert!(symbol.x0 - so.x1 > 8.0 * PT_PER_MM, "{so:?} {symbol:?}");
    let day = line_of(&p1, "ngày");
    let month = day.iter().find(|w| w.text == "tháng").unwrap();
    assert!(month.x0 - day.iter().find(|w| w.text == "ngày").unwrap().x1 > 5.0 * PT_PER_MM);
    assert_qpdf_clean(&pdf);
}

#[test]
fn the_final_decision_carries_its_number_and_signing_day_and_that_days_salary() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, campaign) = sample();
    store.set_decision(campaign.id, &DecisionRecord { number: 5, signed_on: date(2024, 7, 15), signer: None }).unwrap();
    let pdf = write(&store, &campaign, DocumentKind::Decision, &PrintOptions::default(), dir.path());
    let t = flat(&text(&pdf, None));
    for needed in [
        "Số: 05/QĐ-UBND",
        "Bạch Thông, ngày 15 tháng 7 năm 2024",
        "1.410.000 đồng (Một triệu bốn trăm mười nghìn đồng)",
        "710.000 đồng (Bảy trăm mười nghìn đồng)",
        "Tổng số tiền thưởng là 5.660.000 đồng",
        "mức lương cơ sở 2.340.000 đồng áp dụng từ ngày 01/07/2024",
        "(Kèm theo Quyết định số 05/QĐ-UBND ngày 15/07/2024 của Chủ tịch Ủy ban nhân dân huyện Bạch Thông)",
    ] {
        assert!(t.contains(needed), "missing «{needed}» in:\n{t}");
    }
    assert!(!t.contains("1.800.000"));
}

#[test]
fn the_annex_lists_collectives_first_then_people_in_the_campaigns_unit_order() {
    let dir = tempfile::tempdir().unwrap();
    let (store, campaign) = sample();
    let pdf = write(&store, &campaign, DocumentKind::Annex, &PrintOptions::default(), dir.path());
    let t = flat(&text(&pdf, None));
    let order = [
        "I. TẬP THỂ (02)",
        "Phòng Tài chính - Kế hoạch",
        "Ủy ban nhân dân xã Quân Hà",
        "II. CÁ NHÂN (04)",
        "Bà Nguyễn Thị Hường",
        "Bà Triệu Thị Yến",
        "Ông Đàm Văn Đạt",
        "Ông Ma Văn Lành",
    ];
    let at: Vec<usize> = order.iter().map(|s| t.find(s).unwrap_or_else(|| panic!("no «{s}» in {t}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{order:?} at {at:?}");
    assert_eq!(pages(&pdf), 1);
}

#[test]
fn one_certificate_per_awardee_on_a4_landscape_in_the_form_of_decree_98() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, campaign) = sample();
    store
        .set_decision(campaign.id, &DecisionRecord { number: 25, signed_on: date(2024, 1, 10), signer: None })
        .unwrap();
    let pdf = write(&store, &campaign, DocumentKind::Certificates, &PrintOptions::default(), dir.path());
    assert_eq!(pages(&pdf), 6);
    let names = [
        "Phòng Tài chính - Kế hoạch",
        "Ủy ban nhân dân xã Quân Hà",
        "Bà Nguyễn Thị Hường",
        "Bà Triệu Thị Yến",
        "Ông Đàm Văn Đạt",
        "Ông Ma Văn Lành",
    ];
    for (i, name) in names.iter().enumerate() {
        let t = flat(&text(&pdf, Some((i + 1, i + 1))));
        for needed in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN BẠCH THÔNG",
            "TẶNG",
            "GIẤY KHEN",
            name,
            "Đã có thành tích xuất sắc trong Đợt thi đua “Đẩy mạnh cải cách hành chính",
            "Quyết định số 25/QĐ-UBND ngày 10/01/2024",
            &format!("Số sổ vàng: {}", i + 1),
            "Bạch Thông, ngày 10 tháng 01 năm 2024",
        ] {
            assert!(t.contains(needed), "page {}: missing «{needed}» in {t}", i + 1);
        }
    }
    let info = std::process::Command::new("pdfinfo").arg(&pdf).output().unwrap();
    assert!(String::from_utf8_lossy(&info.stdout).contains("841.89 x 595.276 pts (A4)"), "A4 landscape by default");
    // Bottom left, the decision and the register number; bottom right the place and date.
    let ws = words(&pdf, 1);
    let find = |t: &str| ws.iter().find(|w| w.text == t).cloned().unwrap_or_else(|| panic!("no «{t}»"));
    let (decision, register, place) = (find("Quyết"), find("sổ"), find("Bạch"));
    assert!(decision.x0 < 841.89 * 0.3 && register.x0 < 841.89 * 0.3 && register.y0 > decision.y0);
    assert!(place.x0 > 841.89 * 0.5, "{place:?}");
    assert!(decision.y0 > 595.276 * 0.75, "{decision:?}");
    // The authority's title and «GIẤY KHEN» in red, the rest in black: the red is set twice per
    // page drawing (the two red lines are drawn once, under every page) and black after each.
    let content = std::process::Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let content = String::from_utf8_lossy(&content.stdout);
    assert_eq!(content.matches("0.8 0 0 rg").count(), 2, "two red lines");
    // Without an emblem picture, plain paper shows the emblem's place; no picture is embedded.
    assert!(!content.contains("/Subtype /Image"));
    assert_qpdf_clean(&pdf);
}

#[test]
fn preprinted_stock_moves_a_field_by_its_saved_offset() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, campaign) = sample();
    let plain = write(&store, &campaign, DocumentKind::Certificates, &PrintOptions::default(), dir.path());
    let plain_words = words(&plain, 3);
    store.set_certificate_offset("name", Offset { dx: 100, dy: -55 }).unwrap();
    let options = PrintOptions { preprinted: true, ..PrintOptions::default() };
    let pre_dir = dir.path().join("pre");
    std::fs::create_dir(&pre_dir).unwrap();
    let pre = write(&store, &campaign, DocumentKind::Certificates, &options, &pre_dir);
    let pre_words = words(&pre, 3);
    let find = |ws: &[pdf::Word]| ws.iter().find(|w| w.text == "Hường").cloned().unwrap();
    let (a, b) = (find(&plain_words), find(&pre_words));
    assert!((b.x0 - a.x0 - 10.0 * PT_PER_MM).abs() < 0.2, "{a:?} {b:?}");
    assert!((b.y0 - a.y0 + 5.5 * PT_PER_MM).abs() < 0.2, "{a:?} {b:?}");
    // Fields without an offset stay put.
    let g = |ws: &[pdf::Word]| ws.iter().find(|w| w.text == "TẶNG").cloned().unwrap();
    assert!((g(&plain_words).x0 - g(&pre_words).x0).abs() < 0.01);

    let cal = write(&store, &campaign, DocumentKind::Calibration, &options, dir.path());
    let t = flat(&text(&cal, None));
    assert!(t.contains("TRANG CĂN CHỈNH PHÔI GIẤY KHEN"), "{t}");
    assert!(t.contains("name – Họ và tên / tên tập thể"), "{t}");
    assert!(t.contains("độ lệch 10.0, -5.5"), "{t}");
    assert_qpdf_clean(&cal);
}

#[test]
fn refusal_notices_tell_each_unit_its_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let (store, campaign) = sample();
    let pdf = write(&store, &campaign, DocumentKind::Refusals, &PrintOptions::default(), dir.path());
    let raw = text(&pdf, None);
    assert!(is_nfc(&raw));
    let t = flat(&raw);
    assert_eq!(t.matches("THÔNG BÁO").count(), 5, "{t}");
    for needed in [
        // A town is addressed through its People's Committee, lower case inside the sentence.
        "Kính gửi: Ủy ban nhân dân thị trấn Phủ Thông.",
        "do Ủy ban nhân dân thị trấn Phủ Thông gửi lúc",
        "Phòng Nội vụ thông báo để Ủy ban nhân dân xã Cẩm Giàng được biết./.",
        "cá nhân Hoàng Văn Dũng",
        // To the second, as the reason compares it with 10:00:00.
        "gửi lúc 10:00:00 ngày 05/01/2024",
        "- Nộp quá thời hạn quy định",
        "Kính gửi: Phòng Giáo dục và Đào tạo.",
        "- Thành phần hồ sơ không đầy đủ",
        "- Thành phần hồ sơ không đúng mẫu",
        "PHÒNG NỘI VỤ",
        "TRƯỞNG PHÒNG",
    ] {
        assert!(t.contains(needed), "missing «{needed}» in:\n{t}");
    }
    assert_qpdf_clean(&pdf);
}

#[test]
fn score_sheets_one_per_member_with_every_nominee_and_maximum_points() {
    let dir = tempfile::tempdir().unwrap();
    let (store, campaign) = sample();
    let members = vec!["Nông Văn Khánh".to_string(), "Hà Thị Lan".to_string()];
    let options = PrintOptions { members, ..PrintOptions::default() };
    let pdf = write(&store, &campaign, DocumentKind::ScoreSheets, &options, dir.path());
    let t = flat(&text(&pdf, None));
    assert_eq!(t.matches("PHIẾU CHẤM ĐIỂM").count(), 2);
    assert!(t.contains("Họ và tên thành viên Hội đồng: Nông Văn Khánh"), "{t}");
    assert!(t.contains("Họ và tên thành viên Hội đồng: Hà Thị Lan"), "{t}");
    // Headers repeat when a table continues on the next page, so at least once per sheet.
    for needed in ["1 (20)", "7 (15)", "a (40)", "b (20)", "c (40)", "Tổng (100)"] {
        assert!(t.matches(needed).count() >= 2, "«{needed}» in {t}");
    }
    for needed in ["Tiêu chí 1 (20 điểm): Có thành tích xuất sắc", "Tiêu chí c (40 điểm): Có giải pháp"]
    {
        assert_eq!(t.matches(needed).count(), 2, "«{needed}»");
    }
    for name in ["Bà Nguyễn Thị Hường", "Ủy ban nhân dân xã Quân Hà", "Bà Triệu Thị Yến"] {
        assert_eq!(t.matches(name).count(), 2, "«{name}»");
    }
    let blank = write(&store, &campaign, DocumentKind::ScoreSheets, &PrintOptions::default(), dir.path());
    assert!(flat(&text(&blank, None)).contains("Họ và tên thành viên Hội đồng: ......"));
    assert_qpdf_clean(&pdf);
}

#[test]
fn the_command_line_records_the_number_and_prints_the_final_decision() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite3");
    let run = |args: &[&str]| {
        let o = common::cli(&db, args);
        assert!(o.status.success(), "{args:?}: {}", common::stderr(&o));
        common::stdout(&o)
    };
    run(&["init", "--example"]);
    run(&["import", common::fixture("nominations-example.csv").to_str().unwrap()]);
    run(&["appraise", "--accept-all"]);
    let said = run(&[
        "decision",
        "set-number",
        "25",
        "--date",
        "2024-01-10",
        "--signer",
        "Hà Văn Bình",
        "--signer-title",
        "Chủ tịch",
    ]);
    assert!(said.contains("Quyết định số 25/QĐ-UBND ngày 10 tháng 01 năm 2024"), "{said}");
    let out = dir.path().join("qd.pdf");
    run(&["print", "decision", "--out", out.to_str().unwrap()]);
    let t = flat(&text(&out, None));
    assert!(t.contains("Số: 25/QĐ-UBND") && t.contains("Hà Văn Bình"), "{t}");
    // The chairman signs himself: no "KT." line, no deputy title.
    assert!(!t.contains("KT. CHỦ TỊCH") && !t.contains("PHÓ CHỦ TỊCH"), "{t}");
    let certs = dir.path().join("gk.pdf");
    run(&["print", "certificates", "--out", certs.to_str().unwrap(), "--stock", "preprinted"]);
    assert_eq!(pages(&certs), 6);
    let bad = common::cli(&db, &["certificate", "offset", "nope", "--dx", "1"]);
    assert!(!bad.status.success());
    assert!(common::stderr(&bad).contains("không có trường «nope»"));
}

#[test]
fn the_decision_record_round_trips_and_refuses_number_zero() {
    let (mut store, campaign) = sample();
    assert_eq!(store.decision(campaign.id).unwrap(), None);
    let signer = thidua::model::Signer::from_title("nông văn khánh", "Phó Chủ tịch");
    assert_eq!(signer.title_lines(), ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    let record = DecisionRecord { number: 7, signed_on: date(2024, 1, 12), signer: Some(signer) };
    store.set_decision(campaign.id, &record).unwrap();
    assert_eq!(store.decision(campaign.id).unwrap(), Some(record.clone()));
    let zero = DecisionRecord { number: 0, ..record.clone() };
    assert_eq!(store.set_decision(campaign.id, &zero).unwrap_err().code(), "decision_number_zero");
    assert_eq!(store.decision(campaign.id).unwrap(), Some(record));
    let chair = thidua::model::Signer::from_title("Hà Văn Bình", "chủ tịch");
    assert_eq!(chair.title_lines(), ["CHỦ TỊCH"]);
}

#[test]
fn a_campaign_file_without_document_settings_still_loads_and_says_what_is_missing() {
    let mut def: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/campaigns/bach-thong-q4-2023.json"))
            .unwrap(),
    )
    .unwrap();
    for key in ["money", "decision", "certificate"] {
        def.as_object_mut().unwrap().remove(key);
    }
    def["code"] = "old-file".into();
    let def = thidua::exchange::parse_definition(&def.to_string()).unwrap();
    // A file without certificate settings gets the form in force: A4 landscape.
    assert_eq!((def.settings.certificate.width_mm, def.settings.certificate.height_mm), (297, 210));
    let mut store = thidua::Store::open_in_memory().unwrap();
    store.create_campaign(&def).unwrap();
    let campaign = store.campaign(Some("old-file")).unwrap();
    thidua::app::intake::import_nominations(&mut store, &campaign, &common::fixture("nominations-example.csv"))
        .unwrap();
    store.accept_all(campaign.id).unwrap();
    let err = thidua::app::papers::render_campaign(&store, &campaign, DocumentKind::Decision, &PrintOptions::default())
        .unwrap_err();
    assert_eq!(err.code(), "document");
    assert!(err.to_string().contains("mức lương cơ sở"), "{err}");
}

/// A nominee with `name` and `position`, recorded and accepted in the sample campaign.
fn awarded(store: &mut thidua::Store, campaign: &thidua::model::Campaign, name: &str, position: &str) {
    let unit = store.units(campaign.id).unwrap().into_iter().find(|u| u.name == "Phòng Y tế").unwrap().id;
    let item = thidua::model::NewNomination {
        unit,
        kind: thidua::model::NomineeKind::Individual,
        name: name.into(),
        gender: Some(thidua::model::Gender::Male),
        position: Some(position.into()),
        submitted_at: chrono::DateTime::parse_from_rfc3339("2024-01-03T08:00:00+07:00").unwrap().into(),
        parts: thidua::model::Parts::COMPLETE,
        summary: String::new(),
        women_percent: None,
    };
    let id = store.record_nomination(campaign.id, &item).unwrap();
    store.accept(id).unwrap();
}

#[test]
fn a_three_hundred_character_name_shrinks_to_fit_its_field_above_the_position() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, campaign) = pdf::empty();
    let name = "Hoàng Thị Minh Nguyệt ".repeat(13);
    let name = name.trim();
    assert!(name.chars().count() <= 300);
    awarded(&mut store, &campaign, name, "Chuyên viên");
    let pdf = write(&store, &campaign, DocumentKind::Certificates, &PrintOptions::default(), dir.path());
    let w = words(&pdf, 1);
    let name_bottom = w.iter().filter(|x| x.text == "Nguyệt").map(|x| x.y1).fold(0.0, f64::max);
    let position_top = w.iter().find(|x| x.text == "Chuyên").unwrap().y0;
    assert!(name_bottom <= position_top, "the name ends at {name_bottom}, the position starts at {position_top}");
    let lines: std::collections::BTreeSet<i64> =
        w.iter().filter(|x| x.text == "Nguyệt").map(|x| x.y0.round() as i64).collect();
    assert!(lines.len() >= 2, "the name wraps");
}

#[test]
fn a_name_that_cannot_fit_even_small_is_refused_naming_the_awardee() {
    let (mut store, campaign) = pdf::empty();
    // Long words that do not wrap within the field: no size down to the floor fits them.
    let name = format!("{} Văn", "Nguyễnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn".repeat(4));
    awarded(&mut store, &campaign, &name, "Chuyên viên");
    let err =
        thidua::app::papers::render_campaign(&store, &campaign, DocumentKind::Certificates, &PrintOptions::default())
            .unwrap_err();
    assert!(err.to_string().contains("quá dài để in vừa ô trên Giấy khen"), "{err}");
    assert!(err.to_string().contains("Phòng Y tế"), "{err}");
}

#[test]
fn the_calibration_instruction_is_printed_inside_the_printable_area() {
    let dir = tempfile::tempdir().unwrap();
    let (store, campaign) = sample();
    let pdf = write(&store, &campaign, DocumentKind::Calibration, &PrintOptions::default(), dir.path());
    let w = words(&pdf, 1);
    let first = w.iter().find(|x| x.text == "TRANG").unwrap();
    let height = 297.0 * PT_PER_MM;
    assert!(first.y0 >= 10.0 * PT_PER_MM, "the instruction starts {} mm from the top", first.y0 / PT_PER_MM);
    let last = w.iter().filter(|x| x.text.contains("--dy")).map(|x| x.y1).fold(0.0, f64::max);
    assert!(
        last <= height - 10.0 * PT_PER_MM,
        "the instruction ends {} mm from the bottom",
        (height - last) / PT_PER_MM
    );
    assert!(text(&pdf, None).contains("in trên giấy trắng"));
}

#[test]
fn an_annex_of_individuals_only_numbers_its_group_i() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, campaign) = pdf::empty();
    awarded(&mut store, &campaign, "Lò Văn Sáu", "Chuyên viên");
    let pdf = write(&store, &campaign, DocumentKind::Annex, &PrintOptions::default(), dir.path());
    let t = flat(&text(&pdf, None));
    assert!(t.contains("I. CÁ NHÂN (01)"), "{t}");
    assert!(!t.contains("II."), "{t}");
}

/// Only the last lines of Điều 3 go with the signature: the article starts on page 1 instead of
/// leaving its whole room there empty.
#[test]
fn article_3_starts_on_page_one_and_ends_beside_the_signature() {
    let dir = tempfile::tempdir().unwrap();
    let (store, campaign) = sample();
    let pdf = write(&store, &campaign, DocumentKind::Decision, &PrintOptions::default(), dir.path());
    let first = flat(&text(&pdf, Some((1, 1))));
    assert!(first.contains("Điều 3. Chánh Văn phòng HĐND và UBND huyện"), "{first}");
    let second = flat(&text(&pdf, Some((2, 2))));
    assert!(!second.contains("Điều 3."), "the whole article moved: {second}");
    assert!(second.contains("chịu trách nhiệm thi hành Quyết định này./."), "{second}");
    assert!(second.contains("Nông Văn Khánh"), "{second}");
}
