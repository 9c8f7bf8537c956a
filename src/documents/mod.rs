//! Printed documents: the award decision and its annex, certificates, refusal notices, blank
//! score sheets, and the council's minutes and proposal to the higher level, laid out as Decree
//! 30/2020/NĐ-CP asks and written as PDF. Each document is a
//! function from the campaign's records to PDF bytes; nothing here writes files.

pub mod certificates;
pub mod council_record;
pub mod decision;
pub mod emblem;
pub mod layout;
pub mod minutes;
mod parts;
pub mod proposal;
pub mod refusals;
pub mod score_sheets;

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Result};
use crate::model::DecisionRecord;
use crate::model::{AnnexOrder, Campaign, Gender, Nomination, NomineeKind, Signer, Status};
use crate::rules::bonus::{bonus, Bonus};

pub use certificates::{calibration_page, certificates, Stock, FIELDS};
pub use council_record::{CouncilFacts, CouncilRecord};
pub use decision::{annex, decision};
pub use minutes::minutes;
pub use parts::plan_reference;
pub use proposal::proposal;
pub use refusals::refusal_notices;
pub use score_sheets::score_sheets;

/// The award a Giấy khen decision gives.
pub const GIAY_KHEN: &str = "giay_khen";

/// The decision as it stands: a draft for signature, or numbered and dated once signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecisionState {
    Draft {
        /// The year the draft's date line shows ("ngày   tháng   năm 2024").
        year: i32,
        /// The day whose base salary and rates the draft's amounts use.
        assumed_signing: NaiveDate,
    },
    Final {
        number: u32,
        signed_on: NaiveDate,
    },
}

impl DecisionState {
    /// The day the amounts are computed for.
    pub fn money_day(&self) -> NaiveDate {
        match self {
            DecisionState::Draft { assumed_signing, .. } => *assumed_signing,
            DecisionState::Final { signed_on, .. } => *signed_on,
        }
    }
}

/// Blank space a draft leaves for what is written in by hand: non-breaking spaces, which the
/// line breaker keeps together and `pdftotext` gives back.
pub(crate) fn blank(n: usize) -> String {
    "\u{a0}".repeat(n)
}

/// An awardee of the decision, as the annex and the certificates print it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Awardee {
    /// The dossier's number.
    pub id: crate::model::NominationId,
    pub kind: NomineeKind,
    pub name: String,
    pub gender: Option<Gender>,
    pub position: Option<String>,
    pub unit: String,
    /// How sentences name the unit.
    pub unit_forms: crate::model::UnitForms,
    /// The unit's place in the campaign's list: unit ids are given in the campaign's order when
    /// the campaign is created and are never renumbered.
    pub unit_order: i64,
}

impl Awardee {
    /// The nominee of a nomination, as documents name it.
    pub fn of(n: &Nomination) -> Awardee {
        Awardee {
            id: n.id,
            kind: n.kind,
            name: n.name.clone(),
            gender: n.gender,
            position: n.position.clone(),
            unit: n.unit_name.clone(),
            unit_forms: n.unit_forms.clone(),
            unit_order: n.unit.0,
        }
    }

    /// "Ông Hoàng Văn Dũng", "Bà Nguyễn Thị Hường", or the collective's name.
    pub fn addressed(&self) -> String {
        match (self.kind, self.gender) {
            (NomineeKind::Individual, Some(Gender::Male)) => format!("Ông {}", self.name),
            (NomineeKind::Individual, Some(Gender::Female)) => format!("Bà {}", self.name),
            _ => self.name.clone(),
        }
    }

    /// "Chuyên viên, Phòng Nội vụ", "Chủ tịch UBND xã Cẩm Giàng" (a position that names its unit
    /// does not repeat it) for an individual; the unit for a collective whose name does not
    /// already say it ("Ủy ban nhân dân xã Quân Hà" is not followed by "Xã Quân Hà").
    pub fn position_and_unit(&self) -> String {
        match (&self.kind, &self.position) {
            (NomineeKind::Individual, Some(p)) if !p.trim().is_empty() => self.unit_forms.after_position(p),
            (NomineeKind::Individual, _) => self.unit.clone(),
            (NomineeKind::Collective, _) if crate::vn::fold(&self.name).ends_with(&crate::vn::fold(&self.unit)) => {
                String::new()
            }
            (NomineeKind::Collective, _) => self.unit.clone(),
        }
    }
}

/// The accepted nominees: collectives first, then individuals, each in Vietnamese order (people
/// by given name, `vn::compare_people`).
pub fn awardees(nominations: &[Nomination]) -> Vec<Awardee> {
    awardees_in(nominations, AnnexOrder::Alphabetical)
}

