use uuid::Uuid;

/// What kind of place a space is. Stored as text; an unknown value is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
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

/// A shared space (共享空间) of the community.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Space {
    pub id: Uuid,
    pub name: String,
    pub kind: SpaceKind,
    pub capacity: i32,
}
