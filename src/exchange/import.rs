//! Importing nominations from a spreadsheet. All rows or none: every malformed row is listed
//! with its row number, column and reason, and nothing is written. A well-formed row that
//! breaks a rule is recorded as refused, with its reasons (R4–R6).

use std::path::Path;

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

use super::table::{read_table, Cell, Table};
use crate::error::{Error, ImportProblem, NominationError, Result};
use crate::model::{Gender, NewNomination, NomineeKind, PartState, Parts, Unit};
use crate::vn::{checked_line, checked_paragraphs, fold, nfc, vietnam_offset};

/// The columns of a nomination spreadsheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Unit,
    Kind,
    Name,
    Gender,
    Position,
    SubmittedAt,
    ProposalLetter,
    Minutes,
    AchievementReport,
    Summary,
    WomenPercent,
}

impl Column {
    const ALL: [Column; 11] = [
        Column::Unit,
        Column::Kind,
        Column::Name,
        Column::Gender,
        Column::Position,
        Column::SubmittedAt,
        Column::ProposalLetter,
        Column::Minutes,
        Column::AchievementReport,
        Column::Summary,
        Column::WomenPercent,
    ];

    fn header(self) -> &'static str {
        match self {
            Column::Unit => "Đơn vị",
            Column::Kind => "Loại",
            Column::Name => "Tên",
            Column::Gender => "Giới tính",
            Column::Position => "Chức vụ",
            Column::SubmittedAt => "Thời gian nộp",
            Column::ProposalLetter => "Tờ trình",
            Column::Minutes => "Biên bản",
            Column::AchievementReport => "Báo cáo thành tích",
            Column::Summary => "Tóm tắt thành tích",
            Column::WomenPercent => "Tỷ lệ nữ (%)",
        }
    }

    fn required(self) -> bool {
        !matches!(self, Column::Gender | Column::Position | Column::Summary | Column::WomenPercent)
    }
}

use crate::model::nomination::{MAX_NAME, MAX_SUMMARY};

/// Reads a nomination file (`.csv`, `.xlsx`…) into the campaign's dossiers, each with its row,
/// or refuses it whole, listing every problem with its row and column.
pub fn read_nominations(path: &Path, units: &[Unit]) -> Result<Vec<(usize, NewNomination)>> {
    let file = path.display().to_string();
    let table = read_table(path).map_err(|p| Error::ImportRejected { file: file.clone(), problems: vec![p] })?;
    parse_nominations(&table, units).map_err(|problems| Error::ImportRejected { file, problems })
}

