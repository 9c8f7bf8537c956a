//! The intake check of one dossier on its own (R5 deadline, R6 parts), with the notes that tell
//! the unit why. The quota (R4) depends on the unit's other dossiers and is applied after it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::model::{Campaign, DossierPart, NominationId, Parts, Reason, UnitKind};
use crate::rules::{assign_places, check_parts, is_late, Place, QuotaEntry};
use crate::vn::{long_date, vietnam_offset};

/// What the intake check needs of a dossier.
#[derive(Debug, Clone, Copy)]
pub struct IntakeFacts<'a> {
    pub submitted_at: DateTime<Utc>,
    pub parts: &'a Parts,
}

/// "10:00:00 ngày 05 tháng 01 năm 2024", in Vietnam time.
pub fn vietnam_time_text(t: DateTime<Utc>) -> String {
    let local = t.with_timezone(&vietnam_offset());
    format!("{} {}", local.format("%H:%M:%S"), long_date(local.date_naive()))
}

fn part_list(campaign: &Campaign, parts: &[DossierPart], with_form: bool) -> String {
    parts
        .iter()
        .map(|p| {
            let required = match p {
                DossierPart::ProposalLetter => &campaign.settings.required_parts.proposal_letter,
                DossierPart::Minutes => &campaign.settings.required_parts.minutes,
                DossierPart::AchievementReport => &campaign.settings.required_parts.achievement_report,
            };
            match (&required.form, with_form) {
                (Some(form), true) => format!("{} (phải theo {})", required.name, form),
                _ => required.name.clone(),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The reasons to refuse a dossier that do not depend on the unit's other dossiers, each with
/// its note in Vietnamese.
pub fn intrinsic_refusals(campaign: &Campaign, facts: IntakeFacts<'_>) -> Vec<(Reason, String)> {
    let mut out = Vec::new();
    if is_late(&facts.submitted_at, &campaign.deadline) {
        out.push((
            Reason::Late,
            format!(
                "Nộp lúc {}, hạn nộp là trước {}.",
                vietnam_time_text(facts.submitted_at),
                vietnam_time_text(campaign.deadline)
            ),
        ));
    }
    for (reason, parts) in check_parts(facts.parts) {
        let note = match reason {
            Reason::Incomplete => format!("Thiếu {}.", part_list(campaign, &parts, false)),
            _ => format!("{}.", part_list(campaign, &parts, true)),
        };
        out.push((reason, note));
    }
    out
}

/// The secretary's appraisal of a dossier (R7), as the intake rules weigh it: an accepted dossier
/// keeps its place, a refused one holds none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Appraised {
    Accepted,
    Refused,
}

/// One of a unit's dossiers as the intake rules (R4–R6) see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitDossier {
    pub id: NominationId,
    pub name: String,
    pub submitted_at: DateTime<Utc>,
    pub parts: Parts,
    pub appraised: Option<Appraised>,
}

/// R4–R6 applied to all of one unit's dossiers: each dossier's own reasons (R5, R6), then the
/// quota (R4), with the notes that tell the unit why. Recording a dossier and the form's check
/// while the secretary types both call this, so they cannot disagree.
pub fn unit_intake(
    campaign: &Campaign,
    unit_kind: UnitKind,
    dossiers: &[UnitDossier],
) -> BTreeMap<NominationId, Vec<(Reason, String)>> {
    let mut reasons: BTreeMap<NominationId, Vec<(Reason, String)>> = dossiers
        .iter()
        .map(|d| (d.id, intrinsic_refusals(campaign, IntakeFacts { submitted_at: d.submitted_at, parts: &d.parts })))
        .collect();
    let entries: Vec<QuotaEntry> = dossiers
        .iter()
        .map(|d| QuotaEntry {
            id: d.id,
            submitted_at: d.submitted_at,
            refused_otherwise: reasons.get(&d.id).is_some_and(|r| !r.is_empty())
                || d.appraised == Some(Appraised::Refused),
            accepted: d.appraised == Some(Appraised::Accepted),
        })
        .collect();
    let quota = campaign.quota(unit_kind);
    for (id, place) in assign_places(&entries, quota) {
        let Place::OverQuota { by } = place else { continue };
        let note = match dossiers.iter().find(|d| d.id == by).filter(|_| by != id) {
            Some(holder) => format!(
                "Mỗi đơn vị đề nghị không quá {quota:02} tập thể hoặc cá nhân; suất của đơn vị đã thuộc hồ sơ số {} ({}, nộp lúc {}).",
                holder.id,
                holder.name,
                vietnam_time_text(holder.submitted_at)
            ),
            None => format!("Đợt thi đua không dành suất đề nghị cho đơn vị loại «{}».", unit_kind.label()),
        };
        reasons.entry(id).or_default().push((Reason::OverQuota, note));
    }
    reasons
}
