use async_graphql::{Context, Object, SimpleObject};

use super::{model, service};

#[derive(SimpleObject)]
#[graphql(name = "ListKind")]
pub struct ListKindGql {
    code: String,
    name: String,
    position: i32,
}

impl From<model::ListKind> for ListKindGql {
    fn from(k: model::ListKind) -> Self {
        ListKindGql {
            code: k.code,
            name: k.name,
            position: k.position,
        }
    }
}

#[derive(Default)]
pub struct ListsQuery;

#[Object]
impl ListsQuery {
    /// The kinds of the community's "three lists" (三张清单), in order.
    async fn list_kinds(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ListKindGql>> {
        let scope = tenancy::graphql::community(ctx)?;
        let rows = service::list_kinds(scope).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}