/// Turns a table into nominations, or lists every problem found.
pub fn parse_nominations(table: &Table, units: &[Unit]) -> Result<Vec<(usize, NewNomination)>, Vec<ImportProblem>> {
    let mut problems = Vec::new();
    let mut index: Vec<(Column, usize)> = Vec::new();
    for (i, h) in table.header.iter().enumerate() {
        let folded = fold(h.trim_start_matches('\u{feff}'));
        if folded.is_empty() {
            continue;
        }
        match Column::ALL.iter().find(|c| fold(c.header()) == folded) {
            Some(c) if index.iter().any(|(k, _)| k == c) => problems.push(ImportProblem {
                row: 1,
                column: Some(h.clone()),
                message: "cột này có hai lần trong dòng tiêu đề.".into(),
            }),
            Some(c) => index.push((*c, i)),
            None => problems.push(ImportProblem {
                row: 1,
                column: Some(h.clone()),
                message: format!("không nhận ra cột này. Các cột được dùng: {}.", headers_list()),
            }),
        }
    }
    for c in Column::ALL.into_iter().filter(|c| c.required()) {
        if !index.iter().any(|(k, _)| *k == c) {
            problems
                .push(ImportProblem { row: 1, column: None, message: format!("thiếu cột «{}».", c.header()) });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if table.rows.is_empty() {
        return Err(vec![ImportProblem {
            row: 0, column: None, message: "Tệp không có dòng hồ sơ nào.".into()
        }]);
    }
    let units_folded: Vec<(String, &Unit)> = units.iter().map(|u| (fold(&u.name), u)).collect();
    let mut out = Vec::new();
    for (row, cells) in &table.rows {
        let row = *row;
        let get = |c: Column| -> &Cell {
            index.iter().find(|(k, _)| *k == c).and_then(|(_, i)| cells.get(*i)).unwrap_or(&Cell::Empty)
        };
        let mut err = |c: Column, message: String| {
            problems.push(ImportProblem { row, column: Some(c.header().to_string()), message });
        };
        let unit = match text_of(get(Column::Unit)) {
            None => {
                err(Column::Unit, "chưa ghi đơn vị.".into());
                None
            }
            Some(t) => {
                // Folded once, not once per unit.
                let key = fold(&t);
                match units_folded.iter().find(|(f, _)| *f == key) {
                    Some((_, u)) => Some(u.id),
                    None => {
                        err(
                            Column::Unit,
                            format!(
                                "đơn vị «{}» không có trong danh sách đơn vị của đợt thi đua.",
                                crate::vn::shown(&crate::vn::normalise_name(&t))
                            ),
                        );
                        None
                    }
                }
            }
        };
        let kind = match text_of(get(Column::Kind)).map(|t| fold(&t)) {
            Some(t) if t == "tap the" => Some(NomineeKind::Collective),
            Some(t) if t == "ca nhan" => Some(NomineeKind::Individual),
            Some(_) => {
                err(
                    Column::Kind,
                    format!("«{}» không hợp lệ; ghi «Tập thể» hoặc «Cá nhân».", shown(get(Column::Kind))),
                );
                None
            }
            None => {
                err(Column::Kind, "chưa ghi loại (Tập thể hoặc Cá nhân).".into());
                None
            }
        };
        let name = match checked_text(get(Column::Name), MAX_NAME) {
            Ok(Some(n)) => Some(n),
            Ok(None) => {
                err(Column::Name, "chưa ghi tên tập thể hoặc cá nhân.".into());
                None
            }
            Err(m) => {
                err(Column::Name, m);
                None
            }
        };
        let gender = match text_of(get(Column::Gender)).map(|t| fold(&t)) {
            None => None,
            Some(t) if t == "nam" => Some(Gender::Male),
            Some(t) if t == "nu" => Some(Gender::Female),
            Some(_) => {
                err(Column::Gender, format!("«{}» không hợp lệ; ghi «Nam» hoặc «Nữ».", shown(get(Column::Gender))));
                None
            }
        };
        let position = match checked_text(get(Column::Position), MAX_NAME) {
            Ok(p) => p,
            Err(m) => {
                err(Column::Position, m);
                None
            }
        };
        let summary = match checked_paragraph_cell(get(Column::Summary), MAX_SUMMARY) {
            Ok(s) => s.unwrap_or_default(),
            Err(m) => {
                err(Column::Summary, m);
                String::new()
            }
        };
        let submitted_at = match parse_time(get(Column::SubmittedAt)) {
            Ok(t) => Some(t),
            Err(m) => {
                err(Column::SubmittedAt, m);
                None
            }
        };
        let mut part = |c: Column| -> Option<PartState> {
            match text_of(get(c)).map(|t| fold(&t)) {
                Some(t) if t == "co" => Some(PartState::Present),
                Some(t) if t == "khong" => Some(PartState::Missing),
                Some(t) if t == "sai mau" => Some(PartState::WrongForm),
                Some(_) => {
                    err(c, format!("«{}» không hợp lệ; ghi «Có», «Không» hoặc «Sai mẫu».", shown(get(c))));
                    None
                }
                None => {
                    err(c, "chưa ghi (Có, Không hoặc Sai mẫu).".into());
                    None
                }
            }
        };
        let parts = (part(Column::ProposalLetter), part(Column::Minutes), part(Column::AchievementReport));
        // A collective's share of women, optional: a whole number of per cent, «75» or «75%».
        let women_percent = match text_of(get(Column::WomenPercent)) {
            None => None,
            Some(t) => match t.trim().trim_end_matches('%').trim().trim_end_matches(".0").parse::<u8>() {
                Ok(p) if p <= 100 && kind != Some(NomineeKind::Individual) => Some(p),
                Ok(_) if kind == Some(NomineeKind::Individual) => {
                    err(Column::WomenPercent, "chỉ ghi cho tập thể; cá nhân để trống.".into());
                    None
                }
                _ => {
                    err(
                        Column::WomenPercent,
                        format!("«{}» không hợp lệ; ghi một số nguyên từ 0 đến 100.", shown(get(Column::WomenPercent))),
                    );
                    None
                }
            },
        };
        let gender_typed = text_of(get(Column::Gender)).is_some();
        if let (Some(unit), Some(kind), Some(name), Some(submitted_at), (Some(p), Some(m), Some(a))) =
            (unit, kind, name, submitted_at, parts)
        {
            let item = NewNomination {
                unit,
                kind,
                name,
                gender,
                position,
                submitted_at,
                parts: Parts { proposal_letter: p, minutes: m, achievement_report: a },
                summary,
                women_percent,
            };
            // The same check as every other path that records a dossier, said about its cell.
            match item.validated() {
                Ok(item) => out.push((row, item)),
                // An unreadable gender was reported above.
                Err(NominationError::GenderMissing) if gender_typed => {}
                Err(e) => {
                    let column = match e.field() {
                        Some("gender") => Column::Gender,
                        Some("position") => Column::Position,
                        Some("summary") => Column::Summary,
                        _ => Column::Name,
                    };
                    err(column, lowercase_first(&e.to_string()));
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// A sentence as the tail of «Dòng 3, cột «Tên»: …».
fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn headers_list() -> String {
    Column::ALL.iter().map(|c| format!("«{}»", c.header())).collect::<Vec<_>>().join(", ")
}

fn text_of(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Empty => None,
        Cell::Text(t) => Some(nfc(t.trim())).filter(|t| !t.is_empty()),
        Cell::Number(n) => Some(n.to_string()),
        Cell::DateTime(d) => Some(d.to_string()),
    }
}

fn shown(cell: &Cell) -> String {
    crate::vn::shown(&text_of(cell).unwrap_or_default())
}

/// A text cell checked for length, control characters and formulas.
fn checked_text(cell: &Cell, max: usize) -> Result<Option<String>, String> {
    match text_of(cell) {
        None => Ok(None),
        Some(t) => checked_line(&t, max).map(Some).map_err(|p| format!("{p}.")),
    }
}

/// A cell of several lines (the achievement summary), checked as every such text is.
fn checked_paragraph_cell(cell: &Cell, max: usize) -> Result<Option<String>, String> {
    match text_of(cell) {
        None => Ok(None),
        Some(t) => checked_paragraphs(&t, max).map(Some).map_err(|p| format!("{p}.")),
    }
}

/// Excel's serial dates for 2000-01-01 and 2100-01-01: a number outside them is no date.
const SERIAL_RANGE: std::ops::Range<f64> = 36_526.0..73_051.0;

fn vietnam(local: NaiveDateTime) -> DateTime<Utc> {
    // A fixed offset maps every local time to exactly one instant.
    vietnam_offset()
        .from_local_datetime(&local)
        .single()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&local))
}

/// Reads a portal time as typed in a form; see [`parse_time`] for the accepted forms.
pub fn parse_portal_time(text: &str) -> Result<DateTime<Utc>, String> {
    parse_time(&Cell::Text(text.to_string()))
}

/// The portal time: "dd/mm/yyyy HH:MM[:SS]" in Vietnam time, ISO 8601 with an offset (or
/// without one, read as Vietnam time), or a real date cell (Vietnam time).
fn parse_time(cell: &Cell) -> Result<DateTime<Utc>, String> {
    const HINT: &str = "ghi theo dạng «05/01/2024 09:59» (giờ Việt Nam) hoặc «2024-01-05T02:59:00Z».";
    match cell {
        Cell::Empty => Err(format!("chưa ghi thời gian nộp; {HINT}")),
        Cell::DateTime(d) => Ok(vietnam(*d)),
        Cell::Number(n) if SERIAL_RANGE.contains(n) => {
            let days = n.floor();
            let ms = ((n - days) * 86_400_000.0).round() as i64;
            let base = NaiveDate::from_ymd_opt(1899, 12, 30).map(|d| d.and_hms_opt(0, 0, 0));
            match base.flatten() {
                Some(b) => Ok(vietnam(b + chrono::Duration::days(days as i64) + chrono::Duration::milliseconds(ms))),
                None => Err(format!("không đọc được thời gian; {HINT}")),
            }
        }
        Cell::Number(n) => Err(format!("«{n}» không phải thời gian; {HINT}")),
        Cell::Text(t) => {
            let t = t.trim();
            if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
                return Ok(dt.with_timezone(&Utc));
            }
            for f in ["%Y-%m-%dT%H:%M:%S%.f%:z", "%Y-%m-%d %H:%M:%S%.f%:z", "%Y-%m-%dT%H:%M%:z", "%Y-%m-%d %H:%M%:z"] {
                if let Ok(dt) = DateTime::parse_from_str(t, f) {
                    return Ok(dt.with_timezone(&Utc));
                }
            }
            // chrono reads «24» as the year 24: a year is written with its four digits.
            let two_digit_year = t.split([' ', 'T']).next().is_some_and(|date| {
                date.split(['/', '-']).any(|part| part.len() == 2) && date.split(['/', '-']).all(|part| part.len() <= 2)
            });
            if two_digit_year {
                return Err(format!("«{}»: năm phải ghi đủ 4 chữ số (2024, không phải 24); {HINT}", shown(cell)));
            }
            for f in [
                "%d/%m/%Y %H:%M:%S",
                "%d/%m/%Y %H:%M",
                "%d-%m-%Y %H:%M:%S",
                "%d-%m-%Y %H:%M",
                "%Y-%m-%dT%H:%M:%S%.f",
                "%Y-%m-%d %H:%M:%S%.f",
                "%Y-%m-%dT%H:%M",
                "%Y-%m-%d %H:%M",
            ] {
                if let Ok(dt) = NaiveDateTime::parse_from_str(t, f) {
                    return Ok(vietnam(dt));
                }
            }
            if NaiveDate::parse_from_str(t, "%d/%m/%Y").is_ok() || NaiveDate::parse_from_str(t, "%Y-%m-%d").is_ok() {
                return Err(format!("«{t}» thiếu giờ nộp; hạn nộp tính đến giờ, phút nên cần ghi cả giờ; {HINT}"));
            }
            Err(format!("không đọc được thời gian «{}»; {HINT}", shown(cell)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    fn utc(s: &str) -> String {
        parse_time(&text(s)).map(|t| t.to_rfc3339()).unwrap_or_else(|e| e)
    }

    #[test]
    fn vietnamese_day_first_times_are_vietnam_time() {
        assert_eq!(utc("05/01/2024 09:59:59"), "2024-01-05T02:59:59+00:00");
        assert_eq!(utc("04/01/2024 16:30"), "2024-01-04T09:30:00+00:00");
    }

    #[test]
    fn iso_times_keep_their_offset() {
        assert_eq!(utc("2024-01-05T02:59:00Z"), "2024-01-05T02:59:00+00:00");
        assert_eq!(utc("2024-01-05T09:59:00+07:00"), "2024-01-05T02:59:00+00:00");
    }

    #[test]
    fn a_date_without_time_is_refused_with_a_hint() {
        assert!(utc("05/01/2024").contains("thiếu giờ nộp"));
        assert!(utc("hôm qua").contains("không đọc được thời gian"));
    }

    #[test]
    fn a_real_date_cell_and_an_excel_serial_are_vietnam_time() {
        let d = NaiveDate::from_ymd_opt(2024, 1, 5).and_then(|d| d.and_hms_opt(9, 59, 0)).unwrap_or_default();
        assert_eq!(parse_time(&Cell::DateTime(d)).map(|t| t.to_rfc3339()), Ok("2024-01-05T02:59:00+00:00".into()));
        // 45296.5 is 2024-01-05 12:00.
        assert_eq!(parse_time(&Cell::Number(45_296.5)).map(|t| t.to_rfc3339()), Ok("2024-01-05T05:00:00+00:00".into()));
        assert!(parse_time(&Cell::Number(12.0)).is_err());
    }

    #[test]
    fn formulas_and_control_characters_are_refused() {
        assert!(checked_text(&text("=HYPERLINK(\"x\")"), 100).is_err());
        assert!(checked_text(&text("-2+3"), 100).is_err(), "a minus sign starts a formula too");
        assert!(checked_text(&text("\r=1+1"), 100).is_err(), "a carriage return hides one");
        assert!(checked_text(&text("Lê\u{202E}Trang"), 100).is_err(), "a direction override");
        assert!(checked_text(&text("Lê\u{7}Trang"), 100).is_err());
        assert!(checked_text(&text(&"a".repeat(301)), 300).is_err());
    }
}
