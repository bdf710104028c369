//! Spaces: shared spaces and function rooms (党群服务, 童趣园, 百文斋, 书画室, 百姓舞台 …), their
//! rules and opening hours, and bookings that can never overlap — with each other or with the
//! course sessions placed in a space (`slots`).

pub mod bookings;
pub(crate) mod db;
pub mod entry;
pub mod error;
pub mod farm;
pub mod feeds;
pub mod graphql;
pub mod model;
pub mod photos;
pub mod service;
pub mod slots;
pub mod usage;
