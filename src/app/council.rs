//! The council: members, the meeting and its quorum, scores (typed in, or imported from the paper
//! sheets), the ranking, votes and the shortlist for the higher level's award (R8).

use std::path::Path;

use chrono::{NaiveDate, NaiveTime};

use crate::council::Score;
use crate::error::{CouncilError, Error, Result};
use crate::exchange::scores::read_scores;
use crate::model::{
    Campaign, CouncilMember, CouncilRole, CouncilRules, Meeting, MeetingId, MemberId, Nomination, NominationId,
    NomineeKind, SheetEntry, ShortlistEntry, Status, VoteCount,
};
pub use crate::store::RecusalLine;
use crate::store::{RankingReport, Store};
use crate::vn::fold;

/// The campaign's council. An empty council is first filled from the previous campaign's, as
/// councils rarely change between campaigns; returns how many members were copied.
pub fn members(store: &mut Store, code: Option<&str>) -> Result<(Vec<CouncilMember>, usize)> {
    let c = store.campaign(code)?;
    let copied = store.copy_members_from_previous(c.id)?;
    Ok((store.members(c.id)?, copied))
}

/// Adds a member to the campaign's council.
pub fn add_member(
    store: &mut Store,
    code: Option<&str>,
    name: &str,
    position: Option<&str>,
    role: CouncilRole,
) -> Result<MemberId> {
    let c = store.campaign(code)?;
    store.add_member(c.id, name, position, role)
}

fn find_member(store: &Store, code: Option<&str>, id: MemberId) -> Result<CouncilMember> {
    let c = store.campaign(code)?;
    store.members(c.id)?.into_iter().find(|m| m.id == id).ok_or_else(|| Error::UnknownMember(format!("số {id}")))
}

/// What a member's correction changes; `None` keeps the recorded value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberChange {
    pub name: Option<String>,
    pub role: Option<CouncilRole>,
    /// `Some("")` clears the position.
    pub position: Option<String>,
}

/// Corrects a member's name, role or position; returns the member as recorded.
pub fn edit_member(
    store: &mut Store,
    code: Option<&str>,
    id: MemberId,
    change: &MemberChange,
) -> Result<CouncilMember> {
    let m = find_member(store, code, id)?;
    let name = change.name.clone().unwrap_or(m.name);
    let position = match &change.position {
        Some(p) => Some(p.clone()).filter(|p| !p.trim().is_empty()),
        None => m.position,
    };
    store.update_member(m.id, &name, position.as_deref(), change.role.unwrap_or(m.role))?;
    find_member(store, code, id)
}

/// Takes a member who left off the campaign's council (before attending); returns them.
pub fn remove_member(store: &mut Store, code: Option<&str>, id: MemberId) -> Result<CouncilMember> {
    let m = find_member(store, code, id)?;
    store.remove_member(m.id)?;
    Ok(m)
}

/// A meeting with its quorum.
#[derive(Debug, Clone)]
pub struct MeetingState {
    pub meeting: Meeting,
    pub quorum_met: bool,
    /// Members needed present for the quorum.
    pub needed: usize,
    /// Members of the council.
    pub members: usize,
    /// No sheet can be changed any more.
    pub sheets_locked: bool,
    /// The ranking is shown on the members' phones.
    pub results_shown: bool,
    /// How each member's sheet was last entered (a phone, or paper typed in by whom).
    pub entries: Vec<SheetEntry>,
}

fn state_of(store: &Store, c: &Campaign, meeting: Meeting) -> Result<MeetingState> {
    let (quorum_met, needed, members) = store.quorum(c.id, &meeting)?;
    let sheets_locked = store.sheets_locked(meeting.id)?;
    let results_shown = store.results_shown(meeting.id)?;
    let entries = store.sheet_entries(meeting.id)?;
    Ok(MeetingState { meeting, quorum_met, needed, members, sheets_locked, results_shown, entries })
}

/// The meeting still open, with its quorum.
pub fn open_meeting_state(store: &Store, code: Option<&str>) -> Result<Option<MeetingState>> {
    let c = store.campaign(code)?;
    match store.current_meeting(c.id)? {
        Some(m) => Ok(Some(state_of(store, &c, m)?)),
        None => Ok(None),
    }
}

