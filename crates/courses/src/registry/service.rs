//! The rules of the registry: staff and grid workers (Roles::PROXY) keep it; a resident links
//! their own account to their record by name and phone number.

use infra::{OnViolation, Violation, violates};
use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};
use infra::{AppError, AppResult, TenantTx};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db::{self, Filter, NewResident};
use super::import::{self, RawRow};
use super::model::{LinkRequest, LinkStatus};
use crate::error::{CoursesError, not_found};
use crate::model::*;

pub struct ResidentInput {
    pub name: String,
    pub birth_date: Option<NaiveDate>,
    pub courtyard_id: Option<Uuid>,
    pub phone: Option<String>,
    /// The household (户): "3栋2单元501".
    pub household: Option<String>,
}

/// A registry entry as staff see it: the phone number only masked.
#[derive(Debug, Clone)]
pub struct Resident {
    pub learner: Learner,
    pub phone_masked: Option<String>,
}

/// A phone number, normalised, as the registry stores it: encrypted, and its lookup hash.
pub(crate) fn phone_fields(ctx: &CommunityCtx, phone: &str) -> AppResult<(String, String)> {
    let p = tenancy::model::Phone::parse(phone).map_err(|_| CoursesError::InvalidPhone)?;
    Ok((
        ctx.secrets().encrypt(p.as_str()),
        ctx.secrets().lookup_hash(p.as_str()),
    ))
}

pub(crate) fn check_birth(b: NaiveDate) -> AppResult<NaiveDate> {
    if b.year() < 1900 || b > infra::local_time::today() {
        return Err(AppError::from(CoursesError::BadBirthDate));
    }
    Ok(b)
}

enum Outcome {
    Created(Learner),
    /// The phone number is in the registry already: that record.
    Existing(Learner),
}

