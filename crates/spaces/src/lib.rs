//! Spaces: shared spaces and function rooms (党群服务, 童趣园, 百文斋, 书画室, 百姓舞台 …).
//!
//! In this first cut it owns the list of spaces of a community; bookings, QR check-in, paying
//! with points and the ecological farm arrive with their own issue.

pub(crate) mod db;
pub mod graphql;
pub mod model;
pub mod service;
