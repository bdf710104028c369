//! Kinds of records kept for a time, and their periods.

use chrono::{DateTime, Utc};

/// A kind of record with a retention period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, sqlx::Type)]
#[cfg_attr(feature = "graphql", derive(async_graphql::Enum))]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum RetentionKind {
    /// 审计日志: at least six months (网络安全法 art. 21).
    AuditLog,
    /// 登录限速: failed sign-ins counted per name and address.
    LoginThrottle,
    /// 短信验证码: one-time codes sent to phones.
    PhoneCodes,
    /// 幂等键: answers kept so a request sent twice runs once.
    RequestKeys,
    /// 个人信息副本: archives made for people to download.
    PersonalExports,
    /// 消息: people's notifications and their deliveries, in each community.
    Notifications,
    /// 导出文件: registers, ledgers, certificates and figures made for download.
    Exports,
    /// 已归档社区: how long an archived community keeps its people's data before every person
    /// in it is erased (the anonymous records stay).
    ArchivedCommunities,
}

impl RetentionKind {
    pub const ALL: [RetentionKind; 8] = [
        RetentionKind::AuditLog,
        RetentionKind::LoginThrottle,
        RetentionKind::PhoneCodes,
        RetentionKind::RequestKeys,
        RetentionKind::PersonalExports,
        RetentionKind::Notifications,
        RetentionKind::Exports,
        RetentionKind::ArchivedCommunities,
    ];

    /// The shortest period the law allows.
    pub fn least_hours(self) -> i32 {
        match self {
            RetentionKind::AuditLog => 4392,
            // A month to undo an archiving made by mistake.
            RetentionKind::ArchivedCommunities => 720,
            _ => 1,
        }
    }
}

/// A kind's period as set.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RetentionPeriod {
    pub kind: RetentionKind,
    pub keep_hours: i32,
    pub set_at: DateTime<Utc>,
}

/// What one run of the purge removed, by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Purged {
    pub audit_log: u64,
    pub login_throttle: u64,
    pub phone_codes: u64,
    pub request_keys: u64,
    pub personal_exports: u64,
    pub exports: u64,
    /// Archived communities whose people were erased.
    pub archived_communities: u64,
}

impl Purged {
    pub fn total(&self) -> u64 {
        self.audit_log
            + self.login_throttle
            + self.phone_codes
            + self.request_keys
            + self.personal_exports
            + self.exports
            + self.archived_communities
    }
}
