//! Commands of the meeting room on the council screen: the PC's addresses to pick the room's
//! network from, opening scoring by phone (one QR code per member present), and closing it. The
//! server runs on the async runtime Tauri already runs; it reaches the records through the
//! window's own state, one caller at a time.

use std::sync::Mutex;

use tauri::{AppHandle, Manager, State};
use thidua::error::Error;
use thidua::room::{Records, RoomHandle};
use thidua::Store;

use crate::dto::*;
use crate::state::{ApiResult, AppState};

/// The room while scoring is open.
#[derive(Default)]
pub struct RoomState(pub Mutex<Option<(RoomHandle, RoomView)>>);

/// The window's records, as the room reads and writes them.
struct WindowRecords(AppHandle);

impl Records for WindowRecords {
    fn with_store(&self, f: &mut dyn FnMut(&mut Store) -> thidua::error::Result<()>) -> thidua::error::Result<()> {
        let state = self.0.state::<AppState>();
        let mut store = state.store().map_err(|e| Error::Document(e.message))?;
        f(&mut store)
    }
}

/// The PC's addresses on its networks, and this PC alone last.
#[tauri::command(async)]
#[specta::specta]
pub fn room_addresses() -> Vec<RoomAddressView> {
    let mut list: Vec<RoomAddressView> = thidua::app::room::addresses()
        .into_iter()
        .map(|(name, ip)| RoomAddressView { label: format!("{ip} ({name})"), address: ip.to_string() })
        .collect();
    list.push(RoomAddressView { label: "127.0.0.1 (chỉ máy này)".into(), address: "127.0.0.1".into() });
    list
}

/// Opens scoring by phone for the open meeting, on `address`.
#[tauri::command]
#[specta::specta]
pub async fn open_room(app: AppHandle, room: State<'_, RoomState>, address: String) -> ApiResult<RoomView> {
    let ip: std::net::IpAddr =
        address.parse().map_err(|_| ApiError::field("invalid_field", "Chọn địa chỉ mạng của phòng họp.", "address"))?;
    if let Some((_, view)) = &*room.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner) {
        return Ok(view.clone());
    }
    let records = std::sync::Arc::new(WindowRecords(app.clone()));
    let handle = thidua::app::room::open(records, None, ip, 0).await?;
    let view = RoomView {
        address: handle.addr.to_string(),
        links: handle
            .links
            .iter()
            .map(|l| RoomLinkView {
                member_id: l.member.0,
                name: l.name.clone(),
                url: l.url.clone(),
                qr_svg: l.qr_svg(),
            })
            .collect(),
    };
    *room.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some((handle, view.clone()));
    Ok(view)
}

/// The room while it is open.
#[tauri::command(async)]
#[specta::specta]
pub fn room(room: State<'_, RoomState>) -> Option<RoomView> {
    room.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).as_ref().map(|(_, v)| v.clone())
}

/// Closes scoring by phone: nothing listens after.
#[tauri::command]
#[specta::specta]
pub async fn close_room(room: State<'_, RoomState>) -> ApiResult<()> {
    let taken = room.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
    if let Some((handle, _)) = taken {
        handle.close().await;
    }
    Ok(())
}

/// Locks the open meeting's score sheets.
#[tauri::command(async)]
#[specta::specta]
pub fn lock_sheets(state: State<'_, AppState>) -> ApiResult<()> {
    Ok(thidua::app::room::lock(&mut *state.store()?, None)?)
}

/// Shows the ranking on the members' phones (`shown`), or hides it again.
#[tauri::command(async)]
#[specta::specta]
pub fn show_results(state: State<'_, AppState>, shown: bool) -> ApiResult<()> {
    Ok(thidua::app::room::show_results(&mut *state.store()?, None, shown)?)
}

/// Sets the spread of members' totals flagged for discussion, as typed («20», «12,5»).
#[tauri::command(async)]
#[specta::specta]
pub fn set_disagreement(state: State<'_, AppState>, points: String) -> ApiResult<()> {
    thidua::app::council::set_disagreement(&mut *state.store()?, None, &points)?;
    Ok(())
}

/// The campaign's recusals: found from the members' positions, or marked by the secretary.
#[tauri::command(async)]
#[specta::specta]
pub fn recusals(state: State<'_, AppState>) -> ApiResult<Vec<RecusalView>> {
    Ok(thidua::app::council::recusals(&*state.store()?, None)?.into_iter().map(RecusalView::from).collect())
}

/// Marks (`recused`) or clears a member's recusal for a nominee, before the nominee is scored.
#[tauri::command(async)]
#[specta::specta]
pub fn set_recusal(
    state: State<'_, AppState>,
    member_id: i64,
    nomination_id: i64,
    recused: bool,
) -> ApiResult<Vec<RecusalView>> {
    let lines = thidua::app::council::recuse(
        &mut *state.store()?,
        None,
        &member_id.to_string(),
        thidua::model::NominationId(nomination_id),
        recused,
    )?;
    Ok(lines.into_iter().map(RecusalView::from).collect())
}
