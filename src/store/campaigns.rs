//! Campaigns, their units and their criteria.

use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::{bad_value, format_time, parse_time, Store};
use crate::error::{Error, Result, SettingsError};
use crate::model::{
    Campaign, CampaignDefinition, CampaignId, CampaignSettings, Criteria, Criterion, NomineeKind, Period, Unit, UnitId,
    UnitKind,
};
use crate::vn::{fold, normalise_name};

const CAMPAIGN_COLUMNS: &str = "id, code, name, period_start, period_end, deadline, settings";

fn campaign_row(r: &Row<'_>) -> rusqlite::Result<Campaign> {
    let settings: String = r.get(6)?;
    let settings: CampaignSettings = serde_json::from_str(&settings)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(6, rusqlite::types::Type::Text, Box::new(e)))?;
    let deadline: String = r.get(5)?;
    Ok(Campaign {
        id: CampaignId(r.get(0)?),
        code: r.get(1)?,
        name: r.get(2)?,
        period: Period { start: r.get(3)?, end: r.get(4)? },
        deadline: parse_time(&deadline)?,
        settings,
        criteria: Criteria::default(),
    })
}

impl Store {
    /// Records a campaign from its definition, with its units and criteria, in one transaction.
    pub fn create_campaign(&mut self, def: &CampaignDefinition) -> Result<CampaignId> {
        let def = def.validated()?;
        self.with_tx(|tx| insert_campaign(tx, &def))
    }

