//! A whole campaign's rows, table by table, for the exchange file: read with canonical ids
//! (1, 2, … per table, in id order) so that the same campaign exported on two machines gives the
//! same data, and written back with fresh ids in one transaction.

use std::collections::HashMap;

use rusqlite::types::{Value as SqlValue, ValueRef};
use serde_json::{Map, Value};

use super::Store;
use crate::error::{Error, RecordsError, Result};
use crate::model::{CampaignId, CampaignImport, Tables};

struct Spec {
    table: &'static str,
    /// The table has an `id INTEGER PRIMARY KEY` that other rows refer to.
    has_id: bool,
    /// Columns that refer to the id of another table.
    refs: &'static [(&'static str, &'static str)],
    /// Selects the campaign's rows (`?1` is the campaign id), in a stable order.
    filter: &'static str,
}

/// In the order they must be written (a row's references are written before it).
const SPECS: &[Spec] = &[
    Spec { table: "campaigns", has_id: true, refs: &[], filter: "id = ?1 ORDER BY id" },
    Spec { table: "units", has_id: true, refs: &[("campaign_id", "campaigns")], filter: "campaign_id = ?1 ORDER BY id" },
    Spec {
        table: "criteria",
        has_id: true,
        refs: &[("campaign_id", "campaigns")],
        filter: "campaign_id = ?1 ORDER BY id",
    },
    Spec {
        table: "nominations",
        has_id: true,
        refs: &[("campaign_id", "campaigns"), ("unit_id", "units")],
        filter: "campaign_id = ?1 ORDER BY id",
    },
    Spec {
        table: "refusals",
        has_id: false,
        refs: &[("nomination_id", "nominations")],
        filter: "nomination_id IN (SELECT id FROM nominations WHERE campaign_id = ?1) ORDER BY nomination_id, reason",
    },
    Spec {
        table: "council_members",
        has_id: true,
        refs: &[("campaign_id", "campaigns")],
        filter: "campaign_id = ?1 ORDER BY id",
    },
    Spec { table: "council_rules", has_id: false, refs: &[("campaign_id", "campaigns")], filter: "campaign_id = ?1" },
    Spec { table: "meetings", has_id: true, refs: &[("campaign_id", "campaigns")], filter: "campaign_id = ?1 ORDER BY id" },
    Spec {
        table: "meeting_attendance",
        has_id: false,
        refs: &[("meeting_id", "meetings"), ("member_id", "council_members")],
        filter: "meeting_id IN (SELECT id FROM meetings WHERE campaign_id = ?1) ORDER BY meeting_id, member_id",
    },
    Spec {
        table: "scores",
        has_id: false,
        refs: &[("meeting_id", "meetings"), ("member_id", "council_members"), ("nomination_id", "nominations")],
        filter: "meeting_id IN (SELECT id FROM meetings WHERE campaign_id = ?1) ORDER BY meeting_id, member_id, nomination_id, criterion_number",
    },
    Spec {
        table: "votes",
        has_id: false,
        refs: &[("meeting_id", "meetings"), ("nomination_id", "nominations")],
        filter: "meeting_id IN (SELECT id FROM meetings WHERE campaign_id = ?1) ORDER BY meeting_id, nomination_id",
    },
    Spec {
        table: "indicator_figures",
        has_id: false,
        refs: &[("nomination_id", "nominations")],
        filter: "nomination_id IN (SELECT id FROM nominations WHERE campaign_id = ?1) ORDER BY nomination_id, criterion_number, indicator_index",
    },
    Spec {
        table: "attachments",
        has_id: true,
        refs: &[("nomination_id", "nominations")],
        filter: "nomination_id IN (SELECT id FROM nominations WHERE campaign_id = ?1) ORDER BY id",
    },
    Spec {
        table: "recusals",
        has_id: false,
        refs: &[("campaign_id", "campaigns"), ("member_id", "council_members"), ("nomination_id", "nominations")],
        filter: "campaign_id = ?1 ORDER BY member_id, nomination_id",
    },
    Spec {
        table: "sheet_entries",
        has_id: false,
        refs: &[("meeting_id", "meetings"), ("member_id", "council_members")],
        filter: "meeting_id IN (SELECT id FROM meetings WHERE campaign_id = ?1) ORDER BY meeting_id, member_id",
    },
    Spec {
        table: "shortlist",
        has_id: false,
        refs: &[("campaign_id", "campaigns"), ("nomination_id", "nominations")],
        filter: "campaign_id = ?1 ORDER BY position, nomination_id",
    },
];

fn rejected(file: &str, why: String) -> Error {
    Error::ArchiveRejected { file: file.to_string(), why }
}

