//! The rules of corrections: staff only, a reason always, at least one field that changes;
//! the record and its correction row are written in one transaction (audited: a mutation).

use infra::{AppError, AppResult, OnViolation};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db::{self, NewValues};
pub use super::model::{Correction, RecordCorrection, RecordField};
use crate::error::{CoursesError, not_found};
use crate::registry::service::{Resident, check_birth, phone_fields, resident_view};

/// 更正档案: staff correct a resident's registry record, saying why (1–200 characters).
pub async fn correct_record(
    ctx: &CommunityCtx,
    learner_id: Uuid,
    input: RecordCorrection,
    reason: &str,
) -> AppResult<(Resident, Correction)> {
    ctx.require(Roles::STAFF)?;
    let reason = infra::input::text(reason, 1, 200, "更正原因", "The reason")?;
    let name = input
        .name
        .as_deref()
        .map(|n| infra::input::text(n, 1, 50, "姓名", "The name"))
        .transpose()?;
    let household = input
        .household
        .as_deref()
        .map(|h| infra::input::text(h, 1, 50, "门牌（户）", "The household"))
        .transpose()?;
    let birth_date = input.birth_date.map(check_birth).transpose()?;
    let phone = input
        .phone
        .as_deref()
        .map(|p| phone_fields(ctx, p))
        .transpose()?;
    let mut fields = Vec::new();
    for (given, field) in [
        (name.is_some(), RecordField::Name),
        (birth_date.is_some(), RecordField::BirthDate),
        (input.courtyard_id.is_some(), RecordField::Courtyard),
        (household.is_some(), RecordField::Household),
        (phone.is_some(), RecordField::Phone),
    ] {
        if given {
            fields.push(field);
        }
    }
    if fields.is_empty() {
        return Err(CoursesError::NothingToCorrect.into());
    }
    let (phone_encrypted, phone_lookup) = phone.unzip();
    let values = NewValues {
        name,
        birth_date,
        courtyard_id: input.courtyard_id,
        household,
        phone_encrypted: phone_encrypted.clone(),
        phone_lookup,
    };
    let mut tx = ctx.tx().await?;
    let row = db::update_record(&mut tx, learner_id, &values)
        .await
        .on_violation(|v| {
            if v.is("learners_phone") {
                Some(AppError::from(CoursesError::ResidentExists))
            } else if v.is_foreign_key() {
                Some(not_found("courtyard"))
            } else {
                None
            }
        })?
        .ok_or_else(|| not_found("resident"))?;
    let correction = db::insert(
        &mut tx,
        learner_id,
        &fields,
        reason,
        ctx.access().account_id,
    )
    .await?;
    tx.commit().await?;
    let view = resident_view(ctx, row.learner, row.phone_encrypted.as_deref());
    Ok((view, correction))
}

/// A record's corrections, newest first (staff).
pub async fn corrections(ctx: &CommunityCtx, learner_id: Uuid) -> AppResult<Vec<Correction>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let list = db::of_record(&mut tx, learner_id).await?;
    tx.commit().await?;
    Ok(list)
}