/// Who attends a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attendance {
    /// The members ticked present (the window).
    Present(Vec<MemberId>),
    /// Every member but those named absent (the command line); an unknown name is refused.
    AllBut(Vec<String>),
}

/// Opens the council's meeting; returns it with its quorum.
pub fn open_meeting(
    store: &mut Store,
    code: Option<&str>,
    date: NaiveDate,
    start: Option<NaiveTime>,
    place: Option<&str>,
    attendance: &Attendance,
) -> Result<MeetingState> {
    let c = store.campaign(code)?;
    let present: Vec<MemberId> = match attendance {
        Attendance::Present(ids) => ids.clone(),
        Attendance::AllBut(absent) => {
            let members = store.members(c.id)?;
            if let Some(a) = absent.iter().find(|a| !members.iter().any(|m| fold(&m.name) == fold(a))) {
                return Err(Error::UnknownMember(a.clone()));
            }
            members.iter().filter(|m| !absent.iter().any(|a| fold(a) == fold(&m.name))).map(|m| m.id).collect()
        }
    };
    let place = place.filter(|p| !p.trim().is_empty());
    store.open_meeting_at(c.id, date, start, place, &present)?;
    let m = store.current_meeting(c.id)?.ok_or(Error::NoMeeting)?;
    state_of(store, &c, m)
}

/// Closes the open meeting, noting when it ended.
pub fn close_meeting(store: &mut Store, code: Option<&str>, end: Option<NaiveTime>) -> Result<()> {
    let c = store.campaign(code)?;
    store.close_meeting_at(c.id, end)
}

/// Scores typed into a spreadsheet from the paper sheets, all or nothing; where no meeting is
/// open, one is opened on `today` with the members the file names. Returns how each member's
/// sheet stands afterwards, one sentence each.
pub fn import_scores(store: &mut Store, code: Option<&str>, file: &Path, today: NaiveDate) -> Result<Vec<String>> {
    let c = store.campaign(code)?;
    record_score_file(store, &c, file, today)?;
    let report = store.ranking(c.id, None)?;
    Ok(report.sheets.iter().map(|(m, sheet)| sheet.summary(&m.name)).collect())
}

/// Reads a scores file and records it in the campaign's open meeting; where none is open, one is
/// opened on `today` with the members the file names as present. All rows or none.
pub fn record_score_file(store: &mut Store, campaign: &Campaign, path: &Path, today: NaiveDate) -> Result<MeetingId> {
    let members = store.members(campaign.id)?;
    let nominees = store.nominees(campaign.id, None)?;
    let meeting = store.current_meeting(campaign.id)?;
    // After the council's meeting has ended, scores belong to no meeting: said as such, not as
    // a new meeting of whoever the file names without its quorum.
    if meeting.is_none() {
        if let Some(ended) = store.meeting_where(campaign.id, false)? {
            return Err(CouncilError::MeetingEnded { date: crate::vn::short_date(ended.date) }.into());
        }
    }
    let (scores, named) = read_scores(path, campaign, &members, &nominees, meeting.as_ref())?;
    store.record_scores(campaign.id, Some((today, named)), &scores)
}

/// One score typed on the council screen.
pub fn set_score(store: &mut Store, code: Option<&str>, score: Score) -> Result<()> {
    let c = store.campaign(code)?;
    store.record_scores(c.id, None, &[score])?;
    Ok(())
}

/// The ranking of the accepted nominees, optionally of one kind, with the sheets and votes.
pub fn ranking(store: &Store, code: Option<&str>, kind: Option<NomineeKind>) -> Result<RankingReport> {
    let c = store.campaign(code)?;
    store.ranking(c.id, kind)
}

/// Records the ballots on a nominee; returns whether they reach the threshold.
pub fn vote(store: &mut Store, code: Option<&str>, id: NominationId, votes: VoteCount) -> Result<bool> {
    let c = store.campaign(code)?;
    store.record_votes(c.id, id, votes)?;
    let report = store.ranking(c.id, None)?;
    Ok(report.votes.get(&id).is_some_and(|(_, passed)| *passed))
}

/// The shortlist for the higher level's award, in its order.
pub fn shortlist(store: &Store, code: Option<&str>) -> Result<Vec<ShortlistEntry>> {
    let c = store.campaign(code)?;
    store.shortlist(c.id)
}

