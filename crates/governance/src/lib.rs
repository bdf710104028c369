//! Governance: the co-governance (共治) mechanisms the seed communities run beside the college,
//! the spaces and the time bank.
//!
//! Owns money funds apart from points (院落改造微基金, 共享基金, a charity sale's takings) with
//! their requests and movements; micro-grids (微网格) inside the grids tenancy keeps, their posts
//! (楼栋长, 红色管家 …) and who holds them (认领); meetings (协商, 坝坝会, 院落夜话, the 三方
//! 周碰头 …) with their attendees and the follow-ups their decisions become.

pub mod api;
pub mod error;
pub mod funds;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod honours;
pub mod meetings;
pub mod party_reports;
pub mod patrols;
pub mod photos;
pub mod posts;
