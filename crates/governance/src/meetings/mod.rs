//! Meetings and 协商 (会议与协商): 民主协商会, 坝坝会, 院落夜话 and the 三方 (party organisation,
//! property company, owners' committee) 周碰头 / 月例会 / 季通报 / 年评议 — kind, time, place,
//! who attended by role and organisation, topics and minutes. Each decision becomes a follow-up
//! (跟进事项) with an owner (staff, a grid worker, a partner team) and a due date, open until
//! done or dropped with a reason — once. Residents read the decisions of their courtyard.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
