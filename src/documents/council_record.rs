//! What the council's papers print, assembled once from the records: the latest meeting with its
//! attendance and quorum, each accepted nominee's average, rank and ballots, the Giấy khen list
//! and the provincial shortlist (R8) with the council's reasons.

use super::{awardees_in, Awardee};
use crate::council::Average;
use crate::council::RankingReport;
use crate::error::{Error, Result};
use crate::model::{
    Campaign, CouncilMember, CouncilRole, CouncilRules, Meeting, Nomination, NominationId, Share, SheetEntry,
    SheetSource, ShortlistEntry, VoteCount,
};

/// The records the council's papers are drawn from, as the application layer reads them.
#[derive(Debug, Clone)]
pub struct CouncilFacts {
    pub report: RankingReport,
    /// Whether the latest meeting had its quorum, and how many members that needed.
    pub quorum: Option<(bool, usize)>,
    pub nominations: Vec<Nomination>,
    pub shortlist: Vec<ShortlistEntry>,
    pub rules: CouncilRules,
    pub members: Vec<CouncilMember>,
    /// How each member's sheet was entered in that meeting.
    pub entries: Vec<SheetEntry>,
}

/// One accepted nominee's line in the results table, in ranking order.
#[derive(Debug, Clone)]
pub struct ResultRow {
    pub id: NominationId,
    pub nominee: Awardee,
    /// The achievement summary of the dossier.
    pub summary: String,
    pub average: Option<Average>,
    pub rank: Option<u32>,
    pub tied: bool,
    /// The ballots and whether they reach the threshold, when the council voted.
    pub votes: Option<(VoteCount, bool)>,
    /// Each counted member's total, in half-points, lowest first.
    pub totals: Vec<i64>,
}

/// A shortlisted nominee with its line of results.
#[derive(Debug, Clone)]
pub struct Shortlisted {
    pub entry: ShortlistEntry,
    pub row: ResultRow,
}

/// The latest council meeting of a campaign and what it decided.
#[derive(Debug, Clone)]
pub struct CouncilRecord {
    pub campaign: Campaign,
    pub meeting: Meeting,
    pub rules: CouncilRules,
    /// Every member of the council, chairs first.
    pub members: Vec<CouncilMember>,
    pub quorum_met: bool,
    /// Least number of members present for a valid meeting.
    pub quorum_needed: usize,
    /// Dossiers received in the campaign, and how many passed appraisal.
    pub received: usize,
    pub rows: Vec<ResultRow>,
    /// Members present whose sheets count; those whose sheets do not, with the cells missing
    /// out of `cells_per_sheet`.
    pub complete_sheets: usize,
    pub incomplete_sheets: Vec<(String, usize)>,
    pub cells_per_sheet: usize,
    /// The accepted nominations, in the annex's order.
    pub awardees: Vec<Awardee>,
    pub shortlist: Vec<Shortlisted>,
    /// Members recused for a nominee: the member's name, the dossier's number and nominee.
    pub recusals: Vec<(String, NominationId, String)>,
    /// Members present whose sheets were sent from their phones, and those whose paper
    /// sheets were typed in, with who typed them, in the council's order.
    pub by_phone: Vec<String>,
    pub from_paper: Vec<(String, String)>,
}

