//! Dashboard figures of the community college. Triggers keep them at every write
//! (`migrations/community/courses/0031_figures.sql`); this recounts them from the rows for
//! the dashboards' rebuild, putting each on the day its trigger does.

use chrono::NaiveDate;
use infra::AppResult;

/// Recount every figure the college's triggers keep: (figure, day, value).
pub async fn figures(conn: &mut sqlx::PgConnection) -> AppResult<Vec<(String, NaiveDate, i64)>> {
    Ok(sqlx::query_as(
        "SELECT 'courses.sessions', figure_day(starts_at) AS day, count(*)
           FROM course_sessions WHERE status = 'scheduled' GROUP BY day
         UNION ALL
         SELECT 'courses.public_sessions', figure_day(s.starts_at) AS day, count(*)
           FROM course_sessions s JOIN courses c ON c.id = s.course_id
          WHERE s.status = 'scheduled' AND c.public_benefit GROUP BY day
         UNION ALL
         SELECT 'courses.courses', figure_day(created_at) AS day, count(*) FROM courses GROUP BY day
         UNION ALL
         SELECT 'courses.enrolments', figure_day(created_at) AS day, count(*)
           FROM enrolments GROUP BY day
         UNION ALL
         SELECT f.figure, figure_day(s.starts_at) AS day, count(*)
           FROM attendance a JOIN course_sessions s ON s.id = a.session_id
          CROSS JOIN (VALUES ('courses.attendance_marked'), ('courses.attendance_present')) AS f (figure)
          WHERE f.figure = 'courses.attendance_marked' OR a.present
          GROUP BY f.figure, day
         UNION ALL
         SELECT 'courses.exhibitions', starts_on, count(*) FROM exhibitions GROUP BY starts_on
         UNION ALL
         SELECT 'courses.nominations', figure_day(created_at) AS day, count(*)
           FROM nominations GROUP BY day
         UNION ALL
         SELECT 'courses.households_visited', first_day, count(*)
           FROM (SELECT figure_day(min(created_at)) AS first_day FROM learners
                  WHERE household IS NOT NULL GROUP BY courtyard_id, household) AS h
          GROUP BY first_day
         UNION ALL
         SELECT 'courses.events', figure_day(starts_at) AS day, count(*)
           FROM events WHERE status = 'scheduled' GROUP BY day
         UNION ALL
         SELECT 'courses.events_' || kind, figure_day(starts_at) AS day, count(*)
           FROM events WHERE status = 'scheduled' GROUP BY kind, day
         UNION ALL
         SELECT 'courses.event_attendance', figure_day(e.starts_at) AS day, sum(w.head_count)
           FROM walk_ins w JOIN events e ON e.id = w.event_id GROUP BY day
         UNION ALL
         SELECT 'courses.clubs', figure_day(created_at) AS day, count(*) FROM clubs GROUP BY day
         UNION ALL
         SELECT 'courses.club_members', figure_day(joined_at) AS day, count(*)
           FROM club_members GROUP BY day
         UNION ALL
         SELECT 'courses.teachers_' || kind, figure_day(created_at) AS day, count(*)
           FROM teachers WHERE status = 'active' GROUP BY kind, day",
    )
    .fetch_all(conn)
    .await?)
}
