//! Intake: recording and correcting dossiers, importing a spreadsheet of them, the rules'
//! preview while the secretary types, appraisal (R7), scanned files, search and history.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::error::{Error, ImportProblem, Result, UnitError};
use crate::exchange::read_nominations;
use crate::model::{
    Campaign, Gender, NewNomination, Nomination, NominationId, NomineeKind, PartState, Parts, Reason, UnitId,
};
use crate::store::{Attachment, AuditEntry, AuditLine, SearchHit, Store};

/// The campaign's dossiers, in the order they were recorded.
pub fn nominations(store: &Store, code: Option<&str>) -> Result<Vec<Nomination>> {
    let c = store.campaign(code)?;
    store.nominations(c.id)
}

/// One dossier.
pub fn nomination(store: &Store, id: NominationId) -> Result<Nomination> {
    store.nomination(id)
}

/// Records a dossier in the campaign and applies the intake rules (R4–R6); returns it as recorded.
pub fn record(store: &mut Store, code: Option<&str>, item: &NewNomination) -> Result<Nomination> {
    let c = store.campaign(code)?;
    let id = store.record_nomination(c.id, item)?;
    store.nomination(id)
}

/// A unit named by its id (the window) or by its name as typed (the command line, matched
/// without case, diacritics or repeated spaces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitRef {
    Id(UnitId),
    Name(String),
}

/// What a correction changes; the fields left `None` keep their recorded value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Correction {
    pub unit: Option<UnitRef>,
    pub kind: Option<NomineeKind>,
    pub name: Option<String>,
    pub gender: Option<Gender>,
    pub position: Option<String>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub proposal_letter: Option<PartState>,
    pub minutes: Option<PartState>,
    pub achievement_report: Option<PartState>,
    pub summary: Option<String>,
    /// A collective's share of women in per cent.
    pub women_percent: Option<u8>,
}

fn unit_id(store: &Store, n: &Nomination, unit: &UnitRef) -> Result<UnitId> {
    match unit {
        UnitRef::Id(id) => Ok(*id),
        UnitRef::Name(name) => {
            let wanted = crate::vn::fold(name);
            let units = store.units(n.campaign)?;
            units
                .iter()
                .find(|u| crate::vn::fold(&u.name) == wanted)
                .map(|u| u.id)
                .ok_or_else(|| Error::Unit(UnitError::UnknownName(name.clone())))
        }
    }
}

/// The dossier `n` with `change` applied.
fn corrected(store: &Store, n: &Nomination, change: &Correction) -> Result<NewNomination> {
    let unit = match &change.unit {
        None => n.unit,
        Some(u) => unit_id(store, n, u)?,
    };
    Ok(NewNomination {
        unit,
        kind: change.kind.unwrap_or(n.kind),
        name: change.name.clone().unwrap_or_else(|| n.name.clone()),
        gender: change.gender.or(n.gender),
        position: match &change.position {
            Some(p) => Some(p.clone()).filter(|p| !p.trim().is_empty()),
            None => n.position.clone(),
        },
        submitted_at: change.submitted_at.unwrap_or(n.submitted_at),
        parts: Parts {
            proposal_letter: change.proposal_letter.unwrap_or(n.parts.proposal_letter),
            minutes: change.minutes.unwrap_or(n.parts.minutes),
            achievement_report: change.achievement_report.unwrap_or(n.parts.achievement_report),
        },
        summary: change.summary.clone().unwrap_or_else(|| n.summary.clone()),
        women_percent: change.women_percent.or(n.women_percent),
    })
}

/// Corrects a recorded dossier; the intake rules are applied again to its unit (and its former
/// one), its appraisal stays. Returns it as recorded.
pub fn correct(store: &mut Store, id: NominationId, change: &Correction) -> Result<Nomination> {
    let n = store.nomination(id)?;
    let item = corrected(store, &n, change)?;
    store.correct_nomination(id, &item)?;
    store.nomination(id)
}

/// Replaces a recorded dossier's values with `item` (the window's form sends them all); the intake
/// rules are applied again as for [`correct`]. Returns it as recorded.
pub fn replace(store: &mut Store, id: NominationId, item: &NewNomination) -> Result<Nomination> {
    store.correct_nomination(id, item)?;
    store.nomination(id)
}