impl CouncilRecord {
    /// Assembles the record; refused when the council has not met (`document` names the paper).
    pub fn new(campaign: &Campaign, document: &'static str, facts: CouncilFacts) -> Result<CouncilRecord> {
        let CouncilFacts { report, quorum, nominations, shortlist, rules, members, entries } = facts;
        let meeting = report.meeting.clone().ok_or(Error::NoMeetingRecord { document })?;
        let (quorum_met, quorum_needed) = quorum.ok_or(Error::NoMeetingRecord { document })?;
        let rows: Vec<ResultRow> = report
            .ranked
            .iter()
            .filter_map(|r| {
                let n = nominations.iter().find(|n| n.id == r.nomination_id)?;
                Some(ResultRow {
                    id: n.id,
                    nominee: Awardee::of(n),
                    summary: n.summary.clone(),
                    average: r.average,
                    totals: r.totals.clone(),
                    rank: r.rank,
                    tied: r.tied,
                    votes: report.votes.get(&n.id).copied(),
                })
            })
            .collect();
        let shortlist = shortlist
            .into_iter()
            .filter_map(|entry| {
                let row = rows.iter().find(|r| r.id == entry.nomination)?.clone();
                Some(Shortlisted { entry, row })
            })
            .collect();
        let complete_sheets = report.sheets.iter().filter(|(_, s)| s.complete()).count();
        let incomplete_sheets = report
            .sheets
            .iter()
            .filter(|(_, s)| !s.complete())
            .map(|(m, s)| (m.name.clone(), s.missing.len()))
            .collect();
        let recusals: Vec<(String, NominationId, String)> = report
            .recusals
            .pairs()
            .filter_map(|(m, n)| {
                let member = members.iter().find(|x| x.id == *m)?;
                let nominee = report.ranked.iter().find(|r| r.nomination_id == *n)?;
                Some((member.name.clone(), *n, nominee.name.clone()))
            })
            .collect();
        let entry_of = |m: &CouncilMember| entries.iter().find(|e| e.member == m.id);
        let present = members.iter().filter(|m| meeting.present.contains(&m.id));
        let by_phone = present
            .clone()
            .filter(|m| entry_of(m).is_some_and(|e| e.source == SheetSource::Phone))
            .map(|m| m.name.clone())
            .collect();
        let from_paper = present
            .filter_map(|m| {
                let e = entry_of(m).filter(|e| e.source == SheetSource::Paper)?;
                Some((m.name.clone(), e.operator.clone()))
            })
            .collect();
        Ok(CouncilRecord {
            by_phone,
            from_paper,
            campaign: campaign.clone(),
            rules,
            members,
            quorum_met,
            quorum_needed,
            received: nominations.len(),
            complete_sheets,
            incomplete_sheets,
            cells_per_sheet: rows.iter().map(|r| campaign.criteria.for_kind(r.nominee.kind).len()).sum(),
            recusals,
            awardees: awardees_in(&nominations, campaign.settings.decision.annex_order),
            rows,
            shortlist,
            meeting,
        })
    }

    pub fn present(&self) -> Vec<&CouncilMember> {
        self.members.iter().filter(|m| self.meeting.present.contains(&m.id)).collect()
    }

    pub fn absent(&self) -> Vec<&CouncilMember> {
        self.members.iter().filter(|m| !self.meeting.present.contains(&m.id)).collect()
    }

    /// Who chairs: the council's chair if present, else the first vice-chair present.
    pub fn chair(&self) -> Option<&CouncilMember> {
        let present = self.present();
        [CouncilRole::Chair, CouncilRole::ViceChair]
            .into_iter()
            .find_map(|role| present.iter().find(|m| m.role == role).copied())
    }

    /// Who keeps the minutes: the secretary member if present.
    pub fn secretary(&self) -> Option<&CouncilMember> {
        self.present().into_iter().find(|m| m.role == CouncilRole::SecretaryMember)
    }

    /// Least agree votes that pass the threshold (more than its share of all members).
    pub fn votes_needed(&self) -> usize {
        more_than(self.members.len(), self.rules.vote_threshold)
    }

    /// The award the council proposes to the higher level, and its shortlist limit.
    pub fn higher_award(&self) -> Option<(&str, u32)> {
        self.campaign.settings.proposed_award().map(|a| (a.name.as_str(), a.shortlist_max.unwrap_or(3)))
    }
}

/// Smallest whole number greater than `share` of `total`.
fn more_than(total: usize, share: Share) -> usize {
    let (n, d) = (u64::from(share.numerator), u64::from(share.denominator).max(1));
    (total as u64 * n / d + 1) as usize
}

/// "2/3".
pub fn share_text(share: Share) -> String {
    format!("{}/{}", share.numerator, share.denominator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_than_half_of_nine_is_five_and_of_eight_is_five() {
        let half = Share { numerator: 1, denominator: 2 };
        assert_eq!(more_than(9, half), 5);
        assert_eq!(more_than(8, half), 5);
        assert_eq!(more_than(3, half), 2);
        assert_eq!(more_than(3, Share { numerator: 2, denominator: 3 }), 3);
    }
}
