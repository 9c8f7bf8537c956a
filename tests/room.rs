//! The meeting room's server on loopback, driven over real HTTP: a member's link becomes a
//! cookie, the sheet is read and sent, a sheet sent twice is recorded once; other members',
//! wrong, closed or earlier meetings' links are refused with nothing written; bodies and scores
//! are bounded; the desktop's paths are not served; after close nothing listens; and fifteen
//! members sending twenty times each at once lose and double nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod pdf;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use thidua::model::{CouncilRole, MemberId};
use thidua::room::{OwnedStore, Records, RoomHandle, RoomStatus, SheetView};
use thidua::Store;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

/// The example campaign appraised, `n` members present at an open meeting.
fn records(n: usize) -> (Arc<OwnedStore>, Vec<MemberId>) {
    let (mut store, c) = common::example_store();
    thidua::app::intake::import_nominations(&mut store, &c, &common::fixture("nominations-example.csv")).unwrap();
    store.accept_all(c.id).unwrap();
    let ids: Vec<MemberId> = (0..n)
        .map(|i| {
            let role = if i == 0 { CouncilRole::Chair } else { CouncilRole::Member };
            store.add_member(c.id, &format!("Thành viên Số {i:02}"), None, role).unwrap()
        })
        .collect();
    store.open_meeting_at(c.id, chrono::NaiveDate::from_ymd_opt(2024, 1, 8).unwrap(), None, None, &ids).unwrap();
    (thidua::app::room::own(store), ids)
}

struct Reply {
    status: u16,
    headers: String,
    body: String,
}

/// One HTTP/1.1 request on a fresh connection.
async fn http(addr: SocketAddr, method: &str, path: &str, cookie: Option<&str>, body: &[u8]) -> Reply {
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut head =
        format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    if let Some(c) = cookie {
        head.push_str(&format!("Cookie: {c}\r\n"));
    }
    if !body.is_empty() {
        head.push_str("Content-Type: application/json\r\n");
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).await.unwrap();
    s.write_all(body).await.unwrap();
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw).await;
    let text = String::from_utf8_lossy(&raw).to_string();
    let (headers, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = headers.split_whitespace().nth(1).unwrap_or("0").parse().unwrap();
    Reply { status, headers: headers.to_lowercase(), body: body.to_string() }
}

/// The session cookie a member's link gives.
async fn enter(room: &RoomHandle, member: usize) -> String {
    let path = room.links[member].url.split_once(&room.addr.to_string()).unwrap().1.to_string();
    let r = http(room.addr, "GET", &path, None, b"").await;
    assert_eq!(r.status, 303, "{}", r.headers);
    assert!(r.headers.contains("httponly") && r.headers.contains("samesite=strict"), "{}", r.headers);
    let cookie = r.headers.lines().find_map(|l| l.strip_prefix("set-cookie: ")).unwrap();
    cookie.split(';').next().unwrap().to_string()
}

/// Every cell of a member's sheet, each worth `points` (capped at the criterion's maximum).
fn full_sheet(sheet: &SheetView, points: f64) -> String {
    let cells: Vec<serde_json::Value> = sheet
        .nominees
        .iter()
        .flat_map(|n| {
            n.criteria.iter().map(move |c| {
                let max: f64 = c.max.replace(',', ".").parse().unwrap();
                serde_json::json!({"nomination": n.id, "criterion": c.label, "points": points.min(max).to_string().replace('.', ",")})
            })
        })
        .collect();
    serde_json::json!({ "scores": cells }).to_string()
}

