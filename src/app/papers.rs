//! The papers: the signed decision's record, every document rendered to PDF (saved in the data
//! folder or sent to a printer at true size), and where the certificate's fields sit on the
//! office's pre-printed stock.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;

use crate::documents::{
    annex, calibration_page, certificates, decision, minutes, proposal, refusal_notices, score_sheets, CouncilFacts,
    CouncilRecord, DecisionData, DecisionState, DocumentKind, PrintOptions, Stock, FIELDS,
};
use crate::error::{Error, PaperError, Result};
use crate::model::{Campaign, DecisionRecord, NomineeKind, Offset, Signer};
use crate::printing::{self, Job, JobSettings, JobState, Orientation, PageRanges};
use crate::store::Store;
use crate::vn::{amount_in_words, format_dong, short_date};

/// The office's emblem, decoded for the certificates; a picture kept before that no longer
/// decodes is said as such.
fn office_emblem(store: &Store) -> Result<Option<crate::documents::emblem::Emblem>> {
    match store.emblem()? {
        None => Ok(None),
        Some(png) => crate::documents::emblem::decode_emblem(&png)
            .map(Some)
            .map_err(|why| PaperError::BadEmblem { file: "ảnh quốc huy đã lưu".into(), why }.into()),
    }
}

/// Keeps the PNG picture in `file` as the office's emblem for plain-paper certificates, after
/// checking it (size, a real PNG, its dimensions); nothing is kept when it is refused.
pub fn set_emblem(store: &mut Store, file: &Path) -> Result<()> {
    use crate::documents::emblem::{decode_emblem, too_large, MAX_EMBLEM_BYTES};
    let refuse = |why: String| -> Error { PaperError::BadEmblem { file: file.display().to_string(), why }.into() };
    let bytes = match crate::store::read_user_file(file, MAX_EMBLEM_BYTES as u64)? {
        crate::store::UserFile::Bytes(bytes) => bytes,
        crate::store::UserFile::NotRegular => return Err(refuse("không phải một tệp".into())),
        crate::store::UserFile::TooLarge(len) => return Err(refuse(too_large(len))),
    };
    decode_emblem(&bytes).map_err(refuse)?;
    store.set_emblem(&bytes)
}

/// Sets the campaign's certificate stock from what the secretary typed: «A4» (297 × 210 mm),
/// «A3» (420 × 297) or «RỘNGxCAO» in millimetres, landscape; each side from 100 to 500 mm.
/// Returns the size kept.
pub fn set_stock_size(store: &mut Store, code: Option<&str>, typed: &str) -> Result<(u32, u32)> {
    let folded = crate::vn::fold(typed).replace(' ', "");
    let size = match folded.as_str() {
        "a4" => Some((297, 210)),
        "a3" => Some((420, 297)),
        other => other
            .split_once(['x', '×', '*'])
            .and_then(|(w, h)| Some((w.trim().parse::<u32>().ok()?, h.trim().parse::<u32>().ok()?))),
    };
    let Some((w, h)) = size.map(|(w, h)| (w.max(h), w.min(h))) else {
        return Err(PaperError::StockSize(crate::vn::shown(typed)).into());
    };
    if !(100..=500).contains(&w) || !(100..=500).contains(&h) {
        return Err(PaperError::StockSize(crate::vn::shown(typed)).into());
    }
    let c = store.campaign(code)?;
    let mut settings = c.settings.clone();
    settings.certificate.width_mm = w;
    settings.certificate.height_mm = h;
    store.update_settings(c.id, &settings)?;
    Ok((w, h))
}

/// Forgets the office's emblem picture.
pub fn clear_emblem(store: &mut Store) -> Result<()> {
    store.clear_emblem()
}

/// Whether the office has chosen an emblem picture.
pub fn has_emblem(store: &Store) -> Result<bool> {
    Ok(store.emblem()?.is_some())
}

/// The furthest a certificate field may be moved, in tenths of a millimetre (50 mm): more is a
/// mistyped figure, not a printer's drift.
pub const MAX_OFFSET_TENTHS: i64 = 500;

