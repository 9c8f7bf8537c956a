//! Printing through the operating system's print system (CUPS on Linux and macOS, the Windows
//! spooler on Windows) with the `printers` crate: the installed printers, and PDF jobs with paper
//! size, orientation, copies, page ranges and true size, checked before sending and followed
//! until they leave the queue. Where the print system is CUPS, a small IPP client (`ipp`) adds
//! what the crate does not report: whether a queue accepts jobs, its paper sizes and trays, and
//! why a job stopped.

mod ipp;
mod pages;

use std::time::{Duration, Instant};

use crate::documents::DocumentKind;
use crate::error::{Error, PaperError, Result};
use crate::model::CertificateSettings;

pub use pages::PageRanges;

/// What a printer is doing, as the print system reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PrinterState {
    Idle,
    Printing,
    Stopped,
    Offline,
    Unknown,
}

impl PrinterState {
    pub fn label(self) -> &'static str {
        match self {
            PrinterState::Idle => "sẵn sàng",
            PrinterState::Printing => "đang in",
            PrinterState::Stopped => "đang tạm dừng",
            PrinterState::Offline => "mất kết nối",
            PrinterState::Unknown => "không rõ trạng thái",
        }
    }
}

/// An installed printer (a CUPS queue, a Windows printer).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Printer {
    /// The name jobs are sent to.
    pub name: String,
    /// The name people see ("printer-info"), often the model.
    pub description: String,
    pub default: bool,
    pub state: PrinterState,
    /// False when the queue refuses new jobs (`cupsreject`).
    pub accepting: bool,
    /// The print system's own words about the state, if any.
    pub state_message: String,
    /// Paper sizes the printer offers, as PWG names ("iso_a3_297x420mm"); empty when unknown.
    pub media: Vec<String>,
    pub default_media: Option<String>,
    /// Trays ("media-source-supported"); empty when the printer reports none.
    pub trays: Vec<String>,
}

fn from_crate(p: &printers::common::base::printer::Printer) -> Printer {
    use printers::common::base::printer::PrinterState as S;
    let state = match p.state {
        S::READY => PrinterState::Idle,
        S::PRINTING => PrinterState::Printing,
        S::PAUSED => PrinterState::Stopped,
        S::OFFLINE => PrinterState::Offline,
        S::UNKNOWN => PrinterState::Unknown,
    };
    let mut printer = Printer {
        name: p.system_name.clone(),
        description: p.name.clone(),
        default: p.is_default,
        state,
        accepting: true,
        state_message: String::new(),
        media: Vec::new(),
        default_media: None,
        trays: Vec::new(),
    };
    if let Ok(a) = ipp::printer_attributes(&printer.name) {
        printer.accepting = a.bool("printer-is-accepting-jobs").unwrap_or(true);
        printer.state_message = a.text("printer-state-message").unwrap_or_default();
        printer.media = a.texts("media-supported");
        printer.default_media = a.text("media-default");
        printer.trays = a.texts("media-source-supported");
        if a.int("printer-state") == Some(5) {
            printer.state = PrinterState::Stopped;
        }
    }
    printer
}

/// The installed printers, the default one marked.
pub fn printers() -> Vec<Printer> {
    printers::get_printers().iter().map(from_crate).collect()
}

/// The printer named `name`, or an error naming it.
pub fn printer(name: &str) -> Result<Printer> {
    printers::get_printer_by_name(name).map(|p| from_crate(&p)).ok_or_else(|| unknown(name))
}

