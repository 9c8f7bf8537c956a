//! Spreadsheet export (.xlsx) of a campaign: the nominations, the council's ranking and the
//! awards (the dossiers appraised as passing). Vietnamese headers, widths that fit the text, and
//! portal times written as real date cells shown in Vietnam time.

use std::path::Path;

use chrono::{Datelike, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::council::RankingReport;
use crate::error::{Error, Result};
use crate::model::{Campaign, Nomination, Status};
use crate::vn::vietnam_offset;

/// A value written to one cell.
enum Value {
    Text(String),
    Number(f64),
    Time(chrono::NaiveDateTime),
}

struct Sheet {
    name: &'static str,
    headers: &'static [&'static str],
    rows: Vec<Vec<Value>>,
}

fn err(path: &Path) -> impl Fn(XlsxError) -> Error + '_ {
    move |e| Error::Io { path: path.to_path_buf(), source: std::io::Error::other(e.to_string()) }
}

fn local(n: &Nomination) -> chrono::NaiveDateTime {
    n.submitted_at.with_timezone(&vietnam_offset()).naive_local()
}

fn nomination_rows(list: &[Nomination]) -> Vec<Vec<Value>> {
    list.iter()
        .map(|n| {
            let reasons: Vec<String> = n.refusals.iter().map(|r| format!("{}: {}", r.reason.label(), r.note)).collect();
            vec![
                Value::Number(n.id.0 as f64),
                Value::Text(n.unit_name.clone()),
                Value::Text(n.kind.label().into()),
                Value::Text(n.name.clone()),
                Value::Text(n.gender.map(|g| g.label().to_string()).unwrap_or_default()),
                Value::Text(n.position.clone().unwrap_or_default()),
                Value::Time(local(n)),
                Value::Text(n.status.label().into()),
                Value::Text(reasons.join("; ")),
            ]
        })
        .collect()
}

/// The sheets of the export.
fn sheets(campaign: &Campaign, nominations: &[Nomination], ranking: &RankingReport) -> Result<Vec<Sheet>> {
    let ranked = ranking
        .ranked
        .iter()
        .map(|r| {
            vec![
                r.rank.map_or(Value::Text(String::new()), |k| Value::Number(f64::from(k))),
                Value::Number(r.nomination_id.0 as f64),
                Value::Text(r.name.clone()),
                Value::Text(r.kind.label().into()),
                r.average.as_ref().map_or(Value::Text(String::new()), |a| Value::Number(a.hundredths() as f64 / 100.0)),
                Value::Number(r.counted as f64),
                Value::Text(if r.tied { "Đồng hạng" } else { "" }.into()),
            ]
        })
        .collect();
    let award = campaign.settings.awards.first().map(|a| a.name.clone()).unwrap_or_default();
    let accepted: Vec<Nomination> = nominations.iter().filter(|n| n.status == Status::Accepted).cloned().collect();
    let awards = accepted
        .iter()
        .enumerate()
        .map(|(i, n)| {
            vec![
                Value::Number((i + 1) as f64),
                Value::Text(n.name.clone()),
                Value::Text(n.kind.label().into()),
                Value::Text(n.position.clone().unwrap_or_default()),
                Value::Text(n.unit_name.clone()),
                Value::Text(award.clone()),
            ]
        })
        .collect();
    Ok(vec![
        Sheet {
            name: "Hồ sơ",
            headers: &[
                "Số hồ sơ",
                "Đơn vị",
                "Loại",
                "Tên tập thể, cá nhân",
                "Giới tính",
                "Chức vụ",
                "Thời gian nộp",
                "Tình trạng",
                "Lý do không tiếp nhận",
            ],
            rows: nomination_rows(nominations),
        },
        Sheet {
            name: "Xếp hạng",
            headers: &[
                "Hạng",
                "Số hồ sơ",
                "Tên tập thể, cá nhân",
                "Loại",
                "Điểm trung bình",
                "Số phiếu chấm",
                "Ghi chú",
            ],
            rows: ranked,
        },
        Sheet {
            name: "Khen thưởng",
            headers: &["STT", "Tên tập thể, cá nhân", "Loại", "Chức vụ", "Đơn vị", "Hình thức khen thưởng"],
            rows: awards,
        },
    ])
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, path: &Path) -> Result<()> {
    let e = err(path);
    ws.set_name(sheet.name).map_err(&e)?;
    let bold = Format::new().set_bold().set_border(FormatBorder::Thin).set_text_wrap();
    let date = Format::new().set_num_format("dd/mm/yyyy hh:mm:ss");
    let mut widths: Vec<usize> = sheet.headers.iter().map(|h| h.chars().count()).collect();
    for (c, h) in sheet.headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold).map_err(&e)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            let col = c as u16;
            let len = match v {
                Value::Text(t) => {
                    ws.write_string(r, col, t).map_err(&e)?;
                    t.chars().count()
                }
                Value::Number(n) => {
                    ws.write_number(r, col, *n).map_err(&e)?;
                    n.to_string().len()
                }
                Value::Time(t) => {
                    let d = ExcelDateTime::from_ymd(t.year() as u16, t.month() as u8, t.day() as u8)
                        .and_then(|d| d.and_hms(t.hour() as u16, t.minute() as u8, t.second()))
                        .map_err(&e)?;
                    ws.write_datetime_with_format(r, col, &d, &date).map_err(&e)?;
                    19
                }
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(len);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w).clamp(6, 60) as f64 + 2.0).map_err(&e)?;
    }
    ws.set_freeze_panes(1, 0).map_err(&e)?;
    Ok(())
}

/// Writes the campaign's workbook (its nominations, their ranking and the awards) to `path`.
pub fn export_xlsx(
    campaign: &Campaign,
    nominations: &[Nomination],
    ranking: &RankingReport,
    path: &Path,
) -> Result<()> {
    let mut book = Workbook::new();
    for sheet in sheets(campaign, nominations, ranking)? {
        write_sheet(book.add_worksheet(), &sheet, path)?;
    }
    book.save(path).map_err(err(path))
}