fn count(records: &OwnedStore, sql_table: &str) -> i64 {
    let mut n = 0;
    records
        .with_store(&mut |s: &mut Store| {
            let c = s.campaign(None)?;
            let report = s.ranking(c.id, None)?;
            n = match sql_table {
                "complete" => report.sheets.iter().filter(|(_, x)| x.complete()).count() as i64,
                _ => {
                    let m = report.meeting.as_ref().unwrap().id;
                    s.scores(m)?.len() as i64
                }
            };
            Ok(())
        })
        .unwrap();
    n
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_scores_on_a_phone_and_a_sheet_sent_twice_is_recorded_once() {
    let (records, _) = records(3);
    let room = thidua::app::room::open(records.clone(), None, LOOPBACK, 0).await.unwrap();
    assert_eq!(room.links.len(), 3);
    let cookie = enter(&room, 0).await;
    let page = http(room.addr, "GET", "/phieu", Some(&cookie), b"").await;
    assert_eq!(page.status, 200);
    assert!(
        page.headers.contains("content-security-policy: default-src 'none'; script-src 'self'"),
        "{}",
        page.headers
    );
    assert!(page.body.contains("PHIẾU CHẤM ĐIỂM") && page.body.contains("/phieu.js"));
    let r = http(room.addr, "GET", "/api/phieu", Some(&cookie), b"").await;
    assert_eq!(r.status, 200, "{}", r.body);
    let sheet: SheetView = serde_json::from_str(&r.body).unwrap();
    assert_eq!(sheet.member, "Thành viên Số 00");
    assert_eq!(sheet.nominees.len(), 6);
    assert!(!r.body.contains("average") && !r.body.contains("rank"), "no result on the phone");
    let body = full_sheet(&sheet, 7.5);
    for _ in 0..2 {
        let r = http(room.addr, "POST", "/api/phieu", Some(&cookie), body.as_bytes()).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r.body.contains("Đã ghi phiếu"), "{}", r.body);
    }
    let cells: usize = sheet.nominees.iter().map(|n| n.criteria.len()).sum();
    assert_eq!(count(&records, "scores"), cells as i64, "sent twice, recorded once");
    // Read back: the points given are on the sheet the phone reloads.
    let again: SheetView =
        serde_json::from_str(&http(room.addr, "GET", "/api/phieu", Some(&cookie), b"").await.body).unwrap();
    assert!(again.nominees.iter().all(|n| n.criteria.iter().all(|c| !c.points.is_empty())));
    room.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_closed_and_earlier_links_oversized_bodies_and_excess_points_are_refused() {
    let (records, _) = records(3);
    let room = thidua::app::room::open(records.clone(), None, LOOPBACK, 0).await.unwrap();
    let addr = room.addr;
    // A made-up token, and the desktop's own paths.
    let r = http(addr, "GET", &format!("/p/{}", "ab".repeat(32)), None, b"").await;
    assert_eq!(r.status, 403);
    assert!(!r.body.contains("Thành viên"), "no member's name in a refusal: {}", r.body);
    for path in ["/", "/index.html", "/ipc/document_bytes", "/api/ranking", "/phieu"] {
        let r = http(addr, "GET", path, None, b"").await;
        assert!(r.status == 404 || r.status == 403, "{path}: {}", r.status);
    }
    let r = http(addr, "POST", "/api/phieu", Some("phieu=forged"), b"{\"scores\":[]}").await;
    assert_eq!(r.status, 403);
    // Member 1's cookie writes member 1's sheet only: the body names no member.
    let cookie = enter(&room, 1).await;
    let sheet: SheetView =
        serde_json::from_str(&http(addr, "GET", "/api/phieu", Some(&cookie), b"").await.body).unwrap();
    assert_eq!(sheet.member, "Thành viên Số 01");
    // A score above a criterion's maximum: refused whole, nothing written.
    let n = &sheet.nominees[0];
    let over = serde_json::json!({"scores": [{"nomination": n.id, "criterion": n.criteria[0].label, "points": "99"}]})
        .to_string();
    let r = http(addr, "POST", "/api/phieu", Some(&cookie), over.as_bytes()).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("phải từ 0 đến"), "{}", r.body);
    let half = serde_json::json!({"scores": [{"nomination": n.id, "criterion": n.criteria[0].label, "points": "7,3"}]})
        .to_string();
    assert_eq!(http(addr, "POST", "/api/phieu", Some(&cookie), half.as_bytes()).await.status, 422);
    assert_eq!(count(&records, "scores"), 0);
    // An oversized body.
    let big = vec![b' '; thidua::room::MAX_BODY + 10];
    let r = http(addr, "POST", "/api/phieu", Some(&cookie), &big).await;
    assert_eq!(r.status, 413);
    assert_eq!(count(&records, "scores"), 0);

    // The meeting ends: the links and the session stop working; a new meeting's room does not
    // take the earlier meeting's links.
    let old_link = room.links[2].url.split_once(&addr.to_string()).unwrap().1.to_string();
    records
        .with_store(&mut |s: &mut Store| {
            let c = s.campaign(None)?;
            s.close_meeting(c.id)
        })
        .unwrap();
    assert_eq!(http(addr, "GET", &old_link, None, b"").await.status, 403);
    assert_eq!(http(addr, "GET", "/api/phieu", Some(&cookie), b"").await.status, 403);
    room.close().await;
    assert!(tokio::net::TcpStream::connect(addr).await.is_err(), "nothing listens after close");

    records
        .with_store(&mut |s: &mut Store| {
            let c = s.campaign(None)?;
            let present: Vec<MemberId> = s.members(c.id)?.iter().map(|m| m.id).collect();
            s.open_meeting_at(c.id, chrono::NaiveDate::from_ymd_opt(2024, 1, 9).unwrap(), None, None, &present)?;
            Ok(())
        })
        .unwrap();
    let second = thidua::app::room::open(records.clone(), None, LOOPBACK, 0).await.unwrap();
    assert_eq!(http(second.addr, "GET", &old_link, None, b"").await.status, 403, "an earlier meeting's link");
    second.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_address_sending_too_fast_is_slowed_down() {
    let (records, _) = records(2);
    let room = thidua::app::room::open_with(records, None, LOOPBACK, 0, 5).await.unwrap();
    let mut statuses = Vec::new();
    for _ in 0..7 {
        statuses.push(http(room.addr, "GET", "/phieu.css", None, b"").await.status);
    }
    assert_eq!(statuses, [200, 200, 200, 200, 200, 429, 429]);
    room.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_room_binds_one_address_only() {
    let (records, _) = records(2);
    let any = IpAddr::V4(Ipv4Addr::UNSPECIFIED);
    let e = thidua::app::room::open(records, None, any, 0).await.err().unwrap();
    assert!(e.to_string().contains("chỉ mở trên một địa chỉ cụ thể"), "{e}");
}

/// Fifteen members each send their whole sheet twenty times at once: every sheet complete, no
/// score doubled or lost; the latencies are printed (the closing note's figures come from a
/// release build of this test).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifteen_members_sending_twenty_times_at_once_lose_and_double_nothing() {
    let members = 15;
    let rounds: usize = std::env::var("ROOM_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(20);
    let (records, _) = records(members);
    // Every member is 127.0.0.1 here; in the room each phone has its own address and limit.
    let room = Arc::new(thidua::app::room::open_with(records.clone(), None, LOOPBACK, 0, u32::MAX).await.unwrap());
    let mut tasks = Vec::new();
    for m in 0..members {
        let room = room.clone();
        tasks.push(tokio::spawn(async move {
            let cookie = enter(&room, m).await;
            let sheet: SheetView =
                serde_json::from_str(&http(room.addr, "GET", "/api/phieu", Some(&cookie), b"").await.body).unwrap();
            let mut times = Vec::new();
            for round in 0..rounds {
                let body = full_sheet(&sheet, (m % 5) as f64 + (round % 2) as f64 * 0.5);
                let start = Instant::now();
                let r = http(room.addr, "POST", "/api/phieu", Some(&cookie), body.as_bytes()).await;
                times.push(start.elapsed());
                assert_eq!(r.status, 200, "{}", r.body);
            }
            times
        }));
    }
    let mut all: Vec<Duration> = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    all.sort();
    let p = |q: f64| all[((all.len() as f64 * q) as usize).min(all.len() - 1)];
    eprintln!(
        "room load: {} submissions, p50 {:?}, p99 {:?}, max {:?}",
        all.len(),
        p(0.5),
        p(0.99),
        all[all.len() - 1]
    );
    assert_eq!(count(&records, "complete"), members as i64);
    assert_eq!(count(&records, "scores"), members as i64 * 26, "6 nominees: 2 × 7 + 4 × 3 cells each");
    match Arc::try_unwrap(room) {
        Ok(room) => room.close().await,
        Err(_) => panic!("the room is still shared"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn phones_see_the_lock_and_the_ranking_only_once_shown_and_the_minutes_say_how_sheets_came() {
    let (records, ids) = records(3);
    records.with_store(&mut |s: &mut Store| s.set_actor("Đào Thị Thu")).unwrap();
    let room = thidua::app::room::open(records.clone(), None, LOOPBACK, 0).await.unwrap();
    let phone = enter(&room, 0).await;
    let status = |body: String| serde_json::from_str::<RoomStatus>(&body).unwrap();
    let s0 = status(http(room.addr, "GET", "/api/trang-thai", Some(&phone), b"").await.body);
    assert_eq!(s0, RoomStatus { locked: false, results: None });
    // Member 0 sends from the phone; members 1 and 2 hand in paper, typed by the secretary.
    let sheet: SheetView =
        serde_json::from_str(&http(room.addr, "GET", "/api/phieu", Some(&phone), b"").await.body).unwrap();
    let r = http(room.addr, "POST", "/api/phieu", Some(&phone), full_sheet(&sheet, 8.0).as_bytes()).await;
    assert_eq!(r.status, 200, "{}", r.body);
    records
        .with_store(&mut |s: &mut Store| {
            let c = s.campaign(None)?;
            let phone_scores = s.scores(s.current_meeting(c.id)?.unwrap().id)?;
            for (i, m) in ids[1..].iter().enumerate() {
                let paper: Vec<_> = phone_scores
                    .iter()
                    .map(|x| thidua::council::Score { member: *m, half_points: x.half_points - 1 - i as i64, ..*x })
                    .collect();
                s.record_scores(c.id, None, &paper)?;
            }
            Ok(())
        })
        .unwrap();
    // Not shown yet: nothing of the ranking reaches the phone.
    let before = http(room.addr, "GET", "/api/trang-thai", Some(&phone), b"").await;
    assert_eq!(status(before.body.clone()).results, None);
    assert!(!before.body.contains("Thành viên") && !before.body.contains("average"), "{}", before.body);
    records
        .with_store(&mut |s: &mut Store| {
            thidua::app::room::show_results(s, None, true)?;
            thidua::app::room::lock(s, None)
        })
        .unwrap();
    let shown = status(http(room.addr, "GET", "/api/trang-thai", Some(&phone), b"").await.body);
    assert!(shown.locked);
    let rows = shown.results.unwrap();
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[0].rank, Some(1));
    assert!(!rows[0].average.is_empty() && !rows[0].name.is_empty());
    // Locked: the phone's sheet is refused whole.
    let r = http(room.addr, "POST", "/api/phieu", Some(&phone), full_sheet(&sheet, 9.0).as_bytes()).await;
    assert_eq!(r.status, 422, "{}", r.body);
    // Hidden again.
    records.with_store(&mut |s: &mut Store| thidua::app::room::show_results(s, None, false)).unwrap();
    assert_eq!(status(http(room.addr, "GET", "/api/trang-thai", Some(&phone), b"").await.body).results, None);
    // Without a session: refused.
    assert_eq!(http(room.addr, "GET", "/api/trang-thai", None, b"").await.status, 403);
    room.close().await;

    // The record says where each sheet came from, and who typed the paper ones.
    let dir = tempfile::tempdir().unwrap();
    records
        .with_store(&mut |s: &mut Store| {
            let c = s.campaign(None)?;
            let m = s.current_meeting(c.id)?.unwrap();
            let entries = s.sheet_entries(m.id)?;
            assert_eq!(entries.len(), 3);
            assert_eq!(entries[0].describe(), "gửi từ điện thoại");
            assert_eq!(entries[1].describe(), "phiếu giấy, do Đào Thị Thu nhập");
            let pdf = pdf::write(s, &c, thidua::documents::DocumentKind::Minutes, &Default::default(), dir.path());
            let t = pdf::flat(&pdf::text(&pdf, None));
            let said = "Phiếu chấm của Thành viên Số 00 gửi từ điện thoại qua mạng nội bộ của phòng họp; phiếu giấy \
                        của Thành viên Số 01 (do Đào Thị Thu nhập), Thành viên Số 02 (do Đào Thị Thu nhập) được nhập vào máy.";
            assert!(t.contains(said), "{t}");
            Ok(())
        })
        .unwrap();
}
