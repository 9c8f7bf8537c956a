//! Recusals: found from the members' positions and the nominees' units, marked or cleared by the
//! secretary before scoring starts.

use std::collections::HashMap;

use rusqlite::params;
use serde::Serialize;

use super::Store;
use crate::council::{position_names_unit, Recusals};
use crate::error::{CouncilError, Error, Result};
use crate::model::{CampaignId, MemberId, NominationId, Status};

/// A member recused for a nominee, as the council screen and the minutes say it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecusalLine {
    pub member: MemberId,
    pub member_name: String,
    pub nomination: NominationId,
    pub nominee: String,
    pub unit: String,
    /// Marked by the secretary (rather than found from the member's position).
    pub marked: bool,
}

impl Store {
    /// Every recusal of the campaign's accepted nominees: a member whose position names the
    /// nominee's unit, unless the secretary cleared it, and those the secretary marked.
    pub fn recusal_lines(&self, campaign: CampaignId) -> Result<Vec<RecusalLine>> {
        let members = self.members(campaign)?;
        let nominations: Vec<_> =
            self.nominations(campaign)?.into_iter().filter(|n| n.status == Status::Accepted).collect();
        let mut stmt =
            self.conn().prepare("SELECT member_id, nomination_id, recused FROM recusals WHERE campaign_id = ?1")?;
        let marked: HashMap<(MemberId, NominationId), bool> = stmt
            .query_map([campaign.0], |r| Ok(((MemberId(r.get(0)?), NominationId(r.get(1)?)), r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for m in &members {
            for n in &nominations {
                let found = m
                    .position
                    .as_deref()
                    .is_some_and(|p| position_names_unit(p, &n.unit_name, &n.unit_forms.in_sentence));
                let set = marked.get(&(m.id, n.id)).copied();
                if set.unwrap_or(found) {
                    out.push(RecusalLine {
                        member: m.id,
                        member_name: m.name.clone(),
                        nomination: n.id,
                        nominee: n.name.clone(),
                        unit: n.unit_name.clone(),
                        marked: set.is_some(),
                    });
                }
            }
        }
        Ok(out)
    }

    /// Who is recused for whom in the campaign.
    pub fn recusals(&self, campaign: CampaignId) -> Result<Recusals> {
        Ok(Recusals::new(self.recusal_lines(campaign)?.into_iter().map(|l| (l.member, l.nomination))))
    }

    /// Marks (`recused`) or clears a member's recusal for a nominee; refused once the nominee has
    /// scores in the open meeting.
    pub fn set_recusal(
        &mut self,
        campaign: CampaignId,
        member: MemberId,
        nomination: NominationId,
        recused: bool,
    ) -> Result<()> {
        if !self.members(campaign)?.iter().any(|m| m.id == member) {
            return Err(Error::UnknownMember(member.to_string()));
        }
        let n = self.nomination(nomination)?;
        if n.campaign != campaign || n.status != Status::Accepted {
            return Err(CouncilError::NotANominee(nomination).into());
        }
        if let Some(m) = self.current_meeting(campaign)? {
            let scored: bool = self.conn().query_row(
                "SELECT EXISTS (SELECT 1 FROM scores WHERE meeting_id = ?1 AND nomination_id = ?2)",
                params![m.id.0, nomination.0],
                |r| r.get(0),
            )?;
            if scored {
                return Err(CouncilError::RecusalAfterScoring(nomination).into());
            }
        }
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO recusals (campaign_id, member_id, nomination_id, recused) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (member_id, nomination_id) DO UPDATE SET recused = excluded.recused",
                params![campaign.0, member.0, nomination.0, recused],
            )?;
            Ok(())
        })
    }
}
