use async_graphql::{Context, Object, SimpleObject};
use infra::Db;

use crate::{model, service};

#[derive(SimpleObject)]
#[graphql(name = "CourseCategory")]
pub struct CourseCategoryGql {
    code: String,
    name: String,
    position: i32,
}

impl From<model::CourseCategory> for CourseCategoryGql {
    fn from(c: model::CourseCategory) -> Self {
        CourseCategoryGql {
            code: c.code,
            name: c.name,
            position: c.position,
        }
    }
}

#[derive(Default)]
pub struct CoursesQuery;

#[Object]
impl CoursesQuery {
    /// The community's course categories (课程类别), in display order.
    async fn course_categories(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<CourseCategoryGql>> {
        let scope = infra::graphql::community(ctx)?;
        let rows = service::categories(ctx.data_unchecked::<Db>(), scope).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}

#[derive(Default)]
pub struct CoursesMutation;

#[Object]
impl CoursesMutation {
    /// Add a course category to the community's list (staff).
    async fn add_course_category(
        &self,
        ctx: &Context<'_>,
        code: String,
        name: String,
    ) -> async_graphql::Result<CourseCategoryGql> {
        let scope = infra::graphql::community(ctx)?;
        Ok(
            service::add_category(ctx.data_unchecked::<Db>(), scope, &code, &name)
                .await?
                .into(),
        )
    }
}
