//! Malformed nominations (.csv, .xlsx) and scores files.

use rust_xlsxwriter::{Formula, Workbook};
use unicode_normalization::UnicodeNormalization;

use super::archives::zip_of;
use super::{case, Case, Importer};

const HEADER: &str = "Đơn vị,Loại,Tên,Giới tính,Chức vụ,Thời gian nộp,Tờ trình,Biên bản,Báo cáo thành tích\n";
const GOOD_ROW: &str = "Phòng Nội vụ,Cá nhân,Nguyễn Văn An,Nam,Chuyên viên,04/01/2024 08:00,Có,Có,Có\n";

fn nominations_csv(body: &str) -> Vec<u8> {
    format!("{HEADER}{GOOD_ROW}{body}").into_bytes()
}

fn xlsx(rows: &[&[&str]], formula: Option<&str>) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    if let Some(f) = formula {
        ws.write_formula(1, 2, Formula::new(f)).unwrap();
    }
    book.save_to_buffer().unwrap()
}

/// A small workbook whose sheet has a cell at A1 and one at XFD1048576 (16,384 × 1,048,576 cells
/// if it were read as a dense range).
fn sparse_xlsx() -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in header_cells().iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1_048_575, 16_383, "x").unwrap();
    book.save_to_buffer().unwrap()
}

fn header_cells() -> Vec<&'static str> {
    HEADER.trim_end().split(',').collect()
}

fn row(name: &'static str, time: &'static str) -> Vec<&'static str> {
    vec!["Phòng Nội vụ", "Cá nhân", name, "Nam", "Chuyên viên", time, "Có", "Có", "Có"]
}

