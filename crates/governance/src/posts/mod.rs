//! Micro-grids and their posts (微网格与岗位): 博园's 4 grids hold 23 micro-grids; each has posts
//! (楼栋长, 红色管家, 安全员 …) that party members and volunteers claim (认领) and hand back. A
//! post has at most one holder at a time — the database's rule, so fifty people tapping 认领
//! at once leave one holder and forty-nine who are told it is taken.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
