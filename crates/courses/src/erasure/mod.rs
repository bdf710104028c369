//! Erasure of a registry record (档案注销, PIPL art. 47): a child's record by its guardian, a
//! record without an account by staff at the counter. The erasure itself is tenancy's
//! (`tenancy::erasure`, by the personal-data marks); this feature decides who may ask it of
//! which record. A person with an account erases themselves (`eraseMyAccount`).

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
