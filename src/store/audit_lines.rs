//! The audit trail as the secretary reads it: Vietnam time, what was changed named in Vietnamese
//! ("Hồ sơ số 4 — Nguyễn Văn An"), and each changed field with its old and new value in words
//! ("Trạng thái: Đã tiếp nhận → Đạt"). The raw entries stay available for `log --json`.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate};
use serde::Serialize;
use serde_json::{Map, Value};

use super::{AuditEntry, Store};
use crate::council::format_points;
use crate::error::Result;
use crate::model::{CampaignId, CouncilRole, Gender, NominationId, NomineeKind, PartState, Reason, Status, UnitKind};
use crate::vn::{short_date, vietnam_offset};

/// One field that a change touched, its values in words (`None`: the field did not exist before
/// or does not exist after).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// One logged change in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditLine {
    pub id: i64,
    /// Vietnam time: "05/01/2024 09:59:00".
    pub at: String,
    pub actor: String,
    /// "Thêm", "Sửa", "Xóa" or "Khôi phục".
    pub action: String,
    /// What was changed: "Hồ sơ số 4 — Nguyễn Văn An", "Điểm chấm — hồ sơ số 4, tiêu chí 2, …".
    pub subject: String,
    pub nomination_id: Option<i64>,
    pub changes: Vec<FieldChange>,
}

/// Names of units and council members by id, so a change reads "Đơn vị: Huyện đoàn", not "3".
#[derive(Default)]
struct Names {
    units: HashMap<i64, String>,
    members: HashMap<i64, String>,
}

impl Names {
    fn unit(&self, id: i64) -> String {
        self.units.get(&id).cloned().unwrap_or_else(|| format!("đơn vị số {id}"))
    }

    fn member(&self, id: i64) -> String {
        self.members.get(&id).cloned().unwrap_or_else(|| format!("thành viên số {id}"))
    }
}

impl Store {
    /// The changes to one nomination (and its refusals, scores, votes, figures, shortlist place
    /// and attachments), in words, oldest first.
    pub fn audit_lines_for_nomination(&self, id: NominationId) -> Result<Vec<AuditLine>> {
        let entries = self.audit_for_nomination(id)?;
        self.describe(&entries)
    }

    /// Every change within one campaign, in words, oldest first.
    pub fn audit_lines_for_campaign(&self, id: CampaignId) -> Result<Vec<AuditLine>> {
        let entries = self.audit_for_campaign(id)?;
        self.describe(&entries)
    }

    /// The whole log in words, restores of the database included.
    pub fn audit_lines(&self) -> Result<Vec<AuditLine>> {
        let entries = self.audit_log()?;
        self.describe(&entries)
    }

    fn describe(&self, entries: &[AuditEntry]) -> Result<Vec<AuditLine>> {
        let mut names = Names::default();
        for (table, map) in [("units", &mut names.units), ("council_members", &mut names.members)] {
            let mut stmt = self.conn().prepare(&format!("SELECT id, name FROM {table}"))?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
            for row in rows {
                let (id, name) = row?;
                map.insert(id, name);
            }
        }
        Ok(entries.iter().map(|e| describe(e, &names)).collect())
    }
}

/// "05/01/2024 09:59:00" in Vietnam time, from a logged UTC instant; the text as it is otherwise.
fn vietnam_time(text: &str) -> String {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&vietnam_offset()).format("%d/%m/%Y %H:%M:%S").to_string())
        .unwrap_or_else(|_| text.to_string())
}

fn date(text: &str) -> String {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map(short_date).unwrap_or_else(|_| vietnam_time(text))
}

