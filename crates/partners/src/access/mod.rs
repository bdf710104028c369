//! Partner access the community can see and take back (共建单位的准入): who holds it in a
//! community and through which organisation and partnership; ending a partnership (its
//! approvers, or the organisation's admin); taking a person out of an organisation (its
//! admin). The gate reads access through `platform.partner_access`, whose triggers tell every
//! gateway's cache, so an ended partnership or a removed person is refused at once.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