fn to_json(v: ValueRef<'_>) -> Result<Value> {
    Ok(match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(_) => return Err(RecordsError::Encoding("dữ liệu nhị phân không xuất được".into()).into()),
    })
}

fn to_sql(file: &str, table: &str, column: &str, v: &Value) -> Result<SqlValue> {
    Ok(match v {
        Value::Null => SqlValue::Null,
        Value::String(s) => SqlValue::Text(crate::vn::nfc(s)),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => SqlValue::Integer(i),
            (None, Some(f)) => SqlValue::Real(f),
            _ => return Err(rejected(file, format!("Bảng «{table}», cột «{column}»: số không hợp lệ."))),
        },
        _ => return Err(rejected(file, format!("Bảng «{table}», cột «{column}»: giá trị không hợp lệ."))),
    })
}

impl Store {
    /// The campaign's rows with canonical ids.
    pub fn export_campaign_tables(&self, campaign: CampaignId) -> Result<Tables> {
        let mut ids: HashMap<&str, HashMap<i64, i64>> = HashMap::new();
        let mut out = Tables::new();
        for spec in SPECS {
            let mut stmt = self.conn().prepare(&format!("SELECT * FROM {} WHERE {}", spec.table, spec.filter))?;
            let names: Vec<String> = stmt.column_names().into_iter().map(String::from).collect();
            let mut rows = stmt.query([campaign.0])?;
            let mut list = Vec::new();
            while let Some(r) = rows.next()? {
                let mut obj = Map::new();
                for (i, name) in names.iter().enumerate() {
                    obj.insert(name.clone(), to_json(r.get_ref(i)?)?);
                }
                if spec.has_id {
                    let map = ids.entry(spec.table).or_default();
                    let old = obj.get("id").and_then(Value::as_i64).unwrap_or_default();
                    let new = map.len() as i64 + 1;
                    map.insert(old, new);
                    obj.insert("id".into(), Value::from(new));
                }
                for (column, target) in spec.refs {
                    let old = obj.get(*column).and_then(Value::as_i64).unwrap_or_default();
                    let new = ids.get(target).and_then(|m| m.get(&old)).copied().unwrap_or_default();
                    obj.insert((*column).to_string(), Value::from(new));
                }
                list.push(obj);
            }
            out.insert(spec.table.to_string(), list);
        }
        Ok(out)
    }

