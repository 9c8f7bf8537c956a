//! Campaigns and the definition file that describes one (its plan, period, deadline, quotas,
//! awards, dossier parts, criteria and units). The built-in example is such a file.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize};

use super::documents::{CertificateSettings, CouncilSettings, DecisionSettings, MoneySettings, ProposalSettings};
use super::{CampaignId, NomineeKind, UnitKind};

/// The plan (kế hoạch) that launched the campaign. A draft plan has no number or day yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub number: Option<String>,
    /// Document symbol, "KH-UBND".
    pub symbol: String,
    pub date: Option<NaiveDate>,
    /// The month and year when only those are known ("tháng 10 năm 2023"), as "2023-10".
    #[serde(default)]
    pub month: Option<String>,
}

impl Plan {
    /// A plan's number as typed: trimmed, digits with an optional letter after them ("125",
    /// "125a"), at most 12 characters; empty is none (the draft's blank).
    pub fn checked_number(typed: &str) -> Result<Option<String>, crate::error::SettingsError> {
        let n = crate::vn::nfc(typed.trim());
        if n.is_empty() {
            return Ok(None);
        }
        let digits = n.chars().take_while(char::is_ascii_digit).count();
        let rest = &n[digits..];
        let ok = digits > 0 && n.chars().count() <= 12 && rest.chars().all(|c| c.is_ascii_alphabetic());
        if ok {
            Ok(Some(n))
        } else {
            Err(crate::error::SettingsError::PlanNumber(typed.chars().take(40).collect()))
        }
    }
}

/// The body that awards, and the words its documents use. Settings, never literals (DOMAIN.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issuer {
    /// "Ủy ban nhân dân huyện Bạch Thông".
    pub name: String,
    /// "Ủy ban nhân dân tỉnh Bắc Kạn", when there is one.
    pub parent: Option<String>,
    /// The place on the place-and-date line: "Bạch Thông".
    pub place: String,
    /// "Chủ tịch Ủy ban nhân dân huyện Bạch Thông".
    pub authority: String,
    /// Symbol of the award decision: "QĐ-UBND" (some places use "QĐ-CT").
    pub decision_symbol: String,
    /// The standing body of the council that appraises dossiers: "Phòng Nội vụ".
    pub standing_body: String,
}

/// The period of the campaign, both days inclusive (R1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// An award the campaign gives or proposes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Award {
    /// "giay_khen", "bang_khen".
    pub code: String,
    /// "Giấy khen của Chủ tịch Ủy ban nhân dân huyện".
    pub name: String,
    /// For an award the council only proposes to a higher level: the most it may propose (R8).
    #[serde(default)]
    pub shortlist_max: Option<u32>,
}

/// One of the dossier's required parts and the form it must be on (R6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequiredPart {
    pub name: String,
    pub form: Option<String>,
}

/// A measurable indicator attached to a criterion ("100% of dossiers handled on time").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    pub text: String,
    /// The threshold, in percent; the figure must be at least this.
    pub min_percent: u32,
}

/// A criterion nominees of one kind are judged against (R3), with its maximum points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    /// Number within the kind's rubric, from 1.
    pub number: u32,
    /// How the plan labels it: "1" … "7" for collectives, "a" … "c" for individuals.
    pub label: String,
    pub text: String,
    /// Maximum points, in half-points (20 points = 40).
    #[serde(rename = "max_points", deserialize_with = "half_points", serialize_with = "points_out")]
    pub max_half_points: i64,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

fn half_points<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    let v = f64::deserialize(d)?;
    let h = v * 2.0;
    if h.fract() != 0.0 || !(0.0..=2000.0).contains(&h) {
        return Err(serde::de::Error::custom(format!("số điểm {v} không hợp lệ (phải là bội của 0,5)")));
    }
    Ok(h as i64)
}

fn points_out<S: serde::Serializer>(h: &i64, s: S) -> Result<S::Ok, S::Error> {
    if h % 2 == 0 {
        s.serialize_i64(h / 2)
    } else {
        s.serialize_f64(*h as f64 / 2.0)
    }
}

/// The criteria of a campaign, per nominee kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criteria {
    pub collective: Vec<Criterion>,
    pub individual: Vec<Criterion>,
}

impl Criteria {
    pub fn for_kind(&self, kind: NomineeKind) -> &[Criterion] {
        match kind {
            NomineeKind::Collective => &self.collective,
            NomineeKind::Individual => &self.individual,
        }
    }
}

/// A unit as a definition file lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitDefinition {
    pub name: String,
    pub kind: UnitKind,
}

/// The three dossier parts a campaign requires (R6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequiredParts {
    pub proposal_letter: RequiredPart,
    pub minutes: RequiredPart,
    pub achievement_report: RequiredPart,
}

