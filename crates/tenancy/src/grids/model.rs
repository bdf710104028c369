//! Courtyards and grids (院落 / 网格) of a community, and the reach of a caller's 代办.

#[cfg(feature = "graphql")]
use infra::graphql::{ID, id};
use uuid::Uuid;

/// Whose residents the caller may act for, find and take demands of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// Staff, and admins above the community: everyone.
    Community,
    /// A grid worker: the residents of these courtyards and grids.
    Grids(Vec<Uuid>),
    /// Anyone else: nobody but themselves.
    Nobody,
}

impl Reach {
    /// Does it reach a resident (or demand) of this courtyard or grid? One of none is reached
    /// by staff alone.
    pub fn covers(&self, courtyard: Option<Uuid>) -> bool {
        match self {
            Reach::Community => true,
            Reach::Grids(g) => courtyard.is_some_and(|c| g.contains(&c)),
            Reach::Nobody => false,
        }
    }

    /// The grids a search is confined to; `None`: no bound (staff).
    pub fn bound(&self) -> Option<&[Uuid]> {
        match self {
            Reach::Community => None,
            Reach::Grids(g) => Some(g),
            Reach::Nobody => Some(&[]),
        }
    }
}

/// 院落 or 网格.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "CourtyardKind")
)]
pub enum CourtyardKind {
    /// 院落
    Courtyard,
    /// 网格
    Grid,
}

/// Courtyard or grid (院落 / 网格) inside a community.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "Courtyard")
)]
pub struct Courtyard {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    pub name: String,
    pub kind: CourtyardKind,
    pub households: Option<i32>,
}