/// Records (or corrects) the signed decision's number, day and signer; `signer` `None` keeps the
/// campaign's default signer. Returns the decision's symbol, for the confirmation.
pub fn record_decision(
    store: &mut Store,
    code: Option<&str>,
    number: u32,
    signed_on: NaiveDate,
    signer: Option<Signer>,
) -> Result<String> {
    let c = store.campaign(code)?;
    let deadline = c.deadline.with_timezone(&crate::vn::vietnam_offset()).date_naive();
    if signed_on < deadline {
        return Err(
            PaperError::SignedBeforeDeadline { signed: short_date(signed_on), deadline: short_date(deadline) }.into()
        );
    }
    if let Some(m) = store.meeting_where(c.id, false)? {
        if signed_on < m.date {
            return Err(
                PaperError::SignedBeforeMeeting { signed: short_date(signed_on), meeting: short_date(m.date) }.into()
            );
        }
    }
    store.set_decision(c.id, &DecisionRecord { number, signed_on, signer })?;
    Ok(c.settings.issuer.decision_symbol)
}

/// What the secretary should know before printing the decision as it stands: a signed decision
/// that cites a basis with a blank number, or a day of signing in another decree's time than
/// the settings' bases cite. Empty when nothing needs a look.
pub fn decision_warnings(data: &DecisionData) -> Vec<String> {
    let mut out = Vec::new();
    let DecisionState::Final { signed_on, .. } = data.state else { return out };
    let mut bases = data.legal_bases();
    bases.push(crate::documents::plan_reference(&data.campaign));
    for b in bases.iter().filter(|b| cites_a_blank_number(b)) {
        let shown: String = b.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(80).collect();
        out.push(format!(
            "Quyết định đã có số nhưng căn cứ «{shown}…» còn để trống số văn bản: hãy ghi số và ngày của văn bản \
             đó (trang Thiết lập, hoặc lệnh «thidua campaign plan --number SỐ --date YYYY-MM-DD» cho kế hoạch) \
             trước khi in bản chính thức."
        ));
    }
    for change in data.decree_changes().1 {
        out.push(format!(
            "Ngày ký {} thuộc thời gian áp dụng Nghị định số {} (từ {}), không phải Nghị định số {} mà thiết lập \
             của đợt thi đua căn cứ: quyết định in căn cứ Nghị định số {}. Hãy kiểm tra lại mức tiền thưởng và \
             các căn cứ khác.",
            short_date(signed_on),
            change.in_force,
            short_date(change.since),
            change.written,
            change.in_force
        ));
    }
    out
}

/// The warnings to show before printing `kind` (those of the decision for the decision, its annex
/// and the certificates; none for the other papers).
pub fn warnings_before_printing(store: &Store, code: Option<&str>, kind: DocumentKind) -> Result<Vec<String>> {
    if !matches!(kind, DocumentKind::Decision | DocumentKind::Annex | DocumentKind::Certificates) {
        return Ok(Vec::new());
    }
    let c = store.campaign(code)?;
    // A decision that cannot be drawn up says why when it is rendered.
    Ok(decision_data(store, &c).map(|d| decision_warnings(&d)).unwrap_or_default())
}

/// «Kế hoạch số /KH-UBND», «Quyết định số   /QĐ-UBND»: a citation whose number is left blank.
fn cites_a_blank_number(basis: &str) -> bool {
    let flat: String = basis.split_whitespace().collect::<Vec<_>>().join(" ");
    flat.contains(" số /") || flat.contains(" số ./")
}

/// One awardee as the decision screen lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwardeeLine {
    /// «Ông Nguyễn Văn A», or a collective's name.
    pub addressed: String,
    pub kind: NomineeKind,
    pub position_and_unit: String,
}

/// The decision as the screen shows it before printing: its record, the awardees and the money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionSummary {
    pub record: Option<DecisionRecord>,
    pub symbol: String,
    /// The signer recorded, else the campaign's.
    pub signer: Signer,
    pub awardees: Vec<AwardeeLine>,
    /// «Số: 25/QĐ-UBND», or blank for the draft.
    pub number_text: String,
    pub date_text: String,
    /// «540.000 đồng × 1», or «không có».
    pub collective_bonus: String,
    pub individual_bonus: String,
    pub total: String,
    pub total_in_words: String,
    /// Which base salary row the amounts use.
    pub salary_note: String,
    /// Why the decision cannot be drawn up yet (no base salary row in force…).
    pub problem: Option<String>,
    /// What to look at before printing it (`decision_warnings`).
    pub warnings: Vec<String>,
}

