//! Council members (kept between campaigns), working rules and meetings with attendance.

use chrono::{NaiveDate, NaiveTime};
use rusqlite::{params, OptionalExtension, Transaction};

use super::{bad_value, Store};
use crate::council::quorum_met;
use crate::error::{CouncilError, Error, Result};
use crate::model::{CampaignId, CouncilMember, CouncilRole, CouncilRules, Meeting, MeetingId, MemberId};
use crate::vn::{checked_line, fold};

/// The longest member name, position or meeting place.
const MAX_LINE: usize = 300;

/// A member's name and position as typed, checked as every text is; refused without a name.
fn member_texts(name: &str, position: Option<&str>) -> Result<(String, Option<String>)> {
    let name =
        checked_line(name, MAX_LINE).map_err(|problem| CouncilError::BadText { what: "tên thành viên", problem })?;
    if name.is_empty() {
        return Err(CouncilError::EmptyMemberName.into());
    }
    let position = match position {
        Some(p) => checked_line(p, MAX_LINE)
            .map_err(|problem| CouncilError::BadText { what: "chức vụ", problem })
            .map(|p| Some(p).filter(|p| !p.is_empty()))?,
        None => None,
    };
    Ok((name, position))
}

impl Store {
    /// The campaign's council, chairs first, in the order members were added.
    pub fn members(&self, campaign: CampaignId) -> Result<Vec<CouncilMember>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, name, position, role FROM council_members WHERE campaign_id = ?1
             ORDER BY CASE role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 WHEN 'member' THEN 2 ELSE 3 END, sort_order",
        )?;
        let rows = stmt.query_map([campaign.0], |r| {
            let role: String = r.get(3)?;
            Ok(CouncilMember {
                id: MemberId(r.get(0)?),
                name: r.get(1)?,
                position: r.get(2)?,
                role: CouncilRole::from_code(&role).ok_or_else(|| bad_value(&role))?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Adds a member to the campaign's council.
    pub fn add_member(
        &mut self,
        campaign: CampaignId,
        name: &str,
        position: Option<&str>,
        role: CouncilRole,
    ) -> Result<MemberId> {
        let (name, position) = member_texts(name, position)?;
        self.with_tx(|tx| insert_member(tx, campaign, &name, position.as_deref(), role))
    }

    /// Corrects a member's name, position or role.
    pub fn update_member(&mut self, id: MemberId, name: &str, position: Option<&str>, role: CouncilRole) -> Result<()> {
        let (name, position) = member_texts(name, position)?;
        let campaign: i64 = self
            .conn()
            .query_row("SELECT campaign_id FROM council_members WHERE id = ?1", [id.0], |r| r.get(0))
            .optional()?
            .ok_or_else(|| Error::UnknownMember(id.to_string()))?;
        let taken: bool = self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM council_members WHERE campaign_id = ?1 AND name_folded = ?2 AND id <> ?3)",
            params![campaign, fold(&name), id.0],
            |r| r.get(0),
        )?;
        if taken {
            return Err(Error::DuplicateMember(name));
        }
        self.with_tx(|tx| {
            tx.execute(
                "UPDATE council_members SET name = ?2, name_folded = ?3, position = ?4, role = ?5 WHERE id = ?1",
                params![id.0, name, fold(&name), position, role.code()],
            )?;
            Ok(())
        })
    }

    /// Takes a member who has left off the campaign's council, so quorum and votes count only the
    /// members there are. Refused once the member has attended a meeting or scored in it: those
    /// records keep their member.
    pub fn remove_member(&mut self, id: MemberId) -> Result<()> {
        let (name, attended, scored): (String, bool, bool) = self
            .conn()
            .query_row(
                "SELECT name,
                        EXISTS (SELECT 1 FROM meeting_attendance WHERE member_id = ?1),
                        EXISTS (SELECT 1 FROM scores WHERE member_id = ?1)
                 FROM council_members WHERE id = ?1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or_else(|| Error::UnknownMember(id.to_string()))?;
        if attended || scored {
            return Err(CouncilError::MemberAttended(name).into());
        }
        self.with_tx(|tx| {
            tx.execute("DELETE FROM council_members WHERE id = ?1", [id.0])?;
            Ok(())
        })
    }

    /// Starts an empty council from the most recent other campaign that has one; returns how
    /// many members were copied (0 when the council is not empty or there is none to copy).
    pub fn copy_members_from_previous(&mut self, campaign: CampaignId) -> Result<usize> {
        if !self.members(campaign)?.is_empty() {
            return Ok(0);
        }
        let source: Option<i64> = self
            .conn()
            .query_row(
                "SELECT c.id FROM campaigns c WHERE c.id <> ?1
                   AND EXISTS (SELECT 1 FROM council_members m WHERE m.campaign_id = c.id)
                 ORDER BY c.period_start DESC, c.id DESC LIMIT 1",
                [campaign.0],
                |r| r.get(0),
            )
            .optional()?;
        let Some(source) = source else { return Ok(0) };
        let previous = self.members(CampaignId(source))?;
        self.with_tx(|tx| {
            for m in &previous {
                insert_member(tx, campaign, &m.name, m.position.as_deref(), m.role)?;
            }
            Ok(previous.len())
        })
    }

    /// The council's working rules; the defaults of DOMAIN.md until they are set.
    pub fn council_rules(&self, campaign: CampaignId) -> Result<CouncilRules> {
        let json: Option<String> = self
            .conn()
            .query_row("SELECT rules FROM council_rules WHERE campaign_id = ?1", [campaign.0], |r| r.get(0))
            .optional()?;
        match json {
            Some(j) => serde_json::from_str(&j).map_err(|_| Error::Database(bad_value("council_rules"))),
            None => Ok(CouncilRules::default()),
        }
    }

    pub fn set_council_rules(&mut self, campaign: CampaignId, rules: &CouncilRules) -> Result<()> {
        let s = rules.quorum;
        let v = rules.vote_threshold;
        if s.denominator == 0 || s.numerator > s.denominator || v.denominator == 0 || v.numerator > v.denominator {
            return Err(CouncilError::BadShare.into());
        }
        let json = serde_json::to_string(rules).map_err(|e| Error::Definition(e.to_string()))?;
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO council_rules (campaign_id, rules) VALUES (?1, ?2)
                 ON CONFLICT (campaign_id) DO UPDATE SET rules = excluded.rules",
                params![campaign.0, json],
            )?;
            Ok(())
        })
    }

    /// Locks the open meeting's score sheets: no score of it is recorded or changed after.
    pub fn lock_sheets(&mut self, campaign: CampaignId) -> Result<MeetingId> {
        let m = self.current_meeting(campaign)?.ok_or(Error::NoMeeting)?;
        self.with_tx(|tx| {
            tx.execute("UPDATE meetings SET sheets_locked = 1 WHERE id = ?1", [m.id.0])?;
            Ok(())
        })?;
        Ok(m.id)
    }

    /// Shows the ranking on the members' phones in the meeting room, or hides it again.
    pub fn show_results(&mut self, campaign: CampaignId, shown: bool) -> Result<MeetingId> {
        let m = self.current_meeting(campaign)?.ok_or(Error::NoMeeting)?;
        self.with_tx(|tx| {
            tx.execute("UPDATE meetings SET results_shown = ?1 WHERE id = ?2", params![shown, m.id.0])?;
            Ok(())
        })?;
        Ok(m.id)
    }

    /// Whether the secretary has shown a meeting's ranking on the phones.
    pub fn results_shown(&self, meeting: MeetingId) -> Result<bool> {
        Ok(self.conn().query_row("SELECT results_shown FROM meetings WHERE id = ?1", [meeting.0], |r| r.get(0))?)
    }

    /// Whether a meeting's score sheets are locked.
    pub fn sheets_locked(&self, meeting: MeetingId) -> Result<bool> {
        Ok(self.conn().query_row("SELECT sheets_locked FROM meetings WHERE id = ?1", [meeting.0], |r| r.get(0))?)
    }

    /// The meeting still open, if any.
    pub fn current_meeting(&self, campaign: CampaignId) -> Result<Option<Meeting>> {
        self.meeting_where(campaign, true)
    }

    /// The campaign's newest meeting that is still open (`open_only`), or the newest of all.
    pub(crate) fn meeting_where(&self, campaign: CampaignId, open_only: bool) -> Result<Option<Meeting>> {
        type Row = (i64, NaiveDate, Option<String>, bool, Option<String>, Option<String>);
        let row: Option<Row> = self
            .conn()
            .query_row(
                "SELECT id, held_on, place, closed, started_at, ended_at FROM meetings
                 WHERE campaign_id = ?1 AND (closed = 0 OR NOT ?2)
                 ORDER BY id DESC LIMIT 1",
                params![campaign.0, open_only],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
            )
            .optional()?;
        let Some((id, date, place, closed, started, ended)) = row else { return Ok(None) };
        let mut stmt = self.conn().prepare("SELECT member_id FROM meeting_attendance WHERE meeting_id = ?1")?;
        let present = stmt.query_map([id], |r| Ok(MemberId(r.get(0)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
        let hour = |t: Option<String>| t.and_then(|t| NaiveTime::parse_from_str(&t, "%H:%M").ok());
        Ok(Some(Meeting {
            id: MeetingId(id),
            campaign,
            date,
            place,
            present,
            closed,
            started: hour(started),
            ended: hour(ended),
        }))
    }

    /// Closes the open meeting noting when it ended (`ended`, when known); its records stay.
    /// Refused when it would end before it started.
    pub fn close_meeting_at(&mut self, campaign: CampaignId, ended: Option<NaiveTime>) -> Result<()> {
        let m = self.current_meeting(campaign)?.ok_or(Error::NoMeeting)?;
        if let (Some(start), Some(end)) = (m.started, ended) {
            if end < start {
                return Err(CouncilError::EndsBeforeStart {
                    end: end.format("%H:%M").to_string(),
                    start: start.format("%H:%M").to_string(),
                }
                .into());
            }
        }
        self.with_tx(|tx| {
            tx.execute(
                "UPDATE meetings SET closed = 1, ended_at = ?2 WHERE id = ?1",
                params![m.id.0, ended.map(hhmm)],
            )?;
            Ok(())
        })
    }

    /// Opens a meeting with the members present. Refused while another meeting is open.
    pub fn open_meeting(
        &mut self,
        campaign: CampaignId,
        date: NaiveDate,
        place: Option<&str>,
        present: &[MemberId],
    ) -> Result<MeetingId> {
        self.open_meeting_at(campaign, date, None, place, present)
    }

    /// As [`Store::open_meeting`], noting the hour it started (for the minutes) when known.
    pub fn open_meeting_at(
        &mut self,
        campaign: CampaignId,
        date: NaiveDate,
        started: Option<NaiveTime>,
        place: Option<&str>,
        present: &[MemberId],
    ) -> Result<MeetingId> {
        if let Some(m) = self.current_meeting(campaign)? {
            return Err(Error::MeetingOpen { date: crate::vn::short_date(m.date) });
        }
        let place = place
            .map(|p| {
                checked_line(p, MAX_LINE)
                    .map_err(|problem| CouncilError::BadText { what: "địa điểm họp", problem })
            })
            .transpose()?;
        self.with_tx(|tx| {
            let id = insert_meeting(tx, campaign, date, place.as_deref(), present)?;
            if let Some(at) = started {
                tx.execute("UPDATE meetings SET started_at = ?2 WHERE id = ?1", params![id.0, hhmm(at)])?;
            }
            Ok(id)
        })
    }

    /// Closes the open meeting without noting the hour; its records stay.
    pub fn close_meeting(&mut self, campaign: CampaignId) -> Result<()> {
        self.close_meeting_at(campaign, None)
    }

    /// Whether the meeting has its quorum, and how many members that needs.
    pub fn quorum(&self, campaign: CampaignId, meeting: &Meeting) -> Result<(bool, usize, usize)> {
        let members = self.members(campaign)?.len();
        let rules = self.council_rules(campaign)?;
        let needed = (0..=members).find(|&p| quorum_met(p, members, rules.quorum)).unwrap_or(members);
        Ok((quorum_met(meeting.present.len(), members, rules.quorum), needed, members))
    }

    /// The open meeting, refused unless it has its quorum: without it nothing binding is recorded.
    pub(crate) fn binding_meeting(&self, campaign: CampaignId) -> Result<Meeting> {
        let meeting = self.current_meeting(campaign)?.ok_or(Error::NoMeeting)?;
        let (met, needed, members) = self.quorum(campaign, &meeting)?;
        if !met {
            return Err(Error::NoQuorum { present: meeting.present.len(), members, needed });
        }
        Ok(meeting)
    }
}

/// An hour as the meetings table keeps it: "14:05".
fn hhmm(at: NaiveTime) -> String {
    at.format("%H:%M").to_string()
}

pub(crate) fn insert_meeting(
    tx: &Transaction<'_>,
    campaign: CampaignId,
    date: NaiveDate,
    place: Option<&str>,
    present: &[MemberId],
) -> Result<MeetingId> {
    tx.execute(
        "INSERT INTO meetings (campaign_id, held_on, place) VALUES (?1, ?2, ?3)",
        params![campaign.0, date, place],
    )?;
    let id = tx.last_insert_rowid();
    for m in present {
        let ours: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM council_members WHERE id = ?1 AND campaign_id = ?2)",
            params![m.0, campaign.0],
            |r| r.get(0),
        )?;
        if !ours {
            return Err(Error::UnknownMember(m.to_string()));
        }
        tx.execute(
            "INSERT OR IGNORE INTO meeting_attendance (meeting_id, member_id) VALUES (?1, ?2)",
            params![id, m.0],
        )?;
    }
    Ok(MeetingId(id))
}

fn insert_member(
    tx: &Transaction<'_>,
    campaign: CampaignId,
    name: &str,
    position: Option<&str>,
    role: CouncilRole,
) -> Result<MemberId> {
    let folded = fold(name);
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM council_members WHERE campaign_id = ?1 AND name_folded = ?2)",
        params![campaign.0, folded],
        |r| r.get(0),
    )?;
    if exists {
        return Err(Error::DuplicateMember(name.to_string()));
    }
    tx.execute(
        "INSERT INTO council_members (campaign_id, name, name_folded, position, role, sort_order)
         VALUES (?1, ?2, ?3, ?4, ?5, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM council_members WHERE campaign_id = ?1))",
        params![campaign.0, name, folded, position, role.code()],
    )?;
    Ok(MemberId(tx.last_insert_rowid()))
}
