//! The meeting room: members score the open meeting's nominees on their own phones, over the
//! room's network, on a small HTTP server the office PC runs only while scoring is open. It is
//! bound to one address the secretary picks (never every interface by default); each member
//! present gets a link with a random token bound to that member and that meeting, swapped on
//! first use for an HttpOnly cookie. Every score goes through the same core rules as typed ones
//! (`app::room::record_phone_sheet`: bounds, half points, presence, recusal, the lock). Requests
//! are bounded in size and rate; the desktop window and its IPC are never served; the ranking
//! reaches the phones only once the secretary shows it.

mod page;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{CampaignId, MeetingId, MemberId};
use crate::store::Store;

/// The records the room reads and writes, one caller at a time (the command line's own store,
/// or the window's).
pub trait Records: Send + Sync + 'static {
    fn with_store(&self, f: &mut dyn FnMut(&mut Store) -> Result<()>) -> Result<()>;
}

/// A store owned by the room (the command line's).
pub struct OwnedStore(pub Mutex<Store>);

impl Records for OwnedStore {
    fn with_store(&self, f: &mut dyn FnMut(&mut Store) -> Result<()>) -> Result<()> {
        let mut guard = self.0.lock().map_err(|_| Error::Document("cơ sở dữ liệu đang bận".into()))?;
        f(&mut guard)
    }
}

/// The largest request body accepted (a whole sheet of 200 nominees fits many times over).
pub const MAX_BODY: usize = 64 * 1024;
/// Requests one address may make in `RATE_WINDOW`.
pub const RATE_LIMIT: u32 = 120;
pub const RATE_WINDOW: Duration = Duration::from_secs(10);
/// The session cookie's name.
const COOKIE: &str = "phieu";

/// One member's link, to show as a QR code or hand over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberLink {
    pub member: MemberId,
    pub name: String,
    pub url: String,
}

impl MemberLink {
    /// The link as a QR code, an SVG picture for the secretary's screen.
    pub fn qr_svg(&self) -> String {
        match qrcode::QrCode::new(self.url.as_bytes()) {
            Ok(code) => {
                code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(180, 180).quiet_zone(true).build()
            }
            Err(_) => String::new(),
        }
    }
}

/// What a room serves: the open meeting of a campaign, for the members present.
#[derive(Debug, Clone)]
pub struct RoomConfig {
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub campaign: CampaignId,
    pub meeting: MeetingId,
    pub members: Vec<(MemberId, String)>,
    /// Requests one address may make in `RATE_WINDOW` (each phone has its own address).
    pub rate_limit: u32,
}

struct Room {
    records: Arc<dyn Records>,
    campaign: CampaignId,
    meeting: MeetingId,
    tokens: HashMap<String, MemberId>,
    names: HashMap<MemberId, String>,
    sessions: Mutex<HashMap<String, MemberId>>,
    rate: Mutex<HashMap<IpAddr, (Instant, u32)>>,
    rate_limit: u32,
}

/// A running room; `close` stops it, after which nothing listens.
pub struct RoomHandle {
    pub addr: SocketAddr,
    pub links: Vec<MemberLink>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
}

impl RoomHandle {
    /// Stops the server and waits until its socket is closed.
    pub async fn close(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let _ = (&mut self.task).await;
    }
}

