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
        err.extensions = Some(ext);
        err
    }
}

/// The community this request was admitted to, or a clear error when the request named none.
pub fn community<'a>(
    ctx: &async_graphql::Context<'a>,
) -> Result<&'a crate::tenant::CommunityScope, AppError> {
    ctx.data_opt::<crate::tenant::CommunityScope>()
        .ok_or_else(|| {
            AppError::bad_input(
                "此操作需要指定社区（X-Community 请求头）",
                "This operation needs a community (the X-Community header)",
            )
        })
}
