//! The rules of 双报到.

use std::collections::BTreeMap;

use infra::{AppResult, OnViolation};
use notifications::{Notice, NoticeKind};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db::{self, NewReport};
use super::model::*;
use crate::error::{GovernanceError as E, Missing};

/// What a party member reports.
pub struct ReportInput {
    pub workplace: String,
    pub organisation_id: Option<Uuid>,
    pub party_organisation: String,
    pub skills: Vec<String>,
    pub services: Vec<String>,
}

fn list(items: &[String], what: &str) -> AppResult<Vec<String>> {
    if items.len() > 20 {
        return Err(E::BadList.into());
    }
    items
        .iter()
        .map(|s| Ok(infra::input::text(s, 1, 30, what, "An item")?.to_owned()))
        .collect()
}

/// A member reports in (双报到) as an employed party member; one open report at a time.
pub async fn report_in(ctx: &CommunityCtx, r: ReportInput) -> AppResult<PartyReport> {
    ctx.require(Roles::MEMBERS)?;
    let workplace = infra::input::text(&r.workplace, 1, 100, "工作单位", "The workplace")?;
    let party = infra::input::text(
        &r.party_organisation,
        1,
        100,
        "所在党组织",
        "The party organisation",
    )?;
    let skills = list(&r.skills, "特长")?;
    let services = list(&r.services, "认领服务")?;
    let me = ctx.access();
    let mut tx = ctx.tx().await?;
    let report = db::insert(
        &mut tx,
        &NewReport {
            account_id: me.account_id,
            name: &me.display_name,
            workplace,
            organisation_id: r.organisation_id,
            party_organisation: party,
            skills: &skills,
            services: &services,
        },
    )
    .await
    .on_constraint("party_reports_open", || E::AlreadyReported)?;
    tx.commit().await?;
    Ok(report)
}

/// My open report, if any.
pub async fn my_report(ctx: &CommunityCtx) -> AppResult<Option<PartyReport>> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    Ok(db::open(&mut tx, Some(ctx.access().account_id))
        .await?
        .pop())
}

/// Everyone reported in (staff).
pub async fn reports(ctx: &CommunityCtx) -> AppResult<Vec<PartyReport>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    Ok(db::open(&mut tx, None).await?)
}

/// Its member (or staff) ends a report (moved away, retired); once.
pub async fn end(ctx: &CommunityCtx, id: Uuid) -> AppResult<PartyReport> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    let r = db::get(&mut tx, id)
        .await?
        .ok_or(E::NotFound(Missing::PartyReport))?;
    if r.account_id != ctx.access().account_id && !ctx.is_staff() {
        return Err(E::NotReporter.into());
    }
    let ended = db::end(&mut tx, id).await?.ok_or(E::AlreadyEnded)?;
    tx.commit().await?;
    Ok(ended)
}

/// Each workplace's party members reported in and their verified service, most first (staff):
/// what the community tells a workplace its members did.
pub async fn by_workplace(ctx: &CommunityCtx) -> AppResult<Vec<WorkplaceService>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let open = db::open(&mut tx, None).await?;
    let accounts: Vec<Uuid> = open.iter().map(|r| r.account_id).collect();
    let minutes: BTreeMap<Uuid, i64> =
        volunteers::api::registry::verified_minutes(&mut tx, &accounts)
            .await?
            .into_iter()
            .collect();
    let mut tally: BTreeMap<(String, Option<Uuid>), (i32, i64)> = BTreeMap::new();
    for r in open {
        let t = tally.entry((r.workplace, r.organisation_id)).or_default();
        t.0 += 1;
        t.1 += minutes.get(&r.account_id).copied().unwrap_or(0);
    }
    let mut out: Vec<WorkplaceService> = tally
        .into_iter()
        .map(
            |((workplace, organisation_id), (members, verified_minutes))| WorkplaceService {
                workplace,
                organisation_id,
                members,
                verified_minutes,
            },
        )
        .collect();
    out.sort_by_key(|w| std::cmp::Reverse(w.verified_minutes));
    Ok(out)
}

/// Staff write to every party member reported in (their inbox and their channels), in one
/// transaction; how many were told.
pub async fn notify(ctx: &CommunityCtx, title: &str, body: &str) -> AppResult<u64> {
    ctx.require(Roles::STAFF)?;
    let title = infra::input::text(title, 1, 100, "通知标题", "The title")?;
    let body = infra::input::text(body, 1, 2000, "通知内容", "The text")?;
    let about = format!("party_notice:{}", Uuid::now_v7());
    let mut tx = ctx.tx().await?;
    let notices: Vec<Notice> = db::open(&mut tx, None)
        .await?
        .into_iter()
        .map(|r| Notice {
            account_id: r.account_id,
            kind: NoticeKind::PartyNotice,
            about: about.clone(),
            title: title.to_owned(),
            body: body.to_owned(),
        })
        .collect();
    let told = notifications::enqueue(&mut tx, &notices).await?;
    tx.commit().await?;
    Ok(told)
}

/// The figures the trigger keeps, recounted for a rebuild.
pub async fn figures(
    conn: &mut sqlx::PgConnection,
) -> AppResult<Vec<(String, chrono::NaiveDate, i64)>> {
    Ok(db::figures(conn).await?)
}
