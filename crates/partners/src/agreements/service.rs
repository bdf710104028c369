//! The rules of co-building agreements.

use crate::organisations::model::MemberRole;
use chrono::{Datelike, Months, NaiveDate};
use infra::OnViolation;
use infra::{AppError, AppResult};
use tenancy::{CommunityCtx, Roles, Tenancy};
use uuid::Uuid;

use super::db::{self, NewAgreement};
use super::model::*;
use crate::error::{Missing, PartnersError};

/// Dashboard figure: activities held under co-building agreements, on the day held.
pub const ACTIVITIES: &str = "partners.agreement_activities";

/// The figures recounted from the agreements themselves (the dashboards' rebuild): activities
/// held, and the activities committed, which a trigger keeps
/// (`migrations/community/partners/0034_figures.sql`, the same `commitment_days`).
pub async fn figures(conn: &mut sqlx::PgConnection) -> AppResult<Vec<(String, NaiveDate, i64)>> {
    Ok(sqlx::query_as(
        "SELECT $1, held_on, count(*) FROM agreement_activities WHERE voided_at IS NULL
          GROUP BY held_on
         UNION ALL
         SELECT 'partners.commitments', d.day, sum(d.count)::bigint
           FROM agreement_commitments c JOIN agreements a ON a.id = c.agreement_id,
                commitment_days(a.starts_on, a.ends_on, c.per, c.count) AS d
          GROUP BY d.day",
    )
    .bind(ACTIVITIES)
    .fetch_all(conn)
    .await?)
}

pub struct AgreementInput {
    pub organisation_id: Uuid,
    pub team_id: Option<Uuid>,
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub commitments: Vec<(CommitmentKind, Per, i32)>,
}

/// The organisation's people see its agreements; staff see all. `None`: everything.
async fn visible_organisations(t: &Tenancy, ctx: &CommunityCtx) -> AppResult<Option<Vec<Uuid>>> {
    if ctx.is_staff() {
        return Ok(None);
    }
    let mut conn = t.db().pool().acquire().await?;
    let mine =
        crate::organisations::db::organisations_of(&mut conn, ctx.access().account_id).await?;
    Ok(Some(mine.into_iter().map(|(o, _)| o.id).collect()))
}

/// Staff sign an agreement with an organisation approved in the community (or one of its
/// teams), with its commitments.
pub async fn sign(t: &Tenancy, ctx: &CommunityCtx, a: AgreementInput) -> AppResult<Agreement> {
    ctx.require(Roles::STAFF)?;
    let title = a.title.trim();
    if !(1..=100).contains(&title.chars().count())
        || a.ends_on < a.starts_on
        || (a.ends_on - a.starts_on).num_days() > 3660
        || a.commitments.is_empty()
        || a.commitments.len() > 10
        || a.commitments.iter().any(|c| !(1..=1000).contains(&c.2))
    {
        return Err(AppError::from(PartnersError::BadAgreement));
    }
    let (community, path) = t.locate_community(&ctx.tenant().slug).await?;
    let mut conn = t.db().pool().acquire().await?;
    let org = crate::organisations::db::approved_in(&mut conn, community, &path)
        .await?
        .into_iter()
        .find(|o| o.id == a.organisation_id)
        .ok_or(PartnersError::NotApproved)?;
    let team = match a.team_id {
        Some(id) => Some(
            crate::organisations::db::team(&mut conn, id)
                .await?
                .filter(|t| t.organisation_id == org.id)
                .ok_or(PartnersError::NotFound(Missing::Team))?,
        ),
        None => None,
    };
    drop(conn);
    let mut tx = ctx.tx().await?;
    let row = db::insert(
        &mut tx,
        &NewAgreement {
            organisation: (org.id, &org.name),
            team: team.as_ref().map(|t| (t.id, t.name.as_str())),
            title,
            starts_on: a.starts_on,
            ends_on: a.ends_on,
            signed_by: ctx.access().account_id,
        },
    )
    .await?;
    for (kind, per, count) in a.commitments {
        db::insert_commitment(&mut tx, row.id, kind, per, count)
            .await
            .on_violation(|v| {
                v.is_unique()
                    .then(|| AppError::from(PartnersError::CommitmentGivenTwice))
            })?;
    }
    tx.commit().await?;
    Ok(row)
}

