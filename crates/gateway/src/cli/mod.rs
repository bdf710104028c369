//! Operator commands. They run against the same database as `serve`, embedded or configured.

use std::io::BufRead;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context as _, bail};
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use infra::AppError;
use tenancy::Role;
use tenancy::Tenancy;
use tenancy::{Actor, GrantInput, NewAccountInput};

use crate::config::Config;
use crate::runtime;

mod onboarding;
use onboarding::{Row, import, onboard_row};

#[derive(Subcommand)]
pub enum AdminCommand {
    /// Create a platform admin. The password is read from standard input.
    Create {
        #[arg(long)]
        login: String,
        #[arg(long, default_value = "平台管理员")]
        display_name: String,
        /// Read the password from the first line of standard input.
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

#[derive(Subcommand)]
pub enum DistrictCommand {
    /// Create a district, or a street under its district with --parent.
    Create {
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        parent: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum CommunityCommand {
    /// Onboard one community (creates its schema, role and tables).
    Onboard {
        #[arg(long)]
        district: String,
        #[arg(long)]
        slug: String,
        #[arg(long)]
        name: String,
        /// old_courtyard, resettlement, commercial_housing, public_rental, university_town,
        /// worker_dormitory or mixed
        #[arg(long, default_value = "mixed")]
        kind: String,
        #[arg(long)]
        households: Option<i32>,
        #[arg(long)]
        residents: Option<i32>,
    },
    /// Onboard every community of a CSV file with the header
    /// `district_code,slug,name,kind,households,residents`.
    Import {
        file: PathBuf,
        /// Communities onboarded at once.
        #[arg(long, default_value_t = 2)]
        jobs: usize,
    },
    /// Back up one community: its schema, platform rows, rollups and objects, with a checksum
    /// of every table, into a new directory.
    Backup {
        slug: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Restore one community's backup into this cluster, where it must not exist yet (its
    /// district, by code, must); every table, row and object is checked before it serves.
    Restore {
        #[arg(long)]
        from: PathBuf,
        /// Put the backup in place of the community already here (same id): it is offline
        /// while its schema is swapped, and what was written since the backup is gone.
        #[arg(long)]
        replace: bool,
    },
    /// Move one community to another cluster: read-only here, copied, checked, then served
    /// there; this cluster keeps a read-only copy until `confirm-move`.
    Move(crate::backup::moving::MoveArgs),
    /// After a move: remove the copy left here (schema, role, rows, objects); the routing
    /// entry that sends requests to the new address stays.
    ConfirmMove { slug: String },
}

#[derive(Args)]
pub struct MigrateArgs {
    /// Only report community schemas whose tables, columns or indexes differ from what the
    /// migrations produce; exit 1 when any does.
    #[arg(long)]
    check: bool,
    /// Community schemas migrated in parallel.
    #[arg(long, default_value_t = 4)]
    jobs: usize,
    /// Benchmarks only (deploy/bench.sh), never on a database you keep: also apply this SQL
    /// file as one more community migration after the embedded ones.
    #[arg(long, hide = true)]
    extra_migration: Option<PathBuf>,
}

async fn open(config: &Config) -> anyhow::Result<(Tenancy, runtime::Database)> {
    let secrets = runtime::secrets(config)?;
    let database = runtime::open_database(config, &secrets).await?;
    let t = Tenancy::new(database.db.clone(), secrets, Default::default());
    Ok((t, database))
}

pub(crate) fn app_err(e: AppError) -> anyhow::Error {
    anyhow::anyhow!("{} ({})", e.zh, e.code.as_str())
}

pub async fn admin(config: &Config, cmd: AdminCommand) -> anyhow::Result<()> {
    let AdminCommand::Create {
        login,
        display_name,
        ..
    } = cmd;
    let mut password = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut password)
        .context("reading the password")?;
    let password = password.trim_end_matches(['\n', '\r']).to_string();
    let (t, _db) = open(config).await?;
    let account = t
        .create_account(
            Actor::Operator,
            NewAccountInput {
                login_name: login.clone(),
                display_name,
                password,
                phone: None,
            },
        )
        .await
        .map_err(app_err)?;
    t.grant_role(
        Actor::Operator,
        GrantInput {
            account_id: account.id,
            role: Role::PlatformAdmin,
            district_code: None,
            community_slug: None,
        },
    )
    .await
    .map_err(app_err)?;
    println!("platform admin {login} created ({})", account.id);
    Ok(())
}

pub async fn districts(config: &Config, cmd: DistrictCommand) -> anyhow::Result<()> {
    let DistrictCommand::Create { code, name, parent } = cmd;
    let (t, _db) = open(config).await?;
    match t
        .create_district(Actor::Operator, &code, &name, parent.as_deref())
        .await
    {
        Ok(d) => println!("district {} {} created", d.code, d.name),
        Err(e) if e.code == infra::ErrorCode::Conflict => println!("district {code} exists"),
        Err(e) => return Err(app_err(e)),
    }
    Ok(())
}

pub async fn communities(config: &Config, cmd: CommunityCommand) -> anyhow::Result<()> {
    use crate::backup::{community, moving, restore_one};
    // These work on the database and store directly (restore and move on another cluster's).
    match cmd {
        CommunityCommand::Backup { slug, out } => {
            return community::backup(config, &slug, &out).await;
        }
        CommunityCommand::Restore { from, replace } => {
            return restore_one::restore_cmd(config, &from, replace).await;
        }
        CommunityCommand::Move(args) => return moving::move_community(config, args).await,
        CommunityCommand::ConfirmMove { slug } => return moving::confirm(config, &slug).await,
        _ => {}
    }
    let (t, _db) = open(config).await?;
    match cmd {
        CommunityCommand::Onboard {
            district,
            slug,
            name,
            kind,
            households,
            residents,
        } => {
            let row = Row {
                line: 0,
                district_code: district,
                slug,
                name,
                kind,
                households,
                residents,
            };
            let started = Instant::now();
            match onboard_row(&t, &row).await {
                Ok(true) => println!(
                    "community {} onboarded in {:.0?}",
                    row.slug,
                    started.elapsed()
                ),
                Ok(false) => println!("community {} exists; nothing changed", row.slug),
                Err(e) => bail!("onboarding {} failed: {e}", row.slug),
            }
            Ok(())
        }
        CommunityCommand::Import { file, jobs } => import(&t, &file, jobs).await,
        CommunityCommand::Backup { .. }
        | CommunityCommand::Restore { .. }
        | CommunityCommand::Move(_)
        | CommunityCommand::ConfirmMove { .. } => unreachable!("handled above"),
    }
}

pub async fn migrate(config: &Config, args: MigrateArgs) -> anyhow::Result<()> {
    // Every job holds one administrative connection.
    let mut config = config.clone();
    config.db_admin_max_connections = config.db_admin_max_connections.max(args.jobs as u32 + 2);
    let (t, _db) = open(&config).await?;
    let mut migrations = infra::migrations::community();
    if let Some(path) = &args.extra_migration {
        let sql =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        migrations.push(infra::migrations::Migration {
            version: infra::migrations::latest(&migrations) + 1,
            name: "extra".into(),
            sql: Box::leak(sql.into_boxed_str()),
            checksum: "extra".into(),
        });
    }
    if args.check {
        let started = Instant::now();
        let drifts = tenancy::communities::migrate::check_drift(t.db(), &migrations)
            .await
            .map_err(app_err)?;
        for d in &drifts {
            println!("{}:", d.slug);
            for m in &d.missing {
                println!("  missing     {m}");
            }
            for u in &d.unexpected {
                println!("  unexpected  {u}");
            }
        }
        println!(
            "{} community schema(s) drifted; checked in {:.1?}",
            drifts.len(),
            started.elapsed()
        );
        if !drifts.is_empty() {
            std::process::exit(1);
        }
        return Ok(());
    }
    let bar = ProgressBar::hidden();
    let report = tenancy::communities::migrate::migrate_all(
        t.db(),
        &migrations,
        args.jobs,
        |n| {
            if n > 0 {
                bar.set_length(n as u64);
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                bar.set_style(
                    ProgressStyle::with_template(
                        "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} {msg}",
                    )
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
                );
            }
        },
        |slug, _ok| {
            bar.set_message(slug.to_string());
            bar.inc(1);
        },
    )
    .await
    .map_err(app_err)?;
    bar.finish_and_clear();
    println!(
        "{} communities: {} migrated, {} failed, {} already up to date ({:.1?})",
        report.total,
        report.migrated.len(),
        report.failed.len(),
        report.total - report.pending,
        report.elapsed
    );
    for (slug, e) in &report.failed {
        println!("  {slug}: {e}");
    }
    if !report.failed.is_empty() {
        std::process::exit(1);
    }
    Ok(())
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

/// Time and peak memory of the photo pipeline for one 12-megapixel JPEG (4000×3000).
pub fn bench_photo() -> anyhow::Result<()> {
    let img = image::RgbImage::from_fn(4000, 3000, |x, y| {
        let n = (x.wrapping_mul(2654435761) ^ y.wrapping_mul(40503)) >> 24;
        image::Rgb([
            (x / 16) as u8 ^ n as u8,
            (y / 12) as u8,
            ((x + y) / 28) as u8,
        ])
    });
    let mut jpeg = Vec::new();
    image::DynamicImage::ImageRgb8(img).write_to(
        &mut std::io::Cursor::new(&mut jpeg),
        image::ImageFormat::Jpeg,
    )?;
    // Reset the peak so that only the pipeline counts (Linux: 5 > clear_refs).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let base = peak_rss_mb();
    let mut times = Vec::new();
    for _ in 0..3 {
        let t0 = Instant::now();
        let p = courses::photos::process(&jpeg).map_err(|e| anyhow::anyhow!("{e}"))?;
        times.push(t0.elapsed());
        assert!(p.width == 2048);
    }
    times.sort();
    println!(
        "photo pipeline: {:.2} MB JPEG 4000x3000, median {:.0} ms, peak RSS {:.0} MB ({:.0} MB above the process before it)",
        jpeg.len() as f64 / 1e6,
        times[1].as_secs_f64() * 1000.0,
        peak_rss_mb(),
        peak_rss_mb() - base
    );
    Ok(())
}

#[derive(Subcommand)]
pub enum DashboardsCommand {
    /// Recompute every community's rollups from its own tables (equal to the incremental
    /// rollups; pending events are counted once).
    Rebuild {
        /// Communities rebuilt at once.
        #[arg(long, default_value_t = 2)]
        jobs: usize,
    },
}

pub async fn dashboards(config: &Config, cmd: DashboardsCommand) -> anyhow::Result<()> {
    use futures::StreamExt;
    let DashboardsCommand::Rebuild { jobs } = cmd;
    let (t, _db) = open(config).await?;
    let started = Instant::now();
    let scopes = t.active_operator_scopes().await.map_err(app_err)?;
    // A rebuild stores no objects.
    let store = infra::storage::ObjectStore::unused();
    let results: Vec<infra::AppResult<usize>> = futures::stream::iter(scopes.iter().map(|scope| {
        let ctx = tenancy::CommunityCtx::new(
            t.db().clone(),
            t.secrets().clone(),
            store.clone(),
            scope.clone(),
        );
        async move { dashboards::api::rebuild(&ctx).await }
    }))
    .buffer_unordered(jobs.max(1))
    .collect()
    .await;
    let mut figures = 0;
    for r in results {
        figures += r.map_err(app_err)?;
    }
    println!(
        "rebuilt {figures} figure(s) of {} communit(ies) in {:.1?}",
        scopes.len(),
        started.elapsed()
    );
    Ok(())
}

#[derive(Subcommand)]
pub enum ExportCommand {
    /// A district's figures, a row per community (and its sub-districts').
    District(ExportArgs),
    /// One community's figures, a row per month.
    Community(ExportArgs),
}

#[derive(clap::Args)]
pub struct ExportArgs {
    /// The district's code or the community's slug.
    target: String,
    /// First day of the period (YYYY-MM-DD).
    #[arg(long)]
    from: chrono::NaiveDate,
    /// Last day of the period (YYYY-MM-DD).
    #[arg(long)]
    to: chrono::NaiveDate,
    /// xlsx or csv.
    #[arg(long, default_value = "xlsx")]
    format: String,
    /// Where to write the file [default: its name, in the current directory].
    #[arg(long)]
    out: Option<PathBuf>,
}

pub async fn export(config: &Config, cmd: ExportCommand) -> anyhow::Result<()> {
    use dashboards::api::FileFormat;
    let (district, args) = match cmd {
        ExportCommand::District(a) => (true, a),
        ExportCommand::Community(a) => (false, a),
    };
    let format = match args.format.as_str() {
        "xlsx" => FileFormat::Xlsx,
        "csv" => FileFormat::Csv,
        other => anyhow::bail!("unknown format {other:?}: xlsx or csv"),
    };
    let period = dashboards::api::Period::parse(args.from, args.to).map_err(app_err)?;
    let (t, _db) = open(config).await?;
    let started = Instant::now();
    let (name, bytes) = if district {
        let d = t.locate_district(&args.target).await.map_err(app_err)?;
        let scope = dashboards::api::Scope::District(d.id);
        dashboards::api::district_file(&t, &d, &scope, period, format)
            .await
            .map_err(app_err)?
    } else {
        let s = t.operator_scope(&args.target).await.map_err(app_err)?;
        let scope = dashboards::api::Scope::community(s.tenant().community_id);
        dashboards::api::community_file(t.db(), &s.tenant().name, &scope, period, format)
            .await
            .map_err(app_err)?
    };
    let path = args.out.unwrap_or_else(|| PathBuf::from(&name));
    std::fs::write(&path, &bytes).with_context(|| format!("writing {}", path.display()))?;
    println!(
        "wrote {} ({} bytes) in {:.1?}",
        path.display(),
        bytes.len(),
        started.elapsed()
    );
    Ok(())
}
