//! Meetings and follow-ups as types.

use chrono::{DateTime, NaiveDate, Utc};
#[cfg(feature = "graphql")]
use infra::graphql::{ID, id, opt_id};
use uuid::Uuid;

/// What kind of meeting (会议类型).
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "MeetingKind")
)]
pub enum MeetingKind {
    /// 民主协商会
    Consultation,
    /// 坝坝会
    CourtyardMeeting,
    /// 院落夜话
    EveningTalk,
    /// 三方周碰头
    TripartiteWeekly,
    /// 三方月例会
    TripartiteMonthly,
    /// 三方季通报
    TripartiteQuarterly,
    /// 三方年评议
    TripartiteYearly,
}

/// In which capacity people attended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "AttendeeRole")
)]
pub enum AttendeeRole {
    /// 党组织
    PartyOrganisation,
    /// 物业公司
    PropertyCompany,
    /// 业主委员会
    OwnersCommittee,
    /// 居民
    Residents,
    /// 社区工作人员
    Staff,
    /// 网格员
    GridWorkers,
    /// 共建单位
    Partner,
    Other,
}

/// A group of attendees: a role, the organisation (if one) and how many came.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject, async_graphql::InputObject),
    graphql(name = "MeetingAttendees", input_name = "MeetingAttendeesInput")
)]
pub struct Attendees {
    pub role: AttendeeRole,
    /// The organisation's name (某物业公司), or empty.
    pub organisation: String,
    pub people: i32,
}

/// A meeting as recorded.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "Meeting")
)]
pub struct Meeting {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    pub kind: MeetingKind,
    pub title: String,
    pub held_at: DateTime<Utc>,
    pub place: String,
    /// The courtyard or grid it concerns, if one.
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "courtyard_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub courtyard_id: Option<Uuid>,
    pub topics: Vec<String>,
    /// 会议纪要
    pub minutes: String,
    #[cfg_attr(feature = "graphql", graphql(skip))]
    pub recorded_by: Uuid,
}

/// Who answers for a follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "FollowUpOwnerKind")
)]
pub enum OwnerKind {
    /// A staff member's account.
    Staff,
    /// A grid worker's account.
    GridWorker,
    /// A partner team (its id).
    Team,
}

/// Where a follow-up stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "FollowUpStatus")
)]
pub enum FollowUpStatus {
    Open,
    /// 已办结
    Done,
    /// 已撤销, with a reason.
    Dropped,
}

/// A decision and its follow-up (决议与跟进).
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "FollowUp")
)]
pub struct FollowUp {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "meeting_id", into = "ID", with = "id", owned))
    )]
    pub meeting_id: Uuid,
    pub decision: String,
    pub owner_kind: OwnerKind,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "owner_id", into = "ID", with = "id", owned))
    )]
    pub owner_id: Uuid,
    pub owner_name: String,
    /// The courtyard it concerns: its residents read it.
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "courtyard_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub courtyard_id: Option<Uuid>,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "due_on", into = "infra::graphql::Date", owned))
    )]
    pub due_on: NaiveDate,
    pub status: FollowUpStatus,
    pub closed_at: Option<DateTime<Utc>>,
    pub drop_reason: Option<String>,
}

/// The period a cadence target counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "MeetingCadencePer")
)]
pub enum CadencePer {
    Week,
    Month,
    Quarter,
    Year,
}

/// A kind of meeting held at least `at_least` times each period (每周一碰头 …).
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "MeetingCadenceTarget")
)]
pub struct CadenceTarget {
    pub kind: MeetingKind,
    pub per: CadencePer,
    pub at_least: i32,
}

/// One period of a cadence report: its first day and the meetings held in it.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "MeetingCadencePeriod")
)]
pub struct CadencePeriod {
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "starts_on", into = "infra::graphql::Date", owned)
        )
    )]
    pub starts_on: NaiveDate,
    pub held: i32,
}
