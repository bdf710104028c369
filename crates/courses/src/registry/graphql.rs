//! The GraphQL face of the registry.

use std::collections::HashMap;

use async_graphql::connection::Connection;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject, Upload};
use infra::graphql::Date;

use super::import::MAX_BYTES;
use super::model::LinkStatus;
use super::newcomers;
use super::service::{self as svc, LinkOutcome, ResidentInput, ResidentSearch, RowOutcome};
use crate::graphql::*;
use crate::learners::graphql::LearnerGql;
use tenancy::signup::SignUpStatus;

/// A resident of the registry as staff and grid workers see it.
#[derive(SimpleObject)]
#[graphql(name = "Resident")]
pub struct ResidentGql {
    id: ID,
    name: String,
    birth_date: Option<Date>,
    age: Option<i32>,
    courtyard_id: Option<ID>,
    /// 138****5678
    phone_masked: Option<String>,
    /// The household (户).
    household: Option<String>,
    /// The resident signed up and linked their account.
    has_account: bool,
    /// Their account, once linked: the time bank and other accounts' features know a
    /// resident by it (a volunteer, a points account, a card's member).
    account_id: Option<ID>,
    /// Entered by a worker (入户登记) rather than by the resident.
    entered_by_worker: bool,
}

pub(crate) fn resident(r: svc::Resident) -> ResidentGql {
    let l = r.learner;
    ResidentGql {
        id: id(l.id),
        age: l.age(),
        name: l.name,
        birth_date: l.birth_date.map(Date),
        courtyard_id: l.courtyard_id.map(id),
        phone_masked: r.phone_masked,
        household: l.household.clone(),
        has_account: l.account_id.is_some(),
        account_id: l.account_id.map(id),
        entered_by_worker: l.registered_by.is_some(),
    }
}

/// What became of a request to link one's account to one's registry record.
#[derive(SimpleObject)]
#[graphql(name = "RecordLink")]
pub struct RecordLinkGql {
    status: LinkStatus,
    /// The record, once linked.
    learner: Option<LearnerGql>,
}

/// A resident's request to be linked to a record, as staff decide it.
#[derive(SimpleObject)]
#[graphql(name = "RecordLinkRequest")]
pub struct LinkRequestGql {
    id: ID,
    account_id: ID,
    account_name: String,
    claimed_name: String,
    /// The number the resident gave, masked.
    phone_masked: Option<String>,
    /// The record the name and number point to, if any.
    resident_id: Option<ID>,
    status: LinkStatus,
    requested_at: chrono::DateTime<chrono::Utc>,
}

impl From<svc::LinkRequestView> for LinkRequestGql {
    fn from(v: svc::LinkRequestView) -> Self {
        let r = v.request;
        LinkRequestGql {
            id: id(r.id),
            account_id: id(r.account_id),
            account_name: r.account_name,
            claimed_name: r.claimed_name,
            phone_masked: v.phone_masked,
            resident_id: r.learner_id.map(id),
            status: r.status,
            requested_at: r.requested_at,
        }
    }
}

#[derive(InputObject)]
pub struct RegisterResidentInput {
    name: String,
    birth_date: Option<Date>,
    courtyard_id: Option<ID>,
    phone: Option<String>,
    /// The household (户) as the door reads: "3栋2单元501" — what 入户摸底 coverage counts.
    household: Option<String>,
}

/// One row of an import and what became of it.
#[derive(SimpleObject)]
#[graphql(name = "ImportRow")]
pub struct ImportRowGql {
    /// The row's number in the file (the header is row 1).
    line: i32,
    /// CREATED, EXISTING (same phone number: that record) or INVALID.
    outcome: String,
    resident_id: Option<ID>,
    /// Why a row was refused (Chinese).
    message: Option<String>,
    message_en: Option<String>,
}

#[derive(SimpleObject)]
#[graphql(name = "ImportReport")]
pub struct ImportReportGql {
    created: i32,
    existing: i32,
    invalid: i32,
    rows: Vec<ImportRowGql>,
}

#[derive(Default)]
pub struct RegistryQuery;

