//! A member's score sheet: complete (every accepted nominee × every criterion of its kind) or it
//! does not count; the missing cells are named.

use std::collections::HashSet;

use serde::Serialize;

use super::ranking::{Nominee, Score};
use crate::model::{Criteria, MemberId, NominationId};

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
    let have: HashSet<(NominationId, u32)> =
        scores.iter().filter(|s| s.member == member).map(|s| (s.nomination, s.criterion)).collect();
    let missing = nominees
        .iter()
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
