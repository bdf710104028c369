//! The GraphQL face of the three lists.

use crate::lists::model::EnteredAs;
use crate::lists::model::EntryStatus;
use crate::lists::model::ListRole;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::graphql::parse_id as uuid;
use tenancy::graphql::{community, tenancy};

use super::model;
use super::service::{self as svc, EntryInput};
use infra::graphql::{Res, id};

#[derive(SimpleObject, InputObject)]
#[graphql(name = "ListKind", input_name = "ListKindInput")]
pub struct ListKindGql {
    code: String,
    name: String,
    position: i32,
    role: ListRole,
}

impl From<model::ListKind> for ListKindGql {
    fn from(k: model::ListKind) -> Self {
        ListKindGql {
            code: k.code,
            name: k.name,
            position: k.position,
            role: k.role,
        }
    }
}

#[derive(SimpleObject)]
#[graphql(name = "ListEntry")]
pub struct EntryGql {
    id: ID,
    kind_code: String,
    title: String,
    detail: String,
    category: String,
    skills: Vec<String>,
    entered_as: EnteredAs,
    organisation_id: Option<ID>,
    status: EntryStatus,
    created_at: DateTime<Utc>,
    /// A need's matches.
    matches: Vec<model::ListMatch>,
}

impl EntryGql {
    fn new(e: model::ListEntry, matches: &[model::ListMatch]) -> Self {
        EntryGql {
            matches: matches
                .iter()
                .filter(|m| m.need_id == e.id)
                .cloned()
                .collect(),
            id: id(e.id),
            kind_code: e.kind_code,
            title: e.title,
            detail: e.detail,
            category: e.category,
            skills: e.skills,
            entered_as: e.entered_as,
            organisation_id: e.organisation_id.map(id),
            status: e.status,
            created_at: e.created_at,
        }
    }
}

#[derive(InputObject)]
pub struct ListEntryInput {
    kind_code: String,
    title: String,
    #[graphql(default)]
    detail: String,
    category: String,
    #[graphql(default)]
    skills: Vec<String>,
    /// A partner's entry: the organisation it speaks for.
    organisation_id: Option<ID>,
}

#[derive(Default)]
pub struct ListsQuery;

#[Object]
impl ListsQuery {
    /// The kinds of the community's "three lists" (三张清单), in order.
    async fn list_kinds(&self, ctx: &Context<'_>) -> Res<Vec<ListKindGql>> {
        let rows = svc::list_kinds(community(ctx)?).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// Entries of one list (or all), by status, with needs' matches.
    async fn list_entries(
        &self,
        ctx: &Context<'_>,
        kind_code: Option<String>,
        status: Option<EntryStatus>,
    ) -> Res<Vec<EntryGql>> {
        let (rows, matches) = svc::entries(community(ctx)?, kind_code.as_deref(), status).await?;
        Ok(rows
            .into_iter()
            .map(|e| EntryGql::new(e, &matches))
            .collect())
    }

    /// Offers that may meet a need, by category and skills (staff).
    async fn list_match_suggestions(&self, ctx: &Context<'_>, need_id: ID) -> Res<Vec<EntryGql>> {
        let rows = svc::suggest(community(ctx)?, uuid(&need_id)?).await?;
        Ok(rows.into_iter().map(|e| EntryGql::new(e, &[])).collect())
    }
}

#[derive(Default)]
pub struct ListsMutation;

#[Object]
impl ListsMutation {
    /// Add or rename a kind of list (staff).
    async fn set_list_kind(&self, ctx: &Context<'_>, input: ListKindGql) -> Res<ListKindGql> {
        let k = model::ListKind {
            code: input.code,
            name: input.name,
            position: input.position,
            role: input.role,
        };
        Ok(svc::set_list_kind(community(ctx)?, k).await?.into())
    }

    /// Put an entry on a list: staff, a partner's people, residents.
    async fn add_list_entry(&self, ctx: &Context<'_>, input: ListEntryInput) -> Res<EntryGql> {
        let e = EntryInput {
            kind_code: input.kind_code,
            title: input.title,
            detail: input.detail,
            category: input.category,
            skills: input.skills,
            organisation_id: input.organisation_id.as_ref().map(uuid).transpose()?,
        };
        let row = svc::add_entry(tenancy(ctx), community(ctx)?, e).await?;
        Ok(EntryGql::new(row, &[]))
    }

    /// Confirm a need matched to an offer (staff).
    async fn confirm_list_match(
        &self,
        ctx: &Context<'_>,
        need_id: ID,
        offer_id: ID,
    ) -> Res<model::ListMatch> {
        Ok(svc::confirm_match(community(ctx)?, uuid(&need_id)?, uuid(&offer_id)?).await?)
    }

    /// Record how a match turned out (staff).
    async fn close_list_match(
        &self,
        ctx: &Context<'_>,
        match_id: ID,
        met: bool,
        outcome: String,
    ) -> Res<model::ListMatch> {
        Ok(svc::close_match(community(ctx)?, uuid(&match_id)?, met, &outcome).await?)
    }
}
