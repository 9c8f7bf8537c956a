//! Checking a campaign's definition (R1–R8's data: code, name, period, units, rubric) and
//! normalising its texts, whichever way it arrives: a definition file, an exchange file, the
//! next campaign made like another.

use std::collections::HashSet;

use super::{CampaignDefinition, Criterion};
use crate::error::{Error, Result};
use crate::vn::{checked_line, fold};

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
        let text = line(&c.text, 2_000, &format!("nội dung tiêu chí {kind} số {}", c.number))?;
        if text.is_empty() {
            return Err(Error::Definition(format!("tiêu chí {kind} số {} không có nội dung.", c.number)));
        }
        let mut c = c.clone();
        c.text = text;
        c.label = line(&c.label, 20, &format!("nhãn tiêu chí {kind} số {}", c.number))?;
        for ind in &mut c.indicators {
            ind.text = line(&ind.text, 2_000, &format!("chỉ tiêu của tiêu chí {kind} số {}", c.number))?;
        }
        out.push(c);
    }
    Ok(out)
}

/// A text of the definition, checked as every text that comes in; the error names it.
fn line(text: &str, max: usize, what: &str) -> Result<String> {
    checked_line(text, max).map_err(|p| Error::Definition(format!("{what} {p}.")))
}

impl CampaignDefinition {
    /// Checks a definition and returns it with every text in NFC and single-spaced.
    pub fn validated(&self) -> Result<CampaignDefinition> {
        let def = self;
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
        d.name = line(&d.name, 500, "tên đợt thi đua")?;
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
            u.name = line(&u.name, super::nomination::MAX_NAME, "tên đơn vị")?;
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
}
