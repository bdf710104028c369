//! The GraphQL face of erasure: what the caller's erasure waits for, and the erasure itself.
//! A child's record is erased by its guardian through courses' `eraseChildRecord`.

use async_graphql::{Context, Object, SimpleObject};
use infra::graphql::Res;
use infra::storage::ObjectStore;

use super::model::{BlockerKind, Erasure, ErasureBlocker};
use super::service as svc;
use crate::graphql::{principal, tenancy};

/// One thing the caller's erasure waits for, in one community.
#[derive(SimpleObject)]
#[graphql(name = "ErasureBlocker")]
pub struct ErasureBlockerGql {
    community: String,
    kind: BlockerKind,
    count: i32,
    /// What to do about it (Chinese).
    advice: String,
    /// What to do about it (English).
    advice_en: String,
}

/// What an erasure did.
#[derive(SimpleObject)]
#[graphql(name = "Erasure")]
pub struct ErasureGql {
    communities: i32,
    /// Rows rewritten or deleted.
    rows: i32,
    /// Photos and copies deleted from storage.
    objects: i32,
}

impl From<Erasure> for ErasureGql {
    fn from(e: Erasure) -> Self {
        ErasureGql {
            communities: e.communities as i32,
            rows: i32::try_from(e.rows).unwrap_or(i32::MAX),
            objects: e.objects as i32,
        }
    }
}

#[derive(Default)]
pub struct ErasureQuery;

#[Object]
impl ErasureQuery {
    /// 注销前须办结的事: what erasing the caller's account waits for; empty when nothing.
    async fn my_erasure_blockers(&self, ctx: &Context<'_>) -> Res<Vec<ErasureBlockerGql>> {
        Ok(svc::my_erasure_blockers(tenancy(ctx), principal(ctx)?)
            .await?
            .into_iter()
            .map(|b: ErasureBlocker| {
                let (zh, en) = b.kind.words(b.count);
                ErasureBlockerGql {
                    community: b.community,
                    kind: b.kind,
                    count: b.count as i32,
                    advice: zh,
                    advice_en: en,
                }
            })
            .collect())
    }
}

#[derive(Default)]
pub struct ErasureMutation;

#[Object]
impl ErasureMutation {
    /// 注销账号: erase the caller's personal data from the platform and every community they
    /// belong to (PIPL art. 47) — name, login, phone, birth date, texts, photos — while the
    /// ledger, seat counts, attendance and district figures stay as they were. The password is
    /// asked again. Refused with ERASURE_BLOCKED, nothing written, while a booking, a
    /// redemption, a plot or children in care must be settled first. Signs out everywhere.
    async fn erase_my_account(&self, ctx: &Context<'_>, password: String) -> Res<ErasureGql> {
        let store = ctx.data_unchecked::<ObjectStore>();
        Ok(
            svc::erase_my_account(tenancy(ctx), principal(ctx)?, &password, store)
                .await?
                .into(),
        )
    }
}
