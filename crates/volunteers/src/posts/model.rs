#[cfg(feature = "graphql")]
use infra::graphql::{ID, id, opt_id};
/// A kind of volunteer post (岗位类型).
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "VolunteerPostType")
)]
pub struct PostType {
    pub code: String,
    pub name: String,
}

/// A volunteer post (岗位) of a type, with its points rule.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "VolunteerPost")
)]
pub struct Post {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: uuid::Uuid,
    pub type_code: String,
    pub title: String,
    pub description: String,
    /// Points for each verified hour.
    pub points_per_hour: i32,
}

/// A shift (班次) of a post: when, where, how many are needed and have signed up.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "VolunteerShift")
)]
pub struct Shift {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: uuid::Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "post_id", into = "ID", with = "id", owned))
    )]
    pub post_id: uuid::Uuid,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub ends_at: chrono::DateTime<chrono::Utc>,
    pub place: String,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "space_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub space_id: Option<uuid::Uuid>,
    pub needed: i32,
    pub signed_up: i32,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "leader_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub leader_id: Option<uuid::Uuid>,
}

/// How many people a post's volunteers served on a day (服务人次), as staff counted them.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "VolunteerPeopleServed")
)]
pub struct PeopleServed {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "post_id", into = "ID", with = "id", owned))
    )]
    pub post_id: uuid::Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "served_on", into = "infra::graphql::Date", owned)
        )
    )]
    pub served_on: chrono::NaiveDate,
    pub people: i32,
}
