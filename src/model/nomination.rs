//! Nominations (hồ sơ đề nghị khen thưởng): one dossier a unit sends for one nominee.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{CampaignId, NominationId, UnitId};

/// Collective (tập thể) or individual (cá nhân).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum NomineeKind {
    Collective,
    Individual,
}

impl NomineeKind {
    pub fn code(self) -> &'static str {
        match self {
            NomineeKind::Collective => "collective",
            NomineeKind::Individual => "individual",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "collective" => Some(NomineeKind::Collective),
            "individual" => Some(NomineeKind::Individual),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            NomineeKind::Collective => "Tập thể",
            NomineeKind::Individual => "Cá nhân",
        }
    }
}

/// An individual's gender, which decides "Ông" or "Bà" on the certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub fn code(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "male" => Some(Gender::Male),
            "female" => Some(Gender::Female),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Gender::Male => "Nam",
            Gender::Female => "Nữ",
        }
    }
}

/// The three parts of a dossier (R6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DossierPart {
    ProposalLetter,
    Minutes,
    AchievementReport,
}

impl DossierPart {
    pub const ALL: [DossierPart; 3] =
        [DossierPart::ProposalLetter, DossierPart::Minutes, DossierPart::AchievementReport];

    pub fn label(self) -> &'static str {
        match self {
            DossierPart::ProposalLetter => "Tờ trình",
            DossierPart::Minutes => "Biên bản",
            DossierPart::AchievementReport => "Báo cáo thành tích",
        }
    }
}

/// What the secretary found of one dossier part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum PartState {
    Present,
    Missing,
    WrongForm,
}

impl PartState {
    pub fn code(self) -> &'static str {
        match self {
            PartState::Present => "present",
            PartState::Missing => "missing",
            PartState::WrongForm => "wrong_form",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "present" => Some(PartState::Present),
            "missing" => Some(PartState::Missing),
            "wrong_form" => Some(PartState::WrongForm),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PartState::Present => "Có",
            PartState::Missing => "Không",
            PartState::WrongForm => "Sai mẫu",
        }
    }
}

/// The state of each dossier part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parts {
    pub proposal_letter: PartState,
    pub minutes: PartState,
    pub achievement_report: PartState,
}

impl Parts {
    pub const COMPLETE: Parts = Parts {
        proposal_letter: PartState::Present,
        minutes: PartState::Present,
        achievement_report: PartState::Present,
    };

    pub fn get(&self, part: DossierPart) -> PartState {
        match part {
            DossierPart::ProposalLetter => self.proposal_letter,
            DossierPart::Minutes => self.minutes,
            DossierPart::AchievementReport => self.achievement_report,
        }
    }
}

/// Why a dossier is refused (R7). The codes are stable: files and the UI rely on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Reason {
    /// Reached the portal at or after the deadline (R5).
    Late,
    /// A dossier part is missing (R6).
    Incomplete,
    /// A dossier part is not on the required form (R6).
    WrongForm,
    /// The unit's place is held by another dossier (R4).
    OverQuota,
    /// The secretary found the criteria not met at appraisal (R7).
    CriteriaNotMet,
}

impl Reason {
    pub const ALL: [Reason; 5] =
        [Reason::Late, Reason::Incomplete, Reason::WrongForm, Reason::OverQuota, Reason::CriteriaNotMet];

    pub fn code(self) -> &'static str {
        match self {
            Reason::Late => "late",
            Reason::Incomplete => "incomplete",
            Reason::WrongForm => "wrong_form",
            Reason::OverQuota => "over_quota",
            Reason::CriteriaNotMet => "criteria_not_met",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The reason as the notice to the unit states it.
    pub fn label(self) -> &'static str {
        match self {
            Reason::Late => "Nộp quá thời hạn quy định",
            Reason::Incomplete => "Thành phần hồ sơ không đầy đủ",
            Reason::WrongForm => "Thành phần hồ sơ không đúng mẫu",
            Reason::OverQuota => "Vượt số lượng đề nghị khen thưởng của đơn vị",
            Reason::CriteriaNotMet => "Không đạt tiêu chí thi đua",
        }
    }
}

/// Where a refusal came from: the intake rules, or the secretary's appraisal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum RefusalSource {
    Intake,
    Appraisal,
}

/// A refusal reason with the note that explains it to the unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    pub reason: Reason,
    pub note: String,
    pub source: RefusalSource,
}

