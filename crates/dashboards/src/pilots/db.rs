//! Pilot groups' SQL (platform schema).

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::PilotGroup;

/// A group of the district by name.
pub async fn find(
    conn: &mut PgConnection,
    district: Uuid,
    name: &str,
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar("SELECT id FROM platform.pilot_groups WHERE district_id = $1 AND name = $2")
        .bind(district)
        .bind(name)
        .fetch_optional(conn)
        .await
}

/// Those of these slugs that name a community within the district: (id, slug).
pub async fn communities_within(
    conn: &mut PgConnection,
    district: Uuid,
    slugs: &[String],
) -> sqlx::Result<Vec<(Uuid, String)>> {
    sqlx::query_as(
        "SELECT c.id, c.slug FROM platform.communities c
           JOIN platform.districts d ON d.id = c.district_id
          WHERE c.slug = ANY($1) AND d.path @> ARRAY[$2::uuid]",
    )
    .bind(slugs)
    .bind(district)
    .fetch_all(conn)
    .await
}

/// Create the group, or find it by name, and give it exactly these members; its id.
pub async fn put(
    tx: &mut PgConnection,
    district: Uuid,
    name: &str,
    members: &[Uuid],
) -> sqlx::Result<Uuid> {
    let id: Uuid = sqlx::query_scalar(
        "INSERT INTO platform.pilot_groups (id, district_id, name) VALUES ($1, $2, $3)
         ON CONFLICT (district_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id",
    )
    .bind(Uuid::now_v7())
    .bind(district)
    .bind(name)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM platform.pilot_group_members WHERE group_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO platform.pilot_group_members (group_id, community_id)
         SELECT $1, unnest($2::uuid[])",
    )
    .bind(id)
    .bind(members)
    .execute(&mut *tx)
    .await?;
    Ok(id)
}

/// The district's groups with their members' slugs, by name.
pub async fn groups_in(conn: &mut PgConnection, district: Uuid) -> sqlx::Result<Vec<PilotGroup>> {
    sqlx::query_as(
        "SELECT g.id, g.name,
                coalesce(array_agg(c.slug ORDER BY c.slug) FILTER (WHERE c.slug IS NOT NULL),
                         '{}') AS members
           FROM platform.pilot_groups g
           LEFT JOIN platform.pilot_group_members m ON m.group_id = g.id
           LEFT JOIN platform.communities c ON c.id = m.community_id
          WHERE g.district_id = $1
          GROUP BY g.id ORDER BY g.name",
    )
    .bind(district)
    .fetch_all(conn)
    .await
}