/// The fields of each table worth reading, with their Vietnamese names. Keys, folded copies and
/// bookkeeping times are left out; they change only with the fields shown.
fn fields(table: &str) -> &'static [(&'static str, &'static str)] {
    match table {
        "campaigns" => &[
            ("code", "Mã đợt"),
            ("name", "Tên đợt"),
            ("period_start", "Từ ngày"),
            ("period_end", "Đến ngày"),
            ("deadline", "Hạn nộp hồ sơ"),
            ("settings", "Thiết lập"),
        ],
        "units" => &[
            ("name", "Tên đơn vị"),
            ("kind", "Khối"),
            ("position", "Thứ tự"),
            ("addressee", "Kính gửi"),
            ("in_sentence", "Tên trong câu văn"),
        ],
        "criteria" => &[("number", "Số"), ("label", "Tên tiêu chí"), ("max_half_points", "Điểm tối đa")],
        "nominations" => &[
            ("unit_id", "Đơn vị"),
            ("kind", "Loại"),
            ("name", "Tên"),
            ("gender", "Giới tính"),
            ("position", "Chức vụ"),
            ("submitted_at", "Thời điểm nộp"),
            ("proposal_letter", "Tờ trình"),
            ("minutes", "Biên bản"),
            ("achievement_report", "Báo cáo thành tích"),
            ("summary", "Tóm tắt thành tích"),
            ("decision", "Kết quả thẩm định"),
            ("status", "Trạng thái"),
        ],
        "refusals" => &[("reason", "Lý do"), ("note", "Ghi chú"), ("source", "Bước")],
        "council_members" => &[("name", "Họ và tên"), ("position", "Chức vụ"), ("role", "Vai trò")],
        "council_rules" => &[("rules", "Quy tắc")],
        "meetings" => &[
            ("held_on", "Ngày họp"),
            ("place", "Địa điểm"),
            ("started_at", "Giờ bắt đầu"),
            ("ended_at", "Giờ kết thúc"),
            ("closed", "Kết thúc"),
        ],
        "meeting_attendance" => &[("member_id", "Có mặt")],
        "scores" => &[("half_points", "Điểm")],
        "votes" => &[("agree", "Đồng ý"), ("disagree", "Không đồng ý"), ("blank", "Phiếu trắng")],
        "indicator_figures" => &[("figure_tenths", "Số liệu (%)")],
        "shortlist" => &[("position", "Thứ tự"), ("reason", "Lý do lựa chọn")],
        "recusals" => {
            &[("member_id", "Thành viên"), ("nomination_id", "Hồ sơ"), ("recused", "Không tham gia chấm, biểu quyết")]
        }
        "decisions" => &[
            ("number", "Số quyết định"),
            ("signed_on", "Ngày ký"),
            ("signer_name", "Người ký"),
            ("signer_title", "Chức vụ người ký"),
            ("signer_behalf", "Thẩm quyền ký"),
        ],
        "certificate_offsets" => &[("dx", "Lệch sang phải (mm)"), ("dy", "Lệch xuống (mm)")],
        "attachments" => &[("file_name", "Tên tệp"), ("bytes", "Dung lượng")],
        "database" => &[("from", "Từ tệp")],
        _ => &[],
    }
}

/// Tenths as Vietnamese write decimals: -5 → "-0,5", 955 → "95,5".
fn tenths(t: i64) -> String {
    let sign = if t < 0 { "-" } else { "" };
    format!("{sign}{},{}", t.abs() / 10, t.abs() % 10)
}

