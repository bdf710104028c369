//! Learners as types: a learner (a resident, or a child in a guardian's care) and age.

use chrono::NaiveDate;
use uuid::Uuid;

/// Whole years between `birth` and `on`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    use chrono::Datelike;
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Learner {
    pub id: Uuid,
    pub account_id: Option<Uuid>,
    pub guardian_account_id: Option<Uuid>,
    pub name: String,
    pub birth_date: Option<NaiveDate>,
    /// The courtyard or grid (院落 / 网格) the resident lives in.
    pub courtyard_id: Option<Uuid>,
    /// The staff member or grid worker who entered the record (代办), if not the resident.
    pub registered_by: Option<Uuid>,
    /// The household (户) the resident lives in, as the door reads ("3栋2单元501").
    pub household: Option<String>,
}

impl Learner {
    pub fn age(&self) -> Option<i32> {
        self.birth_date
            .map(|b| age_on(b, infra::local_time::today()))
    }
    /// Under 18 — or of unknown age: for consent, a learner counts as an adult only once a
    /// birth date says so (staff can record it).
    pub fn is_minor(&self) -> bool {
        self.age().is_none_or(|a| a < 18)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Audience;

    #[test]
    fn ages_and_audiences() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(age_on(d(1955, 3, 1), d(2026, 2, 28)), 70);
        assert_eq!(age_on(d(1955, 3, 1), d(2026, 3, 1)), 71);
        assert_eq!(Audience::Elderly.admits(Some(59)), Some(false));
        assert_eq!(Audience::Elderly.admits(Some(60)), Some(true));
        assert_eq!(Audience::Children.admits(None), None);
        assert_eq!(Audience::All.admits(None), Some(true));
    }
}
