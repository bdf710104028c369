//! SQL on the community schema; every function takes a tenant transaction, so no name here
//! carries a schema.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::*;

// --- categories ---

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

// --- learners ---

const LEARNER: &str = "id, account_id, guardian_account_id, name, birth_date";

pub async fn learner(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Learner>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {LEARNER} FROM learners WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// The learner record of an account, created on first use.
pub async fn learner_for_account(
    conn: &mut PgConnection,
    account_id: Uuid,
    name: &str,
) -> sqlx::Result<Learner> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO learners (id, account_id, name) VALUES ($1, $2, $3)
         ON CONFLICT (account_id) DO UPDATE SET account_id = EXCLUDED.account_id
         RETURNING {LEARNER}"
    )))
    .bind(Uuid::now_v7())
    .bind(account_id)
    .bind(name)
    .fetch_one(conn)
    .await
}

pub async fn insert_child(
    conn: &mut PgConnection,
    guardian: Uuid,
    name: &str,
    birth: NaiveDate,
) -> sqlx::Result<Learner> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO learners (id, guardian_account_id, name, birth_date) VALUES ($1, $2, $3, $4)
         RETURNING {LEARNER}"
    )))
    .bind(Uuid::now_v7())
    .bind(guardian)
    .bind(name)
    .bind(birth)
    .fetch_one(conn)
    .await
}

pub async fn set_birth_date(
    conn: &mut PgConnection,
    id: Uuid,
    birth: NaiveDate,
) -> sqlx::Result<Learner> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE learners SET birth_date = $2 WHERE id = $1 RETURNING {LEARNER}"
    )))
    .bind(id)
    .bind(birth)
    .fetch_one(conn)
    .await
}

/// Does the account teach this course (a teacher record of the account is among its teachers)?
pub async fn teaches(conn: &mut PgConnection, course: Uuid, account: Uuid) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM course_teachers ct JOIN teachers t ON t.id = ct.teacher_id
                         WHERE ct.course_id = $1 AND t.account_id = $2)",
    )
    .bind(course)
    .bind(account)
    .fetch_one(conn)
    .await
}

pub async fn learners_of(conn: &mut PgConnection, account_id: Uuid) -> sqlx::Result<Vec<Learner>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {LEARNER} FROM learners WHERE account_id = $1 OR guardian_account_id = $1 ORDER BY id"
    )))
    .bind(account_id)
    .fetch_all(conn)
    .await
}

// --- teachers ---

const TEACHER: &str =
    "id, name, kind, skills, phone_encrypted, account_id, learner_id, status, teaches_in";

pub struct NewTeacher<'a> {
    pub name: &'a str,
    pub kind: TeacherKind,
    pub skills: &'a [String],
    pub phone_encrypted: Option<String>,
    pub account_id: Option<Uuid>,
    pub learner_id: Option<Uuid>,
    pub status: &'a str,
    pub teaches_in: &'a [String],
}

pub async fn insert_teacher(conn: &mut PgConnection, t: &NewTeacher<'_>) -> sqlx::Result<Teacher> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO teachers (id, name, kind, skills, phone_encrypted, account_id, learner_id, status, teaches_in)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {TEACHER}"
    )))
    .bind(Uuid::now_v7())
    .bind(t.name)
    .bind(t.kind.as_str())
    .bind(t.skills)
    .bind(&t.phone_encrypted)
    .bind(t.account_id)
    .bind(t.learner_id)
    .bind(t.status)
    .bind(t.teaches_in)
    .fetch_one(conn)
    .await
}

/// A talent offer from a survey: a candidate for the account, or more skills for it.
pub async fn upsert_candidate(
    conn: &mut PgConnection,
    account_id: Uuid,
    name: &str,
    skill: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO teachers (id, name, kind, skills, account_id, status)
         VALUES ($1, $2, 'local_talent', ARRAY[$3], $4, 'candidate')
         ON CONFLICT (account_id) DO UPDATE
            SET skills = CASE WHEN $3 = ANY(teachers.skills) THEN teachers.skills
                              ELSE teachers.skills || $3 END",
    )
    .bind(Uuid::now_v7())
    .bind(name)
    .bind(skill)
    .bind(account_id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn teachers_page(
    conn: &mut PgConnection,
    after: Option<Uuid>,
    limit: i64,
) -> sqlx::Result<Vec<Teacher>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {TEACHER} FROM teachers WHERE $1::uuid IS NULL OR id > $1 ORDER BY id LIMIT $2"
    )))
    .bind(after)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// (course id, teacher) for every teacher of the given courses — one query for a page.
