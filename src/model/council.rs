//! The council: its members, its meetings, its working rules, scores, votes and the shortlist.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{CampaignId, NominationId};

/// A council member's row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MemberId(pub i64);

/// A meeting's row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MeetingId(pub i64);

impl std::fmt::Display for MemberId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A member's role in the council.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum CouncilRole {
    Chair,
    ViceChair,
    Member,
    SecretaryMember,
}

impl CouncilRole {
    pub const ALL: [CouncilRole; 4] =
        [CouncilRole::Chair, CouncilRole::ViceChair, CouncilRole::Member, CouncilRole::SecretaryMember];

    pub fn code(self) -> &'static str {
        match self {
            CouncilRole::Chair => "chair",
            CouncilRole::ViceChair => "vice_chair",
            CouncilRole::Member => "member",
            CouncilRole::SecretaryMember => "secretary_member",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            CouncilRole::Chair => "Chủ tịch Hội đồng",
            CouncilRole::ViceChair => "Phó Chủ tịch Hội đồng",
            CouncilRole::Member => "Ủy viên",
            CouncilRole::SecretaryMember => "Ủy viên thư ký",
        }
    }

    /// Reads a role as typed: its code or its Vietnamese label, ignoring case and diacritics.
    pub fn parse(text: &str) -> Option<Self> {
        let folded = crate::vn::fold(text);
        Self::ALL.into_iter().find(|r| r.code() == folded || crate::vn::fold(r.label()) == folded).or(
            match folded.as_str() {
                "chu tich" => Some(CouncilRole::Chair),
                "pho chu tich" => Some(CouncilRole::ViceChair),
                "thu ky" => Some(CouncilRole::SecretaryMember),
                _ => None,
            },
        )
    }
}

/// A member of a campaign's council.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CouncilMember {
    pub id: MemberId,
    pub name: String,
    /// The member's post outside the council ("Phó Chủ tịch UBND huyện").
    pub position: Option<String>,
    pub role: CouncilRole,
}

/// A share written as a fraction, so thresholds compare exactly (2/3, 1/2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    pub numerator: u32,
    pub denominator: u32,
}

/// The council's working rules (quy chế hoạt động): settings, not law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilRules {
    /// A meeting is valid when at least this share of all members attend (default 2/3).
    pub quorum: Share,
    /// A proposal passes with agree votes from more than this share of all members (default 1/2).
    pub vote_threshold: Share,
    /// Drop each nominee's highest and lowest score when at least five members scored.
    pub drop_extremes: bool,
    /// Minimum average for the Giấy khen, in half-points; none by default.
    pub min_average_half_points: Option<i64>,
    /// Members' totals for one nominee differing by more than this (in half-points) are flagged
    /// for the council to discuss before voting; 20 points by default.
    #[serde(default = "default_disagreement")]
    pub disagreement_half_points: i64,
}

fn default_disagreement() -> i64 {
    40
}

impl Default for CouncilRules {
    fn default() -> Self {
        CouncilRules {
            quorum: Share { numerator: 2, denominator: 3 },
            vote_threshold: Share { numerator: 1, denominator: 2 },
            drop_extremes: false,
            min_average_half_points: None,
            disagreement_half_points: default_disagreement(),
        }
    }
}

/// A council meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    pub id: MeetingId,
    pub campaign: CampaignId,
    pub date: NaiveDate,
    pub place: Option<String>,
    pub present: Vec<MemberId>,
    pub closed: bool,
    /// When it started and ended (Vietnam time), for the minutes; unknown when typed in later.
    pub started: Option<NaiveTime>,
    pub ended: Option<NaiveTime>,
}

/// The ballots on one nominee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteCount {
    pub agree: u32,
    pub disagree: u32,
    pub blank: u32,
}

/// A nominee chosen for the provincial award (R8), with the council's reason where it chose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShortlistEntry {
    pub nomination: NominationId,
    pub name: String,
    pub position: u32,
    pub reason: Option<String>,
}

/// Where a member's score sheet came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetSource {
    /// Sent by the member from a phone in the meeting room.
    Phone,
    /// Typed in from the paper sheet (on the council screen, the command line or a scores file).
    Paper,
}

impl SheetSource {
    pub fn code(self) -> &'static str {
        match self {
            SheetSource::Phone => "phone",
            SheetSource::Paper => "paper",
        }
    }

    pub fn from_code(code: &str) -> Option<SheetSource> {
        match code {
            "phone" => Some(SheetSource::Phone),
            "paper" => Some(SheetSource::Paper),
            _ => None,
        }
    }
}

/// How a member's sheet in a meeting was last entered, and by whom when typed from paper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SheetEntry {
    pub member: MemberId,
    pub source: SheetSource,
    /// The person who typed a paper sheet in (the name the application was opened under).
    pub operator: String,
    /// RFC 3339, UTC.
    pub recorded_at: String,
}

impl SheetEntry {
    /// «gửi từ điện thoại» or «phiếu giấy, do Nguyễn Thị Hoa nhập».
    pub fn describe(&self) -> String {
        match (self.source, self.operator.trim()) {
            (SheetSource::Phone, _) => "gửi từ điện thoại".to_string(),
            (SheetSource::Paper, "") => "phiếu giấy, nhập vào máy".to_string(),
            (SheetSource::Paper, who) => format!("phiếu giấy, do {who} nhập"),
        }
    }
}
