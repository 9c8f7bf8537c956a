//! Dates and times as Vietnamese documents write them, and Vietnam's clock (UTC+7, no DST).

use chrono::{Datelike, FixedOffset, NaiveDate};

/// UTC+07:00, checked when the crate compiles.
const VIETNAM: FixedOffset = match FixedOffset::east_opt(7 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+7 is a valid offset"),
};

/// Vietnam time: UTC+07:00 all year round, no daylight saving.
pub fn vietnam_offset() -> FixedOffset {
    VIETNAM
}

/// Today's date in Vietnam, from the system clock. Only the edges (the command line, the shell,
/// the backup made before a migration) read the clock; rules take the day as an argument.
pub fn today_in_vietnam() -> NaiveDate {
    chrono::Utc::now().with_timezone(&VIETNAM).date_naive()
}

/// Day and month as Decree 30/2020 writes them: days below 10 and months 1–2 take a leading zero.
fn day_month(date: NaiveDate) -> (String, String) {
    let month = if date.month() <= 2 { format!("{:02}", date.month()) } else { date.month().to_string() };
    (format!("{:02}", date.day()), month)
}

/// "ngày 05 tháng 01 năm 2024".
pub fn long_date(date: NaiveDate) -> String {
    let (d, m) = day_month(date);
    format!("ngày {d} tháng {m} năm {}", date.year())
}

/// "Bạch Thông, ngày 05 tháng 01 năm 2024".
pub fn place_and_date(place: &str, date: NaiveDate) -> String {
    format!("{place}, {}", long_date(date))
}

/// "05/01/2024", the short form used in references ("Quyết định số 25/QĐ-UBND ngày 10/01/2024").
pub fn short_date(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn january_and_february_take_a_leading_zero_other_months_do_not() {
        assert_eq!(long_date(d(2024, 1, 5)), "ngày 05 tháng 01 năm 2024");
        assert_eq!(long_date(d(2024, 2, 29)), "ngày 29 tháng 02 năm 2024");
        assert_eq!(long_date(d(2024, 3, 5)), "ngày 05 tháng 3 năm 2024");
        assert_eq!(long_date(d(2023, 12, 31)), "ngày 31 tháng 12 năm 2023");
    }

    #[test]
    fn place_and_date_line() {
        assert_eq!(place_and_date("Bạch Thông", d(2024, 1, 10)), "Bạch Thông, ngày 10 tháng 01 năm 2024");
        assert_eq!(short_date(d(2024, 1, 10)), "10/01/2024");
    }

    #[test]
    fn vietnam_is_seven_hours_ahead() {
        assert_eq!(vietnam_offset().local_minus_utc(), 25200);
    }
}
