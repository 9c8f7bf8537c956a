//! The meeting room: scoring by phone over the room's network, for the campaign's open meeting.

use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use crate::error::{Error, Result};
use crate::room::{open_room, OwnedStore, Records, RoomConfig, RoomHandle};
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
