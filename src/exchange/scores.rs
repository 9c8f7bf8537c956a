//! Importing the council's scores typed in from the paper sheets (CSV: `Thành viên`, `Hồ sơ`,
//! `Tiêu chí`, `Điểm`). All rows or none; every bad row is named with its row and column.

use std::collections::HashSet;
use std::path::Path;

use super::table::{read_table, Cell, Table};
use crate::council::{format_points, parse_points, Nominee, Score};
use crate::error::{Error, ImportProblem, Result};
use crate::model::{Campaign, CouncilMember, Meeting, MemberId, NominationId};
use crate::vn::{fold, nfc};

const MEMBER: &str = "Thành viên";
const NOMINATION: &str = "Hồ sơ";
const CRITERION: &str = "Tiêu chí";
const POINTS: &str = "Điểm";

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
    let (Some(cm), Some(cn), Some(cc), Some(cp)) = (col(MEMBER), col(NOMINATION), col(CRITERION), col(POINTS)) else {
        let missing: Vec<String> = [MEMBER, NOMINATION, CRITERION, POINTS]
            .into_iter()
            .filter(|h| col(h).is_none())
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
                err(NOMINATION, "phải ghi số hồ sơ (một số nguyên).".into());
                None
            }
            Some(id) => match nominees.iter().find(|n| n.id == NominationId(id)) {
                None => {
                    err(NOMINATION, format!("hồ sơ số {id} không thuộc danh sách được thẩm định đạt của đợt thi đua."));
                    None
                }
                Some(n) => Some(n),
            },
        };
        let number = cell_text(cells.get(cc)).and_then(|t| t.trim_end_matches(".0").parse::<u32>().ok());
        let criterion = match (nominee, number) {
            (_, None) => {
                err(CRITERION, "phải ghi số thứ tự tiêu chí (1, 2, …).".into());
                None
            }
            (None, Some(_)) => None,
            (Some(n), Some(k)) => match campaign.criteria.for_kind(n.kind).iter().find(|c| c.number == k) {
                None => {
                    let count = campaign.criteria.for_kind(n.kind).len();
                    err(CRITERION, format!("{} chỉ có tiêu chí từ 1 đến {count}.", n.kind.label()));
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
