//! Money funds (基金), apart from points: 东环路's 院落改造微基金, 白莲's 共享基金, the takings of
//! 博园's charity sale. Income is recorded by staff, spending is a request a member makes and
//! another staff member approves (paid at once, or refused while the fund cannot pay), every
//! movement is kept as it was (a mistake is reversed, never edited), and residents read the
//! public statement: amounts, purposes and the names donors chose to show — nothing more.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
