//! Quorum and votes, against the council's working rules (shares of **all** members).

use crate::model::{Share, VoteCount};

/// A meeting is valid when `present` is at least `quorum` of `members`.
pub fn quorum_met(present: usize, members: usize, quorum: Share) -> bool {
    members > 0 && present as u64 * u64::from(quorum.denominator) >= members as u64 * u64::from(quorum.numerator)
}

/// Ballots cannot outnumber the members present.
pub fn check_votes(votes: VoteCount, present: usize) -> Result<(), String> {
    let cast = u64::from(votes.agree) + u64::from(votes.disagree) + u64::from(votes.blank);
    if cast > present as u64 {
        return Err(format!(
            "tổng số phiếu ({cast}: {} đồng ý, {} không đồng ý, {} trống) nhiều hơn số thành viên có mặt ({present}).",
            votes.agree, votes.disagree, votes.blank
        ));
    }
    Ok(())
}

/// A proposal passes with agree votes from **more than** `threshold` of all members; absent
/// members do not count as agreeing.
pub fn vote_passes(votes: VoteCount, members: usize, threshold: Share) -> bool {
    u64::from(votes.agree) * u64::from(threshold.denominator) > members as u64 * u64::from(threshold.numerator)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_THIRDS: Share = Share { numerator: 2, denominator: 3 };
    const HALF: Share = Share { numerator: 1, denominator: 2 };

    #[test]
    fn two_thirds_of_nine_is_six() {
        assert!(quorum_met(6, 9, TWO_THIRDS));
        assert!(!quorum_met(5, 9, TWO_THIRDS));
        assert!(quorum_met(5, 7, TWO_THIRDS));
        assert!(!quorum_met(4, 7, TWO_THIRDS));
    }

    #[test]
    fn ballots_over_the_number_present_are_refused() {
        assert!(check_votes(VoteCount { agree: 5, disagree: 1, blank: 1 }, 7).is_ok());
        let err = check_votes(VoteCount { agree: 6, disagree: 1, blank: 1 }, 7).unwrap_err();
        assert!(err.contains("nhiều hơn số thành viên có mặt (7)"), "{err}");
    }

    #[test]
    fn more_than_half_of_all_members_not_of_those_present() {
        // 9 members, 6 present, 5 agree: 5 > 4.5 passes; 4 agree does not.
        assert!(vote_passes(VoteCount { agree: 5, disagree: 1, blank: 0 }, 9, HALF));
        assert!(!vote_passes(VoteCount { agree: 4, disagree: 0, blank: 0 }, 9, HALF));
        // Exactly half is not more than half.
        assert!(!vote_passes(VoteCount { agree: 4, disagree: 0, blank: 0 }, 8, HALF));
    }
}
