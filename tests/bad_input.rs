//! The bad-input suite: malformed files fed to every importer (nominations .csv/.xlsx, council
//! scores, campaign exchange archives). Each is refused whole with a Vietnamese message, and the
//! database's records are exactly as before.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use common::{content_digest, example_file};
use rust_xlsxwriter::{Formula, Workbook};
use sha2::{Digest, Sha256};
use thidua::exchange::scores::import_scores;
use thidua::exchange::{export_campaign, import_campaign, import_nominations};
use thidua::model::CouncilRole;
use thidua::{Error, Store};
use unicode_normalization::UnicodeNormalization;

const HEADER: &str = "Đơn vị,Loại,Tên,Giới tính,Chức vụ,Thời gian nộp,Tờ trình,Biên bản,Báo cáo thành tích\n";
const GOOD_ROW: &str = "Phòng Nội vụ,Cá nhân,Nguyễn Văn An,Nam,Chuyên viên,04/01/2024 08:00,Có,Có,Có\n";

#[derive(Clone, Copy, Debug)]
enum Importer {
    Nominations,
    Scores,
    Archive,
}

struct Case {
    name: &'static str,
    file: &'static str,
    bytes: Vec<u8>,
    importer: Importer,
}

fn case(name: &'static str, file: &'static str, bytes: impl Into<Vec<u8>>, importer: Importer) -> Case {
    Case { name, file, bytes: bytes.into(), importer }
}

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

fn header_cells() -> Vec<&'static str> {
    HEADER.trim_end().split(',').collect()
}

fn row(name: &'static str, time: &'static str) -> Vec<&'static str> {
    vec!["Phòng Nội vụ", "Cá nhân", name, "Nam", "Chuyên viên", time, "Có", "Có", "Có"]
}

