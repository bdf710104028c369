//! What an export holds and what it gives back.

use infra::personal::{Mark, Reached};

/// The rows about a person in one schema: the platform's, or one community's.
#[derive(Debug, Clone)]
pub struct SchemaPart {
    /// The archive's folder: `platform`, or the community's slug.
    pub folder: String,
    /// The community's name, for the archive's README.
    pub title: String,
    pub marks: Vec<Mark>,
    pub reached: Reached,
}

/// A published archive (个人信息副本): a link valid for 15 minutes.
#[derive(Debug, Clone)]
pub struct DataExport {
    pub filename: String,
    pub url: String,
    pub bytes: usize,
    /// Rows in the archive, every schema together.
    pub rows: usize,
    /// Photos in the archive.
    pub photos: usize,
}
