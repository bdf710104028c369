//! A write the database refused by one of its rules, read from a `sqlx::Error` in one place.
//!
//! The rules live in the database (CHECKs, unique and exclusion constraints, foreign keys,
//! triggers raising with a named constraint); a service names, at the call that may be
//! refused, the error a person reads for each rule it expects (`on_constraint`, as
//! launchbadge/realworld-axum-sqlx does), and anything it does not name falls to the general
//! mapping of `From<sqlx::Error> for AppError` (a conflict or bad input, never `INTERNAL`).
//!
//! ```ignore
//! db::insert_child(&mut tx, account, name, birth)
//!     .await
//!     .on_constraint("learners_children_cap", || CoursesError::TooManyChildren)?;
//! ```

use sqlx::error::ErrorKind;

use crate::error::{AppError, AppResult};

/// Which kind of rule refused the write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViolationKind {
    Unique,
    ForeignKey,
    Check,
    NotNull,
    /// An exclusion constraint (two bookings of a room overlapping).
    Exclusion,
}

/// A refusal: its kind and, where the rule has one, its constraint's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Violation<'a> {
    pub kind: ViolationKind,
    pub constraint: Option<&'a str>,
}

impl<'a> Violation<'a> {
    /// The violation `e` is, if it is one.
    pub fn of(e: &'a sqlx::Error) -> Option<Violation<'a>> {
        let sqlx::Error::Database(d) = e else {
            return None;
        };
        let kind = match d.kind() {
            ErrorKind::UniqueViolation => ViolationKind::Unique,
            ErrorKind::ForeignKeyViolation => ViolationKind::ForeignKey,
            ErrorKind::CheckViolation => ViolationKind::Check,
            ErrorKind::NotNullViolation => ViolationKind::NotNull,
            _ if d.code().as_deref() == Some("23P01") => ViolationKind::Exclusion,
            _ => return None,
        };
        Some(Violation {
            kind,
            constraint: d.constraint(),
        })
    }

    /// Refused by the constraint of this name.
    pub fn is(&self, constraint: &str) -> bool {
        self.constraint == Some(constraint)
    }

    pub fn is_unique(&self) -> bool {
        self.kind == ViolationKind::Unique
    }

    pub fn is_foreign_key(&self) -> bool {
        self.kind == ViolationKind::ForeignKey
    }
}

/// Does `e` violate the constraint `name`? (For a caller that goes on another way — a
/// savepoint rolled back, the existing row read — rather than answering an error.)
pub fn violates(e: &sqlx::Error, name: &str) -> bool {
    Violation::of(e).is_some_and(|v| v.is(name))
}

impl AppError {
    /// The error for a failed statement: `map` answers for a violation, or `None` to leave
    /// it to the general mapping (for a caller matching the failure itself).
    pub fn from_violation<E: Into<AppError>>(
        e: sqlx::Error,
        map: impl FnOnce(Violation<'_>) -> Option<E>,
    ) -> AppError {
        match Violation::of(&e).and_then(map) {
            Some(mapped) => mapped.into(),
            None => AppError::from(e),
        }
    }
}

/// Naming the error a person reads for a refusal of the database.
pub trait OnViolation<T> {
    /// `map` answers for a violation with the error to raise, or `None` to leave it to the
    /// general mapping; any other failure goes on as it is.
    fn on_violation<E: Into<AppError>>(
        self,
        map: impl FnOnce(Violation<'_>) -> Option<E>,
    ) -> AppResult<T>;

    /// The constraint `name` refused it: `err`.
    fn on_constraint<E: Into<AppError>>(self, name: &str, err: impl FnOnce() -> E) -> AppResult<T>;
}

impl<T> OnViolation<T> for Result<T, sqlx::Error> {
    fn on_violation<E: Into<AppError>>(
        self,
        map: impl FnOnce(Violation<'_>) -> Option<E>,
    ) -> AppResult<T> {
        self.map_err(|e| AppError::from_violation(e, map))
    }

    fn on_constraint<E: Into<AppError>>(self, name: &str, err: impl FnOnce() -> E) -> AppResult<T> {
        self.on_violation(|v| v.is(name).then(err))
    }
}

#[cfg(test)]
mod tests {
    use sqlx::Connection;

