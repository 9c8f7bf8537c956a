//! The campaign's workflow (DOMAIN.md, "The workflow, end to end"): which step comes next, from
//! what has been recorded so far.

use serde::Serialize;

/// The steps after setting up the campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum NextStep {
    Intake,
    Appraisal,
    CouncilMembers,
    OpenMeeting,
    Scoring,
    Shortlist,
    Decision,
    Certificates,
}

impl NextStep {
    pub fn label(self) -> &'static str {
        match self {
            NextStep::Intake => "Tiếp nhận hồ sơ đề nghị của các đơn vị",
            NextStep::Appraisal => "Thẩm định các hồ sơ đã tiếp nhận",
            NextStep::CouncilMembers => "Lập danh sách thành viên Hội đồng",
            NextStep::OpenMeeting => "Mở cuộc họp Hội đồng và điểm danh",
            NextStep::Scoring => "Nhập điểm chấm của các thành viên có mặt",
            NextStep::Shortlist => "Chọn danh sách đề nghị cấp trên khen thưởng (tối đa 03)",
            NextStep::Decision => "Dự thảo Quyết định khen thưởng, trình ký, rồi ghi số và ngày ký",
            NextStep::Certificates => "In Giấy khen, Tờ trình đề nghị cấp trên và Biên bản họp Hội đồng",
        }
    }
}

/// What the next step depends on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub nominations: usize,
    pub received: usize,
    pub accepted: usize,
    pub members: usize,
    pub meeting: bool,
    pub sheets_complete: bool,
    pub shortlisted: usize,
    /// The signed decision's number and day are recorded.
    pub decision_recorded: bool,
}

/// The next step of the workflow.
pub fn next_step(p: Progress) -> NextStep {
    if p.nominations == 0 {
        NextStep::Intake
    } else if p.received > 0 {
        NextStep::Appraisal
    } else if p.accepted == 0 {
        NextStep::Intake
    } else if p.members == 0 {
        NextStep::CouncilMembers
    } else if !p.meeting {
        NextStep::OpenMeeting
    } else if !p.sheets_complete {
        NextStep::Scoring
    } else if p.shortlisted == 0 {
        NextStep::Shortlist
    } else if !p.decision_recorded {
        NextStep::Decision
    } else {
        NextStep::Certificates
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_steps_follow_the_records() {
        let mut p = Progress::default();
        assert_eq!(next_step(p), NextStep::Intake);
        p.nominations = 3;
        p.received = 1;
        assert_eq!(next_step(p), NextStep::Appraisal);
        p.received = 0;
        p.accepted = 2;
        assert_eq!(next_step(p), NextStep::CouncilMembers);
        p.members = 5;
        assert_eq!(next_step(p), NextStep::OpenMeeting);
        p.meeting = true;
        assert_eq!(next_step(p), NextStep::Scoring);
        p.sheets_complete = true;
        assert_eq!(next_step(p), NextStep::Shortlist);
        p.shortlisted = 1;
        assert_eq!(next_step(p), NextStep::Decision);
        p.decision_recorded = true;
        assert_eq!(next_step(p), NextStep::Certificates);
    }
}
