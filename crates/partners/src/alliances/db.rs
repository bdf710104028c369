//! SQL of alliances; every function takes a tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

pub async fn insert(
    conn: &mut PgConnection,
    name: &str,
    purpose: &str,
    by: Uuid,
) -> sqlx::Result<Alliance> {
    sqlx::query_as(
        "INSERT INTO partner_alliances (id, name, purpose, created_by) VALUES ($1, $2, $3, $4)
         RETURNING id, name, purpose",
    )
    .bind(Uuid::now_v7())
    .bind(name)
    .bind(purpose)
    .bind(by)
    .fetch_one(conn)
    .await
}

pub async fn alliances(conn: &mut PgConnection) -> sqlx::Result<Vec<Alliance>> {
    sqlx::query_as("SELECT id, name, purpose FROM partner_alliances ORDER BY name")
        .fetch_all(conn)
        .await
}

pub async fn members(conn: &mut PgConnection) -> sqlx::Result<Vec<AllianceMember>> {
    sqlx::query_as(
        "SELECT alliance_id, organisation_id, part FROM partner_alliance_members
          ORDER BY alliance_id, added_at",
    )
    .fetch_all(conn)
    .await
}

/// Add (or re-part) a member.
pub async fn put_member(
    conn: &mut PgConnection,
    alliance: Uuid,
    organisation: Uuid,
    part: &str,
    by: Uuid,
) -> sqlx::Result<AllianceMember> {
    sqlx::query_as(
        "INSERT INTO partner_alliance_members (alliance_id, organisation_id, part, added_by)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (alliance_id, organisation_id) DO UPDATE SET part = $3, added_by = $4
         RETURNING alliance_id, organisation_id, part",
    )
    .bind(alliance)
    .bind(organisation)
    .bind(part)
    .bind(by)
    .fetch_one(conn)
    .await
}

pub async fn remove_member(
    conn: &mut PgConnection,
    alliance: Uuid,
    organisation: Uuid,
) -> sqlx::Result<bool> {
    let r = sqlx::query(
        "DELETE FROM partner_alliance_members WHERE alliance_id = $1 AND organisation_id = $2",
    )
    .bind(alliance)
    .bind(organisation)
    .execute(conn)
    .await?;
    Ok(r.rows_affected() == 1)
}
