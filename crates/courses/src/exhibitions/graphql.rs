//! The GraphQL face of exhibitions: types and resolvers, nothing else.

use crate::exhibitions::model::ExhibitionKind;
use async_graphql::connection::Connection;
use async_graphql::{Context, ID, Object, SimpleObject, Upload};
use infra::graphql::Date;

use crate::graphql::*;
use crate::model::{self};
use crate::service as svc;

#[derive(SimpleObject)]
pub struct PhotoGql {
    id: ID,
    width: i32,
    height: i32,
    url: String,
    thumb_url: String,
}

#[derive(SimpleObject)]
#[graphql(name = "Work")]
pub struct WorkGql {
    id: ID,
    title: String,
    author: String,
    learner_id: ID,
    course_id: Option<ID>,
    minor: bool,
    consent_recorded: bool,
    photos: Vec<PhotoGql>,
}

pub(crate) fn work(w: model::Work, photos: Vec<svc::PhotoView>) -> WorkGql {
    WorkGql {
        id: id(w.id),
        learner_id: id(w.learner_id),
        course_id: w.course_id.map(id),
        consent_recorded: w.guardian_consent_at.is_some(),
        title: w.title,
        author: w.author,
        minor: w.minor,
        photos: photos
            .into_iter()
            .map(|p| PhotoGql {
                id: id(p.photo.id),
                width: p.photo.width,
                height: p.photo.height,
                url: p.url,
                thumb_url: p.thumb_url,
            })
            .collect(),
    }
}

#[derive(SimpleObject)]
#[graphql(name = "Exhibition")]
pub struct ExhibitionGql {
    id: ID,
    title: String,
    kind: ExhibitionKind,
    starts_on: Date,
    ends_on: Date,
    published: bool,
    works: Vec<WorkGql>,
}

pub(crate) fn exhibition(e: model::Exhibition, works: Vec<WorkGql>) -> ExhibitionGql {
    ExhibitionGql {
        id: id(e.id),
        kind: e.kind,
        title: e.title,
        starts_on: Date(e.starts_on),
        ends_on: Date(e.ends_on),
        published: e.published,
        works,
    }
}

#[derive(Default)]
pub struct ExhibitionsQuery;

#[Object]
impl ExhibitionsQuery {
    /// Exhibitions: residents see published ones, and a minor's work only after consent.
    async fn exhibitions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Res<Connection<String, ExhibitionGql>> {
        let limit = svc::page_limit(first)?;
        let a = self::after(&after)?;
        let parts = svc::ExhibitionParts {
            works: node_selected(ctx, &["works"]),
            photos: node_selected(ctx, &["works", "photos"]),
        };
        let rows = svc::exhibitions(community(ctx)?, a, limit, parts).await?;
        Ok(page(
            rows,
            limit,
            a.is_some(),
            |v| v.exhibition.id,
            |v| {
                exhibition(
                    v.exhibition,
                    v.works.into_iter().map(|(w, p)| work(w, p)).collect(),
                )
            },
        ))
    }
}

#[derive(Default)]
pub struct ExhibitionsMutation;

#[Object]
impl ExhibitionsMutation {
    async fn create_exhibition(
        &self,
        ctx: &Context<'_>,
        title: String,
        kind: ExhibitionKind,
        starts_on: Date,
        ends_on: Date,
    ) -> Res<ExhibitionGql> {
        let e =
            svc::create_exhibition(community(ctx)?, &title, kind, starts_on.0, ends_on.0).await?;
        Ok(exhibition(e, Vec::new()))
    }

    /// Residents see an exhibition once staff publish it.
    async fn publish_exhibition(&self, ctx: &Context<'_>, exhibition_id: ID) -> Res<bool> {
        svc::publish_exhibition(community(ctx)?, uuid(&exhibition_id)?).await?;
        Ok(true)
    }

    async fn add_work(
        &self,
        ctx: &Context<'_>,
        exhibition_id: ID,
        learner_id: ID,
        course_id: Option<ID>,
        title: String,
    ) -> Res<WorkGql> {
        let w = svc::add_work(
            community(ctx)?,
            uuid(&exhibition_id)?,
            uuid(&learner_id)?,
            opt_uuid(&course_id)?,
            &title,
        )
        .await?;
        Ok(work(w, Vec::new()))
    }

    /// Upload a photo of a work (GraphQL multipart request). JPEG, PNG or WebP; metadata is
    /// stripped and a thumbnail made.
    async fn upload_work_photo(
        &self,
        ctx: &Context<'_>,
        work_id: ID,
        file: Upload,
    ) -> Res<PhotoGql> {
        let s = community(ctx)?;
        let bytes = infra::graphql::read_upload(ctx, file, crate::photos::MAX_BYTES)?;
        let p = svc::upload_photo(s, uuid(&work_id)?, bytes).await?;
        Ok(PhotoGql {
            id: id(p.photo.id),
            width: p.photo.width,
            height: p.photo.height,
            url: p.url,
            thumb_url: p.thumb_url,
        })
    }

    /// Record the guardian's consent to show a minor's work.
    async fn record_guardian_consent(&self, ctx: &Context<'_>, work_id: ID) -> Res<bool> {
        svc::record_consent(community(ctx)?, uuid(&work_id)?).await?;
        Ok(true)
    }

    /// Withdraw the guardian's consent (撤回同意): the work's photos stop being shown on every
    /// page and share link at once (the guardian, or staff for them).
    async fn withdraw_guardian_consent(&self, ctx: &Context<'_>, work_id: ID) -> Res<bool> {
        svc::withdraw_consent(community(ctx)?, uuid(&work_id)?).await?;
        Ok(true)
    }

    /// Delete a work and its photos, from the database and from object storage.
    async fn delete_work(&self, ctx: &Context<'_>, work_id: ID) -> Res<bool> {
        svc::delete_work(community(ctx)?, uuid(&work_id)?).await?;
        Ok(true)
    }
}