pub async fn teachers_of_courses(
    conn: &mut PgConnection,
    courses: &[Uuid],
) -> sqlx::Result<Vec<(Uuid, Teacher)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        course_id: Uuid,
        #[sqlx(flatten)]
        teacher: Teacher,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT ct.course_id, t.id, t.name, t.kind, t.skills, t.phone_encrypted, t.account_id,
                t.learner_id, t.status, t.teaches_in
           FROM course_teachers ct JOIN teachers t ON t.id = ct.teacher_id
          WHERE ct.course_id = ANY($1) ORDER BY t.name",
    )
    .bind(courses)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.course_id, r.teacher)).collect())
}

/// Average rating of the courses each teacher teaches.
pub async fn teacher_ratings(
    conn: &mut PgConnection,
    teachers: &[Uuid],
) -> sqlx::Result<Vec<(Uuid, f64, i64)>> {
    sqlx::query_as(
        "SELECT ct.teacher_id, avg(e.rating)::float8, count(*)
           FROM course_teachers ct JOIN evaluations e ON e.course_id = ct.course_id
          WHERE ct.teacher_id = ANY($1) GROUP BY ct.teacher_id",
    )
    .bind(teachers)
    .fetch_all(conn)
    .await
}

// --- courses and sessions ---

const COURSE: &str = "id, title, category, audience, min_age, max_age, format, public_benefit, fee_cents, \
    club_id, capacity, enrolled, materials, status, demand";

/// `title` is the validated (trimmed) title of `c`.
pub async fn insert_course(
    conn: &mut PgConnection,
    c: &CourseInput,
    title: &str,
    status: &str,
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
    .bind(c.audience.as_str())
    .bind(c.min_age)
    .bind(c.max_age)
    .bind(c.format.as_str())
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
    status: &str,
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

pub async fn course(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Course>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COURSE} FROM courses WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn courses_page(
    conn: &mut PgConnection,
    after: Option<Uuid>,
    limit: i64,
    category: Option<&str>,
) -> sqlx::Result<Vec<Course>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COURSE} FROM courses
          WHERE ($1::uuid IS NULL OR id > $1) AND ($3::text IS NULL OR category = $3)
          ORDER BY id LIMIT $2"
    )))
    .bind(after)
    .bind(limit)
    .bind(category)
    .fetch_all(conn)
    .await
}

pub async fn insert_sessions(
    conn: &mut PgConnection,
    course: Uuid,
    slots: &[(DateTime<Utc>, DateTime<Utc>)],
    place: &str,
) -> sqlx::Result<Vec<Session>> {
    let ids: Vec<Uuid> = slots.iter().map(|_| Uuid::now_v7()).collect();
    let starts: Vec<DateTime<Utc>> = slots.iter().map(|s| s.0).collect();
    let ends: Vec<DateTime<Utc>> = slots.iter().map(|s| s.1).collect();
    sqlx::query_as(
        "INSERT INTO course_sessions (id, course_id, starts_at, ends_at, place)
         SELECT i, $2, s, e, $5 FROM unnest($1::uuid[], $3::timestamptz[], $4::timestamptz[]) AS u(i, s, e)
         RETURNING id, course_id, starts_at, ends_at, place",
    )
    .bind(&ids)
    .bind(course)
    .bind(&starts)
    .bind(&ends)
    .bind(place)
    .fetch_all(conn)
    .await
}

pub async fn session(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Session>> {
    sqlx::query_as(
        "SELECT id, course_id, starts_at, ends_at, place FROM course_sessions WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn sessions_of_courses(
    conn: &mut PgConnection,
    courses: &[Uuid],
) -> sqlx::Result<Vec<Session>> {
    sqlx::query_as(
        "SELECT id, course_id, starts_at, ends_at, place FROM course_sessions
          WHERE course_id = ANY($1) ORDER BY starts_at",
    )
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

// --- enrolment ---

const ENROLMENT: &str = "id, course_id, learner_id, status, queued";

pub async fn active_enrolment(
    conn: &mut PgConnection,
    course: Uuid,
    learner: Uuid,
) -> sqlx::Result<Option<Enrolment>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ENROLMENT} FROM enrolments WHERE course_id = $1 AND learner_id = $2 AND status <> 'cancelled'"
    )))
    .bind(course)
    .bind(learner)
    .fetch_optional(conn)
    .await
}

