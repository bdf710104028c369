//! Turning an `AppError` into an async-graphql error. Messages are Chinese first; the English
//! text travels in `extensions.messageEn` and the gateway swaps it in for `Accept-Language: en`.

use crate::error::{AppError, ErrorCode};

impl From<AppError> for async_graphql::Error {
    fn from(e: AppError) -> Self {
        if e.code == ErrorCode::Internal {
            // The one place an internal error is logged; the client sees no internals.
            tracing::error!(cause = ?e.cause().map(|c| c.to_string()), "internal error");
        }
        let mut err = async_graphql::Error::new(e.zh.into_owned());
        let mut ext = async_graphql::ErrorExtensionValues::default();
        ext.set("code", e.code.as_str());
        ext.set("messageEn", e.en.into_owned());
        if let Some(field) = e.field {
            ext.set("field", field);
        }
        err.extensions = Some(ext);
        err
    }
}

/// The same, for errors raised before execution (extensions that parse or check a document).
impl From<AppError> for async_graphql::ServerError {
    fn from(e: AppError) -> Self {
        let e = async_graphql::Error::from(e);
        let mut out = async_graphql::ServerError::new(e.message, None);
        out.extensions = e.extensions;
        out
    }
}

/// A calendar date in ISO 8601 (`2026-12-01`): the public name of dates in the schema (the
/// Rust type behind it is nobody's business).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub chrono::NaiveDate);

#[async_graphql::Scalar(name = "Date")]
impl async_graphql::ScalarType for Date {
    fn parse(value: async_graphql::Value) -> async_graphql::InputValueResult<Self> {
        match &value {
            async_graphql::Value::String(s) => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(Date)
                .map_err(|_| async_graphql::InputValueError::custom("a date is YYYY-MM-DD")),
            _ => Err(async_graphql::InputValueError::expected_type(value)),
        }
    }

    fn to_value(&self) -> async_graphql::Value {
        async_graphql::Value::String(self.0.format("%Y-%m-%d").to_string())
    }
}

impl From<chrono::NaiveDate> for Date {
    fn from(d: chrono::NaiveDate) -> Self {
        Date(d)
    }
}

/// What a resolver returns: every crate's one result type.
pub type Res<T> = async_graphql::Result<T>;

/// The schema's `ID`, for the models that derive their GraphQL type.
pub use async_graphql::ID;

/// A uuid as the schema's `ID`.
pub fn id(u: uuid::Uuid) -> async_graphql::ID {
    async_graphql::ID(u.to_string())
}

/// An optional uuid as an optional `ID` (a model's `derived` field).
pub fn opt_id(u: Option<uuid::Uuid>) -> Option<async_graphql::ID> {
    u.map(id)
}

/// An `ID` argument as the uuid it must be; anything else is the caller's mistake.
pub fn parse_id(id: &async_graphql::ID) -> crate::AppResult<uuid::Uuid> {
    uuid::Uuid::parse_str(id.as_str())
        .map_err(|_| AppError::bad_input("编号格式不正确", "The id is not valid"))
}

/// The bytes of an uploaded file (GraphQL multipart), reading at most `max + 1` so the caller
/// can refuse an oversized file as such without holding more.
pub fn read_upload(
    ctx: &async_graphql::Context<'_>,
    file: async_graphql::Upload,
    max: usize,
) -> crate::AppResult<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    file.value(ctx)
        .map_err(|_| AppError::bad_input("没有收到上传的文件", "The upload is missing"))?
        .into_read()
        .take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(AppError::from)?;
    Ok(bytes)
}
