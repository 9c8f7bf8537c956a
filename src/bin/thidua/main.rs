//! The `thidua` command line: parses arguments, calls the core library, prints. Errors go to
//! stderr in Vietnamese with a non-zero exit code.

/// `println!` that stops quietly, as Unix tools do, when the reader has gone (`thidua log | head`)
/// instead of panicking on the closed pipe.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::say_line(format_args!($($arg)*))
    };
}

mod args;
mod council;
mod print;

fn say_line(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{line}") {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        let _ = writeln!(std::io::stderr(), "Lỗi: không ghi được ra màn hình: {e}");
        std::process::exit(1);
    }
}

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use args::*;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use serde_json::json;
use thidua::app::{self, campaigns, intake, papers, session};
use thidua::documents::{DocumentKind, PrintOptions};
use thidua::error::InputError;
use thidua::model::{
    Gender, NextCampaign, Nomination, NominationId, NomineeKind, Offset, PartState, Period, Reason, Signer, UnitId,
    UnitKind,
};
use thidua::printing::{Orientation, PageRanges};
use thidua::vn::{today_in_vietnam, vietnam_offset};
use thidua::{Error, Store};

fn main() -> ExitCode {
    let matches = vietnamese(<Cli as clap::CommandFactory>::command()).try_get_matches();
    let cli = match matches.and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m)) {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("Lỗi: {}\nXem «thidua --help».", usage_error(&e));
            return ExitCode::from(2);
        }
    };
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Lỗi: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The help's layout and headings in Vietnamese, for every command.
fn vietnamese(cmd: clap::Command) -> clap::Command {
    const TEMPLATE: &str = "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}\n";
    let cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name("LỆNH")
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("In hướng dẫn")
                .help_heading("Tùy chọn"),
        )
        .mut_args(|a| {
            if a.get_help_heading().is_some() {
                a
            } else if a.is_positional() {
                a.help_heading("Tham số")
            } else {
                a.help_heading("Tùy chọn")
            }
        });
    let cmd = if cmd.get_name() == "thidua" {
        cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help("In phiên bản")
                .help_heading("Tùy chọn"),
        )
    } else {
        cmd
    };
    cmd.mut_subcommands(vietnamese)
}

fn usage_error(e: &clap::Error) -> String {
    let arg = match e.get(ContextKind::InvalidArg).or_else(|| e.get(ContextKind::InvalidSubcommand)) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        _ => String::new(),
    };
    match e.kind() {
        ErrorKind::InvalidSubcommand => format!("không có lệnh «{arg}»."),
        ErrorKind::UnknownArgument => format!("không hiểu tham số «{arg}»."),
        ErrorKind::MissingRequiredArgument => format!("thiếu tham số {arg}."),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => "thiếu lệnh.".into(),
        ErrorKind::ArgumentConflict => format!("không dùng cùng lúc các tham số {arg}."),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = match (e.get(ContextKind::ValidValue), std::error::Error::source(e)) {
                (Some(ContextValue::Strings(v)), _) if !v.is_empty() => format!(" Dùng một trong: {}.", v.join(", ")),
                // A value the command line's own parsers refused says why, in Vietnamese (a
                // library's English reason is left out).
                (_, Some(why)) if !why.to_string().is_ascii() => {
                    format!(" {}.", why.to_string().trim_end_matches('.'))
                }
                _ => String::new(),
            };
            let value = match e.get(ContextKind::InvalidValue) {
                Some(ContextValue::String(v)) => format!(" «{}»", thidua::vn::shown(v)),
                _ => String::new(),
            };
            format!("giá trị{value} không hợp lệ cho {arg}.{valid}")
        }
        _ => "lệnh không hợp lệ.".into(),
    }
}