fn zip_of(files: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in files {
        zip.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// An archive whose manifest matches its (possibly malformed) campaign data.
fn archive(data: &serde_json::Value, extra: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let data = serde_json::to_vec(data).unwrap();
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    files.insert("campaign.json".into(), hex(&data));
    for (n, b) in extra {
        files.insert((*n).into(), hex(b));
    }
    let manifest = serde_json::json!({"format": "thidua-campaign", "format_version": 1, "files": files});
    let mut all = vec![("manifest.json", serde_json::to_vec(&manifest).unwrap()), ("campaign.json", data)];
    all.extend(extra.iter().cloned());
    zip_of(&all)
}

/// A valid exchange file of the example campaign under another code, as JSON to be spoiled.
fn valid_data(dir: &Path) -> (serde_json::Value, Vec<u8>) {
    let (db, c) = example_file(&dir.join("source"));
    let mut store = Store::open(&db).unwrap();
    store.accept_all(c.id).unwrap();
    let file = dir.join("source.zip");
    export_campaign(&store, &c, &file).unwrap();
    let bytes = std::fs::read(&file).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
    let mut data: serde_json::Value = serde_json::from_reader(zip.by_name("campaign.json").unwrap()).unwrap();
    data["code"] = "dot-khac".into();
    data["tables"]["campaigns"][0]["code"] = "dot-khac".into();
    (data, bytes)
}

fn spoil(data: &serde_json::Value, f: impl FnOnce(&mut serde_json::Value)) -> serde_json::Value {
    let mut d = data.clone();
    f(&mut d);
    d
}

fn nomination_cases() -> Vec<Case> {
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
    ]
}

fn score_cases() -> Vec<Case> {
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

fn archive_cases(dir: &Path) -> Vec<Case> {
    use Importer::Archive as A;
    let (data, good) = valid_data(dir);
    let manifest_only = |m: serde_json::Value| zip_of(&[("manifest.json", serde_json::to_vec(&m).unwrap())]);
    vec![
        case("an empty archive file", "rong.zip", "", A),
        case("random bytes", "rac.zip", (0..2000u32).map(|i| (i * 7919 % 251) as u8).collect::<Vec<u8>>(), A),
        case("a truncated archive", "cat.zip", good[..good.len() / 3].to_vec(), A),
        case("a path climbing out", "thoat.zip", archive(&data, &[("../../x", b"x".to_vec())]), A),
        case("an absolute path", "tuyet-doi.zip", archive(&data, &[("/etc/thidua", b"x".to_vec())]), A),
        case("a Windows path climbing out", "thoat-win.zip", archive(&data, &[("..\\..\\x", b"x".to_vec())]), A),
        case("a file outside the format", "la.zip", archive(&data, &[("readme.txt", b"x".to_vec())]), A),
        case(
            "a tampered data file",
            "sua.zip",
            {
                let mut z = zip::ZipArchive::new(std::io::Cursor::new(good.clone())).unwrap();
                let manifest = std::io::read_to_string(z.by_name("manifest.json").unwrap()).unwrap();
                zip_of(&[
                    ("manifest.json", manifest.into_bytes()),
                    ("campaign.json", serde_json::to_vec(&data).unwrap()),
                ])
            },
            A,
        ),
        case("no manifest", "khong-bang-ke.zip", zip_of(&[("campaign.json", serde_json::to_vec(&data).unwrap())]), A),
        case(
            "a manifest of another format",
            "dinh-dang.zip",
            manifest_only(serde_json::json!({"format": "khac", "format_version": 1, "files": {}})),
            A,
        ),
        case(
            "a manifest naming a missing file",
            "thieu-tep.zip",
            manifest_only(
                serde_json::json!({"format": "thidua-campaign", "format_version": 1, "files": {"campaign.json": "00"}}),
            ),
            A,
        ),
        case(
            "data that is not JSON",
            "khong-json.zip",
            {
                let bytes = b"{ not json".to_vec();
                let m = serde_json::json!({"format": "thidua-campaign", "format_version": 1, "files": {"campaign.json": hex(&bytes)}});
                zip_of(&[("manifest.json", serde_json::to_vec(&m).unwrap()), ("campaign.json", bytes)])
            },
            A,
        ),
        case("a newer schema", "moi-hon.zip", archive(&spoil(&data, |d| d["schema_version"] = 999.into()), &[]), A),
        case(
            "an unknown table",
            "bang-la.zip",
            archive(&spoil(&data, |d| d["tables"]["secrets"] = serde_json::json!([])), &[]),
            A,
        ),
        case(
            "two campaigns",
            "hai-dot.zip",
            archive(
                &spoil(&data, |d| {
                    let c = d["tables"]["campaigns"][0].clone();
                    d["tables"]["campaigns"].as_array_mut().unwrap().push(c);
                }),
                &[],
            ),
            A,
        ),
        case(
            "a reference to a missing unit",
            "tham-chieu.zip",
            archive(&spoil(&data, |d| d["tables"]["nominations"][3]["unit_id"] = 9999.into()), &[]),
            A,
        ),
        case(
            "a bad status in the last nomination",
            "trang-thai.zip",
            archive(
                &spoil(&data, |d| {
                    let last = d["tables"]["nominations"].as_array().unwrap().len() - 1;
                    d["tables"]["nominations"][last]["status"] = "bogus".into();
                }),
                &[],
            ),
            A,
        ),
        case(
            "settings that do not parse",
            "cai-dat.zip",
            archive(&spoil(&data, |d| d["tables"]["campaigns"][0]["settings"] = "{}".into()), &[]),
            A,
        ),
        case(
            "an unknown column",
            "cot-la.zip",
            archive(&spoil(&data, |d| d["tables"]["units"][0]["x; DROP TABLE units"] = 1.into()), &[]),
            A,
        ),
        case("a code that disagrees", "ma-khac.zip", archive(&spoil(&data, |d| d["code"] = "khac-nua".into()), &[]), A),
    ]
}

fn run(store: &mut Store, case: &Case, path: &Path) -> Result<(), Error> {
    let campaign = store.campaign(None)?;
    match case.importer {
        Importer::Nominations => import_nominations(store, &campaign, path).map(|_| ()),
        Importer::Scores => {
            import_scores(store, &campaign, path, NaiveDate::from_ymd_opt(2024, 1, 8).unwrap()).map(|_| ())
        }
        Importer::Archive => import_campaign(store, path).map(|_| ()),
    }
}

#[test]
fn every_malformed_file_is_refused_whole_with_a_vietnamese_message() {
    let dir = tempfile::tempdir().unwrap();
    let (db, c) = example_file(dir.path());
    {
        let mut store = Store::open(&db).unwrap();
        store.accept_all(c.id).unwrap();
        for i in 1..=3 {
            let role = if i == 1 { CouncilRole::Chair } else { CouncilRole::Member };
            store.add_member(c.id, &format!("Thành viên {i}"), None, role).unwrap();
        }
    }
    let before = content_digest(&db);
    let mut cases = nomination_cases();
    cases.extend(score_cases());
    cases.extend(archive_cases(dir.path()));
    let mut store = Store::open(&db).unwrap();
    let inputs = dir.path().join("inputs");
    std::fs::create_dir_all(&inputs).unwrap();
    for case in &cases {
        let path: PathBuf = inputs.join(case.file);
        std::fs::write(&path, &case.bytes).unwrap();
        let err = match run(&mut store, case, &path) {
            Ok(()) => panic!("{} ({:?}) was accepted", case.name, case.importer),
            Err(e) => e,
        };
        let message = err.to_string();
        assert!(
            matches!(err.code(), "import_rejected" | "archive_rejected"),
            "{}: {} {message}",
            case.name,
            err.code()
        );
        assert!(message.contains("chưa ghi gì vào cơ sở dữ liệu"), "{}: {message}", case.name);
        assert_eq!(message, message.nfc().collect::<String>(), "{}: the message is NFC", case.name);
        assert!(message.chars().count() < 5000, "{}: a message a person can read", case.name);
        assert_eq!(content_digest(&db), before, "{}: nothing written", case.name);
        println!("{}: {}", case.name, message.lines().take(2).collect::<Vec<_>>().join(" / "));
    }
    println!("bad-input suite: {} malformed files refused, database unchanged", cases.len());
    assert!(cases.len() >= 50);
}
