//! Onboarding from the command line: one community, or every row of a CSV file with a
//! progress bar and a result per row.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use indicatif::{ProgressBar, ProgressStyle};
use tenancy::Tenancy;
use tenancy::model::CommunityKind;
use tenancy::{Actor, OnboardInput};

pub(super) struct Row {
    pub line: usize,
    pub district_code: String,
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub households: Option<i32>,
    pub residents: Option<i32>,
}

pub(super) async fn onboard_row(t: &Tenancy, r: &Row) -> Result<bool, String> {
    let input = OnboardInput {
        district_code: r.district_code.clone(),
        slug: r.slug.clone(),
        name: r.name.clone(),
        kind: CommunityKind::parse(&r.kind).ok_or_else(|| format!("未知的社区类型 {}", r.kind))?,
        households: r.households,
        residents: r.residents,
    };
    t.onboard(Actor::Operator, input)
        .await
        .map(|(_, created)| created)
        .map_err(|e| e.zh.into_owned())
}

fn parse_csv(file: &PathBuf) -> anyhow::Result<Vec<Result<Row, (usize, String)>>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(file)
        .with_context(|| format!("opening {}", file.display()))?;
    let headers = reader.headers()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(d), Some(s), Some(n)) = (col("district_code"), col("slug"), col("name")) else {
        bail!(
            "the CSV needs the columns district_code, slug and name (kind, households, residents optional)"
        );
    };
    let (k, h, r) = (col("kind"), col("households"), col("residents"));
    let mut rows = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let line = i + 2;
        let rec = match rec {
            Ok(rec) => rec,
            Err(e) => {
                rows.push(Err((line, e.to_string())));
                continue;
            }
        };
        let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or("").to_string();
        let num = |c: Option<usize>| -> Result<Option<i32>, String> {
            let v = get(c);
            if v.is_empty() {
                Ok(None)
            } else {
                v.parse().map(Some).map_err(|_| format!("不是整数: {v}"))
            }
        };
        let row = (|| {
            Ok(Row {
                line,
                district_code: get(Some(d)),
                slug: get(Some(s)),
                name: get(Some(n)),
                kind: Some(get(k))
                    .filter(|k| !k.is_empty())
                    .unwrap_or_else(|| "mixed".into()),
                households: num(h)?,
                residents: num(r)?,
            })
        })();
        rows.push(row.map_err(|e: String| (line, e)));
    }
    Ok(rows)
}

pub(super) async fn import(t: &Tenancy, file: &PathBuf, jobs: usize) -> anyhow::Result<()> {
    use futures::StreamExt;
    let rows = parse_csv(file)?;
    let bar = ProgressBar::new(rows.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = Instant::now();
    let mut failures: Vec<(usize, String, String)> = Vec::new();
    let mut ok_rows = Vec::new();
    for r in rows {
        match r {
            Ok(row) => ok_rows.push(row),
            Err((line, e)) => failures.push((line, String::new(), e)),
        }
    }
    bar.inc(failures.len() as u64);
    let results: Vec<(Row, Result<bool, String>, Duration)> = futures::stream::iter(ok_rows)
        .map(|row| async move {
            let t0 = Instant::now();
            let r = onboard_row(t, &row).await;
            (row, r, t0.elapsed())
        })
        .buffer_unordered(jobs.max(1))
        .inspect(|(row, _, _)| {
            bar.set_message(row.slug.clone());
            bar.inc(1);
        })
        .collect()
        .await;
    bar.finish_and_clear();
    let (mut created, mut existing) = (0, 0);
    let mut times: Vec<Duration> = Vec::new();
    for (row, r, took) in results {
        match r {
            Ok(true) => {
                created += 1;
                times.push(took);
            }
            Ok(false) => existing += 1,
            Err(e) => failures.push((row.line, row.slug, e)),
        }
    }
    times.sort();
    let pct = |p: f64| {
        times
            .get(((times.len() as f64 - 1.0) * p).round() as usize)
            .copied()
            .unwrap_or_default()
    };
    println!(
        "onboarded {created}, already present {existing}, failed {} in {:.1?} (per community p50 {:.0?}, p95 {:.0?})",
        failures.len(),
        started.elapsed(),
        pct(0.50),
        pct(0.95)
    );
    failures.sort();
    for (line, slug, e) in &failures {
        println!("  line {line} {slug}: {e}");
    }
    if !failures.is_empty() {
        std::process::exit(1);
    }
    Ok(())
}
