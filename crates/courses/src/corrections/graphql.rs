//! The GraphQL face of corrections: staff correct a registry record with a reason, and read
//! its corrections.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::graphql::Date;

use super::service::{self as svc, Correction, RecordCorrection, RecordField};
use crate::graphql::*;
use crate::registry::graphql::{ResidentGql, resident};

/// The fields to correct; one left out stays as it is.
#[derive(InputObject)]
pub struct CorrectRecordInput {
    name: Option<String>,
    birth_date: Option<Date>,
    courtyard_id: Option<ID>,
    household: Option<String>,
    phone: Option<String>,
}

/// A correction as recorded (更正记录): which fields, why, by whom — not the old values.
#[derive(SimpleObject)]
#[graphql(name = "RecordCorrection")]
pub struct CorrectionGql {
    id: ID,
    fields: Vec<RecordField>,
    reason: String,
    corrected_by: ID,
    corrected_at: DateTime<Utc>,
}

impl From<Correction> for CorrectionGql {
    fn from(c: Correction) -> Self {
        CorrectionGql {
            id: id(c.id),
            fields: c.fields,
            reason: c.reason,
            corrected_by: id(c.corrected_by),
            corrected_at: c.corrected_at,
        }
    }
}

#[derive(Default)]
pub struct CorrectionsQuery;

#[Object]
impl CorrectionsQuery {
    /// A registry record's corrections, newest first (staff).
    async fn record_corrections(
        &self,
        ctx: &Context<'_>,
        learner_id: ID,
    ) -> Res<Vec<CorrectionGql>> {
        let list = svc::corrections(community(ctx)?, uuid(&learner_id)?).await?;
        Ok(list.into_iter().map(Into::into).collect())
    }
}

#[derive(Default)]
pub struct CorrectionsMutation;

#[Object]
impl CorrectionsMutation {
    /// 更正档案: correct a resident's registry record when they say it is wrong (staff; a
    /// reason of 1–200 characters is kept with which fields changed, never the old values).
    async fn correct_registry_record(
        &self,
        ctx: &Context<'_>,
        learner_id: ID,
        input: CorrectRecordInput,
        reason: String,
    ) -> Res<ResidentGql> {
        let correction = RecordCorrection {
            name: input.name,
            birth_date: input.birth_date.map(|d| d.0),
            courtyard_id: opt_uuid(&input.courtyard_id)?,
            household: input.household,
            phone: input.phone,
        };
        let (r, _) =
            svc::correct_record(community(ctx)?, uuid(&learner_id)?, correction, &reason).await?;
        Ok(resident(r))
    }
}
