//! Ranking: each nominee's average over the members whose sheets are complete (optionally without
//! the highest and lowest totals when at least five scored), compared exactly as fractions.
//! Equal averages share a rank; nothing breaks a tie.

use std::cmp::Ordering;
use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Criteria, MemberId, NominationId, NomineeKind};

/// A nominee to rank: an accepted nomination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nominee {
    pub id: NominationId,
    pub name: String,
    pub kind: NomineeKind,
}

/// One member's score for one nominee on one criterion (by its number in the kind's rubric).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub member: MemberId,
    pub nomination: NominationId,
    pub criterion: u32,
    pub half_points: i64,
}

/// How the ranking counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RankingOptions {
    pub drop_extremes: bool,
    pub min_average_half_points: Option<i64>,
}

/// An exact average: `sum` half-points over `count` members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Average {
    pub sum: i64,
    pub count: i64,
}

impl Average {
    fn cmp_value(&self, other: &Average) -> Ordering {
        (i128::from(self.sum) * i128::from(other.count)).cmp(&(i128::from(other.sum) * i128::from(self.count)))
    }

    /// Whether the average reaches `half_points`.
    pub fn at_least(&self, half_points: i64) -> bool {
        i128::from(self.sum) >= i128::from(half_points) * i128::from(self.count)
    }

    /// In points, rounded half up to two decimals, as hundredths: 8750 is 87,50.
    pub fn hundredths(&self) -> i64 {
        // points = sum / (2 count); hundredths = 100 sum / (2 count) = 50 sum / count.
        let num = 50 * i128::from(self.sum);
        let den = i128::from(self.count);
        ((2 * num + den) / (2 * den)) as i64
    }

    /// "87,50".
    pub fn text(&self) -> String {
        let h = self.hundredths();
        format!("{},{:02}", h / 100, h % 100)
    }
}

/// A nominee's place in the ranking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RankedNominee {
    pub nomination_id: NominationId,
    pub name: String,
    pub kind: NomineeKind,
    /// None when no complete sheet scored it.
    pub average: Option<Average>,
    /// 1 for the best; equal averages share a rank (1, 1, 3). None without an average.
    pub rank: Option<u32>,
    /// Every member present handed in a complete sheet.
    pub complete: bool,
    /// Sheets counted for this nominee (after dropping extremes, if any).
    pub counted: usize,
    /// Shares its rank with another nominee.
    pub tied: bool,
    /// Reaches the minimum average for the Giấy khen (true when no minimum is set).
    pub meets_minimum: bool,
    /// Each counted member's total for this nominee, in half-points, lowest first (before any
    /// extremes are dropped): the spread the council sees before voting.
    pub totals: Vec<i64>,
}

impl RankedNominee {
    /// The disagreement between members: the highest total less the lowest, in half-points.
    pub fn spread(&self) -> Option<i64> {
        Some(self.totals.last()? - self.totals.first()?)
    }
}

/// Ranks `nominees` from the complete sheets of `present` members.
pub fn rank(
    nominees: &[Nominee],
    criteria: &Criteria,
    present: &[MemberId],
    scores: &[Score],
    options: RankingOptions,
) -> Vec<RankedNominee> {
    rank_with(nominees, criteria, present, scores, options, &super::Recusals::default())
}

