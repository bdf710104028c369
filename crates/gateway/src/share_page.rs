//! The public page of a shared exhibition (`GET /share/{community}/{token}`): no account, no
//! community gate — the token is the permission — and nothing on it but what the link
//! shares. Photo links are minted per view and expire, so the page is never cached.

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use courses::service::SharedExhibition;

use crate::app::AppState;

/// Text for HTML: the five characters that could open markup are escaped.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn page(x: &SharedExhibition) -> String {
    let e = &x.exhibition;
    let mut works = String::new();
    for (title, author, photos) in &x.works {
        works.push_str("<figure>");
        for p in photos {
            works.push_str(&format!(
                r#"<a href="{}"><img src="{}" alt="{}" loading="lazy"></a>"#,
                esc(&p.url),
                esc(&p.thumb_url),
                esc(title)
            ));
        }
        works.push_str(&format!("<figcaption>{}", esc(title)));
        if let Some(a) = author {
            works.push_str(&format!(" · {}", esc(a)));
        }
        works.push_str("</figcaption></figure>");
    }
    if x.works.is_empty() {
        works.push_str("<p>展品正在布置中。</p>");
    }
    format!(
        r#"<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · {community}</title>
<style>body{{font-family:sans-serif;margin:1rem;font-size:18px;color:#222}}
figure{{margin:0 0 1.5rem}}img{{max-width:100%;border-radius:4px;margin-right:.5rem}}
figcaption{{margin-top:.3rem}}</style></head>
<body><h1>{title}</h1><p>{community} · {from} 至 {to}</p>{works}</body></html>"#,
        title = esc(&e.title),
        community = esc(&x.community),
        from = e.starts_on,
        to = e.ends_on,
    )
}

pub async fn shared_exhibition(
    State(state): State<AppState>,
    Path((slug, token)): Path<(String, String)>,
) -> Response {
    let not_found = || {
        (
            StatusCode::NOT_FOUND,
            Html("<!doctype html><meta charset=utf-8><p>这个分享链接已失效。</p>"),
        )
            .into_response()
    };
    let Some(ctx) = crate::gate::public_ctx(&state, &slug).await else {
        return not_found();
    };
    match courses::service::shared_exhibition(&ctx, &token).await {
        Ok(x) => (
            [
                (header::CACHE_CONTROL, "no-store"),
                (header::HeaderName::from_static("x-robots-tag"), "noindex"),
                (header::REFERRER_POLICY, "no-referrer"),
                (
                    header::CONTENT_SECURITY_POLICY,
                    "default-src 'none'; img-src *; style-src 'unsafe-inline'",
                ),
            ],
            Html(page(&x)),
        )
            .into_response(),
        Err(e) if e.code == infra::ErrorCode::NotFound => not_found(),
        Err(e) => crate::gate::error_response(crate::gate::status_of(e.code), e, false),
    }
}