/// The settings of a campaign that are read and written as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignSettings {
    pub plan: Plan,
    pub issuer: Issuer,
    /// How many nominations each unit of a kind may send (R4).
    pub quotas: BTreeMap<UnitKind, u32>,
    pub awards: Vec<Award>,
    pub required_parts: RequiredParts,
    #[serde(default)]
    pub money: MoneySettings,
    #[serde(default)]
    pub decision: DecisionSettings,
    #[serde(default)]
    pub certificate: CertificateSettings,
    #[serde(default)]
    pub council: CouncilSettings,
    #[serde(default)]
    pub proposal: ProposalSettings,
}

impl CampaignSettings {
    /// The award the campaign gives itself (the Giấy khen).
    pub fn own_award(&self) -> Option<&Award> {
        self.awards.iter().find(|a| a.shortlist_max.is_none())
    }

    /// The award the council only proposes to the higher level (the Bằng khen, R8).
    pub fn proposed_award(&self) -> Option<&Award> {
        self.awards.iter().find(|a| a.shortlist_max.is_some())
    }

    /// Every text a person typed, in NFC with single spaces; an empty parent body is none.
    pub fn normalise(&mut self) {
        use crate::vn::normalise_name;
        for text in [
            &mut self.issuer.name,
            &mut self.issuer.place,
            &mut self.issuer.authority,
            &mut self.issuer.decision_symbol,
            &mut self.issuer.standing_body,
            &mut self.plan.symbol,
            &mut self.required_parts.proposal_letter.name,
            &mut self.required_parts.minutes.name,
            &mut self.required_parts.achievement_report.name,
            &mut self.decision.signer.name,
            &mut self.decision.signer.title,
        ] {
            *text = normalise_name(text);
        }
        self.issuer.parent = self.issuer.parent.as_deref().map(normalise_name).filter(|p| !p.is_empty());
        for part in [
            &mut self.required_parts.proposal_letter,
            &mut self.required_parts.minutes,
            &mut self.required_parts.achievement_report,
        ] {
            if let Some(f) = &mut part.form {
                *f = crate::vn::nfc(f.trim());
            }
        }
        for a in &mut self.awards {
            a.name = normalise_name(&a.name);
        }
        for r in &mut self.money.base_salary {
            r.source = normalise_name(&r.source);
        }
    }
}

/// A campaign definition file (`assets/campaigns/*.json`): everything needed to run a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignDefinition {
    /// Always "thidua-campaign".
    pub format: String,
    pub version: u32,
    /// Short unique code: "bach-thong-q4-2023".
    pub code: String,
    /// The campaign's name as the plan quotes it, without the quotation marks.
    pub name: String,
    pub period: Period,
    /// The moment from which a dossier is late (R5), with its offset.
    pub deadline: DateTime<FixedOffset>,
    #[serde(flatten)]
    pub settings: CampaignSettings,
    pub criteria: Criteria,
    pub units: Vec<UnitDefinition>,
}

/// A campaign as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Campaign {
    pub id: CampaignId,
    pub code: String,
    pub name: String,
    pub period: Period,
    pub deadline: DateTime<Utc>,
    pub settings: CampaignSettings,
    pub criteria: Criteria,
}

impl Campaign {
    /// The quota of a unit kind; a kind the campaign does not name has no place (0).
    pub fn quota(&self, kind: UnitKind) -> u32 {
        self.settings.quotas.get(&kind).copied().unwrap_or(0)
    }

    /// «Từ 01/10/2023 đến hết 31/12/2023» (R1: both days count).
    pub fn period_text(&self) -> String {
        format!("Từ {} đến hết {}", crate::vn::short_date(self.period.start), crate::vn::short_date(self.period.end))
    }

    /// «trước 10:00 ngày 05 tháng 01 năm 2024», in Vietnam time (R5).
    pub fn deadline_text(&self) -> String {
        let deadline = self.deadline.with_timezone(&crate::vn::vietnam_offset());
        format!("trước {} {}", deadline.format("%H:%M"), crate::vn::long_date(deadline.date_naive()))
    }

    /// «Mỗi đơn vị đề nghị không quá 01 tập thể hoặc cá nhân.», from the quotas (R4).
    pub fn quota_text(&self) -> String {
        let per = |k: UnitKind| self.quota(k);
        if UnitKind::ALL.iter().all(|k| per(*k) == per(UnitKind::Office)) {
            format!("Mỗi đơn vị đề nghị không quá {:02} tập thể hoặc cá nhân.", per(UnitKind::Office))
        } else {
            let parts: Vec<String> =
                UnitKind::ALL.iter().map(|k| format!("{}: không quá {:02}", k.label(), per(*k))).collect();
            format!("Số lượng đề nghị mỗi đơn vị — {}.", parts.join("; "))
        }
    }
}

/// What changes from one campaign to the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextCampaign {
    pub code: String,
    pub name: String,
    pub period: Period,
    pub deadline: DateTime<FixedOffset>,
    /// The new plan's number ("125") and signing day, when it has them.
    pub plan_number: Option<String>,
    pub plan_date: Option<NaiveDate>,
}
