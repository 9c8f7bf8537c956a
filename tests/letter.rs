//! The decision's dates and bases to the letter: it cannot be signed before the deadline has
//! passed or before the council met; a decree cited by the settings is cited as the one in force
//! on the day of signing, and the command says so; the plan's number and day are recorded for
//! the campaign worked on, and a signed decision that still cites a blank plan number is flagged
//! before printing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod pdf;

use common::{cli, content_digest, example_file, stderr, stdout};
use pdf::{flat, text};

fn ok(o: &std::process::Output) {
    assert!(o.status.success(), "{}{}", stdout(o), stderr(o));
}

/// The example with its dossiers, all received ones accepted, and a council that met on
/// 08/01/2024.
fn met(dir: &std::path::Path) -> std::path::PathBuf {
    let (db, _) = example_file(dir);
    ok(&cli(&db, &["appraise", "--accept-all"]));
    ok(&cli(&db, &["members", "add", "Hà Kim Oanh", "--role", "Chủ tịch Hội đồng"]));
    ok(&cli(&db, &["meeting", "open", "--date", "2024-01-08"]));
    db
}

#[test]
fn a_decision_is_not_signed_before_the_deadline_or_before_the_council_met() {
    let dir = tempfile::tempdir().unwrap();
    let db = met(dir.path());
    let before = content_digest(&db);
    let o = cli(&db, &["decision", "set-number", "25", "--date", "2023-12-01"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains(
            "Ngày ký 01/12/2023 không hợp lệ: quyết định chỉ ký được sau khi hết hạn nộp hồ sơ (05/01/2024)."
        ),
        "{}",
        stderr(&o)
    );
    let o = cli(&db, &["decision", "set-number", "25", "--date", "2024-01-07"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("chỉ ký được từ ngày Hội đồng họp xét (08/01/2024) trở đi"), "{}", stderr(&o));
    assert_eq!(content_digest(&db), before, "a refused day writes nothing");
    ok(&cli(&db, &["decision", "set-number", "25", "--date", "2024-01-08"]));
}

#[test]
fn a_decree_is_cited_as_the_one_in_force_on_the_day_of_signing() {
    let dir = tempfile::tempdir().unwrap();
    let db = met(dir.path());
    let pdf = dir.path().join("d.pdf");
    let out = pdf.to_str().unwrap();

    ok(&cli(&db, &["decision", "set-number", "25", "--date", "2024-01-10"]));
    let o = cli(&db, &["print", "decision", "--out", out]);
    ok(&o);
    assert!(!stderr(&o).contains("Lưu ý: Ngày ký"), "{}", stderr(&o));
    let t = flat(&text(&pdf, None));
    assert!(t.contains("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ"), "{t}");

    ok(&cli(&db, &["decision", "set-number", "25", "--date", "2025-08-01"]));
    let o = cli(&db, &["print", "decision", "--out", out]);
    ok(&o);
    assert!(
        stderr(&o).contains(
            "Lưu ý: Ngày ký 01/08/2025 thuộc thời gian áp dụng Nghị định số 152/2025/NĐ-CP (từ 01/07/2025), không \
             phải Nghị định số 98/2023/NĐ-CP"
        ),
        "{}",
        stderr(&o)
    );
    let t = flat(&text(&pdf, None));
    assert!(
        t.contains("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp"),
        "{t}"
    );
    assert!(!t.contains("98/2023"), "{t}");
    // The money follows the same day: 0.3 × 2,340,000 = 702,000, rounded up.
    assert!(t.contains("710.000 đồng"), "{t}");
}

#[test]
fn the_plan_number_is_recorded_and_a_signed_decision_citing_it_blank_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let db = met(dir.path());
    let pdf = dir.path().join("d.pdf");
    let out = pdf.to_str().unwrap();
    // The draft leaves the plan's number blank as the seed does, without a warning.
    let o = cli(&db, &["print", "decision", "--out", out]);
    ok(&o);
    assert!(!stderr(&o).contains("Lưu ý"), "{}", stderr(&o));

    ok(&cli(&db, &["decision", "set-number", "25", "--date", "2024-01-10"]));
    let o = cli(&db, &["print", "certificates", "--out", out]);
    ok(&o);
    assert!(stderr(&o).contains("Lưu ý: Quyết định đã có số nhưng căn cứ «Kế hoạch số /KH-UBND"), "{}", stderr(&o));

    let before = content_digest(&db);
    let o = cli(&db, &["campaign", "plan", "--number", "12/KH-UBND"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("Số kế hoạch «12/KH-UBND» không hợp lệ"), "{}", stderr(&o));
    assert_eq!(content_digest(&db), before);

    let o = cli(&db, &["campaign", "plan", "--number", "125", "--date", "2023-10-05"]);
    ok(&o);
    assert!(stdout(&o).contains("Kế hoạch số 125/KH-UBND ngày 05 tháng 10 năm 2023"), "{}", stdout(&o));
    let o = cli(&db, &["print", "decision", "--out", out]);
    ok(&o);
    assert!(!stderr(&o).contains("Lưu ý"), "{}", stderr(&o));
    let t = flat(&text(&pdf, None));
    assert!(t.contains("Căn cứ Kế hoạch số 125/KH-UBND ngày 05 tháng 10 năm 2023 của Ủy ban nhân dân huyện"), "{t}");
    ok(&cli(&db, &["print", "refusals", "--out", out]));
    assert!(flat(&text(&pdf, None)).contains("Kế hoạch số 125/KH-UBND ngày 05 tháng 10 năm 2023"));
}