    /// Writes a campaign read from an exchange file, all or nothing. When a campaign with the same
    /// code is there already, nothing is written: identical data is reported as such, different
    /// data is refused.
    pub fn import_campaign_tables(&mut self, file: &str, tables: &Tables) -> Result<CampaignImport> {
        if let Some(name) = tables.keys().find(|k| !SPECS.iter().any(|s| s.table == k.as_str())) {
            return Err(rejected(file, format!("Có bảng «{name}» không thuộc dữ liệu một đợt thi đua.")));
        }
        let code = match tables.get("campaigns").map(Vec::as_slice) {
            Some([c]) => c.get("code").and_then(Value::as_str).map(crate::vn::nfc),
            _ => None,
        }
        .ok_or_else(|| rejected(file, "Tệp phải có đúng một đợt thi đua, có mã.".into()))?;
        if let Ok(existing) = self.campaign(Some(&code)) {
            let mut ours = self.export_campaign_tables(existing.id)?;
            let mut theirs = tables.clone();
            for t in [&mut ours, &mut theirs] {
                t.retain(|_, rows| !rows.is_empty());
            }
            return if ours == theirs {
                Ok(CampaignImport::AlreadyThere(existing.id))
            } else {
                Err(Error::CampaignDiffers(code))
            };
        }
        // Not `with_tx`: the checks below read through the store's own queries, which need the
        // connection while the transaction is open. Dropping `tx` without commit rolls back.
        let tx = self.conn().unchecked_transaction()?;
        let mut ids: HashMap<&str, HashMap<i64, i64>> = HashMap::new();
        for spec in SPECS {
            let columns: Vec<String> = {
                let mut stmt = tx.prepare(&format!("SELECT name FROM pragma_table_info('{}')", spec.table))?;
                let names = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
                names
            };
            let written: Vec<&String> = columns.iter().filter(|c| !(spec.has_id && c.as_str() == "id")).collect();
            let sql = format!(
                "INSERT INTO {} ({}) VALUES ({})",
                spec.table,
                written.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", "),
                (1..=written.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ")
            );
            let mut stmt = tx.prepare(&sql)?;
            for (n, row) in tables.get(spec.table).map(Vec::as_slice).unwrap_or_default().iter().enumerate() {
                let where_ = format!("Bảng «{}», dòng {}", spec.table, n + 1);
                if let Some(k) = row.keys().find(|k| !columns.contains(k)) {
                    return Err(rejected(file, format!("{where_}: cột «{k}» không có trong cơ sở dữ liệu.")));
                }
                let mut values = Vec::with_capacity(written.len());
                for c in &written {
                    let v = row.get(c.as_str()).unwrap_or(&Value::Null);
                    let value = match spec.refs.iter().find(|(col, _)| col == c) {
                        Some((_, target)) => {
                            let new = v.as_i64().and_then(|old| ids.get(target).and_then(|m| m.get(&old)));
                            SqlValue::Integer(*new.ok_or_else(|| {
                                rejected(file, format!("{where_}: cột «{c}» trỏ tới một dòng không có trong tệp."))
                            })?)
                        }
                        None => {
                            if let Some(text) = v.as_str() {
                                crate::vn::checked_paragraphs(text, 100_000)
                                    .map_err(|p| rejected(file, format!("{where_}, cột «{c}»: {p}.")))?;
                            }
                            to_sql(file, spec.table, c, v)?
                        }
                    };
                    values.push(value);
                }
                stmt.execute(rusqlite::params_from_iter(values))
                    .map_err(|e| rejected(file, format!("{where_}: dữ liệu không hợp lệ ({e}).")))?;
                if spec.has_id {
                    let old = row
                        .get("id")
                        .and_then(Value::as_i64)
                        .ok_or_else(|| rejected(file, format!("{where_}: thiếu số «id».")))?;
                    if ids.entry(spec.table).or_default().insert(old, tx.last_insert_rowid()).is_some() {
                        return Err(rejected(file, format!("{where_}: số «id» {old} bị trùng.")));
                    }
                }
            }
        }
        let campaign =
            self.campaign(Some(&code)).map_err(|e| rejected(file, format!("Đợt thi đua không đọc được ({e}).")))?;
        let readable = self
            .units(campaign.id)
            .and_then(|_| self.nominations(campaign.id))
            .and_then(|_| self.members(campaign.id))
            .and_then(|_| self.council_rules(campaign.id))
            .and_then(|_| self.shortlist(campaign.id));
        readable.map_err(|e| rejected(file, format!("Dữ liệu đợt thi đua không đọc được ({e}).")))?;
        // A file from another PC is not trusted to have applied the rules: its dossiers are checked
        // as typed ones are, and the intake rules (R4–R6) are applied again; a dossier whose
        // recorded outcome disagrees with them is refused with the reason.
        let as_sent = self.nominations(campaign.id)?;
        for n in &as_sent {
            n.as_new()
                .validated()
                .map_err(|e| rejected(file, format!("Hồ sơ «{}»: {e}", crate::vn::shown(&n.name))))?;
        }
        for unit in self.units(campaign.id)? {
            super::nominations::recompute_unit(&tx, &campaign, unit.id)?;
        }
        for (sent, ruled) in as_sent.iter().zip(self.nominations(campaign.id)?) {
            let reasons = |n: &crate::model::Nomination| {
                let mut r: Vec<&str> = n.refusals.iter().map(|r| r.reason.label()).collect();
                r.sort_unstable();
                r
            };
            if sent.status != ruled.status || reasons(sent) != reasons(&ruled) {
                let why = if reasons(&ruled).is_empty() {
                    String::new()
                } else {
                    format!(" ({})", reasons(&ruled).join(", "))
                };
                return Err(rejected(
                    file,
                    format!(
                        "Hồ sơ «{}» được ghi trong tệp là «{}» nhưng theo quy định tiếp nhận phải là «{}»{why}; tệp đã bị sửa hoặc không đúng.",
                        crate::vn::shown(&sent.name),
                        sent.status.label(),
                        ruled.status.label()
                    ),
                ));
            }
        }
        for a in tables.get("attachments").map(Vec::as_slice).unwrap_or_default() {
            let name = a.get("file_name").and_then(Value::as_str).unwrap_or_default();
            let plain = !name.is_empty()
                && name.chars().count() <= 255
                && !name.contains(['/', '\\', ':'])
                && name != ".."
                && crate::vn::checked_line(name, 255).is_ok();
            if !plain {
                return Err(rejected(
                    file,
                    format!("Tên tệp đính kèm «{}» không phải một tên tệp.", crate::vn::shown(name)),
                ));
            }
        }
        super::audit::seal(&tx)?;
        tx.commit()?;
        Ok(CampaignImport::Imported(campaign.id))
    }
}
