//! SQL of partner access: platform rows, in the caller's platform transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::PartnerPerson;
use crate::organisations::db::PARTNERSHIP;
use crate::organisations::model::Partnership;

/// End an approved partnership.
pub async fn end_partnership(
    conn: &mut PgConnection,
    id: Uuid,
    by: Uuid,
    reason: &str,
) -> sqlx::Result<Partnership> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE platform.partnerships
            SET status = 'ended', ended_at = now(), ended_by = $2, end_reason = $3
          WHERE id = $1 RETURNING {PARTNERSHIP}"
    )))
    .bind(id)
    .bind(by)
    .bind(reason)
    .fetch_one(conn)
    .await
}

/// Take a person out of an organisation and its teams; `false` when they were not in it.
pub async fn remove_member(
    conn: &mut PgConnection,
    organisation: Uuid,
    account: Uuid,
) -> sqlx::Result<bool> {
    sqlx::query(
        "DELETE FROM platform.partner_team_members WHERE organisation_id = $1 AND account_id = $2",
    )
    .bind(organisation)
    .bind(account)
    .execute(&mut *conn)
    .await?;
    let gone = sqlx::query(
        "DELETE FROM platform.organisation_members WHERE organisation_id = $1 AND account_id = $2",
    )
    .bind(organisation)
    .bind(account)
    .execute(conn)
    .await?;
    Ok(gone.rows_affected() == 1)
}

/// The admins of an organisation, locked (the last one may not leave).
pub async fn lock_admins(conn: &mut PgConnection, organisation: Uuid) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar(
        "SELECT account_id FROM platform.organisation_members
          WHERE organisation_id = $1 AND role = 'admin' FOR UPDATE",
    )
    .bind(organisation)
    .fetch_all(conn)
    .await
}

/// Everyone who holds partner access to the community (with the district path above it).
pub async fn partner_people(
    conn: &mut PgConnection,
    community: Uuid,
    path: &[Uuid],
) -> sqlx::Result<Vec<PartnerPerson>> {
    sqlx::query_as(
        "SELECT a.id AS account_id, a.display_name, a.login_name, a.active,
                o.id AS organisation_id, o.name AS organisation_name, m.role AS member_role,
                p.id AS partnership_id, p.district_id IS NOT NULL AS via_district,
                p.resident_rights
           FROM platform.partnerships p
           JOIN platform.organisations o ON o.id = p.organisation_id
           JOIN platform.organisation_members m ON m.organisation_id = o.id
           JOIN platform.accounts a ON a.id = m.account_id
          WHERE p.status = 'approved' AND (p.community_id = $1 OR p.district_id = ANY($2))
          ORDER BY o.name, a.display_name, a.id",
    )
    .bind(community)
    .bind(path)
    .fetch_all(conn)
    .await
}
