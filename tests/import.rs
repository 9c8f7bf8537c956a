//! Importing nominations: all rows or none, every bad row named with its row and column, and a
//! refused import leaves the database file exactly as it was.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, example_store, fixture, stderr, stdout};
use sha2::{Digest, Sha256};
use thidua::app::intake::import_nominations;
use thidua::model::Status;
use thidua::Error;

const HEADER: &str =
    "Đơn vị,Loại,Tên,Giới tính,Chức vụ,Thời gian nộp,Tờ trình,Biên bản,Báo cáo thành tích,Tóm tắt thành tích\n";

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn digest(path: &std::path::Path) -> Vec<u8> {
    Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

#[test]
fn a_file_with_malformed_rows_is_refused_whole_with_row_column_and_reason() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{HEADER}\
         Phòng Nội vụ,Cá nhân,Nguyễn Văn An,Nam,Chuyên viên,04/01/2024 08:00,Có,Có,Có,\n\
         Phòng Không Có,Cá nhân,Lê Văn Bình,Nam,,04/01/2024 08:00,Có,Có,Có,\n\
         Phòng Tư pháp,Cá nhân,Lê Văn Cường,Nam,,ngày mai,Có,Có,Có,\n\
         Phòng Y tế,Tập thể,,,,04/01/2024 08:00,Có,Có,Có,\n\
         Phòng Dân tộc,Nhóm,Phòng Dân tộc,,,04/01/2024 08:00,Có,Có,Có,\n\
         Huyện đoàn,Cá nhân,Hà Thị Dung,Nữ,,04/01/2024 08:00,Có,Thiếu,Có,\n"
    );
    let file = write(&dir, "bad.csv", &text);
    let (mut store, campaign) = example_store();
    let err = import_nominations(&mut store, &campaign, &file).unwrap_err();
    let Error::ImportRejected { problems, .. } = &err else { panic!("{err}") };
    let at: Vec<(usize, Option<&str>)> = problems.iter().map(|p| (p.row, p.column.as_deref())).collect();
    assert_eq!(
        at,
        vec![
            (3, Some("Đơn vị")),
            (4, Some("Thời gian nộp")),
            (5, Some("Tên")),
            (6, Some("Loại")),
            (7, Some("Biên bản")),
        ]
    );
    let message = err.to_string();
    assert!(message.contains("Dòng 3, cột «Đơn vị»: đơn vị «Phòng Không Có» không có trong danh sách"), "{message}");
    assert!(message.contains("chưa ghi gì vào cơ sở dữ liệu"), "{message}");
    assert!(store.nominations(campaign.id).unwrap().is_empty(), "nothing written, not even the good row");
}

#[test]
fn a_missing_column_and_an_unknown_column_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "cols.csv", "Đơn vị,Loại,Tên,Ghi chú\nPhòng Nội vụ,Tập thể,Phòng Nội vụ,x\n");
    let (mut store, campaign) = example_store();
    let message = import_nominations(&mut store, &campaign, &file).unwrap_err().to_string();
    assert!(message.contains("cột «Ghi chú»: không nhận ra cột này"), "{message}");
    assert!(message.contains("thiếu cột «Thời gian nộp»"), "{message}");
    assert!(message.contains("thiếu cột «Báo cáo thành tích»"), "{message}");
}

#[test]
fn headers_match_without_case_or_diacritics_and_in_any_order_with_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\u{feff}THOI GIAN NOP;bao cao thanh tich;Bien ban;To trinh;ten;loai;don vi\n\
                04/01/2024 08:00;Có;Có;Có;Phòng Nội vụ;Tập thể;  phong  noi vu \n";
    let file = write(&dir, "free.csv", text);
    let (mut store, campaign) = example_store();
    let outcome = import_nominations(&mut store, &campaign, &file).unwrap();
    assert_eq!(outcome.recorded.len(), 1);
    let n = &store.nominations(campaign.id).unwrap()[0];
    assert_eq!(n.unit_name, "Phòng Nội vụ");
    assert_eq!(n.status, Status::Received);
}

