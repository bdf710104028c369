//! The personal-data marks (issue 36): docs/PRIVACY.md lists exactly the columns the database
//! marks personal; every column that looks personal is marked or said not to be, with why; a
//! subject mark names a table with an `id` to follow.

use std::collections::BTreeSet;

use infra::personal::{self, ACCOUNT, Category, Mark};

use crate::TestEnv;

async fn marks(env: &TestEnv, schema: &str) -> Vec<Mark> {
    let mut conn = env.db.admin_pool().acquire().await.unwrap();
    personal::marks(&mut conn, schema).await.unwrap()
}

/// `(schema kind, table, column, mark)` of the marks of the platform and of one community.
async fn marked(env: &TestEnv) -> (BTreeSet<(String, String, String, String)>, String) {
    let community = env.community("marks").await.tenant().schema;
    let mut out = BTreeSet::new();
    for (kind, schema) in [("platform", "platform"), ("community", community.as_str())] {
        for m in marks(env, schema).await {
            let mark = match &m.target {
                Some(t) => format!("{}:{t}", m.category.as_str()),
                None => m.category.as_str().to_string(),
            };
            out.insert((kind.to_string(), m.table, m.column, mark));
        }
    }
    (out, community)
}

#[tokio::test]
async fn privacy_md_lists_exactly_the_marked_columns() {
    let env = TestEnv::new().await;
    let (marked, _) = marked(&env).await;
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/PRIVACY.md"
    ))
    .unwrap();
    let section = doc
        .split("## The marked columns")
        .nth(1)
        .expect("PRIVACY.md has its section of marked columns");
    let listed: BTreeSet<(String, String, String, String)> = section
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l
                .trim()
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            (cells.len() == 4 && ["platform", "community"].contains(&cells[0])).then(|| {
                (
                    cells[0].to_string(),
                    cells[1].to_string(),
                    cells[2].to_string(),
                    cells[3].to_string(),
                )
            })
        })
        .collect();
    let missing: Vec<_> = marked.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&marked).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "PRIVACY.md does not match the marks.\nmarked, not listed: {missing:#?}\nlisted, not marked: {stale:#?}"
    );
    assert!(marked.len() > 100, "{}", marked.len());
}

/// Columns whose names look personal but are not, and why.
const NOT_PERSONAL: &[(&str, &str)] = &[
    ("agreements.organisation_name", "a partner organisation"),
    ("agreements.team_name", "a partner team"),
    ("bookings.team_name", "a partner team"),
    ("demands.team_name", "a partner team"),
    ("teachers.team_name", "a partner team"),
    ("venture_proposals.team_name", "a partner team"),
    ("partner_teams.name", "a partner team"),
    ("partner_teams.skills", "a partner team's skills"),
    ("organisations.name", "a partner organisation"),
    ("cadence_targets.name", "a target's name"),
    ("clubs.name", "a club"),
    ("course_categories.name", "a category"),
    ("courtyards.name", "a courtyard or grid"),
    ("courtyards.households", "a count"),
    ("farm_seasons.name", "a season"),
    ("federations.name", "a federation of clubs"),
    ("funds.name", "a fund"),
    ("list_kinds.name", "a kind of list"),
    ("micro_grids.name", "a micro-grid"),
    ("partner_alliances.name", "an alliance"),
    ("rewards.name", "a reward"),
    ("spaces.name", "a space"),
    ("spaces.bookable_by", "who may book: a kind, not a person"),
    ("volunteer_post_types.name", "a kind of post"),
    ("schema_migrations.name", "a migration"),
    ("communities.name", "a community"),
    ("communities.households", "a count"),
    ("communities.residents", "a count"),
    ("communities.role_name", "a database role"),
    ("communities.schema_name", "a schema"),
    ("spare_schemas.role_name", "a database role"),
    ("spare_schemas.schema_name", "a schema"),
    ("districts.name", "a district"),
    ("district_targets.name", "a target"),
    ("pilot_groups.name", "a group of communities"),
    ("invitations.confirm_by_staff", "a setting"),
    (
        "accounts.phone_verified",
        "a flag about the number, which is marked",
    ),
    (
        "demand_steps.for_resident",
        "a flag: the step is shown to the resident",
    ),
    ("follow_ups.owner_kind", "a kind"),
    (
        "course_sessions.cancel_reason",
        "why a session was cancelled, said to its class",
    ),
    ("space_closures.reason", "why a space is closed"),
    (
        "agreement_activities.void_reason",
        "an officer's reason about an activity",
    ),
    (
        "follow_ups.drop_reason",
        "an officer's reason about a decision",
    ),
    (
        "fund_requests.decline_reason",
        "an officer's reason about spending",
    ),
    (
        "partnerships.reason",
        "between a community and an organisation",
    ),
    (
        "partnerships.end_reason",
        "between a community and an organisation",
    ),
    ("partnerships.resident_rights", "a setting of a partnership"),
    (
        "patrols.notes",
        "a patrol's route and places; workers do not name residents",
    ),
    ("venture_milestones.note", "a partner's project"),
    ("venture_milestones.photo_key", "a partner's project"),
    (
        "venture_reviews.comment",
        "an expert's review of a proposal",
    ),
    ("space_photos.object_key", "a room"),
    ("space_photos.thumb_key", "a room"),
    ("finding_photos.object_key", "a place a patrol found"),
    ("finding_photos.thumb_key", "a place a patrol found"),
    ("fund_receipts.object_key", "a receipt"),
    ("fund_receipts.thumb_key", "a receipt"),
    (
        "collective_members.account_id",
        "a collective card (a points account)",
    ),
    (
        "exhibition_shares.names",
        "how a share names authors (full, surname, none): a setting",
    ),
    ("federations.leader", "a club federation's leading club"),
    ("volunteer_shifts.leader_id", "who leads a shift: an actor"),
    ("partner_teams.leader_id", "who leads a team: an actor"),
];