/// A field's value in words.
fn value(table: &str, field: &str, v: &Value, names: &Names) -> String {
    let text = v.as_str();
    let int = v.as_i64();
    let coded = |label: Option<&'static str>| label.map(String::from);
    let worded = match (table, field) {
        (_, "unit_id") => int.map(|i| names.unit(i)),
        (_, "member_id") => int.map(|i| names.member(i)),
        ("nominations", "kind") | ("criteria", "nominee_kind") => {
            coded(text.and_then(NomineeKind::from_code).map(NomineeKind::label))
        }
        ("nominations", "gender") => coded(text.and_then(Gender::from_code).map(Gender::label)),
        ("nominations", "proposal_letter" | "minutes" | "achievement_report") => {
            coded(text.and_then(PartState::from_code).map(PartState::label))
        }
        ("nominations", "status") => coded(text.and_then(Status::from_code).map(Status::label)),
        ("nominations", "decision") => text.map(|t| if t == "accepted" { "Đạt" } else { "Không đạt" }.to_string()),
        ("nominations", "submitted_at") | ("campaigns", "deadline") => text.map(vietnam_time),
        ("campaigns", "period_start" | "period_end") | ("meetings", "held_on") | ("decisions", "signed_on") => {
            text.map(date)
        }
        ("campaigns", "settings") => Some("(thiết lập của đợt)".into()),
        ("council_rules", "rules") => Some("(quy tắc chấm điểm và biểu quyết)".into()),
        ("units", "kind") => coded(text.and_then(UnitKind::from_code).map(UnitKind::label)),
        ("refusals", "reason") => coded(text.and_then(Reason::from_code).map(Reason::label)),
        ("refusals", "source") => text.map(|t| if t == "intake" { "Tiếp nhận" } else { "Thẩm định" }.to_string()),
        ("council_members", "role") => coded(text.and_then(CouncilRole::from_code).map(CouncilRole::label)),
        ("meetings", "closed") => int.map(|i| if i == 1 { "Đã kết thúc" } else { "Chưa kết thúc" }.to_string()),
        ("scores", "half_points") | ("criteria", "max_half_points") => int.map(format_points),
        ("indicator_figures", "figure_tenths") | ("certificate_offsets", "dx" | "dy") => int.map(tenths),
        ("attachments", "bytes") => int.map(|b| format!("{} byte", crate::vn::format_dong(b))),
        _ => None,
    };
    worded.unwrap_or_else(|| match v {
        Value::Null => "(trống)".into(),
        Value::String(s) if s.is_empty() => "(trống)".into(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    })
}

fn subject(e: &AuditEntry, row: &Map<String, Value>, names: &Names) -> String {
    let text = |k: &str| row.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
    let int = |k: &str| row.get(k).and_then(Value::as_i64).unwrap_or_default();
    let nomination = e.nomination_id.map(|n| format!("hồ sơ số {n}")).unwrap_or_default();
    match e.table.as_str() {
        "campaigns" => format!("Đợt thi đua «{}»", text("name")),
        "units" => format!("Đơn vị «{}»", text("name")),
        "criteria" => {
            let kind = row.get("nominee_kind").and_then(Value::as_str).and_then(NomineeKind::from_code);
            format!("Tiêu chí {} ({})", int("number"), kind.map_or("", NomineeKind::label).to_lowercase())
        }
        "nominations" => format!("Hồ sơ số {} — {}", e.row_id.unwrap_or_default(), text("name")),
        "refusals" => format!("Lý do không tiếp nhận — {nomination}"),
        "council_members" => format!("Thành viên Hội đồng «{}»", text("name")),
        "council_rules" => "Quy tắc chấm điểm và biểu quyết".into(),
        "meetings" => format!("Phiên họp Hội đồng ngày {}", date(&text("held_on"))),
        "meeting_attendance" => format!("Điểm danh phiên họp số {}", int("meeting_id")),
        "scores" => format!(
            "Điểm chấm — {nomination}, tiêu chí {}, {}",
            int("criterion_number"),
            names.member(int("member_id"))
        ),
        "votes" => format!("Biểu quyết — {nomination}"),
        "indicator_figures" => {
            format!(
                "Số liệu chỉ tiêu — {nomination}, tiêu chí {}, chỉ tiêu {}",
                int("criterion_number"),
                int("indicator_index") + 1
            )
        }
        "shortlist" => format!("Danh sách đề nghị Bằng khen — {nomination}"),
        "recusals" => format!("Không tham gia chấm, biểu quyết — {nomination}, {}", names.member(int("member_id"))),
        "decisions" => "Số, ngày ký quyết định khen thưởng".into(),
        "certificate_offsets" => format!("Căn chỉnh in giấy khen — {}", text("field")),
        "attachments" => format!("Tệp đính kèm — {nomination}"),
        "database" => "Cơ sở dữ liệu".into(),
        other => other.to_string(),
    }
}

/// The campaign's settings a secretary changes, by their place in the settings' JSON.
const SETTINGS: &[(&[&str], &str)] = &[
    (&["issuer", "name"], "Tên cơ quan ban hành"),
    (&["issuer", "parent"], "Cơ quan cấp trên"),
    (&["issuer", "place"], "Địa danh"),
    (&["issuer", "authority"], "Chức danh người có thẩm quyền tặng"),
    (&["issuer", "decision_symbol"], "Ký hiệu quyết định"),
    (&["issuer", "standing_body"], "Cơ quan thường trực Hội đồng"),
    (&["decision", "signer", "name"], "Người ký"),
    (&["decision", "signer", "title"], "Chức vụ người ký"),
    (&["decision", "annex_order"], "Thứ tự danh sách kèm theo"),
    (&["money", "base_salary"], "Bảng mức lương cơ sở"),
    (&["money", "rounding"], "Làm tròn tiền thưởng"),
    (&["quotas"], "Số lượng đề nghị"),
    (&["plan"], "Kế hoạch"),
];

/// The settings that an update of a campaign changed, each as a field; "đã thay đổi" for a
/// change elsewhere in them.
fn settings_changes(before: &Value, after: &Value) -> Vec<FieldChange> {
    let parse = |v: &Value| v.as_str().and_then(|t| serde_json::from_str::<Value>(t).ok()).unwrap_or(Value::Null);
    let (b, a) = (parse(before), parse(after));
    let at =
        |v: &Value, path: &[&str]| path.iter().try_fold(v.clone(), |v, k| v.get(k).cloned()).unwrap_or(Value::Null);
    let words = |v: &Value| match v {
        Value::Null => "(trống)".to_string(),
        Value::String(t) if t.is_empty() => "(trống)".to_string(),
        Value::String(t) => t.clone(),
        Value::Array(rows) => format!("{} dòng", rows.len()),
        _ => "…".to_string(),
    };
    let mut changes: Vec<FieldChange> = SETTINGS
        .iter()
        .filter(|(path, _)| at(&b, path) != at(&a, path))
        .map(|(path, label)| {
            let (old, new) = (at(&b, path), at(&a, path));
            match (&old, &new) {
                (Value::String(_) | Value::Null, Value::String(_) | Value::Null) => {
                    FieldChange { field: label.to_string(), before: Some(words(&old)), after: Some(words(&new)) }
                }
                _ => FieldChange { field: label.to_string(), before: None, after: Some("đã thay đổi".into()) },
            }
        })
        .collect();
    let named: Vec<&[&str]> = SETTINGS.iter().map(|(p, _)| *p).collect();
    let mut rest = (b.clone(), a.clone());
    for path in named {
        for v in [&mut rest.0, &mut rest.1] {
            remove_at(v, path);
        }
    }
    if rest.0 != rest.1 {
        changes.push(FieldChange {
            field: "Thiết lập khác".into(), before: None, after: Some("đã thay đổi".into())
        });
    }
    changes
}

fn remove_at(v: &mut Value, path: &[&str]) {
    match path {
        [] => {}
        [last] => {
            if let Some(o) = v.as_object_mut() {
                o.remove(*last);
            }
        }
        [first, more @ ..] => {
            if let Some(inner) = v.get_mut(*first) {
                remove_at(inner, more);
            }
        }
    }
}

fn describe(e: &AuditEntry, names: &Names) -> AuditLine {
    let empty = Map::new();
    let before = e.before.as_ref().and_then(Value::as_object).unwrap_or(&empty);
    let after = e.after.as_ref().and_then(Value::as_object).unwrap_or(&empty);
    let settings_update = e.table == "campaigns" && e.action == "update";
    let mut changes: Vec<FieldChange> = fields(&e.table)
        .iter()
        .filter(|(key, _)| !(settings_update && *key == "settings"))
        .filter_map(|&(key, label)| {
            let (b, a) = (before.get(key), after.get(key));
            let shown = match e.action.as_str() {
                "update" => b != a,
                _ => b.or(a).is_some_and(|v| !v.is_null() && v.as_str() != Some("")),
            };
            shown.then(|| {
                let (before, after) =
                    (b.map(|v| value(&e.table, key, v, names)), a.map(|v| value(&e.table, key, v, names)));
                // A field shown by a summary (the campaign's settings) reads the same before and after.
                if e.action == "update" && before == after {
                    FieldChange { field: label.to_string(), before: None, after: Some("đã thay đổi".into()) }
                } else {
                    FieldChange { field: label.to_string(), before, after }
                }
            })
        })
        .collect();
    if settings_update {
        let (b, a) = (before.get("settings"), after.get("settings"));
        if b != a {
            changes.extend(settings_changes(b.unwrap_or(&Value::Null), a.unwrap_or(&Value::Null)));
        }
    }
    let action = match e.action.as_str() {
        "insert" => "Thêm",
        "update" => "Sửa",
        "delete" => "Xóa",
        "restore" => "Khôi phục",
        other => other,
    };
    AuditLine {
        id: e.id,
        at: vietnam_time(&e.at),
        actor: e.actor.clone(),
        action: action.to_string(),
        subject: subject(e, if after.is_empty() { before } else { after }, names),
        nomination_id: e.nomination_id,
        changes,
    }
}

impl AuditLine {
    /// "Trạng thái: Đã tiếp nhận → Đạt; Ghi chú: …" on one line, as the command line prints it.
    pub fn changes_text(&self) -> String {
        self.changes
            .iter()
            .map(|c| match (&c.before, &c.after) {
                (Some(b), Some(a)) => format!("{}: {b} → {a}", c.field),
                (None, Some(v)) | (Some(v), None) => format!("{}: {v}", c.field),
                (None, None) => c.field.clone(),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::tenths;

    #[test]
    fn tenths_keep_their_sign() {
        assert_eq!([tenths(-5), tenths(-15), tenths(0), tenths(955)], ["-0,5", "-1,5", "0,0", "95,5"]);
    }
}
