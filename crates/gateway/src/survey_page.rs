//! The public page of a survey (`GET /survey/{community}/{id}?from=…`), the link and QR code
//! a community posts to its 公众号, 微信群 and QQ群: the questions, readable by anyone, and the
//! way in to answer — sign in, or sign up through the community's invitation. Plain HTML
//! with no script: it opens fast in WeChat's browser on a weak network.

use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use courses::model::{Question, QuestionKind, Survey, SurveyChannel};

use crate::app::AppState;
use crate::share_page::esc;

#[derive(serde::Deserialize)]
pub struct From {
    from: Option<String>,
}

fn kind_hint(k: QuestionKind) -> &'static str {
    match k {
        QuestionKind::Single => "单选",
        QuestionKind::Multiple => "可多选",
        QuestionKind::Text => "请填写",
        QuestionKind::Talent => "您能教什么？（达人）",
        QuestionKind::Rating => "请打分",
    }
}

fn page(
    community: &str,
    slug: &str,
    survey: &Survey,
    questions: &[Question],
    channel: SurveyChannel,
    invitation: Option<&str>,
) -> String {
    let mut body = String::new();
    for q in questions {
        body.push_str(&format!(
            "<li><p>{} <small>（{}）</small></p>",
            esc(&q.prompt),
            kind_hint(q.kind)
        ));
        if !q.options.is_empty() {
            body.push_str("<ul>");
            for o in &q.options {
                body.push_str(&format!("<li>{}</li>", esc(o)));
            }
            body.push_str("</ul>");
        }
        body.push_str("</li>");
    }
    let id = survey.id;
    let from = channel.as_str();
    let actions = if survey.is_open() {
        let mut a = format!(
            r#"<a class="btn" href="/console/#/r/{slug}/surveys/{id}/{from}">登录后作答</a>"#,
            slug = esc(slug),
        );
        if let Some(code) = invitation {
            a.push_str(&format!(
                r#"<a class="btn alt" href="/console/#/join/{slug}/{code}/{id}/{from}">还没有账号？注册后作答</a>"#,
                slug = esc(slug),
                code = esc(code),
            ));
        }
        a.push_str("<p>不方便用手机的老人，可以请网格员上门帮您填写。</p>");
        a
    } else {
        "<p><strong>这份问卷已经结束，感谢关注。</strong></p>".to_string()
    };
    format!(
        r#"<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · {community}</title>
<style>body{{font-family:sans-serif;margin:1rem;font-size:20px;line-height:1.6;color:#1a1a1a}}
ol>li{{margin-bottom:1rem}}small{{color:#555}}
.btn{{display:block;min-height:60px;line-height:60px;text-align:center;background:#0b5cad;
color:#fff;border-radius:8px;text-decoration:none;margin:1rem 0;font-size:22px}}
.alt{{background:#fff;color:#0b5cad;border:2px solid #0b5cad}}</style></head>
<body><h1>{title}</h1><p>{community} · 共 {n} 题</p>{actions}<ol>{body}</ol></body></html>"#,
        title = esc(&survey.title),
        community = esc(community),
        n = questions.len(),
    )
}

pub async fn public_survey(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    Query(q): Query<From>,
) -> Response {
    let not_found = || {
        (
            StatusCode::NOT_FOUND,
            Html("<!doctype html><meta charset=utf-8><p>找不到这份问卷，链接可能有误。</p>"),
        )
            .into_response()
    };
    let Ok(id) = uuid::Uuid::parse_str(&id) else {
        return not_found();
    };
    let Some(ctx) = crate::gate::public_ctx(&state, &slug).await else {
        return not_found();
    };
    let channel = q
        .from
        .as_deref()
        .and_then(SurveyChannel::parse)
        .unwrap_or(SurveyChannel::InApp);
    let found = courses::service::public_survey(&ctx, id).await;
    let invitation = state
        .tenancy
        .public_invitation_code(ctx.tenant().community_id)
        .await;
    match (found, invitation) {
        (Ok(Some((survey, questions))), Ok(code)) => (
            [
                (header::CACHE_CONTROL, "no-store"),
                (header::HeaderName::from_static("x-robots-tag"), "noindex"),
                (header::REFERRER_POLICY, "no-referrer"),
                (
                    header::CONTENT_SECURITY_POLICY,
                    "default-src 'none'; style-src 'unsafe-inline'",
                ),
            ],
            Html(page(
                &ctx.tenant().name,
                &slug,
                &survey,
                &questions,
                channel,
                code.as_deref(),
            )),
        )
            .into_response(),
        (Ok(None), _) => not_found(),
        (Err(e), _) | (_, Err(e)) => {
            crate::gate::error_response(crate::gate::status_of(e.code), e, false)
        }
    }
}