/// A printer not found: unknown to a running CUPS, or CUPS itself is not answering.
fn unknown(name: &str) -> Error {
    match ipp::printer_attributes(name) {
        Err(e) if cfg!(unix) && e.status().is_none() => Error::PrintFailed {
            printer: name.into(),
            reason: "không liên lạc được với hệ thống in CUPS (dịch vụ cupsd chưa chạy?)".into(),
        },
        _ => Error::UnknownPrinter(name.into()),
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Orientation {
    /// As the document's pages are laid out.
    #[default]
    Auto,
    Portrait,
    Landscape,
}

/// The secretary's choices for one job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobSettings {
    pub printer: String,
    /// A paper size the print system knows ("A4", "iso_a3_297x420mm", "Custom.420x297mm").
    pub media: Option<String>,
    pub orientation: Orientation,
    pub copies: u32,
    pub pages: Option<PageRanges>,
    /// Print at 100 %: no "fit to page", no scaling.
    pub true_size: bool,
}

impl JobSettings {
    /// The settings a document starts from: A4 at true size; certificates and the calibration
    /// page on the stock's own size (A3 landscape unless the campaign says otherwise), always at
    /// true size so every line falls where the stock was calibrated.
    pub fn for_document(printer: &str, kind: DocumentKind, stock: &CertificateSettings) -> JobSettings {
        let media = match kind {
            DocumentKind::Certificates | DocumentKind::Calibration => stock_media(stock),
            _ => "A4".to_string(),
        };
        JobSettings {
            printer: printer.to_string(),
            media: Some(media),
            orientation: Orientation::Auto,
            copies: 1,
            pages: None,
            true_size: true,
        }
    }
}

/// The paper a certificate stock needs, width × height as the stock lies: "Custom.420x297mm"
/// for A3 landscape, so the print system neither scales nor turns the page.
pub fn stock_media(stock: &CertificateSettings) -> String {
    format!("Custom.{}x{}mm", stock.width_mm, stock.height_mm)
}

/// A job the print system accepted.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Job {
    pub id: u64,
    pub printer: String,
    /// Sheets of the document the job prints (before copies).
    pub pages: u32,
    /// What to set on the printer by hand where the print system cannot be told (Windows).
    pub notice: Option<String>,
}

/// The print system a job goes to: its options are named differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spooler {
    /// CUPS (Linux, macOS): IPP attributes ("media", "page-ranges", "print-scaling").
    Cups,
    /// The Windows spooler, through which the `printers` crate sends the document as it is (RAW)
    /// and applies only the number of copies: the pages are cut from the document here, and the
    /// paper, its orientation and 100 % scale are set in the printer's own preferences.
    Windows,
}

impl Spooler {
    /// The print system of this machine.
    pub fn current() -> Spooler {
        if cfg!(windows) {
            Spooler::Windows
        } else {
            Spooler::Cups
        }
    }
}

/// How one job is sent on a print system: the options it takes, the pages to cut from the
/// document before sending (where the print system cannot select them), and what the secretary
/// must set on the printer by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobPlan {
    pub options: Vec<(&'static str, String)>,
    pub cut_pages: Option<PageRanges>,
    pub notice: Option<String>,
}

/// The paper a "Custom.WxHmm", "A4" or "iso_a3_297x420mm" media names, in mm as given.
fn media_mm(media: &str) -> Option<(u32, u32)> {
    let named = |m: &str| match m.to_ascii_uppercase().as_str() {
        "A3" => Some((297, 420)),
        "A4" => Some((210, 297)),
        "A5" => Some((148, 210)),
        _ => None,
    };
    if let Some(size) = named(media) {
        return Some(size);
    }
    let dims = media.strip_prefix("Custom.").or_else(|| media.rsplit_once('_').map(|(_, d)| d))?;
    let (w, h) = dims.strip_suffix("mm")?.split_once('x')?;
    Some((w.parse().ok()?, h.parse().ok()?))
}

/// The paper as Windows names it in a printer's preferences: its standard forms «A3», «A4»,
/// «A5» (either way round), else the size to create as a custom form.
pub fn windows_paper(media: &str) -> Option<String> {
    let (w, h) = media_mm(media)?;
    let (short, long) = (w.min(h), w.max(h));
    let turn = if w > h { "ngang" } else { "dọc" };
    Some(match (short, long) {
        (297, 420) => format!("A3, hướng {turn}"),
        (210, 297) => format!("A4, hướng {turn}"),
        (148, 210) => format!("A5, hướng {turn}"),
        _ => format!("khổ tùy chỉnh {w} × {h} mm"),
    })
}

