//! The campaign at a glance: counts by status, the units that have not sent a dossier, and the
//! next step of the workflow.

use serde::Serialize;

use super::Store;
use crate::error::Result;
use crate::model::{CampaignId, Status, Unit};
use crate::rules::workflow::{next_step, NextStep, Progress};

/// Counts and gaps of one campaign.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub total: usize,
    pub received: usize,
    pub accepted: usize,
    pub refused: usize,
    pub units: usize,
    /// Units with no dossier at all, in the campaign's order.
    pub units_without: Vec<Unit>,
    pub next_step: NextStep,
}

impl Store {
    pub fn overview(&self, campaign: CampaignId) -> Result<Overview> {
        let list = self.nominations(campaign)?;
        let count = |s: Status| list.iter().filter(|n| n.status == s).count();
        let units = self.units(campaign)?;
        let units_total = units.len();
        let units_without: Vec<Unit> = units.into_iter().filter(|u| !list.iter().any(|n| n.unit == u.id)).collect();
        let members = self.members(campaign)?.len();
        let meeting = self.current_meeting(campaign)?.is_some();
        let ranking = self.ranking(campaign, None)?;
        let sheets_complete = !ranking.sheets.is_empty() && ranking.sheets.iter().all(|(_, s)| s.complete());
        let progress = Progress {
            nominations: list.len(),
            received: count(Status::Received),
            accepted: count(Status::Accepted),
            members,
            meeting: meeting || ranking.meeting.is_some(),
            sheets_complete,
            shortlisted: self.shortlist(campaign)?.len(),
            decision_recorded: self.decision(campaign)?.is_some(),
        };
        Ok(Overview {
            total: list.len(),
            received: progress.received,
            accepted: progress.accepted,
            refused: count(Status::Refused),
            units: units_total,
            units_without,
            next_step: next_step(progress),
        })
    }
}
