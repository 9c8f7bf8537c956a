//! Reading the audit trail that the triggers of `0004_audit.sql` append to, and naming who is
//! making the changes. The application never updates or deletes a logged row (the triggers
//! refuse it).

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use sha2::{Digest, Sha256};

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
    /// The person changes are credited to ("" when none is set).
    pub fn actor(&self) -> Result<String> {
        Ok(self
            .conn()
            .query_row("SELECT actor FROM audit_actor WHERE id = 1", [], |r| r.get(0))
            .optional()?
            .unwrap_or_default())
    }

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
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO audit_log (at, actor, table_name, action, after)
                 VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                         COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'database', 'restore',
                         json_object('from', ?1))",
                [from],
            )?;
            Ok(())
        })
    }
}

/// The columns an entry's seal covers, in order.
const SEALED: &str = "id, at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after";

/// An entry's seal: SHA-256 of the previous entry's seal and of each sealed column (absent
/// values written as nothing, columns separated by a unit separator), in lowercase hex.
fn seal_of(previous: &str, r: &Row<'_>) -> rusqlite::Result<String> {
    let mut h = Sha256::new();
    h.update(previous.as_bytes());
    for i in 0..10 {
        h.update([0x1f]);
        match r.get_ref(i)? {
            rusqlite::types::ValueRef::Null => h.update(b"\x00"),
            rusqlite::types::ValueRef::Integer(n) => h.update(n.to_string().as_bytes()),
            rusqlite::types::ValueRef::Real(f) => h.update(f.to_string().as_bytes()),
            rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => h.update(t),
        }
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Seals the entries appended after the last sealed one, in order, each from the one before.
/// Runs in the transaction that appended them (and at opening, for entries written by hand).
pub(super) fn seal(conn: &Connection) -> Result<()> {
    let last: Option<(i64, String)> = conn
        .query_row("SELECT id, seal FROM audit_log WHERE seal IS NOT NULL ORDER BY id DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let (after, mut previous) = last.unwrap_or((0, String::new()));
    let mut stmt = conn.prepare(&format!("SELECT {SEALED} FROM audit_log WHERE id > ?1 ORDER BY id"))?;
    let mut rows = stmt.query([after])?;
    let mut sealed = Vec::new();
    while let Some(r) = rows.next()? {
        previous = seal_of(&previous, r)?;
        sealed.push((r.get::<_, i64>(0)?, previous.clone()));
    }
    for (id, s) in sealed {
        conn.execute("UPDATE audit_log SET seal = ?2 WHERE id = ?1", params![id, s])?;
    }
    Ok(())
}

/// Where the audit trail's chain of seals breaks, if it does: the first entry whose seal is
/// missing or does not follow from the one before (edited, replaced, or removed before it).
pub(crate) fn broken_seal(conn: &Connection) -> Result<Option<(i64, String)>> {
    let mut stmt = conn.prepare(&format!("SELECT {SEALED}, seal FROM audit_log ORDER BY id"))?;
    let mut rows = stmt.query([])?;
    let mut previous = String::new();
    while let Some(r) = rows.next()? {
        let expected = seal_of(&previous, r)?;
        let stored: Option<String> = r.get(10)?;
        if stored.as_deref() != Some(expected.as_str()) {
            return Ok(Some((r.get(0)?, r.get(1)?)));
        }
        previous = expected;
    }
    Ok(None)
}
