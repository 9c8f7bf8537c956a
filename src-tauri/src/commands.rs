//! One thin command per action: take the state, call the core, map to the IPC shapes.

use tauri::State;
use thidua::app::council::{self as council_app, Attendance, MemberChange};
use thidua::app::intake::{self, Appraisal, HistoryScope};
use thidua::app::{self, campaigns};
use thidua::council::{parse_points, Score};
use thidua::model::{
    CouncilRole, DossierPart, Gender, MemberId, NewNomination, NominationId, NomineeKind, PartState, Parts, Reason,
    UnitId, UnitKind, VoteCount,
};

use crate::dto::*;
use crate::state::{iso_day, ApiResult, AppState};

#[tauri::command(async)]
#[specta::specta]
pub fn overview(state: State<'_, AppState>) -> ApiResult<Option<OverviewView>> {
    let Some((c, o)) = campaigns::overview(&*state.store()?)? else { return Ok(None) };
    Ok(Some(OverviewView {
        campaign: (&c).into(),
        total: o.total,
        received: o.received,
        accepted: o.accepted,
        refused: o.refused,
        units: o.units,
        units_without: o.units_without.iter().map(|u| UnitView::new(u, &c)).collect(),
        next_step: o.next_step,
        next_step_label: o.next_step.label().into(),
    }))
}

