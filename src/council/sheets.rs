//! A member's score sheet: complete (every accepted nominee × every criterion of its kind) or it
//! does not count; the missing cells are named.

use std::collections::HashSet;

use serde::Serialize;

use super::ranking::{Nominee, Score};
use crate::model::{Criteria, Criterion, MemberId, NominationId};

/// The paper score sheet and the scores file typed from it are one definition: the sheet prints
/// each nominee under the heading `NOMINATION` with its dossier number and each criterion under
/// `criterion_heading` (its label as the plan writes it, with the maximum); the file's columns
/// carry the same names, and a criterion is typed back as the sheet prints its label (or by its
/// number).
pub mod columns {
    /// The member whose sheet it is.
    pub const MEMBER: &str = "Thành viên";
    /// The dossier's number, as the sheet prints it in its first column.
    pub const NOMINATION: &str = "Hồ sơ số";
    /// The criterion, by the label the sheet prints («1» … «7», «a» … «c»).
    pub const CRITERION: &str = "Tiêu chí";
    pub const POINTS: &str = "Điểm";
    /// The heading an older file may use for the dossier's number.
    pub const NOMINATION_SHORT: &str = "Hồ sơ";
}

/// A criterion's column heading on the sheet: «a (40)».
pub fn criterion_heading(c: &Criterion) -> String {
    format!("{} ({})", c.label, super::format_points(c.max_half_points))
}

/// The criterion of `criteria` that `typed` names: its label as the sheet prints it («a»,
/// «a (40)»), or its number.
pub fn criterion_typed<'a>(criteria: &'a [Criterion], typed: &str) -> Option<&'a Criterion> {
    let typed = typed.trim();
    let label = typed.split(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("").trim_end_matches(['.', ')']);
    let label = crate::vn::fold(label);
    criteria.iter().find(|c| crate::vn::fold(&c.label) == label).or_else(|| {
        label.trim_end_matches(".0").parse::<u32>().ok().and_then(|n| criteria.iter().find(|c| c.number == n))
    })
}

/// The labels of `criteria` as an error message lists them: «a, b, c».
pub fn labels(criteria: &[Criterion]) -> String {
    criteria.iter().map(|c| c.label.as_str()).collect::<Vec<_>>().join(", ")
}

/// What one member's sheet lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SheetStatus {
    pub member: MemberId,
    /// (nomination, criterion number) cells with no score.
    pub missing: Vec<(NominationId, u32)>,
}

impl SheetStatus {
    pub fn complete(&self) -> bool {
        self.missing.is_empty()
    }

    /// "Hà Kim Oanh: phiếu chấm đủ." or what the sheet of `name` still lacks (the first ten cells).
    pub fn summary(&self, name: &str) -> String {
        if self.complete() {
            return format!("{name}: phiếu chấm đủ.");
        }
        let cells: Vec<String> = self.missing.iter().take(10).map(|(n, k)| format!("hồ sơ {n} tiêu chí {k}")).collect();
        format!(
            "{name}: phiếu chấm còn thiếu {} ô ({}{}) – chưa được tính.",
            self.missing.len(),
            cells.join(", "),
            if self.missing.len() > 10 { ", …" } else { "" }
        )
    }
}

/// The sheet of `member` against the nominees and the rubric.
pub fn sheet_status(member: MemberId, nominees: &[Nominee], criteria: &Criteria, scores: &[Score]) -> SheetStatus {
    sheet_status_with(member, nominees, criteria, scores, &super::Recusals::default())
}

/// As `sheet_status`, without the nominees the member is recused for.
pub fn sheet_status_with(
    member: MemberId,
    nominees: &[Nominee],
    criteria: &Criteria,
    scores: &[Score],
    recusals: &super::Recusals,
) -> SheetStatus {
    let have: HashSet<(NominationId, u32)> =
        scores.iter().filter(|s| s.member == member).map(|s| (s.nomination, s.criterion)).collect();
    let missing = nominees
        .iter()
        .filter(|n| !recusals.is(member, n.id))
        .flat_map(|n| criteria.for_kind(n.kind).iter().map(move |c| (n.id, c.number)))
        .filter(|cell| !have.contains(cell))
        .collect();
    SheetStatus { member, missing }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_says_whether_it_counts_and_names_at_most_ten_missing_cells() {
        let full = SheetStatus { member: MemberId(1), missing: vec![] };
        assert_eq!(full.summary("Hà Kim Oanh"), "Hà Kim Oanh: phiếu chấm đủ.");
        let two = SheetStatus { member: MemberId(2), missing: vec![(NominationId(4), 1), (NominationId(4), 2)] };
        assert_eq!(
            two.summary("Lý Thị Hằng"),
            "Lý Thị Hằng: phiếu chấm còn thiếu 2 ô (hồ sơ 4 tiêu chí 1, hồ sơ 4 tiêu chí 2) – chưa được tính."
        );
        let many = SheetStatus { member: MemberId(3), missing: (1..=12).map(|k| (NominationId(9), k)).collect() };
        let said = many.summary("Lương Văn Tú");
        assert!(
            said.contains("thiếu 12 ô") && said.contains("hồ sơ 9 tiêu chí 10, …)") && !said.contains("tiêu chí 11")
        );
    }
}
