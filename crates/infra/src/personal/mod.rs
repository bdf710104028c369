//! Personal data (个人信息) as the database marks it: each column holding a person's data
//! carries a comment `personal:<category>` (the migrations named `*_personal_data.sql`), and
//! `personal:subject:<target>` marks the columns saying whom a row is about — `account` (a
//! platform account's id) or the `id` of a row of table `<target>`; `personal:carer:<target>`
//! names the account caring for the row's person (a child's guardian). Export walks subject
//! and carer marks from one account (or one registry record) to every row about the person and
//! the children in their care; erasure ([`erase`]) walks subject marks only. docs/PRIVACY.md
//! lists the same marks, and a test holds the two equal.

mod erase;
pub use erase::{Erased, begin_erasure, erasable, erase, erase_all};

use std::collections::{BTreeMap, BTreeSet};

use sqlx::PgConnection;
use uuid::Uuid;

use crate::db::ddl::ident;

/// What a marked column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// Whom the row is about (主体): an account id, or the id of a row about them.
    Subject,
    /// Who cares for the row's person (照护人: a child's guardian): export follows it, erasure
    /// of the carer does not.
    Carer,
    /// A person's name (姓名).
    Name,
    /// A login name or a network address (账号标识).
    Identifier,
    /// A phone number, encrypted, or its lookup hash (联系方式).
    Contact,
    /// A birth date (出生日期).
    Birth,
    /// Where a person lives: courtyard, household (住址).
    Address,
    /// Free text written by or about the person (文字).
    Text,
    /// The key of a photo in object storage (照片).
    Photo,
    /// Party membership or organisation (政治面貌).
    Affiliation,
    /// A password's hash (凭据): never exported.
    Credential,
}

impl Category {
    pub const ALL: [Category; 11] = [
        Category::Subject,
        Category::Carer,
        Category::Name,
        Category::Identifier,
        Category::Contact,
        Category::Birth,
        Category::Address,
        Category::Text,
        Category::Photo,
        Category::Affiliation,
        Category::Credential,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Subject => "subject",
            Category::Carer => "carer",
            Category::Name => "name",
            Category::Identifier => "identifier",
            Category::Contact => "contact",
            Category::Birth => "birth",
            Category::Address => "address",
            Category::Text => "text",
            Category::Photo => "photo",
            Category::Affiliation => "affiliation",
            Category::Credential => "credential",
        }
    }
}

/// The target of a subject mark naming a platform account.
pub const ACCOUNT: &str = "account";

/// One marked column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mark {
    pub table: String,
    pub column: String,
    pub category: Category,
    /// For a subject or carer mark: `account`, or the table whose `id` the column holds.
    pub target: Option<String>,
}

impl Mark {
    /// Does the mark say whom a row is about, or who cares for them?
    pub fn links(&self) -> bool {
        matches!(self.category, Category::Subject | Category::Carer)
    }
}

/// Which links a walk follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    /// The person's rows and those of the children in their care (export).
    SubjectsAndCarers,
    /// The person's own rows only (erasure).
    Subjects,
}

impl Follow {
    fn takes(self, m: &Mark) -> bool {
        match self {
            Follow::SubjectsAndCarers => m.links(),
            Follow::Subjects => m.category == Category::Subject,
        }
    }
}

impl Mark {
    /// A column comment as a mark; `None` for any other comment. An unknown category or a
    /// subject without its target is an error: a mark nobody reads would hide data.
    pub fn parse(table: &str, column: &str, comment: &str) -> Result<Option<Mark>, String> {
        let Some(rest) = comment.strip_prefix("personal:") else {
            return Ok(None);
        };
        let (category, target) = match rest.split_once(':') {
            Some((c, t)) => (c, Some(t.to_string())),
            None => (rest, None),
        };
        let category = Category::ALL
            .into_iter()
            .find(|c| c.as_str() == category)
            .ok_or_else(|| format!("{table}.{column}: unknown personal category {category:?}"))?;
        let links = matches!(category, Category::Subject | Category::Carer);
        if links != target.is_some() {
            return Err(format!(
                "{table}.{column}: only a subject or carer mark names a target, and it must"
            ));
        }
        Ok(Some(Mark {
            table: table.into(),
            column: column.into(),
            category,
            target,
        }))
    }
}

/// The marks on the tables of `schema`.
pub async fn marks(conn: &mut PgConnection, schema: &str) -> Result<Vec<Mark>, sqlx::Error> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT c.relname::text, a.attname::text, d.description
           FROM pg_description d
           JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
           JOIN pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
          WHERE n.nspname = $1 AND d.objsubid > 0 AND c.relkind = 'r'
          ORDER BY 1, 2",
    )
    .bind(schema)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::new();
    for (table, column, comment) in rows {
        match Mark::parse(&table, &column, &comment) {
            Ok(Some(m)) => out.push(m),
            Ok(None) => {}
            Err(e) => return Err(sqlx::Error::Protocol(e)),
        }
    }
    Ok(out)
}

