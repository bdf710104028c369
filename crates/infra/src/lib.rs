//! Shared infrastructure for every Linli crate: the error type that becomes a GraphQL error, the
//! database handle with its tenant transaction, the embedded migrations, field encryption, the
//! object store, and the private PostgreSQL cluster and S3 server used when nothing is configured.
//!
//! This crate knows nothing of any domain. It must never read or write a domain table.

pub mod audit;
pub mod crypto;
pub mod db;
pub mod error;
pub mod figures;
pub mod graphql;
pub mod input;
pub mod limits;
pub mod local_time;
pub mod migrations;
pub mod pdf;
pub mod personal;
pub mod pg_embedded;
pub mod photos;
pub mod qr;
pub mod spreadsheet;
pub mod storage;
pub mod tenant;
pub mod testing;
pub mod violation;

pub use db::Db;
pub use error::{AppError, AppResult, ErrorCode};
pub use tenant::{Tenant, TenantTx};
pub use violation::{OnViolation, Violation, violates};