/// The commands that work on the database file itself, with no connection open.
fn run(cli: &Cli) -> Result<(), Error> {
    if let Some(user) = &cli.user {
        session::checked_actor(user, "user")?;
    }
    let path = match &cli.db {
        Some(p) => p.clone(),
        None => session::default_database_path()?,
    };
    match &cli.command {
        Command::Restore { file } => return restore(&path, file, cli.user.as_deref()),
        Command::Check => return check(&path),
        _ => {}
    }
    let opened = if reads_only(&cli.command) {
        session::open_for_reading(&path, today_in_vietnam())?
    } else {
        session::open(&path, cli.user.as_deref(), today_in_vietnam())?
    };
    if let Some(warning) = &opened.warning {
        eprintln!("Cảnh báo: {warning}");
    }
    let mut store = opened.store;
    if let Command::Meeting { command: Some(council::MeetingCommand::Serve { bind, port, json }) } = &cli.command {
        return council::serve(store, cli.campaign.as_deref(), *bind, *port, *json);
    }
    dispatch(&mut store, cli.campaign.as_deref(), &cli.command)
}

/// The commands that write nothing to the records (a reading command then works while another
/// program writes, and names nobody in the audit trail).
fn reads_only(command: &Command) -> bool {
    matches!(
        command,
        Command::Campaigns
            | Command::Units { command: None }
            | Command::Nominations { .. }
            | Command::Meeting { command: None }
            | Command::Ranking { .. }
            | Command::Shortlist { command: None, .. }
            | Command::Recuse { member: None, .. }
            | Command::Print(_)
            | Command::Printers { .. }
            | Command::Backup { .. }
            | Command::Export(_)
            | Command::Log { .. }
            | Command::Attachments { .. }
            | Command::Search { .. }
    )
}

/// One command, one application call, then what it printed.
fn dispatch(store: &mut Store, code: Option<&str>, command: &Command) -> Result<(), Error> {
    match command {
        Command::Restore { .. } | Command::Check => Ok(()),
        Command::Backup { file } => backup(store, file),
        Command::Export(ExportCommand::Campaign { file }) => export_campaign(store, code, file),
        Command::Export(ExportCommand::Xlsx { file }) => export_xlsx(store, code, file),
        Command::ImportCampaign { file } => import_campaign(store, file),
        Command::Log { nomination, all, json } => log(store, code, *nomination, *all, *json),
        Command::Init { example } => init(store, *example),
        Command::Campaigns => list_campaigns(store),
        Command::Campaign(c) => campaign(store, code, c),
        Command::Units { command } => units(store, code, command.as_ref()),
        Command::Import { file, title_case, as_typed } => {
            let names = match (title_case, as_typed) {
                (true, _) => intake::NameCase::TitleCase,
                (_, true) => intake::NameCase::AsTyped,
                _ => intake::NameCase::Ask,
            };
            import(store, code, file, names)
        }
        Command::Nominations { json } => print_nominations(&intake::nominations(store, code)?, *json),
        Command::Correct(a) => correct(store, a),
        Command::Appraise(a) => appraise(store, code, a),
        Command::Members { command } => council::members(store, code, command.as_ref()),
        Command::Meeting { command } => council::meeting(store, code, command.as_ref()),
        Command::Scores(cmd) => council::scores(store, code, cmd),
        Command::Ranking { kind, json } => council::ranking(store, code, kind.as_deref(), *json),
        Command::Vote { id, agree, disagree, blank } => {
            let votes = thidua::model::VoteCount { agree: *agree, disagree: *disagree, blank: *blank };
            council::vote(store, code, *id, votes)
        }
        Command::Shortlist { command, json } => council::shortlist(store, code, command.as_ref(), *json),
        Command::Recuse { member, nomination, clear } => {
            let lines = match (member, nomination) {
                (Some(m), Some(n)) => thidua::app::council::recuse(store, code, m, NominationId(*n), !clear)?,
                _ => thidua::app::council::recusals(store, code)?,
            };
            if lines.is_empty() {
                say!("Không có thành viên nào phải không tham gia chấm điểm, biểu quyết.");
            }
            for l in lines {
                let why = if l.marked { "thư ký đánh dấu" } else { "chức vụ nêu tên đơn vị" };
                say!("{}\thồ sơ số {} ({}, {})\t{why}", l.member_name, l.nomination, l.nominee, l.unit);
            }
            Ok(())
        }
        Command::Decision(DecisionCommand::SetNumber { number, date, signer, signer_title }) => {
            set_number(store, code, *number, *date, signer.as_deref(), signer_title.as_deref())
        }
        Command::Certificate(CertificateCommand::Offset { field, dx, dy }) => offset(store, field, *dx, *dy),
        Command::Certificate(CertificateCommand::Emblem { file, clear }) => {
            match (file, clear) {
                (Some(f), false) => {
                    papers::set_emblem(store, f)?;
                    say!("Đã lưu ảnh quốc huy; Giấy khen in trên giấy trắng sẽ in ảnh này ở giữa phía trên.");
                }
                _ => {
                    papers::clear_emblem(store)?;
                    say!("Đã bỏ ảnh quốc huy; Giấy khen in trên giấy trắng chỉ in vị trí của quốc huy.");
                }
            }
            Ok(())
        }
        Command::Certificate(CertificateCommand::Size { size }) => {
            let (w, h) = papers::set_stock_size(store, code, size)?;
            say!("Khổ Giấy khen của đợt thi đua: {w} × {h} mm (ngang).");
            Ok(())
        }
        Command::Print(p) => print_document(store, code, p),
        Command::Printers { json } => print::list_printers(*json),
        Command::Attach { id, files } => attach(store, *id, files),
        Command::Attachments { id } => attachments(store, *id),
        Command::Search { text, json } => search(store, text, *json),
    }
}

