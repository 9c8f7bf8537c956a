//! R8: at most `max` nominees for the provincial award, only from those accepted for the district
//! award; where the council picks between equals at the cut (or passes over a better-placed
//! nominee), its reason is required and recorded.

use crate::model::{Gender, NominationId, NomineeKind, Status};

/// A nominee as the shortlist rule sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortlistCandidate {
    pub id: NominationId,
    pub name: String,
    pub status: Status,
    /// The exact average as (sum, count), None when not scored.
    pub average: Option<(i64, i64)>,
    /// The vote on this nominee passed (Some(true)), failed (Some(false)), or was not taken.
    pub vote_passed: Option<bool>,
}

/// Why a nominee cannot be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShortlistRefusal {
    NotAccepted {
        status: Status,
    },
    AlreadyIn,
    Full {
        max: u32,
    },
    VoteFailed,
    /// The council must say why it chose this nominee over the listed ones.
    ReasonRequired {
        contenders: Vec<(NominationId, String)>,
    },
}

fn at_least(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> bool {
    match (a, b) {
        (Some((sa, ca)), Some((sb, cb))) => i128::from(sa) * i128::from(cb) >= i128::from(sb) * i128::from(ca),
        (Some(_), None) => true,
        (None, Some(_)) => false,
        (None, None) => true,
    }
}

/// Checks adding `candidate` to `shortlist` (ids already in it) among all `others` (every
/// accepted nominee of the campaign, shortlisted or not).
pub fn check_shortlist_addition(
    candidate: &ShortlistCandidate,
    shortlist: &[NominationId],
    others: &[ShortlistCandidate],
    max: u32,
    reason_given: bool,
) -> Result<(), ShortlistRefusal> {
    if candidate.status != Status::Accepted {
        return Err(ShortlistRefusal::NotAccepted { status: candidate.status });
    }
    if shortlist.contains(&candidate.id) {
        return Err(ShortlistRefusal::AlreadyIn);
    }
    if shortlist.len() as u32 >= max {
        return Err(ShortlistRefusal::Full { max });
    }
    if candidate.vote_passed == Some(false) {
        return Err(ShortlistRefusal::VoteFailed);
    }
    // Those still outside the list who stand level with or above the candidate: if they and the
    // candidate do not all fit, the council is choosing, and must say why.
    let contenders: Vec<(NominationId, String)> = others
        .iter()
        .filter(|o| o.id != candidate.id && o.status == Status::Accepted && !shortlist.contains(&o.id))
        .filter(|o| o.vote_passed != Some(false))
        .filter(|o| at_least(o.average, candidate.average))
        .map(|o| (o.id, o.name.clone()))
        .collect();
    if !reason_given && shortlist.len() + contenders.len() + 1 > max as usize {
        return Err(ShortlistRefusal::ReasonRequired { contenders });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: i64, avg: i64) -> ShortlistCandidate {
        ShortlistCandidate {
            id: NominationId(id),
            name: format!("N{id}"),
            status: Status::Accepted,
            average: Some((avg, 1)),
            vote_passed: None,
        }
    }

    fn ids(v: &[i64]) -> Vec<NominationId> {
        v.iter().map(|i| NominationId(*i)).collect()
    }

    #[test]
    fn a_fourth_entry_is_refused() {
        let all = [c(1, 90), c(2, 80), c(3, 70), c(4, 60)];
        assert_eq!(
            check_shortlist_addition(&all[3], &ids(&[1, 2, 3]), &all, 3, true),
            Err(ShortlistRefusal::Full { max: 3 })
        );
    }

    #[test]
    fn a_refused_nomination_is_refused() {
        let refused = ShortlistCandidate { status: Status::Refused, ..c(5, 99) };
        assert_eq!(
            check_shortlist_addition(&refused, &[], &[], 3, true),
            Err(ShortlistRefusal::NotAccepted { status: Status::Refused })
        );
    }

    #[test]
    fn a_tie_at_third_place_requires_a_reason() {
        let all = [c(1, 90), c(2, 80), c(3, 70), c(4, 70)];
        let err = check_shortlist_addition(&all[2], &ids(&[1, 2]), &all, 3, false);
        assert_eq!(err, Err(ShortlistRefusal::ReasonRequired { contenders: vec![(NominationId(4), "N4".into())] }));
        assert_eq!(check_shortlist_addition(&all[2], &ids(&[1, 2]), &all, 3, true), Ok(()));
    }

    #[test]
    fn clear_places_need_no_reason_and_a_tie_with_room_for_both_neither() {
        let all = [c(1, 90), c(2, 90), c(3, 70), c(4, 60)];
        assert_eq!(check_shortlist_addition(&all[0], &[], &all, 3, false), Ok(()));
        assert_eq!(check_shortlist_addition(&all[2], &ids(&[1, 2]), &all, 3, false), Ok(()));
    }

    #[test]
    fn passing_over_a_better_placed_nominee_requires_a_reason() {
        let all = [c(1, 90), c(2, 80), c(3, 70), c(4, 60)];
        assert!(check_shortlist_addition(&all[3], &ids(&[1, 2]), &all, 3, false).is_err());
    }

    #[test]
    fn a_failed_vote_is_refused() {
        let failed = ShortlistCandidate { vote_passed: Some(false), ..c(1, 90) };
        assert_eq!(check_shortlist_addition(&failed, &[], &[], 3, true), Err(ShortlistRefusal::VoteFailed));
    }
}

/// A nominee tied at the cut, as the rule for equals reads them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TiedNominee {
    pub id: NominationId,
    pub name: String,
    pub kind: NomineeKind,
    pub gender: Option<Gender>,
    /// A collective's share of women, in per cent, when given.
    pub women_percent: Option<u8>,
}