pub async fn insert_enrolment(
    conn: &mut PgConnection,
    course: Uuid,
    learner: Uuid,
    status: EnrolmentStatus,
    by: Uuid,
) -> sqlx::Result<Enrolment> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO enrolments (id, course_id, learner_id, status, enrolled_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING {ENROLMENT}"
    )))
    .bind(Uuid::now_v7())
    .bind(course)
    .bind(learner)
    .bind(status.as_str())
    .bind(by)
    .fetch_one(conn)
    .await
}

pub async fn lock_enrolment(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Enrolment>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ENROLMENT} FROM enrolments WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn set_enrolment_status(
    conn: &mut PgConnection,
    id: Uuid,
    status: EnrolmentStatus,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE enrolments SET status = $2, updated_at = now() WHERE id = $1")
        .bind(id)
        .bind(status.as_str())
        .execute(conn)
        .await?;
    Ok(())
}

/// Give a freed seat to the first of the waiting list. SKIP LOCKED: a waiting enrolment being
/// cancelled at this moment is passed over rather than waited for.
pub async fn promote_first_waiting(
    conn: &mut PgConnection,
    course: Uuid,
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar(
        "UPDATE enrolments SET status = 'enrolled', updated_at = now()
          WHERE id = (SELECT id FROM enrolments WHERE course_id = $1 AND status = 'waitlisted'
                       ORDER BY queued LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING id",
    )
    .bind(course)
    .fetch_optional(conn)
    .await
}

/// 1-based place on the waiting list.
pub async fn waitlist_position(conn: &mut PgConnection, e: &Enrolment) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT count(*) FROM enrolments WHERE course_id = $1 AND status = 'waitlisted' AND queued <= $2",
    )
    .bind(e.course_id)
    .bind(e.queued)
    .fetch_one(conn)
    .await
}

/// (enrolment, learner name) of a course, enrolled first then the waiting list in order.
pub async fn roster(
    conn: &mut PgConnection,
    course: Uuid,
) -> sqlx::Result<Vec<(Enrolment, String)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        e: Enrolment,
        name: String,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT e.id, e.course_id, e.learner_id, e.status, e.queued, l.name
           FROM enrolments e JOIN learners l ON l.id = e.learner_id
          WHERE e.course_id = $1 AND e.status <> 'cancelled'
          ORDER BY e.status = 'waitlisted', e.queued",
    )
    .bind(course)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.e, r.name)).collect())
}

// --- attendance ---

/// `false` when this learner was already recorded for the session.
pub async fn insert_attendance(
    conn: &mut PgConnection,
    session: Uuid,
    learner: Uuid,
    method: &str,
    present: bool,
    by: Uuid,
) -> sqlx::Result<bool> {
    let n = sqlx::query(
        "INSERT INTO attendance (session_id, learner_id, method, present, recorded_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
    )
    .bind(session)
    .bind(learner)
    .bind(method)
    .bind(present)
    .bind(by)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(n == 1)
}

pub async fn upsert_attendance(
    conn: &mut PgConnection,
    session: Uuid,
    learner: Uuid,
    present: bool,
    by: Uuid,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO attendance (session_id, learner_id, method, present, recorded_by)
         VALUES ($1, $2, 'roster', $3, $4)
         ON CONFLICT (session_id, learner_id) DO UPDATE
            SET present = EXCLUDED.present, method = 'roster', recorded_by = EXCLUDED.recorded_by,
                recorded_at = now()",
    )
    .bind(session)
    .bind(learner)
    .bind(present)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

