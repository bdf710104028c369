//! The web console and GraphiQL, served from files embedded in the binary: government
//! intranets (政务外网) cannot reach a CDN, and the README's run command needs nothing else.
//!
//! The files are `console/dist`, built from `console/` by `npm run build` and committed, so
//! building Linli never needs Node (`.ci/run` rebuilds them and fails on any difference).

use std::collections::HashMap;
use std::io::Write;
use std::sync::{LazyLock, Mutex};

use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use flate2::{Compression, write::GzEncoder};
use include_dir::{Dir, include_dir};

static DIST: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/console/dist");

/// Scripts and styles only from the binary; styles inline too (the component library writes
/// its CSS at run time); photos and exports from the object store, wherever it is.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
    img-src 'self' data: blob: http: https:; font-src 'self' data:; connect-src 'self'; \
    frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

pub async fn root() -> Redirect {
    Redirect::permanent("/console/")
}

pub async fn index(headers: HeaderMap) -> Response {
    file("index.html", &headers)
}

pub async fn asset(Path(path): Path<String>, headers: HeaderMap) -> Response {
    file(&path, &headers)
}

/// GET /graphql: GraphiQL, its React and its styles all from the binary.
pub fn graphiql(headers: &HeaderMap) -> Response {
    file("graphiql/index.html", headers)
}

/// The built files gzipped once at gzip's best level, kept for the process's life (a fixed
/// set). The API's answers are compressed at the fastest level as they go (app.rs); a file
/// that never changes is worth the best — about a tenth less for a resident's first visit on
/// a slow network (docs/PERFORMANCE.md).
static GZIPPED: LazyLock<Mutex<HashMap<&'static str, &'static [u8]>>> =
    LazyLock::new(Mutex::default);

fn gzipped(path: &'static str, bytes: &'static [u8]) -> &'static [u8] {
    let mut kept = GZIPPED.lock().unwrap_or_else(|e| e.into_inner());
    kept.entry(path).or_insert_with(|| {
        let mut e = GzEncoder::new(Vec::new(), Compression::best());
        e.write_all(bytes).expect("writing to memory");
        Box::leak(e.finish().expect("writing to memory").into_boxed_slice())
    })
}

fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|e| e.trim().split(';').next() == Some("gzip") && !e.contains("q=0"))
}

fn file(path: &str, headers: &HeaderMap) -> Response {
    let Some(f) = DIST.get_file(path) else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    // Vite names its output by content hash: those files never change under their name.
    let cache = if path.starts_with("assets/") {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let compressible = matches!(
        content_type(path),
        t if t.starts_with("text/") || t.contains("json") || t.contains("svg")
    );
    let gzip = compressible && f.contents().len() > 1024 && accepts_gzip(headers);
    let mut res = match (gzip, f.path().to_str()) {
        (true, Some(key)) => gzipped(key, f.contents()).into_response(),
        _ => f.contents().into_response(),
    };
    let h = res.headers_mut();
    if gzip {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(path)),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    res
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}
