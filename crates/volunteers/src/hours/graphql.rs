//! The GraphQL face of service hours.

use super::model;
use crate::registry::model::Volunteer;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use infra::graphql::{Date, parse_id as uuid};
use tenancy::graphql::community;

use super::service::{self as svc, HoursInput};
use infra::graphql::Res;

/// 志愿服务记录: verified hours and points, and every record.
#[derive(SimpleObject)]
#[graphql(name = "VolunteerStatement")]
pub struct StatementGql {
    volunteer: Volunteer,
    verified_minutes: i64,
    points_earned: i64,
    balance: i64,
    first_served: Option<Date>,
    last_served: Option<Date>,
    hours: Vec<model::Hours>,
}

#[derive(InputObject)]
pub struct RecordHoursInput {
    /// Staff: whose hours; leave out for one's own.
    volunteer_id: Option<ID>,
    post_id: Option<ID>,
    shift_id: Option<ID>,
    served_on: Date,
    minutes: i32,
    /// A collective card of which the volunteer is a member, to credit instead.
    card_id: Option<ID>,
}

/// A generated file behind a link that works for 15 minutes.
#[derive(SimpleObject)]
#[graphql(name = "VolunteerCertificate")]
pub struct CertificateGql {
    filename: String,
    url: String,
    bytes: i64,
    /// The verified minutes it certifies.
    minutes: i64,
}

#[derive(InputObject)]
pub struct HoursEntryInput {
    volunteer_id: ID,
    minutes: i32,
}

#[derive(Default)]
pub struct VolunteerHoursQuery;

#[Object]
impl VolunteerHoursQuery {
    /// Hours waiting for verification, oldest first (staff).
    async fn pending_volunteer_hours(&self, ctx: &Context<'_>) -> Res<Vec<model::Hours>> {
        let rows = svc::pending(community(ctx)?).await?;
        Ok(rows.into_iter().collect())
    }

    /// A volunteer's statement of hours and points: one's own, or any (staff).
    async fn volunteer_statement(
        &self,
        ctx: &Context<'_>,
        volunteer_id: Option<ID>,
    ) -> Res<StatementGql> {
        let s = svc::statement(
            community(ctx)?,
            volunteer_id.as_ref().map(uuid).transpose()?,
        )
        .await?;
        Ok(StatementGql {
            volunteer: s.volunteer,
            verified_minutes: s.verified_minutes,
            points_earned: s.points_earned,
            balance: s.balance,
            first_served: s.first_served.map(Into::into),
            last_served: s.last_served.map(Into::into),
            hours: s.hours.into_iter().collect(),
        })
    }
}

#[derive(Default)]
pub struct VolunteerHoursMutation;

#[Object]
impl VolunteerHoursMutation {
    /// Record hours: one's own, or a volunteer's (staff).
    async fn record_volunteer_hours(
        &self,
        ctx: &Context<'_>,
        input: RecordHoursInput,
    ) -> Res<model::Hours> {
        let h = HoursInput {
            volunteer_id: input.volunteer_id.as_ref().map(uuid).transpose()?,
            post_id: input.post_id.as_ref().map(uuid).transpose()?,
            shift_id: input.shift_id.as_ref().map(uuid).transpose()?,
            served_on: input.served_on.0,
            minutes: input.minutes,
            card_id: input.card_id.as_ref().map(uuid).transpose()?,
        };
        Ok(svc::record(community(ctx)?, h).await?)
    }

    /// Staff enter an activity's sheet at once: a post, a day, each volunteer's minutes.
    async fn record_volunteer_hours_batch(
        &self,
        ctx: &Context<'_>,
        post_id: ID,
        served_on: Date,
        entries: Vec<HoursEntryInput>,
    ) -> Res<Vec<model::Hours>> {
        let entries = entries
            .iter()
            .map(|e| Ok((uuid(&e.volunteer_id)?, e.minutes)))
            .collect::<Result<Vec<_>, infra::AppError>>()?;
        let rows =
            svc::record_batch(community(ctx)?, uuid(&post_id)?, served_on.0, &entries).await?;
        Ok(rows.into_iter().collect())
    }

    /// The shift's leader (or staff) records the whole shift at once.
    async fn record_shift_hours(
        &self,
        ctx: &Context<'_>,
        shift_id: ID,
        minutes: Option<i32>,
    ) -> Res<Vec<model::Hours>> {
        let rows = svc::record_shift(community(ctx)?, uuid(&shift_id)?, minutes).await?;
        Ok(rows.into_iter().collect())
    }

    /// Verify hours (staff): their points are paid in the same transaction.
    async fn verify_volunteer_hours(
        &self,
        ctx: &Context<'_>,
        hours_ids: Vec<ID>,
    ) -> Res<Vec<model::Hours>> {
        let ids = hours_ids.iter().map(uuid).collect::<Result<Vec<_>, _>>()?;
        let rows = svc::verify_all(community(ctx)?, &ids).await?;
        Ok(rows.into_iter().collect())
    }

    /// The certificate of service (志愿服务记录证明) as PDF: one's own, or a volunteer's
    /// (staff), for a period (default: all up to today).
    async fn issue_volunteer_certificate(
        &self,
        ctx: &Context<'_>,
        volunteer_id: Option<ID>,
        from: Option<Date>,
        to: Option<Date>,
    ) -> Res<CertificateGql> {
        let f = super::certificate::issue(
            community(ctx)?,
            volunteer_id.as_ref().map(uuid).transpose()?,
            from.map(|d| d.0),
            to.map(|d| d.0),
        )
        .await?;
        Ok(CertificateGql {
            filename: f.filename,
            url: f.url,
            bytes: f.bytes as i64,
            minutes: f.minutes,
        })
    }

    /// Decline hours with a reason (staff); the record stays, marked.
    async fn decline_volunteer_hours(
        &self,
        ctx: &Context<'_>,
        hours_id: ID,
        reason: String,
    ) -> Res<model::Hours> {
        Ok(svc::decline(community(ctx)?, uuid(&hours_id)?, &reason).await?)
    }
}