fn restore(db: &Path, file: &Path, user: Option<&str>) -> Result<(), Error> {
    let kept = session::restore(db, file, user, today_in_vietnam())?;
    say!("Đã khôi phục cơ sở dữ liệu từ «{}».", file.display());
    if let Some(k) = kept {
        say!("Bản đang dùng trước khi khôi phục được giữ lại tại «{}».", k.display());
    }
    Ok(())
}

fn check(db: &Path) -> Result<(), Error> {
    match session::check(db)? {
        session::CheckReport::Missing => say!("Chưa có cơ sở dữ liệu «{}».", db.display()),
        session::CheckReport::Good { backups } => {
            say!("Cơ sở dữ liệu «{}» tốt: kiểm tra toàn vẹn không thấy lỗi.", db.display());
            match backups.last() {
                Some(last) => say!("Có {} bản sao lưu tự động; mới nhất: «{}».", backups.len(), last.display()),
                None => say!("Chưa có bản sao lưu tự động nào."),
            }
        }
    }
    Ok(())
}

fn backup(store: &Store, file: &Path) -> Result<(), Error> {
    session::backup_to(store, file)?;
    say!("Đã sao lưu cơ sở dữ liệu vào «{}».", file.display());
    Ok(())
}

fn export_campaign(store: &Store, code: Option<&str>, file: &Path) -> Result<(), Error> {
    let c = app::transfer::export_exchange(store, code, file)?;
    say!("Đã xuất đợt thi đua «{}» ra tệp trao đổi «{}».", c.code, file.display());
    Ok(())
}

fn export_xlsx(store: &Store, code: Option<&str>, file: &Path) -> Result<(), Error> {
    app::transfer::export_spreadsheet(store, code, file)?;
    say!("Đã xuất hồ sơ, xếp hạng và danh sách khen thưởng ra «{}».", file.display());
    Ok(())
}

fn import_campaign(store: &mut Store, file: &Path) -> Result<(), Error> {
    match app::transfer::import_exchange(store, file)? {
        (app::CampaignImport::Imported(_), c) => say!("Đã nhập đợt thi đua «{}».", c.code),
        (app::CampaignImport::AlreadyThere(_), c) => {
            say!("Đợt thi đua «{}» đã có sẵn, giống hệt dữ liệu trong tệp; không ghi gì thêm.", c.code)
        }
    }
    Ok(())
}

