use async_graphql::{Context, Object, SimpleObject};

use super::{model, service};

#[derive(SimpleObject)]
#[graphql(name = "VolunteerPostType")]
pub struct PostTypeGql {
    code: String,
    name: String,
}

impl From<model::PostType> for PostTypeGql {
    fn from(p: model::PostType) -> Self {
        PostTypeGql {
            code: p.code,
            name: p.name,
        }
    }
}

#[derive(Default)]
pub struct PostsQuery;

#[Object]
impl PostsQuery {
    /// Kinds of volunteer posts in the community (岗位类型).
    async fn volunteer_post_types(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<PostTypeGql>> {
        let scope = tenancy::graphql::community(ctx)?;
        let rows = service::post_types(scope).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}
