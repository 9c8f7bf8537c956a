//! The ranking of a campaign's accepted nominations together with what it rests on: the
//! meeting and its quorum, each member's sheet, and the votes.

use std::collections::HashMap;

use serde::Serialize;

use super::{RankedNominee, SheetStatus};
use crate::model::{CouncilMember, Meeting, NominationId, VoteCount};

/// The ranking of a campaign's accepted nominations, with what it rests on.
#[derive(Debug, Clone, Serialize)]
pub struct RankingReport {
    pub meeting: Option<Meeting>,
    pub quorum_met: bool,
    pub ranked: Vec<RankedNominee>,
    /// Each present member's sheet, with the cells still missing.
    pub sheets: Vec<(CouncilMember, SheetStatus)>,
    pub votes: HashMap<NominationId, (VoteCount, bool)>,
    /// Who is recused for whom (not asked, not counted, the thresholds taken of the others).
    #[serde(skip)]
    pub recusals: super::Recusals,
    /// A nominee whose members' totals differ by more than this (half points) is flagged for
    /// discussion before the vote.
    pub disagreement_half_points: i64,
}

impl RankingReport {
    /// Whether the members' totals for `r` differ by more than the council's threshold.
    pub fn disputed(&self, r: &super::RankedNominee) -> bool {
        r.spread().is_some_and(|s| s > self.disagreement_half_points)
    }
}
