//! The intake rules applied to a dossier that is not recorded (yet), so the form can explain a
//! refusal while the secretary types (R4–R6), for a new dossier or a correction.

use rusqlite::params;

use super::{bad_value, Store};
use crate::error::Result;
use crate::model::{CampaignId, NewNomination, Nomination, NominationId, Reason, RefusalSource, Status, UnitKind};
use crate::rules::{assign_places, intrinsic_refusals, IntakeFacts, Place, QuotaEntry};

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
        let kind: String = self.conn().query_row(
            "SELECT kind FROM units WHERE id = ?1 AND campaign_id = ?2",
            params![item.unit.0, campaign.id.0],
            |r| r.get(0),
        )?;
        let unit_kind = UnitKind::from_code(&kind).ok_or_else(|| bad_value(&kind))?;
        let mut reasons =
            intrinsic_refusals(&campaign, IntakeFacts { submitted_at: item.submitted_at, parts: &item.parts });
        let others: Vec<Nomination> = self
            .nominations(campaign.id)?
            .into_iter()
            .filter(|n| n.unit == item.unit && Some(n.id) != replacing)
            .collect();
        let new_id = replacing.unwrap_or(NominationId(i64::MAX));
        let mut entries: Vec<QuotaEntry> = others
            .iter()
            .map(|n| QuotaEntry {
                id: n.id,
                submitted_at: n.submitted_at,
                refused_otherwise: n.refusals.iter().any(|r| r.reason != Reason::OverQuota),
                accepted: n.status == Status::Accepted,
            })
            .collect();
        // A corrected dossier keeps its appraisal: accepted, it keeps its place; refused, it holds none.
        let appraised = match replacing {
            Some(id) => self.nomination(id)?.refusals.iter().any(|r| r.source == RefusalSource::Appraisal),
            None => false,
        };
        let accepted = match replacing {
            Some(id) => {
                self.conn().query_row("SELECT decision FROM nominations WHERE id = ?1", [id.0], |r| {
                    r.get::<_, Option<String>>(0)
                })? == Some("accepted".into())
            }
            None => false,
        };
        entries.push(QuotaEntry {
            id: new_id,
            submitted_at: item.submitted_at,
            refused_otherwise: !reasons.is_empty() || appraised,
            accepted,
        });
        if let Some(Place::OverQuota { by }) = assign_places(&entries, campaign.quota(unit_kind)).get(&new_id) {
            let note = match others.iter().find(|n| n.id == *by) {
                Some(holder) => format!(
                    "Mỗi đơn vị đề nghị không quá {:02} tập thể hoặc cá nhân; suất của đơn vị đã thuộc hồ sơ số {} ({}, nộp lúc {}).",
                    campaign.quota(unit_kind),
                    holder.id,
                    holder.name,
                    crate::rules::intake::vietnam_time_text(holder.submitted_at)
                ),
                None => format!("Đợt thi đua không dành suất đề nghị cho đơn vị loại «{}».", unit_kind.label()),
            };
            reasons.push((Reason::OverQuota, note));
        }
        Ok(reasons)
    }
}
