//! The council's commands: members, meetings, scores, ranking, votes and the shortlist.

use std::path::PathBuf;

use clap::Subcommand;
use serde_json::json;
use thidua::app::council::{self as app, Attendance, MeetingState, MemberChange};
use thidua::error::InputError;
use thidua::model::{CouncilRole, MemberId, NominationId, NomineeKind, VoteCount};
use thidua::vn::{short_date, today_in_vietnam};
use thidua::{Error, Store};

#[derive(Subcommand)]
pub enum MembersCommand {
    /// Thêm thành viên Hội đồng.
    Add {
        name: String,
        /// Vai trò: Chủ tịch Hội đồng, Phó Chủ tịch Hội đồng, Ủy viên, Ủy viên thư ký.
        #[arg(long, value_name = "VAI_TRÒ")]
        role: Option<String>,
        /// Chức vụ.
        #[arg(long, value_name = "CHỨC_VỤ")]
        position: Option<String>,
    },
    /// Sửa tên, vai trò hoặc chức vụ của thành viên số ID (các trường không ghi giữ nguyên).
    Edit {
        id: i64,
        #[arg(long)]
        name: Option<String>,
        #[arg(long, value_name = "VAI_TRÒ")]
        role: Option<String>,
        #[arg(long, value_name = "CHỨC_VỤ")]
        position: Option<String>,
    },
    /// Bỏ thành viên số ID khỏi Hội đồng của đợt này (người đã thôi tham gia, chưa dự họp).
    Remove { id: i64 },
}

#[derive(Subcommand)]
pub enum MeetingCommand {
    /// Mở cuộc họp (mặc định hôm nay, mọi thành viên có mặt trừ người vắng).
    Open {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<chrono::NaiveDate>,
        #[arg(long, value_name = "ĐỊA_ĐIỂM")]
        place: Option<String>,
        /// Tên thành viên vắng mặt (có thể lặp lại).
        #[arg(long, value_name = "TÊN")]
        absent: Vec<String>,
        /// Giờ bắt đầu, HH:MM (ghi vào biên bản).
        #[arg(long, value_name = "HH:MM")]
        start: Option<chrono::NaiveTime>,
    },
    /// Kết thúc cuộc họp đang mở.
    Close {
        /// Giờ kết thúc, HH:MM (ghi vào biên bản).
        #[arg(long, value_name = "HH:MM")]
        end: Option<chrono::NaiveTime>,
    },
    /// Mở chấm điểm bằng điện thoại cho cuộc họp đang mở: in đường dẫn của từng thành viên có mặt rồi
    /// phục vụ đến khi nhận SIGTERM (hoặc Ctrl+C) hay cuộc họp kết thúc.
    Serve {
        /// Địa chỉ của máy trong mạng phòng họp (ví dụ 192.168.1.10); không ghi thì liệt kê các địa chỉ có.
        #[arg(long, value_name = "ĐỊA_CHỈ")]
        bind: Option<std::net::IpAddr>,
        /// Cổng; 0 (mặc định) chọn một cổng còn trống.
        #[arg(long, value_name = "CỔNG", default_value_t = 0)]
        port: u16,
        /// Mỗi thành viên một dòng JSON {"member": …, "url": …}.
        #[arg(long)]
        json: bool,
    },
    /// Khóa phiếu chấm của cuộc họp đang mở: không ghi hoặc sửa điểm được nữa.
    Lock,
    /// Hiện (hoặc ẩn) bảng xếp hạng trên điện thoại của các thành viên trong phòng họp.
    Results {
        #[arg(long, conflicts_with = "hide", required_unless_present = "hide")]
        show: bool,
        #[arg(long)]
        hide: bool,
    },
    /// Ngưỡng chênh lệch giữa tổng điểm cao nhất và thấp nhất của một hồ sơ để đưa ra thảo luận
    /// trước khi biểu quyết (mặc định 20 điểm).
    Threshold {
        #[arg(value_name = "ĐIỂM")]
        points: String,
    },
}

