//! The exchange file: one campaign in a zip archive, for the province or a colleague's PC.
//!
//! Layout: `campaign.json` (the campaign's rows, table by table, with canonical ids),
//! `attachments/` (scanned files, when the model has them) and `manifest.json`, which gives the
//! SHA-256 digest of every other file. Reading checks every name and every digest before anything
//! is parsed; a tampered, truncated or unexpected file is refused whole.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Seek, SeekFrom, Write};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;

use crate::error::{Error, RecordsError, Result};
use crate::model::Tables;

const FORMAT: &str = "thidua-campaign";
const FORMAT_VERSION: u32 = 1;
const DATA: &str = "campaign.json";
const MANIFEST: &str = "manifest.json";
const ATTACHMENTS: &str = "attachments/";
/// The most an archive may unpack to in all: a district's campaign with every scan is far below.
pub const MAX_TOTAL: u64 = 4 << 30;
/// The most `campaign.json` may weigh: a district campaign of a thousand dossiers, every one
/// scored by a council of nine on seven criteria, is about 8 MB; a real one is far smaller.
pub const MAX_DATA: u64 = 32 << 20;
/// The most rows all the tables of `campaign.json` may carry together (that campaign has some
/// 70,000, almost all scores), and the most columns a row may have: a row in memory is larger
/// than its text, so what the file states is counted while it is read.
pub const MAX_ROWS: usize = 200_000;
/// The most cells (a row's columns, counted over all rows) `campaign.json` may carry: that
/// campaign has some 700,000.
pub const MAX_CELLS: usize = 1_000_000;
const MAX_COLUMNS: usize = 64;
/// The most the manifest may weigh.
const MAX_MANIFEST: u64 = 4 << 20;
/// The most one attached scan may weigh, as when it is attached.
pub const MAX_ATTACHMENT: u64 = 200 << 20;
const MAX_ENTRIES: usize = 100_000;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    format: String,
    format_version: u32,
    /// Path inside the archive → lowercase hex SHA-256.
    files: BTreeMap<String, String>,
}

#[derive(Debug, Serialize)]
struct CampaignData {
    format: String,
    format_version: u32,
    schema_version: i64,
    code: String,
    tables: Tables,
}

/// `campaign.json` as read: its tables through [`BoundedTables`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CampaignDataIn {
    format: String,
    format_version: u32,
    schema_version: i64,
    code: String,
    tables: BoundedTables,
}

/// The tables of `campaign.json`, read with a count of rows and columns and only plain values in
/// cells (text, numbers, true/false, null), refused as soon as a bound is passed.
#[derive(Debug)]
struct BoundedTables(Tables);

impl<'de> Deserialize<'de> for BoundedTables {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Tables_;
        impl<'de> serde::de::Visitor<'de> for Tables_ {
            type Value = BoundedTables;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("các bảng dữ liệu")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<BoundedTables, A::Error> {
                let mut tables = Tables::new();
                let mut count = (0usize, 0usize);
                while let Some(name) = map.next_key::<String>()? {
                    let table = map.next_value_seed(Rows { count: &mut count })?;
                    tables.insert(name, table);
                }
                Ok(BoundedTables(tables))
            }
        }
        d.deserialize_map(Tables_)
    }
}

/// One table's rows, counted (rows, cells) into those of all tables.
struct Rows<'a> {
    count: &'a mut (usize, usize),
}

impl<'de> serde::de::DeserializeSeed<'de> for Rows<'_> {
    type Value = Vec<serde_json::Map<String, serde_json::Value>>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<Self::Value, D::Error> {
        struct Seq<'a>(&'a mut (usize, usize));
        impl<'de> serde::de::Visitor<'de> for Seq<'_> {
            type Value = Vec<serde_json::Map<String, serde_json::Value>>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("các dòng của một bảng")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(row) = seq.next_element::<Row>()? {
                    self.0 .0 += 1;
                    self.0 .1 += row.0.len();
                    if self.0 .0 > MAX_ROWS || self.0 .1 > MAX_CELLS {
                        return Err(serde::de::Error::custom(format!(
                            "quá {MAX_ROWS} dòng hoặc {MAX_CELLS} ô dữ liệu"
                        )));
                    }
                    out.push(row.0);
                }
                Ok(out)
            }
        }
        d.deserialize_seq(Seq(self.count))
    }
}

