use async_graphql::{Context, Enum, ID, Object, SimpleObject};

use crate::{model, service};

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "SpaceKind", remote = "crate::model::SpaceKind")]
pub enum SpaceKindGql {
    FunctionRoom,
    CourtyardSpace,
    Stage,
    OutdoorYard,
    Farm,
}

#[derive(SimpleObject)]
#[graphql(name = "Space")]
pub struct SpaceGql {
    id: ID,
    name: String,
    kind: SpaceKindGql,
    capacity: i32,
}

impl From<model::Space> for SpaceGql {
    fn from(s: model::Space) -> Self {
        SpaceGql {
            id: ID(s.id.to_string()),
            name: s.name,
            kind: s.kind.into(),
            capacity: s.capacity,
        }
    }
}

#[derive(Default)]
pub struct SpacesQuery;

#[Object]
impl SpacesQuery {
    /// Shared spaces and function rooms of the community.
    async fn spaces(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<SpaceGql>> {
        let scope = tenancy::graphql::community(ctx)?;
        let rows = service::spaces(scope).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}