#[Object]
impl RegistryQuery {
    /// Residents' requests to be linked to their records (staff), waiting ones by default.
    async fn record_link_requests(
        &self,
        ctx: &Context<'_>,
        #[graphql(default_with = "LinkStatus::Pending")] status: LinkStatus,
    ) -> Res<Vec<LinkRequestGql>> {
        let s: LinkStatus = status;
        let rows = svc::link_requests(community(ctx)?, s).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// Find residents (staff and grid workers): part of a name, a courtyard or grid, an age
    /// band, a phone number (matched by its lookup hash, never stored in plaintext).
    #[allow(clippy::too_many_arguments)]
    async fn residents(
        &self,
        ctx: &Context<'_>,
        name: Option<String>,
        courtyard_id: Option<ID>,
        min_age: Option<i32>,
        max_age: Option<i32>,
        phone: Option<String>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Res<Connection<String, ResidentGql>> {
        let limit = crate::paging::page_limit(first)?;
        let a = self::after(&after)?;
        let search = ResidentSearch {
            name,
            courtyard_id: opt_uuid(&courtyard_id)?,
            min_age,
            max_age,
            phone,
        };
        let rows = svc::residents(community(ctx)?, search, a, limit + 1).await?;
        Ok(page(rows, limit, a.is_some(), |r| r.learner.id, resident))
    }
}

#[derive(Default)]
pub struct RegistryMutation;

#[Object]
impl RegistryMutation {
    /// Enter a resident (入户登记; staff and grid workers).
    async fn register_resident(
        &self,
        ctx: &Context<'_>,
        input: RegisterResidentInput,
    ) -> Res<ResidentGql> {
        let r = svc::register_resident(
            community(ctx)?,
            ResidentInput {
                name: input.name,
                birth_date: input.birth_date.map(|d| d.0),
                courtyard_id: opt_uuid(&input.courtyard_id)?,
                phone: input.phone,
                household: input.household,
            },
        )
        .await?;
        Ok(resident(r))
    }

    /// A copy of everything this community holds about a resident (个人信息副本), for a
    /// resident who asks at the counter (staff; audited): a zip of JSON, CSV and photos.
    async fn export_registry_record_data(
        &self,
        ctx: &Context<'_>,
        learner_id: ID,
    ) -> Res<tenancy::privacy::graphql::DataExportGql> {
        Ok(svc::export_record_data(community(ctx)?, uuid(&learner_id)?)
            .await?
            .into())
    }

    /// Import residents from a CSV (UTF-8) or XLSX file (GraphQL multipart): a header row with
    /// 姓名 and any of 出生日期, 院落 (a courtyard or grid name), 手机号, 户 (门牌); a report per
    /// row.
    async fn import_residents(&self, ctx: &Context<'_>, file: Upload) -> Res<ImportReportGql> {
        let s = community(ctx)?;
        let bytes = infra::graphql::read_upload(ctx, file, MAX_BYTES)?;
        // Courtyards are tenancy's: their names come through its service, not its table.
        let courtyards: HashMap<String, uuid::Uuid> = ctx
            .data::<tenancy::Tenancy>()?
            .courtyards(s)
            .await?
            .into_iter()
            .map(|c| (c.name, c.id))
            .collect();
        let report = svc::import_residents(s, &bytes, &courtyards).await?;
        Ok(ImportReportGql {
            created: report.count(|o| matches!(o, RowOutcome::Created(_))) as i32,
            existing: report.count(|o| matches!(o, RowOutcome::Existing(_))) as i32,
            invalid: report.count(|o| matches!(o, RowOutcome::Invalid(..))) as i32,
            rows: report
                .rows
                .into_iter()
                .map(|(line, o)| {
                    let (outcome, resident_id, message, message_en) = match o {
                        RowOutcome::Created(i) => ("CREATED", Some(id(i)), None, None),
                        RowOutcome::Existing(i) => ("EXISTING", Some(id(i)), None, None),
                        RowOutcome::Invalid(zh, en) => ("INVALID", None, Some(zh), Some(en)),
                    };
                    ImportRowGql {
                        line: line as i32,
                        outcome: outcome.into(),
                        resident_id,
                        message,
                        message_en,
                    }
                })
                .collect(),
        })
    }

    /// Link my account to the record a worker entered for me: at once when its phone number
    /// is my account's verified one (give the name on it; `phone` may be left out), otherwise
    /// staff confirm it in person (PENDING), whatever matched.
    async fn link_my_record(
        &self,
        ctx: &Context<'_>,
        name: String,
        phone: Option<String>,
    ) -> Res<RecordLinkGql> {
        let t = ctx.data::<tenancy::Tenancy>()?;
        let out = svc::link_my_record(t, community(ctx)?, &name, phone.as_deref()).await?;
        Ok(match out {
            LinkOutcome::Linked(l) => RecordLinkGql {
                status: LinkStatus::Linked,
                learner: Some(l.into()),
            },
            LinkOutcome::Pending => RecordLinkGql {
                status: LinkStatus::Pending,
                learner: None,
            },
        })
    }

    /// Sign up through a community's invitation with name, phone number, password and the
    /// code sent to the phone (no sign-in needed; counted per address). The login name is the
    /// phone number. A resident at once — or waiting for staff where the community asked for
    /// that — and linked to the record staff entered when its number and name match.
    async fn sign_up(&self, ctx: &Context<'_>, input: SignUpInput) -> Res<SignUpPayload> {
        let t = ctx.data::<tenancy::Tenancy>()?;
        let store = ctx.data::<infra::storage::ObjectStore>()?;
        let from = tenancy::graphql::client_addr(ctx);
        let (signed, learner) = newcomers::sign_up(t, store, from, input.into()).await?;
        Ok(SignUpPayload {
            status: signed.status,
            login: tenancy::auth::graphql::LoginPayload::new(t, signed.token),
            learner: learner.map(Into::into),
        })
    }

    /// Join another community through its invitation, signed in (a resident who moved).
    async fn join_community(
        &self,
        ctx: &Context<'_>,
        community: String,
        code: String,
    ) -> Res<JoinPayload> {
        let t = ctx.data::<tenancy::Tenancy>()?;
        let store = ctx.data::<infra::storage::ObjectStore>()?;
        let p = tenancy::graphql::principal(ctx)?;
        let (status, learner) = newcomers::join_community(t, store, p, &community, &code).await?;
        Ok(JoinPayload {
            status,
            learner: learner.map(Into::into),
        })
    }

    /// Confirm a newcomer as a resident (staff), who then meets their record; or decline.
    async fn decide_sign_up(
        &self,
        ctx: &Context<'_>,
        account_id: ID,
        accept: bool,
    ) -> Res<DecidedSignUp> {
        let t = ctx.data::<tenancy::Tenancy>()?;
        let (r, learner) =
            newcomers::decide_sign_up(t, community(ctx)?, uuid(&account_id)?, accept).await?;
        Ok(DecidedSignUp {
            request: tenancy::signup::graphql::SignUpRequestGql::new(t, r),
            learner: learner.map(Into::into),
        })
    }

    /// Decide a request to be linked (staff): link it to the record it points to, or to
    /// `residentId`, or decline it.
    async fn decide_record_link(
        &self,
        ctx: &Context<'_>,
        request_id: ID,
        approve: bool,
        resident_id: Option<ID>,
    ) -> Res<LinkRequestGql> {
        let r = svc::decide_link_request(
            community(ctx)?,
            uuid(&request_id)?,
            approve,
            resident_id.as_ref().map(uuid).transpose()?,
        )
        .await?;
        Ok(svc::LinkRequestView {
            request: r,
            phone_masked: None,
        }
        .into())
    }
}

#[derive(InputObject)]
pub struct SignUpInput {
    /// The community's slug, from the invitation.
    community: String,
    /// The invitation's code (case and spaces do not matter).
    invitation: String,
    display_name: String,
    phone: String,
    password: String,
    /// The one-time code sent to the phone (`requestPhoneCode`).
    code: String,
}

impl From<SignUpInput> for tenancy::signup::SignUpInput {
    fn from(i: SignUpInput) -> Self {
        tenancy::signup::SignUpInput {
            community: i.community,
            invitation: i.invitation,
            display_name: i.display_name,
            phone: i.phone,
            password: i.password,
            code: i.code,
        }
    }
}

/// What signing up gave: a session, where the newcomer stands, and their record if it was
/// found.
#[derive(SimpleObject)]
pub struct SignUpPayload {
    status: SignUpStatus,
    login: tenancy::auth::graphql::LoginPayload,
    learner: Option<LearnerGql>,
}

#[derive(SimpleObject)]
pub struct JoinPayload {
    status: SignUpStatus,
    learner: Option<LearnerGql>,
}

#[derive(SimpleObject)]
pub struct DecidedSignUp {
    request: tenancy::signup::graphql::SignUpRequestGql,
    learner: Option<LearnerGql>,
}

/// 入户摸底 coverage of one courtyard or grid: households in the registry against the
/// households it has.
#[derive(SimpleObject)]
pub struct CourtyardCoverage {
    courtyard_id: ID,
    name: String,
    kind: tenancy::model::CourtyardKind,
    /// Households the courtyard has (null when staff have not said).
    households: Option<i32>,
    /// Households with at least one resident in the registry.
    visited: i64,
    /// visited / households (null without households).
    rate: Option<f64>,
}

/// 入户摸底 coverage of the community (0陌生): households in the registry against the
/// community's households, and per courtyard or grid.
#[derive(SimpleObject)]
pub struct HouseholdCoverage {
    households: Option<i32>,
    visited: i64,
    rate: Option<f64>,
    /// Households visited whose records name no courtyard or grid.
    unplaced: i64,
    courtyards: Vec<CourtyardCoverage>,
}

fn rate(visited: i64, households: Option<i32>) -> Option<f64> {
    households
        .filter(|h| *h > 0)
        .map(|h| visited as f64 / f64::from(h))
}

#[derive(Default)]
pub struct CoverageQuery;

#[Object]
impl CoverageQuery {
    /// 入户摸底 coverage (0陌生): households in the registry against households, per
    /// courtyard or grid and for the community (staff).
    async fn household_coverage(&self, ctx: &Context<'_>) -> Res<HouseholdCoverage> {
        let c = community(ctx)?;
        let t = ctx.data::<tenancy::Tenancy>()?;
        let visited: HashMap<Option<uuid::Uuid>, i64> =
            svc::households_visited(c).await?.into_iter().collect();
        let households = t.community_households(c).await?;
        let total: i64 = visited.values().sum();
        Ok(HouseholdCoverage {
            households,
            visited: total,
            rate: rate(total, households),
            unplaced: visited.get(&None).copied().unwrap_or(0),
            courtyards: t
                .courtyards(c)
                .await?
                .into_iter()
                .map(|y| {
                    let v = visited.get(&Some(y.id)).copied().unwrap_or(0);
                    CourtyardCoverage {
                        courtyard_id: id(y.id),
                        rate: rate(v, y.households),
                        name: y.name,
                        kind: y.kind,
                        households: y.households,
                        visited: v,
                    }
                })
                .collect(),
        })
    }
}
