//! Erasure that keeps the books (注销, PIPL art. 47): a person's data goes from the platform and
//! every community they belong to — rewritten by the personal-data marks (`infra::personal::
//! erase`), their photos and copies deleted from object storage — while the ledger's transfers,
//! seat counts, attendance and district figures stay exactly as they were. What must stay open
//! first (a booking to come, a redemption at the counter, children in their care) is named
//! and the erasure waits for it: each domain says so in its own `erasure_blockers_<crate>`
//! SQL function, found in the community's schema.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
