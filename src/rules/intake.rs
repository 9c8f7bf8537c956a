//! The intake check of one dossier on its own (R5 deadline, R6 parts), with the notes that tell
//! the unit why. The quota (R4) depends on the unit's other dossiers and is applied after it.

use chrono::{DateTime, Utc};

use crate::model::{Campaign, DossierPart, Parts, Reason};
use crate::rules::{check_parts, is_late};
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
