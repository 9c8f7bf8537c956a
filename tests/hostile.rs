//! Hostile files, refused with a Vietnamese sentence and nothing written, within a bounded memory:
//! each runs the command line as a child process under `ulimit -v` (300 MB of address space),
//! where an allocation of what a file claims would abort the process instead of refusing it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write;
use std::path::Path;
use std::process::Output;

use common::{content_digest, example_file, stderr};

/// Address space allowed to the child, in KiB.
const LIMIT_KIB: u64 = 300 * 1024;

fn bounded(db: &Path, args: &[&str]) -> Output {
    std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("ulimit -v {LIMIT_KIB} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_thidua"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

/// The command was refused as a user error (exit 1, not an abort), said in Vietnamese, briefly.
fn refused(out: &Output, says: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(says), "expected «{says}» in: {err}");
    assert!(err.len() < 2_000, "the message quotes too much: {} bytes", err.len());
}

#[test]
fn ordinary_work_fits_in_the_same_memory_bound() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let out = bounded(&db, &["nominations", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = bounded(&db, &["import", common::fixture("nominations-example.csv").to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_workbook_with_a_cell_at_xfd1048576_is_refused_without_allocating_its_extent() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let file = dir.path().join("sparse.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (i, h) in common::NOMINATION_HEADER.iter().enumerate() {
        sheet.write_string(0, i as u16, *h).unwrap();
    }
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    book.save(&file).unwrap();
    assert!(std::fs::metadata(&file).unwrap().len() < 20_000, "a small file");
    let before = content_digest(&db);
    refused(&bounded(&db, &["import", file.to_str().unwrap()]), "ngoài vùng một bảng được nhập");
    refused(&bounded(&db, &["scores", "import", file.to_str().unwrap()]), "ngoài vùng một bảng được nhập");
    assert_eq!(content_digest(&db), before);
}

#[test]
fn a_fifty_megabyte_cell_is_refused_quoting_none_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let file = dir.path().join("huge-cell.csv");
    let mut f = std::fs::File::create(&file).unwrap();
    writeln!(f, "{}", common::NOMINATION_HEADER.join(",")).unwrap();
    let name = "Nguyễn ".repeat(2_000_000);
    writeln!(f, "Phòng Y tế,Cá nhân,{name},Nam,,05/01/2024 09:00,Có,Có,Có,").unwrap();
    drop(f);
    let before = content_digest(&db);
    let out = bounded(&db, &["import", file.to_str().unwrap()]);
    refused(&out, "quá giới hạn 32767 ký tự");
    assert_eq!(content_digest(&db), before);
}

#[test]
fn a_device_a_pipe_or_a_link_is_not_attached() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let before = content_digest(&db);
    refused(&bounded(&db, &["attach", "1", "/dev/zero"]), "không phải một tệp thông thường");
    let fifo = dir.path().join("pipe");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    refused(&bounded(&db, &["attach", "1", fifo.to_str().unwrap()]), "không phải một tệp thông thường");
    let link = dir.path().join("passwd.pdf");
    std::os::unix::fs::symlink("/etc/passwd", &link).unwrap();
    refused(&bounded(&db, &["attach", "1", link.to_str().unwrap()]), "không phải một tệp thông thường");
    assert_eq!(content_digest(&db), before);
}

/// An exchange file whose entries are `entries`, with a manifest giving their true digests.
fn exchange_file(path: &Path, entries: &[(&str, &[u8])]) {
    use sha2::{Digest, Sha256};
    let files: serde_json::Map<String, serde_json::Value> = entries
        .iter()
        .map(|(n, b)| {
            let hex: String = Sha256::digest(b).iter().map(|x| format!("{x:02x}")).collect();
            (n.to_string(), serde_json::Value::String(hex))
        })
        .collect();
    let manifest = serde_json::json!({"format": "thidua-campaign", "format_version": 1, "files": files});
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    zip.start_file("manifest.json", options).unwrap();
    zip.write_all(manifest.to_string().as_bytes()).unwrap();
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn a_hundred_megabyte_campaign_json_with_a_true_digest_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let file = dir.path().join("bomb.zip");
    let mut json = Vec::with_capacity(100 << 20);
    json.extend_from_slice(
        br#"{"format":"thidua-campaign","format_version":1,"schema_version":1,"code":"x","tables":{"units":["#,
    );
    while json.len() < 100 << 20 {
        json.extend_from_slice(br#"{"a":1},"#);
    }
    json.extend_from_slice(br#"{"a":1}]}}"#);
    exchange_file(&file, &[("campaign.json", &json)]);
    let before = content_digest(&db);
    refused(&bounded(&db, &["import-campaign", file.to_str().unwrap()]), "quá giới hạn của tệp trao đổi");
    assert_eq!(content_digest(&db), before);
}

#[test]
fn a_campaign_json_just_under_its_limit_of_the_smallest_objects_is_refused_within_the_bound() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let file = dir.path().join("nearly.zip");
    let limit = thidua::exchange::archive::MAX_DATA as usize;
    let wide: String = (0..64).map(|c| format!(r#""c{c}":1,"#)).collect();
    let wide = format!("{{{}}},", wide.trim_end_matches(','));
    // Many rows of one cell, then fewer rows of the most columns a row may have.
    for row in [r#"{"a":1},"#.to_string(), wide] {
        let mut json = Vec::with_capacity(limit);
        json.extend_from_slice(
            br#"{"format":"thidua-campaign","format_version":1,"schema_version":1,"code":"x","tables":{"units":["#,
        );
        while json.len() < limit - row.len() - 64 {
            json.extend_from_slice(row.as_bytes());
        }
        json.extend_from_slice(br#"{"a":1}]}}"#);
        exchange_file(&file, &[("campaign.json", &json)]);
        let before = content_digest(&db);
        refused(&bounded(&db, &["import-campaign", file.to_str().unwrap()]), "chưa ghi gì");
        assert_eq!(content_digest(&db), before);
    }
}

#[test]
fn an_archive_with_two_entries_of_one_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    // A genuine export, then a second «campaign.json» put in under a name of the same length,
    // renamed in the bytes (names are not covered by the entries' checksums).
    let good = dir.path().join("good.zip");
    assert!(common::cli(&db, &["export", "campaign", good.to_str().unwrap()]).status.success());
    let file = dir.path().join("twice.zip");
    let mut zip =
        zip::ZipWriter::new_append(std::fs::OpenOptions::new().read(true).write(true).open(&good).unwrap()).unwrap();
    zip.start_file("campaignXjson", zip::write::SimpleFileOptions::default()).unwrap();
    zip.write_all(br#"{"format":"thidua-campaign","format_version":1,"schema_version":1,"code":"x","tables":{}}"#)
        .unwrap();
    zip.finish().unwrap();
    let bytes = std::fs::read(&good).unwrap();
    let renamed: Vec<u8> = {
        let mut out = bytes.clone();
        let needle = b"campaignXjson";
        let mut i = 0;
        while let Some(p) = out[i..].windows(needle.len()).position(|w| w == needle) {
            out[i + p..i + p + needle.len()].copy_from_slice(b"campaign.json");
            i += p + needle.len();
        }
        out
    };
    assert_ne!(renamed, bytes);
    std::fs::write(&file, renamed).unwrap();
    let other = dir.path().join("other.sqlite3");
    assert!(common::cli(&other, &["init"]).status.success());
    let before = content_digest(&other);
    refused(&bounded(&other, &["import-campaign", file.to_str().unwrap()]), "hai mục cùng tên");
    assert_eq!(content_digest(&other), before);
}

/// The entries of an exchange file, by name.
fn entries(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut e = zip.by_index(i).unwrap();
            let name = e.name().unwrap().to_string();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut e, &mut bytes).unwrap();
            (name, bytes)
        })
        .filter(|(n, _)| !n.ends_with('/'))
        .collect()
}

/// A genuine export of the example (with a scan attached to dossier 1), edited by `edit` and
/// sealed again with true digests, as someone with the file and a text editor could.
fn tampered(dir: &Path, db: &Path, edit: impl Fn(&mut serde_json::Value)) -> std::path::PathBuf {
    let scan = dir.join("to-trinh.pdf");
    std::fs::write(&scan, b"%PDF-1.4 scan").unwrap();
    assert!(common::cli(db, &["attach", "1", scan.to_str().unwrap()]).status.success());
    let good = dir.join("good.zip");
    assert!(common::cli(db, &["export", "campaign", good.to_str().unwrap()]).status.success());
    let mut files = entries(&good);
    for (name, bytes) in &mut files {
        if name == "campaign.json" {
            let mut v: serde_json::Value = serde_json::from_slice(bytes).unwrap();
            edit(&mut v);
            *bytes = serde_json::to_vec(&v).unwrap();
        }
    }
    let out = dir.join("tampered.zip");
    let payload: Vec<(&str, &[u8])> =
        files.iter().filter(|(n, _)| n != "manifest.json").map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    exchange_file(&out, &payload);
    out
}

/// A change made to an exchange file's data.
type Edit = dyn Fn(&mut serde_json::Value);

fn rows<'a>(v: &'a mut serde_json::Value, table: &str) -> &'a mut Vec<serde_json::Value> {
    v["tables"][table].as_array_mut().unwrap()
}

#[test]
fn an_exchange_file_is_checked_as_typed_dossiers_are_and_its_outcomes_against_the_rules() {
    let cases: Vec<(&str, Box<Edit>)> = vec![
        // A dossier sent after the deadline arrives as accepted, its refusal removed.
        (
            "theo quy định tiếp nhận phải là «Không tiếp nhận»",
            Box::new(|v| {
                let late = rows(v, "nominations").iter_mut().find(|n| n["status"] == "refused").unwrap();
                late["status"] = "accepted".into();
                late["decision"] = "accepted".into();
                let id = late["id"].clone();
                rows(v, "refusals").retain(|r| r["nomination_id"] != id);
            }),
        ),
        ("có ký tự điều khiển", Box::new(|v| rows(v, "nominations")[0]["name"] = "Lê\u{1b}]0;x\u{7}Trang".into())),
        ("tối đa 300 ký tự", Box::new(|v| rows(v, "nominations")[0]["name"] = "A".repeat(40_000).into())),
        (
            "không phải một tên tệp",
            Box::new(|v| rows(v, "attachments")[0]["file_name"] = "../../../../etc/passwd".into()),
        ),
    ];
    for (says, edit) in cases {
        let dir = tempfile::tempdir().unwrap();
        let (db, _) = example_file(dir.path());
        let file = tampered(dir.path(), &db, edit);
        let other = dir.path().join("other.sqlite3");
        assert!(common::cli(&other, &["init"]).status.success());
        let before = content_digest(&other);
        refused(&bounded(&other, &["import-campaign", file.to_str().unwrap()]), says);
        assert_eq!(content_digest(&other), before, "{says}");
    }
}

#[test]
fn a_genuine_exchange_file_still_imports() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let file = tampered(dir.path(), &db, |_| {});
    let other = dir.path().join("other.sqlite3");
    let out = common::cli(&other, &["import-campaign", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn every_text_that_comes_in_is_checked_once_whatever_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let before = content_digest(&db);
    let escape = "Xã \u{1b}]0;owned\u{7}Mới";
    let reversed = "Nguyễn \u{202E}nặV";
    let long = "Phòng ".repeat(2_000);
    for (args, says) in [
        (vec!["units", "add", escape, "--kind", "commune"], "có ký tự điều khiển"),
        (vec!["units", "add", reversed, "--kind", "commune"], "ký tự đảo chiều"),
        (vec!["units", "edit", "1", "--name", &long], "tối đa 300 ký tự"),
        (vec!["units", "add", "=HYPERLINK(\"x\")", "--kind", "commune"], "như một công thức"),
        (vec!["units", "add", "--kind", "commune", "--", "-2+3"], "như một công thức"),
        (vec!["members", "add", reversed], "ký tự đảo chiều"),
        (vec!["members", "add", "Lê Văn A", "--position", escape], "có ký tự điều khiển"),
        (vec!["correct", "1", "--name", escape], "có ký tự điều khiển"),
        (vec!["correct", "1", "--position", &long], "tối đa 300 ký tự"),
        (vec!["--user", escape, "nominations"], "tên người thực hiện"),
        (vec!["appraise", "1", "--refuse", "criteria_not_met", "--note", reversed], "ký tự đảo chiều"),
    ] {
        let out = common::cli(&db, &args);
        refused(&out, says);
    }
    assert_eq!(content_digest(&db), before);
}

#[test]
fn a_two_digit_year_is_refused_not_read_as_the_year_24() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let before = content_digest(&db);
    let file = dir.path().join("yy.csv");
    std::fs::write(
        &file,
        format!(
            "{}\nPhòng Y tế,Cá nhân,Lò Văn Sáu,Nam,,04/01/24 08:00,Có,Có,Có,\n",
            common::NOMINATION_HEADER.join(",")
        ),
    )
    .unwrap();
    refused(&common::cli(&db, &["import", file.to_str().unwrap()]), "năm phải ghi đủ 4 chữ số");
    // ISO 8601 with a year 0024 gets past the spreadsheet's reading, not the rule on portal times.
    refused(&common::cli(&db, &["correct", "1", "--time", "0024-01-04T08:00:00+07:00"]), "hơn một năm");
    refused(&common::cli(&db, &["correct", "1", "--time", "2999-01-04T08:00:00+07:00"]), "sau thời điểm hiện tại");
    assert_eq!(content_digest(&db), before);
}