/// The decision of the campaign as it would print now.
pub fn decision_summary(store: &Store, code: Option<&str>) -> Result<DecisionSummary> {
    let c = store.campaign(code)?;
    let record = store.decision(c.id)?;
    let signer = record.as_ref().and_then(|r| r.signer.clone()).unwrap_or_else(|| c.settings.decision.signer.clone());
    let mut summary = DecisionSummary {
        record: record.clone(),
        symbol: c.settings.issuer.decision_symbol.clone(),
        signer,
        awardees: Vec::new(),
        number_text: String::new(),
        date_text: String::new(),
        collective_bonus: String::new(),
        individual_bonus: String::new(),
        total: String::new(),
        total_in_words: String::new(),
        salary_note: String::new(),
        problem: None,
        warnings: Vec::new(),
    };
    match decision_data(store, &c) {
        Ok(d) => {
            summary.warnings = decision_warnings(&d);
            summary.awardees = d
                .awardees
                .iter()
                .map(|a| AwardeeLine {
                    addressed: a.addressed(),
                    kind: a.kind,
                    position_and_unit: a.position_and_unit(),
                })
                .collect();
            summary.number_text = d.number();
            summary.date_text = d.long_date();
            let money = |amount: i64, n: usize| {
                if n == 0 {
                    "không có".to_string()
                } else {
                    format!("{} đồng × {n}", format_dong(amount))
                }
            };
            summary.collective_bonus = money(d.collective_bonus.amount, d.count(NomineeKind::Collective));
            summary.individual_bonus = money(d.individual_bonus.amount, d.count(NomineeKind::Individual));
            summary.total = format!("{} đồng", format_dong(d.total()));
            summary.total_in_words = amount_in_words(d.total());
            let row = &d.individual_bonus.salary;
            summary.salary_note = format!(
                "Mức lương cơ sở {} đồng, áp dụng từ {} ({}).",
                format_dong(row.amount),
                short_date(row.from),
                row.source
            );
        }
        Err(e) => summary.problem = Some(e.to_string()),
    }
    Ok(summary)
}

/// The decision of `campaign` as the records stand: its record, if signed, and its awardees.
pub fn decision_data(store: &Store, campaign: &Campaign) -> Result<DecisionData> {
    let record = store.decision(campaign.id)?;
    let nominations = store.nominations(campaign.id)?;
    DecisionData::new(campaign.clone(), record, &nominations)
}

/// What the council's papers print; refused when the council has not met (`document` names the
/// paper).
pub fn council_record(store: &Store, campaign: &Campaign, document: &'static str) -> Result<CouncilRecord> {
    let report = store.ranking(campaign.id, None)?;
    let quorum = match &report.meeting {
        Some(m) => {
            let (met, needed, _) = store.quorum(campaign.id, m)?;
            Some((met, needed))
        }
        None => None,
    };
    let entries = match &report.meeting {
        Some(m) => store.sheet_entries(m.id)?,
        None => Vec::new(),
    };
    let facts = CouncilFacts {
        report,
        quorum,
        entries,
        nominations: store.nominations(campaign.id)?,
        shortlist: store.shortlist(campaign.id)?,
        rules: store.council_rules(campaign.id)?,
        members: store.members(campaign.id)?,
    };
    CouncilRecord::new(campaign, document, facts)
}

