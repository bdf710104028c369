//! The spaces crate's part of the schema: one Query and one Mutation root merging its
//! features', and the GraphQL helpers they share.

use async_graphql::{Context, MergedObject, Upload};
use infra::AppResult;

pub(crate) use infra::graphql::Res;
pub(crate) use infra::graphql::parse_id as uuid;

/// The bytes of an uploaded photo (at most the photo limit and one byte).
pub(crate) fn upload_bytes(ctx: &Context<'_>, file: Upload) -> AppResult<Vec<u8>> {
    infra::graphql::read_upload(ctx, file, infra::photos::MAX_BYTES)
}

#[derive(MergedObject, Default)]
pub struct SpacesQuery(
    crate::rooms::graphql::RoomsQuery,
    crate::bookings::graphql::BookingsQuery,
    crate::farm::graphql::FarmQuery,
);

#[derive(MergedObject, Default)]
pub struct SpacesMutation(
    crate::rooms::graphql::RoomsMutation,
    crate::bookings::graphql::BookingsMutation,
    crate::farm::graphql::FarmMutation,
);
