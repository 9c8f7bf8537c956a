//! The campaign's list of units, kept up to date by the secretary: a unit added or renamed, its kind
//! corrected, or one taken off the list (communes are merged and renamed between campaigns).

use rusqlite::{params, OptionalExtension};

use super::nominations::recompute_unit;
use super::Store;
use crate::error::{Error, Result, UnitError};
use crate::model::{CampaignId, UnitId, UnitKind};
use crate::vn::fold;

impl Store {
    /// Adds a unit at the end of the campaign's list.
    pub fn add_unit(&mut self, campaign: CampaignId, name: &str, kind: UnitKind) -> Result<UnitId> {
        self.campaign_by_id(campaign)?;
        let name = self.free_unit_name(campaign, name, None)?;
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO units (campaign_id, name, name_folded, kind, position)
                 VALUES (?1, ?2, ?3, ?4, (SELECT COALESCE(MAX(position), 0) + 1 FROM units WHERE campaign_id = ?1))",
                params![campaign.0, name, fold(&name), kind.code()],
            )?;
            Ok(UnitId(tx.last_insert_rowid()))
        })
    }

    /// Renames a unit or corrects its kind. The quota depends on the kind, so the intake rules run
    /// again for the unit's dossiers; refused, with nothing changed, when a shortlisted nominee of
    /// the unit would no longer be accepted.
    pub fn update_unit(&mut self, id: UnitId, name: &str, kind: UnitKind) -> Result<()> {
        let campaign = self.unit_campaign(id)?;
        let name = self.free_unit_name(campaign, name, Some(id))?;
        let campaign = self.campaign_by_id(campaign)?;
        self.with_tx(|tx| {
            tx.execute(
                "UPDATE units SET name = ?2, name_folded = ?3, kind = ?4 WHERE id = ?1",
                params![id.0, name, fold(&name), kind.code()],
            )?;
            recompute_unit(tx, &campaign, id)?;
            let lost: Option<i64> = tx
                .query_row(
                    "SELECT n.id FROM nominations n JOIN shortlist s ON s.nomination_id = n.id
                     WHERE n.unit_id = ?1 AND n.status <> 'accepted' LIMIT 1",
                    [id.0],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(n) = lost {
                return Err(UnitError::ShortlistedNominee(crate::model::NominationId(n)).into());
            }
            Ok(())
        })
    }

    /// Sets how documents name the unit inside sentences; `None` (or blank) goes back to the
    /// default of its kind for that form.
    pub fn set_unit_forms(&mut self, id: UnitId, addressee: Option<&str>, in_sentence: Option<&str>) -> Result<()> {
        self.unit_campaign(id)?;
        let checked = |what: &str, text: Option<&str>| -> Result<Option<String>> {
            match text.map(str::trim).filter(|t| !t.is_empty()) {
                None => Ok(None),
                Some(t) => crate::vn::checked_line(t, crate::model::nomination::MAX_NAME)
                    .map(Some)
                    .map_err(|problem| UnitError::BadForm { what: what.to_string(), problem }.into()),
            }
        };
        let addressee = checked("Kính gửi", addressee)?;
        let in_sentence = checked("Tên trong câu văn", in_sentence)?;
        self.with_tx(|tx| {
            tx.execute(
                "UPDATE units SET addressee = ?2, in_sentence = ?3 WHERE id = ?1",
                params![id.0, addressee, in_sentence],
            )?;
            Ok(())
        })
    }

    /// Takes a unit off the campaign's list. Refused while it has dossiers: they keep their unit.
    pub fn remove_unit(&mut self, id: UnitId) -> Result<()> {
        self.unit_campaign(id)?;
        let (name, dossiers): (String, i64) = self.conn().query_row(
            "SELECT name, (SELECT COUNT(*) FROM nominations WHERE unit_id = ?1) FROM units WHERE id = ?1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if dossiers > 0 {
            return Err(UnitError::HasDossiers { name, dossiers: dossiers as usize }.into());
        }
        self.with_tx(|tx| {
            tx.execute("DELETE FROM units WHERE id = ?1", [id.0])?;
            Ok(())
        })
    }

    fn unit_campaign(&self, id: UnitId) -> Result<CampaignId> {
        let campaign: Option<i64> =
            self.conn().query_row("SELECT campaign_id FROM units WHERE id = ?1", [id.0], |r| r.get(0)).optional()?;
        campaign.map(CampaignId).ok_or(Error::Unit(UnitError::Unknown(id)))
    }

    /// `name` normalised, unless it is empty or another unit of the campaign has it.
    fn free_unit_name(&self, campaign: CampaignId, name: &str, except: Option<UnitId>) -> Result<String> {
        let name = crate::vn::checked_line(name, crate::model::nomination::MAX_NAME).map_err(UnitError::BadName)?;
        if name.is_empty() {
            return Err(UnitError::EmptyName.into());
        }
        let taken: bool = self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM units WHERE campaign_id = ?1 AND name_folded = ?2 AND id IS NOT ?3)",
            params![campaign.0, fold(&name), except.map(|u| u.0)],
            |r| r.get(0),
        )?;
        if taken {
            return Err(UnitError::DuplicateName(name).into());
        }
        Ok(name)
    }
}
