//! The intake rules applied to a dossier that is not recorded (yet), so the form can explain a
//! refusal while the secretary types (R4–R6), for a new dossier or a correction.

use super::nominations::{appraised, unit_dossiers};
use super::Store;
use crate::error::Result;
use crate::model::{CampaignId, NewNomination, NominationId, Reason};
use crate::rules::{unit_intake, UnitDossier};

impl Store {
    /// What the intake rules would say of a dossier if it were recorded now, without recording it:
    /// the form checks the rules as the secretary types (R4–R6).
    pub fn preview_nomination(&self, campaign: CampaignId, item: &NewNomination) -> Result<Vec<(Reason, String)>> {
        self.preview(campaign, item, None)
    }

    /// What the intake rules would say of dossier `id` corrected to `item`, without changing it.
    pub fn preview_correction(&self, id: NominationId, item: &NewNomination) -> Result<Vec<(Reason, String)>> {
        let campaign = self.nomination(id)?.campaign;
        self.preview(campaign, item, Some(id))
    }

    fn preview(
        &self,
        campaign: CampaignId,
        item: &NewNomination,
        replacing: Option<NominationId>,
    ) -> Result<Vec<(Reason, String)>> {
        let campaign = self.campaign_by_id(campaign)?;
        let item = &item.validated()?;
        self.unit_in_campaign(campaign.id, item.unit)?;
        let (unit_kind, mut dossiers) = unit_dossiers(self.conn(), campaign.id, item.unit)?;
        // A corrected dossier keeps its appraisal: accepted, it keeps its place; refused, it holds none.
        let appraisal = match replacing {
            Some(id) => {
                let decision: Option<String> =
                    self.conn().query_row("SELECT decision FROM nominations WHERE id = ?1", [id.0], |r| r.get(0))?;
                appraised(decision.as_deref())
            }
            None => None,
        };
        dossiers.retain(|d| Some(d.id) != replacing);
        // A new dossier is recorded after every other, as the sentinel id sorts.
        let id = replacing.unwrap_or(NominationId(i64::MAX));
        dossiers.push(UnitDossier {
            id,
            name: item.name.clone(),
            submitted_at: item.submitted_at,
            parts: item.parts,
            appraised: appraisal,
        });
        Ok(unit_intake(&campaign, unit_kind, &dossiers).remove(&id).unwrap_or_default())
    }
}
