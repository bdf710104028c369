//! A correction and what may be corrected.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

/// A field of a registry record (居民档案) that can be corrected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[cfg_attr(feature = "graphql", derive(async_graphql::Enum))]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum RecordField {
    /// 姓名
    Name,
    /// 出生日期
    BirthDate,
    /// 院落 / 网格
    Courtyard,
    /// 门牌（户）
    Household,
    /// 手机号
    Phone,
}

impl RecordField {
    pub fn as_str(self) -> &'static str {
        match self {
            RecordField::Name => "name",
            RecordField::BirthDate => "birth_date",
            RecordField::Courtyard => "courtyard",
            RecordField::Household => "household",
            RecordField::Phone => "phone",
        }
    }
}

/// What staff change; a field left out stays as it is.
#[derive(Debug, Clone, Default)]
pub struct RecordCorrection {
    pub name: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub courtyard_id: Option<Uuid>,
    pub household: Option<String>,
    pub phone: Option<String>,
}

/// A correction as recorded (更正记录).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Correction {
    pub id: Uuid,
    pub learner_id: Uuid,
    pub fields: Vec<RecordField>,
    pub reason: String,
    pub corrected_by: Uuid,
    pub corrected_at: DateTime<Utc>,
}
