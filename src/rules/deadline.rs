//! R5: a dossier must reach the portal before the deadline; the deadline's own second is late.

use chrono::{DateTime, TimeZone};

/// True when `submitted_at` is at or after `deadline` (10:00:00 exactly is late). Both instants
/// may carry any offset: they are compared as instants, so a UTC portal stamp is judged correctly.
pub fn is_late<A: TimeZone, B: TimeZone>(submitted_at: &DateTime<A>, deadline: &DateTime<B>) -> bool {
    submitted_at.timestamp_millis() >= deadline.timestamp_millis()
}

/// Why a portal time cannot be a dossier's of this campaign, if it cannot: more than a year
/// before the campaign's period starts (a mistyped year, «04/01/24» read as the year 24), or
/// after `now` (the portal cannot have stamped it yet).
pub fn implausible_portal_time(
    submitted_at: DateTime<chrono::Utc>,
    period_start: chrono::NaiveDate,
    now: DateTime<chrono::Utc>,
) -> Option<String> {
    let earliest = period_start - chrono::Duration::days(366);
    if submitted_at.date_naive() < earliest {
        return Some(format!(
            "trước ngày bắt đầu đợt thi đua ({}) hơn một năm; hãy kiểm tra lại năm",
            crate::vn::short_date(period_start)
        ));
    }
    // A day's leeway for a PC whose clock runs a little behind the portal's.
    if submitted_at > now + chrono::Duration::days(1) {
        return Some("sau thời điểm hiện tại; hồ sơ chưa thể được nộp lúc đó".to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, FixedOffset};

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap_or_default()
    }

    const DEADLINE: &str = "2024-01-05T10:00:00+07:00";

    #[test]
    fn one_second_before_ten_is_on_time() {
        assert!(!is_late(&t("2024-01-05T09:59:59+07:00"), &t(DEADLINE)));
    }

    #[test]
    fn a_two_digit_year_or_a_time_to_come_is_no_portal_time() {
        let utc = |s: &str| t(s).with_timezone(&chrono::Utc);
        let start = chrono::NaiveDate::from_ymd_opt(2023, 10, 1).unwrap_or_default();
        let now = utc("2024-02-01T00:00:00Z");
        assert!(implausible_portal_time(utc("0024-01-04T08:00:00+07:00"), start, now).is_some());
        assert!(implausible_portal_time(utc("2022-09-01T08:00:00+07:00"), start, now).is_some());
        assert!(implausible_portal_time(utc("2024-03-01T08:00:00+07:00"), start, now).is_some());
        assert!(implausible_portal_time(utc("2024-01-05T09:59:59+07:00"), start, now).is_none());
    }

    #[test]
    fn ten_oclock_exactly_is_late() {
        assert!(is_late(&t("2024-01-05T10:00:00+07:00"), &t(DEADLINE)));
    }

    #[test]
    fn a_fraction_of_a_second_before_ten_is_on_time() {
        assert!(!is_late(&t("2024-01-05T09:59:59.999+07:00"), &t(DEADLINE)));
    }

    #[test]
    fn a_utc_stamp_is_converted_to_vietnam_time() {
        // 02:59 UTC is 09:59 in Vietnam: on time; 03:00 UTC is 10:00: late.
        assert!(!is_late(&t("2024-01-05T02:59:00Z"), &t(DEADLINE)));
        assert!(is_late(&t("2024-01-05T03:00:00Z"), &t(DEADLINE)));
    }
}
