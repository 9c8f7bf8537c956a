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
