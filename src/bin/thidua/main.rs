//! The `thidua` command line: parses arguments, calls the core library, prints. Errors go to
//! stderr in Vietnamese with a non-zero exit code.

/// `println!` that stops quietly, as Unix tools do, when the reader has gone (`thidua log | head`)
/// instead of panicking on the closed pipe.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::say_line(format_args!($($arg)*))
    };
}

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

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};
use serde_json::json;
use thidua::documents::{render, DocumentKind, PrintOptions};
use thidua::exchange::{example_definition, import_nominations, parse_definition, EXAMPLE_CODE};
use thidua::model::{Nomination, NominationId, Reason, Signer};
use thidua::printing::{self, JobSettings, Orientation, PageRanges};
use thidua::store::default_database_path;
use thidua::store::{DecisionRecord, Offset};
use thidua::vn::vietnam_offset;
use thidua::{Error, Store};

/// Thi đua: hồ sơ đề nghị khen thưởng của một đợt thi đua.
#[derive(Parser)]
#[command(name = "thidua", version)]
struct Cli {
    /// Tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu của người dùng).
    #[arg(long, global = true, value_name = "TỆP")]
    db: Option<PathBuf>,
    /// Mã đợt thi đua (mặc định: đợt mới nhất).
    #[arg(long, global = true, value_name = "MÃ")]
    campaign: Option<String>,
    /// Tên người thực hiện ghi vào nhật ký thay đổi (mặc định: tên người dùng của máy).
    #[arg(long, global = true, value_name = "TÊN")]
    user: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Tạo cơ sở dữ liệu; với --example, thêm đợt thi đua mẫu Bạch Thông quý IV/2023.
    Init {
        #[arg(long)]
        example: bool,
    },
    /// Liệt kê các đợt thi đua.
    Campaigns,
    /// Đợt thi đua: nhập tệp định nghĩa.
    #[command(subcommand)]
    Campaign(CampaignCommand),
    /// Liệt kê đơn vị của đợt thi đua.
    Units,
    /// Nhập hồ sơ từ tệp .csv hoặc .xlsx (nhập tất cả hoặc không dòng nào).
    Import { file: PathBuf },
    /// Liệt kê hồ sơ đề nghị khen thưởng.
    Nominations {
        #[arg(long)]
        json: bool,
    },
    /// Thẩm định hồ sơ: đạt (--accept), không tiếp nhận (--refuse LÝ_DO) hoặc thẩm định lại (--reopen).
    Appraise(AppraiseArgs),
    /// Thành viên Hội đồng (lấy từ đợt trước nếu đợt này chưa có).
    Members {
        #[command(subcommand)]
        command: Option<council::MembersCommand>,
    },
    /// Cuộc họp Hội đồng: xem, mở, kết thúc.
    Meeting {
        #[command(subcommand)]
        command: Option<council::MeetingCommand>,
    },
    /// Điểm chấm của Hội đồng.
    #[command(subcommand)]
    Scores(council::ScoresCommand),
    /// Xếp hạng các hồ sơ được thẩm định đạt theo điểm trung bình.
    Ranking {
        /// collective hoặc individual.
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Ghi kết quả biểu quyết cho một hồ sơ.
    Vote {
        id: i64,
        #[arg(long)]
        agree: u32,
        #[arg(long, default_value_t = 0)]
        disagree: u32,
        #[arg(long, default_value_t = 0)]
        blank: u32,
    },
    /// Danh sách đề nghị cấp trên khen thưởng (tối đa 03).
    Shortlist {
        #[command(subcommand)]
        command: Option<council::ShortlistCommand>,
        #[arg(long)]
        json: bool,
    },
    /// Quyết định khen thưởng: ghi số, ngày ký và người ký.
    #[command(subcommand)]
    Decision(DecisionCommand),
    /// Giấy khen: lưu độ lệch của một trường khi in trên phôi in sẵn.
    #[command(subcommand)]
    Certificate(CertificateCommand),
    /// In văn bản: ra tệp PDF (--out) hoặc ra máy in (--printer).
    Print(PrintArgs),
    /// Sao lưu toàn bộ cơ sở dữ liệu ra một tệp (ví dụ trên USB).
    Backup { file: PathBuf },
    /// Khôi phục cơ sở dữ liệu từ một bản sao lưu (bản đang dùng được giữ lại làm bản sao lưu).
    Restore { file: PathBuf },
    /// Kiểm tra cơ sở dữ liệu có bị hỏng không.
    Check,
    /// Xuất dữ liệu: tệp trao đổi của đợt thi đua hoặc bảng tính .xlsx.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Nhập một đợt thi đua từ tệp trao đổi (.zip) do «thidua export campaign» tạo.
    ImportCampaign { file: PathBuf },
    /// Nhật ký thay đổi (của cả đợt thi đua, của một hồ sơ với --nomination, hoặc toàn bộ với --all).
    Log {
        #[arg(long, value_name = "SỐ", conflicts_with = "all")]
        nomination: Option<i64>,
        /// Toàn bộ nhật ký, kể cả các lần khôi phục cơ sở dữ liệu.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Liệt kê máy in của hệ thống in, khổ giấy và khay giấy.
    Printers {
        #[arg(long)]
        json: bool,
    },
    /// Đính kèm tệp (bản quét hồ sơ) vào một hồ sơ; tệp được chép vào thư mục dữ liệu.
    Attach {
        id: i64,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Liệt kê tệp đính kèm của một hồ sơ.
    Attachments { id: i64 },
    /// Tìm hồ sơ theo tên, không cần dấu ("nguyen thi huong").
    Search {
        text: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum CampaignCommand {
    /// Nhập một tệp định nghĩa đợt thi đua (.json, cùng dạng với đợt mẫu).
    Import { file: PathBuf },
}

#[derive(Subcommand)]
enum DecisionCommand {
    /// Ghi số và ngày ký của quyết định (sau khi đã ký).
    SetNumber {
        /// Số quyết định (25 trong «25/QĐ-UBND»).
        number: u32,
        /// Ngày ký, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: chrono::NaiveDate,
        /// Họ và tên người ký (mặc định: người ký trong thiết lập của đợt thi đua).
        #[arg(long, value_name = "HỌ_TÊN")]
        signer: Option<String>,
        /// Chức vụ người ký: «CHỦ TỊCH» hoặc «PHÓ CHỦ TỊCH» (ký thay: KT. CHỦ TỊCH).
        #[arg(long, value_name = "CHỨC_VỤ", requires = "signer")]
        signer_title: Option<String>,
    },
}

#[derive(Subcommand)]
enum CertificateCommand {
    /// Lưu độ lệch (mm, sang phải và xuống dưới) của một trường trên phôi in sẵn.
    Offset {
        /// Tên trường (xem trang căn chỉnh: thidua print calibration).
        field: String,
        #[arg(long, allow_hyphen_values = true, default_value = "0")]
        dx: f64,
        #[arg(long, allow_hyphen_values = true, default_value = "0")]
        dy: f64,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum PrintWhat {
    Decision,
    Annex,
    Certificates,
    Calibration,
    Refusals,
    ScoreSheets,
    /// Tờ trình đề nghị cấp trên khen thưởng các tập thể, cá nhân Hội đồng đã chọn.
    Proposal,
    /// Biên bản cuộc họp Hội đồng gần nhất.
    Minutes,
}

#[derive(Clone, Copy, ValueEnum)]
enum OrientationArg {
    Auto,
    Portrait,
    Landscape,
}

#[derive(Clone, Copy, ValueEnum)]
enum StockKind {
    Plain,
    Preprinted,
}

#[derive(Args)]
#[command(group(ArgGroup::new("target").required(true).args(["out", "printer"])))]
struct PrintArgs {
    what: PrintWhat,
    /// Tệp PDF sẽ ghi.
    #[arg(long, value_name = "TỆP.pdf")]
    out: Option<PathBuf>,
    /// Tên máy in (xem: thidua printers); lệnh chỉ kết thúc khi máy in đã in xong.
    #[arg(long, value_name = "TÊN")]
    printer: Option<String>,
    /// Các trang cần in: «3», «5-7», «2,9».
    #[arg(long, value_name = "TRANG", requires = "printer")]
    pages: Option<String>,
    /// Số bản in.
    #[arg(long, default_value_t = 1, requires = "printer")]
    copies: u32,
    /// Khổ giấy (mặc định: A4; giấy khen theo khổ phôi của đợt thi đua, in đúng kích thước).
    #[arg(long, value_name = "KHỔ", requires = "printer")]
    media: Option<String>,
    /// Hướng giấy: auto, portrait, landscape.
    #[arg(long, value_enum, default_value = "auto", requires = "printer")]
    orientation: OrientationArg,
    /// Chờ máy in tối đa bao nhiêu giây.
    #[arg(long, default_value_t = 120, value_name = "GIÂY", requires = "printer")]
    timeout: u64,
    /// Giấy khen: giấy trắng có viền (plain) hoặc phôi in sẵn (preprinted).
    #[arg(long, value_enum, default_value = "plain")]
    stock: StockKind,
    /// Phiếu chấm điểm: tên thành viên Hội đồng (nhắc lại cho mỗi người; mặc định: mọi thành viên).
    #[arg(long, value_name = "HỌ_TÊN")]
    member: Vec<String>,
}

#[derive(Subcommand)]
enum ExportCommand {
    /// Cả đợt thi đua ra một tệp trao đổi (.zip) kèm mã băm SHA-256.
    Campaign { file: PathBuf },
    /// Hồ sơ, xếp hạng và danh sách khen thưởng ra bảng tính .xlsx.
    Xlsx { file: PathBuf },
}

#[derive(Args)]
#[command(group(ArgGroup::new("action").required(true).args(["accept", "refuse", "accept_all", "reopen"])))]
struct AppraiseArgs {
    /// Số hồ sơ.
    #[arg(required_unless_present = "accept_all")]
    id: Option<i64>,
    /// Thẩm định đạt.
    #[arg(long, conflicts_with_all = ["refuse", "accept_all"])]
    accept: bool,
    /// Không tiếp nhận, với mã lý do: late, incomplete, wrong_form, over_quota, criteria_not_met.
    #[arg(long, value_name = "LÝ_DO")]
    refuse: Option<String>,
    /// Ghi chú gửi đơn vị.
    #[arg(long, requires = "refuse")]
    note: Option<String>,
    /// Thẩm định đạt mọi hồ sơ đang chờ.
    #[arg(long, conflicts_with_all = ["id", "refuse"])]
    accept_all: bool,
    /// Hủy kết quả thẩm định đã ghi: hồ sơ trở lại chờ thẩm định.
    #[arg(long, conflicts_with_all = ["accept", "refuse", "accept_all"])]
    reopen: bool,
}

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
    store.daily_backup_if_due(council::today())?;
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
            for c in store.campaigns()? {
                say!(
                    "{}\t{} – {}\t{}",
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
            store.create_campaign(&def)?;
            say!("Đã nhập đợt thi đua «{}» với {} đơn vị.", def.code, def.units.len());
        }
        Command::Units => {
            let campaign = store.campaign(code)?;
            for u in store.units(campaign.id)? {
                say!("{}\t{}\t{}", u.position, u.kind.label(), u.name);
            }
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
                        o
                    })
                    .collect();
                say!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            } else if hits.is_empty() {
                say!("Không tìm thấy hồ sơ nào khớp «{text}».");
            } else {
                for h in hits {
                    say!("{}\t{}", h.campaign_code, line(&h.nomination));
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
