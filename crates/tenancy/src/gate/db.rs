//! SQL of the platform schema. Every name carries its schema (`platform.`), so these functions
//! behave the same whatever search_path a connection has.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::{Account, Membership};

pub async fn account_with_memberships(
    conn: &mut PgConnection,
    id: Uuid,
) -> sqlx::Result<Option<(Account, Vec<Membership>)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        account: Account,
        memberships: sqlx::types::Json<Vec<MembershipJson>>,
    }
    #[derive(serde::Deserialize)]
    struct MembershipJson {
        id: Uuid,
        role: crate::gate::Role,
        district_id: Option<Uuid>,
        community_id: Option<Uuid>,
        district_code: Option<String>,
        community_slug: Option<String>,
    }
    let row: Option<Row> = sqlx::query_as(
        "SELECT a.id, a.login_name, a.display_name, a.phone_encrypted, a.active, a.created_at,
                a.token_version,
                coalesce((
                    SELECT jsonb_agg(jsonb_build_object(
                               'id', m.id, 'role', m.role, 'district_id', m.district_id,
                               'community_id', m.community_id, 'district_code', d.code,
                               'community_slug', c.slug) ORDER BY m.created_at, m.id)
                      FROM platform.memberships m
                      LEFT JOIN platform.districts d ON d.id = m.district_id
                      LEFT JOIN platform.communities c ON c.id = m.community_id
                     WHERE m.account_id = a.id), '[]'::jsonb)
                || coalesce((
                    SELECT jsonb_agg(jsonb_build_object(
                               'id', pa.partnership_id, 'role', r.role,
                               'district_id', pa.district_id, 'community_id', pa.community_id,
                               'district_code', d.code, 'community_slug', c.slug))
                      FROM platform.partner_access pa
                      CROSS JOIN LATERAL (VALUES ('partner_member'), ('resident')) AS r (role)
                      LEFT JOIN platform.districts d ON d.id = pa.district_id
                      LEFT JOIN platform.communities c ON c.id = pa.community_id
                     WHERE pa.account_id = a.id
                       AND (r.role = 'partner_member' OR pa.resident_rights)), '[]'::jsonb)
                   AS memberships
           FROM platform.accounts a
          WHERE a.id = $1 AND a.active",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| {
        let memberships = r
            .memberships
            .0
            .into_iter()
            .map(|m| Membership {
                id: m.id,
                account_id: r.account.id,
                role: m.role,
                district_id: m.district_id,
                community_id: m.community_id,
                district_code: m.district_code,
                community_slug: m.community_slug,
            })
            .collect();
        (r.account, memberships)
    }))
}
