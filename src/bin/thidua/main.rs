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
mod safety;

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

use std::path::PathBuf;
use std::process::ExitCode;

use args::*;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Parser;
use serde_json::json;
use thidua::documents::{render, DocumentKind, PrintOptions};
use thidua::exchange::{example_definition, import_nominations, parse_definition, parse_portal_time, EXAMPLE_CODE};
use thidua::model::{
    Gender, NewNomination, Nomination, NominationId, NomineeKind, PartState, Parts, Reason, Signer, UnitKind,
};
use thidua::printing::{self, JobSettings, Orientation, PageRanges};
use thidua::store::default_database_path;
use thidua::store::{DecisionRecord, Offset};
use thidua::vn::vietnam_offset;
use thidua::{Error, Store};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
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
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Lỗi: {e}");
            ExitCode::FAILURE
        }
    }
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
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => format!("giá trị không hợp lệ cho {arg}."),
        _ => "lệnh không hợp lệ.".into(),
    }
}

fn database_path(cli: &Cli) -> Result<PathBuf, Error> {
    match &cli.db {
        Some(p) => Ok(p.clone()),
        None => default_database_path().ok_or(Error::Io {
            path: PathBuf::from("~"),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "không tìm thấy thư mục dữ liệu của người dùng"),
        }),
    }
}

/// The name written to the audit trail: `--user`, else the operating system's user name.
fn actor(cli: &Cli) -> String {
    cli.user
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("USERNAME").ok())
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| "không rõ".into())
}

