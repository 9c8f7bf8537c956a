//! R4: each unit proposes at most its quota (one, in the example) of collectives or individuals.
//! The places go to the unit's earliest dossiers by portal time among those not refused for
//! another reason; a dossier already accepted at appraisal keeps its place.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::model::NominationId;

/// What the quota rule needs to know of one of a unit's dossiers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaEntry {
    pub id: NominationId,
    pub submitted_at: DateTime<Utc>,
    /// Refused for another reason (late, incomplete, wrong form, criteria not met): holds no place.
    pub refused_otherwise: bool,
    /// Accepted at appraisal: keeps its place whatever arrives later.
    pub accepted: bool,
}

/// The rule's decision for one dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// It holds one of the unit's places.
    Holds,
    /// The unit's places are taken; `by` is the earliest dossier holding one.
    OverQuota { by: NominationId },
    /// Refused for another reason: the quota does not apply to it.
    NotCounted,
}

/// Assigns the unit's `quota` places among its dossiers (all from one unit, one campaign).
pub fn assign_places(entries: &[QuotaEntry], quota: u32) -> BTreeMap<NominationId, Place> {
    let mut eligible: Vec<&QuotaEntry> = entries.iter().filter(|e| !e.refused_otherwise).collect();
    eligible.sort_by_key(|e| (!e.accepted, e.submitted_at, e.id));
    let holders: Vec<NominationId> = eligible.iter().take(quota as usize).map(|e| e.id).collect();
    let first_holder = holders.first().copied();
    entries
        .iter()
        .map(|e| {
            let place = if e.refused_otherwise {
                Place::NotCounted
            } else if holders.contains(&e.id) {
                Place::Holds
            } else {
                match first_holder {
                    Some(by) => Place::OverQuota { by },
                    // A quota of zero: nobody holds a place, and the refusal names no dossier.
                    None => Place::OverQuota { by: e.id },
                }
            };
            (e.id, place)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2024, 1, 4, h, m, 0).single().unwrap_or_default()
    }

    fn entry(id: i64, time: DateTime<Utc>) -> QuotaEntry {
        QuotaEntry { id: NominationId(id), submitted_at: time, refused_otherwise: false, accepted: false }
    }

    #[test]
    fn a_second_nomination_from_one_unit_is_over_quota_and_names_the_first() {
        let places = assign_places(&[entry(1, at(2, 0)), entry(2, at(3, 0))], 1);
        assert_eq!(places[&NominationId(1)], Place::Holds);
        assert_eq!(places[&NominationId(2)], Place::OverQuota { by: NominationId(1) });
    }

    #[test]
    fn the_earliest_by_portal_time_holds_the_place_whatever_the_order_of_entry() {
        let places = assign_places(&[entry(1, at(5, 0)), entry(2, at(3, 0))], 1);
        assert_eq!(places[&NominationId(2)], Place::Holds);
        assert_eq!(places[&NominationId(1)], Place::OverQuota { by: NominationId(2) });
    }

    #[test]
    fn a_dossier_refused_for_another_reason_does_not_hold_the_place() {
        let incomplete = QuotaEntry { refused_otherwise: true, ..entry(1, at(1, 0)) };
        let places = assign_places(&[incomplete, entry(2, at(3, 0))], 1);
        assert_eq!(places[&NominationId(1)], Place::NotCounted);
        assert_eq!(places[&NominationId(2)], Place::Holds);
    }

    #[test]
    fn an_accepted_dossier_keeps_its_place_against_an_earlier_one_recorded_later() {
        let accepted = QuotaEntry { accepted: true, ..entry(1, at(6, 0)) };
        let places = assign_places(&[accepted, entry(2, at(1, 0))], 1);
        assert_eq!(places[&NominationId(1)], Place::Holds);
        assert_eq!(places[&NominationId(2)], Place::OverQuota { by: NominationId(1) });
    }

    #[test]
    fn a_quota_of_two_takes_two() {
        let places = assign_places(&[entry(1, at(1, 0)), entry(2, at(2, 0)), entry(3, at(3, 0))], 2);
        assert_eq!(places[&NominationId(2)], Place::Holds);
        assert_eq!(places[&NominationId(3)], Place::OverQuota { by: NominationId(1) });
    }

    #[test]
    fn equal_portal_times_go_to_the_first_recorded() {
        let places = assign_places(&[entry(7, at(2, 0)), entry(3, at(2, 0))], 1);
        assert_eq!(places[&NominationId(3)], Place::Holds);
    }
}