/// Every row about a person, table by table, each row as its JSON object (`to_jsonb`).
#[derive(Debug, Default, Clone)]
pub struct Reached {
    pub tables: BTreeMap<String, Vec<serde_json::Value>>,
    /// The ids reached per table, and the seeds per target (`account` included).
    pub ids: BTreeMap<String, BTreeSet<Uuid>>,
}

impl Reached {
    pub fn rows(&self) -> usize {
        self.tables.values().map(Vec::len).sum()
    }

    /// The values of `column` in the rows reached of `table` that hold a text.
    pub fn texts<'a>(&'a self, table: &str, column: &'a str) -> impl Iterator<Item = &'a str> {
        self.tables
            .get(table)
            .into_iter()
            .flatten()
            .filter_map(move |r| r.get(column).and_then(|v| v.as_str()))
    }
}

/// Walk the links `follow` takes from the seeds — `account` ids, or ids of rows of a table —
/// to every row about the person: a row is reached when a link column holds a seed or the id
/// of a row already reached of its target table, in `schema`.
/// Each step queries only the marks whose target gained rows, with only the new ids.
pub async fn reach(
    conn: &mut PgConnection,
    schema: &str,
    marks: &[Mark],
    seeds: &BTreeMap<String, Vec<Uuid>>,
    follow: Follow,
) -> Result<Reached, sqlx::Error> {
    let subjects: Vec<&Mark> = marks.iter().filter(|m| follow.takes(m)).collect();
    let mut reached = Reached::default();
    // Rows already taken, by their text: a row reached twice is exported once.
    let mut seen: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut ids: BTreeMap<String, BTreeSet<Uuid>> = BTreeMap::new();
    // The ids each target gained and not yet followed.
    let mut fresh: BTreeMap<String, Vec<Uuid>> = BTreeMap::new();
    for (target, list) in seeds {
        if target != ACCOUNT {
            // A seed row is itself reached.
            let rows = select(&mut *conn, schema, target, "id", list).await?;
            take(target, rows, &mut reached, &mut seen, &mut ids, &mut fresh);
        }
        fresh.entry(target.clone()).or_default().extend(list);
        ids.entry(target.clone()).or_default().extend(list);
    }
    while let Some(target) = fresh.keys().next().cloned() {
        let list = fresh.remove(&target).unwrap_or_default();
        if list.is_empty() {
            continue;
        }
        for m in subjects
            .iter()
            .filter(|m| m.target.as_deref() == Some(target.as_str()))
        {
            let rows = select(&mut *conn, schema, &m.table, &m.column, &list).await?;
            take(
                &m.table,
                rows,
                &mut reached,
                &mut seen,
                &mut ids,
                &mut fresh,
            );
        }
    }
    reached.ids = ids;
    Ok(reached)
}

async fn select(
    conn: &mut PgConnection,
    schema: &str,
    table: &str,
    column: &str,
    list: &[Uuid],
) -> Result<Vec<serde_json::Value>, sqlx::Error> {
    let sql = format!(
        "SELECT to_jsonb(t) FROM {}.{} t WHERE {} = ANY($1)",
        ident(schema)?,
        ident(table)?,
        ident(column)?
    );
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(list)
        .fetch_all(conn)
        .await
}

fn take(
    table: &str,
    rows: Vec<serde_json::Value>,
    reached: &mut Reached,
    seen: &mut BTreeMap<String, BTreeSet<String>>,
    ids: &mut BTreeMap<String, BTreeSet<Uuid>>,
    fresh: &mut BTreeMap<String, Vec<Uuid>>,
) {
    for row in rows {
        if !seen
            .entry(table.to_string())
            .or_default()
            .insert(row.to_string())
        {
            continue;
        }
        let id = row
            .get("id")
            .and_then(|v| v.as_str())
            .and_then(|s| s.parse::<Uuid>().ok());
        if let Some(id) = id
            && ids.entry(table.to_string()).or_default().insert(id)
        {
            fresh.entry(table.to_string()).or_default().push(id);
        }
        reached
            .tables
            .entry(table.to_string())
            .or_default()
            .push(row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_parse_and_refuse_what_nobody_reads() {
        assert_eq!(Mark::parse("t", "c", "a note").unwrap(), None);
        let m = Mark::parse("t", "c", "personal:subject:learners")
            .unwrap()
            .unwrap();
        assert_eq!(m.category, Category::Subject);
        assert_eq!(m.target.as_deref(), Some("learners"));
        assert_eq!(
            Mark::parse("t", "c", "personal:name")
                .unwrap()
                .unwrap()
                .category,
            Category::Name
        );
        assert!(Mark::parse("t", "c", "personal:subject").is_err());
        assert!(
            Mark::parse("t", "c", "personal:carer:account")
                .unwrap()
                .unwrap()
                .links()
        );
        assert!(Mark::parse("t", "c", "personal:name:x").is_err());
        assert!(Mark::parse("t", "c", "personal:nickname").is_err());
    }
}
