//! Importing the council's scores typed in from the paper sheets (CSV or XLSX: `Thành viên`,
//! `Hồ sơ số`, `Tiêu chí`, `Điểm`, as `council::sheets::columns` defines them with the printed
//! sheet). All rows or none; every bad row is named with its row and column.

use std::collections::HashSet;
use std::path::Path;

use super::table::{read_table, Cell, Table};
use crate::council::{format_points, parse_points, Nominee, Score};
use crate::error::{Error, ImportProblem, Result};
use crate::model::{Campaign, CouncilMember, Meeting, MemberId, NominationId};
use crate::vn::{fold, nfc};

use crate::council::sheets::columns::{CRITERION, MEMBER, NOMINATION, NOMINATION_SHORT, POINTS};
use crate::council::sheets::{criterion_typed, labels};

fn cell_text(c: Option<&Cell>) -> Option<String> {
    match c {
        Some(Cell::Text(t)) => Some(nfc(t.trim())).filter(|t| !t.is_empty()),
        Some(Cell::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

/// Reads a scores file into scores and the members it names, or refuses it whole, listing every
/// problem with its row and column.
pub fn read_scores(
    path: &Path,
    campaign: &Campaign,
    members: &[CouncilMember],
    nominees: &[Nominee],
    meeting: Option<&Meeting>,
) -> Result<(Vec<Score>, Vec<MemberId>)> {
    let file = path.display().to_string();
    let rejected = |problems| Error::ImportRejected { file: file.clone(), problems };
    let table = read_table(path).map_err(|p| rejected(vec![p]))?;
    parse_scores(&table, campaign, members, nominees, meeting).map_err(rejected)
}

/// Turns a table into scores and the members who gave them, or lists every problem found. Pure:
/// the members, the accepted nominees and the open meeting (if any) are arguments.
pub fn parse_scores(
    table: &Table,
    campaign: &Campaign,
    members: &[CouncilMember],
    nominees: &[Nominee],
    meeting: Option<&Meeting>,
) -> Result<(Vec<Score>, Vec<MemberId>), Vec<ImportProblem>> {
    let mut problems = Vec::new();
    let col = |name: &str| table.header.iter().position(|h| fold(h.trim_start_matches('\u{feff}')) == fold(name));
    let nomination = col(NOMINATION).or_else(|| col(NOMINATION_SHORT));
    let (Some(cm), Some(cn), Some(cc), Some(cp)) = (col(MEMBER), nomination, col(CRITERION), col(POINTS)) else {
        let missing: Vec<String> = [MEMBER, NOMINATION, CRITERION, POINTS]
            .into_iter()
            .filter(|h| col(h).is_none() && !(*h == NOMINATION && nomination.is_some()))
            .map(|h| format!("«{h}»"))
            .collect();
        return Err(vec![ImportProblem {
            row: 1,
            column: None,
            message: format!("thiếu cột {}.", missing.join(", ")),
        }]);
    };
    if table.rows.is_empty() {
        return Err(vec![ImportProblem {
            row: 0, column: None, message: "Tệp không có dòng điểm nào.".into()
        }]);
    }
    // Rows are named by the file's own heading for the dossier's number («Hồ sơ số» or «Hồ sơ»).
    let nomination_col = table.header[cn].trim_start_matches('\u{feff}').trim().to_string();
    let mut scores = Vec::new();
    let mut seen = HashSet::new();
    let mut named: Vec<MemberId> = Vec::new();
    for (row, cells) in &table.rows {
        let row = *row;
        let mut err = |column: &str, message: String| {
            problems.push(ImportProblem { row, column: Some(column.to_string()), message })
        };
        let member = match cell_text(cells.get(cm)) {
            None => {
                err(MEMBER, "chưa ghi tên thành viên.".into());
                None
            }
            Some(t) => match members.iter().find(|m| fold(&m.name) == fold(&t)) {
                None => {
                    err(MEMBER, format!("«{t}» không có trong danh sách thành viên Hội đồng."));
                    None
                }
                Some(m) if meeting.is_some_and(|mt| !mt.present.contains(&m.id)) => {
                    err(MEMBER, format!("{} không có mặt trong cuộc họp đang mở.", m.name));
                    None
                }
                Some(m) => Some(m.id),
            },
        };
        let nominee = match cell_text(cells.get(cn)).and_then(|t| t.trim_end_matches(".0").parse::<i64>().ok()) {
            None => {
                err(&nomination_col, "phải ghi số hồ sơ (một số nguyên) như phiếu chấm điểm in.".into());
                None
            }
            Some(id) => match nominees.iter().find(|n| n.id == NominationId(id)) {
                None => {
                    err(
                        &nomination_col,
                        format!("hồ sơ số {id} không thuộc danh sách được thẩm định đạt của đợt thi đua."),
                    );
                    None
                }
                Some(n) => Some(n),
            },
        };
        let typed = cell_text(cells.get(cc));
        let criterion = match (nominee, typed) {
            (_, None) => {
                err(
                    CRITERION,
                    "phải ghi tiêu chí như phiếu chấm in (1, 2, … cho tập thể; a, b, … cho cá nhân).".into(),
                );
                None
            }
            (None, Some(_)) => None,
            (Some(n), Some(t)) => match criterion_typed(campaign.criteria.for_kind(n.kind), &t) {
                None => {
                    let all = campaign.criteria.for_kind(n.kind);
                    let numbered = all.iter().all(|c| c.label == c.number.to_string());
                    let or_numbers = if numbered {
                        String::new()
                    } else {
                        format!(" (hoặc số thứ tự 1 đến {})", all.len())
                    };
                    err(
                        CRITERION,
                        format!(
                            "«{t}» không phải tiêu chí của {}: phiếu chấm ghi các tiêu chí {}{or_numbers}.",
                            n.kind.label().to_lowercase(),
                            labels(all),
                        ),
                    );
                    None
                }
                Some(c) => Some(c),
            },
        };
        let points = match cell_text(cells.get(cp)) {
            None => {
                err(POINTS, "chưa ghi điểm.".into());
                None
            }
            Some(t) => match parse_points(&t) {
                None => {
                    err(POINTS, format!("«{t}» không phải số điểm hợp lệ (số không âm, lẻ đến 0,5)."));
                    None
                }
                Some(p) => Some(p),
            },
        };
        if let (Some(c), Some(p)) = (criterion, points) {
            if p > c.max_half_points {
                err(
                    POINTS,
                    format!(
                        "điểm {} vượt điểm tối đa {} của tiêu chí {}.",
                        format_points(p),
                        format_points(c.max_half_points),
                        c.label
                    ),
                );
                continue;
            }
        }
        if let (Some(m), Some(n), Some(c), Some(p)) = (member, nominee, criterion, points) {
            if !seen.insert((m, n.id, c.number)) {
                err(CRITERION, "ô điểm này đã có ở một dòng trước.".into());
                continue;
            }
            if !named.contains(&m) {
                named.push(m);
            }
            scores.push(Score { member: m, nomination: n.id, criterion: c.number, half_points: p });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok((scores, named))
}
