//! Recusal: a council member linked to a nominee's unit is not asked about that nominee, not
//! counted for it, and the quorum and the vote threshold for that nominee are computed on the
//! other members (the minutes say so).

use std::collections::BTreeSet;

use crate::model::{MemberId, NominationId, Share};

/// Who is recused for whom.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recusals(BTreeSet<(MemberId, NominationId)>);

impl Recusals {
    pub fn new(pairs: impl IntoIterator<Item = (MemberId, NominationId)>) -> Recusals {
        Recusals(pairs.into_iter().collect())
    }

    /// Whether `member` is recused for `nomination`.
    pub fn is(&self, member: MemberId, nomination: NominationId) -> bool {
        self.0.contains(&(member, nomination))
    }

    /// The members recused for `nomination`.
    pub fn of(&self, nomination: NominationId) -> Vec<MemberId> {
        self.0.iter().filter(|(_, n)| *n == nomination).map(|(m, _)| *m).collect()
    }

    pub fn pairs(&self) -> impl Iterator<Item = &(MemberId, NominationId)> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Whether a member's position names a unit: «Chủ tịch UBND xã Cẩm Giàng» names «Xã Cẩm Giàng»
/// (by its in-sentence form «xã Cẩm Giàng» or its list name), «Trưởng phòng Tài chính - Kế
/// hoạch» names «Phòng Tài chính - Kế hoạch».
pub fn position_names_unit(position: &str, unit_name: &str, unit_in_sentence: &str) -> bool {
    let p = crate::vn::fold(position);
    let padded = format!(" {p} ");
    [unit_name, unit_in_sentence].iter().map(|u| crate::vn::fold(u)).filter(|u| !u.is_empty()).any(|u| {
        // The unit's name as whole words of the position; «phòng» may be the position's own word
        // («Trưởng phòng Tài chính - Kế hoạch»).
        padded.contains(&format!(" {u} "))
            || u.strip_prefix("phong ").is_some_and(|rest| padded.contains(&format!(" phong {rest} ")))
    })
}

/// The members who count for a nominee: all members but those recused for it.
pub fn eligible(members: &[MemberId], recused: &[MemberId]) -> usize {
    members.iter().filter(|m| !recused.contains(m)).count()
}

/// The quorum for one nominee: at least `quorum` of the members not recused for it are present
/// and not recused.
pub fn nominee_quorum_met(present: &[MemberId], members: &[MemberId], recused: &[MemberId], quorum: Share) -> bool {
    super::quorum_met(eligible(present, recused), eligible(members, recused), quorum)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_THIRDS: Share = Share { numerator: 2, denominator: 3 };

    #[test]
    fn a_position_names_its_unit_by_its_name_or_its_form_in_a_sentence() {
        assert!(position_names_unit("Chủ tịch UBND xã Cẩm Giàng", "Xã Cẩm Giàng", "xã Cẩm Giàng"));
        assert!(position_names_unit(
            "Trưởng phòng Tài chính - Kế hoạch",
            "Phòng Tài chính - Kế hoạch",
            "Phòng Tài chính - Kế hoạch"
        ));
        assert!(position_names_unit("Bí thư Huyện đoàn", "Huyện đoàn", "Huyện đoàn"));
        assert!(!position_names_unit("Chủ tịch UBND huyện", "Xã Cẩm Giàng", "xã Cẩm Giàng"));
        // Whole words only: «xã Cẩm» is not in «xã Cẩmx».
        assert!(!position_names_unit("Chủ tịch UBND xã Cẩmx", "Xã Cẩm", "xã Cẩm"));
    }

    #[test]
    fn the_quorum_for_a_nominee_is_computed_on_the_members_not_recused() {
        let members: Vec<MemberId> = (1..=7).map(MemberId).collect();
        let present: Vec<MemberId> = (1..=5).map(MemberId).collect();
        assert!(nominee_quorum_met(&present, &members, &[], TWO_THIRDS));
        // Two present members recused: 3 of 5 eligible present, short of 2/3.
        assert!(!nominee_quorum_met(&present, &members, &[MemberId(1), MemberId(2)], TWO_THIRDS));
        // An absent member recused: 5 of 6, enough.
        assert!(nominee_quorum_met(&present, &members, &[MemberId(7)], TWO_THIRDS));
        assert_eq!(eligible(&members, &[MemberId(2)]), 6);
    }
}
