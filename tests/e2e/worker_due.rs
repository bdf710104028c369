//! The background worker's work grows with what happens, not with the number of communities:
//! it visits a community when a write tells it so or when that community's next time comes
//! (`platform.community_due`), and an idle platform costs a few statements an interval.

use serde_json::json;

use crate::TestApp;

async fn due_of(pool: &sqlx::PgPool, slug: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    sqlx::query_scalar(
        "SELECT d.due_at FROM platform.community_due d
           JOIN platform.communities c ON c.id = d.community_id WHERE c.slug = $1",
    )
    .bind(slug)
    .fetch_optional(pool)
    .await
    .unwrap()
}

async fn wait_for<T>(mut probe: impl AsyncFnMut() -> Option<T>, what: &str) -> T {
    for _ in 0..200 {
        if let Some(v) = probe().await {
            return v;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("waited 20 s for {what}");
}

#[tokio::test]
async fn the_worker_visits_a_community_when_it_is_due_and_rests_otherwise() {
    let app = TestApp::spawn_with(&[
        ("LINLI_WORKER_INTERVAL_SECS", "1"),
        ("LINLI_COUNT_SQL", "true"),
        ("LINLI_DB_BACKEND_MEMORY_MB", "0"),
    ])
    .await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let space = app.open_space(&staff, "alpha", "活动室").await;
    let starts = crate::two_days_ahead();
    let booked = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "mutation($s: ID!, $t: DateTime!) { bookSpace(input: {spaceId: $s, startsAt: $t, minutes: 60, purpose: \"书法练习\", attendance: 6}) { id status } }",
            json!({"s": space, "t": starts}),
        )
        .await["bookSpace"][0]
        .clone();
    assert_eq!(booked["status"], "APPROVED", "{booked}");
    let pool = app.pool().await;

    // The booking told the worker; its visit kept alpha's next time: the next local midnight
    // (the day's open minutes of its space), before the booking's no-show time.
    let tomorrow = infra::local_time::midnight(
        infra::local_time::date_of(chrono::Utc::now()) + chrono::Duration::days(1),
    );
    let due = wait_for(async || due_of(&pool, "alpha").await, "alpha's next time").await;
    assert_eq!(due, tomorrow);
    // beta has nothing ahead: no time, no visits.
    assert_eq!(due_of(&pool, "beta").await, None);

    // Idle: five intervals cost a few statements each, whatever the communities hold (the
    // sweep visited every community every interval: ~30 statements each).
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let before = app.counter("linli_sql_statements_total").await;
    tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    let idle = app.counter("linli_sql_statements_total").await - before;
    assert!(idle <= 30, "{idle} statements in five idle intervals");

    // Time passes for the booking (its start moved to 15 minutes and 3 seconds ago, the
    // default grace being 15 minutes): the write tells the worker, whose visit finds it due
    // in 3 s, keeps that time, and releases it then, by itself.
    // (the figure triggers name their schema's functions unqualified, as a tenant transaction)
    sqlx::raw_sql(
        "BEGIN; SET LOCAL search_path = c_alpha;
         UPDATE bookings SET starts_at = now() - interval '15 minutes' + interval '3 seconds',
                             ends_at = now() + interval '45 minutes';
         COMMIT;",
    )
    .execute(&pool)
    .await
    .unwrap();
    let noted = wait_for(
        async || due_of(&pool, "alpha").await.filter(|d| *d < tomorrow),
        "the no-show's time",
    )
    .await;
    assert!(
        noted > chrono::Utc::now() - chrono::Duration::seconds(5),
        "{noted}"
    );
    let status: String = wait_for(
        async || {
            let s: String = sqlx::query_scalar("SELECT status FROM c_alpha.bookings")
                .fetch_one(&pool)
                .await
                .unwrap();
            (s == "no_show").then_some(s)
        },
        "the no-show released",
    )
    .await;
    assert_eq!(status, "no_show");
    // After it, alpha's next time is the next midnight again.
    let after = wait_for(
        async || due_of(&pool, "alpha").await.filter(|d| *d == tomorrow),
        "alpha's next time after the release",
    )
    .await;
    assert_eq!(after, tomorrow);
}
