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

/// A small RGBA PNG.
fn png(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().unwrap();
        writer.write_image_data(&vec![200u8; (w * h * 4) as usize]).unwrap();
    }
    out
}

/// The emblem is the office's picture, chosen once: a PNG is kept and printed once per file at
/// the top centre of every plain-paper certificate; anything else is refused with nothing kept;
/// the stock's size is a setting (A3 stays possible) and prints at its true size.
#[test]
fn the_offices_emblem_prints_on_plain_paper_and_the_stock_size_is_a_setting() {
    let dir = tempfile::tempdir().unwrap();
    let db = met(dir.path());
    ok(&cli(&db, &["decision", "set-number", "25", "--date", "2024-01-10"]));
    let bad = dir.path().join("quoc-huy.gif");
    std::fs::write(&bad, b"GIF89a not a png").unwrap();
    let before = content_digest(&db);
    let o = cli(&db, &["certificate", "emblem", bad.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("làm ảnh quốc huy: không phải ảnh PNG"), "{}", stderr(&o));
    assert_eq!(content_digest(&db), before);

    let good = dir.path().join("quoc-huy.png");
    std::fs::write(&good, png(120, 120)).unwrap();
    ok(&cli(&db, &["certificate", "emblem", good.to_str().unwrap()]));
    let pdf = dir.path().join("gk.pdf");
    ok(&cli(&db, &["print", "certificates", "--out", pdf.to_str().unwrap()]));
    let list = std::process::Command::new("pdfimages").arg("-list").arg(&pdf).output().unwrap();
    let list = String::from_utf8_lossy(&list.stdout);
    let images: Vec<&str> = list.lines().skip(2).filter(|l| l.split_whitespace().nth(2) == Some("image")).collect();
    assert_eq!(images.len(), 6, "on each of the six certificates: {list}");
    let objects: std::collections::BTreeSet<&str> =
        images.iter().map(|l| l.split_whitespace().nth(10).unwrap()).collect();
    assert_eq!(objects.len(), 1, "embedded once: {list}");
    // On pre-printed stock the emblem is the stock's.
    ok(&cli(&db, &["print", "certificates", "--stock", "preprinted", "--out", pdf.to_str().unwrap()]));
    let list = std::process::Command::new("pdfimages").arg("-list").arg(&pdf).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&list.stdout).lines().count(), 2, "no picture");

    let o = cli(&db, &["certificate", "size", "A5x"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("Khổ Giấy khen «A5x» không hợp lệ"), "{}", stderr(&o));
    ok(&cli(&db, &["certificate", "size", "A3"]));
    ok(&cli(&db, &["print", "certificates", "--out", pdf.to_str().unwrap()]));
    let info = std::process::Command::new("pdfinfo").arg(&pdf).output().unwrap();
    assert!(String::from_utf8_lossy(&info.stdout).contains("1190.55 x 841.89 pts (A3)"));
    ok(&cli(&db, &["certificate", "emblem", "--clear"]));
    ok(&cli(&db, &["print", "certificates", "--out", pdf.to_str().unwrap()]));
    let list = std::process::Command::new("pdfimages").arg("-list").arg(&pdf).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&list.stdout).lines().count(), 2, "no picture");
}
