//! Reading a spreadsheet (.csv or .xlsx/.xls/.ods) into rows of cells, with the row numbers a
//! spreadsheet program shows (the header is row 1).

use std::path::Path;

use calamine::{open_workbook_auto, Data, DataRef, Reader, Sheets};
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
            checked_file(path)?;
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
        for (j, field) in rec.iter().enumerate().filter(|(_, f)| !f.trim().is_empty()) {
            checked_cell(
                u32::try_from(i).unwrap_or(u32::MAX),
                u32::try_from(j).unwrap_or(u32::MAX),
                &Cell::Text(field.into()),
            )?;
        }
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

/// The most a file of ours may weigh: a district's dossiers or score sheets are far smaller.
pub const MAX_FILE_BYTES: u64 = 20 << 20;
/// The most rows a sheet may use (header included).
pub const MAX_ROWS: u32 = 200_000;
/// The most columns a sheet may use.
pub const MAX_COLUMNS: u32 = 64;
/// Excel's own limit for the text of one cell.
pub const MAX_CELL_CHARS: usize = 32_767;

/// `path` if it is a regular file no larger than [`MAX_FILE_BYTES`].
fn checked_file(path: &Path) -> Result<(), ImportProblem> {
    let meta = std::fs::metadata(path).map_err(|e| problem(format!("Không đọc được tệp «{}»: {e}", path.display())))?;
    if !meta.is_file() {
        return Err(problem(format!("«{}» không phải một tệp.", path.display())));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(problem(format!(
            "Tệp «{}» nặng {} MB, quá giới hạn {} MB của một bảng hồ sơ hoặc bảng điểm.",
            path.display(),
            meta.len() >> 20,
            MAX_FILE_BYTES >> 20
        )));
    }
    Ok(())
}

/// Refuses a cell outside the area a sheet of ours may use, or whose text is too long.
fn checked_cell(row: u32, col: u32, cell: &Cell) -> Result<(), ImportProblem> {
    if row >= MAX_ROWS || col >= MAX_COLUMNS {
        return Err(ImportProblem {
            row: row as usize + 1,
            column: None,
            message: format!(
                "Bảng tính có dữ liệu ở cột thứ {}, ngoài vùng một bảng được nhập (tối đa {MAX_ROWS} dòng, {MAX_COLUMNS} cột).",
                col as u64 + 1
            ),
        });
    }
    if let Cell::Text(t) = cell {
        let chars = t.chars().count();
        if chars > MAX_CELL_CHARS {
            return Err(ImportProblem {
                row: row as usize + 1,
                column: None,
                message: format!(
                    "Ô ở cột thứ {} dài {chars} ký tự, quá giới hạn {MAX_CELL_CHARS} ký tự của một ô.",
                    col as u64 + 1
                ),
            });
        }
    }
    Ok(())
}

fn read_workbook(path: &Path) -> Result<Table, ImportProblem> {
    checked_file(path)?;
    let book = open_workbook_auto(path).map_err(|e| {
        problem(format!("Không đọc được bảng tính «{}»: tệp hỏng hoặc không đúng định dạng ({e}).", path.display()))
    })?;
    let cells = match book {
        // Read cell by cell: a sheet's declared extent is a claim, and building calamine's dense
        // range from a sheet with one cell at A1 and one at XFD1048576 would reserve 512 GB.
        Sheets::Xlsx(mut xlsx) => xlsx_cells(&mut xlsx)?,
        mut other => range_cells(&mut other)?,
    };
    table_from_cells(cells)
}

/// The non-empty cells of the first sheet of an .xlsx file, bounded as they are read.
fn xlsx_cells<RS: std::io::Read + std::io::Seek>(
    xlsx: &mut calamine::Xlsx<RS>,
) -> Result<Vec<(u32, u32, Cell)>, ImportProblem> {
    let name = xlsx.sheet_names().first().cloned().ok_or_else(|| problem("Bảng tính không có trang tính nào."))?;
    let unreadable = |e: calamine::XlsxError| problem(format!("Không đọc được trang tính đầu tiên: {e}"));
    let mut reader = xlsx.worksheet_cells_reader(&name).map_err(unreadable)?;
    let mut out = Vec::new();
    while let Some(record) = reader.next_cell_with_formula().map_err(unreadable)? {
        let (row, col) = record.pos;
        // A formula's cached value may be stale or missing: the file must carry values only.
        if let Some(f) = record.formula.filter(|f| !f.trim().is_empty()) {
            return Err(formula_found(row as usize + 1, col as usize + 1, &f));
        }
        let cell = match record.value {
            DataRef::Empty => Cell::Empty,
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => text_cell(s),
            DataRef::SharedString(s) => text_cell(s.to_string()),
            DataRef::Int(i) => Cell::Number(i as f64),
            DataRef::Float(f) => Cell::Number(f),
            DataRef::Bool(b) => Cell::Text(if b { "TRUE" } else { "FALSE" }.to_string()),
            DataRef::DateTime(d) => match d.as_datetime() {
                Some(dt) => Cell::DateTime(dt),
                None => Cell::Number(d.as_f64()),
            },
            DataRef::Error(e) => return Err(formula_error(row as usize + 1, &e.to_string())),
        };
        if cell != Cell::Empty {
            checked_cell(row, col, &cell)?;
            out.push((row, col, cell));
        }
    }
    Ok(out)
}

