//! Malformed campaign exchange archives: damaged zips, unsafe paths, tampered or inconsistent data.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use sha2::{Digest, Sha256};
use thidua::app::transfer::export_campaign;
use thidua::Store;

use super::common::example_file;
use super::{case, Case, Importer};

pub fn zip_of(files: &[(&str, Vec<u8>)]) -> Vec<u8> {
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

/// An archive with a second `campaign.json` after the first, with true digests: the zip library
/// keeps one entry per name, so the last would silently win.
fn twice(data: &serde_json::Value) -> Vec<u8> {
    let first = serde_json::to_vec(data).unwrap();
    let other = serde_json::to_vec(&spoil(data, |d| d["tables"]["nominations"] = serde_json::json!([]))).unwrap();
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    files.insert("campaign.json".into(), hex(&first));
    let manifest = serde_json::json!({"format": "thidua-campaign", "format_version": 1, "files": files});
    let bytes = zip_of(&[
        ("manifest.json", serde_json::to_vec(&manifest).unwrap()),
        ("campaign.json", first),
        ("campaignXjson", other),
    ]);
    // Renamed in the bytes (local header and central directory): names carry no checksum.
    let needle = b"campaignXjson";
    let mut out = bytes.clone();
    let mut i = 0;
    while let Some(p) = out[i..].windows(needle.len()).position(|w| w == needle) {
        out[i + p..i + p + needle.len()].copy_from_slice(b"campaign.json");
        i += p + needle.len();
    }
    out
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

pub fn archive_cases(dir: &Path) -> Vec<Case> {
    use Importer::Archive as A;
    let (data, good) = valid_data(dir);
    let manifest_only = |m: serde_json::Value| zip_of(&[("manifest.json", serde_json::to_vec(&m).unwrap())]);
    vec![
        case("an empty archive file", "rong.zip", "", A),
        case("random bytes", "rac.zip", (0..2000u32).map(|i| (i * 7919 % 251) as u8).collect::<Vec<u8>>(), A),
        case("a truncated archive", "cat.zip", good[..good.len() / 3].to_vec(), A),
        case("two entries named campaign.json", "hai-ban.zip", twice(&data), A),
        case(
            "a late dossier sent as accepted",
            "muon-dat.zip",
            archive(
                &spoil(&data, |d| {
                    let rows = d["tables"]["nominations"].as_array_mut().unwrap();
                    let late = rows.iter_mut().find(|n| n["status"] == "refused").unwrap();
                    late["status"] = "accepted".into();
                    late["decision"] = "accepted".into();
                    let id = late["id"].clone();
                    d["tables"]["refusals"].as_array_mut().unwrap().retain(|r| r["nomination_id"] != id);
                }),
                &[],
            ),
            A,
        ),
        case(
            "a name of 40,000 characters",
            "ten-dai.zip",
            archive(&spoil(&data, |d| d["tables"]["nominations"][0]["name"] = "A".repeat(40_000).into()), &[]),
            A,
        ),
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
