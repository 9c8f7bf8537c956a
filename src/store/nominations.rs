//! Nominations: recording dossiers, applying the intake rules to a unit's dossiers, appraisal
//! and search.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;

use super::{bad_value, format_time, parse_time, Store};
use crate::error::{Error, NominationError, Result};
use crate::model::{
    Campaign, CampaignId, Gender, NewNomination, Nomination, NominationId, NomineeKind, PartState, Parts, Reason,
    Refusal, RefusalSource, Status, UnitForms, UnitId, UnitKind,
};
use crate::rules::{unit_intake, Appraised, UnitDossier};
use crate::vn::fold;

const COLUMNS: &str = "n.id, n.campaign_id, n.unit_id, u.name, n.kind, n.name, n.gender, n.position, n.submitted_at,
    n.proposal_letter, n.minutes, n.achievement_report, n.summary, n.status, u.kind, u.addressee, u.in_sentence, n.women_percent";

fn part(r: &Row<'_>, i: usize) -> rusqlite::Result<PartState> {
    let s: String = r.get(i)?;
    PartState::from_code(&s).ok_or_else(|| bad_value(&s))
}

fn nomination_row(r: &Row<'_>) -> rusqlite::Result<Nomination> {
    let kind: String = r.get(4)?;
    let gender: Option<String> = r.get(6)?;
    let submitted: String = r.get(8)?;
    let status: String = r.get(13)?;
    let unit_name: String = r.get(3)?;
    let unit_kind: String = r.get(14)?;
    let unit_kind = UnitKind::from_code(&unit_kind).ok_or_else(|| bad_value(&unit_kind))?;
    Ok(Nomination {
        unit_forms: UnitForms::of(&unit_name, unit_kind, r.get(15)?, r.get(16)?),
        id: NominationId(r.get(0)?),
        campaign: CampaignId(r.get(1)?),
        unit: UnitId(r.get(2)?),
        unit_name,
        kind: NomineeKind::from_code(&kind).ok_or_else(|| bad_value(&kind))?,
        name: r.get(5)?,
        gender: match gender {
            Some(g) => Some(Gender::from_code(&g).ok_or_else(|| bad_value(&g))?),
            None => None,
        },
        position: r.get(7)?,
        submitted_at: parse_time(&submitted)?,
        parts: Parts { proposal_letter: part(r, 9)?, minutes: part(r, 10)?, achievement_report: part(r, 11)? },
        summary: r.get(12)?,
        women_percent: r.get(17)?,
        status: Status::from_code(&status).ok_or_else(|| bad_value(&status))?,
        refusals: Vec::new(),
    })
}

/// A nomination found by search, with the campaign it belongs to.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub campaign_code: String,
    pub campaign_name: String,
    pub nomination: Nomination,
    /// What the nominee was awarded ("Giấy khen, Quyết định số 25/QĐ-UBND ngày 10/01/2024"),
    /// for an accepted dossier.
    pub award: Option<String>,
}

impl Store {
    /// Records dossiers as they arrive, in one transaction, and applies the intake rules (R4–R6)
    /// to every unit they touch. Returns the new ids in the order given.
    pub fn record_nominations(&mut self, campaign: CampaignId, items: &[NewNomination]) -> Result<Vec<NominationId>> {
        let campaign = self.campaign_by_id(campaign)?;
        let items = items.iter().map(NewNomination::validated).collect::<Result<Vec<_>, _>>()?;
        for item in &items {
            self.unit_in_campaign(campaign.id, item.unit)?;
            plausible(&campaign, item)?;
        }
        self.with_tx(|tx| {
            let mut ids = Vec::with_capacity(items.len());
            let mut units = Vec::new();
            for item in &items {
                ids.push(insert(tx, &campaign, item)?);
                if !units.contains(&item.unit) {
                    units.push(item.unit);
                }
            }
            for unit in units {
                recompute_unit(tx, &campaign, unit)?;
            }
            Ok(ids)
        })
    }