/// Insert one resident inside a savepoint, so a refused row leaves the transaction usable.
async fn insert_one(
    ctx: &CommunityCtx,
    tx: &mut TenantTx,
    input: &ResidentInput,
) -> AppResult<Outcome> {
    let name = text(&input.name, 1, 50, "姓名", "The name")?;
    let birth_date = input.birth_date.map(check_birth).transpose()?;
    let household = match input.household.as_deref().map(str::trim) {
        Some(h) if !h.is_empty() => Some(text(h, 1, 50, "门牌（户）", "The household")?),
        _ => None,
    };
    let (phone_encrypted, phone_lookup) = match input.phone.as_deref().map(str::trim) {
        Some(p) if !p.is_empty() => {
            let (e, l) = phone_fields(ctx, p)?;
            (Some(e), Some(l))
        }
        _ => (None, None),
    };
    let new = NewResident {
        name,
        birth_date,
        courtyard_id: input.courtyard_id,
        phone_encrypted,
        phone_lookup: phone_lookup.clone(),
        registered_by: ctx.access().account_id,
        household,
    };
    let mut sp = sqlx::Connection::begin(&mut **tx).await?;
    match db::insert(&mut sp, &new).await {
        Ok(l) => {
            sp.commit().await?;
            Ok(Outcome::Created(l))
        }
        Err(e) if violates(&e, "learners_phone") => {
            sp.rollback().await?;
            let lookup = phone_lookup.expect("a phone conflict has a phone");
            let l = db::by_phone(tx, &lookup)
                .await?
                .ok_or_else(|| not_found("learner"))?;
            Ok(Outcome::Existing(l))
        }
        Err(e) if Violation::of(&e).is_some_and(|v| v.is_foreign_key()) => {
            sp.rollback().await?;
            Err(not_found("courtyard"))
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) fn resident_view(
    ctx: &CommunityCtx,
    learner: Learner,
    phone_encrypted: Option<&str>,
) -> Resident {
    let phone_masked = phone_encrypted
        .and_then(|e| ctx.secrets().decrypt(e))
        .map(|p| infra::crypto::mask_phone(&p));
    Resident {
        learner,
        phone_masked,
    }
}

/// A grid worker enters residents of their own grids only (naming one); staff anywhere.
fn in_reach(reach: &tenancy::Reach, courtyard: Option<Uuid>) -> AppResult<()> {
    if reach.covers(courtyard) {
        Ok(())
    } else {
        Err(CoursesError::OutsideGrids.into())
    }
}

/// Enter a resident (入户登记): staff, a grid worker in their grids, a 居民小组长 in their
/// courtyards. A phone number already in the registry is a CONFLICT: the resident is there.
pub async fn register_resident(ctx: &CommunityCtx, input: ResidentInput) -> AppResult<Resident> {
    ctx.require(Roles::ENTRY)?;
    let mut tx = ctx.tx().await?;
    in_reach(&ctx.entry_reach(&mut tx).await?, input.courtyard_id)?;
    let l = match insert_one(ctx, &mut tx, &input).await? {
        Outcome::Created(l) => l,
        Outcome::Existing(_) => return Err(CoursesError::ResidentExists.into()),
    };
    tx.commit().await?;
    let phone = input
        .phone
        .as_deref()
        .and_then(|p| tenancy::model::Phone::parse(p).ok());
    Ok(Resident {
        learner: l,
        phone_masked: phone.map(|p| infra::crypto::mask_phone(p.as_str())),
    })
}

/// Search filters as a worker asks: part of a name, a courtyard or grid, an age band, a phone
/// number.
#[derive(Debug, Default, Clone)]
pub struct ResidentSearch {
    pub name: Option<String>,
    pub courtyard_id: Option<Uuid>,
    pub min_age: Option<i32>,
    pub max_age: Option<i32>,
    pub phone: Option<String>,
}

/// Find residents (staff, grid workers and 居民小组长, each within their reach), by id
/// order, a page at a time.
pub async fn residents(
    ctx: &CommunityCtx,
    search: ResidentSearch,
    after: Option<Uuid>,
    limit: i64,
) -> AppResult<Vec<Resident>> {
    ctx.require(Roles::ENTRY)?;
    let today = infra::local_time::today();
    let bad_age = |a: Option<i32>| a.is_some_and(|a| !(0..=130).contains(&a));
    if bad_age(search.min_age)
        || bad_age(search.max_age)
        || matches!((search.min_age, search.max_age), (Some(a), Some(b)) if a > b)
    {
        return Err(CoursesError::BadAgeRange.into());
    }
    let years_ago = |n: i32| today.checked_sub_months(Months::new(12 * n as u32));
    let filter = Filter {
        name: search
            .name
            .as_deref()
            .map(|n| text(n, 1, 50, "姓名", "The name").map(str::to_owned))
            .transpose()?,
        courtyard_id: search.courtyard_id,
        // Aged at least `min`: born on or before today minus `min` years; at most `max`:
        // born after today minus `max + 1` years.
        born_to: search.min_age.and_then(years_ago),
        born_from: search
            .max_age
            .and_then(|m| years_ago(m + 1))
            .map(|d| d + chrono::Duration::days(1)),
        phone_lookup: search
            .phone
            .as_deref()
            .map(|p| phone_fields(ctx, p).map(|(_, l)| l))
            .transpose()?,
        grids: None,
    };
    let mut tx = ctx.tx().await?;
    let filter = Filter {
        grids: ctx
            .entry_reach(&mut tx)
            .await?
            .bound()
            .map(<[Uuid]>::to_vec),
        ..filter
    };
    let rows = db::search(&mut tx, &filter, after, limit).await?;
    tx.commit().await?;
    Ok(rows
        .into_iter()
        .map(|r| resident_view(ctx, r.learner, r.phone_encrypted.as_deref()))
        .collect())
}

/// What became of one row of an import.
#[derive(Debug, Clone)]
pub enum RowOutcome {
    Created(Uuid),
    /// Its phone number is in the registry: that record, unchanged.
    Existing(Uuid),
    /// Refused, with the reason a worker reads (Chinese, English).
    Invalid(String, String),
}

#[derive(Debug, Clone)]
pub struct ImportReport {
    /// (row number in the file, counting the header as 1; outcome)
    pub rows: Vec<(usize, RowOutcome)>,
}

impl ImportReport {
    pub fn count(&self, f: impl Fn(&RowOutcome) -> bool) -> usize {
        self.rows.iter().filter(|(_, o)| f(o)).count()
    }
}

/// Import residents from a CSV or XLSX file (staff and grid workers): columns 姓名, 出生日期,
/// 院落 (a courtyard or grid name of `courtyards`), 手机号. Each row is created, found
/// existing (same phone number) or refused with its reason; one transaction for the file.
pub async fn import_residents(
    ctx: &CommunityCtx,
    file: &[u8],
    courtyards: &HashMap<String, Uuid>,
) -> AppResult<ImportReport> {
    ctx.require(Roles::PROXY)?;
    let rows = import::parse(file)?;
    let mut tx = ctx.tx().await?;
    let reach = ctx.reach(&mut tx).await?;
    let mut report = ImportReport { rows: Vec::new() };
    for RawRow {
        line,
        name,
        birth_date,
        courtyard,
        phone,
        household,
    } in rows
    {
        let outcome = async {
            let courtyard_id = match courtyard.as_deref().map(str::trim) {
                Some(c) if !c.is_empty() => {
                    Some(*courtyards.get(c).ok_or_else(|| not_found("courtyard"))?)
                }
                _ => None,
            };
            in_reach(&reach, courtyard_id)?;
            let birth_date = birth_date
                .map(|b| b.map_err(|_| CoursesError::BadDate))
                .transpose()?;
            let input = ResidentInput {
                name,
                birth_date,
                courtyard_id,
                phone,
                household,
            };
            insert_one(ctx, &mut tx, &input).await
        }
        .await;
        report.rows.push((
            line,
            match outcome {
                Ok(Outcome::Created(l)) => RowOutcome::Created(l.id),
                Ok(Outcome::Existing(l)) => RowOutcome::Existing(l.id),
                Err(e) if e.code.as_str() == "INTERNAL" => return Err(e),
                Err(e) => RowOutcome::Invalid(e.zh.to_string(), e.en.to_string()),
            },
        ));
    }
    tx.commit().await?;
    Ok(report)
}

/// Link attempts per account and community within an hour before each further one waits.
pub const LINK_ATTEMPTS: i32 = 5;

/// What became of a resident's request to be linked to their record.
#[derive(Debug, Clone)]
pub enum LinkOutcome {
    /// The record was theirs by their verified phone number: linked.
    Linked(Learner),
    /// Waiting for staff to confirm in person (whether or not a record matched).
    Pending,
}

/// A resident links their own account to the record staff entered for them. Only the
/// account's own verified phone number proves it (the platform keeps whether it is verified):
/// the record with that number and the name given is linked at once. Anything else — no
/// verified number, another number — becomes a request staff confirm in person, answered the
/// same whether a record matched or not, so knowing a neighbour's name and number takes
/// nobody's record. Attempts are counted per account and community like failed logins
/// (`LINK_ATTEMPTS` an hour, then waits).
pub async fn link_my_record(
    t: &tenancy::Tenancy,
    ctx: &CommunityCtx,
    name: &str,
    phone: Option<&str>,
) -> AppResult<LinkOutcome> {
    ctx.require(Roles::MEMBERS)?;
    let me = ctx.access();
    t.reserve_attempt(
        &format!("link:{}:{}", ctx.tenant().community_id, me.account_id),
        LINK_ATTEMPTS,
    )
    .await?;
    let name = text(name, 1, 50, "姓名", "The name")?;
    let verified = t.verified_phone_lookup(me.account_id).await?;
    let verified_phone = verified.as_deref();
    let given = phone
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| phone_fields(ctx, p))
        .transpose()?;
    let mut tx = ctx.tx().await?;
    // The number given, or else the account's own; the record it and the name point to.
    let lookup = given.as_ref().map(|(_, l)| l.as_str()).or(verified_phone);
    let record = match lookup {
        Some(l) => db::by_phone(&mut tx, l).await?.filter(|r| r.name == name),
        None => None,
    };
    let proven = lookup.is_some() && lookup == verified_phone;
    if let Some(record) = record.as_ref().filter(|_| proven) {
        let linked = link(&mut tx, record.id, me.account_id).await?;
        tx.commit().await?;
        return Ok(LinkOutcome::Linked(linked));
    }
    db::upsert_link_request(
        &mut tx,
        (me.account_id, &me.display_name),
        name,
        given.as_ref().map(|(e, _)| e.as_str()),
        record.filter(|r| r.account_id.is_none()).map(|r| r.id),
    )
    .await?;
    tx.commit().await?;
    Ok(LinkOutcome::Pending)
}

/// Give an account its record; a record that has one (or an account that has a record) is
/// `RecordTaken`.
pub(crate) async fn link(tx: &mut TenantTx, record: Uuid, account: Uuid) -> AppResult<Learner> {
    db::link_account(tx, record, account)
        .await
        .on_violation(|v| v.is_unique().then_some(CoursesError::RecordTaken))?
        .ok_or_else(|| CoursesError::RecordTaken.into())
}

/// A request as staff see it: the phone number given, masked.
#[derive(Debug, Clone)]
pub struct LinkRequestView {
    pub request: LinkRequest,
    pub phone_masked: Option<String>,
}

/// Requests to be linked, by status (staff: they check the person at the counter).
pub async fn link_requests(
    ctx: &CommunityCtx,
    status: LinkStatus,
) -> AppResult<Vec<LinkRequestView>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let rows = db::link_requests(&mut tx, status).await?;
    tx.commit().await?;
    Ok(rows
        .into_iter()
        .map(|request| LinkRequestView {
            phone_masked: request
                .phone_encrypted
                .as_deref()
                .and_then(|e| ctx.secrets().decrypt(e))
                .map(|p| infra::crypto::mask_phone(&p)),
            request,
        })
        .collect())
}