/// One row: at most [`MAX_COLUMNS`] columns of plain values.
struct Row(serde_json::Map<String, serde_json::Value>);

impl<'de> Deserialize<'de> for Row {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Cells;
        impl<'de> serde::de::Visitor<'de> for Cells {
            type Value = Row;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("một dòng dữ liệu")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<Row, A::Error> {
                let mut row = serde_json::Map::new();
                while let Some(column) = map.next_key::<String>()? {
                    if row.len() == MAX_COLUMNS {
                        return Err(serde::de::Error::custom(format!("một dòng có quá {MAX_COLUMNS} cột")));
                    }
                    let value: serde_json::Value = map.next_value()?;
                    if value.is_array() || value.is_object() {
                        return Err(serde::de::Error::custom(format!(
                            "cột «{}» không phải một giá trị",
                            crate::vn::shown(&column)
                        )));
                    }
                    row.insert(column, value);
                }
                Ok(Row(row))
            }
        }
        d.deserialize_map(Cells)
    }
}

/// The verified content of an exchange file.
#[derive(Debug)]
pub struct ExchangeFile {
    pub code: String,
    pub schema_version: i64,
    pub tables: Tables,
    /// Attachment path (below `attachments/`) → bytes.
    pub attachments: BTreeMap<String, Vec<u8>>,
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes the archive's bytes.
pub fn write_exchange(
    code: &str,
    schema_version: i64,
    tables: &Tables,
    attachments: &BTreeMap<String, Vec<u8>>,
) -> Result<Vec<u8>> {
    let data = CampaignData {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        schema_version,
        code: code.into(),
        tables: tables.clone(),
    };
    let data = serde_json::to_vec_pretty(&data).map_err(|e| RecordsError::Encoding(e.to_string()))?;
    let mut files = BTreeMap::new();
    files.insert(DATA.to_string(), data);
    for (name, bytes) in attachments {
        files.insert(format!("{ATTACHMENTS}{name}"), bytes.clone());
    }
    let manifest = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        files: files.iter().map(|(n, b)| (n.clone(), hex(b))).collect(),
    };
    let manifest = serde_json::to_vec_pretty(&manifest).map_err(|e| RecordsError::Encoding(e.to_string()))?;
    let zip_err =
        |e: zip::result::ZipError| Error::Records(RecordsError::Encoding(format!("không tạo được tệp nén: {e}")));
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file(MANIFEST, options).map_err(zip_err)?;
    zip.write_all(&manifest).map_err(|e| zip_err(e.into()))?;
    zip.add_directory(ATTACHMENTS, options).map_err(zip_err)?;
    for (name, bytes) in &files {
        zip.start_file(name.as_str(), options).map_err(zip_err)?;
        zip.write_all(bytes).map_err(|e| zip_err(e.into()))?;
    }
    Ok(zip.finish().map_err(zip_err)?.into_inner())
}

/// A safe name inside the archive: relative, `/`-separated, no `..`, no drive, no control characters.
fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.contains('\\')
        && !name.contains(':')
        && !name.chars().any(char::is_control)
        && name.trim_end_matches('/').split('/').all(|part| !part.is_empty() && part != "." && part != "..")
}