pub fn nomination_cases() -> Vec<Case> {
    use Importer::Nominations as N;
    let huge = "A".repeat(100_000);
    let junk: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let nfd = format!("{HEADER}Phòng Nội vụ,Cá nhân,Nguyễn Thị Hường,Nữ,,04/01/2024 08:00,Có,Thiếu,Có\n")
        .nfd()
        .collect::<String>();
    let mut many = HEADER.to_string();
    for i in 0..3000 {
        many.push_str(&format!("Phòng Nội vụ,Cá nhân,Người số {i},Nam,,04/01/2024 08:00,Có,Có,Có\n"));
    }
    many.push_str("Phòng Nội vụ,Cá nhân,Người cuối,Nam,,32/01/2024 08:00,Có,Có,Có\n");
    let h = header_cells();
    let good = row("Nguyễn Văn An", "04/01/2024 08:00");
    let valid_xlsx = xlsx(&[&h, &good], None);
    vec![
        case("empty file", "rong.csv", "", N),
        case("only a byte order mark", "bom.csv", "\u{feff}", N),
        case("header only", "tieu-de.csv", HEADER, N),
        case(
            "English headers",
            "anh.csv",
            "Unit,Kind,Name,Gender,Position,Submitted,Letter,Minutes,Report\nA,B,C,D,E,F,G,H,I\n",
            N,
        ),
        case(
            "a required column missing",
            "thieu-cot.csv",
            "Đơn vị,Loại,Tên,Giới tính\nPhòng Nội vụ,Cá nhân,An,Nam\n",
            N,
        ),
        case("a column twice", "hai-cot.csv", format!("Tên,{HEADER}x,{GOOD_ROW}"), N),
        case("binary junk", "rac.csv", junk.clone(), N),
        case(
            "NUL bytes in text",
            "nul.csv",
            nominations_csv("Phòng Nội vụ,Cá nhân,A\0B,Nam,,04/01/2024 08:00,Có,Có,Có\n"),
            N,
        ),
        case("Windows-1258/latin-1 bytes", "latin1.csv", b"\xd0\xf5n v\xe1,Lo\xe1i\n\xe0,\xe8\n".to_vec(), N),
        case("UTF-16 with BOM", "utf16.csv", HEADER.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>(), N),
        case(
            "a 100 000-character name",
            "ten-dai.csv",
            nominations_csv(&format!("Phòng Tư pháp,Cá nhân,{huge},Nam,,04/01/2024 08:00,Có,Có,Có\n")),
            N,
        ),
        case(
            "a 100 000-character summary",
            "tom-tat-dai.csv",
            format!(
                "{},Tóm tắt thành tích\nPhòng Nội vụ,Cá nhân,An,Nam,,04/01/2024 08:00,Có,Có,Có,{huge}\n",
                HEADER.trim_end()
            ),
            N,
        ),
        case(
            "a date as words",
            "ngay-chu.csv",
            nominations_csv("Phòng Tư pháp,Cá nhân,Lê Văn Cường,Nam,,ngày mai,Có,Có,Có\n"),
            N,
        ),
        case(
            "a date without time",
            "ngay-khong-gio.csv",
            nominations_csv("Phòng Tư pháp,Cá nhân,Lê Văn Cường,Nam,,05/01/2024,Có,Có,Có\n"),
            N,
        ),
        case(
            "a date as a small number",
            "ngay-so.csv",
            nominations_csv("Phòng Tư pháp,Cá nhân,Lê Văn Cường,Nam,,12,Có,Có,Có\n"),
            N,
        ),
        case(
            "the 31st of February",
            "31-02.csv",
            nominations_csv("Phòng Tư pháp,Cá nhân,Lê Văn Cường,Nam,,31/02/2024 08:00,Có,Có,Có\n"),
            N,
        ),
        case(
            "month 13",
            "thang-13.csv",
            nominations_csv("Phòng Tư pháp,Cá nhân,Lê Văn Cường,Nam,,2024-13-01T08:00:00+07:00,Có,Có,Có\n"),
            N,
        ),
        case(
            "a formula in a name",
            "cong-thuc.csv",
            nominations_csv(
                "Phòng Tư pháp,Cá nhân,\"=HYPERLINK(\"\"http://x\"\",\"\"An\"\")\",Nam,,04/01/2024 08:00,Có,Có,Có\n",
            ),
            N,
        ),
        case(
            "a control character in a name",
            "dieu-khien.csv",
            nominations_csv("Phòng Tư pháp,Cá nhân,Lê\u{7}Văn,Nam,,04/01/2024 08:00,Có,Có,Có\n"),
            N,
        ),
        case(
            "an unknown unit",
            "don-vi-la.csv",
            nominations_csv("Phòng Không Có,Cá nhân,Lê Văn Cường,Nam,,04/01/2024 08:00,Có,Có,Có\n"),
            N,
        ),
        case(
            "an unknown kind",
            "loai-la.csv",
            nominations_csv("Phòng Tư pháp,Nhóm,Lê Văn Cường,Nam,,04/01/2024 08:00,Có,Có,Có\n"),
            N,
        ),
        case(
            "an unknown gender",
            "gioi-tinh.csv",
            nominations_csv("Phòng Tư pháp,Cá nhân,Lê Văn Cường,Khác,,04/01/2024 08:00,Có,Có,Có\n"),
            N,
        ),
        case(
            "an individual without gender",
            "khong-gioi-tinh.csv",
            nominations_csv("Phòng Tư pháp,Cá nhân,Lê Văn Cường,,,04/01/2024 08:00,Có,Có,Có\n"),
            N,
        ),
        case(
            "an unknown part state",
            "thanh-phan.csv",
            nominations_csv("Phòng Tư pháp,Cá nhân,Lê Văn Cường,Nam,,04/01/2024 08:00,Có thể,Có,Có\n"),
            N,
        ),
        case(
            "a broken quote",
            "ngoac-kep.csv",
            nominations_csv("Phòng Tư pháp,Cá nhân,\"Lê Văn Cường,Nam,,04/01/2024 08:00,Có,Có,Có\n"),
            N,
        ),
        case("decomposed Vietnamese with a bad part", "nfd.csv", nfd.into_bytes(), N),
        case("3 000 good rows and one bad at the end", "nhieu-dong.csv", many.into_bytes(), N),
        case("a PDF extension", "ho-so.pdf", HEADER, N),
        case("no extension", "ho-so", HEADER, N),
        case("a truncated .xlsx", "cat.xlsx", valid_xlsx[..valid_xlsx.len() / 2].to_vec(), N),
        case("a .xlsx cut by 100 bytes", "cat-duoi.xlsx", valid_xlsx[..valid_xlsx.len() - 100].to_vec(), N),
        case("a formula in a .xlsx", "cong-thuc.xlsx", xlsx(&[&h, &good], Some("=CONCATENATE(\"Nguyễn \",\"An\")")), N),
        case("English headers in a .xlsx", "anh.xlsx", xlsx(&[&["Unit", "Name"], &["A", "B"]], None), N),
        case("an empty .xlsx", "rong.xlsx", xlsx(&[], None), N),
        case("a date as words in a .xlsx", "ngay-chu.xlsx", xlsx(&[&h, &row("Lê Văn Cường", "sáng mùng 4")], None), N),
        case(
            "a 32 767-character cell in a .xlsx",
            "o-dai.xlsx",
            xlsx(&[&h, &row(Box::leak("Ư".repeat(32_767).into_boxed_str()), "04/01/2024 08:00")], None),
            N,
        ),
        case("binary junk named .xlsx", "rac.xlsx", junk, N),
        case("CSV text named .xlsx", "van-ban.xlsx", HEADER, N),
        case("a zip that is not a workbook", "zip.xlsx", zip_of(&[("a.txt", b"hello".to_vec())]), N),
        // Hostile files and texts: each is refused as the others, and within bounded memory.
        case("a cell at XFD1048576 in a small workbook", "thua.xlsx", sparse_xlsx(), N),
        case(
            "a cell of 40,000 characters",
            "o-dai.csv",
            nominations_csv(&format!("Phòng Nội vụ,Cá nhân,{},Nam,,04/01/2024 08:00,Có,Có,Có\n", "Lê ".repeat(13_400))),
            N,
        ),
        case(
            "a year written with two digits",
            "nam-2-so.csv",
            nominations_csv("Phòng Nội vụ,Cá nhân,Lò Văn Sáu,Nam,,04/01/24 08:00,Có,Có,Có\n"),
            N,
        ),
        case(
            "a portal time in the year 0024",
            "nam-24.csv",
            nominations_csv("Phòng Nội vụ,Cá nhân,Lò Văn Sáu,Nam,,0024-01-04T08:00:00+07:00,Có,Có,Có\n"),
            N,
        ),
        case(
            "a terminal escape in a name",
            "thoat.csv",
            nominations_csv("Phòng Nội vụ,Cá nhân,Lê\u{1b}]0;x\u{7}Trang,Nữ,,04/01/2024 08:00,Có,Có,Có\n"),
            N,
        ),
        case(
            "a right-to-left override in a name",
            "dao-chieu.csv",
            nominations_csv("Phòng Nội vụ,Cá nhân,Lê \u{202E}gnarT,Nữ,,04/01/2024 08:00,Có,Có,Có\n"),
            N,
        ),
        case(
            "a position starting with a minus sign",
            "cong-thuc-tru.csv",
            nominations_csv("Phòng Nội vụ,Cá nhân,Lò Văn Bảy,Nam,-2+3,04/01/2024 08:00,Có,Có,Có\n"),
            N,
        ),
    ]
}

