//! The resident registry (居民名册): residents entered by staff and grid workers (入户摸底),
//! one by one or imported from CSV / XLSX with a report per row, found by name, courtyard or
//! grid, age band or phone number (by its lookup hash), and linked to the resident's own
//! account when they sign up.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod import;
pub mod model;
pub mod newcomers;
pub mod service;
