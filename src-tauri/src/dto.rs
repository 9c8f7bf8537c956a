//! The shapes that cross the IPC boundary. TypeScript declarations for the UI are generated from
//! these (ui/src/lib/bindings.ts) by the `bindings_are_fresh` test; nobody writes them twice.

use serde::{Deserialize, Serialize};
use thidua::documents::DocumentKind;
use thidua::model::{
    AnnexOrder, Campaign, CouncilRole, Gender, Nomination, NomineeKind, PartState, Reason, Rounding, Status, Unit,
    UnitKind,
};
use thidua::printing::{JobState, Orientation};
use thidua::rules::workflow::NextStep;
use thidua::vn::vietnam_offset;

/// Every error the UI sees: a stable code, a Vietnamese sentence, and the field it is about.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ApiError {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
}

impl From<thidua::Error> for ApiError {
    fn from(e: thidua::Error) -> Self {
        ApiError { code: e.code().to_string(), message: e.to_string(), field: e.field().map(String::from) }
    }
}

impl ApiError {
    pub fn field(code: &str, message: impl Into<String>, field: &str) -> Self {
        ApiError { code: code.into(), message: message.into(), field: Some(field.into()) }
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct UnitView {
    pub id: i64,
    pub name: String,
    pub kind: UnitKind,
    pub kind_label: String,
    pub position: i64,
    /// How many dossiers the campaign lets this unit propose (R4).
    pub quota: u32,
}

impl UnitView {
    pub fn new(u: &Unit, campaign: &Campaign) -> Self {
        UnitView {
            id: u.id.0,
            name: u.name.clone(),
            kind: u.kind,
            kind_label: u.kind.label().into(),
            position: u.position,
            quota: campaign.quota(u.kind),
        }
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct CriterionView {
    pub number: u32,
    pub label: String,
    pub text: String,
    /// Maximum points in half-points (20 points = 40).
    pub max_half_points: i64,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct CampaignView {
    pub code: String,
    pub name: String,
    pub period_text: String,
    /// RFC 3339 in Vietnam time.
    pub deadline: String,
    pub deadline_text: String,
    pub issuer: String,
    /// "Mỗi đơn vị đề nghị không quá 01 tập thể hoặc cá nhân." from the campaign's quotas.
    pub quota_text: String,
    pub collective_criteria: Vec<CriterionView>,
    pub individual_criteria: Vec<CriterionView>,
}

/// A campaign in the list the secretary chooses from.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct CampaignSummaryView {
    pub code: String,
    pub name: String,
    pub period_text: String,
    /// The one the window works on.
    pub current: bool,
    pub nominations: usize,
}

impl CampaignSummaryView {
    pub fn new(c: &Campaign, current: bool, nominations: usize) -> Self {
        CampaignSummaryView {
            code: c.code.clone(),
            name: c.name.clone(),
            period_text: c.period_text(),
            current,
            nominations,
        }
    }
}

fn criteria(list: &[thidua::model::Criterion]) -> Vec<CriterionView> {
    list.iter()
        .map(|c| CriterionView {
            number: c.number,
            label: c.label.clone(),
            text: c.text.clone(),
            max_half_points: c.max_half_points,
        })
        .collect()
}

impl From<&Campaign> for CampaignView {
    fn from(c: &Campaign) -> Self {
        CampaignView {
            code: c.code.clone(),
            name: c.name.clone(),
            period_text: c.period_text(),
            deadline: c.deadline.with_timezone(&vietnam_offset()).to_rfc3339(),
            deadline_text: c.deadline_text(),
            issuer: c.settings.issuer.name.clone(),
            quota_text: c.quota_text(),
            collective_criteria: criteria(&c.criteria.collective),
            individual_criteria: criteria(&c.criteria.individual),
        }
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct RefusalView {
    pub reason: Reason,
    pub label: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct NominationView {
    pub id: i64,
    pub unit_id: i64,
    pub unit: String,
    pub kind: NomineeKind,
    pub kind_label: String,
    pub name: String,
    pub gender: Option<Gender>,
    pub position: Option<String>,
    /// RFC 3339 in Vietnam time.
    pub submitted_at: String,
    /// "05/01/2024 09:59:59".
    pub submitted_text: String,
    pub proposal_letter: PartState,
    pub minutes: PartState,
    pub achievement_report: PartState,
    pub summary: String,
    /// A collective's share of women in per cent, when given.
    pub women_percent: Option<u8>,
    pub status: Status,
    pub status_label: String,
    pub refusals: Vec<RefusalView>,
    /// The secretary has appraised it (accepted, or refused with a reason of her own), so the
    /// appraisal can be taken back.
    pub appraised: bool,
}

impl From<&Nomination> for NominationView {
    fn from(n: &Nomination) -> Self {
        let t = n.submitted_at.with_timezone(&vietnam_offset());
        NominationView {
            id: n.id.0,
            unit_id: n.unit.0,
            unit: n.unit_name.clone(),
            kind: n.kind,
            kind_label: n.kind.label().into(),
            name: n.name.clone(),
            gender: n.gender,
            position: n.position.clone(),
            submitted_at: t.to_rfc3339(),
            submitted_text: t.format("%d/%m/%Y %H:%M:%S").to_string(),
            proposal_letter: n.parts.proposal_letter,
            minutes: n.parts.minutes,
            achievement_report: n.parts.achievement_report,
            summary: n.summary.clone(),
            women_percent: n.women_percent,
            status: n.status,
            status_label: n.status.label().into(),
            refusals: n
                .refusals
                .iter()
                .map(|r| RefusalView { reason: r.reason, label: r.reason.label().into(), note: r.note.clone() })
                .collect(),
            appraised: n.appraised(),
        }
    }
}

/// The next campaign as the form sends it: days as YYYY-MM-DD, the deadline as typed
/// ("05/04/2024 10:00", Vietnam time).
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct NextCampaignInput {
    pub code: String,
    pub name: String,
    pub from: String,
    pub to: String,
    pub deadline: String,
    pub plan_number: Option<String>,
    pub plan_date: Option<String>,
}

/// A dossier as the form sends it.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct NominationInput {
    pub unit_id: i64,
    /// "collective" | "individual".
    pub kind: String,
    pub name: String,
    /// "male" | "female" | null.
    pub gender: Option<String>,
    pub position: Option<String>,
    /// "05/01/2024 09:59" (Vietnam time) or ISO 8601 with an offset.
    pub submitted_at: String,
    /// "present" | "missing" | "wrong_form" for each part.
    pub proposal_letter: String,
    pub minutes: String,
    pub achievement_report: String,
    pub summary: String,
    /// A collective's share of women in per cent, as typed ("75"); empty when not given.
    #[serde(default)]
    pub women_percent: Option<String>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct OverviewView {
    pub campaign: CampaignView,
    pub total: usize,
    pub received: usize,
    pub accepted: usize,
    pub refused: usize,
    pub units: usize,
    pub units_without: Vec<UnitView>,
    pub next_step: NextStep,
    pub next_step_label: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SearchHitView {
    pub campaign_code: String,
    pub campaign_name: String,
    pub nomination: NominationView,
    /// "Giấy khen của Chủ tịch …, Quyết định số 25/QĐ-UBND ngày 10/01/2024", for an accepted dossier.
    pub award: Option<String>,
}

/// One field of a logged change, in words.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct FieldChangeView {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// One logged change as the secretary reads it (Vietnam time, Vietnamese names and values).
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AuditLineView {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub nomination_id: Option<i64>,
    pub changes: Vec<FieldChangeView>,
}

impl From<thidua::app::AuditLine> for AuditLineView {
    fn from(l: thidua::app::AuditLine) -> Self {
        AuditLineView {
            id: l.id,
            at: l.at,
            actor: l.actor,
            action: l.action,
            subject: l.subject,
            nomination_id: l.nomination_id,
            changes: l
                .changes
                .into_iter()
                .map(|c| FieldChangeView { field: c.field, before: c.before, after: c.after })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct MemberView {
    pub id: i64,
    pub name: String,
    pub position: Option<String>,
    pub role: CouncilRole,
    pub role_label: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct MeetingView {
    pub date: String,
    pub date_text: String,
    /// "14:00", when the hour it started was noted.
    pub start: Option<String>,
    pub place: Option<String>,
    pub present: Vec<i64>,
    pub members: usize,
    pub needed: usize,
    pub quorum_met: bool,
    pub open: bool,
    /// No sheet can be changed any more.
    pub sheets_locked: bool,
    /// The ranking is shown on the members' phones.
    pub results_shown: bool,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ScoreCell {
    pub member_id: i64,
    pub nomination_id: i64,
    pub criterion: u32,
    pub half_points: i64,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SheetView {
    pub member_id: i64,
    pub member: String,
    pub complete: bool,
    /// [nomination id, criterion number] of each missing cell.
    pub missing: Vec<(i64, u32)>,
    /// «gửi từ điện thoại», «phiếu giấy, do … nhập»; none before anything is entered.
    pub entry: Option<String>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct VoteView {
    pub agree: u32,
    pub disagree: u32,
    pub blank: u32,
    pub passed: bool,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct RankedView {
    pub nomination_id: i64,
    pub name: String,
    pub kind: NomineeKind,
    pub kind_label: String,
    pub average_text: Option<String>,
    pub rank: Option<u32>,
    pub tied: bool,
    pub complete: bool,
    pub counted: usize,
    pub vote: Option<VoteView>,
    /// Each counted member's total, in points, lowest first.
    pub totals: Vec<f64>,
    /// The highest total less the lowest, «35»; none before two sheets.
    pub spread_text: Option<String>,
    /// The spread passes the council's threshold: to discuss before voting.
    pub disputed: bool,
    /// The average in points, for the chart.
    pub average: Option<f64>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ShortlistView {
    pub nomination_id: i64,
    pub name: String,
    pub position: u32,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct CouncilView {
    pub members: Vec<MemberView>,
    pub meeting: Option<MeetingView>,
    pub nominees: Vec<NominationView>,
    pub scores: Vec<ScoreCell>,
    pub sheets: Vec<SheetView>,
    pub ranking: Vec<RankedView>,
    /// The spread above which a nominee is flagged, «20».
    pub disagreement_text: String,
    pub shortlist: Vec<ShortlistView>,
    pub shortlist_max: u32,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AwardeeView {
    pub name: String,
    pub kind_label: String,
    pub position_and_unit: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct DecisionView {
    /// Empty while there is no accepted nomination; `problem` says why nothing can print.
    pub awardees: Vec<AwardeeView>,
    pub problem: Option<String>,
    /// None while the decision is a draft.
    pub number: Option<u32>,
    /// YYYY-MM-DD once signed.
    pub signed_on: Option<String>,
    /// "25/QĐ-UBND" or the draft's blank.
    pub number_text: String,
    pub date_text: String,
    pub symbol: String,
    pub signer_name: String,
    pub signer_title: String,
    pub collective_bonus: String,
    pub individual_bonus: String,
    pub total: String,
    pub total_in_words: String,
    /// Which base salary row the amounts use.
    pub salary_note: String,
    /// What to look at before printing (a blank plan number, another decree's time).
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct DocumentFile {
    pub kind: DocumentKind,
    pub path: String,
    pub bytes: usize,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct OffsetView {
    pub field: String,
    pub label: String,
    /// Tenths of a millimetre, right and down.
    pub dx: i64,
    pub dy: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct SalaryRowView {
    /// YYYY-MM-DD.
    pub from: String,
    pub amount: i64,
    pub source: String,
}

/// The organisation's settings the secretary edits (those of the current campaign).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct SettingsView {
    pub issuer_name: String,
    pub parent: String,
    pub place: String,
    pub authority: String,
    pub decision_symbol: String,
    pub standing_body: String,
    pub signer_name: String,
    pub signer_title: String,
    pub base_salary: Vec<SalaryRowView>,
    /// "up" | "nearest".
    pub rounding: Rounding,
    /// "alphabetical" | "by_unit": the order of the decision's annex.
    pub annex_order: AnnexOrder,
    /// The certificate stock, "297x210" (read only here: set with `set_certificate_size`).
    #[serde(default)]
    pub certificate_size: String,
    /// Whether the office chose an emblem picture (read only here).
    #[serde(default)]
    pub has_emblem: bool,
    /// The number of the plan that launched the campaign ("125"), empty while blank.
    pub plan_number: String,
    /// YYYY-MM-DD, empty while unknown.
    pub plan_date: String,
}

/// A person's name in an import file typed all in one case, and the form offered.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct NameOfferView {
    pub row: u32,
    pub typed: String,
    pub offered: String,
}

/// Who the audit trail names for changes made in this window.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct OperatorView {
    /// The name chosen in the settings; empty when none is.
    pub name: String,
    /// The operating system's user name, used when no name is chosen.
    pub system_user: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct DataFolderView {
    pub database: String,
    pub documents: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct BackupView {
    pub path: String,
    pub name: String,
    pub bytes: u64,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct PrinterView {
    pub name: String,
    pub description: String,
    pub default: bool,
    pub state_label: String,
    pub accepting: bool,
    /// Paper sizes the printer offers ("iso_a4_210x297mm"); empty when unknown.
    pub media: Vec<String>,
    pub default_media: Option<String>,
    pub trays: Vec<String>,
}

/// The secretary's choices in the print dialog.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct PrintRequest {
    /// As for `render_document`: "decision", "certificates", …
    pub kind: DocumentKind,
    pub preprinted: bool,
    pub printer: String,
    /// None: the document's own paper (A4, or the certificate stock's size).
    pub media: Option<String>,
    /// "auto" | "portrait" | "landscape".
    pub orientation: Orientation,
    pub copies: u32,
    /// "3", "5-7", "2,9"; empty for every page.
    pub pages: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct PrintProgress {
    pub job: u64,
    pub state: JobState,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct PrintDone {
    pub job: u64,
    pub printer: String,
    pub pages: u32,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AttachmentView {
    pub id: i64,
    pub file_name: String,
    pub bytes: i64,
}

/// An address of the PC to open the meeting room on.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct RoomAddressView {
    pub label: String,
    pub address: String,
}

/// The meeting room while scoring by phone is open.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct RoomView {
    /// "192.168.1.10:49152".
    pub address: String,
    pub links: Vec<RoomLinkView>,
}

/// A member's link and its QR code (SVG).
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct RoomLinkView {
    pub member_id: i64,
    pub name: String,
    pub url: String,
    pub qr_svg: String,
}

/// A member recused for a nominee.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct RecusalView {
    pub member_id: i64,
    pub member: String,
    pub nomination_id: i64,
    pub nominee: String,
    pub unit: String,
    /// Marked by the secretary, rather than found from the member's position.
    pub marked: bool,
}

impl From<thidua::app::council::RecusalLine> for RecusalView {
    fn from(l: thidua::app::council::RecusalLine) -> Self {
        RecusalView {
            member_id: l.member.0,
            member: l.member_name,
            nomination_id: l.nomination.0,
            nominee: l.nominee,
            unit: l.unit,
            marked: l.marked,
        }
    }
}
