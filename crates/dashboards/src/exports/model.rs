//! What an export holds: its summary (what the dashboard's head shows too), its rows, and the
//! file made of them.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::catalogue::{Figure, Rate};
use crate::dashboard::model::{CommunityCounts, CommunityValue};
use crate::period::Period;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "ExportFormat")
)]
pub enum FileFormat {
    Xlsx,
    Csv,
}

impl FileFormat {
    pub fn ext(self) -> &'static str {
        match self {
            FileFormat::Xlsx => "xlsx",
            FileFormat::Csv => "csv",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            FileFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileFormat::Csv => "text/csv; charset=utf-8",
        }
    }
}

/// What the rows of the tables are.
pub enum Rows {
    Communities(Vec<(CommunityValue, HashMap<String, i64>)>),
    Months(Vec<(NaiveDate, HashMap<String, i64>)>),
}

/// Everything an export holds, read from the rollups.
pub struct Report {
    pub title: String,
    pub summary: Summary,
    pub rows: Rows,
}

#[derive(Debug, Clone)]
pub struct Summary {
    pub period: Period,
    pub previous: Period,
    pub communities: CommunityCounts,
    pub partner_organisations: i64,
    /// Each catalogue figure: this period, the one before.
    pub figures: Vec<(&'static Figure, i64, i64)>,
    /// Each rate: this period, the one before (`None`: nothing to divide by).
    pub rates: Vec<(&'static Rate, Option<f64>, Option<f64>)>,
    /// Median hours to resolve a demand: this period, the one before.
    pub median_resolution_hours: (Option<f64>, Option<f64>),
    /// Community-months meeting the cadence rule, out of all.
    pub cadence: (i64, i64),
}

/// A file made for download.
#[derive(Debug, Clone)]
pub struct ExportFile {
    pub filename: String,
    pub content_type: &'static str,
    pub url: String,
    pub bytes: usize,
}