/// The non-empty cells of the first sheet of an .xls or .ods file, whose readers build the whole
/// range; their extent is checked before anything else.
fn range_cells<RS: std::io::Read + std::io::Seek>(
    book: &mut Sheets<RS>,
) -> Result<Vec<(u32, u32, Cell)>, ImportProblem> {
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| problem("Bảng tính không có trang tính nào."))?
        .map_err(|e| problem(format!("Không đọc được trang tính đầu tiên: {e}")))?;
    if let Some(name) = book.sheet_names().first().cloned() {
        if let Ok(formulas) = book.worksheet_formula(&name) {
            let (r0, c0) = formulas.start().unwrap_or((0, 0));
            if let Some((r, c, f)) = formulas.cells().find(|(_, _, f)| !f.trim().is_empty()) {
                return Err(formula_found(r0 as usize + r + 1, c0 as usize + c + 1, f));
            }
        }
    }
    let mut out = Vec::new();
    for (r, c, d) in range.used_cells() {
        let (row, col) = (r as u32 + range.start().map_or(0, |s| s.0), c as u32 + range.start().map_or(0, |s| s.1));
        let cell = match d {
            Data::Empty => Cell::Empty,
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => text_cell(s.clone()),
            Data::Int(i) => Cell::Number(*i as f64),
            Data::Float(f) => Cell::Number(*f),
            Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_string()),
            Data::DateTime(d) => match d.as_datetime() {
                Some(dt) => Cell::DateTime(dt),
                None => Cell::Number(d.as_f64()),
            },
            Data::Error(e) => return Err(formula_error(row as usize + 1, &e.to_string())),
        };
        if cell != Cell::Empty {
            checked_cell(row, col, &cell)?;
            out.push((row, col, cell));
        }
    }
    Ok(out)
}

fn text_cell(s: String) -> Cell {
    if s.trim().is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

/// A formula where a value must be: its cached result may be stale or missing.
fn formula_found(row: usize, column: usize, formula: &str) -> ImportProblem {
    ImportProblem {
        row,
        column: None,
        message: format!(
            "Ô cột {column} chứa công thức «={}»; hãy sao chép rồi dán dạng giá trị (Paste Values) trước khi nhập.",
            crate::vn::shown(formula)
        ),
    }
}

fn formula_error(row: usize, e: &str) -> ImportProblem {
    ImportProblem {
        row,
        column: None,
        message: format!("Ô có lỗi công thức ({e}); hãy sửa trong bảng tính rồi nhập lại."),
    }
}

/// The table a sheet's non-empty cells make: the first row that has any is the header; columns
/// start at the leftmost column used.
fn table_from_cells(cells: Vec<(u32, u32, Cell)>) -> Result<Table, ImportProblem> {
    let empty = || problem("Tệp trống: không có dòng tiêu đề.");
    let first_col = cells.iter().map(|(_, c, _)| *c).min().ok_or_else(empty)?;
    let last_col = cells.iter().map(|(_, c, _)| *c).max().ok_or_else(empty)?;
    let width = (last_col - first_col + 1) as usize;
    let mut rows: std::collections::BTreeMap<u32, Vec<Cell>> = std::collections::BTreeMap::new();
    for (r, c, cell) in cells {
        let row = rows.entry(r).or_insert_with(|| vec![Cell::Empty; width]);
        row[(c - first_col) as usize] = cell;
    }
    let mut rows = rows.into_iter().map(|(r, cells)| (r as usize + 1, cells));
    let (_, header) = rows.next().ok_or_else(empty)?;
    let header = header
        .into_iter()
        .map(|c| match c {
            Cell::Empty => String::new(),
            Cell::Text(t) => t,
            Cell::Number(n) => n.to_string(),
            Cell::DateTime(d) => d.to_string(),
        })
        .collect();
    Ok(Table { header, rows: rows.collect() })
}
