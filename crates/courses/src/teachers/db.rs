//! SQL of teachers on the community schema; every function takes a tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::*;

pub(crate) const TEACHER: &str = "id, name, kind, skills, phone_encrypted, account_id, learner_id, status, teaches_in, \
     team_id, team_name";

pub struct NewTeacher<'a> {
    pub name: &'a str,
    pub kind: TeacherKind,
    pub skills: &'a [String],
    pub phone_encrypted: Option<String>,
    pub account_id: Option<Uuid>,
    pub learner_id: Option<Uuid>,
    pub status: TeacherStatus,
    pub teaches_in: &'a [String],
}

pub async fn insert_teacher(conn: &mut PgConnection, t: &NewTeacher<'_>) -> sqlx::Result<Teacher> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO teachers (id, name, kind, skills, phone_encrypted, account_id, learner_id, status, teaches_in)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {TEACHER}"
    )))
    .bind(Uuid::now_v7())
    .bind(t.name)
    .bind(t.kind)
    .bind(t.skills)
    .bind(&t.phone_encrypted)
    .bind(t.account_id)
    .bind(t.learner_id)
    .bind(t.status)
    .bind(t.teaches_in)
    .fetch_one(conn)
    .await
}

pub async fn teacher(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Teacher>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {TEACHER} FROM teachers WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// A candidate (达人 from a survey) confirmed into the pool as `kind`, teaching where
/// `teaches_in` says (its own list kept when empty); `None` when it is no candidate.
pub async fn confirm(
    conn: &mut PgConnection,
    id: Uuid,
    kind: TeacherKind,
    teaches_in: &[String],
) -> sqlx::Result<Option<Teacher>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE teachers
            SET status = 'active', kind = $2,
                teaches_in = CASE WHEN cardinality($3::text[]) = 0 THEN teaches_in ELSE $3 END
          WHERE id = $1 AND status = 'candidate' RETURNING {TEACHER}"
    )))
    .bind(id)
    .bind(kind)
    .bind(teaches_in)
    .fetch_optional(conn)
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
                t.learner_id, t.status, t.teaches_in, t.team_id, t.team_name
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

/// Link a teacher to a partner team, or unlink (`None`); `None` back when there is no such
/// teacher.
pub async fn set_team(
    conn: &mut PgConnection,
    teacher: Uuid,
    team: Option<(Uuid, &str)>,
) -> sqlx::Result<Option<Teacher>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE teachers SET team_id = $2, team_name = $3 WHERE id = $1 RETURNING {TEACHER}"
    )))
    .bind(teacher)
    .bind(team.map(|t| t.0))
    .bind(team.map(|t| t.1))
    .fetch_optional(conn)
    .await
}