/// Where a dossier stands: received (waiting for appraisal), accepted, refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Status {
    Received,
    Accepted,
    Refused,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::Accepted => "accepted",
            Status::Refused => "refused",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "received" => Some(Status::Received),
            "accepted" => Some(Status::Accepted),
            "refused" => Some(Status::Refused),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Received => "Đã tiếp nhận",
            Status::Accepted => "Đạt",
            Status::Refused => "Không tiếp nhận",
        }
    }
}

/// A dossier as it arrives, before the rules are applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNomination {
    pub unit: UnitId,
    pub kind: NomineeKind,
    pub name: String,
    pub gender: Option<Gender>,
    pub position: Option<String>,
    pub submitted_at: DateTime<Utc>,
    pub parts: Parts,
    pub summary: String,
    /// A collective's share of women, in per cent, when the unit gave it (the decree prefers a
    /// collective with at least 70 % women among equals); none for a person.
    pub women_percent: Option<u8>,
}

/// The longest name or position a dossier may carry (a collective's full name fits well within it).
pub const MAX_NAME: usize = 300;
/// The longest achievement summary.
pub const MAX_SUMMARY: usize = 10_000;

impl NewNomination {
    /// The dossier as it is recorded, whatever the path it came by (form, spreadsheet,
    /// correction): the name single-spaced in NFC and not empty, a gender for an individual (it
    /// prints «Ông» or «Bà») and none for a collective, an empty position dropped.
    pub fn validated(&self) -> Result<NewNomination, crate::error::NominationError> {
        use crate::error::{NominationError, TextProblem};
        use crate::vn::{checked_line, checked_paragraphs};
        let bad = |field, what| move |problem| NominationError::BadText { field, what, problem };
        let name = checked_line(&self.name, MAX_NAME).map_err(|p| match p {
            TextProblem::TooLong { length, max } => NominationError::NameTooLong { length, max },
            p => bad("name", "Tên")(p),
        })?;
        if name.is_empty() {
            return Err(NominationError::EmptyName);
        }
        let position = match self.position.as_deref() {
            Some(p) => Some(checked_line(p, MAX_NAME).map_err(bad("position", "Chức vụ"))?).filter(|p| !p.is_empty()),
            None => None,
        };
        let summary = checked_paragraphs(&self.summary, MAX_SUMMARY).map_err(bad("summary", "Tóm tắt thành tích"))?;
        let individual = self.kind == NomineeKind::Individual;
        if individual && self.gender.is_none() {
            return Err(NominationError::GenderMissing);
        }
        if let Some(p) = self.women_percent.filter(|p| *p > 100) {
            return Err(NominationError::WomenPercent(p));
        }
        Ok(NewNomination {
            name,
            gender: self.gender.filter(|_| individual),
            position,
            summary,
            women_percent: self.women_percent.filter(|_| !individual),
            ..self.clone()
        })
    }
}

/// A recorded nomination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Nomination {
    pub id: NominationId,
    pub campaign: CampaignId,
    pub unit: UnitId,
    pub unit_name: String,
    /// How documents name the unit inside sentences.
    #[serde(skip)]
    pub unit_forms: super::UnitForms,
    pub kind: NomineeKind,
    pub name: String,
    pub gender: Option<Gender>,
    pub position: Option<String>,
    pub submitted_at: DateTime<Utc>,
    pub parts: Parts,
    pub summary: String,
    /// A collective's share of women, in per cent, when given.
    pub women_percent: Option<u8>,
    pub status: Status,
    pub refusals: Vec<Refusal>,
}

impl Nomination {
    pub fn reasons(&self) -> Vec<Reason> {
        self.refusals.iter().map(|r| r.reason).collect()
    }

    /// The dossier's values as they would be typed again (to check them or preview a correction).
    pub fn as_new(&self) -> NewNomination {
        NewNomination {
            unit: self.unit,
            kind: self.kind,
            name: self.name.clone(),
            gender: self.gender,
            position: self.position.clone(),
            submitted_at: self.submitted_at,
            parts: self.parts,
            summary: self.summary.clone(),
            women_percent: self.women_percent,
        }
    }

    /// The secretary has appraised it (accepted, or refused with a reason of her own) and the
    /// intake rules do not refuse it: the appraisal is hers to take back (R7).
    pub fn appraised(&self) -> bool {
        !self.refusals.iter().any(|r| r.source == RefusalSource::Intake)
            && (self.status == Status::Accepted || self.refusals.iter().any(|r| r.source == RefusalSource::Appraisal))
    }
}