/// The accepted nominees in the annex's order: collectives first, then individuals; within each
/// kind alphabetically, or by unit in the campaign's order (then alphabetically).
pub fn awardees_in(nominations: &[Nomination], order: AnnexOrder) -> Vec<Awardee> {
    let mut list: Vec<Awardee> = nominations.iter().filter(|n| n.status == Status::Accepted).map(Awardee::of).collect();
    list.sort_by(|a, b| {
        let kind = |k: NomineeKind| matches!(k, NomineeKind::Individual);
        let unit = match order {
            AnnexOrder::Alphabetical => std::cmp::Ordering::Equal,
            AnnexOrder::ByUnit => a.unit_order.cmp(&b.unit_order),
        };
        kind(a.kind).cmp(&kind(b.kind)).then(unit).then_with(|| match a.kind {
            NomineeKind::Collective => crate::vn::compare_text(&a.name, &b.name),
            NomineeKind::Individual => crate::vn::compare_people(&a.name, &b.name),
        })
    });
    list
}

/// Everything the decision, its annex and the certificates print.
#[derive(Debug, Clone)]
pub struct DecisionData {
    pub campaign: Campaign,
    pub state: DecisionState,
    pub signer: Signer,
    /// Collectives first, then individuals, in the order the settings ask (`AnnexOrder`).
    pub awardees: Vec<Awardee>,
    pub collective_bonus: Bonus,
    pub individual_bonus: Bonus,
}

impl DecisionData {
    /// The decision of `campaign` from its record (none: the draft) and its nominations, of
    /// which the accepted ones are awarded.
    pub fn new(campaign: Campaign, record: Option<DecisionRecord>, nominations: &[Nomination]) -> Result<DecisionData> {
        let awardees = awardees_in(nominations, campaign.settings.decision.annex_order);
        if awardees.is_empty() {
            return Err(Error::Document("chưa có hồ sơ nào được thẩm định đạt".into()));
        }
        let default_signer = campaign.settings.decision.signer.clone();
        let (state, signer) = match record {
            Some(r) => {
                (DecisionState::Final { number: r.number, signed_on: r.signed_on }, r.signer.unwrap_or(default_signer))
            }
            None => {
                // A draft is signed after the deadline: its amounts use the rates of that day.
                let day = campaign.deadline.with_timezone(&crate::vn::vietnam_offset()).date_naive();
                (DecisionState::Draft { year: day.year(), assumed_signing: day }, default_signer)
            }
        };
        let money = &campaign.settings.money;
        let day = state.money_day();
        let collective_bonus = bonus(money, GIAY_KHEN, NomineeKind::Collective, day)?;
        let individual_bonus = bonus(money, GIAY_KHEN, NomineeKind::Individual, day)?;
        Ok(DecisionData { campaign, state, signer, awardees, collective_bonus, individual_bonus })
    }

    pub fn count(&self, kind: NomineeKind) -> usize {
        self.awardees.iter().filter(|a| a.kind == kind).count()
    }

    /// Total bonus money of the decision.
    pub fn total(&self) -> i64 {
        self.count(NomineeKind::Collective) as i64 * self.collective_bonus.amount
            + self.count(NomineeKind::Individual) as i64 * self.individual_bonus.amount
    }

    /// "25/QĐ-UBND" (numbers below 10 take a leading zero), or a blank before the symbol.
    pub fn number(&self) -> String {
        let symbol = &self.campaign.settings.issuer.decision_symbol;
        match self.state {
            DecisionState::Final { number, .. } => format!("{number:02}/{symbol}"),
            DecisionState::Draft { .. } => format!("{}/{symbol}", blank(8)),
        }
    }

    /// "ngày 10 tháng 01 năm 2024", or the draft's blanks.
    pub fn long_date(&self) -> String {
        match self.state {
            DecisionState::Final { signed_on, .. } => crate::vn::long_date(signed_on),
            DecisionState::Draft { year, .. } => format!("ngày{b}tháng{b}năm {year}", b = blank(7)),
        }
    }

    /// The decision's bases: as the settings write them for a draft; for a signed decision, a
    /// decree no longer (or not yet) in force on the day of signing is cited as the one in force.
    pub fn legal_bases(&self) -> Vec<String> {
        self.decree_changes().0
    }

    /// The bases as printed and the decrees cited otherwise than the settings write them.
    pub fn decree_changes(&self) -> (Vec<String>, Vec<crate::model::DecreeChange>) {
        let d = &self.campaign.settings.decision;
        match self.state {
            DecisionState::Draft { .. } => (d.legal_bases.clone(), Vec::new()),
            DecisionState::Final { signed_on, .. } => crate::model::bases_on(&d.legal_bases, &d.decrees, signed_on),
        }
    }