/// 32 random bytes as hex: a token or a session id.
fn random_id() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| Error::Document(format!("không tạo được mã ngẫu nhiên: {e}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The machine's IPv4 addresses other than loopback, with their interface's name, for the
/// secretary to pick the room's network from.
pub fn interfaces() -> Vec<(String, IpAddr)> {
    if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter(|i| !i.is_loopback() && i.ip().is_ipv4())
        .map(|i| (i.name.clone(), i.ip()))
        .collect()
}

/// Starts the room's server on the tokio runtime this is called on.
pub async fn open_room(records: Arc<dyn Records>, config: RoomConfig) -> Result<RoomHandle> {
    if config.bind.is_unspecified() {
        return Err(Error::Document(
            "máy chủ chấm điểm chỉ mở trên một địa chỉ cụ thể của máy (ví dụ 192.168.1.10), không mở trên mọi mạng"
                .into(),
        ));
    }
    let listener = tokio::net::TcpListener::bind((config.bind, config.port)).await.map_err(|e| {
        Error::Document(format!("không mở được máy chủ chấm điểm trên {}:{}: {e}", config.bind, config.port))
    })?;
    let addr = listener.local_addr().map_err(|e| Error::Document(e.to_string()))?;
    let mut tokens = HashMap::new();
    let mut links = Vec::new();
    for (id, name) in &config.members {
        let token = random_id()?;
        let host = match addr.ip() {
            IpAddr::V6(ip) => format!("[{ip}]"),
            IpAddr::V4(ip) => ip.to_string(),
        };
        links.push(MemberLink {
            member: *id,
            name: name.clone(),
            url: format!("http://{host}:{}/p/{token}", addr.port()),
        });
        tokens.insert(token, *id);
    }
    let room = Arc::new(Room {
        records,
        campaign: config.campaign,
        meeting: config.meeting,
        tokens,
        names: config.members.iter().cloned().collect(),
        sessions: Mutex::new(HashMap::new()),
        rate: Mutex::new(HashMap::new()),
        rate_limit: config.rate_limit,
    });
    let app = Router::new()
        .route("/p/{token}", get(enter))
        .route("/phieu", get(sheet_page))
        .route("/phieu.js", get(|| async { asset("text/javascript; charset=utf-8", page::SCRIPT) }))
        .route("/phieu.css", get(|| async { asset("text/css; charset=utf-8", page::STYLE) }))
        .route("/api/phieu", get(sheet).post(submit))
        .route("/api/trang-thai", get(status))
        .fallback(|| async { refuse(StatusCode::NOT_FOUND, "Không có trang này.") })
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn_with_state(room.clone(), guard))
        .with_state(room);
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let service = app.into_make_service_with_connect_info::<SocketAddr>();
        let _ = axum::serve(listener, service)
            .with_graceful_shutdown(async {
                let _ = rx.await;
            })
            .await;
    });
    Ok(RoomHandle { addr, links, shutdown: Some(tx), task })
}

/// Headers every answer carries: a strict content security policy, no framing, no caching, no
/// referrer (the token must not travel on).
fn secure(mut response: Response) -> Response {
    let h = response.headers_mut();
    let set = |h: &mut HeaderMap, k: header::HeaderName, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set(
        h,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; \
         form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(h, header::CACHE_CONTROL, "no-store");
    response
}

/// Rate per address, then the security headers on whatever the handlers answer.
async fn guard(
    State(room): State<Arc<Room>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
    next: Next,
) -> Response {
    let limited = {
        let mut rate = room.rate.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let now = Instant::now();
        let entry = rate.entry(peer.ip()).or_insert((now, 0));
        if now.duration_since(entry.0) > RATE_WINDOW {
            *entry = (now, 0);
        }
        entry.1 += 1;
        entry.1 > room.rate_limit
    };
    if limited {
        return secure(refuse(StatusCode::TOO_MANY_REQUESTS, "Gửi quá nhiều yêu cầu; hãy chờ ít giây rồi thử lại."));
    }
    secure(next.run(req).await)
}

fn asset(kind: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

#[derive(Serialize)]
struct Message {
    message: String,
}

fn refuse(status: StatusCode, message: &str) -> Response {
    (status, Json(Message { message: message.to_string() })).into_response()
}

/// A forbidden request, logged with the address it came from and never a member's name.
fn forbidden(peer: SocketAddr, why: &str) -> Response {
    eprintln!("[phòng họp] từ chối yêu cầu từ {}: {why}", peer.ip());
    refuse(StatusCode::FORBIDDEN, "Đường dẫn không hợp lệ hoặc đã hết hạn. Hãy xin thư ký Hội đồng mã mới.")
}

/// The link: the token becomes a session cookie, and the browser goes on to the sheet.
async fn enter(
    State(room): State<Arc<Room>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(token): Path<String>,
) -> Response {
    let Some(member) = room.tokens.get(&token).copied() else {
        return forbidden(peer, "mã không hợp lệ");
    };
    if !room.meeting_open() {
        return forbidden(peer, "cuộc họp không còn mở");
    }
    let Ok(session) = random_id() else {
        return refuse(StatusCode::INTERNAL_SERVER_ERROR, "Không tạo được phiên làm việc.");
    };
    room.sessions.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(session.clone(), member);
    let cookie = format!("{COOKIE}={session}; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200");
    let mut r = (StatusCode::SEE_OTHER, [(header::LOCATION, "/phieu")]).into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        r.headers_mut().insert(header::SET_COOKIE, v);
    }
    r
}

impl Room {
    /// The member of the request's session cookie.
    fn member(&self, headers: &HeaderMap) -> Option<MemberId> {
        let cookies = headers.get_all(header::COOKIE);
        let sessions = self.sessions.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        cookies
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|c| c.trim().strip_prefix(&format!("{COOKIE}=")))
            .find_map(|s| sessions.get(s).copied())
    }

    /// Runs `f` on the records (one caller at a time) and gives back what it returns.
    fn read<T>(&self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let mut f = Some(f);
        let mut out = None;
        self.records.with_store(&mut |s: &mut Store| {
            if let Some(f) = f.take() {
                out = Some(f(s)?);
            }
            Ok(())
        })?;
        out.ok_or_else(|| Error::Document("cơ sở dữ liệu không trả lời".into()))
    }

    /// Whether this room's meeting is still the campaign's open one.
    fn meeting_open(&self) -> bool {
        self.read(|s| crate::app::room::serves(s, self.campaign, self.meeting)).unwrap_or(false)
    }
}