#[test]
fn an_empty_file_and_a_file_of_junk_are_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, campaign) = example_store();
    let empty = write(&dir, "empty.csv", "");
    let m = import_nominations(&mut store, &campaign, &empty).unwrap_err().to_string();
    assert!(m.contains("Tệp trống"), "{m}");
    let junk = dir.path().join("junk.csv");
    std::fs::write(&junk, [0xff, 0xfe, 0x00, 0x41, 0x9c]).unwrap();
    let m = import_nominations(&mut store, &campaign, &junk).unwrap_err().to_string();
    assert!(m.contains("UTF-8"), "{m}");
    let header_only = write(&dir, "header.csv", HEADER);
    let m = import_nominations(&mut store, &campaign, &header_only).unwrap_err().to_string();
    assert!(m.contains("không có dòng hồ sơ nào"), "{m}");
}

#[test]
fn a_refused_import_leaves_the_database_file_byte_for_byte_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bytes.sqlite3");
    assert!(cli(&db, &["init", "--example"]).status.success());
    assert!(cli(&db, &["import", fixture("nominations-example.csv").to_str().unwrap()]).status.success());
    let before = digest(&db);
    let bad =
        write(&dir, "bad.csv", &format!("{HEADER}Phòng Y tế,Cá nhân,Vũ Văn Em,Nam,,32/01/2024 08:00,Có,Có,Có,\n"));
    let out = cli(&db, &["import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Dòng 2, cột «Thời gian nộp»"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    assert_eq!(digest(&db), before);
    let wal = dir.path().join("bytes.sqlite3-wal");
    assert!(!wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0, "no pending write either");
}

#[test]
fn an_xlsx_file_with_real_date_cells_imports_like_the_csv() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hoso.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    // The nomination columns without the optional summary.
    let headers = &common::NOMINATION_HEADER[..9];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy hh:mm:ss");
    let rows = [
        ("Xã Quân Hà", "Tập thể", "Ủy ban nhân dân xã Quân Hà", "", (2024, 1, 5, 9, 59, 59)),
        ("Thị trấn Phủ Thông", "Cá nhân", "Hoàng Văn Dũng", "Nam", (2024, 1, 5, 10, 0, 0)),
    ];
    for (r, (unit, kind, name, gender, (y, mo, d, h, mi, s))) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, *unit).unwrap();
        sheet.write_string(r, 1, *kind).unwrap();
        sheet.write_string(r, 2, *name).unwrap();
        sheet.write_string(r, 3, *gender).unwrap();
        let t = ExcelDateTime::from_ymd(*y, *mo, *d).unwrap().and_hms(*h, *mi, *s).unwrap();
        sheet.write_datetime_with_format(r, 5, &t, &date).unwrap();
        for c in 6..9 {
            sheet.write_string(r, c, "Có").unwrap();
        }
    }
    book.save(&path).unwrap();
    let (mut store, campaign) = example_store();
    import_nominations(&mut store, &campaign, &path).unwrap();
    let list = store.nominations(campaign.id).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].status, Status::Received, "09:59:59 is on time");
    assert_eq!(list[1].reasons(), vec![thidua::model::Reason::Late], "10:00:00 is late");
}

#[test]
fn a_truncated_xlsx_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.xlsx");
    std::fs::write(&path, b"PK\x03\x04 this is not a whole workbook").unwrap();
    let (mut store, campaign) = example_store();
    let m = import_nominations(&mut store, &campaign, &path).unwrap_err().to_string();
    assert!(m.contains("Không đọc được bảng tính"), "{m}");
}