/// Staff decide a request: link the account to the record (the one the request points to, or
/// `learner` when they found another), or decline it. Once.
pub async fn decide_link_request(
    ctx: &CommunityCtx,
    request: Uuid,
    approve: bool,
    learner: Option<Uuid>,
) -> AppResult<LinkRequest> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let r = db::lock_link_request(&mut tx, request)
        .await?
        .ok_or_else(|| not_found("learner"))?;
    if r.status != LinkStatus::Pending {
        return Err(AppError::from(CoursesError::RequestDecided));
    }
    let by = ctx.access().account_id;
    if !approve {
        let r = db::decide_link_request(&mut tx, r.id, LinkStatus::Declined, None, by).await?;
        tx.commit().await?;
        return Ok(r);
    }
    let record = learner
        .or(r.learner_id)
        .ok_or_else(|| AppError::from(CoursesError::RecordToLinkNeeded))?;
    link(&mut tx, record, r.account_id).await?;
    let r = db::decide_link_request(&mut tx, r.id, LinkStatus::Linked, Some(record), by).await?;
    tx.commit().await?;
    Ok(r)
}

/// 入户摸底 coverage (0陌生): the households in the registry, per courtyard or grid (`None`:
/// records placed in none). Staff; the households each place has are the tenancy's.
pub async fn households_visited(ctx: &CommunityCtx) -> AppResult<Vec<(Option<Uuid>, i64)>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let rows = db::households_by_courtyard(&mut tx).await?;
    tx.commit().await?;
    Ok(rows)
}

/// A copy of everything this community holds about a resident (个人信息副本), made by staff
/// at the counter for a resident who asks (PIPL art. 45): the rows reached from the registry
/// record, and from the account linked to it. Audited (a mutation).
pub async fn export_record_data(
    ctx: &CommunityCtx,
    learner_id: Uuid,
) -> AppResult<tenancy::privacy::model::DataExport> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let learner = crate::learners::db::learner(&mut tx, learner_id)
        .await?
        .ok_or_else(|| not_found("resident"))?;
    tx.commit().await?;
    let mut seeds = std::collections::BTreeMap::from([("learners".to_string(), vec![learner.id])]);
    if let Some(account) = learner.account_id {
        seeds.insert(infra::personal::ACCOUNT.to_string(), vec![account]);
    }
    tenancy::privacy::service::export_for_resident(ctx, seeds, &learner.name).await
}
