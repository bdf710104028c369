//! The GraphQL face of the farm.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject, Union, Upload};
use chrono::{DateTime, Utc};
use infra::graphql::Date;
use tenancy::graphql::{community, tenancy};

use super::model;
use super::service::{self as svc, ClaimOutcome, SeasonInput};
use crate::graphql::{Res, uuid};
use infra::graphql::id;

#[derive(SimpleObject)]
#[graphql(name = "FarmPlot")]
pub struct PlotGql {
    id: ID,
    /// The farm (a space of kind FARM) the plot lies in.
    space_id: ID,
    code: String,
    area_m2: f64,
}

impl From<model::Plot> for PlotGql {
    fn from(p: model::Plot) -> Self {
        PlotGql {
            id: id(p.id),
            space_id: id(p.space_id),
            code: p.code,
            area_m2: p.area_m2,
        }
    }
}

/// One on a season's waiting list (候补), in order.
#[derive(SimpleObject)]
#[graphql(name = "PlotWaiter")]
pub struct WaiterGql {
    position: i32,
    name: String,
}

/// My place on a season's waiting list.
#[derive(SimpleObject)]
#[graphql(name = "MyPlotWaiting")]
pub struct MyWaitingGql {
    season_id: ID,
    position: i64,
}

/// My plots and places on the waiting lists (我的菜地).
#[derive(SimpleObject)]
#[graphql(name = "MyFarm")]
pub struct MyFarmGql {
    /// The latest first.
    claims: Vec<ClaimGql>,
    waiting: Vec<MyWaitingGql>,
}

/// A duty recorded on a plot (农事记录).
#[derive(SimpleObject)]
#[graphql(name = "PlotDuty")]
pub struct DutyGql {
    /// WATERING, WEEDING, SOWING, FERTILISING or HARVEST.
    kind: String,
    note: Option<String>,
    done_at: DateTime<Utc>,
    photo_url: Option<String>,
    thumb_url: Option<String>,
}

#[derive(SimpleObject)]
#[graphql(name = "PlotClaim")]
pub struct ClaimGql {
    id: ID,
    plot_id: ID,
    season_id: ID,
    active: bool,
    claimed_at: DateTime<Utc>,
    last_duty_at: Option<DateTime<Utc>>,
    /// Warned for neglect and not tended since.
    warned: bool,
    /// The tender's name (staff's listing; empty elsewhere).
    holder_name: String,
}

impl From<model::Claim> for ClaimGql {
    fn from(c: model::Claim) -> Self {
        ClaimGql {
            id: id(c.id),
            plot_id: id(c.plot_id),
            season_id: id(c.season_id),
            active: c.status == model::ClaimStatus::Active,
            claimed_at: c.claimed_at,
            last_duty_at: c.last_duty_at,
            warned: c.warned_at.is_some(),
            holder_name: String::new(),
        }
    }
}

/// On the waiting list for a plot.
#[derive(SimpleObject)]
#[graphql(name = "PlotWaiting")]
pub struct WaitingGql {
    position: i64,
}

#[derive(Union)]
#[graphql(name = "PlotClaimOutcome")]
pub enum OutcomeGql {
    Claimed(ClaimGql),
    Waiting(WaitingGql),
}

#[derive(InputObject)]
pub struct FarmSeasonInput {
    name: String,
    starts_on: Date,
    ends_on: Date,
    /// Before this day only last season's tenders in good standing may renew.
    claims_open_on: Date,
    #[graphql(default = 14)]
    neglect_days: i32,
}

#[derive(InputObject)]
pub struct PlotInput {
    code: String,
    area_m2: f64,
}

#[derive(Default)]
pub struct FarmQuery;

