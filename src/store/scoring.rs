//! Scores, the rubric's freeze, indicator figures, ranking, votes and the provincial shortlist.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::council::insert_meeting;
use super::{format_time, Store};
use crate::council::{
    check_shortlist_addition, check_votes, eligible, indicator_status, quorum_met, rank_with, sheet_status_with,
    vote_passes, IndicatorStatus, Nominee, RankedNominee, RankingOptions, RankingReport, Score, SheetStatus,
    ShortlistCandidate, ShortlistRefusal,
};
use crate::error::{CouncilError, Error, InputError, Result};
use crate::model::{
    CampaignId, CouncilMember, Meeting, MeetingId, MemberId, NominationId, NomineeKind, SheetEntry, SheetSource,
    ShortlistEntry, Status, VoteCount,
};

impl Store {
    /// The accepted nominations, which the council scores, optionally of one kind.
    pub fn nominees(&self, campaign: CampaignId, kind: Option<NomineeKind>) -> Result<Vec<Nominee>> {
        Ok(self
            .nominations(campaign)?
            .into_iter()
            .filter(|n| n.status == Status::Accepted && kind.is_none_or(|k| k == n.kind))
            .map(|n| Nominee { id: n.id, name: n.name, kind: n.kind })
            .collect())
    }

    /// Whether any score has been entered in the campaign (then the rubric is frozen).
    pub fn has_scores(&self, campaign: CampaignId) -> Result<bool> {
        Ok(self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM scores s JOIN meetings m ON m.id = s.meeting_id WHERE m.campaign_id = ?1)",
            [campaign.0],
            |r| r.get(0),
        )?)
    }

    /// Changes a criterion's maximum points; refused once scoring has started (the rubric freezes).
    pub fn set_criterion_max(&mut self, campaign: CampaignId, kind: NomineeKind, number: u32, half: i64) -> Result<()> {
        if self.has_scores(campaign)? {
            return Err(Error::RubricFrozen);
        }
        self.with_tx(|tx| {
            let n = tx.execute(
                "UPDATE criteria SET max_half_points = ?1 WHERE campaign_id = ?2 AND nominee_kind = ?3 AND number = ?4",
                params![half, campaign.0, kind.code(), number],
            )?;
            if n == 0 {
                return Err(CouncilError::UnknownCriterion { number, kind: kind.label().to_string() }.into());
            }
            Ok(())
        })
    }

    /// Deletes every score of the campaign, explicitly, so the rubric can change again.
    pub fn clear_scores(&mut self, campaign: CampaignId) -> Result<usize> {
        self.with_tx(|tx| {
            Ok(tx.execute(
                "DELETE FROM scores WHERE meeting_id IN (SELECT id FROM meetings WHERE campaign_id = ?1)",
                [campaign.0],
            )?)
        })
    }

    /// Records scores typed from the paper sheets in the open meeting, all or none, noting the
    /// person who typed them. When no meeting is open and `open` is given, a meeting is opened
    /// on that date with those members present, in the same transaction. A meeting without
    /// quorum records nothing.
    pub fn record_scores(
        &mut self,
        campaign: CampaignId,
        open: Option<(NaiveDate, Vec<MemberId>)>,
        scores: &[Score],
    ) -> Result<MeetingId> {
        self.record_scores_from(campaign, open, scores, SheetSource::Paper)
    }

    /// As `record_scores`, noting where the sheets came from (a phone in the meeting room, or
    /// paper typed in by the person the store is opened for).
    pub fn record_scores_from(
        &mut self,
        campaign: CampaignId,
        open: Option<(NaiveDate, Vec<MemberId>)>,
        scores: &[Score],
        source: SheetSource,
    ) -> Result<MeetingId> {
        let operator = match source {
            SheetSource::Phone => String::new(),
            // Nobody named: the record says paper, without a made-up name.
            SheetSource::Paper => Some(self.actor()?).filter(|a| a != super::UNKNOWN_ACTOR).unwrap_or_default(),
        };
        let now = format_time(chrono::Utc::now());
        let c = self.campaign_by_id(campaign)?;
        let nominees: HashMap<NominationId, NomineeKind> =
            self.nominees(campaign, None)?.into_iter().map(|n| (n.id, n.kind)).collect();
        let current = self.current_meeting(campaign)?;
        let all_members = self.members(campaign)?;
        let members = all_members.len();
        let rules = self.council_rules(campaign)?;
        let recusals = self.recusals(campaign)?;
        self.with_tx(|tx| {
            let (meeting, present) = match (&current, open) {
                (Some(m), _) => (m.id, m.present.clone()),
                (None, Some((date, present))) => (insert_meeting(tx, campaign, date, None, &present)?, present),
                (None, None) => return Err(Error::NoMeeting),
            };
            let locked: bool =
                tx.query_row("SELECT sheets_locked FROM meetings WHERE id = ?1", [meeting.0], |r| r.get(0))?;
            if locked {
                return Err(CouncilError::SheetsLocked.into());
            }
            if !quorum_met(present.len(), members, rules.quorum) {
                let needed = (0..=members).find(|&p| quorum_met(p, members, rules.quorum)).unwrap_or(members);
                return Err(Error::NoQuorum { present: present.len(), members, needed });
            }
            let mut stmt = tx.prepare(
                "INSERT INTO scores (meeting_id, member_id, nomination_id, criterion_number, half_points)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT DO UPDATE SET half_points = excluded.half_points",
            )?;
            for s in scores {
                if !present.contains(&s.member) {
                    return Err(CouncilError::MemberAbsent(s.member).into());
                }
                if recusals.is(s.member, s.nomination) {
                    let member =
                        all_members.iter().find(|m| m.id == s.member).map_or_else(String::new, |m| m.name.clone());
                    return Err(CouncilError::Recused { member, nomination: s.nomination }.into());
                }
                let kind =
                    nominees.get(&s.nomination).ok_or(Error::Council(CouncilError::NotANominee(s.nomination)))?;
                let criterion =
                    c.criteria.for_kind(*kind).iter().find(|k| k.number == s.criterion).ok_or_else(|| {
                        CouncilError::UnknownCriterion { number: s.criterion, kind: kind.label().to_string() }
                    })?;
                if s.half_points < 0 || s.half_points > criterion.max_half_points {
                    return Err(CouncilError::PointsOutOfRange {
                        criterion: criterion.label.clone(),
                        max: crate::council::format_points(criterion.max_half_points),
                    }
                    .into());
                }
                stmt.execute(params![meeting.0, s.member.0, s.nomination.0, s.criterion, s.half_points])?;
            }
            let mut entry = tx.prepare(
                "INSERT INTO sheet_entries (meeting_id, member_id, source, operator, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT DO UPDATE SET source = excluded.source, operator = excluded.operator,
                                           recorded_at = excluded.recorded_at",
            )?;
            let mut members: Vec<MemberId> = scores.iter().map(|s| s.member).collect();
            members.sort();
            members.dedup();
            for m in members {
                entry.execute(params![meeting.0, m.0, source.code(), operator, now])?;
            }
            Ok(meeting)
        })
    }

    /// How each member's sheet in a meeting was last entered.
    pub fn sheet_entries(&self, meeting: MeetingId) -> Result<Vec<SheetEntry>> {
        let mut stmt = self.conn().prepare(
            "SELECT member_id, source, operator, recorded_at FROM sheet_entries WHERE meeting_id = ?1 ORDER BY member_id",
        )?;
        let rows = stmt.query_map([meeting.0], |r| {
            let code: String = r.get(1)?;
            Ok(SheetEntry {
                member: MemberId(r.get(0)?),
                source: SheetSource::from_code(&code).ok_or_else(|| super::bad_value(&code))?,
                operator: r.get(2)?,
                recorded_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The scores of a meeting.
    pub fn scores(&self, meeting: MeetingId) -> Result<Vec<Score>> {
        let mut stmt = self.conn().prepare(
            "SELECT member_id, nomination_id, criterion_number, half_points FROM scores WHERE meeting_id = ?1",
        )?;
        let rows = stmt.query_map([meeting.0], |r| {
            Ok(Score {
                member: MemberId(r.get(0)?),
                nomination: NominationId(r.get(1)?),
                criterion: r.get(2)?,
                half_points: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Records a nominee's figure for an indicator, in tenths of a percent, and returns its status.
    pub fn set_indicator_figure(
        &mut self,
        nomination: NominationId,
        criterion: u32,
        index: usize,
        figure_tenths: i64,
    ) -> Result<IndicatorStatus> {
        let n = self.nomination(nomination)?;
        let c = self.campaign_by_id(n.campaign)?;
        let indicator = c
            .criteria
            .for_kind(n.kind)
            .iter()
            .find(|k| k.number == criterion)
            .and_then(|k| k.indicators.get(index))
            .ok_or(CouncilError::UnknownIndicator { criterion, index: index + 1 })?;
        let status = indicator_status(Some(figure_tenths), indicator.min_percent);
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO indicator_figures (nomination_id, criterion_number, indicator_index, figure_tenths)
                 VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET figure_tenths = excluded.figure_tenths",
                params![nomination.0, criterion, index as i64, figure_tenths],
            )?;
            Ok(())
        })?;
        Ok(status)
    }

    /// Records the ballots on one nominee in the open meeting (which must have its quorum).
    pub fn record_votes(&mut self, campaign: CampaignId, nomination: NominationId, votes: VoteCount) -> Result<()> {
        let meeting = self.binding_meeting(campaign)?;
        // Members recused for the nominee do not vote on it.
        let voters = eligible(&meeting.present, &self.recusals(campaign)?.of(nomination));
        check_votes(votes, voters).map_err(CouncilError::Ballots)?;
        if !self.nominees(campaign, None)?.iter().any(|n| n.id == nomination) {
            return Err(CouncilError::NotANominee(nomination).into());
        }
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO votes (meeting_id, nomination_id, agree, disagree, blank) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT DO UPDATE SET agree = excluded.agree, disagree = excluded.disagree, blank = excluded.blank",
                params![meeting.id.0, nomination.0, votes.agree, votes.disagree, votes.blank],
            )?;
            Ok(())
        })
    }

    fn latest_meeting(&self, campaign: CampaignId) -> Result<Option<Meeting>> {
        match self.current_meeting(campaign)? {
            Some(m) => Ok(Some(m)),
            None => self.meeting_where(campaign, false),
        }
    }

    /// The ranking of the accepted nominations (of one kind, or all together) from the latest
    /// meeting's complete sheets.
    pub fn ranking(&self, campaign: CampaignId, kind: Option<NomineeKind>) -> Result<RankingReport> {
        let c = self.campaign_by_id(campaign)?;
        let rules = self.council_rules(campaign)?;
        let all_members = self.members(campaign)?;
        let everyone = self.nominees(campaign, None)?;
        let nominees: Vec<Nominee> = everyone.iter().filter(|n| kind.is_none_or(|k| k == n.kind)).cloned().collect();
        let meeting = self.latest_meeting(campaign)?;
        let (scores, present) = match &meeting {
            Some(m) => (self.scores(m.id)?, m.present.clone()),
            None => (Vec::new(), Vec::new()),
        };
        let recusals = self.recusals(campaign)?;
        // A sheet is complete against every accepted nominee, whichever kind is being ranked,
        // but those the member is recused for.
        let sheets: Vec<(CouncilMember, SheetStatus)> = all_members
            .iter()
            .filter(|m| present.contains(&m.id))
            .map(|m| (m.clone(), sheet_status_with(m.id, &everyone, &c.criteria, &scores, &recusals)))
            .collect();
        let complete: Vec<MemberId> = sheets.iter().filter(|(_, s)| s.complete()).map(|(m, _)| m.id).collect();
        let options = RankingOptions {
            drop_extremes: rules.drop_extremes,
            min_average_half_points: rules.min_average_half_points,
        };
        let mut ranked = rank_with(&nominees, &c.criteria, &complete, &scores, options, &recusals);
        let all_complete = !present.is_empty() && complete.len() == present.len();
        for r in &mut ranked {
            r.complete = all_complete;
        }
        let quorum = quorum_met(present.len(), all_members.len(), rules.quorum);
        let mut votes = HashMap::new();
        if let Some(m) = &meeting {
            let mut stmt =
                self.conn().prepare("SELECT nomination_id, agree, disagree, blank FROM votes WHERE meeting_id = ?1")?;
            let rows = stmt.query_map([m.id.0], |r| {
                Ok((NominationId(r.get(0)?), VoteCount { agree: r.get(1)?, disagree: r.get(2)?, blank: r.get(3)? }))
            })?;
            for row in rows {
                let (id, v) = row?;
                // A proposal's threshold is taken of the members not recused for the nominee.
                let ids: Vec<MemberId> = all_members.iter().map(|m| m.id).collect();
                let counted = eligible(&ids, &recusals.of(id));
                votes.insert(id, (v, vote_passes(v, counted, rules.vote_threshold)));
            }
        }
        Ok(RankingReport {
            meeting,
            quorum_met: quorum,
            ranked,
            sheets,
            votes,
            recusals,
            disagreement_half_points: rules.disagreement_half_points,
        })
    }

    /// The provincial shortlist, in the order chosen.
    pub fn shortlist(&self, campaign: CampaignId) -> Result<Vec<ShortlistEntry>> {
        let mut stmt = self.conn().prepare(
            "SELECT s.nomination_id, n.name, s.position, s.reason FROM shortlist s JOIN nominations n ON n.id = s.nomination_id
             WHERE s.campaign_id = ?1 ORDER BY s.position",
        )?;
        let rows = stmt.query_map([campaign.0], |r| {
            Ok(ShortlistEntry {
                nomination: NominationId(r.get(0)?),
                name: r.get(1)?,
                position: r.get(2)?,
                reason: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Adds a nominee to the provincial shortlist (R8), in a meeting with its quorum.
    pub fn shortlist_add(&mut self, campaign: CampaignId, id: NominationId, reason: Option<&str>) -> Result<()> {
        self.binding_meeting(campaign)?;
        let c = self.campaign_by_id(campaign)?;
        let award = c.settings.proposed_award();
        let (award_name, max) = match award {
            Some(a) => (a.name.clone(), a.shortlist_max.unwrap_or(3)),
            None => ("cấp trên".to_string(), 3),
        };
        let nomination = self.nomination(id)?;
        if nomination.campaign != campaign {
            return Err(Error::UnknownNomination(id));
        }
        let report = self.ranking(campaign, None)?;
        let candidate_of = |n: &RankedNominee| ShortlistCandidate {
            id: n.nomination_id,
            name: n.name.clone(),
            status: Status::Accepted,
            average: n.average.map(|a| (a.sum, a.count)),
            vote_passed: report.votes.get(&n.nomination_id).map(|(_, passed)| *passed),
        };
        let others: Vec<ShortlistCandidate> = report.ranked.iter().map(candidate_of).collect();
        let candidate = match others.iter().find(|o| o.id == id) {
            Some(c) => c.clone(),
            None => ShortlistCandidate {
                id,
                name: nomination.name.clone(),
                status: nomination.status,
                average: None,
                vote_passed: None,
            },
        };
        let current: Vec<NominationId> = self.shortlist(campaign)?.iter().map(|e| e.nomination).collect();
        let reason = reason
            .map(|r| crate::vn::checked_paragraphs(r, 2_000).map(|r| crate::vn::normalise_name(&r)))
            .transpose()
            .map_err(|problem| InputError::Text { field: "reason", what: "Lý do", problem })?
            .filter(|r| !r.is_empty());
        let refuse = |why: String, code: &'static str| Error::Shortlist { id, award: award_name.clone(), why, code };
        match check_shortlist_addition(&candidate, &current, &others, max, reason.is_some()) {
            Ok(()) => {}
            Err(ShortlistRefusal::NotAccepted { status }) => {
                return Err(refuse(
                    format!(
                        "chỉ chọn trong số hồ sơ được đề nghị tặng Giấy khen (hồ sơ này đang ở trạng thái «{}»).",
                        status.label()
                    ),
                    "shortlist_not_accepted",
                ))
            }
            Err(ShortlistRefusal::AlreadyIn) => {
                return Err(refuse("hồ sơ đã có trong danh sách.".into(), "shortlist_duplicate"))
            }
            Err(ShortlistRefusal::Full { max }) => {
                return Err(refuse(
                    format!("danh sách đã đủ {max:02} tập thể, cá nhân (tối đa {max:02})."),
                    "shortlist_full",
                ))
            }
            Err(ShortlistRefusal::VoteFailed) => {
                return Err(refuse("hồ sơ không đạt tỷ lệ phiếu đồng ý theo quy chế.".into(), "shortlist_vote_failed"))
            }
            Err(ShortlistRefusal::ReasonRequired { contenders }) => {
                let names: Vec<String> = contenders.iter().map(|(i, n)| format!("số {i} ({n})")).collect();
                // The rule for equals, cited as the decree in force on the meeting's day has it.
                let day = report.meeting.as_ref().map_or_else(crate::vn::today_in_vietnam, |m| m.date);
                let citation = match crate::model::DecreeRow::in_force(&c.settings.decision.decrees, day) {
                    Some(d) if !d.equal_merit.is_empty() => d.equal_merit.clone(),
                    Some(d) => format!("Nghị định số {}", d.number),
                    None => "quy định về thi đua, khen thưởng".to_string(),
                };
                let mut tied = Vec::new();
                for nid in std::iter::once(id).chain(contenders.iter().map(|(i, _)| *i)) {
                    let n = self.nomination(nid)?;
                    tied.push(crate::council::TiedNominee {
                        id: nid,
                        name: n.name,
                        kind: n.kind,
                        gender: n.gender,
                        women_percent: n.women_percent,
                    });
                }
                let rule = crate::council::equal_merit_note(&citation, &tied);
                let avg = report
                    .ranked
                    .iter()
                    .find(|r| r.nomination_id == id)
                    .and_then(|r| r.average)
                    .map(|a| format!("điểm trung bình {}", a.text()))
                    .unwrap_or_else(|| "chưa có điểm".into());
                return Err(refuse(
                    format!(
                        "hồ sơ ({avg}) đứng ngang hoặc sau các hồ sơ {} mà không đủ chỗ cho tất cả; Hội đồng cần chọn và ghi lý do (--reason). {rule}",
                        names.join(", ")
                    ),
                    "shortlist_reason_required",
                ));
            }
        }
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO shortlist (campaign_id, nomination_id, position, reason, added_at)
                 VALUES (?1, ?2, (SELECT COALESCE(MAX(position), 0) + 1 FROM shortlist WHERE campaign_id = ?1), ?3, ?4)",
                params![campaign.0, id.0, reason, format_time(chrono::Utc::now())],
            )?;
            Ok(())
        })
    }

    /// Takes a nominee off the shortlist.
    pub fn shortlist_remove(&mut self, campaign: CampaignId, id: NominationId) -> Result<()> {
        self.binding_meeting(campaign)?;
        self.with_tx(|tx| {
            let n = tx.execute(
                "DELETE FROM shortlist WHERE campaign_id = ?1 AND nomination_id = ?2",
                params![campaign.0, id.0],
            )?;
            if n == 0 {
                return Err(CouncilError::NotShortlisted(id).into());
            }
            Ok(())
        })
    }
}