pub fn score_cases() -> Vec<Case> {
    use Importer::Scores as S;
    let h = "Thành viên,Hồ sơ,Tiêu chí,Điểm\n";
    let s = |body: &str| format!("{h}Thành viên 1,1,1,10\n{body}").into_bytes();
    vec![
        case("empty scores file", "diem-rong.csv", "", S),
        case("scores header only", "diem-tieu-de.csv", h, S),
        case("scores with wrong headers", "diem-anh.csv", "Member,Dossier,Criterion,Points\nA,1,1,10\n", S),
        case("points as words", "diem-chu.csv", s("Thành viên 2,1,1,mười\n"), S),
        case("points over the maximum", "diem-qua.csv", s("Thành viên 2,1,1,99\n"), S),
        case("negative points", "diem-am.csv", s("Thành viên 2,1,1,-3\n"), S),
        case("points not in halves", "diem-le.csv", s("Thành viên 2,1,1,7.3\n"), S),
        case("points NaN and infinite", "diem-nan.csv", s("Thành viên 2,1,1,NaN\nThành viên 3,1,1,1e309\n"), S),
        case("an unknown member", "diem-nguoi-la.csv", s("Người lạ,1,1,10\n"), S),
        case("an unknown dossier", "diem-ho-so-la.csv", s("Thành viên 2,999,1,10\n"), S),
        case("a dossier number as words", "diem-so-chu.csv", s("Thành viên 2,một,1,10\n"), S),
        case("a criterion out of range", "diem-tieu-chi.csv", s("Thành viên 2,1,42,10\n"), S),
        case("the same cell twice", "diem-trung.csv", s("Thành viên 1,1,1,12\n"), S),
        case("binary junk scores", "diem-rac.csv", vec![0u8, 159, 146, 150, 0, 1, 2, 255], S),
    ]
}
