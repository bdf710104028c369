//! A community (社区): one tenant — its kind, its lifecycle, and what onboarding one takes.

#[cfg(feature = "graphql")]
use infra::graphql::{ID, id};
use uuid::Uuid;

use crate::model::{Name, Slug};

/// Community type (社区类型) from the seed reports (老旧院落, 安置小区, 商品房, 公租房, 大学城, 职工宿舍).
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "CommunityKind")
)]
pub enum CommunityKind {
    OldCourtyard,
    Resettlement,
    CommercialHousing,
    PublicRental,
    UniversityTown,
    WorkerDormitory,
    Mixed,
}

impl CommunityKind {
    pub const ALL: [CommunityKind; 7] = [
        CommunityKind::OldCourtyard,
        CommunityKind::Resettlement,
        CommunityKind::CommercialHousing,
        CommunityKind::PublicRental,
        CommunityKind::UniversityTown,
        CommunityKind::WorkerDormitory,
        CommunityKind::Mixed,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            CommunityKind::OldCourtyard => "old_courtyard",
            CommunityKind::Resettlement => "resettlement",
            CommunityKind::CommercialHousing => "commercial_housing",
            CommunityKind::PublicRental => "public_rental",
            CommunityKind::UniversityTown => "university_town",
            CommunityKind::WorkerDormitory => "worker_dormitory",
            CommunityKind::Mixed => "mixed",
        }
    }
    pub fn parse(s: &str) -> Option<CommunityKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Active ⇄ suspended → archived; never deleted. Active or suspended → moving → moved when an
/// operator moves it to another cluster (`linli communities move`), back if the move fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "CommunityStatus")
)]
pub enum CommunityStatus {
    Active,
    Suspended,
    Archived,
    /// 迁移中: being copied to another cluster; reads only.
    Moving,
    /// 已迁出: served by another cluster now.
    // This row is its routing entry.
    Moved,
}

impl CommunityStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CommunityStatus::Active => "active",
            CommunityStatus::Suspended => "suspended",
            CommunityStatus::Archived => "archived",
            CommunityStatus::Moving => "moving",
            CommunityStatus::Moved => "moved",
        }
    }
}

/// A community (社区): one tenant, one schema.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "Community")
)]
pub struct Community {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub kind: CommunityKind,
    pub households: Option<i32>,
    pub residents: Option<i32>,
    pub status: CommunityStatus,
    pub schema_version: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    #[cfg_attr(feature = "graphql", graphql(skip))]
    pub district_id: Uuid,
    #[cfg_attr(feature = "graphql", graphql(skip))]
    pub schema_name: String,
    #[cfg_attr(feature = "graphql", graphql(skip))]
    pub role_name: String,
    /// Where a moving or moved community goes (a gateway address the operator gave).
    pub moved_to: Option<String>,
}

impl Community {
    pub fn tenant(&self) -> infra::Tenant {
        infra::Tenant {
            community_id: self.id,
            district_id: self.district_id,
            slug: self.slug.clone(),
            name: self.name.clone(),
            schema: self.schema_name.clone(),
            role: self.role_name.clone(),
            read_only: self.status == CommunityStatus::Moving,
        }
    }
}

pub struct OnboardInput {
    pub district_code: String,
    pub slug: String,
    pub name: String,
    pub kind: CommunityKind,
    pub households: Option<i32>,
    pub residents: Option<i32>,
}

/// A validated onboarding request.
pub(crate) struct NewCommunityParams {
    pub district_id: Uuid,
    pub slug: Slug,
    pub name: Name,
    pub kind: CommunityKind,
    pub households: Option<i32>,
    pub residents: Option<i32>,
}
