//! The GraphQL face of the community college; the only module here that knows async-graphql.
//! This module holds what every feature's `graphql` shares: request helpers, the enums, and
//! the merged query and mutation roots.

use crate::error::CoursesError;
use async_graphql::connection::{Connection, Edge};
use async_graphql::{Context, ID, MergedObject, OutputType};
use infra::{AppError, AppResult};
use uuid::Uuid;

pub(crate) use infra::graphql::Res;

/// Did the query select `path` below each node of a connection (`edges { node { … } }` or
/// `nodes { … }`)? Fragments count: async-graphql's look-ahead follows them.
pub(crate) fn node_selected(ctx: &Context<'_>, path: &[&str]) -> bool {
    let la = ctx.look_ahead();
    let under = |mut l: async_graphql::Lookahead<'_>| {
        for p in path {
            l = l.field(p);
        }
        l.exists()
    };
    under(la.field("edges").field("node")) || under(la.field("nodes"))
}

/// The request's community context (the gate admitted the caller to it).
pub(crate) use tenancy::graphql::community;

pub(crate) use infra::graphql::parse_id as uuid;

pub(crate) fn opt_uuid(id: &Option<ID>) -> AppResult<Option<Uuid>> {
    id.as_ref().map(uuid).transpose()
}

pub(crate) use infra::graphql::id;

/// A Relay page from `limit + 1` rows ordered by id.
pub(crate) fn page<T, N: OutputType>(
    mut rows: Vec<T>,
    limit: i64,
    after: bool,
    key: impl Fn(&T) -> Uuid,
    node: impl Fn(T) -> N,
) -> Connection<String, N> {
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let mut c = Connection::new(after, more);
    c.edges.extend(
        rows.into_iter()
            .map(|r| Edge::new(key(&r).to_string(), node(r))),
    );
    c
}

pub(crate) fn after(after: &Option<String>) -> AppResult<Option<Uuid>> {
    after
        .as_deref()
        .map(|a| Uuid::parse_str(a).map_err(|_| AppError::from(CoursesError::BadCursor)))
        .transpose()
}

/// The community college's queries, merged from its features.
#[derive(MergedObject, Default)]
pub struct CoursesQuery(
    crate::catalogue::graphql::CatalogueQuery,
    crate::learners::graphql::LearnersQuery,
    crate::family::graphql::FamilyQuery,
    crate::teachers::graphql::TeachersQuery,
    crate::enrolment::graphql::EnrolmentQuery,
    crate::attendance::graphql::AttendanceQuery,
    crate::surveys::graphql::SurveysQuery,
    crate::clubs::graphql::ClubsQuery,
    crate::cadence::graphql::CadenceQuery,
    crate::exhibitions::graphql::ExhibitionsQuery,
    crate::record::graphql::RecordQuery,
    crate::timetable::graphql::TimetableQuery,
    crate::events::graphql::EventsQuery,
    crate::registry::graphql::RegistryQuery,
    crate::corrections::graphql::CorrectionsQuery,
    crate::registry::graphql::CoverageQuery,
    crate::exhibitions::sharing_graphql::SharingQuery,
);

/// The community college's mutations, merged from its features.
#[derive(MergedObject, Default)]
pub struct CoursesMutation(
    crate::catalogue::graphql::CatalogueMutation,
    crate::learners::graphql::LearnersMutation,
    crate::family::graphql::FamilyMutation,
    crate::teachers::graphql::TeachersMutation,
    crate::enrolment::graphql::EnrolmentMutation,
    crate::attendance::graphql::AttendanceMutation,
    crate::surveys::graphql::SurveysMutation,
    crate::clubs::graphql::ClubsMutation,
    crate::cadence::graphql::CadenceMutation,
    crate::evaluations::graphql::EvaluationsMutation,
    crate::exhibitions::graphql::ExhibitionsMutation,
    crate::record::graphql::RecordMutation,
    crate::timetable::graphql::TimetableMutation,
    crate::events::graphql::EventsMutation,
    crate::registry::graphql::RegistryMutation,
    crate::corrections::graphql::CorrectionsMutation,
    crate::erasure::graphql::RecordErasureMutation,
    crate::exports::graphql::ExportsMutation,
    crate::exhibitions::sharing_graphql::SharingMutation,
);
