//! The GraphQL face of notifications: the in-app inbox and the delivery log.

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::AppResult;
use tenancy::graphql::community;
use uuid::Uuid;

use crate::model::{self, DeliveryStatus};
use crate::service as svc;
use infra::graphql::Res;

/// 通知: one entry of an account's in-app inbox.
#[derive(SimpleObject)]
#[graphql(name = "Notification")]
pub struct NotificationGql {
    id: ID,
    kind: model::NoticeKind,
    title: String,
    body: String,
    created_at: DateTime<Utc>,
    read: bool,
}

impl From<model::Notification> for NotificationGql {
    fn from(n: model::Notification) -> Self {
        NotificationGql {
            id: ID(n.id.to_string()),
            kind: n.kind,
            title: n.title,
            body: n.body,
            created_at: n.created_at,
            read: n.read_at.is_some(),
        }
    }
}

/// What a channel did with one notification.
#[derive(SimpleObject)]
#[graphql(name = "NotificationDelivery")]
pub struct DeliveryGql {
    notification_id: ID,
    kind: model::NoticeKind,
    title: String,
    /// Only `webhook` today.
    channel: String,
    status: DeliveryStatus,
    attempts: i32,
    last_error: Option<String>,
    updated_at: DateTime<Utc>,
}

impl From<model::Delivery> for DeliveryGql {
    fn from(d: model::Delivery) -> Self {
        DeliveryGql {
            notification_id: ID(d.notification_id.to_string()),
            kind: d.kind,
            title: d.title,
            channel: "webhook".into(),
            status: d.status,
            attempts: d.attempts,
            last_error: d.last_error,
            updated_at: d.updated_at,
        }
    }
}

#[derive(Default)]
pub struct NotificationsQuery;

#[Object]
impl NotificationsQuery {
    /// My notifications in this community, newest first (the in-app inbox).
    async fn my_notifications(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = false)] unread_only: bool,
        first: Option<i32>,
    ) -> Res<Vec<NotificationGql>> {
        let rows = svc::my_notifications(community(ctx)?, unread_only, first).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// How the community's notifications went out through the webhook channel (staff).
    async fn notification_deliveries(
        &self,
        ctx: &Context<'_>,
        status: Option<DeliveryStatus>,
        first: Option<i32>,
    ) -> Res<Vec<DeliveryGql>> {
        let rows = svc::deliveries(community(ctx)?, status, first).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}

#[derive(Default)]
pub struct NotificationsMutation;

fn uuids(ids: &[ID]) -> AppResult<Vec<Uuid>> {
    ids.iter().map(infra::graphql::parse_id).collect()
}

#[Object]
impl NotificationsMutation {
    /// Mark some of my notifications read; returns how many changed.
    async fn mark_notifications_read(&self, ctx: &Context<'_>, ids: Vec<ID>) -> Res<i32> {
        let n = svc::mark_read(community(ctx)?, &uuids(&ids)?).await?;
        Ok(n as i32)
    }
}