    use super::*;
    use crate::ErrorCode;

    /// Each kind of refusal read from a real PostgreSQL error; a named rule maps to the error
    /// its caller names, anything else to the general mapping — never `INTERNAL`.
    #[tokio::test]
    async fn refusals_are_read_by_rule_and_mapped_where_named() {
        let url = crate::testing::fresh_database().await;
        let mut c = sqlx::PgConnection::connect(&url).await.unwrap();
        sqlx::raw_sql(
            "CREATE EXTENSION IF NOT EXISTS btree_gist;
             CREATE TABLE parent (id int PRIMARY KEY);
             CREATE TABLE child (
                 id int CONSTRAINT child_once UNIQUE,
                 parent int REFERENCES parent,
                 n int CONSTRAINT child_n_positive CHECK (n > 0),
                 during tstzrange,
                 CONSTRAINT child_no_overlap EXCLUDE USING gist (during WITH &&));",
        )
        .execute(&mut c)
        .await
        .unwrap();
        let insert = |sql: &'static str| sqlx::query(sql);
        insert("INSERT INTO child (id, n) VALUES (1, 1)")
            .execute(&mut c)
            .await
            .unwrap();

        let e = insert("INSERT INTO child (id, n) VALUES (1, 1)")
            .execute(&mut c)
            .await
            .unwrap_err();
        let v = Violation::of(&e).unwrap();
        assert!(v.is_unique() && v.is("child_once"), "{v:?}");
        let e = insert("INSERT INTO child (id, parent, n) VALUES (2, 9, 1)")
            .execute(&mut c)
            .await
            .unwrap_err();
        assert!(Violation::of(&e).unwrap().is_foreign_key());
        let e = insert("INSERT INTO child (id, n) VALUES (3, 0)")
            .execute(&mut c)
            .await
            .unwrap_err();
        assert!(violates(&e, "child_n_positive"));
        insert("INSERT INTO child (id, n, during) VALUES (4, 1, tstzrange(now(), now() + interval '1 hour'))")
            .execute(&mut c)
            .await
            .unwrap();
        let e = insert("INSERT INTO child (id, n, during) VALUES (5, 1, tstzrange(now(), now() + interval '1 hour'))")
            .execute(&mut c)
            .await
            .unwrap_err();
        assert_eq!(
            Violation::of(&e).unwrap().kind,
            ViolationKind::Exclusion,
            "{e}"
        );
        let e = insert("SELECT 1/0").execute(&mut c).await.unwrap_err();
        assert!(Violation::of(&e).is_none(), "not a rule's refusal");

        // Named: the caller's error. Not named: the general mapping.
        let named = insert("INSERT INTO child (id, n) VALUES (6, -1)")
            .execute(&mut c)
            .await
            .on_constraint("child_n_positive", || {
                AppError::new(ErrorCode::OutOfStock, "没有库存", "Out of stock")
            })
            .unwrap_err();
        assert_eq!(named.code, ErrorCode::OutOfStock);
        let general = insert("INSERT INTO child (id, n) VALUES (1, 1)")
            .execute(&mut c)
            .await
            .on_constraint("child_n_positive", || {
                AppError::new(ErrorCode::OutOfStock, "没有库存", "Out of stock")
            })
            .unwrap_err();
        assert_eq!(general.code, ErrorCode::Conflict);
        let ok = insert("INSERT INTO child (id, n) VALUES (7, 1)")
            .execute(&mut c)
            .await
            .on_constraint("child_n_positive", AppError::forbidden);
        assert!(ok.is_ok());
    }
}