fn run(cli: Cli) -> Result<(), Error> {
    let path = database_path(&cli)?;
    match &cli.command {
        Command::Restore { file } => return safety::restore(&path, file, &actor(&cli)),
        Command::Check => return safety::check(&path),
        _ => {}
    }
    let mut store = Store::open(&path)?;
    store.set_actor(&actor(&cli))?;
    store.daily_backup_if_due(thidua::vn::today_in_vietnam())?;
    let code = cli.campaign.as_deref();
    match &cli.command {
        Command::Restore { .. } | Command::Check => {}
        Command::Backup { file } => safety::backup(&store, file)?,
        Command::Export(ExportCommand::Campaign { file }) => safety::export_campaign(&store, code, file)?,
        Command::Export(ExportCommand::Xlsx { file }) => safety::export_xlsx(&store, code, file)?,
        Command::ImportCampaign { file } => safety::import_campaign(&mut store, file)?,
        Command::Log { nomination, all, json } => safety::log(&store, code, *nomination, *all, *json)?,
        Command::Init { example } => {
            if *example {
                if store.campaigns()?.iter().any(|c| c.code == EXAMPLE_CODE) {
                    say!("Đợt thi đua mẫu «{EXAMPLE_CODE}» đã có sẵn.");
                } else {
                    store.create_campaign(&example_definition()?)?;
                    say!("Đã tạo đợt thi đua mẫu «{EXAMPLE_CODE}».");
                }
            } else {
                say!("Cơ sở dữ liệu sẵn sàng.");
            }
        }
        Command::Campaigns => {
            let current = store.campaign(None).ok().map(|c| c.id);
            for c in store.campaigns()? {
                say!(
                    "{}{}\t{} – {}\t{}",
                    if Some(c.id) == current { "* " } else { "  " },
                    c.code,
                    c.period.start.format("%d/%m/%Y"),
                    c.period.end.format("%d/%m/%Y"),
                    c.name
                );
            }
        }
        Command::Campaign(CampaignCommand::Import { file }) => {
            let text = std::fs::read_to_string(file).map_err(|source| Error::Io { path: file.clone(), source })?;
            let def = parse_definition(&text)?;
            let id = store.create_campaign(&def)?;
            store.set_current_campaign(id)?;
            say!("Đã nhập đợt thi đua «{}» với {} đơn vị; đây là đợt đang làm việc.", def.code, def.units.len());
        }
        Command::Campaign(CampaignCommand::Next {
            code: new_code,
            name,
            from,
            to,
            deadline,
            plan_number,
            plan_date,
        }) => {
            let current = store.campaign(code)?;
            let deadline = parse_portal_time(deadline)
                .map_err(|why| Error::InvalidArgument(format!("hạn nộp «{deadline}»: {why}")))?
                .with_timezone(&vietnam_offset());
            let next = thidua::store::NextCampaign {
                code: new_code.clone(),
                name: name.clone(),
                period: thidua::model::Period { start: *from, end: *to },
                deadline,
                plan_number: plan_number.clone(),
                plan_date: *plan_date,
            };
            store.start_campaign_like(current.id, &next)?;
            let c = store.campaign(None)?;
            say!("Đã tạo đợt thi đua «{}» giống đợt «{}»; đây là đợt đang làm việc.", c.code, current.code);
        }
        Command::Campaign(CampaignCommand::Use { code }) => {
            let c = store.campaign(Some(code))?;
            store.set_current_campaign(c.id)?;
            say!("Đợt đang làm việc: «{}» ({}).", c.code, c.name);
        }
        Command::Units { command } => {
            let campaign = store.campaign(code)?;
            units(&mut store, &campaign, command.as_ref())?;
        }
        Command::Import { file } => {
            let campaign = store.campaign(code)?;
            let outcome = import_nominations(&mut store, &campaign, file)?;
            let all = store.nominations(campaign.id)?;
            let new: Vec<&Nomination> = all.iter().filter(|n| outcome.recorded.contains(&n.id)).collect();
            let refused = new.iter().filter(|n| !n.refusals.is_empty()).count();
            say!("Đã nhập {} hồ sơ: {} tiếp nhận, {} không tiếp nhận.", new.len(), new.len() - refused, refused);
            if !outcome.skipped_rows.is_empty() {
                let rows: Vec<String> = outcome.skipped_rows.iter().map(usize::to_string).collect();
                say!("Bỏ qua {} dòng đã nhập trước đây: dòng {}.", rows.len(), rows.join(", "));
            }
        }
        Command::Nominations { json } => {
            let campaign = store.campaign(code)?;
            print_nominations(&store.nominations(campaign.id)?, *json);
        }
        Command::Correct(a) => {
            let n = store.nomination(NominationId(a.id))?;
            let item = corrected(&store, &n, a)?;
            store.correct_nomination(n.id, &item)?;
            let n = store.nomination(n.id)?;
            say!("Đã sửa hồ sơ số {}: {}.", n.id, n.status.label());
            say!("{}", line(&n));
        }
        Command::Appraise(a) => {
            let campaign = store.campaign(code)?;
            if a.accept_all {
                let n = store.accept_all(campaign.id)?;
                say!("Đã thẩm định đạt {n} hồ sơ.");
            } else if let Some(id) = a.id.map(NominationId) {
                if let Some(reason) = &a.refuse {
                    let reason = Reason::from_code(reason).ok_or_else(|| {
                        Error::InvalidArgument(format!(
                            "mã lý do «{reason}» không có; dùng một trong: {}.",
                            Reason::ALL.map(Reason::code).join(", ")
                        ))
                    })?;
                    store.refuse(id, reason, a.note.as_deref().unwrap_or_default())?;
                    say!("Hồ sơ số {id}: không tiếp nhận ({}).", reason.label());
                } else if a.accept {
                    store.accept(id)?;
                    say!("Hồ sơ số {id}: thẩm định đạt.");
                } else if a.reopen {
                    store.reopen(id)?;
                    let status = store.nomination(id)?.status.label();
                    say!("Hồ sơ số {id}: đã hủy kết quả thẩm định; hồ sơ ở trạng thái «{status}».");
                } else {
                    return Err(Error::InvalidArgument("hãy chọn --accept hoặc --refuse LÝ_DO.".into()));
                }
            }
        }
        Command::Members { command } => {
            let c = store.campaign(code)?;
            council::members(&mut store, &c, command.as_ref())?
        }
        Command::Meeting { command } => {
            let c = store.campaign(code)?;
            council::meeting(&mut store, &c, command.as_ref())?
        }
        Command::Scores(cmd) => {
            let c = store.campaign(code)?;
            council::scores(&mut store, &c, cmd)?
        }
        Command::Ranking { kind, json } => council::ranking(&store, &store.campaign(code)?, kind.as_deref(), *json)?,
        Command::Vote { id, agree, disagree, blank } => {
            let c = store.campaign(code)?;
            let votes = thidua::model::VoteCount { agree: *agree, disagree: *disagree, blank: *blank };
            council::vote(&mut store, &c, *id, votes)?
        }
        Command::Shortlist { command, json } => {
            let c = store.campaign(code)?;
            council::shortlist(&mut store, &c, command.as_ref(), *json)?
        }
        Command::Decision(DecisionCommand::SetNumber { number, date, signer, signer_title }) => {
            let campaign = store.campaign(code)?;
            let default = &campaign.settings.decision.signer;
            let signer = signer
                .as_deref()
                .map(|name| Signer::from_title(name, signer_title.as_deref().unwrap_or(&default.title)));
            store.set_decision(campaign.id, &DecisionRecord { number: *number, signed_on: *date, signer })?;
            say!(
                "Đã ghi Quyết định số {number:02}/{} {}.",
                campaign.settings.issuer.decision_symbol,
                thidua::vn::long_date(*date)
            );
        }
        Command::Certificate(CertificateCommand::Offset { field, dx, dy }) => {
            if !thidua::documents::FIELDS.iter().any(|(f, _)| f == field) {
                let names: Vec<&str> = thidua::documents::FIELDS.iter().map(|(f, _)| *f).collect();
                return Err(Error::InvalidArgument(format!("không có trường «{field}»; dùng: {}.", names.join(", "))));
            }
            let tenths = |v: f64| (v * 10.0).round() as i64;
            store.set_certificate_offset(field, Offset { dx: tenths(*dx), dy: tenths(*dy) })?;
            say!("Đã lưu độ lệch của trường «{field}»: {dx} mm sang phải, {dy} mm xuống dưới.");
        }
        Command::Print(p) => {
            let campaign = store.campaign(code)?;
            let kind = match p.what {
                PrintWhat::Decision => DocumentKind::Decision,
                PrintWhat::Annex => DocumentKind::Annex,
                PrintWhat::Certificates => DocumentKind::Certificates,
                PrintWhat::Calibration => DocumentKind::Calibration,
                PrintWhat::Refusals => DocumentKind::Refusals,
                PrintWhat::ScoreSheets => DocumentKind::ScoreSheets,
                PrintWhat::Proposal => DocumentKind::Proposal,
                PrintWhat::Minutes => DocumentKind::Minutes,
            };
            let options =
                PrintOptions { preprinted: matches!(p.stock, StockKind::Preprinted), members: p.member.clone() };
            // The page range is checked before the document is rendered.
            let pages = p.pages.as_deref().map(PageRanges::parse).transpose()?;
            let bytes = render(&store, &campaign, kind, &options)?;
            if let Some(out) = &p.out {
                std::fs::write(out, &bytes).map_err(|source| Error::Io { path: out.clone(), source })?;
                say!("Đã ghi «{}» ({} byte).", out.display(), bytes.len());
            } else if let Some(name) = &p.printer {
                let mut settings = JobSettings::for_document(name, kind, &campaign.settings.certificate);
                settings.pages = pages;
                settings.copies = p.copies;
                if p.media.is_some() {
                    settings.media = p.media.clone();
                }
                settings.orientation = match p.orientation {
                    OrientationArg::Auto => Orientation::Auto,
                    OrientationArg::Portrait => Orientation::Portrait,
                    OrientationArg::Landscape => Orientation::Landscape,
                };
                let title = format!("Thi đua – {}", kind.title());
                let job = printing::submit(&bytes, &title, &settings)?;
                say!("Đã gửi lệnh in số {} đến máy in «{}» ({} trang).", job.id, job.printer, job.pages);
                printing::wait(&job, std::time::Duration::from_secs(p.timeout), |state| {
                    say!("Lệnh in số {}: {}.", job.id, state.label())
                })?;
            }
        }
        Command::Printers { json } => print::list_printers(*json),
        Command::Attach { id, files } => {
            for f in files {
                let a = store.attach_file(NominationId(*id), f)?;
                say!("Đã đính kèm «{}» vào hồ sơ số {id} ({} byte).", a.file_name, a.bytes);
            }
        }
        Command::Attachments { id } => {
            let list = store.attachments(NominationId(*id))?;
            if list.is_empty() {
                say!("Hồ sơ số {id} chưa có tệp đính kèm.");
            }
            for a in list {
                say!("{}\t{}\t{} byte\t{}", a.id, a.file_name, a.bytes, store.attachment_file(a.id)?.display());
            }
        }
        Command::Search { text, json } => {
            let hits = store.search(text)?;
            if *json {
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

fn print_nominations(list: &[Nomination], as_json: bool) {
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
}

/// The dossier `n` with the fields `a` gives changed.
fn corrected(store: &Store, n: &Nomination, a: &CorrectArgs) -> Result<NewNomination, Error> {
    let bad = |what: &str, value: &str, codes: &str| {
        Error::InvalidArgument(format!("{what} «{value}» phải là một trong: {codes}."))
    };
    let part = |value: &Option<String>, what: &str, current: PartState| match value {
        None => Ok(current),
        Some(v) => PartState::from_code(v).ok_or_else(|| bad(what, v, "present, missing, wrong_form")),
    };
    let unit = match &a.unit {
        None => n.unit,
        Some(name) => {
            let wanted = thidua::vn::fold(name);
            let units = store.units(n.campaign)?;
            let found = units.iter().find(|u| thidua::vn::fold(&u.name) == wanted);
            found
                .map(|u| u.id)
                .ok_or_else(|| Error::InvalidArgument(format!("không có đơn vị «{name}» trong đợt thi đua")))?
        }
    };
    let kind = match &a.kind {
        None => n.kind,
        Some(k) => NomineeKind::from_code(k).ok_or_else(|| bad("loại", k, "collective, individual"))?,
    };
    let gender = match &a.gender {
        None => n.gender,
        Some(g) => Some(match thidua::vn::fold(g).as_str() {
            "male" | "nam" => Gender::Male,
            "female" | "nu" => Gender::Female,
            _ => return Err(bad("giới tính", g, "nam (male), nữ (female)")),
        }),
    };
    let submitted_at = match &a.time {
        None => n.submitted_at,
        Some(t) => parse_portal_time(t).map_err(|why| Error::InvalidArgument(format!("thời điểm nộp «{t}»: {why}")))?,
    };
    Ok(NewNomination {
        unit,
        kind,
        name: a.name.clone().unwrap_or_else(|| n.name.clone()),
        gender,
        position: a.position.clone().or_else(|| n.position.clone()),
        submitted_at,
        parts: Parts {
            proposal_letter: part(&a.proposal_letter, "tờ trình", n.parts.proposal_letter)?,
            minutes: part(&a.minutes, "biên bản", n.parts.minutes)?,
            achievement_report: part(&a.achievement_report, "báo cáo thành tích", n.parts.achievement_report)?,
        },
        summary: a.summary.clone().unwrap_or_else(|| n.summary.clone()),
    })
}

fn units(store: &mut Store, campaign: &thidua::model::Campaign, cmd: Option<&UnitsCommand>) -> Result<(), Error> {
    let kind_of = |text: &str| {
        UnitKind::from_code(text).ok_or_else(|| {
            let all: Vec<String> = UnitKind::ALL.iter().map(|k| format!("{} ({})", k.code(), k.label())).collect();
            Error::InvalidArgument(format!("khối «{text}» phải là một trong: {}.", all.join(", ")))
        })
    };
    let find = |store: &Store, id: i64| {
        let units = store.units(campaign.id)?;
        units
            .into_iter()
            .find(|u| u.id.0 == id)
            .ok_or_else(|| Error::InvalidArgument(format!("không có đơn vị số {id}.")))
    };
    match cmd {
        None => {
            for u in store.units(campaign.id)? {
                say!("{}\t{}\t{}\t{}", u.id, u.position, u.kind.label(), u.name);
            }
        }
        Some(UnitsCommand::Add { name, kind }) => {
            let id = store.add_unit(campaign.id, name, kind_of(kind)?)?;
            say!("Đã thêm đơn vị số {id}: {}.", thidua::vn::normalise_name(name));
        }
        Some(UnitsCommand::Edit { id, name, kind }) => {
            let u = find(store, *id)?;
            let kind = match kind {
                Some(k) => kind_of(k)?,
                None => u.kind,
            };
            let name = name.clone().unwrap_or(u.name);
            store.update_unit(u.id, &name, kind)?;
            say!("Đã sửa đơn vị số {id}: {} ({}).", thidua::vn::normalise_name(&name), kind.label());
        }
        Some(UnitsCommand::Remove { id }) => {
            let u = find(store, *id)?;
            store.remove_unit(u.id)?;
            say!("Đã bỏ đơn vị «{}» khỏi danh sách.", u.name);
        }
    }
    Ok(())
}
