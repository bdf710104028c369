//! `linli`: the Linli gateway and its operator commands.

// The merged GraphQL roots nest one level per feature; their futures need a deeper limit.
#![recursion_limit = "256"]

mod app;
mod audit;
mod backup;
mod cli;
mod config;
mod console;
mod demo;
mod gate;
mod gql;
mod ical_feed;
mod input;
mod request_keys;
mod runtime;
mod share_page;
mod survey_page;
mod telemetry;
mod worker;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use crate::config::Config;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "linli",
    version,
    about = "Linli (邻里): community colleges and co-governance"
)]
struct Cli {
    /// Where the embedded PostgreSQL cluster, objects and keys live [env: LINLI_DATA_DIR]
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the GraphQL gateway.
    Serve {
        /// Seed the communities of the seed reports and demo accounts; enable GraphiQL.
        #[arg(long)]
        demo: bool,
        /// Address to listen on [env: LINLI_LISTEN; default 127.0.0.1:8080]
        #[arg(long)]
        listen: Option<SocketAddr>,
    },
    /// Operator accounts.
    Admin {
        #[command(subcommand)]
        command: cli::AdminCommand,
    },
    /// Districts and streets (区 / 街道).
    Districts {
        #[command(subcommand)]
        command: cli::DistrictCommand,
    },
    /// Onboard communities, one or many.
    Communities {
        #[command(subcommand)]
        command: cli::CommunityCommand,
    },
    /// Run only the background worker (reminders, deliveries, no-show release), for
    /// deployments that keep it apart from the gateways.
    Worker,
    /// Apply platform migrations, then community migrations to every community schema.
    Migrate(cli::MigrateArgs),
    /// District dashboards' rollups.
    Dashboards {
        #[command(subcommand)]
        command: cli::DashboardsCommand,
    },
    /// Write a dashboard's figures over a period to a file (.xlsx or .csv), as officers send
    /// them up the chain.
    Export {
        #[command(subcommand)]
        command: cli::ExportCommand,
    },
    /// Back up the whole platform: the database (every community schema, the platform and
    /// its roles' names) and every object of the store, into a new directory.
    Backup {
        #[arg(long)]
        out: PathBuf,
    },
    /// Restore a backup into an empty database (of this or another cluster) and its store.
    Restore {
        #[arg(long)]
        from: PathBuf,
    },
    /// Print the GraphQL schema (SDL), as committed in schema.graphql.
    Schema,
    /// Benchmark the photo pipeline on a generated 12-megapixel JPEG (deploy/bench.sh).
    #[command(hide = true)]
    BenchPhoto,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Schema => {
            print!("{}", gql::sdl());
            return Ok(());
        }
        Command::BenchPhoto => return cli::bench_photo(),
        _ => {}
    }
    let mut config = Config::load().context("reading configuration")?;
    if let Some(dir) = cli.data_dir {
        config.data_dir = dir;
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        match cli.command {
            Command::Serve { demo, listen } => {
                if let Some(l) = listen {
                    config.listen = l;
                }
                if demo {
                    config.graphiql = true;
                }
                serve(config, demo).await
            }
            Command::Admin { command } => cli::admin(&config, command).await,
            Command::Districts { command } => cli::districts(&config, command).await,
            Command::Communities { command } => cli::communities(&config, command).await,
            Command::Migrate(args) => cli::migrate(&config, args).await,
            Command::Dashboards { command } => cli::dashboards(&config, command).await,
            Command::Export { command } => cli::export(&config, command).await,
            Command::Worker => run_worker(config).await,
            Command::Backup { out } => backup::backup(&config, &out).await,
            Command::Restore { from } => backup::restore(&config, &from).await,
            Command::Schema | Command::BenchPhoto => unreachable!("handled above"),
        }
    })
}