/// What the intake rules would say of the dossier being typed, without recording it: a new one
/// in the campaign, or dossier `replacing` corrected to `item`.
pub fn preview(
    store: &Store,
    code: Option<&str>,
    replacing: Option<NominationId>,
    item: &NewNomination,
) -> Result<Vec<(Reason, String)>> {
    match replacing {
        Some(id) => store.preview_correction(id, item),
        None => {
            let c = store.campaign(code)?;
            store.preview_nomination(c.id, item)
        }
    }
}

/// What an import of dossiers did.
#[derive(Debug, Clone)]
pub struct ImportReport {
    /// The dossiers recorded, in file order, as the rules left them.
    pub recorded: Vec<Nomination>,
    /// Rows already recorded before (same unit, kind, name and portal time).
    pub skipped_rows: Vec<usize>,
}

impl ImportReport {
    /// How many of the recorded dossiers were refused at intake.
    pub fn refused(&self) -> usize {
        self.recorded.iter().filter(|n| !n.refusals.is_empty()).count()
    }
}

/// What an import of a nomination file recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOutcome {
    /// The nominations recorded, in file order.
    pub recorded: Vec<NominationId>,
    /// Rows already recorded before (same unit, kind, name and portal time), not recorded again.
    pub skipped_rows: Vec<usize>,
}

/// A person's name in a file typed all in one case, and the form offered for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameOffer {
    pub row: usize,
    pub typed: String,
    pub offered: String,
}

/// What an import does with people's names typed all in one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameCase {
    /// Refuses the file, nothing written, listing each name with the form offered, so that the
    /// secretary sees them before anything is saved and chooses.
    Ask,
    /// Records the names as the file has them.
    AsTyped,
    /// Records the offered form («nguyễn văn a» as «Nguyễn Văn A»).
    TitleCase,
}

/// The people's names of a nomination file typed all in one case, with the form offered for
/// each; reads the file, writes nothing.
pub fn name_offers(store: &Store, code: Option<&str>, path: &Path) -> Result<Vec<NameOffer>> {
    let c = store.campaign(code)?;
    let units = store.units(c.id)?;
    Ok(offers(&read_nominations(path, &units)?))
}

fn offers(rows: &[(usize, NewNomination)]) -> Vec<NameOffer> {
    rows.iter()
        .filter(|(_, n)| n.kind == crate::model::NomineeKind::Individual)
        .filter_map(|(row, n)| {
            let offered = crate::vn::title_case_offer(&n.name)?;
            Some(NameOffer { row: *row, typed: n.name.clone(), offered })
        })
        .collect()
}

/// Reads a nomination file and records its dossiers in `campaign`, all or nothing; a row already
/// recorded is skipped, so an updated sheet can be imported again. People's names typed all in
/// one case are refused with the form offered (`NameCase::Ask`).
pub fn import_nominations(store: &mut Store, campaign: &Campaign, path: &Path) -> Result<ImportOutcome> {
    import_nominations_with(store, campaign, path, NameCase::Ask)
}

/// As `import_nominations`, doing with one-case names what `names` says.
pub fn import_nominations_with(
    store: &mut Store,
    campaign: &Campaign,
    path: &Path,
    names: NameCase,
) -> Result<ImportOutcome> {
    let units = store.units(campaign.id)?;
    let mut rows = read_nominations(path, &units)?;
    let offered = offers(&rows);
    match names {
        NameCase::Ask if !offered.is_empty() => {
            let problems = offered
                .iter()
                .map(|o| ImportProblem {
                    row: o.row,
                    column: Some("Tên".into()),
                    message: format!(
                        "«{}» gõ toàn chữ {}; đề nghị ghi «{}». Chọn ghi theo đề nghị hoặc giữ nguyên như tệp rồi nhập lại.",
                        o.typed,
                        if o.typed.chars().any(char::is_lowercase) { "thường" } else { "hoa" },
                        o.offered
                    ),
                })
                .collect();
            return Err(Error::ImportRejected { file: path.display().to_string(), problems });
        }
        NameCase::TitleCase => {
            for (row, item) in &mut rows {
                if let Some(o) = offered.iter().find(|o| o.row == *row) {
                    item.name = o.offered.clone();
                }
            }
        }
        _ => {}
    }
    // The portal time's plausibility, said against its row and column like the file's other faults.
    let now = chrono::Utc::now();
    let problems: Vec<ImportProblem> = rows
        .iter()
        .filter_map(|(row, item)| {
            let why = crate::rules::deadline::implausible_portal_time(item.submitted_at, campaign.period.start, now)?;
            Some(ImportProblem {
                row: *row,
                column: Some("Thời gian nộp".into()),
                message: format!("thời điểm nộp {why}."),
            })
        })
        .collect();
    if !problems.is_empty() {
        return Err(Error::ImportRejected { file: path.display().to_string(), problems });
    }
    let mut seen: HashSet<_> = store.nomination_keys(campaign.id)?.into_iter().collect();
    let mut fresh = Vec::new();
    let mut skipped_rows = Vec::new();
    for (row, item) in rows {
        if seen.insert(crate::store::nomination_key(&item)) {
            fresh.push(item);
        } else {
            skipped_rows.push(row);
        }
    }
    let recorded = store.record_nominations(campaign.id, &fresh)?;
    Ok(ImportOutcome { recorded, skipped_rows })
}

