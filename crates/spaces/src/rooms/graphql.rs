//! The GraphQL face of the spaces themselves: their rules, hours, closures, photos and use.

use crate::rooms::model::BookableBy;
use crate::rooms::model::SpaceKind;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject, Upload};
use chrono::NaiveTime;
use infra::graphql::Date;
use infra::{AppError, AppResult};
use tenancy::graphql::community;

use super::{model, service};
use crate::error::SpacesError;
use crate::graphql::{Res, upload_bytes, uuid};

#[derive(InputObject)]
pub struct SpaceRulesInput {
    space_id: ID,
    capacity: i32,
    courtyard_id: Option<ID>,
    #[graphql(default)]
    amenities: Vec<String>,
    bookable_by: BookableBy,
    window_days: i32,
    min_minutes: i32,
    max_minutes: i32,
    needs_approval: bool,
    #[graphql(default)]
    points_per_hour: i32,
}

/// Opening hours of one weekday (1 = Monday … 7 = Sunday), "08:30" to "21:00".
#[derive(InputObject, SimpleObject)]
#[graphql(input_name = "OpeningSpanInput", name = "OpeningSpan")]
pub struct OpeningSpanGql {
    weekday: i32,
    opens: String,
    closes: String,
}

/// A photo's short-lived links.
#[derive(SimpleObject)]
#[graphql(name = "SpacePhoto")]
pub struct SpacePhotoGql {
    id: ID,
    url: String,
    thumb_url: String,
}

impl From<super::photos::PhotoLinks> for SpacePhotoGql {
    fn from(p: super::photos::PhotoLinks) -> Self {
        SpacePhotoGql {
            id: ID(p.id.to_string()),
            url: p.url,
            thumb_url: p.thumb_url,
        }
    }
}

fn time(s: &str) -> AppResult<NaiveTime> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .map_err(|_| AppError::from(SpacesError::BadTimeOfDay))
}

/// How a space was used in a month.
#[derive(SimpleObject)]
#[graphql(name = "SpaceUsage")]
pub struct SpaceUsageGql {
    space: model::Space,
    open_hours: f64,
    booked_hours: f64,
    /// booked ÷ open hours.
    utilisation: f64,
    bookings: i64,
    no_shows: i64,
    no_show_rate: f64,
}

/// A day a space is closed whatever its hours say.
#[derive(SimpleObject)]
#[graphql(name = "SpaceClosure")]
pub struct SpaceClosureGql {
    on: Date,
    reason: Option<String>,
}

/// When a space is open: its weekly hours and the days it is closed.
#[derive(SimpleObject)]
#[graphql(name = "SpaceOpening")]
pub struct SpaceOpeningGql {
    hours: Vec<OpeningSpanGql>,
    closures: Vec<SpaceClosureGql>,
}

fn span(s: model::OpeningSpan) -> OpeningSpanGql {
    OpeningSpanGql {
        weekday: s.weekday,
        opens: s.opens.format("%H:%M").to_string(),
        closes: s.closes.format("%H:%M").to_string(),
    }
}

#[derive(Default)]
pub struct RoomsQuery;

#[Object]
impl RoomsQuery {
    /// A space's photos (links valid for 15 minutes).
    /// A space's weekly opening hours and its closures over `days` days from `from`.
    async fn space_opening(
        &self,
        ctx: &Context<'_>,
        space_id: ID,
        from: Date,
        #[graphql(default = 62)] days: i32,
    ) -> Res<SpaceOpeningGql> {
        let (hours, closures) =
            service::opening(community(ctx)?, uuid(&space_id)?, from.0, days).await?;
        Ok(SpaceOpeningGql {
            hours: hours.into_iter().map(span).collect(),
            closures: closures
                .into_iter()
                .map(|c| SpaceClosureGql {
                    on: Date(c.on_date),
                    reason: c.reason,
                })
                .collect(),
        })
    }

