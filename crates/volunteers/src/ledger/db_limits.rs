//! The community's settings of the time bank (one row).

use sqlx::PgConnection;

use super::service::TransferLimits;

pub async fn limits(conn: &mut PgConnection) -> sqlx::Result<TransferLimits> {
    sqlx::query_as("SELECT max_per_transfer, max_per_month FROM points_settings")
        .fetch_one(conn)
        .await
}

pub async fn set_limits(
    conn: &mut PgConnection,
    l: TransferLimits,
) -> sqlx::Result<TransferLimits> {
    sqlx::query_as(
        "UPDATE points_settings SET max_per_transfer = $1, max_per_month = $2
         RETURNING max_per_transfer, max_per_month",
    )
    .bind(l.max_per_transfer)
    .bind(l.max_per_month)
    .fetch_one(conn)
    .await
}

/// Points' expiry in days (`None`: never) and the limits on points passed between residents.
pub async fn settings(conn: &mut PgConnection) -> sqlx::Result<(Option<i32>, TransferLimits)> {
    let (expiry, max_per_transfer, max_per_month) =
        sqlx::query_as("SELECT expiry_days, max_per_transfer, max_per_month FROM points_settings")
            .fetch_one(conn)
            .await?;
    Ok((
        expiry,
        TransferLimits {
            max_per_transfer,
            max_per_month,
        },
    ))
}