#[Object]
impl FarmQuery {
    /// The farm seasons running today or to come (their claims or renewals ahead), or every
    /// season (`all`, staff: past ones too).
    async fn farm_seasons(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] all: bool,
    ) -> Res<Vec<model::Season>> {
        let c = community(ctx)?;
        let rows = if all {
            svc::all_seasons(c).await?
        } else {
            svc::open_seasons(c).await?
        };
        Ok(rows.into_iter().collect())
    }

    /// Every plot of the community's farms, by farm and code.
    async fn farm_plots(&self, ctx: &Context<'_>) -> Res<Vec<PlotGql>> {
        let rows = svc::plots(community(ctx)?).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// A season's claims, active and past, with their tenders' names (staff).
    async fn farm_claims(&self, ctx: &Context<'_>, season_id: ID) -> Res<Vec<ClaimGql>> {
        let rows = svc::season_claims(community(ctx)?, uuid(&season_id)?).await?;
        let accounts: Vec<_> = rows.iter().map(|c| c.account_id).collect();
        let names = tenancy(ctx).display_names(&accounts).await?;
        Ok(rows
            .into_iter()
            .map(|c| {
                let holder_name = names.get(&c.account_id).cloned().unwrap_or_default();
                ClaimGql {
                    holder_name,
                    ..c.into()
                }
            })
            .collect())
    }

    /// My plots (claims, the latest first) and my places on waiting lists.
    async fn my_farm(&self, ctx: &Context<'_>) -> Res<MyFarmGql> {
        let (claims, places) = svc::my_farm(community(ctx)?).await?;
        Ok(MyFarmGql {
            claims: claims.into_iter().map(Into::into).collect(),
            waiting: places
                .into_iter()
                .map(|(season, position)| MyWaitingGql {
                    season_id: id(season),
                    position,
                })
                .collect(),
        })
    }

    /// A season's waiting list, in order (staff).
    async fn farm_waiting(&self, ctx: &Context<'_>, season_id: ID) -> Res<Vec<WaiterGql>> {
        let rows = svc::waiting(community(ctx)?, uuid(&season_id)?).await?;
        let names = tenancy(ctx).display_names(&rows).await?;
        Ok(rows
            .iter()
            .zip(1..)
            .map(|(a, position)| WaiterGql {
                position,
                name: names.get(a).cloned().unwrap_or_default(),
            })
            .collect())
    }

    /// A claim's duties, newest first, with photos (its tender, or staff).
    async fn plot_duties(&self, ctx: &Context<'_>, claim_id: ID) -> Res<Vec<DutyGql>> {
        let rows = svc::duties(community(ctx)?, uuid(&claim_id)?).await?;
        Ok(rows
            .into_iter()
            .map(|d| {
                let (photo_url, thumb_url) = d.photo.unzip();
                DutyGql {
                    kind: d.kind.to_uppercase(),
                    note: d.note,
                    done_at: d.done_at,
                    photo_url,
                    thumb_url,
                }
            })
            .collect())
    }
}

#[derive(Default)]
pub struct FarmMutation;

#[Object]
impl FarmMutation {
    /// A farm season (staff).
    async fn create_farm_season(
        &self,
        ctx: &Context<'_>,
        input: FarmSeasonInput,
    ) -> Res<model::Season> {
        let s = svc::create_season(
            community(ctx)?,
            SeasonInput {
                name: input.name,
                starts_on: input.starts_on.0,
                ends_on: input.ends_on.0,
                claims_open_on: input.claims_open_on.0,
                neglect_days: input.neglect_days,
            },
        )
        .await?;
        Ok(s)
    }

    /// Lay out plots in a farm space (staff).
    async fn add_farm_plots(
        &self,
        ctx: &Context<'_>,
        space_id: ID,
        plots: Vec<PlotInput>,
    ) -> Res<Vec<PlotGql>> {
        let plots = plots.into_iter().map(|p| (p.code, p.area_m2)).collect();
        let rows = svc::add_plots(community(ctx)?, uuid(&space_id)?, plots).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// Claim (认领) a plot for a season — this one, or any free one; the waiting list when all
    /// are taken.
    async fn claim_plot(
        &self,
        ctx: &Context<'_>,
        season_id: ID,
        plot_id: Option<ID>,
    ) -> Res<OutcomeGql> {
        let plot = plot_id.as_ref().map(uuid).transpose()?;
        let today = infra::local_time::today();
        Ok(
            match svc::claim_plot(community(ctx)?, uuid(&season_id)?, plot, today).await? {
                ClaimOutcome::Claimed(c) => OutcomeGql::Claimed(c.into()),
                ClaimOutcome::Waiting { position } => OutcomeGql::Waiting(WaitingGql { position }),
            },
        )
    }

    /// Renew last season's plot for the next, before its claims open (tenders in good standing).
    async fn renew_plot(
        &self,
        ctx: &Context<'_>,
        from_season_id: ID,
        to_season_id: ID,
        plot_id: ID,
    ) -> Res<ClaimGql> {
        let c = svc::renew_plot(
            community(ctx)?,
            uuid(&from_season_id)?,
            uuid(&to_season_id)?,
            uuid(&plot_id)?,
        )
        .await?;
        Ok(c.into())
    }

    /// Record a duty on my plot: WATERING, WEEDING, SOWING, FERTILISING or HARVEST (as text),
    /// with a photo if taken (GraphQL multipart).
    async fn record_plot_duty(
        &self,
        ctx: &Context<'_>,
        claim_id: ID,
        kind: String,
        note: Option<String>,
        photo: Option<Upload>,
    ) -> Res<bool> {
        let kind = kind.to_lowercase();
        let photo = photo
            .map(|p| crate::graphql::upload_bytes(ctx, p))
            .transpose()?;
        let c = uuid(&claim_id)?;
        svc::record_duty(
            community(ctx)?,
            c,
            &kind,
            note.as_deref(),
            Utc::now(),
            photo,
        )
        .await?;
        Ok(true)
    }
}
