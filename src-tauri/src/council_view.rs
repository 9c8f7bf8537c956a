//! Assembles the council screen's data from the core's ranking report.

use thidua::model::{Campaign, Status};
use thidua::Store;

use crate::dto::*;
use crate::state::ApiResult;

pub fn build(store: &Store, c: &Campaign) -> ApiResult<CouncilView> {
    let members = store.members(c.id)?;
    let report = store.ranking(c.id, None)?;
    let meeting = match &report.meeting {
        Some(m) => {
            let (met, needed, total) = store.quorum(c.id, m)?;
            Some(MeetingView {
                date: m.date.to_string(),
                date_text: thidua::vn::short_date(m.date),
                start: m.started.map(|t| t.format("%H:%M").to_string()),
                place: m.place.clone(),
                present: m.present.iter().map(|p| p.0).collect(),
                members: total,
                needed,
                quorum_met: met,
                open: !m.closed,
            })
        }
        None => None,
    };
    let scores = match &report.meeting {
        Some(m) => store
            .scores(m.id)?
            .into_iter()
            .map(|s| ScoreCell {
                member_id: s.member.0,
                nomination_id: s.nomination.0,
                criterion: s.criterion,
                half_points: s.half_points,
            })
            .collect(),
        None => Vec::new(),
    };
    let nominees =
        store.nominations(c.id)?.iter().filter(|n| n.status == Status::Accepted).map(NominationView::from).collect();
    Ok(CouncilView {
        members: members
            .iter()
            .map(|m| MemberView {
                id: m.id.0,
                name: m.name.clone(),
                position: m.position.clone(),
                role: m.role.code().into(),
                role_label: m.role.label().into(),
            })
            .collect(),
        meeting,
        nominees,
        scores,
        sheets: report
            .sheets
            .iter()
            .map(|(m, s)| SheetView {
                member_id: m.id.0,
                member: m.name.clone(),
                complete: s.complete(),
                missing: s.missing.iter().map(|(n, k)| (n.0, *k)).collect(),
            })
            .collect(),
        ranking: report
            .ranked
            .iter()
            .map(|r| RankedView {
                nomination_id: r.nomination_id.0,
                name: r.name.clone(),
                kind: r.kind.code().into(),
                kind_label: r.kind.label().into(),
                average_text: r.average.map(|a| a.text()),
                rank: r.rank,
                tied: r.tied,
                complete: r.complete,
                counted: r.counted,
                vote: report.votes.get(&r.nomination_id).map(|(v, passed)| VoteView {
                    agree: v.agree,
                    disagree: v.disagree,
                    blank: v.blank,
                    passed: *passed,
                }),
            })
            .collect(),
        shortlist: store
            .shortlist(c.id)?
            .into_iter()
            .map(|e| ShortlistView {
                nomination_id: e.nomination.0,
                name: e.name,
                position: e.position,
                reason: e.reason,
            })
            .collect(),
        shortlist_max: c.settings.awards.iter().find_map(|a| a.shortlist_max).unwrap_or(3),
    })
}