/// Renders a document of `campaign` from its records.
pub fn render_campaign(
    store: &Store,
    campaign: &Campaign,
    kind: DocumentKind,
    options: &PrintOptions,
) -> Result<Vec<u8>> {
    match kind {
        DocumentKind::Decision => decision(&decision_data(store, campaign)?),
        DocumentKind::Annex => annex(&decision_data(store, campaign)?),
        DocumentKind::Certificates => {
            let stock = Stock::new(&campaign.settings.certificate, options.preprinted, store.certificate_offsets()?)
                .with_emblem(office_emblem(store)?);
            certificates(&decision_data(store, campaign)?, &stock)
        }
        DocumentKind::Calibration => {
            calibration_page(&Stock::new(&campaign.settings.certificate, true, store.certificate_offsets()?))
        }
        DocumentKind::Refusals => refusal_notices(campaign, &store.nominations(campaign.id)?),
        DocumentKind::ScoreSheets => {
            // A member's sheet leaves out the nominees the member is recused for.
            let recusals = store.recusals(campaign.id)?;
            let members = if options.members.is_empty() {
                store
                    .members(campaign.id)?
                    .iter()
                    .map(|m| {
                        let skip = recusals.pairs().filter(|(r, _)| *r == m.id).map(|(_, n)| *n).collect();
                        (m.name.clone(), Some(m.role.label().to_string()), skip)
                    })
                    .collect()
            } else {
                options.members.iter().map(|m| (m.clone(), None, Vec::new())).collect::<Vec<_>>()
            };
            score_sheets(campaign, &store.nominations(campaign.id)?, &members)
        }
        DocumentKind::Proposal => proposal(&council_record(store, campaign, "tờ trình")?),
        DocumentKind::Minutes => minutes(&council_record(store, campaign, "biên bản họp Hội đồng")?),
    }
}

/// Renders a document of the campaign to PDF bytes.
pub fn render(store: &Store, code: Option<&str>, kind: DocumentKind, options: &PrintOptions) -> Result<Vec<u8>> {
    let c = store.campaign(code)?;
    render_campaign(store, &c, kind, options)
}

/// A document written to a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedDocument {
    pub path: PathBuf,
    pub bytes: usize,
}

/// Renders a document and writes it to `out`.
pub fn save(
    store: &Store,
    code: Option<&str>,
    kind: DocumentKind,
    options: &PrintOptions,
    out: &Path,
) -> Result<SavedDocument> {
    let bytes = render(store, code, kind, options)?;
    super::write_whole(out, &bytes)?;
    Ok(SavedDocument { path: out.to_path_buf(), bytes: bytes.len() })
}

/// Renders a document into the documents folder `dir`, under the document's own file name
/// (certificates for pre-printed stock apart).
pub fn save_in_folder(
    store: &Store,
    code: Option<&str>,
    kind: DocumentKind,
    options: &PrintOptions,
    dir: &Path,
) -> Result<SavedDocument> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
    let suffix = if options.preprinted && kind == DocumentKind::Certificates { "-phoi" } else { "" };
    save(store, code, kind, options, &dir.join(format!("{}{suffix}.pdf", kind.file_stem())))
}

/// `path` if it lies inside the documents folder `dir` (the window opens nothing else).
pub fn document_in(dir: &Path, path: &Path) -> Result<PathBuf> {
    let ok = path.canonicalize().ok().zip(dir.canonicalize().ok()).is_some_and(|(p, d)| p.starts_with(d));
    if ok {
        Ok(path.to_path_buf())
    } else {
        Err(PaperError::NotADocument.into())
    }
}

/// The secretary's choices for a print job; `None` keeps the document's own (A4, or the stock's
/// size for certificates, always at true size).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrintChoice {
    pub printer: String,
    pub media: Option<String>,
    pub orientation: Orientation,
    pub copies: u32,
    pub pages: Option<PageRanges>,
}