/// The print system's options for `settings` on `spooler`.
pub fn plan(spooler: Spooler, settings: &JobSettings) -> JobPlan {
    let copies = ("copies", settings.copies.max(1).to_string());
    match spooler {
        Spooler::Cups => {
            let mut o = vec![copies];
            if let Some(m) = &settings.media {
                o.push(("media", m.clone()));
            }
            match settings.orientation {
                Orientation::Auto => {}
                Orientation::Portrait => o.push(("orientation-requested", "3".into())),
                Orientation::Landscape => o.push(("orientation-requested", "4".into())),
            }
            if let Some(p) = &settings.pages {
                o.push(("page-ranges", p.to_string()));
            }
            if settings.true_size {
                o.push(("fit-to-page", "false".into()));
                o.push(("print-scaling", "none".into()));
            }
            JobPlan { options: o, cut_pages: None, notice: None }
        }
        Spooler::Windows => {
            let paper = settings.media.as_deref().and_then(windows_paper);
            let mut set = Vec::new();
            if let Some(p) = paper {
                set.push(format!("khổ giấy {p}"));
            }
            if settings.true_size {
                set.push("tỷ lệ 100 % (không «vừa trang»)".to_string());
            }
            let notice = (!set.is_empty()).then(|| {
                format!(
                    "Trên Windows, hãy đặt trong «Tùy chọn in» của máy in «{}»: {} trước khi in.",
                    settings.printer,
                    set.join("; ")
                )
            });
            JobPlan {
                options: vec![copies, ("document-format", "RAW".into())],
                cut_pages: settings.pages.clone(),
                notice,
            }
        }
    }
}

/// The document with only the pages `ranges` selects, in their order (a page named twice comes
/// twice), for a print system that cannot select pages itself.
pub fn cut_pages(pdf: &[u8], ranges: &PageRanges) -> Result<Vec<u8>> {
    let bad = |e: lopdf::Error| Error::Document(format!("tệp PDF không đọc được ({e})"));
    let mut doc = lopdf::Document::load_mem(pdf).map_err(bad)?;
    let pages = doc.get_pages();
    ranges.check(pages.len() as u32)?;
    let wanted: Vec<u32> = ranges.ranges().iter().flat_map(|&(a, b)| a..=b).collect();
    let unique: std::collections::BTreeSet<u32> = wanted.iter().copied().collect();
    if wanted.len() != unique.len() {
        return Err(Error::PageRange {
            range: ranges.to_string(),
            why: "trên Windows mỗi trang chỉ in một lần trong một lệnh; in thêm bản bằng số bản in".into(),
        });
    }
    let drop: Vec<u32> = pages.keys().copied().filter(|n| !unique.contains(n)).collect();
    doc.delete_pages(&drop);
    doc.prune_objects();
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(|e| Error::Document(format!("không ghi được tệp PDF ({e})")))?;
    Ok(out)
}

/// Checks the printer and the pages, then hands `pdf` to the print system. Nothing is sent when
/// the printer does not exist, is stopped or offline, or refuses jobs.
pub fn submit(pdf: &[u8], title: &str, settings: &JobSettings) -> Result<Job> {
    let total = lopdf::Document::load_mem(pdf)
        .map_err(|e| Error::Document(format!("tệp PDF không đọc được ({e})")))?
        .get_pages()
        .len() as u32;
    if let Some(p) = &settings.pages {
        p.check(total)?;
    }
    if settings.copies == 0 {
        return Err(PaperError::Copies { copies: 0, max: 999 }.into());
    }
    let found = printers::get_printer_by_name(&settings.printer).ok_or_else(|| unknown(&settings.printer))?;
    let printer = from_crate(&found);
    let refuse = |state: String| Error::PrinterUnavailable { printer: printer.name.clone(), state };
    if !printer.accepting {
        return Err(refuse("đang từ chối nhận lệnh in".into()));
    }
    if matches!(printer.state, PrinterState::Stopped | PrinterState::Offline) {
        let why =
            if printer.state_message.is_empty() { String::new() } else { format!(" ({})", printer.state_message) };
        return Err(refuse(format!("{}{why}", printer.state.label())));
    }
    let plan = plan(Spooler::current(), settings);
    let cut;
    let pdf = match &plan.cut_pages {
        Some(ranges) => {
            cut = cut_pages(pdf, ranges)?;
            &cut[..]
        }
        None => pdf,
    };
    let raw: Vec<(&str, &str)> = plan.options.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let job_options = printers::common::base::job::PrinterJobOptions {
        name: Some(title),
        raw_properties: &raw,
        converter: printers::common::converters::Converter::None,
    };
    let id = found.print(pdf, job_options).map_err(|e| Error::PrintFailed {
        printer: printer.name.clone(),
        reason: format!("hệ thống in không nhận lệnh in ({})", e.message),
    })?;
    let pages = settings.pages.as_ref().map_or(total, PageRanges::count);
    Ok(Job { id, printer: printer.name, pages, notice: plan.notice })
}

