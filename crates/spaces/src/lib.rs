#![recursion_limit = "256"]
//! Spaces: shared spaces and function rooms (党群服务, 童趣园, 百文斋, 书画室, 百姓舞台 …), their
//! rules and opening hours, and bookings that can never overlap — with each other or with the
//! course sessions placed in a space (`slots`).

pub mod api;
pub mod bookings;
pub mod error;
pub mod farm;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod rooms;
pub mod slots;