fn log(store: &Store, code: Option<&str>, nomination: Option<i64>, all: bool, json: bool) -> Result<(), Error> {
    let scope = match nomination {
        Some(id) => intake::HistoryScope::Nomination(NominationId(id)),
        None if all => intake::HistoryScope::All,
        None => intake::HistoryScope::Campaign(code),
    };
    if json {
        let entries = intake::history_entries(store, scope)?;
        say!("{}", serde_json::to_string_pretty(&entries).unwrap_or_default());
        return Ok(());
    }
    let lines = intake::history(store, scope)?;
    if lines.is_empty() {
        say!("Nhật ký thay đổi chưa có mục nào.");
    }
    for l in lines {
        say!("{}\t{}\t{} {}\t{}", l.at, l.actor, l.action, l.subject, l.changes_text());
    }
    Ok(())
}

fn init(store: &mut Store, example: bool) -> Result<(), Error> {
    let code = campaigns::example_code();
    if !example {
        say!("Cơ sở dữ liệu sẵn sàng.");
    } else if campaigns::load_example(store)? {
        say!("Đã tạo đợt thi đua mẫu «{code}».");
    } else {
        say!("Đợt thi đua mẫu «{code}» đã có sẵn.");
    }
    Ok(())
}

fn list_campaigns(store: &Store) -> Result<(), Error> {
    for s in campaigns::list(store)? {
        let c = &s.campaign;
        say!(
            "{}{}\t{} – {}\t{}",
            if s.current { "* " } else { "  " },
            c.code,
            c.period.start.format("%d/%m/%Y"),
            c.period.end.format("%d/%m/%Y"),
            c.name
        );
    }
    Ok(())
}

/// A time as the portal shows it, or a message naming `what`.
fn portal_time(text: &str, what: &'static str) -> Result<chrono::DateTime<chrono::Utc>, Error> {
    app::parse_portal_time(text)
        .map_err(|why| InputError::Time { field: "time", what, value: text.to_string(), why }.into())
}

fn campaign(store: &mut Store, code: Option<&str>, command: &CampaignCommand) -> Result<(), Error> {
    match command {
        CampaignCommand::Import { file } => {
            let def = campaigns::import_definition(store, file)?;
            say!("Đã nhập đợt thi đua «{}» với {} đơn vị; đây là đợt đang làm việc.", def.code, def.units.len());
        }
        CampaignCommand::Next { code: new_code, name, from, to, deadline, plan_number, plan_date } => {
            let next = NextCampaign {
                code: new_code.clone(),
                name: name.clone(),
                period: Period { start: *from, end: *to },
                deadline: portal_time(deadline, "hạn nộp")?.with_timezone(&vietnam_offset()),
                plan_number: plan_number.clone(),
                plan_date: *plan_date,
            };
            let (c, like) = campaigns::start_next(store, code, &next)?;
            say!("Đã tạo đợt thi đua «{}» giống đợt «{}»; đây là đợt đang làm việc.", c.code, like.code);
        }
        CampaignCommand::Use { code } => {
            let c = campaigns::use_campaign(store, code)?;
            say!("Đợt đang làm việc: «{}» ({}).", c.code, c.name);
        }
        CampaignCommand::Plan { number, date } => {
            let cited = campaigns::set_plan(store, code, number.as_deref(), *date)?;
            let verb = if number.is_none() && date.is_none() { "Văn bản" } else { "Đã ghi. Từ nay văn bản" };
            say!("{verb} căn cứ: «{cited}».");
        }
    }
    Ok(())
}

fn unit_kind(text: &str) -> Result<UnitKind, Error> {
    UnitKind::from_code(text).ok_or_else(|| {
        let all: Vec<String> = UnitKind::ALL.iter().map(|k| format!("{} ({})", k.code(), k.label())).collect();
        InputError::Choice { field: "kind", what: "khối", value: text.to_string(), choices: all.join(", ") }.into()
    })
}

