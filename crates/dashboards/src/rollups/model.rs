//! What moves the rollups: deltas to add, and a community's totals as carried between
//! clusters.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Deltas {
    pub flows: HashMap<(String, NaiveDate), i64>,
    pub samples: HashMap<(String, NaiveDate, i64), i64>,
}

impl Deltas {
    pub fn flow(&mut self, figure: &str, day: NaiveDate, delta: i64) {
        *self.flows.entry((figure.to_owned(), day)).or_default() += delta;
    }

    pub fn sample(&mut self, figure: &str, day: NaiveDate, sample: i64, count: i64) {
        *self
            .samples
            .entry((figure.to_owned(), day, sample))
            .or_default() += count;
    }

    /// `self - other`, keyed alike.
    pub fn minus(mut self, other: &Deltas) -> Deltas {
        for (k, v) in &other.flows {
            *self.flows.entry(k.clone()).or_default() -= v;
        }
        for (k, v) in &other.samples {
            *self.samples.entry(k.clone()).or_default() -= v;
        }
        self.flows.retain(|_, v| *v != 0);
        self.samples.retain(|_, v| *v != 0);
        self
    }
}

/// A community's rollups as carried between clusters: its flows by day and its distributions.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub flows: Vec<(String, NaiveDate, i64)>,
    pub samples: Vec<(String, NaiveDate, i64, i64)>,
}

impl Totals {
    pub(crate) fn of(d: &Deltas) -> Totals {
        let mut t = Totals {
            flows: d
                .flows
                .iter()
                .map(|((f, day), v)| (f.clone(), *day, *v))
                .collect(),
            samples: d
                .samples
                .iter()
                .map(|((f, day, s), n)| (f.clone(), *day, *s, *n))
                .collect(),
        };
        t.flows.sort();
        t.samples.sort();
        t
    }

    pub(crate) fn deltas(&self, sign: i64) -> Deltas {
        let mut d = Deltas::default();
        for (f, day, v) in &self.flows {
            d.flow(f, *day, sign * v);
        }
        for (f, day, s, n) in &self.samples {
            d.sample(f, *day, *s, sign * n);
        }
        d
    }
}
