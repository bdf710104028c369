//! Whose figures a dashboard shows: a whole district (read from the district rollups), or a
//! set of communities picked by kind, street or pilot group (read from theirs). Built only
//! here, after the caller's right to the district is checked.

use infra::{AppError, AppResult};
use tenancy::model::{CommunityKind, District};
use tenancy::{Principal, Tenancy};
use uuid::Uuid;

/// Which communities of a district to look at.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only these kinds of community (empty: all).
    pub kinds: Vec<CommunityKind>,
    /// Only those within this sub-district (街道), by code.
    pub street: Option<String>,
    /// Only the members of this pilot group of the district (试点).
    pub pilot_group: Option<String>,
    /// The district's communities outside the pilot group (the comparison's other side).
    pub outside_pilot_group: bool,
}

impl Filter {
    fn is_empty(&self) -> bool {
        self.kinds.is_empty() && self.street.is_none() && self.pilot_group.is_none()
    }
}

#[derive(Debug, Clone)]
pub enum Scope {
    /// Every community of the district and its sub-districts.
    District(Uuid),
    /// These communities.
    Communities(Vec<Uuid>),
}

/// The district, if the caller may see it (admins and viewers over it).
pub async fn district(t: &Tenancy, actor: &Principal, code: &str) -> AppResult<District> {
    t.district(actor, code.trim()).await
}

/// The scope of a district's dashboard under a filter.
pub async fn of_district(t: &Tenancy, d: &District, filter: &Filter) -> AppResult<Scope> {
    if filter.is_empty() {
        return Ok(Scope::District(d.id));
    }
    let mut conn = t.db().pool().acquire().await?;
    let street = match &filter.street {
        None => None,
        Some(code) => {
            let s: Option<(Uuid, Vec<Uuid>)> =
                sqlx::query_as("SELECT id, path FROM platform.districts WHERE code = $1")
                    .bind(code.trim())
                    .fetch_optional(&mut *conn)
                    .await?;
            match s {
                Some((id, path)) if path.contains(&d.id) => Some(id),
                _ => {
                    return Err(AppError::not_found(
                        "本区下没有该街道",
                        "No such street in this district",
                    ));
                }
            }
        }
    };
    let group = match &filter.pilot_group {
        None => None,
        Some(name) => Some(crate::pilots::find(&mut conn, d.id, name).await?),
    };
    let kinds: Vec<&str> = filter.kinds.iter().map(|k| k.as_str()).collect();
    let ids: Vec<Uuid> = sqlx::query_scalar(
        "SELECT c.id FROM platform.communities c JOIN platform.districts d ON d.id = c.district_id
          WHERE d.path @> ARRAY[$1::uuid]
            AND (cardinality($2::text[]) = 0 OR c.kind = ANY($2))
            AND ($3::uuid IS NULL OR d.path @> ARRAY[$3::uuid])
            AND ($4::uuid IS NULL OR
                 (EXISTS (SELECT 1 FROM platform.pilot_group_members m
                           WHERE m.group_id = $4 AND m.community_id = c.id) <> $5))
          ORDER BY c.id",
    )
    .bind(d.id)
    .bind(&kinds)
    .bind(street)
    .bind(group)
    .bind(filter.outside_pilot_group)
    .persistent(false)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Scope::Communities(ids))
}

/// One community's own dashboard.
pub fn community(id: Uuid) -> Scope {
    Scope::Communities(vec![id])
}