fn units(store: &mut Store, code: Option<&str>, command: Option<&UnitsCommand>) -> Result<(), Error> {
    match command {
        None => {
            for u in campaigns::units(store, code)?.1 {
                say!("{}\t{}\t{}\t{}", u.id, u.position, u.kind.label(), u.name);
            }
        }
        Some(UnitsCommand::Add { name, kind }) => {
            let id = campaigns::add_unit(store, code, name, unit_kind(kind)?)?;
            say!("Đã thêm đơn vị số {id}: {}.", thidua::vn::normalise_name(name));
        }
        Some(UnitsCommand::Edit { id, name, kind, addressee, in_sentence }) => {
            let kind = kind.as_deref().map(unit_kind).transpose()?;
            let mut u = if name.is_some() || kind.is_some() {
                campaigns::edit_unit(store, code, UnitId(*id), name.as_deref(), kind)?
            } else {
                campaigns::unit(store, code, UnitId(*id))?
            };
            if addressee.is_some() || in_sentence.is_some() {
                let keep = |set: &Option<String>, now: &str| set.clone().unwrap_or_else(|| now.to_string());
                let (a, s) = if u.forms_set {
                    (keep(addressee, &u.forms.addressee), keep(in_sentence, &u.forms.in_sentence))
                } else {
                    (addressee.clone().unwrap_or_default(), in_sentence.clone().unwrap_or_default())
                };
                u = campaigns::set_unit_forms(store, code, UnitId(*id), Some(&a), Some(&s))?;
            }
            say!(
                "Đã sửa đơn vị số {id}: {} ({}); văn bản ghi «Kính gửi: {}.», trong câu văn: «{}».",
                u.name,
                u.kind.label(),
                u.forms.addressee,
                u.forms.in_sentence
            );
        }
        Some(UnitsCommand::Remove { id }) => {
            let u = campaigns::remove_unit(store, code, UnitId(*id))?;
            say!("Đã bỏ đơn vị «{}» khỏi danh sách.", u.name);
        }
    }
    Ok(())
}

fn import(store: &mut Store, code: Option<&str>, file: &Path, names: intake::NameCase) -> Result<(), Error> {
    let report = match intake::import(store, code, file, names) {
        Err(e @ Error::ImportRejected { .. }) if names == intake::NameCase::Ask => {
            if !intake::name_offers(store, code, file).unwrap_or_default().is_empty() {
                eprintln!("Thêm --title-case để ghi họ tên theo đề nghị, hoặc --as-typed để giữ nguyên như tệp.");
            }
            return Err(e);
        }
        other => other?,
    };
    let (all, refused) = (report.recorded.len(), report.refused());
    say!("Đã nhập {all} hồ sơ: {} tiếp nhận, {refused} không tiếp nhận.", all - refused);
    if !report.skipped_rows.is_empty() {
        let rows: Vec<String> = report.skipped_rows.iter().map(usize::to_string).collect();
        say!("Bỏ qua {} dòng đã nhập trước đây: dòng {}.", rows.len(), rows.join(", "));
    }
    Ok(())
}

