//! Erasure that keeps the books (注销, PIPL art. 47): every column marked personal of every row
//! about the person is rewritten by its category, and nothing else moves — ids, statuses,
//! amounts, times and links stay, so the ledger still balances, seats and attendance keep their
//! counts and no dashboard figure changes (the figure triggers watch none of these columns).
//!
//! | category | becomes |
//! |---|---|
//! | name | `已注销·` and six random hex digits (names are unique in some tables) |
//! | identifier | `erased-` and 32 random hex digits |
//! | credential | `!erased`, which no password matches |
//! | contact, birth | NULL |
//! | text, a text affiliation | `（已注销）` where there was text, a list emptied, every string of a JSON document |
//! | photo | the object deleted (by the caller, after commit); a row that is only a photo is deleted |
//! | address | kept: the family's door, on a nameless row, counted by 入户摸底 coverage |
//! | a yes/no affiliation | kept: counted by the party members' figures, on a nameless row |
//!
//! The transaction says it is erasing (`linli.erasure`, migration 0074), so the guards that keep
//! closed records closed step aside and `erasure_keeps_the_books` holds that only personal
//! columns change.

use std::collections::BTreeMap;

use sqlx::PgConnection;
use uuid::Uuid;

use super::{ACCOUNT, Category, Follow, Mark, marks, reach};
use crate::db::ddl::ident;

const PLACEHOLDER: &str = "'（已注销）'";

/// What an erasure did in one schema.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Erased {
    /// Rows rewritten or deleted.
    pub rows: u64,
    /// Object keys of the person's photos, to delete from storage once the transaction commits.
    pub photos: Vec<String>,
}

/// Say, for the rest of the transaction, that it erases: the guards of closed records step
/// aside (migration 0074) and the domains' blockers lock what they watch. [`erase`] and
/// [`erase_all`] run in such a transaction; without it the guards refuse them.
pub async fn begin_erasure(conn: &mut PgConnection) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT set_config('linli.erasure', 'on', true)")
        .execute(conn)
        .await
        .map(drop)
}

/// Erase, in `schema` and the caller's erasing transaction ([`begin_erasure`]), every row the
/// subject marks reach from `seeds`. Run again, it finds the same rows and changes nothing more
/// that matters.
pub async fn erase(
    conn: &mut PgConnection,
    schema: &str,
    seeds: &BTreeMap<String, Vec<Uuid>>,
) -> Result<Erased, sqlx::Error> {
    let marks = marks(&mut *conn, schema).await?;
    let reached = reach(&mut *conn, schema, &marks, seeds, Follow::Subjects).await?;
    let columns = columns(&mut *conn, schema).await?;
    let mut ids: BTreeMap<&str, Vec<Uuid>> = reached
        .ids
        .iter()
        .map(|(t, s)| (t.as_str(), s.iter().copied().collect()))
        .collect();
    ids.entry(ACCOUNT).or_default();
    let mut out = Erased::default();
    for (table, rows) in &reached.tables {
        let on_table: Vec<&Mark> = marks.iter().filter(|m| &m.table == table).collect();
        for m in on_table.iter().filter(|m| m.category == Category::Photo) {
            out.photos.extend(
                rows.iter()
                    .filter_map(|r| r.get(&m.column).and_then(|v| v.as_str()))
                    .map(str::to_string),
            );
        }
        // Rows about the person: a subject column holding one of the ids reached of its target,
        // or a row reached itself (a seed: a child's record).
        let mut subjects: Vec<(&str, &[Uuid])> = on_table
            .iter()
            .filter(|m| m.category == Category::Subject)
            .filter_map(|m| {
                let target = m.target.as_deref()?;
                Some((m.column.as_str(), ids.get(target)?.as_slice()))
            })
            .collect();
        if let Some(own) = ids.get(table.as_str()) {
            subjects.push(("id", own.as_slice()));
        }
        let Some(change) = change_of(table, &on_table, &columns, schema)? else {
            continue;
        };
        if subjects.is_empty() {
            continue;
        }
        let filter: Vec<String> = subjects
            .iter()
            .enumerate()
            .map(|(i, (c, _))| Ok(format!("{} = ANY(${})", ident(c)?, i + 1)))
            .collect::<Result<_, sqlx::Error>>()?;
        let sql = change.sql(&format!("WHERE {}", filter.join(" OR ")));
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (_, list) in &subjects {
            q = q.bind(*list);
        }
        out.rows += q.execute(&mut *conn).await?.rows_affected();
    }
    Ok(out)
}

/// Erase every person of `schema` (an archived community past its period): each marked column
/// of every row rewritten as [`erase`] would, in the caller's erasing transaction.
pub async fn erase_all(conn: &mut PgConnection, schema: &str) -> Result<Erased, sqlx::Error> {
    let marks = marks(&mut *conn, schema).await?;
    let columns = columns(&mut *conn, schema).await?;
    let tables: std::collections::BTreeSet<&str> = marks.iter().map(|m| m.table.as_str()).collect();
    let mut out = Erased::default();
    for table in tables {
        let on_table: Vec<&Mark> = marks.iter().filter(|m| m.table == table).collect();
        for m in on_table.iter().filter(|m| m.category == Category::Photo) {
            let keys: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT {c} FROM {}.{} WHERE {c} IS NOT NULL",
                ident(schema)?,
                ident(table)?,
                c = ident(&m.column)?
            )))
            .fetch_all(&mut *conn)
            .await?;
            out.photos.extend(keys);
        }
        if let Some(change) = change_of(table, &on_table, &columns, schema)? {
            out.rows += sqlx::query(sqlx::AssertSqlSafe(change.sql("")))
                .execute(&mut *conn)
                .await?
                .rows_affected();
        }
    }
    Ok(out)
}