/// The number of records in the archive's central directory, as its end record states it. The zip
/// library keeps one entry per name, so a second entry under a name already used (which would
/// silently win) shows as a difference between the two counts.
fn central_directory_records<R: Read + Seek>(reader: &mut R) -> Result<u64, String> {
    let broken = || "Tệp không phải tệp trao đổi hợp lệ hoặc đã bị cắt cụt.".to_string();
    let len = reader.seek(SeekFrom::End(0)).map_err(|_| broken())?;
    let tail_len = len.min(22 + 0xFFFF);
    reader.seek(SeekFrom::Start(len - tail_len)).map_err(|_| broken())?;
    let mut tail = vec![0u8; tail_len as usize];
    reader.read_exact(&mut tail).map_err(|_| broken())?;
    let eocd = (0..tail.len().saturating_sub(21)).rev().find(|&i| tail[i..i + 4] == [0x50, 0x4b, 0x05, 0x06]);
    let eocd = eocd.ok_or_else(broken)?;
    let u16_at = |i: usize| u16::from_le_bytes([tail[i], tail[i + 1]]);
    let records = u16_at(eocd + 10);
    if records != 0xFFFF {
        return Ok(u64::from(records));
    }
    // Zip64: the locator, just before the end record, gives where the zip64 end record lies.
    let locator = eocd.checked_sub(20).filter(|&i| tail[i..i + 4] == [0x50, 0x4b, 0x06, 0x07]).ok_or_else(broken)?;
    let mut offset = [0u8; 8];
    offset.copy_from_slice(&tail[locator + 8..locator + 16]);
    reader.seek(SeekFrom::Start(u64::from_le_bytes(offset))).map_err(|_| broken())?;
    let mut record = [0u8; 40];
    reader.read_exact(&mut record).map_err(|_| broken())?;
    if record[..4] != [0x50, 0x4b, 0x06, 0x06] {
        return Err(broken());
    }
    let mut count = [0u8; 8];
    count.copy_from_slice(&record[32..40]);
    Ok(u64::from_le_bytes(count))
}