/// The share of women from which a collective is preferred among equals.
pub const PREFERRED_WOMEN_PERCENT: u8 = 70;

/// The rule for nominees equally qualified, cited as `citation` says (the decree in force on the
/// meeting's day), with what it needs to know of each tied nominee, for the council's reason:
/// «… (khoản 6 Điều 4 Nghị định số 152/2025/NĐ-CP): số 1 Nguyễn Thị Hường – nữ; số 4 Phòng Tài
/// chính - Kế hoạch – tập thể, tỷ lệ nữ chưa ghi.»
pub fn equal_merit_note(citation: &str, tied: &[TiedNominee]) -> String {
    let each: Vec<String> = tied
        .iter()
        .map(|t| {
            let what = match (t.kind, t.gender, t.women_percent) {
                (NomineeKind::Individual, Some(Gender::Female), _) => "nữ".to_string(),
                (NomineeKind::Individual, Some(Gender::Male), _) => "nam".to_string(),
                (NomineeKind::Individual, None, _) => "chưa ghi giới tính".to_string(),
                (NomineeKind::Collective, _, Some(p)) if p >= PREFERRED_WOMEN_PERCENT => {
                    format!("tập thể, tỷ lệ nữ {p}% (từ {PREFERRED_WOMEN_PERCENT}% trở lên)")
                }
                (NomineeKind::Collective, _, Some(p)) => format!("tập thể, tỷ lệ nữ {p}%"),
                (NomineeKind::Collective, _, None) => "tập thể, tỷ lệ nữ chưa ghi".to_string(),
            };
            format!("số {} {} – {what}", t.id, t.name)
        })
        .collect();
    format!(
        "Khi có nhiều cá nhân, tập thể cùng đủ điều kiện, tiêu chuẩn thì lựa chọn cá nhân nữ hoặc tập thể có tỷ lệ nữ \
         từ {PREFERRED_WOMEN_PERCENT}% trở lên để xét khen thưởng ({citation}): {}.",
        each.join("; ")
    )
}

#[cfg(test)]
mod equal_merit_tests {
    use super::*;

    #[test]
    fn the_rule_for_equals_names_each_tied_nominees_gender_or_share_of_women() {
        let t = |id, name: &str, kind, gender, women_percent| TiedNominee {
            id: NominationId(id),
            name: name.into(),
            kind,
            gender,
            women_percent,
        };
        let note = equal_merit_note(
            "khoản 6 Điều 4 Nghị định số 152/2025/NĐ-CP",
            &[
                t(1, "Nguyễn Thị Hường", NomineeKind::Individual, Some(Gender::Female), None),
                t(7, "Ma Văn Lành", NomineeKind::Individual, Some(Gender::Male), None),
                t(4, "Phòng Tài chính - Kế hoạch", NomineeKind::Collective, None, Some(75)),
                t(2, "Ủy ban nhân dân xã Quân Hà", NomineeKind::Collective, None, None),
            ],
        );
        assert_eq!(
            note,
            "Khi có nhiều cá nhân, tập thể cùng đủ điều kiện, tiêu chuẩn thì lựa chọn cá nhân nữ hoặc tập thể có tỷ lệ \
             nữ từ 70% trở lên để xét khen thưởng (khoản 6 Điều 4 Nghị định số 152/2025/NĐ-CP): số 1 Nguyễn Thị Hường \
             – nữ; số 7 Ma Văn Lành – nam; số 4 Phòng Tài chính - Kế hoạch – tập thể, tỷ lệ nữ 75% (từ 70% trở lên); \
             số 2 Ủy ban nhân dân xã Quân Hà – tập thể, tỷ lệ nữ chưa ghi."
        );
    }
}
