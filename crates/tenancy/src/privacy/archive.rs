//! The archive a person takes away: per schema a folder with each table's rows as JSON and as
//! CSV (spreadsheets open it), the photos of their works and demands, and a README saying what
//! is there and what is left out (a password's hash, the lookup hashes of phone numbers).

use std::io::{Cursor, Write};

use infra::crypto::Secrets;
use infra::personal::{Category, Mark};
use infra::{AppError, AppResult};
use serde_json::{Map, Value};
use zip::write::SimpleFileOptions;

use super::model::SchemaPart;

/// A photo to put in the archive: where it goes and its bytes (or why it is missing).
pub struct Photo {
    pub path: String,
    pub bytes: Option<Vec<u8>>,
}

/// Rows as the person reads them: encrypted phone numbers opened, lookup hashes and password
/// hashes left out (they say nothing to a person and would only help an attacker).
pub fn readable(part: &SchemaPart, secrets: &Secrets) -> Vec<(String, Vec<Map<String, Value>>)> {
    part.reached
        .tables
        .iter()
        .map(|(table, rows)| {
            let marks: Vec<&Mark> = part.marks.iter().filter(|m| &m.table == table).collect();
            let rows = rows
                .iter()
                .filter_map(|r| r.as_object().cloned())
                .map(|mut row| {
                    for m in &marks {
                        match m.category {
                            Category::Credential => {
                                row.remove(&m.column);
                            }
                            Category::Contact if m.column.ends_with("_encrypted") => {
                                let plain = row
                                    .remove(&m.column)
                                    .and_then(|v| v.as_str().and_then(|s| secrets.decrypt(s)));
                                let name = m.column.trim_end_matches("_encrypted").to_string();
                                row.insert(name, plain.map_or(Value::Null, Value::String));
                            }
                            Category::Contact => {
                                row.remove(&m.column);
                            }
                            _ => {}
                        }
                    }
                    row
                })
                .collect();
            (table.clone(), rows)
        })
        .collect()
}

/// The photo keys among the rows reached, with the archive path each goes to.
pub fn photo_keys(part: &SchemaPart) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for m in part.marks.iter().filter(|m| m.category == Category::Photo) {
        for key in part.reached.texts(&m.table, &m.column) {
            let file = key.rsplit('/').next().unwrap_or(key);
            out.push((
                key.to_string(),
                format!("{}/photos/{}/{}", part.folder, m.table, file),
            ));
        }
    }
    out
}

/// A table's rows as CSV: the columns of its first row, in order; other values as JSON.
fn csv(rows: &[Map<String, Value>]) -> AppResult<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let columns: Vec<&String> = rows.first().map(|r| r.keys().collect()).unwrap_or_default();
    w.write_record(&columns).map_err(AppError::internal)?;
    for r in rows {
        let cells = columns.iter().map(|c| match r.get(*c) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
        });
        w.write_record(cells).map_err(AppError::internal)?;
    }
    // A byte-order mark: Excel opens UTF-8 CSV as Chinese text only with it.
    let mut out = "\u{feff}".as_bytes().to_vec();
    out.extend(w.into_inner().map_err(AppError::internal)?);
    Ok(out)
}

/// The zip: `README.txt`, then per schema `<folder>/<table>.json` and `.csv`, then photos.
pub fn build(
    parts: &[SchemaPart],
    photos: &[Photo],
    secrets: &Secrets,
    header: &str,
) -> AppResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut readme = String::from(header);
    for part in parts {
        readme.push_str(&format!("\n{}（{}）\n", part.title, part.folder));
        for (table, rows) in readable(part, secrets) {
            readme.push_str(&format!("  {table}: {} 条 / rows\n", rows.len()));
            let json = serde_json::to_vec_pretty(&rows).map_err(AppError::internal)?;
            put(
                &mut zip,
                &format!("{}/{table}.json", part.folder),
                &json,
                opts,
            )?;
            put(
                &mut zip,
                &format!("{}/{table}.csv", part.folder),
                &csv(&rows)?,
                opts,
            )?;
        }
    }
    let missing: Vec<&Photo> = photos.iter().filter(|p| p.bytes.is_none()).collect();
    for p in photos {
        if let Some(b) = &p.bytes {
            // Photos are compressed already.
            let stored = opts.compression_method(zip::CompressionMethod::Stored);
            put(&mut zip, &p.path, b, stored)?;
        }
    }
    if !missing.is_empty() {
        readme.push_str("\n以下照片在存储中未找到 / photos not found in storage:\n");
        for p in missing {
            readme.push_str(&format!("  {}\n", p.path));
        }
    }
    put(&mut zip, "README.txt", readme.as_bytes(), opts)?;
    Ok(zip.finish().map_err(AppError::internal)?.into_inner())
}

fn put(
    zip: &mut zip::ZipWriter<Cursor<Vec<u8>>>,
    path: &str,
    bytes: &[u8],
    opts: SimpleFileOptions,
) -> AppResult<()> {
    zip.start_file(path, opts).map_err(AppError::internal)?;
    zip.write_all(bytes).map_err(AppError::internal)
}

/// What the README says first, Chinese then English.
pub fn header(who: &str, at: chrono::DateTime<chrono::Utc>) -> String {
    format!(
        "邻里 · 个人信息副本\n\
         本压缩包包含邻里平台持有的关于「{who}」及其监护的未成年人的全部个人信息，\n\
         生成于 {at}（UTC）。每张表有 JSON 和 CSV 两种格式；作品和诉求的照片在 photos 目录。\n\
         未包含：密码的散列值、手机号的查询散列（它们不是您的信息本身，只会帮助攻击者）。\n\
         \n\
         Linli · a copy of your personal data\n\
         Everything the Linli platform holds about \"{who}\" and the minors in their care,\n\
         made at {at} (UTC). Each table as JSON and as CSV; photos of works and demands under\n\
         photos/. Left out: the password's hash and the phone numbers' lookup hashes.\n",
        at = at.format("%Y-%m-%d %H:%M")
    )
}