/// Where a job stands while it is followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum JobState {
    Pending,
    Held,
    Processing,
    Completed,
}

/// Follows `job` until it has left the queue: `Ok` when it completed, an error with the print
/// system's reason when it was cancelled or aborted, and an error after `timeout` (the job is
/// left in the queue). `progress` hears each new state.
pub fn wait(job: &Job, timeout: Duration, mut progress: impl FnMut(JobState)) -> Result<()> {
    let start = Instant::now();
    let mut last = None;
    let mut pause = Duration::from_millis(50);
    loop {
        let (state, reason) = job_state(job);
        if let Some(state) = state {
            if last != Some(state) {
                progress(state);
                last = Some(state);
            }
            if state == JobState::Completed {
                return Ok(());
            }
        } else if let Some(reason) = reason {
            return Err(Error::PrintFailed { printer: job.printer.clone(), reason });
        }
        if start.elapsed() >= timeout {
            return Err(Error::PrintTimeout {
                printer: job.printer.clone(),
                job: job.id,
                seconds: timeout.as_secs(),
                state: last.map_or("không rõ", JobState::label).to_string(),
            });
        }
        std::thread::sleep(pause.min(timeout.saturating_sub(start.elapsed())));
        pause = (pause * 2).min(Duration::from_millis(500));
    }
}

impl JobState {
    pub fn label(self) -> &'static str {
        match self {
            JobState::Pending => "đang chờ in",
            JobState::Held => "đang bị giữ lại",
            JobState::Processing => "đang in",
            JobState::Completed => "đã in xong",
        }
    }
}

/// The job's state, or (`None`, reason) when it ended without printing.
fn job_state(job: &Job) -> (Option<JobState>, Option<String>) {
    let answer = ipp::job_attributes(job.id);
    if let Err(e) = &answer {
        if e.status() == Some(0x0406) {
            return (None, Some(format!("hệ thống in không còn biết lệnh in số {}", job.id)));
        }
    }
    if let Ok(a) = answer {
        let reasons = a.texts("job-state-reasons").join(", ");
        let message = a.text("job-printer-state-message").or_else(|| a.text("job-state-message"));
        let why = || match &message {
            Some(m) if !m.is_empty() => format!("{m} ({reasons})"),
            _ => reasons.clone(),
        };
        return match a.int("job-state") {
            Some(3) => (Some(JobState::Pending), None),
            Some(4) | Some(6) => (Some(JobState::Held), None),
            Some(5) => (Some(JobState::Processing), None),
            Some(7) => (None, Some(format!("lệnh in số {} đã bị hủy: {}", job.id, why()))),
            Some(8) => (None, Some(format!("lệnh in số {} bị lỗi: {}", job.id, why()))),
            Some(9) => (Some(JobState::Completed), None),
            _ => (None, Some(format!("không rõ trạng thái lệnh in số {}", job.id))),
        };
    }
    // Without IPP (the Windows spooler): the crate's job list.
    use printers::common::base::job::PrinterJobState as S;
    let Some(p) = printers::get_printer_by_name(&job.printer) else {
        return (None, Some(format!("máy in «{}» không còn trong hệ thống in", job.printer)));
    };
    match p.get_job_history().iter().chain(p.get_active_jobs().iter()).find(|j| j.id == job.id).map(|j| &j.state) {
        Some(S::COMPLETED) => (Some(JobState::Completed), None),
        Some(S::CANCELLED) => (None, Some(format!("lệnh in số {} đã bị hủy", job.id))),
        Some(S::PAUSED) => (Some(JobState::Held), None),
        Some(S::PROCESSING) => (Some(JobState::Processing), None),
        Some(S::PENDING) | Some(S::UNKNOWN) => (Some(JobState::Pending), None),
        // Gone from every list: the spooler forgets finished jobs.
        None => (Some(JobState::Completed), None),
    }
}

/// Submits `pdf` and follows the job until it has left the queue (see `submit` and `wait`).
pub fn print(pdf: &[u8], title: &str, settings: &JobSettings, timeout: Duration) -> Result<Job> {
    let job = submit(pdf, title, settings)?;
    wait(&job, timeout, |_| {})?;
    Ok(job)
}