#[tauri::command(async)]
#[specta::specta]
pub fn load_example(state: State<'_, AppState>) -> ApiResult<()> {
    campaigns::load_example(&mut *state.store()?)?;
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
pub fn units(state: State<'_, AppState>) -> ApiResult<Vec<UnitView>> {
    let (c, units) = campaigns::units(&*state.store()?, None)?;
    Ok(units.iter().map(|u| UnitView::new(u, &c)).collect())
}

#[tauri::command(async)]
#[specta::specta]
pub fn add_unit(state: State<'_, AppState>, name: String, kind: UnitKind) -> ApiResult<()> {
    campaigns::add_unit(&mut *state.store()?, None, &name, kind)?;
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
pub fn update_unit(state: State<'_, AppState>, id: i64, name: String, kind: UnitKind) -> ApiResult<()> {
    campaigns::edit_unit(&mut *state.store()?, None, UnitId(id), Some(&name), Some(kind))?;
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
pub fn remove_unit(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    campaigns::remove_unit(&mut *state.store()?, None, UnitId(id))?;
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
pub fn nominations(state: State<'_, AppState>) -> ApiResult<Vec<NominationView>> {
    Ok(intake::nominations(&*state.store()?, None)?.iter().map(NominationView::from).collect())
}

fn part(value: &str, part: DossierPart, field: &str) -> ApiResult<PartState> {
    PartState::from_code(value).ok_or_else(|| {
        ApiError::field("invalid_field", format!("Chọn tình trạng của {}.", part.label().to_lowercase()), field)
    })
}

fn to_new(input: &NominationInput) -> ApiResult<NewNomination> {
    let kind = NomineeKind::from_code(&input.kind)
        .ok_or_else(|| ApiError::field("invalid_field", "Chọn loại: Tập thể hoặc Cá nhân.", "kind"))?;
    // A name and, for an individual, a gender are checked by the core, as on every other path.
    let gender = match input.gender.as_deref().filter(|g| !g.is_empty()) {
        None => None,
        Some(g) => {
            Some(Gender::from_code(g).ok_or_else(|| ApiError::field("invalid_field", "Chọn Nam hoặc Nữ.", "gender"))?)
        }
    };
    let submitted_at = app::parse_portal_time(&input.submitted_at)
        .map_err(|m| ApiError::field("invalid_field", format!("Thời gian nộp: {m}"), "submitted_at"))?;
    // The bound (0 to 100) is the core's; here only whether it is a whole number.
    let women_percent = match input.women_percent.as_deref().map(|t| t.trim().trim_end_matches('%').trim()) {
        None | Some("") => None,
        Some(t) => Some(t.parse::<u8>().map_err(|_| {
            ApiError::field("invalid_field", "Tỷ lệ nữ: ghi một số nguyên từ 0 đến 100.", "women_percent")
        })?),
    };
    Ok(NewNomination {
        unit: UnitId(input.unit_id),
        kind,
        name: input.name.clone(),
        gender,
        position: input.position.clone(),
        submitted_at,
        parts: Parts {
            proposal_letter: part(&input.proposal_letter, DossierPart::ProposalLetter, "proposal_letter")?,
            minutes: part(&input.minutes, DossierPart::Minutes, "minutes")?,
            achievement_report: part(&input.achievement_report, DossierPart::AchievementReport, "achievement_report")?,
        },
        summary: input.summary.clone(),
        women_percent,
    })
}

/// What the rules would say of the dossier being typed: a new one, or dossier `id` corrected.
#[tauri::command(async)]
#[specta::specta]
pub fn check_nomination(
    state: State<'_, AppState>,
    input: NominationInput,
    id: Option<i64>,
) -> ApiResult<Vec<RefusalView>> {
    let new = to_new(&input)?;
    let reasons = intake::preview(&*state.store()?, None, id.map(NominationId), &new)?;
    Ok(reasons.into_iter().map(|(r, note)| RefusalView { reason: r, label: r.label().into(), note }).collect())
}

#[tauri::command(async)]
#[specta::specta]
pub fn add_nomination(state: State<'_, AppState>, input: NominationInput) -> ApiResult<NominationView> {
    let new = to_new(&input)?;
    Ok((&intake::record(&mut *state.store()?, None, &new)?).into())
}

#[tauri::command(async)]
#[specta::specta]
pub fn correct_nomination(state: State<'_, AppState>, id: i64, input: NominationInput) -> ApiResult<NominationView> {
    let item = to_new(&input)?;
    Ok((&intake::replace(&mut *state.store()?, NominationId(id), &item)?).into())
}

#[tauri::command(async)]
#[specta::specta]
pub fn import_nominations(state: State<'_, AppState>, path: String, title_case: Option<bool>) -> ApiResult<usize> {
    let names = match title_case {
        None => intake::NameCase::Ask,
        Some(true) => intake::NameCase::TitleCase,
        Some(false) => intake::NameCase::AsTyped,
    };
    Ok(intake::import(&mut *state.store()?, None, std::path::Path::new(&path), names)?.recorded.len())
}

/// The people's names of a nomination file typed all in one case, with the form offered for
/// each, shown before the file is imported.
#[tauri::command(async)]
#[specta::specta]
pub fn name_offers(state: State<'_, AppState>, path: String) -> ApiResult<Vec<NameOfferView>> {
    let offers = intake::name_offers(&*state.store()?, None, std::path::Path::new(&path))?;
    Ok(offers.into_iter().map(|o| NameOfferView { row: o.row as u32, typed: o.typed, offered: o.offered }).collect())
}

/// The form offered for a person's name typed all in one case, or none.
#[tauri::command(async)]
#[specta::specta]
pub fn name_offer(name: String) -> ApiResult<Option<String>> {
    Ok(thidua::vn::title_case_offer(&name))
}

#[tauri::command(async)]
#[specta::specta]
pub fn accept(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    intake::appraise(&mut *state.store()?, NominationId(id), &Appraisal::Accept)?;
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
pub fn refuse(state: State<'_, AppState>, id: i64, reason: Reason, note: String) -> ApiResult<()> {
    intake::appraise(&mut *state.store()?, NominationId(id), &Appraisal::Refuse { reason, note })?;
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
pub fn reopen(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    intake::appraise(&mut *state.store()?, NominationId(id), &Appraisal::Reopen)?;
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
pub fn accept_all(state: State<'_, AppState>) -> ApiResult<usize> {
    Ok(intake::accept_all(&mut *state.store()?, None)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn search(state: State<'_, AppState>, text: String) -> ApiResult<Vec<SearchHitView>> {
    Ok(intake::search(&*state.store()?, &text)?
        .iter()
        .map(|h| SearchHitView {
            campaign_code: h.campaign_code.clone(),
            campaign_name: h.campaign_name.clone(),
            nomination: (&h.nomination).into(),
            award: h.award.clone(),
        })
        .collect())
}

/// The campaign's history of changes in words, or one nomination's, oldest first.
#[tauri::command(async)]
#[specta::specta]
pub fn audit_log(state: State<'_, AppState>, nomination: Option<i64>) -> ApiResult<Vec<AuditLineView>> {
    let scope = match nomination {
        Some(id) => HistoryScope::Nomination(NominationId(id)),
        None => HistoryScope::Campaign(None),
    };
    Ok(intake::history(&*state.store()?, scope)?.into_iter().map(AuditLineView::from).collect())
}

#[tauri::command(async)]
#[specta::specta]
pub fn council(state: State<'_, AppState>) -> ApiResult<CouncilView> {
    Ok(crate::council_view::build(&council_app::council_state(&mut *state.store()?, None)?))
}

#[tauri::command(async)]
#[specta::specta]
pub fn add_member(
    state: State<'_, AppState>,
    name: String,
    role: CouncilRole,
    position: Option<String>,
) -> ApiResult<()> {
    council_app::add_member(&mut *state.store()?, None, &name, position.as_deref(), role)?;
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
pub fn update_member(
    state: State<'_, AppState>,
    id: i64,
    name: String,
    role: CouncilRole,
    position: Option<String>,
) -> ApiResult<()> {
    let change = MemberChange { name: Some(name), role: Some(role), position: Some(position.unwrap_or_default()) };
    council_app::edit_member(&mut *state.store()?, None, MemberId(id), &change)?;
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
pub fn remove_member(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    council_app::remove_member(&mut *state.store()?, None, MemberId(id))?;
    Ok(())
}

/// "14:00" as typed, or nothing; `field` names the input for the error.
fn hour(text: Option<&str>, field: &str) -> ApiResult<Option<chrono::NaiveTime>> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => chrono::NaiveTime::parse_from_str(t, "%H:%M").map(Some).map_err(|_| {
            ApiError::field("invalid_field", format!("Giờ «{t}» phải ghi theo dạng giờ:phút, ví dụ 14:00."), field)
        }),
    }
}

#[tauri::command(async)]
#[specta::specta]
pub fn open_meeting(
    state: State<'_, AppState>,
    date: String,
    start: Option<String>,
    place: Option<String>,
    present: Vec<i64>,
) -> ApiResult<()> {
    let date = iso_day(&date, "date", "Chọn ngày họp.")?;
    let start = hour(start.as_deref(), "start")?;
    let present: Vec<MemberId> = present.into_iter().map(MemberId).collect();
    council_app::open_meeting(
        &mut *state.store()?,
        None,
        date,
        start,
        place.as_deref(),
        &Attendance::Present(present),
    )?;
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
pub fn close_meeting(state: State<'_, AppState>, end: Option<String>) -> ApiResult<()> {
    let end = hour(end.as_deref(), "end")?;
    Ok(council_app::close_meeting(&mut *state.store()?, None, end)?)
}

/// Scores typed into a spreadsheet from the paper sheets, all or none; says how each member's
/// sheet stands afterwards.
#[tauri::command(async)]
#[specta::specta]
pub fn import_scores(state: State<'_, AppState>, path: String) -> ApiResult<Vec<String>> {
    let today = thidua::vn::today_in_vietnam();
    Ok(council_app::import_scores(&mut *state.store()?, None, std::path::Path::new(&path), today)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_score(
    state: State<'_, AppState>,
    member_id: i64,
    nomination_id: i64,
    criterion: u32,
    points: String,
) -> ApiResult<()> {
    let half_points = parse_points(&points).ok_or_else(|| {
        ApiError::field(
            "invalid_field",
            format!("«{points}» không phải số điểm hợp lệ (số không âm, lẻ đến 0,5)."),
            "points",
        )
    })?;
    let score = Score { member: MemberId(member_id), nomination: NominationId(nomination_id), criterion, half_points };
    council_app::set_score(&mut *state.store()?, None, score)?;
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
pub fn record_votes(
    state: State<'_, AppState>,
    nomination_id: i64,
    agree: u32,
    disagree: u32,
    blank: u32,
) -> ApiResult<()> {
    let votes = VoteCount { agree, disagree, blank };
    council_app::vote(&mut *state.store()?, None, NominationId(nomination_id), votes)?;
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
pub fn shortlist_add(state: State<'_, AppState>, nomination_id: i64, reason: Option<String>) -> ApiResult<()> {
    Ok(council_app::shortlist_add(&mut *state.store()?, None, NominationId(nomination_id), reason.as_deref())?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn shortlist_remove(state: State<'_, AppState>, nomination_id: i64) -> ApiResult<()> {
    Ok(council_app::shortlist_remove(&mut *state.store()?, None, NominationId(nomination_id))?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn attachments(state: State<'_, AppState>, nomination_id: i64) -> ApiResult<Vec<AttachmentView>> {
    Ok(intake::attachments(&*state.store()?, NominationId(nomination_id))?
        .into_iter()
        .map(|a| AttachmentView { id: a.id, file_name: a.file_name, bytes: a.bytes })
        .collect())
}

/// Copies the chosen scans into the data folder and attaches them to the dossier.
#[tauri::command(async)]
#[specta::specta]
pub fn attach_files(state: State<'_, AppState>, nomination_id: i64, paths: Vec<String>) -> ApiResult<usize> {
    let files: Vec<std::path::PathBuf> = paths.iter().map(std::path::PathBuf::from).collect();
    Ok(intake::attach(&mut *state.store()?, NominationId(nomination_id), &files)?.len())
}

/// Opens an attached scan in the system's viewer, after checking it against its digest.
#[tauri::command(async)]
#[specta::specta]
pub fn open_attachment(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    let path = intake::attachment_file(&*state.store()?, id)?;
    crate::documents::open_in_viewer(&path)
}
