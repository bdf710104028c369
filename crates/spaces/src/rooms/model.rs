//! Spaces themselves (共享空间): their kind, who may book them, their rules, opening hours and
//! closures. Every status and kind an enum (an unknown value in a row is a decoding error).

use chrono::{NaiveDate, NaiveTime};
#[cfg(feature = "graphql")]
use infra::graphql::{ID, id, opt_id};
use uuid::Uuid;

/// What kind of place a space is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "SpaceKind")
)]
pub enum SpaceKind {
    /// 功能室 (书画室, 心理咨询室, 教室 …)
    FunctionRoom,
    /// 院落共享空间 (童趣园, 百文斋 …)
    CourtyardSpace,
    /// 舞台 (百姓舞台)
    Stage,
    /// 室外场地
    OutdoorYard,
    /// 生态农场
    Farm,
}

/// Who may book a space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "BookableBy")
)]
pub enum BookableBy {
    /// Any member of the community, for themselves, a club or a partner team.
    Residents,
    /// Clubs (社团) only, through their leaders or staff.
    Clubs,
    /// Partner teams (共建单位的团队) only, through their leaders and members or staff.
    Teams,
    /// Staff only.
    Staff,
}

/// A shared space (共享空间) of the community, with its booking rules.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "Space")
)]
pub struct Space {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    pub name: String,
    pub kind: SpaceKind,
    pub capacity: i32,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "courtyard_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub courtyard_id: Option<Uuid>,
    pub amenities: Vec<String>,
    pub bookable_by: BookableBy,
    /// How many days ahead a booking may start.
    pub window_days: i32,
    pub min_minutes: i32,
    pub max_minutes: i32,
    pub needs_approval: bool,
    /// Time-bank points per hour (0 = free).
    pub points_per_hour: i32,
}

/// Opening hours: a span of one ISO weekday (1 = Monday), in the community's time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct OpeningSpan {
    pub weekday: i32,
    pub opens: NaiveTime,
    pub closes: NaiveTime,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Closure {
    pub on_date: NaiveDate,
    pub reason: Option<String>,
}
