//! R5: a dossier must reach the portal before the deadline; the deadline's own second is late.

use chrono::{DateTime, TimeZone};

/// True when `submitted_at` is at or after `deadline` (10:00:00 exactly is late). Both instants
/// may carry any offset: they are compared as instants, so a UTC portal stamp is judged correctly.
pub fn is_late<A: TimeZone, B: TimeZone>(submitted_at: &DateTime<A>, deadline: &DateTime<B>) -> bool {
    submitted_at.timestamp_millis() >= deadline.timestamp_millis()
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
