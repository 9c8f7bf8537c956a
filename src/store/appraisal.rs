//! Appraisal (R7): the secretary accepts or refuses each dossier that passed intake, and may take
//! an appraisal back; the places of the unit's dossiers follow (R4).

use rusqlite::params;

use super::nominations::recompute_unit;
use super::Store;
use crate::error::{Error, InputError, Result};
use crate::model::{CampaignId, Nomination, NominationId, Reason, Refusal, RefusalSource, Status};
use crate::vn::normalise_name;

/// The longest note that tells a unit why its dossier was refused.
const MAX_NOTE: usize = 2_000;

impl Store {
    /// Appraisal (R7): the secretary accepts a received dossier for the award.
    pub fn accept(&mut self, id: NominationId) -> Result<()> {
        let n = self.nomination(id)?;
        let intake: Vec<&Refusal> = n.refusals.iter().filter(|r| r.source == RefusalSource::Intake).collect();
        if !intake.is_empty() {
            let reasons = intake.iter().map(|r| r.reason.label()).collect::<Vec<_>>().join("; ");
            return Err(Error::RefusedAtIntake { id, reasons });
        }
        let campaign = self.campaign_by_id(n.campaign)?;
        self.with_tx(|tx| {
            tx.execute("DELETE FROM refusals WHERE nomination_id = ?1 AND source = 'appraisal'", [id.0])?;
            tx.execute("UPDATE nominations SET decision = 'accepted' WHERE id = ?1", [id.0])?;
            recompute_unit(tx, &campaign, n.unit)
        })
    }

    /// Appraisal (R7): the secretary refuses a dossier with a reason and a note for the unit.
    /// The dossier then holds no place, so the unit's next dossier may take it (R4).
    pub fn refuse(&mut self, id: NominationId, reason: Reason, note: &str) -> Result<()> {
        let n = self.nomination(id)?;
        if n.refusals.iter().any(|r| r.source == RefusalSource::Intake) {
            return Err(Error::NotAppraisable { id, status: n.status });
        }
        self.unless_shortlisted(&n)?;
        let campaign = self.campaign_by_id(n.campaign)?;
        let note = crate::vn::checked_paragraphs(note, MAX_NOTE)
            .map(|n| normalise_name(&n))
            .map_err(|problem| InputError::Text { field: "note", what: "Ghi chú", problem })?;
        self.with_tx(|tx| {
            tx.execute("DELETE FROM refusals WHERE nomination_id = ?1 AND source = 'appraisal'", [id.0])?;
            tx.execute("UPDATE nominations SET decision = 'refused' WHERE id = ?1", [id.0])?;
            tx.execute(
                "INSERT INTO refusals (nomination_id, reason, note, source) VALUES (?1, ?2, ?3, 'appraisal')",
                params![id.0, reason.code(), note],
            )?;
            recompute_unit(tx, &campaign, n.unit)
        })
    }

    /// Takes back an appraisal made by mistake: the dossier waits as received again (or holds no
    /// place when another dossier of its unit has taken it meanwhile, R4), and the secretary's own
    /// refusal is removed. Refused while the dossier is on the shortlist: the council's choice
    /// would silently lose its nominee.
    pub fn reopen(&mut self, id: NominationId) -> Result<()> {
        let n = self.nomination(id)?;
        if n.refusals.iter().any(|r| r.source == RefusalSource::Intake) {
            return Err(Error::NotAppraisable { id, status: n.status });
        }
        let appraised: Option<String> =
            self.conn().query_row("SELECT decision FROM nominations WHERE id = ?1", [id.0], |r| r.get(0))?;
        if appraised.is_none() {
            return Err(Error::AppraisalLocked { id, why: "hồ sơ chưa được thẩm định".into() });
        }
        self.unless_shortlisted(&n)?;
        let campaign = self.campaign_by_id(n.campaign)?;
        self.with_tx(|tx| {
            tx.execute("DELETE FROM refusals WHERE nomination_id = ?1 AND source = 'appraisal'", [id.0])?;
            tx.execute("UPDATE nominations SET decision = NULL WHERE id = ?1", [id.0])?;
            recompute_unit(tx, &campaign, n.unit)
        })
    }

    /// Whether the council has put the nomination on its shortlist.
    pub(crate) fn is_shortlisted(&self, id: NominationId) -> Result<bool> {
        let listed =
            self.conn()
                .query_row("SELECT EXISTS (SELECT 1 FROM shortlist WHERE nomination_id = ?1)", [id.0], |r| r.get(0))?;
        Ok(listed)
    }

    fn unless_shortlisted(&self, n: &Nomination) -> Result<()> {
        if self.is_shortlisted(n.id)? {
            let campaign = self.campaign_by_id(n.campaign)?;
            let award = campaign.settings.proposed_award();
            let award = award.map_or("cấp trên", |a| a.name.as_str());
            return Err(Error::AppraisalLocked {
                id: n.id,
                why: format!("hồ sơ đang có trong danh sách đề nghị {award}; hãy bỏ hồ sơ khỏi danh sách trước"),
            });
        }
        Ok(())
    }

    /// Accepts every dossier still waiting as received; returns how many.
    pub fn accept_all(&mut self, campaign: CampaignId) -> Result<usize> {
        let waiting: Vec<Nomination> =
            self.nominations(campaign)?.into_iter().filter(|n| n.status == Status::Received).collect();
        let campaign = self.campaign_by_id(campaign)?;
        self.with_tx(|tx| {
            let mut units = Vec::new();
            for n in &waiting {
                tx.execute("UPDATE nominations SET decision = 'accepted' WHERE id = ?1", [n.id.0])?;
                if !units.contains(&n.unit) {
                    units.push(n.unit);
                }
            }
            for unit in units {
                recompute_unit(tx, &campaign, unit)?;
            }
            Ok(waiting.len())
        })
    }
}
