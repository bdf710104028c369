//! The one error type that every service returns and the gateway turns into a GraphQL error.
//!
//! `AppError` deliberately does not implement `Display`: async-graphql converts anything that
//! does into a plain error without `extensions.code`, and we want a forgotten conversion to be a
//! compile error rather than a lost code.

use std::borrow::Cow;

/// Stable codes clients can switch on (`extensions.code`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    BadUserInput,
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict,
    CommunitySuspended,
    /// The community is being moved to another cluster: it serves reads only.
    CommunityReadOnly,
    /// Another cluster serves the community now.
    CommunityMoved,
    RateLimited,
    /// The time bank refuses a movement that would take an account below zero.
    InsufficientPoints,
    /// A reward has no stock left.
    OutOfStock,
    /// A money fund (基金) cannot pay this much.
    InsufficientFunds,
    /// The database cancelled a statement that ran, or waited for a lock, past its limit.
    Timeout,
    /// An erasure waits for something of the person's that must stay open until it ends.
    ErasureBlocked,
    Internal,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::BadUserInput => "BAD_USER_INPUT",
            ErrorCode::Unauthenticated => "UNAUTHENTICATED",
            ErrorCode::Forbidden => "FORBIDDEN",
            ErrorCode::NotFound => "NOT_FOUND",
            ErrorCode::Conflict => "CONFLICT",
            ErrorCode::CommunitySuspended => "COMMUNITY_SUSPENDED",
            ErrorCode::CommunityReadOnly => "COMMUNITY_READ_ONLY",
            ErrorCode::CommunityMoved => "COMMUNITY_MOVED",
            ErrorCode::RateLimited => "RATE_LIMITED",
            ErrorCode::InsufficientPoints => "INSUFFICIENT_POINTS",
            ErrorCode::OutOfStock => "OUT_OF_STOCK",
            ErrorCode::InsufficientFunds => "INSUFFICIENT_FUNDS",
            ErrorCode::Timeout => "TIMEOUT",
            ErrorCode::ErasureBlocked => "ERASURE_BLOCKED",
            ErrorCode::Internal => "INTERNAL",
        }
    }
}

type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

/// An error with a code, a Chinese message (default) and an English one.
pub struct AppError {
    pub code: ErrorCode,
    pub zh: Cow<'static, str>,
    pub en: Cow<'static, str>,
    /// The kind of input the error is about (`slug`, `loginName`, `phone` …), when it is about
    /// one: sent as `extensions.field`, so a form shows the message next to that field.
    pub field: Option<&'static str>,
    /// For `Internal` only: the cause, logged once and never shown.
    cause: Option<Cause>,
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn new(
        code: ErrorCode,
        zh: impl Into<Cow<'static, str>>,
        en: impl Into<Cow<'static, str>>,
    ) -> Self {
        AppError {
            code,
            zh: zh.into(),
            en: en.into(),
            field: None,
            cause: None,
        }
    }

    /// The same error, about one kind of input (see `field`).
    pub fn on_field(mut self, field: &'static str) -> Self {
        self.field = Some(field);
        self
    }

    pub fn bad_input(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Self {
        Self::new(ErrorCode::BadUserInput, zh, en)
    }

    pub fn not_found(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Self {
        Self::new(ErrorCode::NotFound, zh, en)
    }

    pub fn conflict(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Self {
        Self::new(ErrorCode::Conflict, zh, en)
    }

    pub fn unauthenticated() -> Self {
        Self::new(
            ErrorCode::Unauthenticated,
            "请先登录",
            "Please sign in first",
        )
    }

    pub fn forbidden() -> Self {
        Self::new(
            ErrorCode::Forbidden,
            "您没有权限执行此操作",
            "You are not allowed to do this",
        )
    }

    /// A write to a community that is being moved to another cluster.
    pub fn read_only() -> Self {
        Self::new(
            ErrorCode::CommunityReadOnly,
            "本社区正在迁移，暂时只能查看，不能修改；请稍后再试",
            "This community is being moved: it is read-only for now; please try again later",
        )
    }

    pub fn internal(cause: impl Into<Cause>) -> Self {
        AppError {
            code: ErrorCode::Internal,
            zh: "服务器内部错误，请稍后再试".into(),
            en: "Internal server error, please try again later".into(),
            field: None,
            cause: Some(cause.into()),
        }
    }

    pub fn cause(&self) -> Option<&(dyn std::error::Error + Send + Sync + 'static)> {
        self.cause.as_deref()
    }
}

impl std::fmt::Debug for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppError")
            .field("code", &self.code.as_str())
            .field("en", &self.en)
            .field("cause", &self.cause.as_ref().map(|c| c.to_string()))
            .finish()
    }
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        // Constraint violations that reach here were not mapped at their call site: they are
        // still the user's doing, so they must not become a 500-like INTERNAL.
        if let sqlx::Error::Database(db) = &e {
            match db.code().as_deref() {
                Some("23505") => {
                    return AppError::conflict("记录已存在", "This record already exists");
                }
                Some("23503") | Some("23514") | Some("22001") | Some("22P02") => {
                    return AppError::bad_input("输入的数据无效", "The input is not valid");
                }
                Some("42501") => return AppError::forbidden(),
                // a transaction of a community being moved (`Tenant::read_only`)
                Some("25006") => return AppError::read_only(),
                // the serving login's statement_timeout (or a cancelled query)
                Some("57014") => {
                    return AppError::new(
                        ErrorCode::Timeout,
                        "查询时间过长，已停止；请缩小时间范围或稍后再试",
                        "The request took too long and was stopped; try a shorter period or again later",
                    );
                }
                // the serving login's lock_timeout
                Some("55P03") => {
                    return AppError::new(
                        ErrorCode::Timeout,
                        "数据正忙，请稍后再试",
                        "The data is busy; please try again shortly",
                    );
                }
                _ => {}
            }
        }
        AppError::internal(e)
    }
}

impl From<std::io::Error> for AppError {
    fn from(e: std::io::Error) -> Self {
        AppError::internal(e)
    }
}