/// (learner, sessions held so far, sessions attended) per enrolled learner of a course.
pub async fn attendance_by_learner(
    conn: &mut PgConnection,
    course: Uuid,
) -> sqlx::Result<Vec<(Uuid, String, i64, i64)>> {
    sqlx::query_as(
        "SELECT l.id, l.name,
                (SELECT count(*) FROM course_sessions s WHERE s.course_id = $1 AND s.starts_at <= now()),
                (SELECT count(*) FROM attendance a JOIN course_sessions s ON s.id = a.session_id
                  WHERE s.course_id = $1 AND a.learner_id = l.id AND a.present)
           FROM enrolments e JOIN learners l ON l.id = e.learner_id
          WHERE e.course_id = $1 AND e.status = 'enrolled'
          ORDER BY l.name",
    )
    .bind(course)
    .fetch_all(conn)
    .await
}

pub async fn has_attended(
    conn: &mut PgConnection,
    course: Uuid,
    learner: Uuid,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM attendance a JOIN course_sessions s ON s.id = a.session_id
                         WHERE s.course_id = $1 AND a.learner_id = $2 AND a.present)",
    )
    .bind(course)
    .bind(learner)
    .fetch_one(conn)
    .await
}

// --- surveys ---

pub async fn insert_survey(
    conn: &mut PgConnection,
    title: &str,
    threshold: i32,
    closes_at: Option<DateTime<Utc>>,
    by: Uuid,
) -> sqlx::Result<Survey> {
    sqlx::query_as(
        "INSERT INTO surveys (id, title, threshold, closes_at, created_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, title, threshold, closes_at, closed",
    )
    .bind(Uuid::now_v7())
    .bind(title)
    .bind(threshold)
    .bind(closes_at)
    .bind(by)
    .fetch_one(conn)
    .await
}

pub async fn insert_question(
    conn: &mut PgConnection,
    survey: Uuid,
    position: i32,
    kind: QuestionKind,
    prompt: &str,
    options: &[String],
) -> sqlx::Result<Question> {
    sqlx::query_as(
        "INSERT INTO survey_questions (id, survey_id, position, kind, prompt, options)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, survey_id, position, kind, prompt, options",
    )
    .bind(Uuid::now_v7())
    .bind(survey)
    .bind(position)
    .bind(kind.as_str())
    .bind(prompt)
    .bind(options)
    .fetch_one(conn)
    .await
}