/// The names a personal column would have.
fn looks_personal(column: &str) -> bool {
    const WORDS: &[&str] = &[
        "name",
        "phone",
        "birth",
        "household",
        "_key",
        "note",
        "comment",
        "reason",
        "answers",
        "body",
        "detail",
        "account",
        "holder",
        "nominee",
        "resident",
        "member",
        "address",
        "skills",
        "workplace",
        "leader",
        "owner",
    ];
    WORDS.iter().any(|w| column.contains(w))
}

/// An account id of whoever acted: see PRIVACY.md.
fn names_an_actor(column: &str, ty: &str) -> bool {
    ty == "uuid" && (column.ends_with("_by") || column.starts_with("by_") || column == "reviewer")
}

#[tokio::test]
async fn every_column_that_looks_personal_is_marked_or_said_not_to_be() {
    let env = TestEnv::new().await;
    let (marked, community) = marked(&env).await;
    let columns: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, data_type::text
           FROM information_schema.columns c
           JOIN information_schema.tables t USING (table_schema, table_name)
          WHERE table_schema IN ('platform', $1) AND t.table_type = 'BASE TABLE'",
    )
    .bind(&community)
    .fetch_all(env.db.admin_pool())
    .await
    .unwrap();
    let is_marked = |t: &str, c: &str| marked.iter().any(|(_, mt, mc, _)| mt == t && mc == c);
    let unsaid: Vec<String> = columns
        .iter()
        .filter(|(t, c, ty)| {
            looks_personal(c)
                && !names_an_actor(c, ty)
                && !is_marked(t, c)
                && !NOT_PERSONAL.iter().any(|(n, _)| *n == format!("{t}.{c}"))
        })
        .map(|(t, c, _)| format!("{t}.{c}"))
        .collect();
    assert!(
        unsaid.is_empty(),
        "mark these personal (a *_personal_data.sql migration and PRIVACY.md) or say why not: {unsaid:?}"
    );
    let gone: Vec<&str> = NOT_PERSONAL
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| !columns.iter().any(|(t, c, _)| format!("{t}.{c}") == *n))
        .collect();
    assert!(gone.is_empty(), "no such columns any more: {gone:?}");
}

#[tokio::test]
async fn a_subject_mark_names_a_table_whose_id_it_holds() {
    let env = TestEnv::new().await;
    let community = env.community("subjects").await.tenant().schema;
    for schema in ["platform", community.as_str()] {
        for m in marks(&env, schema).await {
            let ty: String = sqlx::query_scalar(
                "SELECT data_type::text FROM information_schema.columns
                  WHERE table_schema = $1 AND table_name = $2 AND column_name = $3",
            )
            .bind(schema)
            .bind(&m.table)
            .bind(&m.column)
            .fetch_one(env.db.admin_pool())
            .await
            .unwrap();
            match (m.category, m.target.as_deref()) {
                (Category::Subject | Category::Carer, Some(ACCOUNT)) => {
                    assert_eq!(ty, "uuid", "{m:?}")
                }
                (Category::Subject, Some(target)) => {
                    assert_eq!(ty, "uuid", "{m:?}");
                    let id: Option<String> = sqlx::query_scalar(
                        "SELECT data_type::text FROM information_schema.columns
                          WHERE table_schema = $1 AND table_name = $2 AND column_name = 'id'",
                    )
                    .bind(schema)
                    .bind(target)
                    .fetch_optional(env.db.admin_pool())
                    .await
                    .unwrap();
                    assert_eq!(
                        id.as_deref(),
                        Some("uuid"),
                        "{m:?}: its target has no uuid id"
                    );
                }
                (Category::Photo, _) => assert_eq!(ty, "text", "{m:?}"),
                _ => {}
            }
        }
    }
}

/// Erasure rewrites each marked column by its category, type and nullability
/// (`infra::personal::erase`): every column marked in a community schema has a rule, so a new
/// personal column that erasure could not rewrite fails here, not when a person asks.
#[tokio::test]
async fn every_marked_column_of_a_community_can_be_erased() {
    let env = TestEnv::new().await;
    let community = env.community("erasable").await.tenant().schema;
    let mut conn = env.db.admin_pool().acquire().await.unwrap();
    infra::personal::erasable(&mut conn, &community)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}
