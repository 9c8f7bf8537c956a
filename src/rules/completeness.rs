//! R6: a dossier has three parts, each on its required form; a missing part makes it incomplete,
//! a part on another form makes it wrong-form. Both can hold at once.

use crate::model::{DossierPart, PartState, Parts, Reason};

/// The R6 reasons for a dossier's parts, each with the parts that cause it.
pub fn check_parts(parts: &Parts) -> Vec<(Reason, Vec<DossierPart>)> {
    let with = |state: PartState| -> Vec<DossierPart> {
        DossierPart::ALL.into_iter().filter(|p| parts.get(*p) == state).collect()
    };
    let mut out = Vec::new();
    let missing = with(PartState::Missing);
    if !missing.is_empty() {
        out.push((Reason::Incomplete, missing));
    }
    let wrong = with(PartState::WrongForm);
    if !wrong.is_empty() {
        out.push((Reason::WrongForm, wrong));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_complete_dossier_passes() {
        assert!(check_parts(&Parts::COMPLETE).is_empty());
    }

    #[test]
    fn missing_minutes_is_incomplete_and_names_the_part() {
        let parts = Parts { minutes: PartState::Missing, ..Parts::COMPLETE };
        assert_eq!(check_parts(&parts), vec![(Reason::Incomplete, vec![DossierPart::Minutes])]);
    }

    #[test]
    fn a_report_on_another_form_is_wrong_form() {
        let parts = Parts { achievement_report: PartState::WrongForm, ..Parts::COMPLETE };
        assert_eq!(check_parts(&parts), vec![(Reason::WrongForm, vec![DossierPart::AchievementReport])]);
    }

    #[test]
    fn missing_and_wrong_form_together_give_both_reasons() {
        let parts = Parts {
            proposal_letter: PartState::Missing,
            achievement_report: PartState::WrongForm,
            minutes: PartState::Present,
        };
        let reasons: Vec<Reason> = check_parts(&parts).into_iter().map(|(r, _)| r).collect();
        assert_eq!(reasons, vec![Reason::Incomplete, Reason::WrongForm]);
    }
}