pub async fn survey(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Survey>> {
    sqlx::query_as("SELECT id, title, threshold, closes_at, closed FROM surveys WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await
}

pub async fn surveys_page(
    conn: &mut PgConnection,
    after: Option<Uuid>,
    limit: i64,
) -> sqlx::Result<Vec<Survey>> {
    sqlx::query_as(
        "SELECT id, title, threshold, closes_at, closed FROM surveys
          WHERE $1::uuid IS NULL OR id > $1 ORDER BY id LIMIT $2",
    )
    .bind(after)
    .bind(limit)
    .fetch_all(conn)
    .await
}

pub async fn close_survey(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Survey>> {
    sqlx::query_as(
        "UPDATE surveys SET closed = true WHERE id = $1
         RETURNING id, title, threshold, closes_at, closed",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn questions(conn: &mut PgConnection, surveys: &[Uuid]) -> sqlx::Result<Vec<Question>> {
    sqlx::query_as(
        "SELECT id, survey_id, position, kind, prompt, options FROM survey_questions
          WHERE survey_id = ANY($1) ORDER BY survey_id, position",
    )
    .bind(surveys)
    .fetch_all(conn)
    .await
}

pub async fn upsert_response(
    conn: &mut PgConnection,
    survey: Uuid,
    account: Uuid,
    answers: &serde_json::Value,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO survey_responses (survey_id, account_id, answers) VALUES ($1, $2, $3)
         ON CONFLICT (survey_id, account_id) DO UPDATE SET answers = EXCLUDED.answers, updated_at = now()",
    )
    .bind(survey)
    .bind(account)
    .bind(answers)
    .execute(conn)
    .await?;
    Ok(())
}

/// An account's answers to each of the given surveys it answered.
pub async fn responses_of(
    conn: &mut PgConnection,
    surveys: &[Uuid],
    account: Uuid,
) -> sqlx::Result<Vec<(Uuid, serde_json::Value)>> {
    sqlx::query_as(
        "SELECT survey_id, answers FROM survey_responses WHERE survey_id = ANY($1) AND account_id = $2",
    )
    .bind(surveys)
    .bind(account)
    .fetch_all(conn)
    .await
}

/// (question id, option index, count) for the choice questions of the surveys.
pub async fn tallies(
    conn: &mut PgConnection,
    surveys: &[Uuid],
) -> sqlx::Result<Vec<(Uuid, i32, i64)>> {
    sqlx::query_as(
        "SELECT q.id, c.choice::int, count(*)
           FROM survey_questions q
           JOIN survey_responses r ON r.survey_id = q.survey_id
           CROSS JOIN LATERAL jsonb_array_elements_text(r.answers -> q.id::text -> 'choices') AS c(choice)
          WHERE q.survey_id = ANY($1) AND q.kind IN ('single', 'multiple')
          GROUP BY q.id, c.choice::int",
    )
    .bind(surveys)
    .fetch_all(conn)
    .await
}

pub async fn response_counts(
    conn: &mut PgConnection,
    surveys: &[Uuid],
) -> sqlx::Result<Vec<(Uuid, i64)>> {
    sqlx::query_as("SELECT survey_id, count(*) FROM survey_responses WHERE survey_id = ANY($1) GROUP BY survey_id")
        .bind(surveys)
        .fetch_all(conn)
        .await
}

/// Surveys an account answered: (survey id, title, answered at).
pub async fn surveys_answered(
    conn: &mut PgConnection,
    account: Uuid,
) -> sqlx::Result<Vec<(Uuid, String, DateTime<Utc>)>> {
    sqlx::query_as(
        "SELECT s.id, s.title, r.updated_at FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
          WHERE r.account_id = $1 ORDER BY r.updated_at",
    )
    .bind(account)
    .fetch_all(conn)
    .await
}

// --- clubs ---

pub async fn insert_federation(
    conn: &mut PgConnection,
    name: &str,
    leader: Option<Uuid>,
) -> sqlx::Result<Option<Federation>> {
    sqlx::query_as(
        "INSERT INTO federations (id, name, leader) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING
         RETURNING id, name, leader",
    )
    .bind(Uuid::now_v7())
    .bind(name)
    .bind(leader)
    .fetch_optional(conn)
    .await
}

pub async fn insert_club(
    conn: &mut PgConnection,
    name: &str,
    federation: Option<Uuid>,
) -> sqlx::Result<Option<Club>> {
    sqlx::query_as(
        "INSERT INTO clubs (id, name, federation_id) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING
         RETURNING id, name, federation_id",
    )
    .bind(Uuid::now_v7())
    .bind(name)
    .bind(federation)
    .fetch_optional(conn)
    .await
}

pub async fn federations(conn: &mut PgConnection) -> sqlx::Result<Vec<Federation>> {
    sqlx::query_as("SELECT id, name, leader FROM federations ORDER BY name")
        .fetch_all(conn)
        .await
}

pub async fn clubs_page(
    conn: &mut PgConnection,
    after: Option<Uuid>,
    limit: i64,
) -> sqlx::Result<Vec<Club>> {
    sqlx::query_as("SELECT id, name, federation_id FROM clubs WHERE $1::uuid IS NULL OR id > $1 ORDER BY id LIMIT $2")
        .bind(after)
        .bind(limit)
        .fetch_all(conn)
        .await
}

pub async fn upsert_club_member(
    conn: &mut PgConnection,
    club: Uuid,
    learner: Uuid,
    role: ClubRole,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO club_members (club_id, learner_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (club_id, learner_id) DO UPDATE SET role = EXCLUDED.role",
    )
    .bind(club)
    .bind(learner)
    .bind(role.as_str())
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn club_members(
    conn: &mut PgConnection,
    clubs: &[Uuid],
) -> sqlx::Result<Vec<ClubMember>> {
    sqlx::query_as(
        "SELECT m.club_id, m.learner_id, l.name, m.role FROM club_members m JOIN learners l ON l.id = m.learner_id
          WHERE m.club_id = ANY($1) ORDER BY m.role <> 'leader', l.name",
    )
    .bind(clubs)
    .fetch_all(conn)
    .await
}

// --- cadence ---

pub async fn insert_cadence_target(
    conn: &mut PgConnection,
    name: &str,
    period: CadencePeriod,
    min: i32,
    public_only: bool,
) -> sqlx::Result<CadenceTarget> {
    sqlx::query_as(
        "INSERT INTO cadence_targets (id, name, period, min_sessions, public_benefit_only) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, name, period, min_sessions, public_benefit_only",
    )
    .bind(Uuid::now_v7())
    .bind(name)
    .bind(period.as_str())
    .bind(min)
    .bind(public_only)
    .fetch_one(conn)
    .await
}

pub async fn cadence_targets(conn: &mut PgConnection) -> sqlx::Result<Vec<CadenceTarget>> {
    sqlx::query_as("SELECT id, name, period, min_sessions, public_benefit_only FROM cadence_targets ORDER BY name")
        .fetch_all(conn)
        .await
}

/// Session start times in [from, to), with whether their course is public-benefit.
pub async fn session_starts(
    conn: &mut PgConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> sqlx::Result<Vec<(DateTime<Utc>, bool)>> {
    sqlx::query_as(
        "SELECT s.starts_at, c.public_benefit FROM course_sessions s JOIN courses c ON c.id = s.course_id
          WHERE s.starts_at >= $1 AND s.starts_at < $2",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

// --- evaluations ---

pub async fn upsert_evaluation(
    conn: &mut PgConnection,
    course: Uuid,
    learner: Uuid,
    rating: i32,
    comment: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO evaluations (course_id, learner_id, rating, comment) VALUES ($1, $2, $3, $4)
         ON CONFLICT (course_id, learner_id) DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment",
    )
    .bind(course)
    .bind(learner)
    .bind(rating)
    .bind(comment)
    .execute(conn)
    .await?;
    Ok(())
}

// --- exhibitions ---

const EXHIBITION: &str = "id, title, kind, starts_on, ends_on, published";
/// `minor` is decided now, from the author's birth date (unknown counts as a minor).
const WORK: &str = "w.id, w.exhibition_id, w.learner_id, l.name AS author, w.course_id, w.title,
    (l.birth_date IS NULL OR l.birth_date > (current_date - interval '18 years')::date) AS minor,
    w.guardian_consent_at";

pub async fn insert_exhibition(
    conn: &mut PgConnection,
    title: &str,
    kind: ExhibitionKind,
    starts: NaiveDate,
    ends: NaiveDate,
) -> sqlx::Result<Exhibition> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO exhibitions (id, title, kind, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5) RETURNING {EXHIBITION}"
    )))
    .bind(Uuid::now_v7())
    .bind(title)
    .bind(kind.as_str())
    .bind(starts)
    .bind(ends)
    .fetch_one(conn)
    .await
}

pub async fn exhibition(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Exhibition>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {EXHIBITION} FROM exhibitions WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn exhibitions_page(
    conn: &mut PgConnection,
    after: Option<Uuid>,
    limit: i64,
    published_only: bool,
) -> sqlx::Result<Vec<Exhibition>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {EXHIBITION} FROM exhibitions
          WHERE ($1::uuid IS NULL OR id > $1) AND (published OR NOT $3) ORDER BY id LIMIT $2"
    )))
    .bind(after)
    .bind(limit)
    .bind(published_only)
    .fetch_all(conn)
    .await
}

