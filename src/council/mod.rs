//! The council's judging as pure functions: quorum, the rubric and its points, score sheets,
//! ranking, votes and the provincial shortlist (R3, R7, R8). No database here.

pub mod points;
pub mod ranking;
pub mod recusal;
pub mod report;
pub mod sheets;
pub mod shortlist;
pub mod votes;

pub use points::{format_points, indicator_status, parse_points, IndicatorStatus};
pub use ranking::{rank, rank_with, Average, Nominee, RankedNominee, RankingOptions, Score};
pub use recusal::{eligible, nominee_quorum_met, position_names_unit, Recusals};
pub use report::RankingReport;
pub use sheets::{sheet_status, sheet_status_with, SheetStatus};
pub use shortlist::{
    check_shortlist_addition, equal_merit_note, ShortlistCandidate, ShortlistRefusal, TiedNominee,
    PREFERRED_WOMEN_PERCENT,
};
pub use votes::{check_votes, quorum_met, vote_passes};
