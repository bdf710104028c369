//! The spaces themselves (共享空间, 功能室: 党群服务站, 童趣园, 百文斋, 书画室, 百姓舞台 …): kind,
//! capacity, courtyard, amenities and the rules of booking them; weekly opening hours and
//! closure days; photos; their use month by month (booked against open hours, no-shows).

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod photos;
pub mod service;
pub mod usage;
