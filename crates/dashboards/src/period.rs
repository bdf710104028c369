//! A period of days the dashboards report on, parsed once where it enters.

use chrono::{Datelike, Months, NaiveDate};
use infra::{AppError, AppResult};

/// `[from, to]`, both days included, at most ten years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn parse(from: NaiveDate, to: NaiveDate) -> AppResult<Period> {
        let plausible = |d: NaiveDate| (2000..=2100).contains(&d.year());
        if from > to || (to - from).num_days() > 3660 || !plausible(from) || !plausible(to) {
            return Err(AppError::bad_input(
                "查询期间不正确：开始日期须不晚于结束日期，且不超过十年",
                "The period is not valid: it must start before it ends and span at most ten years",
            ));
        }
        Ok(Period { from, to })
    }

    /// The period of the same length just before: the previous months when this one is whole
    /// months (month over month), else the same number of days.
    pub fn previous(self) -> Period {
        match self.months() {
            Some((first, last)) => {
                let n = months_between(first, last) + 1;
                let from = first - Months::new(n);
                Period {
                    from,
                    to: first.pred_opt().expect("a day before"),
                }
            }
            None => {
                let len = self.to - self.from;
                let to = self.from.pred_opt().expect("a day before");
                Period { from: to - len, to }
            }
        }
    }

    /// The first days of its first and last months, when it is whole months.
    pub fn months(self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.from.with_day(1)?;
        let last = self.to.with_day(1)?;
        let whole = self.from == first && self.to.succ_opt()?.day() == 1;
        whole.then_some((first, last))
    }

    /// The first days of the months it touches.
    pub fn month_span(self) -> (NaiveDate, NaiveDate) {
        (
            self.from.with_day(1).expect("day 1"),
            self.to.with_day(1).expect("day 1"),
        )
    }
}

/// Whole months as the fewest rollup rows: whole years, then whole quarters, then single
/// months, each by its first day (a year is one row per community and figure instead of 12).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cover {
    pub years: Vec<NaiveDate>,
    pub quarters: Vec<NaiveDate>,
    pub months: Vec<NaiveDate>,
}

impl Cover {
    /// The months from `first` to `last` (first days, both included).
    pub fn of(first: NaiveDate, last: NaiveDate) -> Cover {
        let mut c = Cover::default();
        let mut m = first;
        while m <= last {
            let fits = |n: u32| m + Months::new(n - 1) <= last;
            let step = if m.month() == 1 && fits(12) {
                c.years.push(m);
                12
            } else if (m.month() - 1).is_multiple_of(3) && fits(3) {
                c.quarters.push(m);
                3
            } else {
                c.months.push(m);
                1
            };
            m = m + Months::new(step);
        }
        c
    }
}

/// Whole months from `a` to `b` (both first days).
pub fn months_between(a: NaiveDate, b: NaiveDate) -> u32 {
    ((b.year() - a.year()) * 12 + b.month() as i32 - a.month() as i32).max(0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn previous_of_whole_months_is_months() {
        let p = Period::parse(d(2026, 3, 1), d(2026, 3, 31)).unwrap();
        assert_eq!(
            p.previous(),
            Period {
                from: d(2026, 2, 1),
                to: d(2026, 2, 28)
            }
        );
        let q = Period::parse(d(2026, 1, 1), d(2026, 12, 31)).unwrap();
        assert_eq!(
            q.previous(),
            Period {
                from: d(2025, 1, 1),
                to: d(2025, 12, 31)
            }
        );
    }

    #[test]
    fn previous_of_days_is_days() {
        let p = Period::parse(d(2026, 3, 5), d(2026, 3, 11)).unwrap();
        assert_eq!(
            p.previous(),
            Period {
                from: d(2026, 2, 26),
                to: d(2026, 3, 4)
            }
        );
        assert!(p.months().is_none());
    }

    #[test]
    fn a_cover_takes_years_then_quarters_then_months() {
        let c = Cover::of(d(2024, 11, 1), d(2026, 8, 1));
        assert_eq!(c.years, [d(2025, 1, 1)]);
        assert_eq!(c.quarters, [d(2026, 1, 1), d(2026, 4, 1)]);
        assert_eq!(
            c.months,
            [d(2024, 11, 1), d(2024, 12, 1), d(2026, 7, 1), d(2026, 8, 1)]
        );
        let jan_to_nov = Cover::of(d(2026, 1, 1), d(2026, 11, 1));
        assert_eq!(jan_to_nov.years, []);
        assert_eq!(jan_to_nov.quarters.len(), 3);
        assert_eq!(jan_to_nov.months, [d(2026, 10, 1), d(2026, 11, 1)]);
        assert_eq!(
            Cover::of(d(2026, 5, 1), d(2026, 5, 1)).months,
            [d(2026, 5, 1)]
        );
    }

    #[test]
    fn backwards_or_too_long_is_refused() {
        assert!(Period::parse(d(2026, 3, 5), d(2026, 3, 4)).is_err());
        assert!(Period::parse(d(2010, 1, 1), d(2026, 1, 1)).is_err());
        assert!(Period::parse(d(262_142, 12, 31), d(262_142, 12, 31)).is_err());
    }
}
