//! `GET /ical/{community}/{account}/{space id | mine}/{token}.ics`: an iCalendar feed for a
//! calendar app. No login: the token in the path is the permission (see `spaces::feeds`), and
//! it is honoured only with its account's rights in the community today — a deactivated
//! account, or one without a role there any more, has no feed.

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use spaces::api::bookings::Feed;

use crate::app::AppState;

pub async fn feed(
    State(state): State<AppState>,
    Path((slug, account, target, file)): Path<(String, String, String, String)>,
) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, "not found").into_response();
    let (Ok(account), Some(feed), Some(token)) = (
        uuid::Uuid::parse_str(&account),
        Feed::parse(&target),
        file.strip_suffix(".ics"),
    ) else {
        return not_found();
    };
    let Some(ctx) = crate::gate::owner_ctx(&state, &slug, account).await else {
        return not_found();
    };
    match spaces::api::bookings::feed(&ctx, feed, token).await {
        Ok(ics) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (header::CACHE_CONTROL, "private, max-age=300"),
            ],
            ics,
        )
            .into_response(),
        Err(e) if e.code == infra::ErrorCode::NotFound => not_found(),
        Err(e) => crate::gate::error_response(crate::gate::status_of(e.code), e, false),
    }
}
