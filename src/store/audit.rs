//! Reading the audit trail that the triggers of `0004_audit.sql` append to, and naming who is
//! making the changes. The application never updates or deletes a logged row (the triggers
//! refuse it).

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

use super::Store;
use crate::error::Result;
use crate::model::{CampaignId, NominationId};

/// One logged change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    /// UTC, RFC 3339 with milliseconds.
    pub at: String,
    pub actor: String,
    pub table: String,
    pub row_id: Option<i64>,
    pub campaign_id: Option<i64>,
    pub nomination_id: Option<i64>,
    /// `insert`, `update`, `delete` or `restore`.
    pub action: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

const COLUMNS: &str = "id, at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after";

fn entry(r: &Row<'_>) -> rusqlite::Result<AuditEntry> {
    let json = |i: usize| -> rusqlite::Result<Option<serde_json::Value>> {
        let text: Option<String> = r.get(i)?;
        Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
    };
    Ok(AuditEntry {
        id: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        table: r.get(3)?,
        row_id: r.get(4)?,
        campaign_id: r.get(5)?,
        nomination_id: r.get(6)?,
        action: r.get(7)?,
        before: json(8)?,
        after: json(9)?,
    })
}

impl Store {
    /// Names who makes the changes from now on (the operating system's user name or a setting).
    /// Writes only when the name differs from the one recorded.
    pub fn set_actor(&mut self, actor: &str) -> Result<()> {
        let actor = crate::vn::nfc(actor.trim());
        let current: Option<String> =
            self.conn().query_row("SELECT actor FROM audit_actor WHERE id = 1", [], |r| r.get(0)).optional()?;
        if current.as_deref() != Some(actor.as_str()) {
            self.conn().execute(
                "INSERT INTO audit_actor (id, actor) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET actor = excluded.actor",
                [&actor],
            )?;
        }
        Ok(())
    }

    /// The changes to one nomination and to its refusals, scores, votes and shortlist place, oldest first.
    pub fn audit_for_nomination(&self, id: NominationId) -> Result<Vec<AuditEntry>> {
        self.audit_where("nomination_id = ?1", id.0)
    }

    /// Every change within one campaign, oldest first.
    pub fn audit_for_campaign(&self, id: CampaignId) -> Result<Vec<AuditEntry>> {
        self.audit_where("campaign_id = ?1", id.0)
    }

    /// The whole log, oldest first.
    pub fn audit_log(&self) -> Result<Vec<AuditEntry>> {
        self.audit_where("?1 = ?1", 0)
    }

    fn audit_where(&self, filter: &str, value: i64) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn().prepare(&format!("SELECT {COLUMNS} FROM audit_log WHERE {filter} ORDER BY id"))?;
        let rows = stmt.query_map(params![value], entry)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Appends the restore of the whole database from `from` to the log of the restored database.
    pub fn log_restore(&mut self, from: &str) -> Result<()> {
        self.conn().execute(
            "INSERT INTO audit_log (at, actor, table_name, action, after)
             VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                     COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'database', 'restore',
                     json_object('from', ?1))",
            [from],
        )?;
        Ok(())
    }
}
