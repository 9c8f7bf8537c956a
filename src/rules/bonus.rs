//! Bonus money for an award (DOMAIN.md "Awards and money"): the rate in force on the signing day
//! times the base salary in force on that day ("đang có hiệu lực vào thời điểm ban hành quyết
//! định"), rounded up to the next 10,000 đồng (Decree 91/2017 Art. 68(2), Decree 98/2023) or to
//! the nearest, as the settings say. Integer đồng throughout.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{BonusRate, MoneySettings, NomineeKind, Rounding, SalaryRow};

/// The bonus of one awardee, with the rows it came from so the document can cite them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bonus {
    pub amount: i64,
    /// Before rounding.
    pub exact: i64,
    pub salary: SalaryRow,
    pub rate: BonusRate,
}

/// The base salary row in force on `day`: the latest row starting on or before it.
pub fn base_salary(money: &MoneySettings, day: NaiveDate) -> Result<&SalaryRow> {
    money.base_salary.iter().filter(|r| r.from <= day).max_by_key(|r| r.from).ok_or_else(|| {
        Error::Document(format!("bảng mức lương cơ sở không có mức áp dụng vào ngày {}", crate::vn::short_date(day)))
    })
}

/// The bonus rate of `award` in force on `day`.
pub fn bonus_rate<'a>(money: &'a MoneySettings, award: &str, day: NaiveDate) -> Result<&'a BonusRate> {
    money.bonus_rates.iter().filter(|r| r.award == award && r.from <= day).max_by_key(|r| r.from).ok_or_else(|| {
        Error::Document(format!(
            "chưa có mức tiền thưởng của hình thức khen thưởng «{award}» áp dụng vào ngày {}",
            crate::vn::short_date(day)
        ))
    })
}

/// The bonus of `award` for a nominee of `kind` on a decision signed on `day`.
pub fn bonus(money: &MoneySettings, award: &str, kind: NomineeKind, day: NaiveDate) -> Result<Bonus> {
    let salary = base_salary(money, day)?;
    let rate = bonus_rate(money, award, day)?;
    let thousandths = match kind {
        NomineeKind::Individual => rate.individual,
        NomineeKind::Collective => rate.collective,
    };
    let step = money.rounding_step.max(1);
    // Work in thousandths of a đồng so that nothing is lost before rounding.
    let product = salary.amount * thousandths;
    let unit = 1000 * step;
    let steps = match money.rounding {
        Rounding::Up => (product + unit - 1).div_euclid(unit),
        Rounding::Nearest => (product + unit / 2).div_euclid(unit),
    };
    Ok(Bonus { amount: steps * step, exact: product / 1000, salary: salary.clone(), rate: rate.clone() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn money(rounding: Rounding) -> MoneySettings {
        let row = |from, amount| SalaryRow { from, amount, source: String::new() };
        MoneySettings {
            base_salary: vec![
                row(d(2018, 7, 1), 1_390_000),
                row(d(2019, 7, 1), 1_490_000),
                row(d(2023, 7, 1), 1_800_000),
                row(d(2024, 7, 1), 2_340_000),
            ],
            bonus_rates: vec![BonusRate {
                award: "giay_khen".into(),
                from: d(2017, 9, 15),
                individual: 300,
                collective: 600,
                source: String::new(),
            }],
            rounding,
            rounding_step: 10_000,
        }
    }

    #[test]
    fn signed_in_january_2024_uses_1_800_000() {
        let m = money(Rounding::Up);
        let i = bonus(&m, "giay_khen", NomineeKind::Individual, d(2024, 1, 10)).unwrap_or_else(|e| panic!("{e}"));
        let c = bonus(&m, "giay_khen", NomineeKind::Collective, d(2024, 1, 10)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((i.amount, c.amount), (540_000, 1_080_000));
        assert_eq!(i.salary.amount, 1_800_000);
    }

    #[test]
    fn signed_after_july_2024_rounds_up_to_tens_of_thousands() {
        let m = money(Rounding::Up);
        let i = bonus(&m, "giay_khen", NomineeKind::Individual, d(2024, 7, 1)).unwrap_or_else(|e| panic!("{e}"));
        let c = bonus(&m, "giay_khen", NomineeKind::Collective, d(2024, 7, 2)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((i.exact, i.amount), (702_000, 710_000));
        assert_eq!((c.exact, c.amount), (1_404_000, 1_410_000));
    }

    #[test]
    fn the_day_before_a_rise_keeps_the_old_salary() {
        let m = money(Rounding::Up);
        let i = bonus(&m, "giay_khen", NomineeKind::Individual, d(2024, 6, 30)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(i.amount, 540_000);
        let old = bonus(&m, "giay_khen", NomineeKind::Individual, d(2019, 6, 30)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((old.exact, old.amount), (417_000, 420_000));
    }

    #[test]
    fn nearest_rounding_goes_down_below_the_half() {
        let m = money(Rounding::Nearest);
        let i = bonus(&m, "giay_khen", NomineeKind::Individual, d(2024, 8, 1)).unwrap_or_else(|e| panic!("{e}"));
        let c = bonus(&m, "giay_khen", NomineeKind::Collective, d(2024, 8, 1)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((i.amount, c.amount), (700_000, 1_400_000));
    }

    #[test]
    fn no_rate_for_the_day_or_award_is_an_error_not_zero() {
        let m = money(Rounding::Up);
        assert!(bonus(&m, "bang_khen", NomineeKind::Individual, d(2024, 1, 1)).is_err());
        assert!(bonus(&m, "giay_khen", NomineeKind::Individual, d(2017, 1, 1)).is_err());
    }
}