/// One table's erasure: its rows deleted (a row that is only a photo) or its marked columns
/// rewritten.
struct Change {
    target: String,
    delete: bool,
    sets: Vec<String>,
}

impl Change {
    fn sql(&self, filter: &str) -> String {
        if self.delete {
            format!("DELETE FROM {} {filter}", self.target)
        } else {
            format!(
                "UPDATE {} SET {} {filter}",
                self.target,
                self.sets.join(", ")
            )
        }
    }
}

/// What erasing `table`'s marked columns takes; `None` when nothing there is rewritten.
fn change_of(
    table: &str,
    on_table: &[&Mark],
    columns: &BTreeMap<(String, String), Column>,
    schema: &str,
) -> Result<Option<Change>, sqlx::Error> {
    let delete = on_table
        .iter()
        .any(|m| m.category == Category::Photo && columns.get(&key(m)).is_some_and(|c| c.not_null));
    let mut sets = Vec::new();
    for m in on_table.iter().filter(|m| !m.links()) {
        let column = columns.get(&key(m)).ok_or_else(|| {
            sqlx::Error::Protocol(format!("{table}.{}: marked but not found", m.column))
        })?;
        if let Some(value) = rewrite(m.category, column, ident(&m.column)?, ident(schema)?)? {
            sets.push(format!("{} = {value}", ident(&m.column)?));
        }
    }
    if columns.contains_key(&(table.to_string(), "erased_at".into())) {
        sets.push("erased_at = coalesce(erased_at, now())".into());
    }
    if sets.is_empty() && !delete {
        return Ok(None);
    }
    Ok(Some(Change {
        target: format!("{}.{}", ident(schema)?, ident(table)?),
        delete,
        sets,
    }))
}

/// Does every marked column of `schema` have an erasure rule (its type and nullability allow
/// one)? Checked by a test over a community schema, so a new personal column that erasure
/// could not rewrite fails before any person asks.
pub async fn erasable(conn: &mut PgConnection, schema: &str) -> Result<(), sqlx::Error> {
    let marks = marks(&mut *conn, schema).await?;
    let columns = columns(&mut *conn, schema).await?;
    for m in marks.iter().filter(|m| !m.links()) {
        let column = columns.get(&key(m)).ok_or_else(|| {
            sqlx::Error::Protocol(format!("{}.{}: marked but not found", m.table, m.column))
        })?;
        rewrite(
            m.category,
            column,
            &format!("{}.{}", m.table, m.column),
            schema,
        )?;
    }
    Ok(())
}

fn key(m: &Mark) -> (String, String) {
    (m.table.clone(), m.column.clone())
}

struct Column {
    ty: String,
    not_null: bool,
}

/// The type and nullability of every column of `schema` that is marked or is `erased_at`.
async fn columns(
    conn: &mut PgConnection,
    schema: &str,
) -> Result<BTreeMap<(String, String), Column>, sqlx::Error> {
    let rows: Vec<(String, String, String, bool)> = sqlx::query_as(
        "SELECT c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod),
                a.attnotnull
           FROM pg_attribute a
           JOIN pg_class c ON c.oid = a.attrelid AND c.relkind = 'r'
           JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND a.attnum > 0 AND NOT a.attisdropped
            AND (a.attname = 'erased_at' OR EXISTS (
                 SELECT 1 FROM pg_description d
                  WHERE d.objoid = c.oid AND d.classoid = 'pg_class'::regclass
                    AND d.objsubid = a.attnum AND d.description LIKE 'personal:%'))",
    )
    .bind(schema)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(t, c, ty, not_null)| ((t, c), Column { ty, not_null }))
        .collect())
}

/// The value a marked column takes, as SQL over the column `col`; `None` keeps it.
fn rewrite(
    category: Category,
    column: &Column,
    col: &str,
    schema: &str,
) -> Result<Option<String>, sqlx::Error> {
    // Where a NULL means "none given" (a reason only a declined row has), a given value is
    // replaced and a missing one stays missing, so the row's CHECKs still hold.
    let given = |value: &str| {
        if column.not_null {
            value.to_string()
        } else {
            format!("CASE WHEN {col} IS NULL THEN NULL ELSE {value} END")
        }
    };
    let nulled = || {
        if column.not_null {
            Err(sqlx::Error::Protocol(format!(
                "{col}: a {} column cannot be erased to NULL",
                category.as_str()
            )))
        } else {
            Ok(Some("NULL".to_string()))
        }
    };
    let ty = column.ty.as_str();
    Ok(match category {
        Category::Subject | Category::Carer | Category::Address => None,
        Category::Affiliation if ty == "boolean" => None,
        Category::Name => Some(given("'已注销·' || substr(md5(random()::text), 1, 6)")),
        Category::Identifier => Some(given(
            "'erased-' || replace(gen_random_uuid()::text, '-', '')",
        )),
        Category::Credential => Some(given("'!erased'")),
        Category::Contact | Category::Birth => return nulled(),
        Category::Photo if !column.not_null => Some("NULL".into()),
        // A NOT NULL photo column: its row is deleted (see `only_a_photo`).
        Category::Photo => None,
        Category::Text | Category::Affiliation => match ty {
            "text" => Some(given(PLACEHOLDER)),
            "text[]" => Some(given("'{}'::text[]")),
            "jsonb" => Some(given(&format!("{schema}.erase_strings({col})"))),
            _ => {
                return Err(sqlx::Error::Protocol(format!(
                    "{col}: no erasure for a {} column of type {ty}",
                    category.as_str()
                )));
            }
        },
    })
}
