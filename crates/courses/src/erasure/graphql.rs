//! The GraphQL face of a record's erasure.

use async_graphql::{Context, ID, Object};
use tenancy::erasure::graphql::ErasureGql;

use super::service as svc;
use crate::graphql::*;

#[derive(Default)]
pub struct RecordErasureMutation;

#[Object]
impl RecordErasureMutation {
    /// 注销孩子的档案: a guardian erases their child's registry record — name, birth date,
    /// phone, works' titles and photos, survey texts — while the child's enrolments, attendance
    /// and seats keep their counts. Only a child without an account of its own.
    async fn erase_child_record(&self, ctx: &Context<'_>, learner_id: ID) -> Res<ErasureGql> {
        Ok(svc::erase_child_record(community(ctx)?, uuid(&learner_id)?)
            .await?
            .into())
    }

    /// 注销居民档案: staff erase a registry record at the counter — one without an account (a
    /// resident without a phone), or one whose account has left the community (that account's
    /// rows here go too); a person who still belongs erases their own account.
    async fn erase_registry_record(&self, ctx: &Context<'_>, learner_id: ID) -> Res<ErasureGql> {
        Ok(
            svc::erase_registry_record(community(ctx)?, uuid(&learner_id)?)
                .await?
                .into(),
        )
    }
}
