//! The GraphQL face of learners: types and resolvers, nothing else.

use async_graphql::{Context, ID, Object, SimpleObject};
use infra::graphql::Date;

use crate::graphql::*;
use crate::model;
use crate::service as svc;

/// A learner (学员): a resident, or a child registered by a guardian.
#[derive(SimpleObject)]
#[graphql(name = "Learner")]
pub struct LearnerGql {
    id: ID,
    name: String,
    birth_date: Option<Date>,
    is_minor: bool,
    /// Someone else's record the caller acts for: a child in their care, or (in `myLearners`)
    /// a family member who agreed to their help (家人代办).
    in_care: bool,
    /// A child's record kept by a guardian, with no account of its own: the guardian may
    /// erase it (`eraseChildRecord`).
    is_child: bool,
}

impl From<model::Learner> for LearnerGql {
    fn from(l: model::Learner) -> Self {
        LearnerGql {
            id: id(l.id),
            is_minor: l.is_minor(),
            in_care: l.guardian_account_id.is_some(),
            is_child: l.guardian_account_id.is_some() && l.account_id.is_none(),
            name: l.name,
            birth_date: l.birth_date.map(Date),
        }
    }
}

#[derive(Default)]
pub struct LearnersQuery;

#[Object]
impl LearnersQuery {
    /// The caller's own learner record, the children in their care and the family members
    /// who agreed to their help.
    async fn my_learners(&self, ctx: &Context<'_>) -> Res<Vec<LearnerGql>> {
        let c = community(ctx)?;
        let me = Some(c.access().account_id);
        Ok(svc::my_learners(c)
            .await?
            .into_iter()
            .map(|l| {
                let own = l.account_id == me;
                LearnerGql {
                    in_care: !own,
                    ..l.into()
                }
            })
            .collect())
    }
}

#[derive(Default)]
pub struct LearnersMutation;

#[Object]
impl LearnersMutation {
    /// A guardian registers a child to enrol them.
    async fn register_child(
        &self,
        ctx: &Context<'_>,
        name: String,
        birth_date: Date,
    ) -> Res<LearnerGql> {
        Ok(svc::register_child(community(ctx)?, &name, birth_date.0)
            .await?
            .into())
    }

    /// Record a learner's birth date (needed by courses with age rules).
    async fn set_learner_birth_date(
        &self,
        ctx: &Context<'_>,
        learner_id: Option<ID>,
        birth_date: Date,
    ) -> Res<LearnerGql> {
        Ok(
            svc::set_birth_date(community(ctx)?, opt_uuid(&learner_id)?, birth_date.0)
                .await?
                .into(),
        )
    }
}