/// Reads and verifies an archive, entry by entry with a limit for each, never more than
/// [`MAX_TOTAL`] in all. The error is the reason, in Vietnamese.
pub fn read_exchange<R: Read + Seek>(mut reader: R) -> Result<ExchangeFile, String> {
    let records = central_directory_records(&mut reader)?;
    reader.seek(SeekFrom::Start(0)).map_err(|e| format!("Không đọc được tệp ({e})."))?;
    let mut zip = zip::ZipArchive::new(reader)
        .map_err(|e| format!("Tệp không phải tệp trao đổi hợp lệ hoặc đã bị cắt cụt ({e})."))?;
    if zip.len() > MAX_ENTRIES || records > MAX_ENTRIES as u64 {
        return Err("Tệp có quá nhiều mục.".into());
    }
    if records != zip.len() as u64 {
        return Err("Tệp có hai mục cùng tên; một tệp trao đổi của Thi đua không bao giờ như vậy.".into());
    }
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| format!("Mục thứ {} trong tệp bị hỏng ({e}).", i + 1))?;
        let name = entry.name().map_err(|e| format!("Mục thứ {} có tên không đọc được ({e}).", i + 1))?.to_string();
        if !safe_name(&name) || entry.enclosed_name().is_none() {
            return Err(format!("Tệp chứa đường dẫn không an toàn «{name}»."));
        }
        if entry.is_dir() {
            if name != ATTACHMENTS && !name.starts_with(ATTACHMENTS) {
                return Err(format!("Tệp có thư mục lạ «{name}»."));
            }
            continue;
        }
        if name != MANIFEST && name != DATA && !name.starts_with(ATTACHMENTS) {
            return Err(format!("Tệp có mục lạ «{name}», không thuộc định dạng tệp trao đổi."));
        }
        let entry_limit = match name.as_str() {
            MANIFEST => MAX_MANIFEST,
            DATA => MAX_DATA,
            _ => MAX_ATTACHMENT,
        };
        // The size an entry states is a claim: the bytes are counted as they are read.
        let limit = entry_limit.min(MAX_TOTAL.saturating_sub(total));
        let mut buf = Vec::new();
        (&mut entry).take(limit + 1).read_to_end(&mut buf).map_err(|e| format!("Mục «{name}» bị hỏng ({e})."))?;
        if buf.len() as u64 > entry_limit {
            return Err(format!(
                "Mục «{name}» giải nén ra hơn {} MB, quá giới hạn của tệp trao đổi.",
                entry_limit >> 20
            ));
        }
        total += buf.len() as u64;
        if total > MAX_TOTAL {
            return Err("Tệp giải nén ra quá lớn.".into());
        }
        if files.insert(name.clone(), buf).is_some() {
            return Err(format!("Mục «{name}» có hai lần trong tệp."));
        }
    }
    let manifest = files.remove(MANIFEST).ok_or("Tệp thiếu bảng kê mã băm (manifest.json).")?;
    let manifest: Manifest = serde_json::from_slice(&manifest).map_err(|e| format!("Bảng kê mã băm hỏng ({e})."))?;
    if manifest.format != FORMAT || manifest.format_version != FORMAT_VERSION {
        return Err("Tệp không đúng định dạng tệp trao đổi của Thi đua.".into());
    }
    for name in files.keys() {
        if !manifest.files.contains_key(name) {
            return Err(format!("Mục «{name}» không có trong bảng kê mã băm."));
        }
    }
    for (name, digest) in &manifest.files {
        let bytes = files.get(name).ok_or_else(|| format!("Thiếu mục «{name}» có trong bảng kê mã băm."))?;
        if hex(bytes) != digest.to_ascii_lowercase() {
            return Err(format!("Mã băm SHA-256 của «{name}» không khớp: tệp đã bị sửa hoặc hỏng."));
        }
    }
    let data = files.remove(DATA).ok_or("Tệp thiếu dữ liệu đợt thi đua (campaign.json).")?;
    let data: CampaignDataIn =
        serde_json::from_slice(&data).map_err(|e| format!("Dữ liệu đợt thi đua không đọc được ({e})."))?;
    if data.format != FORMAT || data.format_version != FORMAT_VERSION {
        return Err("Dữ liệu không đúng định dạng tệp trao đổi của Thi đua.".into());
    }
    let attachments =
        files.into_iter().filter_map(|(n, b)| Some((n.strip_prefix(ATTACHMENTS)?.to_string(), b))).collect();
    Ok(ExchangeFile { code: data.code, schema_version: data.schema_version, tables: data.tables.0, attachments })
}

/// Checks what the records of an exchange file name against what it carries: the campaign's
/// code agrees, and every attached file the records name is there under its own digest, with no
/// file that no record names. Returns the digests of the attached files.
pub fn verify_exchange(content: &ExchangeFile) -> Result<Vec<String>, String> {
    let code =
        content.tables.get("campaigns").and_then(|c| c.first()).and_then(|c| c.get("code")).and_then(|c| c.as_str());
    if code != Some(content.code.as_str()) {
        return Err("Mã đợt thi đua trong tệp không thống nhất.".into());
    }
    let named: Vec<String> = content
        .tables
        .get("attachments")
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(|row| row.get("sha256").and_then(|v| v.as_str()).map(String::from))
        .collect();
    for sha in &named {
        match content.attachments.get(sha) {
            Some(bytes) if hex(bytes) == *sha => {}
            _ => return Err(format!("Thiếu tệp đính kèm «{sha}» hoặc tệp không khớp mã băm.")),
        }
    }
    if let Some(extra) = content.attachments.keys().find(|k| !named.contains(k)) {
        return Err(format!("Có tệp đính kèm «{extra}» không thuộc hồ sơ nào."));
    }
    Ok(named)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_names_are_refused() {
        for bad in ["../../x", "/etc/passwd", "a/../b", "C:\\x", "attachments/..", "a\\b", ""] {
            assert!(!safe_name(bad), "{bad}");
        }
        assert!(safe_name("attachments/ho-so-1/to-trinh.pdf"));
    }
}
