//! The reads of an export, in the caller's transaction: a schema's personal-data marks and the
//! rows they reach from the seeds (`infra::personal`, which reads the catalog for the marks).

use std::collections::BTreeMap;

use infra::personal::{self, Follow, Mark, Reached};
use sqlx::PgConnection;
use uuid::Uuid;

pub(crate) async fn rows_about(
    conn: &mut PgConnection,
    schema: &str,
    seeds: &BTreeMap<String, Vec<Uuid>>,
) -> sqlx::Result<(Vec<Mark>, Reached)> {
    let marks = personal::marks(&mut *conn, schema).await?;
    let reached = personal::reach(conn, schema, &marks, seeds, Follow::SubjectsAndCarers).await?;
    Ok((marks, reached))
}