/// What the caller is in partner organisations: each organisation with their role, and their
/// teams — read from the platform before the community transaction opens.
struct Partnering {
    organisations: Vec<(Uuid, MemberRole)>,
    teams: Vec<Uuid>,
}

async fn partnering(t: &Tenancy, ctx: &CommunityCtx) -> AppResult<Partnering> {
    if ctx.is_staff() {
        return Ok(Partnering {
            organisations: Vec::new(),
            teams: Vec::new(),
        });
    }
    let me = ctx.access().account_id;
    let mut conn = t.db().pool().acquire().await?;
    let organisations = crate::organisations::db::organisations_of(&mut conn, me)
        .await?
        .into_iter()
        .map(|(o, role)| (o.id, role))
        .collect();
    let teams = crate::organisations::db::teams_of(&mut conn, me).await?;
    Ok(Partnering {
        organisations,
        teams,
    })
}

/// May the caller record for this agreement: staff; the agreement's team (its leader and
/// members); for an agreement with the whole organisation, its admins. Anyone else of the
/// organisation is refused, and an agreement of another organisation is not found.
fn may_record(ctx: &CommunityCtx, mine: &Partnering, a: &Agreement) -> AppResult<()> {
    if ctx.is_staff() {
        return Ok(());
    }
    let role = mine
        .organisations
        .iter()
        .find(|(o, _)| *o == a.organisation_id)
        .map(|(_, r)| *r)
        .ok_or(PartnersError::NotFound(Missing::Agreement))?;
    let allowed = match a.team_id {
        Some(team) => mine.teams.contains(&team),
        None => role == MemberRole::Admin,
    };
    if allowed {
        Ok(())
    } else {
        Err(AppError::forbidden())
    }
}

/// The course, shift or event an activity names exists in this community.
async fn reference_exists(
    conn: &mut sqlx::PgConnection,
    kind: ActivityKind,
    reference: Option<Uuid>,
) -> AppResult<()> {
    let found = match (kind, reference) {
        (ActivityKind::Course, Some(id)) => courses::api::course_exists(conn, id).await?,
        (ActivityKind::Event, Some(id)) => courses::api::event_exists(conn, id).await?,
        (ActivityKind::Shift, Some(id)) => volunteers::api::shift_exists(conn, id).await?,
        (ActivityKind::Other, None) => true,
        _ => false,
    };
    if found {
        Ok(())
    } else {
        Err(PartnersError::NotFound(Missing::ActivityReference).into())
    }
}

/// Record an activity held under an agreement: staff, or the agreement's own team (see
/// `may_record`). A course, shift or event it names must exist in the community.
pub async fn record_activity(
    t: &Tenancy,
    ctx: &CommunityCtx,
    agreement: Uuid,
    kind: ActivityKind,
    reference: Option<Uuid>,
    title: &str,
    held_on: NaiveDate,
) -> AppResult<Activity> {
    ctx.require(Roles::PARTNERS)?;
    let title = title.trim();
    if !(1..=100).contains(&title.chars().count())
        || (kind == ActivityKind::Other) != reference.is_none()
    {
        return Err(AppError::from(PartnersError::BadActivity));
    }
    let mine = partnering(t, ctx).await?;
    let mut tx = ctx.tx().await?;
    let a = db::get(&mut tx, agreement)
        .await?
        .ok_or(PartnersError::NotFound(Missing::Agreement))?;
    may_record(ctx, &mine, &a)?;
    if held_on < a.starts_on || held_on > a.ends_on {
        return Err(AppError::from(PartnersError::ActivityOutsidePeriod));
    }
    reference_exists(&mut tx, kind, reference).await?;
    let row = db::insert_activity(
        &mut tx,
        a.id,
        kind,
        reference,
        title,
        held_on,
        ctx.access().account_id,
    )
    .await?
    .ok_or_else(|| AppError::from(PartnersError::ActivityRecorded))?;
    infra::figures::record(&mut tx, ACTIVITIES, held_on, 1).await?;
    tx.commit().await?;
    Ok(row)
}