pub async fn publish_exhibition(
    conn: &mut PgConnection,
    id: Uuid,
) -> sqlx::Result<Option<Exhibition>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE exhibitions SET published = true WHERE id = $1 RETURNING {EXHIBITION}"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn insert_work(
    conn: &mut PgConnection,
    exhibition: Uuid,
    learner: &Learner,
    course: Option<Uuid>,
    title: &str,
) -> sqlx::Result<Work> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO works (id, exhibition_id, learner_id, course_id, title) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(exhibition)
    .bind(learner.id)
    .bind(course)
    .bind(title)
    .execute(&mut *conn)
    .await?;
    Ok(work(conn, id).await?.expect("just inserted"))
}

pub async fn work(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Work>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {WORK} FROM works w JOIN learners l ON l.id = w.learner_id WHERE w.id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn works_of(conn: &mut PgConnection, exhibitions: &[Uuid]) -> sqlx::Result<Vec<Work>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {WORK} FROM works w JOIN learners l ON l.id = w.learner_id
          WHERE w.exhibition_id = ANY($1) ORDER BY w.id"
    )))
    .bind(exhibitions)
    .fetch_all(conn)
    .await
}

pub async fn works_by_learner(conn: &mut PgConnection, learner: Uuid) -> sqlx::Result<Vec<Work>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {WORK} FROM works w JOIN learners l ON l.id = w.learner_id WHERE w.learner_id = $1 ORDER BY w.id"
    )))
    .bind(learner)
    .fetch_all(conn)
    .await
}

