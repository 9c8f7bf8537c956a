//! The council screen's data in the IPC's shapes.

use thidua::app::council::CouncilState;

use crate::dto::*;

pub fn build(state: &CouncilState) -> CouncilView {
    let report = &state.report;
    let meeting = state.meeting.as_ref().map(|s| {
        let m = &s.meeting;
        MeetingView {
            date: m.date.to_string(),
            date_text: thidua::vn::short_date(m.date),
            start: m.started.map(|t| t.format("%H:%M").to_string()),
            place: m.place.clone(),
            present: m.present.iter().map(|p| p.0).collect(),
            members: s.members,
            needed: s.needed,
            quorum_met: s.quorum_met,
            open: !m.closed,
            sheets_locked: s.sheets_locked,
            results_shown: s.results_shown,
        }
    });
    let scores = state
        .scores
        .iter()
        .map(|s| ScoreCell {
            member_id: s.member.0,
            nomination_id: s.nomination.0,
            criterion: s.criterion,
            half_points: s.half_points,
        })
        .collect();
    let nominees = state.nominees.iter().map(NominationView::from).collect();
    let entries = state.meeting.as_ref().map_or(&[][..], |s| &s.entries[..]);
    CouncilView {
        members: state
            .members
            .iter()
            .map(|m| MemberView {
                id: m.id.0,
                name: m.name.clone(),
                position: m.position.clone(),
                role: m.role,
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
                entry: entries.iter().find(|e| e.member == m.id).map(|e| e.describe()),
            })
            .collect(),
        ranking: report
            .ranked
            .iter()
            .map(|r| RankedView {
                nomination_id: r.nomination_id.0,
                name: r.name.clone(),
                kind: r.kind,
                kind_label: r.kind.label().into(),
                average_text: r.average.map(|a| a.text()),
                rank: r.rank,
                tied: r.tied,
                complete: r.complete,
                counted: r.counted,
                totals: r.totals.iter().map(|t| *t as f64 / 2.0).collect(),
                spread_text: r.spread().map(thidua::council::format_points),
                disputed: report.disputed(r),
                average: r.average.map(|a| a.hundredths() as f64 / 100.0),
                vote: report.votes.get(&r.nomination_id).map(|(v, passed)| VoteView {
                    agree: v.agree,
                    disagree: v.disagree,
                    blank: v.blank,
                    passed: *passed,
                }),
            })
            .collect(),
        disagreement_text: thidua::council::format_points(report.disagreement_half_points),
        shortlist: state
            .shortlist
            .iter()
            .map(|e| ShortlistView {
                nomination_id: e.nomination.0,
                name: e.name.clone(),
                position: e.position,
                reason: e.reason.clone(),
            })
            .collect(),
        shortlist_max: state.shortlist_max,
    }
}
