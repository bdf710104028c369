//! Rows of every family of figures, written in SQL as a community's role: what the families
//! test folds, rebuilds and compares.

use chrono::{Duration, NaiveDate, Utc};
use tenancy::CommunityCtx;
use uuid::Uuid;

/// The college, the farm and a micro-venture, written in SQL as the community's role: the
/// figures come from the tables' triggers, not from any service. `days_ago` places the
/// sessions; returns nothing, the caller knows what it wrote.
pub async fn rows_of_every_family(ctx: &CommunityCtx, sessions_a: &[i64], sessions_b: &[i64]) {
    let mut tx = ctx.tx().await.unwrap();
    let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
    sqlx::query(
        "INSERT INTO courses (id, title, category, audience, format, public_benefit, capacity)
         VALUES ($1, '太极拳', 'health', 'all', 'workshop', true, 30),
                ($2, '书法', 'health', 'all', 'workshop', false, 30)",
    )
    .bind(a)
    .bind(b)
    .execute(&mut *tx)
    .await
    .unwrap();
    let mut ids = Vec::new();
    for (course, days) in [(a, sessions_a), (b, sessions_b)] {
        for d in days {
            let id = Uuid::now_v7();
            let at = Utc::now() - Duration::days(*d);
            sqlx::query(
                "INSERT INTO course_sessions (id, course_id, starts_at, ends_at, place)
                 VALUES ($1, $2, $3, $3 + interval '90 minutes', '活动室')",
            )
            .bind(id)
            .bind(course)
            .bind(at)
            .execute(&mut *tx)
            .await
            .unwrap();
            ids.push(id);
        }
    }
    // One of 太极拳's cancelled, one of 书法's moved a day; 书法 becomes public-benefit.
    sqlx::query("UPDATE course_sessions SET status = 'cancelled' WHERE id = $1")
        .bind(ids[0])
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query(
        "UPDATE course_sessions SET starts_at = starts_at + interval '1 day',
                ends_at = ends_at + interval '1 day' WHERE id = $1",
    )
    .bind(ids[ids.len() - 1])
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query("UPDATE courses SET public_benefit = true WHERE id = $1")
        .bind(b)
        .execute(&mut *tx)
        .await
        .unwrap();
    let (l1, l2) = (Uuid::now_v7(), Uuid::now_v7());
    sqlx::query(
        "INSERT INTO learners (id, account_id, name) VALUES ($1, $3, '王阿姨'), ($2, $4, '李大爷')",
    )
    .bind(l1)
    .bind(l2)
    .bind(Uuid::now_v7())
    .bind(Uuid::now_v7())
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO enrolments (id, course_id, learner_id, status, enrolled_by)
         VALUES ($1, $4, $5, 'enrolled', $7), ($2, $4, $6, 'enrolled', $7),
                ($3, $8, $5, 'enrolled', $7)",
    )
    .bind(Uuid::now_v7())
    .bind(Uuid::now_v7())
    .bind(Uuid::now_v7())
    .bind(a)
    .bind(l1)
    .bind(l2)
    .bind(Uuid::now_v7())
    .bind(b)
    .execute(&mut *tx)
    .await
    .unwrap();
    // Both present at 太极拳's second session, then one corrected to absent.
    sqlx::query(
        "INSERT INTO attendance (session_id, learner_id, method, present, recorded_by)
         VALUES ($1, $2, 'roster', true, $4), ($1, $3, 'qr', true, $4)",
    )
    .bind(ids[1])
    .bind(l1)
    .bind(l2)
    .bind(Uuid::now_v7())
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query("UPDATE attendance SET present = false WHERE learner_id = $1")
        .bind(l2)
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO exhibitions (id, title, kind, starts_on, ends_on)
         VALUES ($1, '书画展', 'painting', current_date - 2, current_date + 5)",
    )
    .bind(Uuid::now_v7())
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO nominations (id, learner_id, pool, reason, loop_record, nominated_by)
         VALUES ($1, $2, '学习达人', '坚持三年', '{}', $3)",
    )
    .bind(Uuid::now_v7())
    .bind(l1)
    .bind(Uuid::now_v7())
    .execute(&mut *tx)
    .await
    .unwrap();
    // The farm: a season, a plot, a claim.
    let (season, plot, space) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    sqlx::query(
        "INSERT INTO spaces (id, name, kind, capacity) VALUES ($1, '生态农场', 'farm', 40)",
    )
    .bind(space)
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO farm_seasons (id, name, starts_on, ends_on, claims_open_on)
         VALUES ($1, '春季', current_date - 10, current_date + 80, current_date - 10)",
    )
    .bind(season)
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query("INSERT INTO farm_plots (id, space_id, code, area_m2) VALUES ($1, $2, 'A1', 6)")
        .bind(plot)
        .bind(space)
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO plot_claims (id, plot_id, season_id, account_id, status)
         VALUES ($1, $2, $3, $4, 'active')",
    )
    .bind(Uuid::now_v7())
    .bind(plot)
    .bind(season)
    .bind(Uuid::now_v7())
    .execute(&mut *tx)
    .await
    .unwrap();
    // A micro-venture awarded and closed.
    let (call, proposal, project) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    sqlx::query(
        "INSERT INTO venture_calls (id, title, problem, budget_yuan, deadline, status, created_by)
         VALUES ($1, '楼道微更新', '楼道堆物', 5000, current_date + 30, 'awarded', $2)",
    )
    .bind(call)
    .bind(Uuid::now_v7())
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO venture_proposals (id, call_id, organisation_id, team_id, team_name, title,
                                        plan, budget_yuan, submitted_by)
         VALUES ($1, $2, $3, $4, '青年突击队', '清爽楼道', '三步走', 4000, $5)",
    )
    .bind(proposal)
    .bind(call)
    .bind(Uuid::now_v7())
    .bind(Uuid::now_v7())
    .bind(Uuid::now_v7())
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query("INSERT INTO venture_projects (id, call_id, proposal_id) VALUES ($1, $2, $3)")
        .bind(project)
        .bind(call)
        .bind(proposal)
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query(
        "UPDATE venture_projects SET status = 'done', closing_report = '已完成', closed_at = now()
          WHERE id = $1",
    )
    .bind(project)
    .execute(&mut *tx)
    .await
    .unwrap();
    // The farm is open 08:30–21:00 every day (750 minutes).
    sqlx::query(
        "INSERT INTO space_hours (space_id, weekday, opens, closes)
         SELECT $1, w, '08:30', '21:00' FROM generate_series(1, 7) w",
    )
    .bind(space)
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    // The worker's round records today's minutes open once, however often it comes by.
    let now = Utc::now();
    assert_eq!(
        spaces::api::rooms::record_open_days(ctx, now)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        spaces::api::rooms::record_open_days(ctx, now)
            .await
            .unwrap(),
        0
    );
    // Two days on (a day missed behind it is filled in), the farm closed tomorrow: 0 minutes.
    let tomorrow = infra::local_time::date_of(now) + Duration::days(1);
    let mut tx = ctx.tx().await.unwrap();
    sqlx::query("INSERT INTO space_closures (space_id, on_date) VALUES ($1, $2)")
        .bind(space)
        .bind(tomorrow)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let later = now + Duration::days(2);
    assert_eq!(
        spaces::api::rooms::record_open_days(ctx, later)
            .await
            .unwrap(),
        2
    );
    let mut tx = ctx.tx().await.unwrap();
    let days: Vec<(NaiveDate, i64)> =
        sqlx::query_as("SELECT day, minutes FROM space_open_days ORDER BY day")
            .fetch_all(&mut *tx)
            .await
            .unwrap();
    let today = infra::local_time::date_of(now);
    assert_eq!(
        days,
        [
            (today, 750),
            (tomorrow, 0),
            (tomorrow + Duration::days(1), 750)
        ]
    );
}

