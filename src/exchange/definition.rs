//! Campaign definition files (JSON, format "thidua-campaign" version 1): reading, checking and
//! normalising them. The built-in Bạch Thông example is one such file, loaded by the same code.

use std::collections::HashSet;

use crate::error::{Error, Result};
use crate::model::{CampaignDefinition, Criterion};
use crate::vn::{fold, normalise_name};

/// The code of the built-in example campaign.
pub const EXAMPLE_CODE: &str = "bach-thong-q4-2023";

const EXAMPLE: &str = include_str!("../../assets/campaigns/bach-thong-q4-2023.json");

/// The built-in example: the Bạch Thông district campaign of the fourth quarter of 2023.
pub fn example_definition() -> Result<CampaignDefinition> {
    parse_definition(EXAMPLE)
}

/// Reads a definition file's text, checks it and normalises every text in it to NFC.
pub fn parse_definition(text: &str) -> Result<CampaignDefinition> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let def: CampaignDefinition = serde_json::from_str(text).map_err(|e| {
        Error::Definition(format!("dòng {}, cột {}: {}", e.line(), e.column(), describe_json_error(&e)))
    })?;
    validated(&def)
}

fn describe_json_error(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof => "cú pháp JSON không đúng".to_string(),
        // serde's own wording names the missing or unexpected field; keep the field name visible.
        Category::Data => format!("dữ liệu không đúng ({e})"),
        Category::Io => "không đọc được".to_string(),
    }
}

fn criteria_checked(kind: &str, list: &[Criterion]) -> Result<Vec<Criterion>> {
    let mut out = Vec::with_capacity(list.len());
    for (i, c) in list.iter().enumerate() {
        if c.number as usize != i + 1 {
            return Err(Error::Definition(format!(
                "tiêu chí {kind} thứ {} phải mang số {} (đang là {}).",
                i + 1,
                i + 1,
                c.number
            )));
        }
        let text = normalise_name(&c.text);
        if text.is_empty() {
            return Err(Error::Definition(format!("tiêu chí {kind} số {} không có nội dung.", c.number)));
        }
        let mut c = c.clone();
        c.text = text;
        c.label = normalise_name(&c.label);
        for ind in &mut c.indicators {
            ind.text = normalise_name(&ind.text);
        }
        out.push(c);
    }
    Ok(out)
}

/// Checks a definition and returns it with every text in NFC and single-spaced.
pub fn validated(def: &CampaignDefinition) -> Result<CampaignDefinition> {
    let bad = |m: String| Err(Error::Definition(m));
    if def.format != "thidua-campaign" {
        return bad(format!("trường «format» phải là \"thidua-campaign\" (đang là \"{}\").", def.format));
    }
    if def.version != 1 {
        return bad(format!("phiên bản {} chưa được hỗ trợ (chỉ hỗ trợ phiên bản 1).", def.version));
    }
    let mut d = def.clone();
    d.code = d.code.trim().to_string();
    if d.code.is_empty() || !d.code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return bad(format!(
            "mã đợt thi đua «{}» chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang.",
            d.code
        ));
    }
    d.name = normalise_name(&d.name);
    if d.name.is_empty() {
        return bad("đợt thi đua chưa có tên.".to_string());
    }
    if d.period.start > d.period.end {
        return bad(format!("ngày bắt đầu {} sau ngày kết thúc {}.", d.period.start, d.period.end));
    }
    if d.units.is_empty() {
        return bad("danh sách đơn vị trống.".to_string());
    }
    let mut seen = HashSet::new();
    for u in &mut d.units {
        u.name = normalise_name(&u.name);
        if u.name.is_empty() {
            return bad("có đơn vị không có tên.".to_string());
        }
        if !seen.insert(fold(&u.name)) {
            return bad(format!("đơn vị «{}» có hai lần trong danh sách.", u.name));
        }
    }
    d.criteria.collective = criteria_checked("tập thể", &d.criteria.collective)?;
    d.criteria.individual = criteria_checked("cá nhân", &d.criteria.individual)?;
    d.settings.normalise();
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NomineeKind, UnitKind};

    #[test]
    fn the_example_loads_with_the_plans_figures() {
        let d = example_definition();
        assert!(d.is_ok(), "{:?}", d.err());
        let Ok(d) = d else { return };
        assert_eq!(d.units.len(), 33);
        assert_eq!(d.units.iter().filter(|u| u.kind == UnitKind::Commune).count(), 14);
        assert_eq!(d.criteria.for_kind(NomineeKind::Collective).len(), 7);
        assert_eq!(d.criteria.for_kind(NomineeKind::Individual).len(), 3);
        let total: i64 = d.criteria.collective.iter().map(|c| c.max_half_points).sum();
        assert_eq!(total, 200, "collective rubric totals 100 points");
        assert_eq!(d.deadline.to_rfc3339(), "2024-01-05T10:00:00+07:00");
        assert_eq!(d.settings.quotas.get(&UnitKind::Office), Some(&1));
    }

    #[test]
    fn a_definition_with_a_duplicated_unit_is_refused() {
        let text = EXAMPLE.replacen("\"Phòng Tư pháp\"", "\"Phòng Nội vụ\"", 1);
        let err = parse_definition(&text).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("«Phòng Nội vụ» có hai lần"), "{err}");
    }

    #[test]
    fn broken_json_names_line_and_column() {
        let err = parse_definition("{\n  \"format\": ").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("dòng 2"), "{err}");
    }
}
