//! A community (社区): one tenant — its kind, its lifecycle, and what onboarding one takes.

use uuid::Uuid;

use crate::model::{Name, Slug};

/// Community type from the seed reports (老旧院落, 安置小区, 商品房, 公租房, 大学城, 职工宿舍).
/// Stored as text; an unknown value in a row is a decoding error, never a default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
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
pub enum CommunityStatus {
    Active,
    Suspended,
    Archived,
    /// 迁移中: being copied to another cluster; reads only.
    Moving,
    /// 已迁出: served by another cluster; this row is its routing entry.
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

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Community {
    pub id: Uuid,
    pub district_id: Uuid,
    pub slug: String,
    pub name: String,
    pub kind: CommunityKind,
    pub households: Option<i32>,
    pub residents: Option<i32>,
    pub status: CommunityStatus,
    pub schema_name: String,
    pub role_name: String,
    pub schema_version: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
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