/// 入户摸底: households A (first seen three days ago, then only yesterday once its first record
/// moved to C), B today, C three days ago — three households, whatever moved where.
pub async fn household_rows(a: &CommunityCtx) {
    let mut tx = a.tx().await.unwrap();
    let first = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO learners (id, guardian_account_id, name, household, created_at)
         VALUES ($1, $2, '王阿姨', '3栋501', now() - interval '3 days'),
                ($3, $2, '王叔叔', '3栋501', now() - interval '1 day'),
                ($4, $2, '李大爷', '5栋102', now())",
    )
    .bind(first)
    .bind(Uuid::now_v7())
    .bind(Uuid::now_v7())
    .bind(Uuid::now_v7())
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query("UPDATE learners SET household = '7栋303' WHERE id = $1")
        .bind(first)
        .execute(&mut *tx)
        .await
        .unwrap();
    // What the reports count beside: a club of one member, two teachers in the pool (and a
    // candidate, not yet), an event of 30 人次, a party member volunteering, 12 people served.
    let (club, event, post) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    for (sql, ids) in [
        (
            "INSERT INTO clubs (id, name) VALUES ($1, '非洲鼓社')",
            vec![club],
        ),
        (
            "INSERT INTO club_members (club_id, learner_id) VALUES ($1, $2)",
            vec![club, first],
        ),
        (
            "INSERT INTO teachers (id, name, kind) VALUES ($1, '冯小玲', 'local_talent'),
                    ($2, '何开碧', 'local_talent')",
            vec![Uuid::now_v7(), Uuid::now_v7()],
        ),
        (
            "INSERT INTO teachers (id, name, kind, status) VALUES ($1, '达人', 'expert', 'candidate')",
            vec![Uuid::now_v7()],
        ),
        (
            "INSERT INTO events (id, title, kind, starts_at, ends_at, place)
             VALUES ($1, '达人服务日', 'service_day', now(), now() + interval '1 hour', '达人室')",
            vec![event],
        ),
        (
            "INSERT INTO walk_ins (id, event_id, head_count, recorded_by) VALUES ($1, $2, 30, $1)",
            vec![Uuid::now_v7(), event],
        ),
        (
            "INSERT INTO volunteers (id, account_id, name, party_member, registered_by)
             VALUES ($1, $2, '党员', true, $1)",
            vec![Uuid::now_v7(), Uuid::now_v7()],
        ),
        (
            "INSERT INTO volunteer_posts (id, type_code, title, points_per_hour)
             VALUES ($1, 'community_service', '体验馆值守', 10)",
            vec![post],
        ),
        (
            "INSERT INTO volunteer_people_served (post_id, served_on, people, recorded_by)
             VALUES ($1, current_date, 12, $1)",
            vec![post],
        ),
    ] {
        let mut q = sqlx::query(sql);
        for id in ids {
            q = q.bind(id);
        }
        q.execute(&mut *tx).await.unwrap();
    }
    tx.commit().await.unwrap();
}