/// Void an activity recorded under an agreement (staff), with the reason: it is kept and
/// marked, and no longer counts as delivered, here or in the district's figures. Once.
pub async fn void_activity(
    ctx: &CommunityCtx,
    activity: Uuid,
    reason: &str,
) -> AppResult<Activity> {
    ctx.require(Roles::STAFF)?;
    let reason = crate::text(reason, 1, 200, "作废原因", "The reason")?;
    let mut tx = ctx.tx().await?;
    let a = db::lock_activity(&mut tx, activity)
        .await?
        .ok_or(PartnersError::NotFound(Missing::Activity))?;
    if a.voided_at.is_some() {
        return Err(AppError::from(PartnersError::EntryVoid));
    }
    let a = db::void_activity(&mut tx, a.id, ctx.access().account_id, reason).await?;
    infra::figures::record(&mut tx, ACTIVITIES, a.held_on, -1).await?;
    tx.commit().await?;
    Ok(a)
}

/// An agreement with its commitments, activities and delivery.
pub struct AgreementView {
    pub agreement: Agreement,
    pub commitments: Vec<Commitment>,
    pub activities: Vec<Activity>,
    pub delivery: Vec<Delivery>,
}

/// The agreements the caller may see (staff: all; a partner's people: their organisation's).
pub async fn agreements(t: &Tenancy, ctx: &CommunityCtx) -> AppResult<Vec<AgreementView>> {
    ctx.require(Roles::PARTNERS)?;
    let visible = visible_organisations(t, ctx).await?;
    let mut tx = ctx.tx().await?;
    let rows = db::list(&mut tx, visible.as_deref()).await?;
    let ids: Vec<Uuid> = rows.iter().map(|a| a.id).collect();
    let commitments = db::commitments(&mut tx, &ids).await?;
    let activities = db::activities(&mut tx, &ids).await?;
    tx.commit().await?;
    Ok(rows
        .into_iter()
        .map(|a| {
            let c: Vec<Commitment> = commitments
                .iter()
                .filter(|c| c.agreement_id == a.id)
                .copied()
                .collect();
            let act: Vec<Activity> = activities
                .iter()
                .filter(|x| x.agreement_id == a.id)
                .cloned()
                .collect();
            AgreementView {
                delivery: delivery(&a, &c, &act),
                agreement: a,
                commitments: c,
                activities: act,
            }
        })
        .collect())
}

/// The calendar periods of `per` that meet [from, to], clipped to it.
fn periods(per: Per, from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
    let months = match per {
        Per::Month => 1,
        Per::Quarter => 3,
        Per::Year => 12,
        Per::Period => return vec![(from, to)],
    };
    let first_month = (from.month0() / months) * months;
    let mut start = NaiveDate::from_ymd_opt(from.year(), first_month + 1, 1).expect("date");
    let mut out = Vec::new();
    while start <= to {
        let next = start.checked_add_months(Months::new(months)).expect("date");
        out.push((start.max(from), (next.pred_opt().expect("date")).min(to)));
        start = next;
    }
    out
}

/// Commitments against delivery, period by period.
pub fn delivery(
    a: &Agreement,
    commitments: &[Commitment],
    activities: &[Activity],
) -> Vec<Delivery> {
    let mut out = Vec::new();
    for c in commitments {
        for (from, to) in periods(c.per, a.starts_on, a.ends_on) {
            let held = activities
                .iter()
                .filter(|x| x.voided_at.is_none())
                .filter(|x| c.kind.counts(x.kind) && x.held_on >= from && x.held_on <= to)
                .count() as i32;
            out.push(Delivery {
                kind: c.kind,
                per: c.per,
                from,
                to,
                committed: c.count,
                held,
            });
        }
    }
    out
}