pub async fn record_consent(conn: &mut PgConnection, work: Uuid) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE works SET guardian_consent_at = coalesce(guardian_consent_at, now()) WHERE id = $1",
    )
    .bind(work)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn insert_photo(
    conn: &mut PgConnection,
    id: Uuid,
    work: Uuid,
    key: &str,
    thumb: &str,
    w: i32,
    h: i32,
) -> sqlx::Result<WorkPhoto> {
    sqlx::query_as(
        "INSERT INTO work_photos (id, work_id, object_key, thumb_key, width, height) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, work_id, object_key, thumb_key, width, height",
    )
    .bind(id)
    .bind(work)
    .bind(key)
    .bind(thumb)
    .bind(w)
    .bind(h)
    .fetch_one(conn)
    .await
}

pub async fn photos_of(conn: &mut PgConnection, works: &[Uuid]) -> sqlx::Result<Vec<WorkPhoto>> {
    sqlx::query_as(
        "SELECT id, work_id, object_key, thumb_key, width, height FROM work_photos WHERE work_id = ANY($1) ORDER BY id",
    )
    .bind(works)
    .fetch_all(conn)
    .await
}

/// Delete a work with its photo rows; returns the object keys to delete from storage.
pub async fn delete_work(conn: &mut PgConnection, work: Uuid) -> sqlx::Result<Vec<String>> {
    let keys: Vec<(String, String)> = sqlx::query_as(
        "DELETE FROM work_photos WHERE work_id = $1 RETURNING object_key, thumb_key",
    )
    .bind(work)
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM works WHERE id = $1")
        .bind(work)
        .execute(conn)
        .await?;
    Ok(keys.into_iter().flat_map(|(a, b)| [a, b]).collect())
}

// --- nominations and the learner's loop ---

pub async fn insert_nomination(
    conn: &mut PgConnection,
    learner: Uuid,
    pool: &str,
    reason: &str,
    record: &serde_json::Value,
    by: Uuid,
) -> sqlx::Result<Nomination> {
    sqlx::query_as(
        "INSERT INTO nominations (id, learner_id, pool, reason, loop_record, nominated_by) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, learner_id, pool, reason, created_at",
    )
    .bind(Uuid::now_v7())
    .bind(learner)
    .bind(pool)
    .bind(reason)
    .bind(record)
    .bind(by)
    .fetch_one(conn)
    .await
}

pub async fn nominations_of(
    conn: &mut PgConnection,
    learner: Uuid,
) -> sqlx::Result<Vec<Nomination>> {
    sqlx::query_as("SELECT id, learner_id, pool, reason, created_at FROM nominations WHERE learner_id = $1 ORDER BY created_at")
        .bind(learner)
        .fetch_all(conn)
        .await
}

/// (course, enrolment status, sessions held, sessions attended) for each course of a learner.
pub async fn learner_courses(
    conn: &mut PgConnection,
    learner: Uuid,
) -> sqlx::Result<Vec<(Uuid, String, String, i64, i64)>> {
    sqlx::query_as(
        "SELECT c.id, c.title, e.status,
                (SELECT count(*) FROM course_sessions s WHERE s.course_id = c.id AND s.starts_at <= now()),
                (SELECT count(*) FROM attendance a JOIN course_sessions s ON s.id = a.session_id
                  WHERE s.course_id = c.id AND a.learner_id = $1 AND a.present)
           FROM enrolments e JOIN courses c ON c.id = e.course_id
          WHERE e.learner_id = $1 AND e.status <> 'cancelled' ORDER BY e.created_at",
    )
    .bind(learner)
    .fetch_all(conn)
    .await
}

/// (course id, course title, rating, comment) a learner gave.
pub async fn evaluations_by(
    conn: &mut PgConnection,
    learner: Uuid,
) -> sqlx::Result<Vec<(Uuid, String, i32, Option<String>)>> {
    sqlx::query_as(
        "SELECT c.id, c.title, v.rating, v.comment FROM evaluations v JOIN courses c ON c.id = v.course_id
          WHERE v.learner_id = $1 ORDER BY v.created_at",
    )
    .bind(learner)
    .fetch_all(conn)
    .await
}
