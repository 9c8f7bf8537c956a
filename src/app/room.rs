//! The meeting room: scoring by phone over the room's network, for the campaign's open meeting.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use crate::council::sheets::criterion_typed;
use crate::council::{format_points, parse_points, Score};
use crate::error::{CouncilError, Error, Result};
use crate::model::{CampaignId, MeetingId, MemberId, NominationId, NomineeKind, SheetSource};
use crate::room::{
    open_room, Cell, CriterionView, NomineeView, OwnedStore, Records, ResultRow, RoomConfig, RoomHandle, RoomStatus,
    SheetView,
};
use crate::store::Store;

/// Opens scoring by phone for the open meeting of the campaign: a server on `bind` (a port of
/// 0 picks a free one) with one link per member present. The room keeps `records`.
pub async fn open(records: Arc<dyn Records>, code: Option<&str>, bind: IpAddr, port: u16) -> Result<RoomHandle> {
    open_with(records, code, bind, port, crate::room::RATE_LIMIT).await
}

/// As `open`, with another limit of requests per address (tests on loopback, where every
/// member is one address).
pub async fn open_with(
    records: Arc<dyn Records>,
    code: Option<&str>,
    bind: IpAddr,
    port: u16,
    rate_limit: u32,
) -> Result<RoomHandle> {
    let mut config = None;
    records.with_store(&mut |s: &mut Store| {
        let c = s.campaign(code)?;
        let m = s.current_meeting(c.id)?.ok_or(Error::NoMeeting)?;
        let members =
            s.members(c.id)?.into_iter().filter(|x| m.present.contains(&x.id)).map(|x| (x.id, x.name)).collect();
        config = Some(RoomConfig { bind, port, campaign: c.id, meeting: m.id, members, rate_limit });
        Ok(())
    })?;
    let config = config.ok_or(Error::NoMeeting)?;
    open_room(records, config).await
}

/// The command line's records, owned by the room while it serves.
pub fn own(store: Store) -> Arc<OwnedStore> {
    Arc::new(OwnedStore(Mutex::new(store)))
}

/// Whether the campaign still has an open meeting (the room closes when the meeting does).
pub fn meeting_open(records: &dyn Records, code: Option<&str>) -> bool {
    let mut open = false;
    let _ = records.with_store(&mut |s: &mut Store| {
        let c = s.campaign(code)?;
        open = s.current_meeting(c.id)?.is_some();
        Ok(())
    });
    open
}

/// Locks the open meeting's score sheets (phones and the council screen alike).
pub fn lock(store: &mut Store, code: Option<&str>) -> Result<()> {
    let c = store.campaign(code)?;
    store.lock_sheets(c.id)?;
    Ok(())
}

/// Shows the ranking on the members' phones (`shown`), or hides it again.
pub fn show_results(store: &mut Store, code: Option<&str>, shown: bool) -> Result<()> {
    let c = store.campaign(code)?;
    store.show_results(c.id, shown)?;
    Ok(())
}

/// The machine's addresses to offer for the room's network.
pub fn addresses() -> Vec<(String, IpAddr)> {
    crate::room::interfaces()
}

/// Whether `meeting` is still the campaign's open meeting: a room serves that meeting alone, and
/// every request from a phone is checked against it.
pub fn serves(store: &Store, campaign: CampaignId, meeting: MeetingId) -> Result<bool> {
    Ok(store.current_meeting(campaign)?.is_some_and(|m| m.id == meeting))
}

/// A member's sheet as the phone shows it: the nominees the member scores (not those the member
/// is recused for), each with its criteria, maxima and the points already given.
pub fn phone_sheet(
    store: &Store,
    campaign: CampaignId,
    meeting: MeetingId,
    member: MemberId,
    name: String,
) -> Result<SheetView> {
    let c = store.campaign_by_id(campaign)?;
    let recusals = store.recusals(campaign)?;
    let scores = store.scores(meeting)?;
    let locked = store.sheets_locked(meeting)?;
    let awardees = crate::documents::awardees_in(&store.nominations(campaign)?, c.settings.decision.annex_order);
    let nominees = awardees
        .iter()
        .filter(|a| !recusals.is(member, a.id))
        .map(|a| NomineeView {
            id: a.id.0,
            name: a.addressed(),
            detail: a.position_and_unit(),
            criteria: c
                .criteria
                .for_kind(a.kind)
                .iter()
                .map(|k| CriterionView {
                    label: k.label.clone(),
                    max: format_points(k.max_half_points),
                    text: k.text.clone(),
                    points: scores
                        .iter()
                        .find(|x| x.member == member && x.nomination == a.id && x.criterion == k.number)
                        .map(|x| format_points(x.half_points))
                        .unwrap_or_default(),
                })
                .collect(),
        })
        .collect();
    Ok(SheetView { member: name, locked, nominees })
}

/// Records a sheet sent from a member's phone: each cell's criterion and points are read as the
/// council screen reads them, then recorded with the same rules as a typed sheet (bounds, half
/// points, presence, recusal, complete sheets), in one transaction, marked as sent by phone.
pub fn record_phone_sheet(
    store: &mut Store,
    campaign: CampaignId,
    meeting: MeetingId,
    member: MemberId,
    cells: &[Cell],
) -> Result<()> {
    if store.sheets_locked(meeting)? {
        return Err(CouncilError::SheetsLocked.into());
    }
    let c = store.campaign_by_id(campaign)?;
    let kinds: HashMap<NominationId, NomineeKind> =
        store.nominees(campaign, None)?.into_iter().map(|n| (n.id, n.kind)).collect();
    let mut scores = Vec::with_capacity(cells.len());
    for cell in cells {
        let id = NominationId(cell.nomination);
        let kind = kinds.get(&id).ok_or(Error::Council(CouncilError::NotANominee(id)))?;
        let criteria = c.criteria.for_kind(*kind);
        let criterion = criterion_typed(criteria, &cell.criterion)
            .ok_or_else(|| CouncilError::UnknownCriterion { number: 0, kind: kind.label().to_lowercase() })?;
        let half_points = parse_points(&cell.points).ok_or_else(|| CouncilError::PointsOutOfRange {
            criterion: criterion.label.clone(),
            max: format_points(criterion.max_half_points),
        })?;
        scores.push(Score { member, nomination: id, criterion: criterion.number, half_points });
    }
    store.record_scores_from(campaign, None, &scores, SheetSource::Phone)?;
    Ok(())
}

/// What a phone polls while its sheet is open: whether the sheets are locked, and the ranking
/// once the secretary shows it (never before).
pub fn phone_status(store: &Store, campaign: CampaignId, meeting: MeetingId) -> Result<RoomStatus> {
    let locked = store.sheets_locked(meeting)?;
    let results = if store.results_shown(meeting)? {
        let report = store.ranking(campaign, None)?;
        Some(
            report
                .ranked
                .iter()
                .map(|r| ResultRow {
                    rank: r.rank,
                    name: r.name.clone(),
                    average: r.average.map(|a| a.text()).unwrap_or_default(),
                })
                .collect(),
        )
    } else {
        None
    };
    Ok(RoomStatus { locked, results })
}