/// The member behind a request: a valid session cookie while the room's meeting is still open.
/// Any other request is refused (403) and logged with its address, before its handler runs.
struct Member(MemberId);

impl axum::extract::FromRequestParts<Arc<Room>> for Member {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        room: &Arc<Room>,
    ) -> std::result::Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0)
            .unwrap_or_else(|| SocketAddr::from(([0, 0, 0, 0], 0)));
        let Some(member) = room.member(&parts.headers) else {
            return Err(forbidden(peer, "không có phiên làm việc hợp lệ"));
        };
        if !room.meeting_open() {
            return Err(forbidden(peer, "cuộc họp không còn mở"));
        }
        Ok(Member(member))
    }
}

async fn sheet_page(_: Member) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page::HTML).into_response()
}

/// A member's sheet as the phone shows it: the nominees the member scores (not those the
/// member is recused for), each with its criteria, maxima and the points already given.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct SheetView {
    pub member: String,
    pub locked: bool,
    pub nominees: Vec<NomineeView>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct NomineeView {
    pub id: i64,
    pub name: String,
    pub detail: String,
    pub criteria: Vec<CriterionView>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct CriterionView {
    pub label: String,
    pub max: String,
    pub text: String,
    /// The points given so far, as typed («7,5»), or empty.
    pub points: String,
}

async fn sheet(State(room): State<Arc<Room>>, Member(member): Member) -> Response {
    let name = room.names.get(&member).cloned().unwrap_or_default();
    match room.read(|s| crate::app::room::phone_sheet(s, room.campaign, room.meeting, member, name)) {
        Ok(view) => Json(view).into_response(),
        Err(e) => refuse(StatusCode::UNPROCESSABLE_ENTITY, &e.to_string()),
    }
}

/// A sheet as the phone sends it: each cell's dossier, criterion label and points as typed.
#[derive(Debug, Serialize, Deserialize)]
pub struct Submission {
    pub scores: Vec<Cell>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Cell {
    pub nomination: i64,
    pub criterion: String,
    pub points: String,
}

/// The most cells one submission may carry.
const MAX_CELLS: usize = 2_000;

async fn submit(State(room): State<Arc<Room>>, Member(member): Member, body: axum::body::Bytes) -> Response {
    let Ok(sub) = serde_json::from_slice::<Submission>(&body) else {
        return refuse(StatusCode::BAD_REQUEST, "Phiếu gửi lên không đọc được.");
    };
    if sub.scores.len() > MAX_CELLS {
        return refuse(StatusCode::PAYLOAD_TOO_LARGE, "Phiếu có quá nhiều ô.");
    }
    match room.read(|s| crate::app::room::record_phone_sheet(s, room.campaign, room.meeting, member, &sub.scores)) {
        Ok(()) => Json(Message { message: format!("Đã ghi phiếu ({} ô).", sub.scores.len()) }).into_response(),
        Err(e) => refuse(StatusCode::UNPROCESSABLE_ENTITY, &e.to_string()),
    }
}

/// What a phone polls while its sheet is open: whether the sheets are locked, and the ranking
/// once the secretary shows it (never before).
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct RoomStatus {
    pub locked: bool,
    pub results: Option<Vec<ResultRow>>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct ResultRow {
    pub rank: Option<u32>,
    pub name: String,
    /// «87,5», or empty while no complete sheet scored the nominee.
    pub average: String,
}

async fn status(State(room): State<Arc<Room>>, _: Member) -> Response {
    match room.read(|s| crate::app::room::phone_status(s, room.campaign, room.meeting)) {
        Ok(status) => Json(status).into_response(),
        Err(e) => refuse(StatusCode::UNPROCESSABLE_ENTITY, &e.to_string()),
    }
}
