//! SQL of the three lists; every function takes a tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

const ENTRY: &str = "id, kind_code, title, detail, category, skills, entered_as, organisation_id, \
    status, created_at";
const MATCH: &str = "id, need_id, offer_id, status, outcome, created_at";

pub async fn list_kinds(conn: &mut PgConnection) -> sqlx::Result<Vec<ListKind>> {
    sqlx::query_as("SELECT code, name, position, role FROM list_kinds ORDER BY position, code")
        .fetch_all(conn)
        .await
}

pub async fn upsert_kind(conn: &mut PgConnection, k: &ListKind) -> sqlx::Result<ListKind> {
    sqlx::query_as(
        "INSERT INTO list_kinds (code, name, position, role) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, position = EXCLUDED.position,
                                          role = EXCLUDED.role
         RETURNING code, name, position, role",
    )
    .bind(&k.code)
    .bind(&k.name)
    .bind(k.position)
    .bind(k.role)
    .fetch_one(conn)
    .await
}

pub struct NewEntry<'a> {
    pub kind_code: &'a str,
    pub title: &'a str,
    pub detail: &'a str,
    pub category: &'a str,
    pub skills: &'a [String],
    pub entered_as: EnteredAs,
    pub organisation_id: Option<Uuid>,
    pub author: Uuid,
}

pub async fn insert_entry(conn: &mut PgConnection, e: &NewEntry<'_>) -> sqlx::Result<ListEntry> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO list_entries (id, kind_code, title, detail, category, skills, entered_as,
                                   organisation_id, author)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {ENTRY}"
    )))
    .bind(Uuid::now_v7())
    .bind(e.kind_code)
    .bind(e.title)
    .bind(e.detail)
    .bind(e.category)
    .bind(e.skills)
    .bind(e.entered_as)
    .bind(e.organisation_id)
    .bind(e.author)
    .fetch_one(conn)
    .await
}

pub async fn entries(
    conn: &mut PgConnection,
    kind: Option<&str>,
    status: Option<EntryStatus>,
) -> sqlx::Result<Vec<ListEntry>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ENTRY} FROM list_entries
          WHERE ($1::text IS NULL OR kind_code = $1) AND ($2::text IS NULL OR status = $2)
          ORDER BY created_at DESC, id LIMIT 500"
    )))
    .bind(kind)
    .bind(status)
    .fetch_all(conn)
    .await
}

/// An entry with its list's role, locked.
pub async fn lock_entry(
    conn: &mut PgConnection,
    id: Uuid,
) -> sqlx::Result<Option<(ListEntry, ListRole)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        e: ListEntry,
        role: ListRole,
    }
    let row: Option<Row> = sqlx::query_as(
        "SELECT e.id, e.kind_code, e.title, e.detail, e.category, e.skills, e.entered_as,
                e.organisation_id, e.status, e.created_at, k.role
           FROM list_entries e JOIN list_kinds k ON k.code = e.kind_code
          WHERE e.id = $1 FOR UPDATE OF e",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| (r.e, r.role)))
}

/// Open offers that share the need's category or a skill, most skills in common first.
pub async fn suggestions(
    conn: &mut PgConnection,
    need: &ListEntry,
) -> sqlx::Result<Vec<ListEntry>> {
    sqlx::query_as(
        "SELECT e.id, e.kind_code, e.title, e.detail, e.category, e.skills, e.entered_as,
                e.organisation_id, e.status, e.created_at
           FROM list_entries e JOIN list_kinds k ON k.code = e.kind_code
          WHERE k.role = 'offer' AND e.status = 'open'
            AND (e.category = $2 OR e.skills && $3)
            AND NOT EXISTS (SELECT 1 FROM list_matches m WHERE m.need_id = $1 AND m.offer_id = e.id)
          ORDER BY (SELECT count(*) FROM unnest(e.skills) s WHERE s = ANY($3)) DESC,
                   (e.category = $2) DESC, e.created_at
          LIMIT 20",
    )
    .bind(need.id)
    .bind(&need.category)
    .bind(&need.skills)
    .fetch_all(conn)
    .await
}

/// `None` when they are matched already.
pub async fn insert_match(
    conn: &mut PgConnection,
    need: Uuid,
    offer: Uuid,
    by: Uuid,
) -> sqlx::Result<Option<ListMatch>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO list_matches (id, need_id, offer_id, confirmed_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (need_id, offer_id) DO NOTHING RETURNING {MATCH}"
    )))
    .bind(Uuid::now_v7())
    .bind(need)
    .bind(offer)
    .bind(by)
    .fetch_optional(conn)
    .await
}

pub async fn lock_match(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<ListMatch>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {MATCH} FROM list_matches WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn close_match(
    conn: &mut PgConnection,
    id: Uuid,
    status: MatchStatus,
    outcome: &str,
) -> sqlx::Result<ListMatch> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE list_matches SET status = $2, outcome = $3 WHERE id = $1 RETURNING {MATCH}"
    )))
    .bind(id)
    .bind(status)
    .bind(outcome)
    .fetch_one(conn)
    .await
}

pub async fn set_entry_status(
    conn: &mut PgConnection,
    id: Uuid,
    status: EntryStatus,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE list_entries SET status = $2 WHERE id = $1")
        .bind(id)
        .bind(status)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn matches_of(conn: &mut PgConnection, needs: &[Uuid]) -> sqlx::Result<Vec<ListMatch>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {MATCH} FROM list_matches WHERE need_id = ANY($1) ORDER BY created_at, id"
    )))
    .bind(needs)
    .fetch_all(conn)
    .await
}
