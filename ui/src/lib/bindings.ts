// Generated from src-tauri/src/dto.rs by the `bindings_are_fresh` test. Do not edit.

export type ApiError = { code: string, message: string, field: string | null, };

export type UnitView = { id: number, name: string, kind: string, kind_label: string, position: number, 
/**
 * How many dossiers the campaign lets this unit propose (R4).
 */
quota: number, };

export type CriterionView = { number: number, label: string, text: string, 
/**
 * Maximum points in half-points (20 points = 40).
 */
max_half_points: number, };

export type CampaignView = { code: string, name: string, period_text: string, 
/**
 * RFC 3339 in Vietnam time.
 */
deadline: string, deadline_text: string, issuer: string, 
/**
 * "Mỗi đơn vị đề nghị không quá 01 tập thể hoặc cá nhân." from the campaign's quotas.
 */
quota_text: string, collective_criteria: Array<CriterionView>, individual_criteria: Array<CriterionView>, };

export type RefusalView = { reason: string, label: string, note: string, };

export type NominationView = { id: number, unit_id: number, unit: string, kind: string, kind_label: string, name: string, gender: string | null, position: string | null, 
/**
 * RFC 3339 in Vietnam time.
 */
submitted_at: string, 
/**
 * "05/01/2024 09:59:59".
 */
submitted_text: string, proposal_letter: string, minutes: string, achievement_report: string, summary: string, status: string, status_label: string, refusals: Array<RefusalView>, 
/**
 * The secretary has appraised it (accepted, or refused with a reason of her own), so the
 * appraisal can be taken back.
 */
appraised: boolean, };

export type NominationInput = { unit_id: number, 
/**
 * "collective" | "individual".
 */
kind: string, name: string, 
/**
 * "male" | "female" | null.
 */
gender: string | null, position: string | null, 
/**
 * "05/01/2024 09:59" (Vietnam time) or ISO 8601 with an offset.
 */
submitted_at: string, 
/**
 * "present" | "missing" | "wrong_form" for each part.
 */
proposal_letter: string, minutes: string, achievement_report: string, summary: string, };

export type OverviewView = { campaign: CampaignView, total: number, received: number, accepted: number, refused: number, units: number, units_without: Array<UnitView>, next_step: string, next_step_label: string, };

export type SearchHitView = { campaign_code: string, campaign_name: string, nomination: NominationView, 
/**
 * "Giấy khen của Chủ tịch …, Quyết định số 25/QĐ-UBND ngày 10/01/2024", for an accepted dossier.
 */
award: string | null, };

export type MemberView = { id: number, name: string, position: string | null, role: string, role_label: string, };

export type MeetingView = { date: string, date_text: string, 
/**
 * "14:00", when the hour it started was noted.
 */
start: string | null, place: string | null, present: Array<number>, members: number, needed: number, quorum_met: boolean, open: boolean, };

export type ScoreCell = { member_id: number, nomination_id: number, criterion: number, half_points: number, };

export type SheetView = { member_id: number, member: string, complete: boolean, 
/**
 * [nomination id, criterion number] of each missing cell.
 */
missing: Array<[number, number]>, };

export type VoteView = { agree: number, disagree: number, blank: number, passed: boolean, };

export type RankedView = { nomination_id: number, name: string, kind: string, kind_label: string, average_text: string | null, rank: number | null, tied: boolean, complete: boolean, counted: number, vote: VoteView | null, };

export type ShortlistView = { nomination_id: number, name: string, position: number, reason: string | null, };

export type CouncilView = { members: Array<MemberView>, meeting: MeetingView | null, nominees: Array<NominationView>, scores: Array<ScoreCell>, sheets: Array<SheetView>, ranking: Array<RankedView>, shortlist: Array<ShortlistView>, shortlist_max: number, };

export type AwardeeView = { name: string, kind_label: string, position_and_unit: string, };

export type DecisionView = { 
/**
 * Empty while there is no accepted nomination; `problem` says why nothing can print.
 */
awardees: Array<AwardeeView>, problem: string | null, 
/**
 * None while the decision is a draft.
 */
number: number | null, 
/**
 * YYYY-MM-DD once signed.
 */
signed_on: string | null, 
/**
 * "25/QĐ-UBND" or the draft's blank.
 */
number_text: string, date_text: string, symbol: string, signer_name: string, signer_title: string, collective_bonus: string, individual_bonus: string, total: string, total_in_words: string, 
/**
 * Which base salary row the amounts use.
 */
salary_note: string, };

export type DocumentFile = { kind: string, path: string, bytes: number, };

export type OffsetView = { field: string, label: string, 
/**
 * Tenths of a millimetre, right and down.
 */
dx: number, dy: number, };

export type SalaryRowView = { 
/**
 * YYYY-MM-DD.
 */
from: string, amount: number, source: string, };

export type SettingsView = { issuer_name: string, parent: string, place: string, authority: string, decision_symbol: string, standing_body: string, signer_name: string, signer_title: string, base_salary: Array<SalaryRowView>, 
/**
 * "up" | "nearest".
 */
rounding: string, 
/**
 * "alphabetical" | "by_unit": the order of the decision's annex.
 */
annex_order: string, };

export type DataFolderView = { database: string, documents: string, };

export type BackupView = { path: string, name: string, bytes: number, };

export type PrinterView = { name: string, description: string, default: boolean, state_label: string, accepting: boolean, 
/**
 * Paper sizes the printer offers ("iso_a4_210x297mm"); empty when unknown.
 */
media: Array<string>, default_media: string | null, trays: Array<string>, };

export type PrintRequest = { 
/**
 * As for `render_document`: "decision", "certificates", …
 */
kind: string, preprinted: boolean, printer: string, 
/**
 * None: the document's own paper (A4, or the certificate stock's size).
 */
media: string | null, 
/**
 * "auto" | "portrait" | "landscape".
 */
orientation: string, copies: number, 
/**
 * "3", "5-7", "2,9"; empty for every page.
 */
pages: string, };

export type PrintProgress = { job: number, state: string, label: string, };

export type PrintDone = { job: number, printer: string, pages: number, };

export type AttachmentView = { id: number, file_name: string, bytes: number, };

export type OperatorView = { 
/**
 * The name chosen in the settings; empty when none is.
 */
name: string, 
/**
 * The operating system's user name, used when no name is chosen.
 */
system_user: string, };

export type CampaignSummaryView = { code: string, name: string, period_text: string, 
/**
 * The one the window works on.
 */
current: boolean, nominations: number, };

export type NextCampaignInput = { code: string, name: string, from: string, to: string, deadline: string, plan_number: string | null, plan_date: string | null, };

export type FieldChangeView = { field: string, before: string | null, after: string | null, };

export type AuditLineView = { id: number, at: string, actor: string, action: string, subject: string, nomination_id: number | null, changes: Array<FieldChangeView>, };