/// A coded choice typed on the command line, or a message listing the codes.
fn coded<T>(
    value: &Option<String>,
    field: &'static str,
    what: &'static str,
    codes: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, Error> {
    match value {
        None => Ok(None),
        Some(v) => parse(v)
            .map(Some)
            .ok_or_else(|| InputError::Choice { field, what, value: v.clone(), choices: codes.to_string() }.into()),
    }
}

fn correct(store: &mut Store, a: &CorrectArgs) -> Result<(), Error> {
    let parts = "present, missing, wrong_form";
    let change = intake::Correction {
        unit: a.unit.clone().map(intake::UnitRef::Name),
        kind: coded(&a.kind, "kind", "loại", "collective, individual", NomineeKind::from_code)?,
        name: a.name.clone(),
        gender: coded(&a.gender, "gender", "giới tính", "nam (male), nữ (female)", |g| {
            match thidua::vn::fold(g).as_str() {
                "male" | "nam" => Some(Gender::Male),
                "female" | "nu" => Some(Gender::Female),
                _ => None,
            }
        })?,
        position: a.position.clone(),
        submitted_at: a.time.as_deref().map(|t| portal_time(t, "thời điểm nộp")).transpose()?,
        proposal_letter: coded(&a.proposal_letter, "proposal_letter", "tờ trình", parts, PartState::from_code)?,
        minutes: coded(&a.minutes, "minutes", "biên bản", parts, PartState::from_code)?,
        achievement_report: coded(
            &a.achievement_report,
            "achievement_report",
            "báo cáo thành tích",
            parts,
            PartState::from_code,
        )?,
        summary: a.summary.clone(),
        women_percent: a.women_percent,
    };
    let n = intake::correct(store, NominationId(a.id), &change)?;
    say!("Đã sửa hồ sơ số {}: {}.", n.id, n.status.label());
    say!("{}", line(&n));
    Ok(())
}

fn appraise(store: &mut Store, code: Option<&str>, a: &AppraiseArgs) -> Result<(), Error> {
    if a.accept_all {
        let n = intake::accept_all(store, code)?;
        say!("Đã thẩm định đạt {n} hồ sơ.");
        return Ok(());
    }
    let Some(id) = a.id.map(NominationId) else { return Ok(()) };
    let appraisal = if let Some(reason) = &a.refuse {
        let reason = Reason::from_code(reason).ok_or_else(|| InputError::Choice {
            field: "reason",
            what: "mã lý do",
            value: reason.clone(),
            choices: Reason::ALL.map(Reason::code).join(", "),
        })?;
        intake::Appraisal::Refuse { reason, note: a.note.clone().unwrap_or_default() }
    } else if a.accept {
        intake::Appraisal::Accept
    } else if a.reopen {
        intake::Appraisal::Reopen
    } else {
        return Err(InputError::NothingChosen("--accept, --refuse LÝ_DO hoặc --reopen").into());
    };
    let n = intake::appraise(store, id, &appraisal)?;
    match appraisal {
        intake::Appraisal::Accept => say!("Hồ sơ số {id}: thẩm định đạt."),
        intake::Appraisal::Refuse { reason, .. } => say!("Hồ sơ số {id}: không tiếp nhận ({}).", reason.label()),
        intake::Appraisal::Reopen => {
            say!("Hồ sơ số {id}: đã hủy kết quả thẩm định; hồ sơ ở trạng thái «{}».", n.status.label())
        }
    }
    Ok(())
}

fn set_number(
    store: &mut Store,
    code: Option<&str>,
    number: u32,
    date: chrono::NaiveDate,
    signer: Option<&str>,
    title: Option<&str>,
) -> Result<(), Error> {
    let default_title = app::campaign(store, code)?.settings.decision.signer.title;
    let signer = signer.map(|name| Signer::from_title(name, title.unwrap_or(&default_title)));
    let symbol = papers::record_decision(store, code, number, date, signer)?;
    say!("Đã ghi Quyết định số {number:02}/{symbol} {}.", thidua::vn::long_date(date));
    Ok(())
}

fn offset(store: &mut Store, field: &str, dx: f64, dy: f64) -> Result<(), Error> {
    let offset = Offset { dx: papers::tenths_of_mm(dx)?, dy: papers::tenths_of_mm(dy)? };
    papers::set_offset(store, field, offset)?;
    say!("Đã lưu độ lệch của trường «{field}»: {dx} mm sang phải, {dy} mm xuống dưới.");
    Ok(())
}

fn print_document(store: &Store, code: Option<&str>, p: &PrintArgs) -> Result<(), Error> {
    let kind: DocumentKind = p.what;
    for w in papers::warnings_before_printing(store, code, kind)? {
        eprintln!("Lưu ý: {w}");
    }
    let options = PrintOptions { preprinted: matches!(p.stock, StockKind::Preprinted), members: p.member.clone() };
    if let Some(out) = &p.out {
        let saved = papers::save(store, code, kind, &options, out)?;
        say!("Đã ghi «{}» ({} byte).", saved.path.display(), saved.bytes);
        return Ok(());
    }
    let Some(printer) = &p.printer else { return Ok(()) };
    let choice = papers::PrintChoice {
        printer: printer.clone(),
        media: p.media.clone(),
        orientation: match p.orientation {
            OrientationArg::Auto => Orientation::Auto,
            OrientationArg::Portrait => Orientation::Portrait,
            OrientationArg::Landscape => Orientation::Landscape,
        },
        copies: p.copies,
        pages: p.pages.as_deref().map(PageRanges::parse).transpose()?,
    };
    let job = papers::prepare_print(store, code, kind, &options, &choice)?;
    if let Some(notice) = job.notice() {
        say!("{notice}");
    }
    papers::send(&job, std::time::Duration::from_secs(p.timeout), |event| match event {
        papers::PrintEvent::Submitted(job) => {
            say!("Đã gửi lệnh in số {} đến máy in «{}» ({} trang).", job.id, job.printer, job.pages)
        }
        papers::PrintEvent::State(job, state) => say!("Lệnh in số {}: {}.", job.id, state.label()),
    })?;
    Ok(())
}

fn attach(store: &mut Store, id: i64, files: &[PathBuf]) -> Result<(), Error> {
    for a in intake::attach(store, NominationId(id), files)? {
        say!("Đã đính kèm «{}» vào hồ sơ số {id} ({} byte).", a.file_name, a.bytes);
    }
    Ok(())
}

fn attachments(store: &Store, id: i64) -> Result<(), Error> {
    let list = intake::attachments(store, NominationId(id))?;
    if list.is_empty() {
        say!("Hồ sơ số {id} chưa có tệp đính kèm.");
    }
    for a in list {
        say!("{}\t{}\t{} byte\t{}", a.id, a.file_name, a.bytes, intake::attachment_file(store, a.id)?.display());
    }
    Ok(())
}

fn search(store: &Store, text: &str, as_json: bool) -> Result<(), Error> {
    let hits = intake::search(store, text)?;
    if as_json {
        let v: Vec<_> = hits
            .iter()
            .map(|h| {
                let mut o = nomination_json(&h.nomination);
                o["campaign"] = json!(h.campaign_code);
                o["award"] = json!(h.award);
                o
            })
            .collect();
        say!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
    } else if hits.is_empty() {
        say!("Không tìm thấy hồ sơ nào khớp «{text}».");
    } else {
        for h in hits {
            say!("{}\t{}", h.campaign_code, line(&h.nomination));
            if let Some(award) = &h.award {
                say!("\t– {award}");
            }
        }
    }
    Ok(())
}

fn nomination_json(n: &Nomination) -> serde_json::Value {
    json!({
        "id": n.id,
        "unit": n.unit_name,
        "kind": n.kind.code(),
        "name": n.name,
        "gender": n.gender.map(|g| g.code()),
        "position": n.position,
        "submitted_at": n.submitted_at.with_timezone(&vietnam_offset()).to_rfc3339(),
        "parts": n.parts,
        "summary": n.summary,
        "women_percent": n.women_percent,
        "status": n.status.code(),
        "reasons": n.refusals.iter().map(|r| r.reason.code()).collect::<Vec<_>>(),
        "refusals": n.refusals.iter().map(|r| json!({"reason": r.reason.code(), "note": r.note, "source": r.source})).collect::<Vec<_>>(),
    })
}

fn line(n: &Nomination) -> String {
    let mut s = format!(
        "{}\t{}\t{}\t{}\t{}\t{}",
        n.id,
        n.unit_name,
        n.kind.label(),
        n.name,
        n.submitted_at.with_timezone(&vietnam_offset()).format("%d/%m/%Y %H:%M:%S"),
        n.status.label()
    );
    for r in &n.refusals {
        s.push_str(&format!("\n\t– {}: {}", r.reason.label(), r.note));
    }
    s
}

fn print_nominations(list: &[Nomination], as_json: bool) -> Result<(), Error> {
    if as_json {
        let v: Vec<_> = list.iter().map(nomination_json).collect();
        say!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
    } else if list.is_empty() {
        say!("Chưa có hồ sơ nào.");
    } else {
        for n in list {
            say!("{}", line(n));
        }
    }
    Ok(())
}
