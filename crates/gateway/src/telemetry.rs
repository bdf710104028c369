//! Logs (JSON by default, with the request span's id and community) and, when
//! `OTEL_EXPORTER_OTLP_ENDPOINT` is set, OpenTelemetry traces over OTLP/HTTP.

use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

use crate::config::LogFormat;

pub struct Telemetry {
    provider: Option<SdkTracerProvider>,
}

impl Telemetry {
    pub fn shutdown(self) {
        if let Some(p) = self.provider {
            let _ = p.shutdown();
        }
    }
}

fn env_filter() -> EnvFilter {
    EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,aws=warn,s3s=warn,hyper=warn"))
}

/// Counts SQL statements (`linli_sql_statements_total`) from sqlx's statement events. Off by
/// default: turning it on makes sqlx summarise every statement, which costs CPU.
struct SqlCounter;

impl<S: tracing::Subscriber> Layer<S> for SqlCounter {
    fn on_event(&self, _: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        metrics::counter!("linli_sql_statements_total").increment(1);
    }
}

pub fn init(format: LogFormat, count_sql: bool) -> anyhow::Result<Telemetry> {
    let filter = env_filter();
    let fmt = match format {
        LogFormat::Json => tracing_subscriber::fmt::layer()
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .with_writer(std::io::stderr)
            .boxed(),
        LogFormat::Pretty => tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .boxed(),
    };
    let provider = match std::env::var("OTEL_EXPORTER_OTLP_ENDPOINT") {
        Ok(ep) if !ep.is_empty() => {
            // The exporter reads the endpoint and headers from the standard OTEL_* variables.
            let exporter = opentelemetry_otlp::SpanExporter::builder()
                .with_http()
                .build()?;
            let resource = opentelemetry_sdk::Resource::builder()
                .with_service_name("linli")
                .build();
            Some(
                SdkTracerProvider::builder()
                    .with_batch_exporter(exporter)
                    .with_resource(resource)
                    .build(),
            )
        }
        _ => None,
    };
    let otel = provider.as_ref().map(|p| {
        tracing_opentelemetry::layer()
            .with_tracer(p.tracer("linli"))
            .with_filter(env_filter())
    });
    let sql = count_sql.then(|| {
        SqlCounter.with_filter(
            tracing_subscriber::filter::Targets::new()
                .with_target("sqlx::query", tracing::Level::DEBUG),
        )
    });
    // Each layer has its own filter, so the SQL counter sees statements the logs leave out.
    tracing_subscriber::registry()
        .with(fmt.with_filter(filter))
        .with(otel)
        .with(sql)
        .try_init()?;
    Ok(Telemetry { provider })
}
