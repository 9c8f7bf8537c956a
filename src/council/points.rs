//! Points: typed with a comma or a dot, in steps of 0.5, kept as integer half-points; and the
//! measurable indicators of a criterion (met, not met, not applicable).

use serde::Serialize;

/// Reads "17", "17,5" or "17.5" as half-points (35). Refuses other decimals and negatives.
pub fn parse_points(text: &str) -> Option<i64> {
    let t = text.trim().replace(',', ".");
    let (whole, frac) = match t.split_once('.') {
        Some((w, f)) => (w, f.trim_end_matches('0')),
        None => (t.as_str(), ""),
    };
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) || whole.len() > 6 {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    match frac {
        "" => Some(whole * 2),
        "5" => Some(whole * 2 + 1),
        _ => None,
    }
}

/// Half-points as Vietnamese write points: 35 → "17,5", 40 → "20".
pub fn format_points(half_points: i64) -> String {
    if half_points % 2 == 0 {
        (half_points / 2).to_string()
    } else {
        format!("{},5", half_points / 2)
    }
}

/// Whether a nominee's recorded figure meets an indicator's threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorStatus {
    Met,
    NotMet,
    NotApplicable,
}

impl IndicatorStatus {
    pub fn label(self) -> &'static str {
        match self {
            IndicatorStatus::Met => "Đạt",
            IndicatorStatus::NotMet => "Không đạt",
            IndicatorStatus::NotApplicable => "Không áp dụng",
        }
    }
}

/// The status of an indicator given the unit's figure in tenths of a percent (975 = 97,5%).
pub fn indicator_status(figure_tenths: Option<i64>, min_percent: u32) -> IndicatorStatus {
    match figure_tenths {
        None => IndicatorStatus::NotApplicable,
        Some(f) if f >= i64::from(min_percent) * 10 => IndicatorStatus::Met,
        Some(_) => IndicatorStatus::NotMet,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_in_half_steps_with_comma_or_dot() {
        assert_eq!(parse_points("17"), Some(34));
        assert_eq!(parse_points("17,5"), Some(35));
        assert_eq!(parse_points(" 17.50 "), Some(35));
        assert_eq!(parse_points("0"), Some(0));
        assert_eq!(parse_points("17,3"), None);
        assert_eq!(parse_points("-1"), None);
        assert_eq!(parse_points("abc"), None);
        assert_eq!(parse_points(""), None);
        assert_eq!(format_points(35), "17,5");
        assert_eq!(format_points(40), "20");
    }

    #[test]
    fn disbursement_of_95_percent_meets_the_threshold_and_94_9_does_not() {
        assert_eq!(indicator_status(Some(950), 95), IndicatorStatus::Met);
        assert_eq!(indicator_status(Some(949), 95), IndicatorStatus::NotMet);
        assert_eq!(indicator_status(None, 95), IndicatorStatus::NotApplicable);
    }
}