/// How a print job goes, as it is followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintEvent<'a> {
    /// The print system accepted the job.
    Submitted(&'a Job),
    /// The job moved to a new state.
    State(&'a Job, JobState),
}

/// The most copies one job may ask for.
pub const MAX_COPIES: u32 = 999;

/// A document rendered and checked for the printer, ready to send: preparing needs the records,
/// sending does not (a front end lets go of the database while the job prints).
#[derive(Debug, Clone)]
pub struct PrintJob {
    pdf: Vec<u8>,
    title: String,
    settings: JobSettings,
}

/// Renders a document for a printer at true size, on the paper `choice` names or the
/// document's own (A4, or the stock's size for certificates).
pub fn prepare_print(
    store: &Store,
    code: Option<&str>,
    kind: DocumentKind,
    options: &PrintOptions,
    choice: &PrintChoice,
) -> Result<PrintJob> {
    if !(1..=MAX_COPIES).contains(&choice.copies) {
        return Err(PaperError::Copies { copies: choice.copies, max: MAX_COPIES }.into());
    }
    let c = store.campaign(code)?;
    let pdf = render_campaign(store, &c, kind, options)?;
    let mut settings = job_settings(&c, kind, &choice.printer, choice.media.as_deref());
    settings.orientation = choice.orientation;
    settings.copies = choice.copies;
    settings.pages = choice.pages.clone();
    Ok(PrintJob { pdf, title: format!("Thi đua – {}", kind.title()), settings })
}

/// The document's own settings on `printer`, on the paper `media` names when one is chosen.
fn job_settings(c: &Campaign, kind: DocumentKind, printer: &str, media: Option<&str>) -> JobSettings {
    let mut settings = JobSettings::for_document(printer, kind, &c.settings.certificate);
    if let Some(m) = media.filter(|m| !m.trim().is_empty()) {
        settings.media = Some(m.to_string());
    }
    settings
}

/// What to set by hand on `printer` before printing `kind`, where the print system cannot be
/// told (Windows: the paper, its orientation, 100 % scale); none where it can. Shown before
/// anything is sent.
pub fn print_notice(
    store: &Store,
    code: Option<&str>,
    kind: DocumentKind,
    printer: &str,
    media: Option<&str>,
) -> Result<Option<String>> {
    let c = store.campaign(code)?;
    Ok(printing::plan(printing::Spooler::current(), &job_settings(&c, kind, printer, media)).notice)
}

impl PrintJob {
    /// What to set on the printer by hand before this job prints, where the print system
    /// cannot be told (Windows: the paper, its orientation and 100 % scale).
    pub fn notice(&self) -> Option<String> {
        printing::plan(printing::Spooler::current(), &self.settings).notice
    }
}

/// Sends a prepared document to its printer, then follows the job until it has left the queue
/// (at most `timeout`), telling `progress` how it goes.
pub fn send(job: &PrintJob, timeout: Duration, mut progress: impl FnMut(PrintEvent<'_>)) -> Result<Job> {
    let sent = printing::submit(&job.pdf, &job.title, &job.settings)?;
    progress(PrintEvent::Submitted(&sent));
    printing::wait(&sent, timeout, |state| progress(PrintEvent::State(&sent, state)))?;
    Ok(sent)
}

/// One certificate field with its saved offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldOffset {
    pub field: &'static str,
    pub label: &'static str,
    pub offset: Offset,
}

/// Every certificate field with its saved offset (none saved: zero).
pub fn offsets(store: &Store) -> Result<Vec<FieldOffset>> {
    let saved = store.certificate_offsets()?;
    Ok(FIELDS
        .iter()
        .map(|(field, label)| FieldOffset { field, label, offset: saved.get(*field).copied().unwrap_or_default() })
        .collect())
}

/// A length typed in millimetres, in tenths (refused when it is not a finite number).
pub fn tenths_of_mm(mm: f64) -> Result<i64> {
    if !mm.is_finite() || mm.abs() > 1e6 {
        return Err(PaperError::OffsetTooLarge { max_mm: MAX_OFFSET_TENTHS / 10 }.into());
    }
    Ok((mm * 10.0).round() as i64)
}

/// Saves where a certificate field sits on this office's stock, in tenths of a millimetre
/// (right, down), at most ±50 mm.
pub fn set_offset(store: &mut Store, field: &str, offset: Offset) -> Result<()> {
    if !FIELDS.iter().any(|(f, _)| *f == field) {
        let names: Vec<&str> = FIELDS.iter().map(|(f, _)| *f).collect();
        return Err(PaperError::UnknownField { field: crate::vn::shown(field), known: names.join(", ") }.into());
    }
    if offset.dx.abs() > MAX_OFFSET_TENTHS || offset.dy.abs() > MAX_OFFSET_TENTHS {
        return Err(PaperError::OffsetTooLarge { max_mm: MAX_OFFSET_TENTHS / 10 }.into());
    }
    store.set_certificate_offset(field, offset)
}

/// The print system's printers, with their state, paper sizes and trays.
pub fn printers() -> Vec<printing::Printer> {
    printing::printers()
}