async fn serve(config: Config, demo: bool) -> anyhow::Result<()> {
    let telemetry = telemetry::init(config.log_format, config.count_sql)?;
    tracing::info!(config = %config.redacted(), "effective configuration");
    let metrics = metrics_exporter_prometheus::PrometheusBuilder::new()
        .install_recorder()
        .context("installing the metrics recorder")?;
    let secrets = runtime::secrets(&config)?;
    let database = runtime::open_database(&config, &secrets).await?;
    let storage = runtime::open_storage(&config).await?;
    if let Some(c) = &database.cluster {
        tracing::info!(port = c.port(), data_dir = %c.data_dir().display(), "embedded PostgreSQL");
    }
    if let Some(s3) = &storage.embedded {
        tracing::info!(endpoint = %s3.endpoint(), "embedded S3 server");
    }
    let mut tenancy = tenancy::Tenancy::new(
        database.db.clone(),
        secrets,
        tenancy::TenancyConfig {
            token_ttl: std::time::Duration::from_secs(config.token_ttl_secs),
            ..Default::default()
        },
    );
    // One-time codes for signing up go out through the webhook; without one, to the log.
    if let Some(hook) = worker::webhook_of(&config)? {
        tenancy = tenancy.with_code_sender(std::sync::Arc::new(hook));
    }
    // Principals and communities cached in memory, dropped by NOTIFY at every change.
    tokio::spawn({
        let t = tenancy.clone();
        async move { t.listen_for_changes().await }
    });
    if demo {
        // A demo kept from an earlier version: its communities' schemas are brought up to this
        // one first (an operator runs `linli migrate` before serving a new version).
        let report = tenancy::communities::migrate::migrate_all(
            tenancy.db(),
            &infra::migrations::community(),
            2,
            |_| {},
            |_, _| {},
        )
        .await
        .map_err(cli::app_err)?;
        if let Some((slug, e)) = report.failed.first() {
            anyhow::bail!("the demo's community {slug} could not be migrated: {e}");
        }
        demo::seed(&tenancy, &storage.store).await?;
    }
    // Reminders, deliveries, no-shows; an interval of 0 turns the worker off (another process
    // runs it: `linli worker`).
    if config.worker_interval_secs > 0 {
        let w = worker::Worker::from_config(&config, &tenancy, &database.db, &storage.store)?;
        tokio::spawn(w.run());
    }
    let schemas = gql::build_schemas(
        &config,
        Some((tenancy.clone(), database.db.clone(), storage.store.clone())),
    );
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("binding {}", config.listen))?;
    let addr = listener.local_addr()?;
    let metrics_listener = tokio::net::TcpListener::bind(config.metrics_listen)
        .await
        .with_context(|| format!("binding {} for metrics", config.metrics_listen))?;
    let metrics_addr = metrics_listener.local_addr()?;
    let state = app::AppState {
        tenancy,
        db: database.db.clone(),
        store: storage.store.clone(),
        schemas: Arc::new(schemas),
        config: Arc::new(config),
        metrics,
    };
    tracing::info!(%addr, %metrics_addr, "Linli is listening");
    tokio::spawn(axum::serve(metrics_listener, app::metrics_router(state.clone())).into_future());
    // Humans read stdout; tests wait for these lines.
    println!("Metrics on http://{metrics_addr}/metrics");
    println!("Web console on http://{addr}/console/");
    println!("Linli listening on http://{addr}/graphql");
    if demo {
        println!("Demo accounts (password {}):", demo::DEMO_PASSWORD);
        for (login, name) in demo::demo_logins() {
            println!("  {login:<20} {name}");
        }
    }
    axum::serve(
        listener,
        app::router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    tracing::info!("shutting down");
    database.db.close().await;
    drop(storage);
    drop(database);
    telemetry.shutdown();
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("install SIGTERM handler");
    tokio::select! {
        _ = ctrl_c => {},
        _ = term.recv() => {},
    }
}

/// `linli worker`: the background worker alone, until Ctrl-C.
async fn run_worker(config: Config) -> anyhow::Result<()> {
    let _telemetry = telemetry::init(config.log_format, false)?;
    let secrets = runtime::secrets(&config)?;
    let database = runtime::open_database(&config, &secrets).await?;
    let storage = runtime::open_storage(&config).await?;
    let tenancy = tenancy::Tenancy::new(database.db.clone(), secrets, Default::default());
    let mut w = worker::Worker::from_config(&config, &tenancy, &database.db, &storage.store)?;
    w.interval = std::time::Duration::from_secs(config.worker_interval_secs.max(1));
    println!("Linli worker running every {} s", w.interval.as_secs());
    tokio::select! {
        _ = w.run() => {}
        _ = tokio::signal::ctrl_c() => {}
    }
    database.db.close().await;
    Ok(())
}