/// Records the dossiers of a `.csv` or `.xlsx` file, all or nothing; `names` says what to do
/// with people's names typed all in one case.
pub fn import(store: &mut Store, code: Option<&str>, file: &Path, names: NameCase) -> Result<ImportReport> {
    let c = store.campaign(code)?;
    let outcome = import_nominations_with(store, &c, file, names)?;
    let recorded = outcome.recorded.iter().map(|id| store.nomination(*id)).collect::<Result<Vec<_>>>()?;
    Ok(ImportReport { recorded, skipped_rows: outcome.skipped_rows })
}

/// The secretary's appraisal of one dossier (R7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Appraisal {
    Accept,
    Refuse {
        reason: Reason,
        note: String,
    },
    /// Takes a mistaken appraisal back (never under the council's shortlist).
    Reopen,
}

/// Appraises a dossier; returns it as it now stands.
pub fn appraise(store: &mut Store, id: NominationId, appraisal: &Appraisal) -> Result<Nomination> {
    match appraisal {
        Appraisal::Accept => store.accept(id)?,
        Appraisal::Refuse { reason, note } => store.refuse(id, *reason, note)?,
        Appraisal::Reopen => store.reopen(id)?,
    }
    store.nomination(id)
}

/// Accepts every received dossier of the campaign; returns how many.
pub fn accept_all(store: &mut Store, code: Option<&str>) -> Result<usize> {
    let c = store.campaign(code)?;
    store.accept_all(c.id)
}

/// Copies scanned files into the data folder and attaches them to a dossier, in order.
pub fn attach(store: &mut Store, id: NominationId, files: &[PathBuf]) -> Result<Vec<Attachment>> {
    files.iter().map(|f| store.attach_file(id, f)).collect()
}

/// The files attached to a dossier, each with where it lies.
pub fn attachments(store: &Store, id: NominationId) -> Result<Vec<Attachment>> {
    store.nomination(id)?;
    store.attachments(id)
}

/// Where an attached file lies, checked against its digest before anyone opens it.
pub fn attachment_file(store: &Store, attachment: i64) -> Result<PathBuf> {
    store.attachment_file(attachment)
}

/// Dossiers of every campaign whose nominee or unit matches `text`, without diacritics.
pub fn search(store: &Store, text: &str) -> Result<Vec<SearchHit>> {
    store.search(text)
}

/// Whose history to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryScope<'a> {
    /// The campaign named (or the one worked on).
    Campaign(Option<&'a str>),
    Nomination(NominationId),
    /// Every entry of the database.
    All,
}

/// The audit trail in words, oldest first.
pub fn history(store: &Store, scope: HistoryScope<'_>) -> Result<Vec<AuditLine>> {
    match scope {
        HistoryScope::Nomination(id) => {
            store.nomination(id)?;
            store.audit_lines_for_nomination(id)
        }
        HistoryScope::All => store.audit_lines(),
        HistoryScope::Campaign(code) => store.audit_lines_for_campaign(store.campaign(code)?.id),
    }
}

/// The audit trail's raw entries (UTC, values as stored), oldest first.
pub fn history_entries(store: &Store, scope: HistoryScope<'_>) -> Result<Vec<AuditEntry>> {
    match scope {
        HistoryScope::Nomination(id) => {
            store.nomination(id)?;
            store.audit_for_nomination(id)
        }
        HistoryScope::All => store.audit_log(),
        HistoryScope::Campaign(code) => store.audit_for_campaign(store.campaign(code)?.id),
    }
}