    /// All campaigns, newest first.
    pub fn campaigns(&self) -> Result<Vec<Campaign>> {
        let mut stmt = self
            .conn()
            .prepare(&format!("SELECT {CAMPAIGN_COLUMNS} FROM campaigns ORDER BY period_start DESC, id DESC"))?;
        let rows = stmt.query_map([], campaign_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().map(|c| self.with_criteria(c)).collect()
    }

    /// Makes `id` the campaign worked on when none is named (the window's, and the command line's
    /// without `--campaign`).
    pub fn set_current_campaign(&mut self, id: CampaignId) -> Result<()> {
        self.campaign_by_id(id)?;
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO current_campaign (id, campaign_id) VALUES (1, ?1)
                 ON CONFLICT (id) DO UPDATE SET campaign_id = excluded.campaign_id",
                [id.0],
            )?;
            Ok(())
        })
    }

    /// The campaign with this code; when `code` is `None`, the one chosen with
    /// [`Store::set_current_campaign`], else the newest.
    pub fn campaign(&self, code: Option<&str>) -> Result<Campaign> {
        let found = match code {
            Some(code) => self
                .conn()
                .query_row(&format!("SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE code = ?1"), [code], campaign_row)
                .optional()?,
            None => self
                .conn()
                .query_row(
                    &format!(
                        "SELECT {CAMPAIGN_COLUMNS} FROM campaigns
                         ORDER BY id = (SELECT campaign_id FROM current_campaign WHERE id = 1) DESC,
                                  period_start DESC, id DESC
                         LIMIT 1"
                    ),
                    [],
                    campaign_row,
                )
                .optional()?,
        };
        match (found, code) {
            (Some(c), _) => self.with_criteria(c),
            (None, Some(code)) => Err(Error::UnknownCampaign(code.to_string())),
            (None, None) => Err(Error::NoCampaign),
        }
    }

    pub(crate) fn campaign_by_id(&self, id: CampaignId) -> Result<Campaign> {
        let c = self.conn().query_row(
            &format!("SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE id = ?1"),
            [id.0],
            campaign_row,
        )?;
        self.with_criteria(c)
    }

    fn with_criteria(&self, mut campaign: Campaign) -> Result<Campaign> {
        let mut stmt = self.conn().prepare(
            "SELECT nominee_kind, number, label, text, max_half_points, indicators
             FROM criteria WHERE campaign_id = ?1 ORDER BY nominee_kind, number",
        )?;
        let rows = stmt.query_map([campaign.id.0], |r| {
            let kind: String = r.get(0)?;
            let indicators: String = r.get(5)?;
            Ok((
                NomineeKind::from_code(&kind).ok_or_else(|| bad_value(&kind))?,
                Criterion {
                    number: r.get(1)?,
                    label: r.get(2)?,
                    text: r.get(3)?,
                    max_half_points: r.get(4)?,
                    indicators: serde_json::from_str(&indicators).map_err(|_| bad_value(&indicators))?,
                },
            ))
        })?;
        for row in rows {
            let (kind, criterion) = row?;
            match kind {
                NomineeKind::Collective => campaign.criteria.collective.push(criterion),
                NomineeKind::Individual => campaign.criteria.individual.push(criterion),
            }
        }
        Ok(campaign)
    }

    /// Replaces a campaign's settings (issuer, signer, base salary table, …) after checking them:
    /// texts are normalised to NFC, salary rows must be positive and start on distinct days.
    pub fn update_settings(&mut self, campaign: CampaignId, settings: &CampaignSettings) -> Result<()> {
        let mut s = settings.clone();
        let signer = &s.decision.signer;
        let parent = s.issuer.parent.as_deref().unwrap_or_default();
        let typed = [
            ("Tên cơ quan ban hành", s.issuer.name.as_str()),
            ("Cơ quan cấp trên", parent),
            ("Địa danh", s.issuer.place.as_str()),
            ("Thẩm quyền", s.issuer.authority.as_str()),
            ("Ký hiệu quyết định", s.issuer.decision_symbol.as_str()),
            ("Cơ quan thường trực", s.issuer.standing_body.as_str()),
            ("Người ký", signer.name.as_str()),
            ("Chức vụ người ký", signer.title.as_str()),
        ];
        let sources = s.money.base_salary.iter().map(|r| ("Căn cứ mức lương cơ sở", r.source.as_str()));
        for (what, value) in typed.into_iter().chain(sources) {
            crate::vn::checked_line(value, 500)
                .map_err(|problem| SettingsError::BadText { what: what.to_string(), problem })?;
        }
        s.normalise();
        for (field, value) in [
            ("Tên cơ quan ban hành", &s.issuer.name),
            ("Địa danh", &s.issuer.place),
            ("Ký hiệu quyết định", &s.issuer.decision_symbol),
        ] {
            if value.is_empty() {
                return Err(SettingsError::Empty(field.to_string()).into());
            }
        }
        s.plan.number = match s.plan.number.as_deref() {
            Some(n) => crate::model::Plan::checked_number(n)?,
            None => None,
        };
        s.money.base_salary.sort_by_key(|r| r.from);
        for pair in s.money.base_salary.windows(2) {
            if pair[0].from == pair[1].from {
                return Err(SettingsError::SalaryRowTwice(crate::vn::short_date(pair[0].from)).into());
            }
        }
        if let Some(r) = s.money.base_salary.iter().find(|r| r.amount <= 0) {
            return Err(SettingsError::SalaryNotPositive(crate::vn::short_date(r.from)).into());
        }
        let json = serde_json::to_string(&s).map_err(|e| Error::Definition(e.to_string()))?;
        self.with_tx(|tx| {
            let n = tx.execute("UPDATE campaigns SET settings = ?1 WHERE id = ?2", params![json, campaign.0])?;
            if n == 0 {
                return Err(Error::NoCampaign);
            }
            Ok(())
        })
    }

    /// The campaign's units in the campaign's order.
    pub fn units(&self, campaign: CampaignId) -> Result<Vec<Unit>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, name, kind, position, addressee, in_sentence FROM units WHERE campaign_id = ?1
                 ORDER BY position, id",
        )?;
        let rows = stmt.query_map([campaign.0], |r| {
            let kind: String = r.get(2)?;
            let name: String = r.get(1)?;
            let kind = UnitKind::from_code(&kind).ok_or_else(|| bad_value(&kind))?;
            let (addressee, in_sentence): (Option<String>, Option<String>) = (r.get(4)?, r.get(5)?);
            Ok(Unit {
                id: UnitId(r.get(0)?),
                forms_set: addressee.is_some() || in_sentence.is_some(),
                forms: crate::model::UnitForms::of(&name, kind, addressee, in_sentence),
                name,
                kind,
                position: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

fn insert_campaign(tx: &Transaction<'_>, def: &CampaignDefinition) -> Result<CampaignId> {
    let exists: bool =
        tx.query_row("SELECT EXISTS (SELECT 1 FROM campaigns WHERE code = ?1)", [&def.code], |r| r.get(0))?;
    if exists {
        return Err(Error::DuplicateCampaign(def.code.clone()));
    }
    let settings = serde_json::to_string(&def.settings).map_err(|e| Error::Definition(e.to_string()))?;
    tx.execute(
        "INSERT INTO campaigns (code, name, period_start, period_end, deadline, settings, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            def.code,
            def.name,
            def.period.start,
            def.period.end,
            format_time(def.deadline.with_timezone(&chrono::Utc)),
            settings,
            format_time(chrono::Utc::now()),
        ],
    )?;
    let id = CampaignId(tx.last_insert_rowid());
    for (position, unit) in def.units.iter().enumerate() {
        let name = normalise_name(&unit.name);
        tx.execute(
            "INSERT INTO units (campaign_id, name, name_folded, kind, position) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id.0, name, fold(&name), unit.kind.code(), position as i64 + 1],
        )?;
    }
    for (kind, list) in
        [(NomineeKind::Collective, &def.criteria.collective), (NomineeKind::Individual, &def.criteria.individual)]
    {
        for c in list {
            let indicators = serde_json::to_string(&c.indicators).map_err(|e| Error::Definition(e.to_string()))?;
            tx.execute(
                "INSERT INTO criteria (campaign_id, nominee_kind, number, label, text, max_half_points, indicators)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![id.0, kind.code(), c.number, c.label, c.text, c.max_half_points, indicators],
            )?;
        }
    }
    Ok(id)
}