/// Adds a nominee to the shortlist (R8: at most the award's maximum; a reason when the council
/// picks between nominees tied at the cut).
pub fn shortlist_add(store: &mut Store, code: Option<&str>, id: NominationId, reason: Option<&str>) -> Result<()> {
    let c = store.campaign(code)?;
    store.shortlist_add(c.id, id, reason)
}

/// Takes a nominee off the shortlist.
pub fn shortlist_remove(store: &mut Store, code: Option<&str>, id: NominationId) -> Result<()> {
    let c = store.campaign(code)?;
    store.shortlist_remove(c.id, id)
}

/// Everything the council screen shows.
#[derive(Debug, Clone)]
pub struct CouncilState {
    pub campaign: Campaign,
    pub members: Vec<CouncilMember>,
    /// The latest meeting, open or closed, with its quorum.
    pub meeting: Option<MeetingState>,
    /// The scores of that meeting.
    pub scores: Vec<Score>,
    /// The accepted dossiers, which the council scores.
    pub nominees: Vec<Nomination>,
    pub report: RankingReport,
    pub shortlist: Vec<ShortlistEntry>,
    /// At most this many on the shortlist (R8).
    pub shortlist_max: u32,
}

/// The council screen's data; an empty council is first filled from the previous campaign's.
pub fn council_state(store: &mut Store, code: Option<&str>) -> Result<CouncilState> {
    let (members, _) = members(store, code)?;
    let campaign = store.campaign(code)?;
    let report = store.ranking(campaign.id, None)?;
    let meeting = match &report.meeting {
        Some(m) => Some(state_of(store, &campaign, m.clone())?),
        None => None,
    };
    let scores = match &report.meeting {
        Some(m) => store.scores(m.id)?,
        None => Vec::new(),
    };
    let nominees = store.nominations(campaign.id)?.into_iter().filter(|n| n.status == Status::Accepted).collect();
    let shortlist = store.shortlist(campaign.id)?;
    let shortlist_max = campaign.settings.awards.iter().find_map(|a| a.shortlist_max).unwrap_or(3);
    Ok(CouncilState { campaign, members, meeting, scores, nominees, report, shortlist, shortlist_max })
}

/// The campaign's recusals: members whose position names a nominee's unit, and those the
/// secretary marked, less those cleared.
pub fn recusals(store: &Store, code: Option<&str>) -> Result<Vec<RecusalLine>> {
    let c = store.campaign(code)?;
    store.recusal_lines(c.id)
}

/// Marks (`recused`) or clears the recusal of the member named `member` (by name, or by number)
/// for dossier `nomination`, before scoring of that dossier starts. Returns the recusals after.
pub fn recuse(
    store: &mut Store,
    code: Option<&str>,
    member: &str,
    nomination: NominationId,
    recused: bool,
) -> Result<Vec<RecusalLine>> {
    let c = store.campaign(code)?;
    let members = store.members(c.id)?;
    let wanted = fold(member);
    let found = members
        .iter()
        .find(|m| fold(&m.name) == wanted)
        .or_else(|| member.trim().parse::<i64>().ok().and_then(|id| members.iter().find(|m| m.id.0 == id)))
        .ok_or_else(|| Error::UnknownMember(crate::vn::shown(member)))?;
    store.set_recusal(c.id, found.id, nomination, recused)?;
    store.recusal_lines(c.id)
}

/// Sets the spread of members' totals above which a nominee is flagged for discussion before
/// the vote, as typed («20», «12,5»): points, in half points, at most 1,000.
pub fn set_disagreement(store: &mut Store, code: Option<&str>, typed: &str) -> Result<CouncilRules> {
    let c = store.campaign(code)?;
    let half = crate::council::parse_points(typed).filter(|h| *h <= 2_000).ok_or_else(|| {
        crate::error::InputError::Number {
            field: "threshold",
            what: "ngưỡng chênh lệch",
            value: crate::vn::shown(typed),
            why: "phải là số điểm không âm, lẻ đến 0,5, không quá 1.000.".into(),
        }
    })?;
    let mut rules = store.council_rules(c.id)?;
    rules.disagreement_half_points = half;
    store.set_council_rules(c.id, &rules)?;
    Ok(rules)
}