#[derive(Subcommand)]
pub enum ScoresCommand {
    /// Nhập điểm từ tệp CSV hoặc XLSX (Thành viên, Hồ sơ số, Tiêu chí, Điểm — như phiếu chấm điểm in): tất cả hoặc không dòng nào.
    Import {
        /// Tệp .csv hoặc .xlsx có các cột Thành viên, Hồ sơ số, Tiêu chí (1, 2, … hoặc a, b, … như phiếu in), Điểm.
        #[arg(value_name = "TỆP")]
        file: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum ShortlistCommand {
    /// Thêm hồ sơ vào danh sách đề nghị cấp trên khen thưởng.
    Add {
        id: i64,
        #[arg(long, value_name = "LÝ_DO")]
        reason: Option<String>,
    },
    /// Bỏ hồ sơ khỏi danh sách.
    Remove { id: i64 },
}

pub fn members(store: &mut Store, code: Option<&str>, cmd: Option<&MembersCommand>) -> Result<(), Error> {
    match cmd {
        None => {
            let (list, copied) = app::members(store, code)?;
            if copied > 0 {
                say!("Đã lấy {copied} thành viên từ Hội đồng của đợt thi đua trước.");
            }
            if list.is_empty() {
                say!("Hội đồng chưa có thành viên. Thêm bằng «thidua members add TÊN --role VAI_TRÒ».");
            }
            for m in list {
                say!("{}\t{}\t{}\t{}", m.id, m.name, m.role.label(), m.position.unwrap_or_default());
            }
        }
        Some(MembersCommand::Add { name, role, position }) => {
            let role = role.as_deref().map(parse_role).transpose()?.unwrap_or(CouncilRole::Member);
            let id = app::add_member(store, code, name, position.as_deref(), role)?;
            say!("Đã thêm thành viên số {id}: {} ({}).", thidua::vn::normalise_name(name), role.label());
        }
        Some(MembersCommand::Edit { id, name, role, position }) => {
            let change = MemberChange {
                name: name.clone(),
                role: role.as_deref().map(parse_role).transpose()?,
                position: position.clone(),
            };
            let m = app::edit_member(store, code, MemberId(*id), &change)?;
            say!("Đã sửa thành viên số {id}: {} ({}).", m.name, m.role.label());
        }
        Some(MembersCommand::Remove { id }) => {
            let m = app::remove_member(store, code, MemberId(*id))?;
            say!("Đã bỏ {} khỏi Hội đồng của đợt thi đua này.", m.name);
        }
    }
    Ok(())
}

fn parse_role(text: &str) -> Result<CouncilRole, Error> {
    CouncilRole::parse(text).ok_or_else(|| {
        InputError::Choice {
            field: "role",
            what: "vai trò",
            value: text.to_string(),
            choices: CouncilRole::ALL.map(CouncilRole::label).join(", "),
        }
        .into()
    })
}

fn say_meeting(state: Option<&MeetingState>) {
    match state {
        None => say!("Chưa có cuộc họp nào đang mở."),
        Some(s) => {
            say_quorum(s);
            if s.sheets_locked {
                say!("Phiếu chấm đã khóa.");
            }
            if s.results_shown {
                say!("Bảng xếp hạng đang hiện trên điện thoại của các thành viên.");
            }
        }
    }
}

fn say_quorum(s: &MeetingState) {
    say!(
        "Cuộc họp ngày {}: có mặt {}/{} thành viên (cần {}) – {}.",
        short_date(s.meeting.date),
        s.meeting.present.len(),
        s.members,
        s.needed,
        if s.quorum_met {
            "đủ điều kiện"
        } else {
            "KHÔNG đủ điều kiện, không ghi nhận kết quả"
        }
    );
}

pub fn meeting(store: &mut Store, code: Option<&str>, cmd: Option<&MeetingCommand>) -> Result<(), Error> {
    match cmd {
        None => {
            let state = app::open_meeting_state(store, code)?;
            say_meeting(state.as_ref());
            let (members, _) = app::members(store, code)?;
            for e in state.iter().flat_map(|s| &s.entries) {
                let name = members.iter().find(|m| m.id == e.member).map_or("", |m| m.name.as_str());
                say!("Phiếu của {name}: {}.", e.describe());
            }
        }
        Some(MeetingCommand::Open { date, place, absent, start }) => {
            let date = date.unwrap_or_else(today_in_vietnam);
            let attendance = Attendance::AllBut(absent.clone());
            let state = app::open_meeting(store, code, date, *start, place.as_deref(), &attendance)?;
            say_meeting(Some(&state));
        }
        Some(MeetingCommand::Close { end }) => {
            app::close_meeting(store, code, *end)?;
            say!("Đã kết thúc cuộc họp.");
        }
        Some(MeetingCommand::Lock) => {
            thidua::app::room::lock(store, code)?;
            say!("Đã khóa phiếu chấm của cuộc họp.");
        }
        Some(MeetingCommand::Results { show, .. }) => {
            thidua::app::room::show_results(store, code, *show)?;
            say!(
                "{}",
                if *show {
                    "Đã hiện bảng xếp hạng trên điện thoại của các thành viên."
                } else {
                    "Đã ẩn bảng xếp hạng trên điện thoại của các thành viên."
                }
            );
        }
        Some(MeetingCommand::Threshold { points }) => {
            let rules = app::set_disagreement(store, code, points)?;
            say!(
                "Hồ sơ có tổng điểm giữa các thành viên chênh trên {} điểm được đánh dấu để thảo luận.",
                thidua::council::format_points(rules.disagreement_half_points)
            );
        }
        // Served by `serve`, which owns the records while it runs.
        Some(MeetingCommand::Serve { .. }) => {}
    }
    Ok(())
}

/// Serves the meeting room until SIGTERM, Ctrl+C or the meeting's end; the records are the
/// room's meanwhile.
pub fn serve(
    store: Store,
    code: Option<&str>,
    bind: Option<std::net::IpAddr>,
    port: u16,
    json: bool,
) -> Result<(), Error> {
    let Some(bind) = bind else {
        let list: Vec<String> =
            thidua::app::room::addresses().iter().map(|(name, ip)| format!("{ip} ({name})")).collect();
        let choices = if list.is_empty() {
            "máy không có địa chỉ mạng nào ngoài 127.0.0.1".to_string()
        } else {
            list.join(", ")
        };
        return Err(thidua::error::InputError::Choice {
            field: "bind",
            what: "địa chỉ mạng phòng họp (--bind)",
            value: String::new(),
            choices,
        }
        .into());
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Document(format!("không khởi động được máy chủ: {e}")))?;
    runtime.block_on(async {
        let records = thidua::app::room::own(store);
        let room = thidua::app::room::open(records.clone(), code, bind, port).await?;
        for link in &room.links {
            if json {
                say!("{}", serde_json::json!({"member": link.name, "url": link.url}));
            } else {
                say!("{}\t{}", link.name, link.url);
            }
        }
        if !json {
            say!("Đang phục vụ trên {}; dừng bằng Ctrl+C, hoặc kết thúc cuộc họp.", room.addr);
        }
        let stop = stop_signal();
        tokio::pin!(stop);
        loop {
            tokio::select! {
                _ = &mut stop => break,
                _ = tokio::time::sleep(std::time::Duration::from_secs(1)) => {
                    if !thidua::app::room::meeting_open(records.as_ref(), code) {
                        break;
                    }
                }
            }
        }
        room.close().await;
        Ok(())
    })
}

/// SIGTERM or Ctrl+C.
async fn stop_signal() {
    #[cfg(unix)]
    {
        let Ok(mut term) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) else {
            let _ = tokio::signal::ctrl_c().await;
            return;
        };
        tokio::select! {
            _ = term.recv() => {}
            _ = tokio::signal::ctrl_c() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

pub fn scores(store: &mut Store, code: Option<&str>, cmd: &ScoresCommand) -> Result<(), Error> {
    let ScoresCommand::Import { file } = cmd;
    for line in app::import_scores(store, code, file, today_in_vietnam())? {
        say!("{line}");
    }
    Ok(())
}

pub fn ranking(store: &Store, code: Option<&str>, kind: Option<&str>, as_json: bool) -> Result<(), Error> {
    let kind = match kind {
        None => None,
        Some(k) => Some(NomineeKind::from_code(k).ok_or_else(|| InputError::Choice {
            field: "kind",
            what: "loại",
            value: k.to_string(),
            choices: "collective, individual".into(),
        })?),
    };
    let report = app::ranking(store, code, kind)?;
    if as_json {
        let v: Vec<_> = report
            .ranked
            .iter()
            .map(|r| {
                json!({
                    "nomination_id": r.nomination_id,
                    "name": r.name,
                    "kind": r.kind.code(),
                    "average": r.average.map(|a| a.hundredths() as f64 / 100.0),
                    "average_text": r.average.map(|a| a.text()),
                    "rank": r.rank,
                    "tied": r.tied,
                    "complete": r.complete,
                    "counted": r.counted,
                    "meets_minimum": r.meets_minimum,
                    "totals": r.totals.iter().map(|t| *t as f64 / 2.0).collect::<Vec<_>>(),
                    "spread": r.spread().map(|t| t as f64 / 2.0),
                    "disputed": report.disputed(r),
                    "votes": report.votes.get(&r.nomination_id).map(|(v, passed)| json!({
                        "agree": v.agree, "disagree": v.disagree, "blank": v.blank, "passed": passed
                    })),
                })
            })
            .collect();
        say!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        return Ok(());
    }
    match &report.meeting {
        None => say!("Chưa có cuộc họp Hội đồng nào; chưa có điểm để xếp hạng."),
        Some(_) if !report.quorum_met => {
            say!("Lưu ý: cuộc họp không đủ số thành viên dự họp; kết quả chưa có giá trị.")
        }
        Some(_) => {}
    }
    for r in &report.ranked {
        say!(
            "{}\t{}\t{}\t{}\t{}{}",
            r.rank.map(|x| x.to_string()).unwrap_or_else(|| "–".into()),
            r.nomination_id,
            r.kind.label(),
            r.name,
            r.average.map(|a| a.text()).unwrap_or_else(|| "chưa có điểm".into()),
            if r.tied { "\t(bằng điểm)" } else { "" }
        );
        if report.disputed(r) {
            say!(
                "\t\tchênh {} điểm giữa các thành viên (trên ngưỡng {}): cần thảo luận trước khi biểu quyết",
                r.spread().map(thidua::council::format_points).unwrap_or_default(),
                thidua::council::format_points(report.disagreement_half_points)
            );
        }
    }
    Ok(())
}

pub fn vote(store: &mut Store, code: Option<&str>, id: i64, votes: VoteCount) -> Result<(), Error> {
    let passed = app::vote(store, code, NominationId(id), votes)?;
    say!("Hồ sơ số {id}: {} đồng ý – {}.", votes.agree, if passed { "đạt tỷ lệ" } else { "không đạt tỷ lệ" });
    Ok(())
}

pub fn shortlist(
    store: &mut Store,
    code: Option<&str>,
    cmd: Option<&ShortlistCommand>,
    as_json: bool,
) -> Result<(), Error> {
    match cmd {
        Some(ShortlistCommand::Add { id, reason }) => {
            app::shortlist_add(store, code, NominationId(*id), reason.as_deref())?;
            say!("Đã thêm hồ sơ số {id} vào danh sách đề nghị.");
        }
        Some(ShortlistCommand::Remove { id }) => {
            app::shortlist_remove(store, code, NominationId(*id))?;
            say!("Đã bỏ hồ sơ số {id} khỏi danh sách đề nghị.");
        }
        None => {
            let list = app::shortlist(store, code)?;
            if as_json {
                say!("{}", serde_json::to_string_pretty(&list).unwrap_or_default());
            } else if list.is_empty() {
                say!("Danh sách đề nghị cấp trên khen thưởng đang trống.");
            } else {
                for e in list {
                    say!(
                        "{}\t{}\t{}{}",
                        e.position,
                        e.nomination,
                        e.name,
                        e.reason.map(|r| format!("\tLý do: {r}")).unwrap_or_default()
                    );
                }
            }
        }
    }
    Ok(())
}
