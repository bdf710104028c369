//! SQL on the community schema; every function takes a tenant transaction.

use chrono::NaiveDate;
use sqlx::PgConnection;
use uuid::Uuid;

use super::model::{PeopleServed, PostType};

pub async fn post_types(conn: &mut PgConnection) -> sqlx::Result<Vec<PostType>> {
    sqlx::query_as("SELECT code, name FROM volunteer_post_types ORDER BY code")
        .fetch_all(conn)
        .await
}

pub async fn insert_post_type(
    conn: &mut PgConnection,
    code: &str,
    name: &str,
) -> sqlx::Result<Option<PostType>> {
    sqlx::query_as(
        "INSERT INTO volunteer_post_types (code, name) VALUES ($1, $2)
         ON CONFLICT (code) DO NOTHING RETURNING code, name",
    )
    .bind(code)
    .bind(name)
    .fetch_optional(conn)
    .await
}

const POST: &str = "id, type_code, title, description, points_per_hour";
const SHIFT: &str =
    "id, post_id, starts_at, ends_at, place, space_id, needed, signed_up, leader_id";

pub async fn insert_post(
    conn: &mut PgConnection,
    type_code: &str,
    title: &str,
    description: &str,
    points_per_hour: i32,
) -> sqlx::Result<Option<super::model::Post>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO volunteer_posts (id, type_code, title, description, points_per_hour)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (title) DO NOTHING RETURNING {POST}"
    )))
    .bind(uuid::Uuid::now_v7())
    .bind(type_code)
    .bind(title)
    .bind(description)
    .bind(points_per_hour)
    .fetch_optional(conn)
    .await
}

pub async fn posts(conn: &mut PgConnection) -> sqlx::Result<Vec<super::model::Post>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {POST} FROM volunteer_posts ORDER BY type_code, title"
    )))
    .fetch_all(conn)
    .await
}

pub async fn post(
    conn: &mut PgConnection,
    id: uuid::Uuid,
) -> sqlx::Result<Option<super::model::Post>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {POST} FROM volunteer_posts WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub struct NewShift<'a> {
    pub post_id: uuid::Uuid,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub ends_at: chrono::DateTime<chrono::Utc>,
    pub place: &'a str,
    pub space_id: Option<uuid::Uuid>,
    pub needed: i32,
    pub leader_id: Option<uuid::Uuid>,
}

pub async fn insert_shift(
    conn: &mut PgConnection,
    s: &NewShift<'_>,
) -> sqlx::Result<super::model::Shift> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO volunteer_shifts (id, post_id, starts_at, ends_at, place, space_id, needed, leader_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {SHIFT}"
    )))
    .bind(uuid::Uuid::now_v7())
    .bind(s.post_id)
    .bind(s.starts_at)
    .bind(s.ends_at)
    .bind(s.place)
    .bind(s.space_id)
    .bind(s.needed)
    .bind(s.leader_id)
    .fetch_one(conn)
    .await
}

pub async fn shift(
    conn: &mut PgConnection,
    id: uuid::Uuid,
) -> sqlx::Result<Option<super::model::Shift>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SHIFT} FROM volunteer_shifts WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn shifts_between(
    conn: &mut PgConnection,
    from: chrono::DateTime<chrono::Utc>,
    to: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<Vec<super::model::Shift>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SHIFT} FROM volunteer_shifts WHERE starts_at >= $1 AND starts_at < $2
          ORDER BY starts_at, id"
    )))
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

/// Sign up, or sign up again after withdrawing; the trigger counts and the CHECK refuses
/// a full shift. `false` when already signed up.
pub async fn sign_up(
    conn: &mut PgConnection,
    shift: uuid::Uuid,
    volunteer: uuid::Uuid,
) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "INSERT INTO shift_signups (shift_id, volunteer_id, status) VALUES ($1, $2, 'signed_up')
         ON CONFLICT (shift_id, volunteer_id) DO UPDATE
            SET status = 'signed_up', changed_at = now()
          WHERE shift_signups.status = 'withdrawn'",
    )
    .bind(shift)
    .bind(volunteer)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

pub async fn withdraw(
    conn: &mut PgConnection,
    shift: uuid::Uuid,
    volunteer: uuid::Uuid,
) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "UPDATE shift_signups SET status = 'withdrawn', changed_at = now()
          WHERE shift_id = $1 AND volunteer_id = $2 AND status = 'signed_up'",
    )
    .bind(shift)
    .bind(volunteer)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// The volunteers signed up for a shift.
pub async fn signed_up(
    conn: &mut PgConnection,
    shift: uuid::Uuid,
) -> sqlx::Result<Vec<uuid::Uuid>> {
    sqlx::query_scalar(
        "SELECT volunteer_id FROM shift_signups WHERE shift_id = $1 AND status = 'signed_up'
          ORDER BY changed_at, volunteer_id",
    )
    .bind(shift)
    .fetch_all(conn)
    .await
}

/// Set the count of a post and day (a second count replaces the first); `None` for an
/// unknown post.
pub async fn put_people_served(
    conn: &mut PgConnection,
    post: Uuid,
    on: NaiveDate,
    people: i32,
    by: Uuid,
) -> sqlx::Result<Option<PeopleServed>> {
    sqlx::query_as(
        "INSERT INTO volunteer_people_served (post_id, served_on, people, recorded_by)
         SELECT id, $2, $3, $4 FROM volunteer_posts WHERE id = $1
         ON CONFLICT (post_id, served_on) DO UPDATE
             SET people = excluded.people, recorded_by = excluded.recorded_by,
                 recorded_at = now()
         RETURNING post_id, served_on, people",
    )
    .bind(post)
    .bind(on)
    .bind(people)
    .bind(by)
    .fetch_optional(conn)
    .await
}

/// The counts of `[from, to]`, by day and post.
pub async fn people_served(
    conn: &mut PgConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> sqlx::Result<Vec<PeopleServed>> {
    sqlx::query_as(
        "SELECT post_id, served_on, people FROM volunteer_people_served
          WHERE served_on BETWEEN $1 AND $2 ORDER BY served_on, post_id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

/// The shifts from `from` on that an account's volunteer holds a place in.
pub async fn shifts_of_account(
    conn: &mut PgConnection,
    account: uuid::Uuid,
    from: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<Vec<uuid::Uuid>> {
    sqlx::query_scalar(
        "SELECT s.shift_id FROM shift_signups s
           JOIN volunteers v ON v.id = s.volunteer_id
           JOIN volunteer_shifts h ON h.id = s.shift_id
          WHERE v.account_id = $1 AND s.status = 'signed_up' AND h.starts_at >= $2
          ORDER BY h.starts_at",
    )
    .bind(account)
    .bind(from)
    .fetch_all(conn)
    .await
}
