//! SQL of catalogue on the community schema; every function takes a tenant transaction.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::*;

pub async fn categories(conn: &mut PgConnection) -> sqlx::Result<Vec<CourseCategory>> {
    sqlx::query_as("SELECT code, name, position FROM course_categories ORDER BY position, code")
        .fetch_all(conn)
        .await
}

pub async fn category_exists(conn: &mut PgConnection, code: &str) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM course_categories WHERE code = $1)")
        .bind(code)
        .fetch_one(conn)
        .await
}

/// `None` when the code exists already.
pub async fn insert_category(
    conn: &mut PgConnection,
    code: &str,
    name: &str,
) -> sqlx::Result<Option<CourseCategory>> {
    sqlx::query_as(
        "INSERT INTO course_categories (code, name, position)
         SELECT $1, $2, coalesce(max(position), 0) + 1 FROM course_categories
         ON CONFLICT (code) DO NOTHING
         RETURNING code, name, position",
    )
    .bind(code)
    .bind(name)
    .fetch_optional(conn)
    .await
}

pub(crate) const COURSE: &str = "id, title, category, audience, min_age, max_age, format, public_benefit, fee_cents, \
    club_id, capacity, enrolled, materials, status, demand";

/// `title` is the validated (trimmed) title of `c`.
pub async fn insert_course(
    conn: &mut PgConnection,
    c: &CourseInput,
    title: &str,
    status: CourseStatus,
    demand: Option<&str>,
) -> sqlx::Result<Course> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO courses (id, title, category, audience, min_age, max_age, format, public_benefit,
                              fee_cents, club_id, capacity, materials, status, demand)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING {COURSE}"
    )))
    .bind(Uuid::now_v7())
    .bind(title)
    .bind(&c.category)
    .bind(c.audience)
    .bind(c.min_age)
    .bind(c.max_age)
    .bind(c.format)
    .bind(c.public_benefit)
    .bind(c.fee_cents)
    .bind(c.club_id)
    .bind(c.capacity)
    .bind(&c.materials)
    .bind(status)
    .bind(demand)
    .fetch_one(conn)
    .await
}

pub async fn set_course_status(
    conn: &mut PgConnection,
    id: Uuid,
    status: CourseStatus,
) -> sqlx::Result<Option<Course>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE courses SET status = $2 WHERE id = $1 RETURNING {COURSE}"
    )))
    .bind(id)
    .bind(status)
    .fetch_optional(conn)
    .await
}

pub async fn add_course_teachers(
    conn: &mut PgConnection,
    course: Uuid,
    teachers: &[Uuid],
) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "INSERT INTO course_teachers (course_id, teacher_id)
         SELECT $1, t.id FROM teachers t WHERE t.id = ANY($2) ON CONFLICT DO NOTHING",
    )
    .bind(course)
    .bind(teachers)
    .execute(conn)
    .await?
    .rows_affected())
}

pub async fn lock_course(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Course>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COURSE} FROM courses WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn all_teachers_exist(conn: &mut PgConnection, ids: &[Uuid]) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT count(*) = cardinality($1::uuid[]) FROM teachers WHERE id = ANY($1)")
        .bind(ids)
        .fetch_one(conn)
        .await
}

pub async fn course(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Course>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COURSE} FROM courses WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// A page of courses by id; of one category, and taught by one account's teacher record,
/// where given.
pub async fn courses_page(
    conn: &mut PgConnection,
    after: Option<Uuid>,
    limit: i64,
    category: Option<&str>,
    teacher_account: Option<Uuid>,
) -> sqlx::Result<Vec<Course>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COURSE} FROM courses
          WHERE ($1::uuid IS NULL OR id > $1) AND ($3::text IS NULL OR category = $3)
            AND ($4::uuid IS NULL OR EXISTS (
                  SELECT 1 FROM course_teachers ct JOIN teachers t ON t.id = ct.teacher_id
                   WHERE ct.course_id = courses.id AND t.account_id = $4))
          ORDER BY id LIMIT $2"
    )))
    .bind(after)
    .bind(limit)
    .bind(category)
    .bind(teacher_account)
    .fetch_all(conn)
    .await
}

pub(crate) const SESSION: &str =
    "id, course_id, starts_at, ends_at, place, status, cancel_reason, moved_from, space_id";

/// A session at a time the course already holds one.
pub(crate) const SESSION_CLASH: &str = "course_sessions_once";