    async fn space_photos(&self, ctx: &Context<'_>, space_id: ID) -> Res<Vec<SpacePhotoGql>> {
        let rows = super::photos::space_photos(community(ctx)?, uuid(&space_id)?).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// Each space's use in a month ("2026-12"): booked against open hours, no-shows (staff).
    async fn space_usage(&self, ctx: &Context<'_>, month: String) -> Res<Vec<SpaceUsageGql>> {
        let m = chrono::NaiveDate::parse_from_str(&format!("{}-01", month.trim()), "%Y-%m-%d")
            .ok()
            .filter(|d| (2000..=2100).contains(&chrono::Datelike::year(d)))
            .ok_or_else(|| AppError::from(SpacesError::BadMonth))?;
        let rows = super::usage::space_usage(community(ctx)?, m, chrono::Utc::now()).await?;
        Ok(rows
            .into_iter()
            .map(|u| SpaceUsageGql {
                open_hours: u.open_hours,
                booked_hours: u.booked_hours,
                utilisation: u.utilisation(),
                bookings: u.bookings,
                no_shows: u.no_shows,
                no_show_rate: u.no_show_rate(),
                space: u.space,
            })
            .collect())
    }

    /// Shared spaces and function rooms of the community, with their booking rules.
    async fn spaces(&self, ctx: &Context<'_>) -> Res<Vec<model::Space>> {
        let rows = service::spaces(community(ctx)?).await?;
        Ok(rows.into_iter().collect())
    }
}

#[derive(Default)]
pub struct RoomsMutation;

#[Object]
impl RoomsMutation {
    /// Add a space (staff); its rules start at the defaults (residents may book, 30 days ahead,
    /// 30 minutes to 4 hours, free) and it has no opening hours until they are set.
    async fn create_space(
        &self,
        ctx: &Context<'_>,
        name: String,
        kind: SpaceKind,
        capacity: i32,
    ) -> Res<model::Space> {
        let s = service::create_space(community(ctx)?, &name, kind, capacity)
            .await?
            .ok_or_else(|| AppError::from(SpacesError::SpaceNameTaken))?;
        Ok(s)
    }

    /// Add a photo of a space (staff; GraphQL multipart; JPEG, PNG or WebP, metadata stripped).
    async fn upload_space_photo(
        &self,
        ctx: &Context<'_>,
        space_id: ID,
        file: Upload,
    ) -> Res<SpacePhotoGql> {
        let bytes = upload_bytes(ctx, file)?;
        let p = super::photos::upload_space_photo(community(ctx)?, uuid(&space_id)?, bytes).await?;
        Ok(p.into())
    }

    /// Set a space's booking rules (staff).
    async fn set_space_rules(
        &self,
        ctx: &Context<'_>,
        input: SpaceRulesInput,
    ) -> Res<model::Space> {
        let rules = service::SpaceRules {
            capacity: input.capacity,
            courtyard_id: input.courtyard_id.as_ref().map(uuid).transpose()?,
            amenities: input.amenities,
            bookable_by: input.bookable_by,
            window_days: input.window_days,
            min_minutes: input.min_minutes,
            max_minutes: input.max_minutes,
            needs_approval: input.needs_approval,
            points_per_hour: input.points_per_hour,
        };
        let s = service::set_space_rules(community(ctx)?, uuid(&input.space_id)?, rules).await?;
        Ok(s)
    }

    /// Replace a space's weekly opening hours (staff).
    async fn set_opening_hours(
        &self,
        ctx: &Context<'_>,
        space_id: ID,
        spans: Vec<OpeningSpanGql>,
    ) -> Res<Vec<OpeningSpanGql>> {
        let spans = spans
            .iter()
            .map(|s| {
                Ok(model::OpeningSpan {
                    weekday: s.weekday,
                    opens: time(&s.opens)?,
                    closes: time(&s.closes)?,
                })
            })
            .collect::<AppResult<Vec<_>>>()?;
        let rows = service::set_opening_hours(community(ctx)?, uuid(&space_id)?, spans).await?;
        Ok(rows.into_iter().map(span).collect())
    }

    /// Close a space for a day (a holiday, a repair), whatever its hours say (staff).
    async fn close_space_on(
        &self,
        ctx: &Context<'_>,
        space_id: ID,
        on: Date,
        reason: Option<String>,
    ) -> Res<bool> {
        service::close_space_on(community(ctx)?, uuid(&space_id)?, on.0, reason.as_deref()).await?;
        Ok(true)
    }
}
