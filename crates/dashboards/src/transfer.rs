//! A community leaving or joining this cluster's rollups (`linli communities move` and
//! `restore`). Its own day rows are its totals: leaving subtracts exactly them from every
//! district above it, joining adds them under the districts above it here, through the one
//! write path (`apply::add`), so months, quarters, years and cadence follow as in a fold.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::apply::{self, Deltas};

/// A community's rollups as carried between clusters: its flows by day and its distributions.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub flows: Vec<(String, NaiveDate, i64)>,
    pub samples: Vec<(String, NaiveDate, i64, i64)>,
}

impl Totals {
    fn of(d: &Deltas) -> Totals {
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

    fn deltas(&self, sign: i64) -> Deltas {
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

/// The community's totals as they stand.
pub async fn totals(p: &mut PgConnection, community: Uuid) -> sqlx::Result<Totals> {
    Ok(Totals::of(&apply::current(p, community).await?))
}

/// Take the community out of the rollups: the districts above it lose its totals and its own
/// rows go. Returns what was taken. In the caller's transaction.
pub async fn withdraw(p: &mut PgConnection, community: Uuid) -> sqlx::Result<Totals> {
    apply::lock(p, community).await?;
    let t = totals(p, community).await?;
    apply::add(p, community, &t.deltas(-1)).await?;
    for table in [
        "figure_daily",
        "figure_monthly",
        "figure_spans",
        "figure_samples",
    ] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM platform.{table} WHERE community_id = $1"
        )))
        .bind(community)
        .execute(&mut *p)
        .await?;
    }
    Ok(t)
}

/// Put a community (its row already in `platform.communities`) into the rollups with `totals`.
pub async fn admit(p: &mut PgConnection, community: Uuid, totals: &Totals) -> sqlx::Result<()> {
    apply::lock(p, community).await?;
    apply::add(p, community, &totals.deltas(1)).await
}
