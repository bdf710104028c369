//! `GET /ical/{community}/{space|person}/{id}/{token}.ics`: an iCalendar feed for a calendar
//! app. No login: the token in the path is the permission (see `spaces::feeds`).

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use spaces::feeds::Feed;

use crate::app::AppState;

pub async fn feed(
    State(state): State<AppState>,
    Path((slug, kind, id, file)): Path<(String, String, String, String)>,
) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, "not found").into_response();
    let (Ok(id), Some(token)) = (uuid::Uuid::parse_str(&id), file.strip_suffix(".ics")) else {
        return not_found();
    };
    let feed = match kind.as_str() {
        "space" => Feed::Space(id),
        "person" => Feed::Person(id),
        _ => return not_found(),
    };
    let Some(ctx) = crate::gate::public_ctx(&state, &slug).await else {
        return not_found();
    };
    match spaces::feeds::feed(&ctx, feed, token).await {
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
