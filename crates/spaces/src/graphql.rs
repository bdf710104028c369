use async_graphql::{Context, ID, Object, SimpleObject};

use crate::{model, service};

#[derive(SimpleObject)]
#[graphql(name = "Space")]
pub struct SpaceGql {
    id: ID,
    name: String,
    kind: String,
    capacity: i32,
}

impl From<model::Space> for SpaceGql {
    fn from(s: model::Space) -> Self {
        SpaceGql {
            id: ID(s.id.to_string()),
            name: s.name,
            kind: s.kind,
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
