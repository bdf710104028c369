//! SQL of clubs on the community schema; every function takes a tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::*;

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
    .bind(role)
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

/// Does the account lead the club (社长) or monitor its class (班长)?
pub async fn leads(conn: &mut PgConnection, club: Uuid, account: Uuid) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM club_members m JOIN learners l ON l.id = m.learner_id
                         WHERE m.club_id = $1 AND l.account_id = $2
                           AND m.role IN ('leader', 'monitor'))",
    )
    .bind(club)
    .bind(account)
    .fetch_one(conn)
    .await
}
