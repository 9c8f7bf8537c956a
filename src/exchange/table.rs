//! Reading a spreadsheet (.csv or .xlsx/.xls/.ods) into rows of cells, with the row numbers a
//! spreadsheet program shows (the header is row 1).

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};
use chrono::NaiveDateTime;

use crate::error::ImportProblem;

/// One cell's value as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A real date cell of a spreadsheet, in the time zone it was typed in.
    DateTime(NaiveDateTime),
}

/// A sheet: its header and its non-empty rows, each with its row number.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<Cell>)>,
}

fn problem(message: impl Into<String>) -> ImportProblem {
    ImportProblem { row: 0, column: None, message: message.into() }
}

/// Reads a file by its extension.
pub fn read_table(path: &Path) -> Result<Table, ImportProblem> {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => {
            let bytes =
                std::fs::read(path).map_err(|e| problem(format!("Không đọc được tệp «{}»: {e}", path.display())))?;
            read_csv(&bytes)
        }
        "xlsx" | "xlsm" | "xls" | "ods" => read_workbook(path),
        _ => Err(problem(format!(
            "Không nhận dạng được loại tệp «{}»: chỉ nhập được tệp .csv hoặc .xlsx.",
            path.display()
        ))),
    }
}

/// Reads CSV text: UTF-8 with or without BOM, comma- or semicolon-separated.
pub fn read_csv(bytes: &[u8]) -> Result<Table, ImportProblem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        problem(format!(
            "Tệp không phải văn bản UTF-8 (lỗi ở dòng {line}). Hãy lưu lại tệp dạng «CSV UTF-8» rồi nhập lại."
        ))
    })?;
    if text.contains('\0') {
        return Err(problem("Tệp chứa dữ liệu nhị phân, không phải tệp CSV."));
    }
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() { b';' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut records = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec =
            rec.map_err(|e| ImportProblem { row: i + 1, column: None, message: format!("Dòng CSV hỏng: {e}") })?;
        records.push((i + 1, rec.iter().map(|s| s.to_string()).collect::<Vec<_>>()));
    }
    let mut iter = records.into_iter();
    let header = iter.next().map(|(_, h)| h).ok_or_else(|| problem("Tệp trống: không có dòng tiêu đề."))?;
    let rows = iter
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(n, cells)| {
            (n, cells.into_iter().map(|c| if c.trim().is_empty() { Cell::Empty } else { Cell::Text(c) }).collect())
        })
        .collect();
    Ok(Table { header, rows })
}

fn read_workbook(path: &Path) -> Result<Table, ImportProblem> {
    let mut book = open_workbook_auto(path).map_err(|e| {
        problem(format!("Không đọc được bảng tính «{}»: tệp hỏng hoặc không đúng định dạng ({e}).", path.display()))
    })?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| problem("Bảng tính không có trang tính nào."))?
        .map_err(|e| problem(format!("Không đọc được trang tính đầu tiên: {e}")))?;
    // A formula's cached value may be stale or missing: the file must carry values only.
    if let Some(name) = book.sheet_names().first().cloned() {
        if let Ok(formulas) = book.worksheet_formula(&name) {
            let (r0, c0) = formulas.start().unwrap_or((0, 0));
            if let Some((r, c, f)) = formulas.cells().find(|(_, _, f)| !f.trim().is_empty()) {
                return Err(ImportProblem {
                    row: r0 as usize + r + 1,
                    column: None,
                    message: format!(
                        "Ô cột {} chứa công thức «={f}»; hãy sao chép rồi dán dạng giá trị (Paste Values) trước khi nhập.",
                        c0 as usize + c + 1
                    ),
                });
            }
        }
    }
    let (first_row, _) = range.start().unwrap_or((0, 0));
    let mut rows = range.rows().enumerate().map(|(i, r)| (first_row as usize + i + 1, r));
    let (_, header) = rows.next().ok_or_else(|| problem("Tệp trống: không có dòng tiêu đề."))?;
    let header = header.iter().map(|c| c.to_string()).collect();
    let mut out = Vec::new();
    for (n, r) in rows {
        let mut cells = Vec::with_capacity(r.len());
        for c in r {
            cells.push(match c {
                Data::Empty => Cell::Empty,
                Data::String(s) if s.trim().is_empty() => Cell::Empty,
                Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
                Data::Int(i) => Cell::Number(*i as f64),
                Data::Float(f) => Cell::Number(*f),
                Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_string()),
                Data::DateTime(d) => match d.as_datetime() {
                    Some(dt) => Cell::DateTime(dt),
                    None => Cell::Number(d.as_f64()),
                },
                Data::Error(e) => {
                    return Err(ImportProblem {
                        row: n,
                        column: None,
                        message: format!("Ô có lỗi công thức ({e}); hãy sửa trong bảng tính rồi nhập lại."),
                    })
                }
            });
        }
        if cells.iter().any(|c| *c != Cell::Empty) {
            out.push((n, cells));
        }
    }
    Ok(Table { header, rows: out })
}