    /// Refused unless `unit` is one of the campaign's units.
    pub(super) fn unit_in_campaign(&self, campaign: CampaignId, unit: UnitId) -> Result<()> {
        let here: bool = self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM units WHERE id = ?1 AND campaign_id = ?2)",
            params![unit.0, campaign.0],
            |r| r.get(0),
        )?;
        if here {
            Ok(())
        } else {
            Err(NominationError::UnitNotInCampaign(unit).into())
        }
    }

    /// Records one dossier; see [`Store::record_nominations`].
    pub fn record_nomination(&mut self, campaign: CampaignId, item: &NewNomination) -> Result<NominationId> {
        let ids = self.record_nominations(campaign, std::slice::from_ref(item))?;
        ids.into_iter().next().ok_or(Error::NoCampaign)
    }

    /// Corrects a recorded dossier (a mistyped name, the wrong gender, position or portal time, a
    /// dossier part recorded wrongly, the wrong unit) and applies the intake rules again to its unit,
    /// and to its former unit when it moves. Its appraisal, scores, votes and files stay. Refused,
    /// with nothing changed, when the kind of a nominee already scored against its kind's criteria
    /// would change, or when a shortlisted nominee would no longer be accepted.
    pub fn correct_nomination(&mut self, id: NominationId, item: &NewNomination) -> Result<()> {
        let before = self.nomination(id)?;
        let campaign = self.campaign_by_id(before.campaign)?;
        let item = &item.validated()?;
        self.unit_in_campaign(campaign.id, item.unit)?;
        plausible(&campaign, item)?;
        if item.kind != before.kind {
            let scored: bool = self.conn().query_row(
                "SELECT EXISTS (SELECT 1 FROM scores WHERE nomination_id = ?1)",
                [id.0],
                |r| r.get(0),
            )?;
            if scored {
                return Err(Error::AppraisalLocked {
                    id,
                    why: format!(
                        "hồ sơ đã được chấm điểm theo tiêu chí dành cho {}; không đổi được loại",
                        before.kind.label().to_lowercase()
                    ),
                });
            }
        }
        self.with_tx(|tx| {
            tx.execute(
                "UPDATE nominations SET unit_id = ?2, kind = ?3, name = ?4, name_folded = ?5, gender = ?6, position = ?7,
                     submitted_at = ?8, proposal_letter = ?9, minutes = ?10, achievement_report = ?11, summary = ?12,
                     women_percent = ?13
                 WHERE id = ?1",
                params![
                    id.0,
                    item.unit.0,
                    item.kind.code(),
                    item.name,
                    fold(&item.name),
                    item.gender.map(Gender::code),
                    item.position,
                    format_time(item.submitted_at),
                    item.parts.proposal_letter.code(),
                    item.parts.minutes.code(),
                    item.parts.achievement_report.code(),
                    item.summary,
                    item.women_percent,
                ],
            )?;
            recompute_unit(tx, &campaign, item.unit)?;
            if before.unit != item.unit {
                recompute_unit(tx, &campaign, before.unit)?;
            }
            let (status, listed): (String, bool) = tx.query_row(
                "SELECT status, EXISTS (SELECT 1 FROM shortlist WHERE nomination_id = ?1) FROM nominations WHERE id = ?1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if listed && status != Status::Accepted.code() {
                return Err(Error::AppraisalLocked {
                    id,
                    why: "hồ sơ đang có trong danh sách đề nghị của Hội đồng, và sau khi sửa sẽ không còn đạt; \
                          hãy bỏ hồ sơ khỏi danh sách trước"
                        .into(),
                });
            }
            Ok(())
        })
    }

    /// The campaign's nominations in the order they were recorded, with their refusal reasons.
    pub fn nominations(&self, campaign: CampaignId) -> Result<Vec<Nomination>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {COLUMNS} FROM nominations n JOIN units u ON u.id = n.unit_id WHERE n.campaign_id = ?1 ORDER BY n.id"
        ))?;
        let list = stmt.query_map([campaign.0], nomination_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        self.with_refusals(list)
    }

    /// One nomination.
    pub fn nomination(&self, id: NominationId) -> Result<Nomination> {
        let found = self
            .conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM nominations n JOIN units u ON u.id = n.unit_id WHERE n.id = ?1"),
                [id.0],
                nomination_row,
            )
            .optional()?;
        let n = found.ok_or(Error::UnknownNomination(id))?;
        Ok(self.with_refusals(vec![n])?.remove(0))
    }

    fn with_refusals(&self, mut list: Vec<Nomination>) -> Result<Vec<Nomination>> {
        let mut stmt =
            self.conn().prepare("SELECT reason, note, source FROM refusals WHERE nomination_id = ?1 ORDER BY rowid")?;
        for n in &mut list {
            if n.status == Status::Received {
                continue;
            }
            let rows = stmt.query_map([n.id.0], |r| {
                let reason: String = r.get(0)?;
                let source: String = r.get(2)?;
                Ok(Refusal {
                    reason: Reason::from_code(&reason).ok_or_else(|| bad_value(&reason))?,
                    note: r.get(1)?,
                    source: match source.as_str() {
                        "intake" => RefusalSource::Intake,
                        "appraisal" => RefusalSource::Appraisal,
                        other => return Err(bad_value(other)),
                    },
                })
            })?;
            n.refusals = rows.collect::<rusqlite::Result<Vec<_>>>()?;
            n.refusals.sort_by_key(|r| r.reason);
        }
        Ok(list)
    }

    /// Finds nominations in every campaign whose nominee or unit matches `text`, ignoring case
    /// and diacritics ("nguyen thi huong" finds "Nguyễn Thị Hường").
    pub fn search(&self, text: &str) -> Result<Vec<SearchHit>> {
        let needle = fold(text);
        if needle.is_empty() {
            return Ok(Vec::new());
        }
        let pattern = format!("%{}%", needle.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {COLUMNS}, c.code, c.name FROM nominations n
             JOIN units u ON u.id = n.unit_id JOIN campaigns c ON c.id = n.campaign_id
             WHERE n.name_folded LIKE ?1 ESCAPE '\\' OR u.name_folded LIKE ?1 ESCAPE '\\'
             ORDER BY c.period_start DESC, n.id"
        ))?;
        let rows = stmt
            .query_map([pattern], |r| Ok((nomination_row(r)?, r.get::<_, String>(18)?, r.get::<_, String>(19)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let (list, names): (Vec<_>, Vec<_>) = rows.into_iter().map(|(n, c, name)| (n, (c, name))).unzip();
        let list = self.with_refusals(list)?;
        let mut hits = Vec::with_capacity(list.len());
        for (nomination, (campaign_code, campaign_name)) in list.into_iter().zip(names) {
            let award = self.award_of(&nomination)?;
            hits.push(SearchHit { campaign_code, campaign_name, nomination, award });
        }
        Ok(hits)
    }

    /// What a nomination was awarded, as a search shows it years later: the Giấy khen with its
    /// decision's number and signing day (or that the decision is not recorded yet), and the
    /// council's proposal for the provincial award. `None` for a dossier not accepted.
    fn award_of(&self, n: &Nomination) -> Result<Option<String>> {
        if n.status != Status::Accepted {
            return Ok(None);
        }
        let campaign = self.campaign_by_id(n.campaign)?;
        let own = campaign.settings.own_award();
        let mut award = match self.decision(n.campaign)? {
            Some(d) => format!(
                "{}, Quyết định số {}/{} ngày {}",
                own.map_or("Giấy khen", |a| a.name.as_str()),
                d.number,
                campaign.settings.issuer.decision_symbol,
                crate::vn::short_date(d.signed_on)
            ),
            None => "Đạt; chưa ghi số Quyết định khen thưởng".to_string(),
        };
        if self.is_shortlisted(n.id)? {
            let provincial = campaign.settings.proposed_award();
            award.push_str(&format!(
                "; được Hội đồng đề nghị tặng {}",
                provincial.map_or("khen thưởng cấp trên", |a| a.name.as_str())
            ));
        }
        Ok(Some(award))
    }

    /// The keys (unit, kind, folded name, portal time) of the campaign's recorded dossiers, so an
    /// import can skip rows recorded before.
    pub fn nomination_keys(&self, campaign: CampaignId) -> Result<Vec<(UnitId, NomineeKind, String, String)>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT unit_id, kind, name_folded, submitted_at FROM nominations WHERE campaign_id = ?1")?;
        let rows = stmt.query_map([campaign.0], |r| {
            let kind: String = r.get(1)?;
            Ok((
                UnitId(r.get(0)?),
                NomineeKind::from_code(&kind).ok_or_else(|| bad_value(&kind))?,
                r.get(2)?,
                r.get(3)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

/// The key an import compares rows by.
pub(crate) fn nomination_key(item: &NewNomination) -> (UnitId, NomineeKind, String, String) {
    (item.unit, item.kind, fold(&item.name), format_time(item.submitted_at))
}

/// Refuses a portal time no dossier of the campaign can have (R5's input): checked against the
/// clock here, where the dossier is written.
fn plausible(campaign: &Campaign, item: &NewNomination) -> Result<()> {
    match crate::rules::deadline::implausible_portal_time(item.submitted_at, campaign.period.start, chrono::Utc::now())
    {
        None => Ok(()),
        Some(why) => Err(NominationError::ImplausibleTime {
            when: crate::rules::intake::vietnam_time_text(item.submitted_at),
            why,
        }
        .into()),
    }
}

/// Inserts a dossier already [validated](NewNomination::validated).
fn insert(tx: &Transaction<'_>, campaign: &Campaign, item: &NewNomination) -> Result<NominationId> {
    tx.execute(
        "INSERT INTO nominations (campaign_id, unit_id, kind, name, name_folded, gender, position, submitted_at,
             proposal_letter, minutes, achievement_report, summary, status, recorded_at, women_percent)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'received', ?13, ?14)",
        params![
            campaign.id.0,
            item.unit.0,
            item.kind.code(),
            item.name,
            fold(&item.name),
            item.gender.map(Gender::code),
            item.position,
            format_time(item.submitted_at),
            item.parts.proposal_letter.code(),
            item.parts.minutes.code(),
            item.parts.achievement_report.code(),
            item.summary,
            format_time(chrono::Utc::now()),
            item.women_percent,
        ],
    )?;
    Ok(NominationId(tx.last_insert_rowid()))
}

/// A unit's kind and its dossiers as the intake rules see them, in the order they were recorded.
pub(super) fn unit_dossiers(
    conn: &Connection,
    campaign: CampaignId,
    unit: UnitId,
) -> Result<(UnitKind, Vec<UnitDossier>)> {
    let kind: String = conn.query_row(
        "SELECT kind FROM units WHERE id = ?1 AND campaign_id = ?2",
        params![unit.0, campaign.0],
        |r| r.get(0),
    )?;
    let unit_kind = UnitKind::from_code(&kind).ok_or_else(|| bad_value(&kind))?;
    let mut stmt = conn.prepare(
        "SELECT id, name, submitted_at, proposal_letter, minutes, achievement_report, decision
         FROM nominations WHERE campaign_id = ?1 AND unit_id = ?2 ORDER BY id",
    )?;
    let dossiers = stmt
        .query_map(params![campaign.0, unit.0], |r| {
            let submitted: String = r.get(2)?;
            let decision: Option<String> = r.get(6)?;
            Ok(UnitDossier {
                id: NominationId(r.get(0)?),
                name: r.get(1)?,
                submitted_at: parse_time(&submitted)?,
                parts: Parts { proposal_letter: part(r, 3)?, minutes: part(r, 4)?, achievement_report: part(r, 5)? },
                appraised: appraised(decision.as_deref()),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((unit_kind, dossiers))
}

/// The appraisal as stored in `nominations.decision`.
pub(super) fn appraised(decision: Option<&str>) -> Option<Appraised> {
    match decision {
        Some("accepted") => Some(Appraised::Accepted),
        Some("refused") => Some(Appraised::Refused),
        _ => None,
    }
}

/// Applies the intake rules (R4–R6, [`unit_intake`]) to all of one unit's dossiers and records
/// their reasons and status. Appraisal decisions are kept.
pub(super) fn recompute_unit(tx: &Transaction<'_>, campaign: &Campaign, unit: UnitId) -> Result<()> {
    let (unit_kind, dossiers) = unit_dossiers(tx, campaign.id, unit)?;
    let mut reasons = unit_intake(campaign, unit_kind, &dossiers);
    for d in &dossiers {
        let reasons = reasons.remove(&d.id).unwrap_or_default();
        tx.execute("DELETE FROM refusals WHERE nomination_id = ?1 AND source = 'intake'", [d.id.0])?;
        for (reason, note) in &reasons {
            tx.execute(
                "INSERT INTO refusals (nomination_id, reason, note, source) VALUES (?1, ?2, ?3, 'intake')",
                params![d.id.0, reason.code(), note],
            )?;
        }
        let status = match d.appraised {
            _ if !reasons.is_empty() => Status::Refused,
            Some(Appraised::Accepted) => Status::Accepted,
            Some(Appraised::Refused) => Status::Refused,
            None => Status::Received,
        };
        tx.execute("UPDATE nominations SET status = ?1 WHERE id = ?2", params![status.code(), d.id.0])?;
    }
    Ok(())
}
