//! Campaign definition files (JSON, format "thidua-campaign" version 1): reading, checking and
//! normalising them. The built-in Bạch Thông example is one such file, loaded by the same code.

use crate::error::{Error, Result};
use crate::model::CampaignDefinition;

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
    def.validated()
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
