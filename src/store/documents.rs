//! The decision record (number, signing day, signer) and the certificate stock's field offsets.

use rusqlite::{params, OptionalExtension};

use super::{format_time, Store};
use crate::error::{InputError, PaperError, Result};
use crate::model::{CampaignId, DecisionRecord, Offset, Signer};

impl Store {
    /// Records (or corrects) the number, signing day and signer of a campaign's award decision.
    pub fn set_decision(&mut self, campaign: CampaignId, record: &DecisionRecord) -> Result<()> {
        if record.number == 0 {
            return Err(PaperError::DecisionNumberZero.into());
        }
        if let Some(signer) = &record.signer {
            for (what, value) in [("họ và tên người ký", &signer.name), ("chức vụ người ký", &signer.title)]
            {
                crate::vn::checked_line(value, 200).map_err(|problem| InputError::Text {
                    field: "signer_name",
                    what,
                    problem,
                })?;
            }
        }
        let signer = record.signer.as_ref();
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO decisions (campaign_id, number, signed_on, signer_name, signer_title, signer_behalf, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (campaign_id) DO UPDATE SET number = excluded.number, signed_on = excluded.signed_on,
                   signer_name = excluded.signer_name, signer_title = excluded.signer_title,
                   signer_behalf = excluded.signer_behalf, recorded_at = excluded.recorded_at",
                params![
                    campaign.0,
                    record.number,
                    record.signed_on,
                    signer.map(|s| s.name.clone()),
                    signer.map(|s| s.title.clone()),
                    signer.and_then(|s| s.on_behalf.clone()),
                    format_time(chrono::Utc::now()),
                ],
            )?;
            Ok(())
        })
    }

    /// The recorded decision of a campaign; `None` while it is a draft.
    pub fn decision(&self, campaign: CampaignId) -> Result<Option<DecisionRecord>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT number, signed_on, signer_name, signer_title, signer_behalf FROM decisions WHERE campaign_id = ?1",
                [campaign.0],
                |r| {
                    let name: Option<String> = r.get(2)?;
                    let title: Option<String> = r.get(3)?;
                    Ok(DecisionRecord {
                        number: r.get(0)?,
                        signed_on: r.get(1)?,
                        signer: name.zip(title).map(|(name, title)| Signer { name, title, on_behalf: r.get(4).ok().flatten(), for_body: None }),
                    })
                },
            )
            .optional()?)
    }

    /// Saves the offset of one certificate field on this office's stock.
    pub fn set_certificate_offset(&mut self, field: &str, offset: Offset) -> Result<()> {
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO certificate_offsets (field, dx, dy) VALUES (?1, ?2, ?3)
                 ON CONFLICT (field) DO UPDATE SET dx = excluded.dx, dy = excluded.dy",
                params![field, offset.dx, offset.dy],
            )?;
            Ok(())
        })
    }

    /// Keeps the office's emblem picture (already checked by `documents::emblem`).
    pub fn set_emblem(&mut self, png: &[u8]) -> Result<()> {
        use sha2::Digest;
        let digest: String = sha2::Sha256::digest(png).iter().map(|b| format!("{b:02x}")).collect();
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO office_emblem (id, png, sha256, set_at) VALUES (1, ?1, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET png = excluded.png, sha256 = excluded.sha256, set_at = excluded.set_at",
                params![png, digest, super::format_time(chrono::Utc::now())],
            )?;
            Ok(())
        })
    }

    /// Forgets the office's emblem picture: plain paper then shows only the emblem's place.
    pub fn clear_emblem(&mut self) -> Result<()> {
        self.with_tx(|tx| {
            tx.execute("DELETE FROM office_emblem", [])?;
            Ok(())
        })
    }

    /// The office's emblem picture (PNG bytes), if one was chosen.
    pub fn emblem(&self) -> Result<Option<Vec<u8>>> {
        use rusqlite::OptionalExtension;
        Ok(self.conn().query_row("SELECT png FROM office_emblem WHERE id = 1", [], |r| r.get(0)).optional()?)
    }

    /// The saved offsets, by field.
    pub fn certificate_offsets(&self) -> Result<std::collections::BTreeMap<String, Offset>> {
        let mut stmt = self.conn().prepare("SELECT field, dx, dy FROM certificate_offsets")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, Offset { dx: r.get(1)?, dy: r.get(2)? })))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