    /// "10/01/2024", or the draft's blanks.
    pub fn short_date(&self) -> String {
        match self.state {
            DecisionState::Final { signed_on, .. } => crate::vn::short_date(signed_on),
            DecisionState::Draft { year, .. } => format!("{b}/{b}/{year}", b = blank(5)),
        }
    }

    /// The award's name as the decision names it: "Giấy khen".
    pub fn award_short(&self) -> String {
        short_award(&self.award_name()).to_string()
    }

    /// The award's full name: "Giấy khen của Chủ tịch Ủy ban nhân dân huyện".
    pub fn award_name(&self) -> String {
        giay_khen_name(&self.campaign)
    }
}

/// The Giấy khen's full name from the settings: "Giấy khen của Chủ tịch Ủy ban nhân dân huyện".
pub fn giay_khen_name(campaign: &Campaign) -> String {
    campaign
        .settings
        .awards
        .iter()
        .find(|a| a.code == GIAY_KHEN)
        .map_or_else(|| "Giấy khen".to_string(), |a| a.name.clone())
}

/// An award's name without whose it is: "Bằng khen" of "Bằng khen của Chủ tịch …".
pub fn short_award(name: &str) -> &str {
    name.split(" của ").next().unwrap_or(name)
}

/// The documents the application prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum DocumentKind {
    /// The decision followed by its annex.
    Decision,
    Annex,
    Certificates,
    /// The certificate stock's calibration page.
    Calibration,
    Refusals,
    ScoreSheets,
    /// The proposal (tờ trình) to the higher level for the shortlisted nominees (R8).
    Proposal,
    /// The minutes of the council's latest meeting.
    Minutes,
}

impl DocumentKind {
    /// Every document, in the order the printing screen lists them.
    pub const ALL: [DocumentKind; 8] = [
        DocumentKind::Decision,
        DocumentKind::Annex,
        DocumentKind::Certificates,
        DocumentKind::Calibration,
        DocumentKind::Refusals,
        DocumentKind::ScoreSheets,
        DocumentKind::Minutes,
        DocumentKind::Proposal,
    ];

    /// The stable code the command line and the window name the document by.
    pub fn code(self) -> &'static str {
        match self {
            DocumentKind::Decision => "decision",
            DocumentKind::Annex => "annex",
            DocumentKind::Certificates => "certificates",
            DocumentKind::Calibration => "calibration",
            DocumentKind::Refusals => "refusals",
            DocumentKind::ScoreSheets => "score_sheets",
            DocumentKind::Proposal => "proposal",
            DocumentKind::Minutes => "minutes",
        }
    }

    /// The document named by `code` (`score-sheets` is read as `score_sheets`).
    pub fn from_code(code: &str) -> Option<DocumentKind> {
        let code = code.replace('-', "_");
        DocumentKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The file name, without extension, a rendered copy is saved under.
    pub fn file_stem(self) -> &'static str {
        match self {
            DocumentKind::Decision => "quyet-dinh",
            DocumentKind::Annex => "danh-sach-kem-theo",
            DocumentKind::Certificates => "giay-khen",
            DocumentKind::Calibration => "trang-thu-phoi",
            DocumentKind::Refusals => "thong-bao-khong-tiep-nhan",
            DocumentKind::ScoreSheets => "phieu-cham-diem",
            DocumentKind::Minutes => "bien-ban-hop-hoi-dong",
            DocumentKind::Proposal => "to-trinh-de-nghi-bang-khen",
        }
    }

    /// The document's name as a print queue or a list shows it.
    pub fn title(self) -> &'static str {
        match self {
            DocumentKind::Decision => "Quyết định",
            DocumentKind::Annex => "Danh sách kèm theo",
            DocumentKind::Certificates => "Giấy khen",
            DocumentKind::Calibration => "Trang căn chỉnh",
            DocumentKind::Refusals => "Thông báo không tiếp nhận",
            DocumentKind::ScoreSheets => "Phiếu chấm điểm",
            DocumentKind::Proposal => "Tờ trình",
            DocumentKind::Minutes => "Biên bản họp Hội đồng",
        }
    }
}

/// Choices that change how a document prints.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrintOptions {
    /// Certificates onto pre-printed stock (text only, at the saved offsets).
    pub preprinted: bool,
    /// Council members, one score sheet each; none prints one sheet per member of the campaign's
    /// council, or one with a blank name line when it has none.
    pub members: Vec<String>,
}
