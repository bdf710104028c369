//! Partner organisations (共建单位: universities, enterprises, merchants, property companies,
//! social organisations) and their teams — platform records, as one organisation partners with
//! many communities — and the partnerships districts and communities approve. An approved
//! partnership is what lets an organisation's people into a community (as partner members,
//! through `platform.partner_access`); a team's leader and members book spaces for it.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
pub mod work;