/// Sessions of one series (`series`: the schedule they came from, if any). A slot the course
/// already has a session at is a unique violation (`course_sessions_once`).
pub async fn insert_sessions(
    conn: &mut PgConnection,
    course: Uuid,
    slots: &[(DateTime<Utc>, DateTime<Utc>)],
    place: &str,
    series: Option<Uuid>,
    space: Option<Uuid>,
) -> sqlx::Result<Vec<Session>> {
    let ids: Vec<Uuid> = slots.iter().map(|_| Uuid::now_v7()).collect();
    let starts: Vec<DateTime<Utc>> = slots.iter().map(|s| s.0).collect();
    let ends: Vec<DateTime<Utc>> = slots.iter().map(|s| s.1).collect();
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO course_sessions (id, course_id, starts_at, ends_at, place, series_id, space_id)
         SELECT i, $2, s, e, $5, $6, $7
           FROM unnest($1::uuid[], $3::timestamptz[], $4::timestamptz[]) AS u(i, s, e)
         RETURNING {SESSION}"
    )))
    .bind(&ids)
    .bind(course)
    .bind(&starts)
    .bind(&ends)
    .bind(place)
    .bind(series)
    .bind(space)
    .fetch_all(conn)
    .await
}

pub async fn session(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Session>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SESSION} FROM course_sessions WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// The session, locked against a concurrent move or cancel.
pub async fn lock_session(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Session>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SESSION} FROM course_sessions WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn cancel_session(
    conn: &mut PgConnection,
    id: Uuid,
    reason: Option<&str>,
) -> sqlx::Result<Session> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE course_sessions SET status = 'cancelled', cancel_reason = $2
          WHERE id = $1 RETURNING {SESSION}"
    )))
    .bind(id)
    .bind(reason)
    .fetch_one(conn)
    .await
}

pub async fn move_session(
    conn: &mut PgConnection,
    id: Uuid,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    place: &str,
) -> sqlx::Result<Session> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE course_sessions
            SET moved_from = coalesce(moved_from, starts_at), starts_at = $2, ends_at = $3, place = $4
          WHERE id = $1 RETURNING {SESSION}"
    )))
    .bind(id)
    .bind(starts_at)
    .bind(ends_at)
    .bind(place)
    .fetch_one(conn)
    .await
}

/// The accounts to tell about a course's sessions: each enrolled learner's own account, or
/// their guardian's for a child, once each.
pub async fn enrolled_accounts(conn: &mut PgConnection, course: Uuid) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar(
        "SELECT DISTINCT coalesce(l.account_id, l.guardian_account_id)
           FROM enrolments e JOIN learners l ON l.id = e.learner_id
          WHERE e.course_id = $1 AND e.status = 'enrolled'
            -- a resident entered by staff, without an account yet, has nobody to tell
            AND coalesce(l.account_id, l.guardian_account_id) IS NOT NULL",
    )
    .bind(course)
    .fetch_all(conn)
    .await
}

/// Update what staff may edit of a course. `capacity` below the seats taken violates
/// `courses_capacity`.
pub async fn update_course(
    conn: &mut PgConnection,
    id: Uuid,
    e: &CourseEdit,
) -> sqlx::Result<Option<Course>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE courses SET title = coalesce($2, title), capacity = coalesce($3, capacity),
                audience = coalesce($4, audience),
                min_age = CASE WHEN $5 THEN $6 ELSE min_age END,
                max_age = CASE WHEN $5 THEN $7 ELSE max_age END,
                materials = CASE WHEN $8 THEN $9 ELSE materials END,
                category = coalesce($10, category), format = coalesce($11, format),
                public_benefit = coalesce($12, public_benefit), fee_cents = coalesce($13, fee_cents)
          WHERE id = $1 RETURNING {COURSE}"
    )))
    .bind(id)
    .bind(&e.title)
    .bind(e.capacity)
    .bind(e.audience)
    .bind(e.ages.is_some())
    .bind(e.ages.and_then(|a| a.0))
    .bind(e.ages.and_then(|a| a.1))
    .bind(e.materials.is_some())
    .bind(e.materials.clone().flatten())
    .bind(&e.category)
    .bind(e.format)
    .bind(e.public_benefit)
    .bind(e.fee_cents)
    .fetch_optional(conn)
    .await
}

pub async fn set_course_teachers(
    conn: &mut PgConnection,
    course: Uuid,
    teachers: &[Uuid],
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM course_teachers WHERE course_id = $1 AND NOT teacher_id = ANY($2)")
        .bind(course)
        .bind(teachers)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn sessions_of_courses(
    conn: &mut PgConnection,
    courses: &[Uuid],
) -> sqlx::Result<Vec<Session>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SESSION} FROM course_sessions WHERE course_id = ANY($1) ORDER BY starts_at"
    )))
    .bind(courses)
    .fetch_all(conn)
    .await
}

/// (course id, waitlisted, average rating, ratings) for each course of a page.
pub async fn course_stats(
    conn: &mut PgConnection,
    courses: &[Uuid],
) -> sqlx::Result<Vec<(Uuid, i64, Option<f64>, i64)>> {
    sqlx::query_as(
        "SELECT c.id,
                (SELECT count(*) FROM enrolments e WHERE e.course_id = c.id AND e.status = 'waitlisted'),
                (SELECT avg(rating)::float8 FROM evaluations v WHERE v.course_id = c.id),
                (SELECT count(*) FROM evaluations v WHERE v.course_id = c.id)
           FROM unnest($1::uuid[]) AS c(id)",
    )
    .bind(courses)
    .fetch_all(conn)
    .await
}