/// People's names typed all in one case are shown with the title-cased form before anything is
/// written; the secretary then imports with the offered form (--title-case) or as typed.
#[test]
fn names_typed_in_one_case_are_offered_in_title_case_before_saving() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    assert!(cli(&db, &["init", "--example"]).status.success());
    let file = dir.path().join("ho-so.csv");
    std::fs::write(
        &file,
        "Đơn vị,Loại,Tên,Giới tính,Chức vụ,Thời gian nộp,Tờ trình,Biên bản,Báo cáo thành tích,Tóm tắt thành tích\n\
         Phòng Nội vụ,Cá nhân,nguyễn văn a,Nam,Chuyên viên,04/01/2024 16:30,Có,Có,Có,Tham mưu tốt.\n\
         Huyện đoàn,Cá nhân,NGUYỄN THỊ ĐÀO,Nữ,Phó Bí thư Huyện đoàn,04/01/2024 16:40,Có,Có,Có,Tham mưu tốt.\n\
         Xã Quân Hà,Tập thể,ỦY BAN NHÂN DÂN XÃ QUÂN HÀ,,,05/01/2024 09:00,Có,Có,Có,Hoàn thành tốt.\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let before = common::content_digest(&db);
    let o = cli(&db, &["import", f]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("Dòng 2, cột «Tên»: «nguyễn văn a» gõ toàn chữ thường; đề nghị ghi «Nguyễn Văn A»"), "{err}");
    assert!(err.contains("Dòng 3, cột «Tên»: «NGUYỄN THỊ ĐÀO» gõ toàn chữ hoa; đề nghị ghi «Nguyễn Thị Đào»"), "{err}");
    assert!(!err.contains("Dòng 4"), "a collective's name is not a person's: {err}");
    assert!(err.contains("--title-case") && err.contains("--as-typed"), "{err}");
    assert_eq!(common::content_digest(&db), before, "nothing is written before the secretary chooses");

    let o = cli(&db, &["import", f, "--title-case"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list = stdout(&cli(&db, &["nominations"]));
    assert!(list.contains("Nguyễn Văn A") && list.contains("Nguyễn Thị Đào"), "{list}");
    assert!(list.contains("ỦY BAN NHÂN DÂN XÃ QUÂN HÀ"), "collectives keep their case: {list}");
    assert!(!list.contains("nguyễn văn a"));
}

/// A collective's share of women is read from an optional column, kept through a correction, and
/// refused for a person or outside 0–100 with its row and column.
#[test]
fn a_collectives_share_of_women_is_an_optional_column() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    assert!(cli(&db, &["init", "--example"]).status.success());
    let head = "Đơn vị,Loại,Tên,Giới tính,Chức vụ,Thời gian nộp,Tờ trình,Biên bản,Báo cáo thành tích,Tỷ lệ nữ (%)\n";
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        format!(
            "{head}Phòng Nội vụ,Cá nhân,Nguyễn Thị Hoa,Nữ,Chuyên viên,04/01/2024 16:30,Có,Có,Có,80\n\
             Xã Quân Hà,Tập thể,Ủy ban nhân dân xã Quân Hà,,,05/01/2024 09:00,Có,Có,Có,120\n"
        ),
    )
    .unwrap();
    let o = cli(&db, &["import", bad.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("Dòng 2, cột «Tỷ lệ nữ (%)»: chỉ ghi cho tập thể"), "{err}");
    assert!(err.contains("Dòng 3, cột «Tỷ lệ nữ (%)»: «120» không hợp lệ"), "{err}");

    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        format!("{head}Xã Quân Hà,Tập thể,Ủy ban nhân dân xã Quân Hà,,,05/01/2024 09:00,Có,Có,Có,75%\n"),
    )
    .unwrap();
    assert!(cli(&db, &["import", good.to_str().unwrap()]).status.success());
    let json = stdout(&cli(&db, &["nominations", "--json"]));
    assert!(json.contains("\"women_percent\": 75"), "{json}");
    assert!(cli(&db, &["correct", "1", "--summary", "Hoàn thành xuất sắc."]).status.success());
    let json = stdout(&cli(&db, &["nominations", "--json"]));
    assert!(json.contains("\"women_percent\": 75"), "a correction keeps it: {json}");
}