/// As `rank`, a member's sheet being complete without the nominees the member is recused for,
/// and a nominee's average taken over the members not recused for it.
pub fn rank_with(
    nominees: &[Nominee],
    criteria: &Criteria,
    present: &[MemberId],
    scores: &[Score],
    options: RankingOptions,
    recusals: &super::Recusals,
) -> Vec<RankedNominee> {
    let index: HashMap<NominationId, usize> = nominees.iter().enumerate().map(|(i, n)| (n.id, i)).collect();
    let members: HashMap<MemberId, usize> = present.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    // Each member's sheet has the cells of the nominees the member is not recused for.
    let expected: Vec<usize> = present
        .iter()
        .map(|&pm| nominees.iter().filter(|n| !recusals.is(pm, n.id)).map(|n| criteria.for_kind(n.kind).len()).sum())
        .collect();
    let m = present.len();
    let mut cells = vec![0usize; m];
    let mut totals = vec![0i64; nominees.len() * m];
    for s in scores {
        let (Some(&ni), Some(&mi)) = (index.get(&s.nomination), members.get(&s.member)) else { continue };
        if recusals.is(s.member, s.nomination) {
            continue;
        }
        let in_rubric = s.criterion >= 1 && s.criterion as usize <= criteria.for_kind(nominees[ni].kind).len();
        if in_rubric {
            cells[mi] += 1;
            totals[ni * m + mi] += s.half_points;
        }
    }
    let complete_members: Vec<usize> = (0..m).filter(|&i| expected[i] > 0 && cells[i] == expected[i]).collect();
    let all_complete = m > 0 && complete_members.len() == m;
    let mut out: Vec<RankedNominee> = nominees
        .iter()
        .enumerate()
        .map(|(ni, n)| {
            let mut sums: Vec<i64> = complete_members
                .iter()
                .filter(|&&mi| !recusals.is(present[mi], n.id))
                .map(|&mi| totals[ni * m + mi])
                .collect();
            let mut all_totals = sums.clone();
            all_totals.sort_unstable();
            if options.drop_extremes && sums.len() >= 5 {
                sums.sort_unstable();
                sums = sums[1..sums.len() - 1].to_vec();
            }
            let average = (!sums.is_empty()).then(|| Average { sum: sums.iter().sum(), count: sums.len() as i64 });
            RankedNominee {
                nomination_id: n.id,
                name: n.name.clone(),
                kind: n.kind,
                meets_minimum: match (options.min_average_half_points, average) {
                    (None, _) => true,
                    (Some(min), Some(a)) => a.at_least(min),
                    (Some(_), None) => false,
                },
                average,
                rank: None,
                complete: all_complete,
                counted: sums.len(),
                tied: false,
                totals: all_totals,
            }
        })
        .collect();
    out.sort_by(|a, b| match (&a.average, &b.average) {
        (Some(x), Some(y)) => y.cmp_value(x).then_with(|| a.nomination_id.cmp(&b.nomination_id)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.nomination_id.cmp(&b.nomination_id),
    });
    for i in 0..out.len() {
        let Some(avg) = out[i].average else { break };
        let same_as_previous = i > 0 && out[i - 1].average.is_some_and(|p| p.cmp_value(&avg) == Ordering::Equal);
        out[i].rank = if same_as_previous { out[i - 1].rank } else { Some(i as u32 + 1) };
        if same_as_previous {
            out[i].tied = true;
            out[i - 1].tied = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Criterion;

    fn criteria(n: u32) -> Criteria {
        let c = |i| Criterion {
            number: i,
            label: i.to_string(),
            text: "x".into(),
            max_half_points: 40,
            indicators: vec![],
        };
        Criteria { collective: (1..=n).map(c).collect(), individual: (1..=n).map(c).collect() }
    }

    fn nominee(id: i64) -> Nominee {
        Nominee { id: NominationId(id), name: format!("N{id}"), kind: NomineeKind::Collective }
    }

    /// Every member gives `points[member]` half-points to each of nominee `id`'s two criteria.
    fn sheet(scores: &mut Vec<Score>, id: i64, points: &[i64]) {
        for (m, p) in points.iter().enumerate() {
            for c in 1..=2 {
                scores.push(Score {
                    member: MemberId(m as i64 + 1),
                    nomination: NominationId(id),
                    criterion: c,
                    half_points: *p,
                });
            }
        }
    }

    fn members(n: i64) -> Vec<MemberId> {
        (1..=n).map(MemberId).collect()
    }

    #[test]
    fn a_recused_member_is_not_counted_for_that_nominee_and_the_sheet_is_complete_without_it() {
        let mut s = Vec::new();
        sheet(&mut s, 1, &[30, 30, 40]);
        // Member 3 is recused for nominee 2 and has no cells for it.
        sheet(&mut s, 2, &[20, 10]);
        let recused = super::super::Recusals::new([(MemberId(3), NominationId(2))]);
        let r =
            rank_with(&[nominee(1), nominee(2)], &criteria(2), &members(3), &s, RankingOptions::default(), &recused);
        let one = r.iter().find(|x| x.nomination_id == NominationId(1)).unwrap_or_else(|| panic!());
        let two = r.iter().find(|x| x.nomination_id == NominationId(2)).unwrap_or_else(|| panic!());
        assert_eq!(one.counted, 3, "member 3's sheet is complete without nominee 2");
        assert_eq!(two.counted, 2);
        assert_eq!(two.average.map(|a| (a.sum, a.count)), Some((60, 2)));
        // Without the recusal, member 3's sheet lacks nominee 2 and does not count at all.
        let r = rank(&[nominee(1), nominee(2)], &criteria(2), &members(3), &s, RankingOptions::default());
        assert!(r.iter().all(|x| x.counted == 2));
    }

    #[test]
    fn equal_averages_share_a_rank_and_the_next_rank_is_skipped() {
        let mut s = Vec::new();
        sheet(&mut s, 1, &[30, 30, 30]);
        sheet(&mut s, 2, &[40, 20, 30]);
        sheet(&mut s, 3, &[10, 10, 10]);
        let r = rank(&[nominee(1), nominee(2), nominee(3)], &criteria(2), &members(3), &s, RankingOptions::default());
        let ranks: Vec<(i64, Option<u32>, bool)> = r.iter().map(|x| (x.nomination_id.0, x.rank, x.tied)).collect();
        assert_eq!(ranks, vec![(1, Some(1), true), (2, Some(1), true), (3, Some(3), false)]);
        assert_eq!(r[0].average.map(|a| a.text()), Some("30,00".into()));
    }

    #[test]
    fn an_incomplete_sheet_is_not_counted() {
        let mut s = Vec::new();
        sheet(&mut s, 1, &[30, 30, 0]);
        sheet(&mut s, 2, &[20, 20, 40]);
        // Member 3 forgot nominee 1's second criterion: their whole sheet does not count.
        s.retain(|x| !(x.member == MemberId(3) && x.nomination == NominationId(1) && x.criterion == 2));
        let r = rank(&[nominee(1), nominee(2)], &criteria(2), &members(3), &s, RankingOptions::default());
        assert_eq!(r[0].nomination_id, NominationId(1));
        assert_eq!(r[0].counted, 2);
        assert!(!r[0].complete);
        assert_eq!(r[1].average, Some(Average { sum: 80, count: 2 }));
    }

    #[test]
    fn dropping_extremes_needs_five_sheets() {
        let mut s = Vec::new();
        sheet(&mut s, 1, &[40, 30, 30, 30, 0]);
        let opts = RankingOptions { drop_extremes: true, ..Default::default() };
        let r = rank(&[nominee(1)], &criteria(2), &members(5), &s, opts);
        assert_eq!(r[0].average, Some(Average { sum: 180, count: 3 }), "40 and 0 dropped");
        let mut s4 = Vec::new();
        sheet(&mut s4, 1, &[40, 30, 30, 0]);
        let r = rank(&[nominee(1)], &criteria(2), &members(4), &s4, opts);
        assert_eq!(r[0].counted, 4, "four sheets: nothing dropped");
    }

    #[test]
    fn the_minimum_average_is_compared_exactly() {
        let mut s = Vec::new();
        sheet(&mut s, 1, &[35, 36, 36]); // totals 70, 72, 72: average 71,33 half-points
        let opts = RankingOptions { min_average_half_points: Some(72), ..Default::default() };
        let r = rank(&[nominee(1)], &criteria(2), &members(3), &s, opts);
        assert!(!r[0].meets_minimum);
        assert_eq!(r[0].average.map(|a| a.text()), Some("35,67".into()));
    }

    #[test]
    fn nominees_without_scores_come_last_without_a_rank() {
        let mut s = Vec::new();
        sheet(&mut s, 2, &[10]);
        let r = rank(
            &[nominee(1), nominee(2)],
            &Criteria { individual: vec![], ..criteria(2) },
            &members(1),
            &s,
            RankingOptions::default(),
        );
        // Nominee 1 has no scores, so member 1's sheet is incomplete and nothing counts.
        assert!(r.iter().all(|x| x.rank.is_none()));
    }
}
