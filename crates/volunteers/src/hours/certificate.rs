//! The certificate of service (志愿服务记录证明): a one-page PDF naming the volunteer, the
//! verified hours by post, the period and the community, fetched through a 15-minute link.

use chrono::NaiveDate;
use infra::pdf::{HEIGHT, Page, WIDTH};
use infra::{AppError, AppResult};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use crate::error::VolunteersError;

/// Verified service of one post in the period.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PostService {
    pub title: String,
    pub minutes: i64,
    pub records: i64,
}

#[derive(Debug, Clone)]
pub struct Certificate {
    pub number: Uuid,
    pub volunteer: String,
    pub community: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub posts: Vec<PostService>,
    pub issued_on: NaiveDate,
}

impl Certificate {
    pub fn minutes(&self) -> i64 {
        self.posts.iter().map(|p| p.minutes).sum()
    }
}

async fn service_by_post(
    conn: &mut sqlx::PgConnection,
    volunteer: Uuid,
    from: NaiveDate,
    to: NaiveDate,
) -> sqlx::Result<Vec<PostService>> {
    sqlx::query_as(
        "SELECT p.title, sum(h.minutes)::bigint AS minutes, count(*) AS records
           FROM volunteer_hours h JOIN volunteer_posts p ON p.id = h.post_id
          WHERE h.volunteer_id = $1 AND h.status = 'verified' AND h.served_on BETWEEN $2 AND $3
          GROUP BY p.title ORDER BY minutes DESC, p.title",
    )
    .bind(volunteer)
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

/// The certificate's figures: one's own (`None`), or any volunteer's (staff); the period
/// defaults to everything up to today.
pub async fn certificate(
    ctx: &CommunityCtx,
    volunteer: Option<Uuid>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> AppResult<Certificate> {
    ctx.require(Roles::ANYONE)?;
    let today = infra::local_time::date_of(chrono::Utc::now());
    let to = to.unwrap_or(today).min(today);
    let from = from.unwrap_or(NaiveDate::from_ymd_opt(2000, 1, 1).expect("date"));
    if from > to {
        return Err(AppError::from(VolunteersError::PeriodReversed));
    }
    let mut tx = ctx.tx().await?;
    let v = match volunteer {
        Some(id) => crate::registry::db::get(&mut tx, id).await?,
        None => crate::registry::db::by_account(&mut tx, ctx.access().account_id).await?,
    }
    .ok_or(VolunteersError::NotFound("volunteer"))?;
    if v.account_id != ctx.access().account_id {
        ctx.require(Roles::STAFF)?;
    }
    let posts = service_by_post(&mut tx, v.id, from, to).await?;
    let first: Option<NaiveDate> = sqlx::query_scalar(
        "SELECT min(served_on) FROM volunteer_hours
          WHERE volunteer_id = $1 AND status = 'verified' AND served_on >= $2",
    )
    .bind(v.id)
    .bind(from)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Certificate {
        number: Uuid::now_v7(),
        volunteer: v.name,
        community: ctx.tenant().name.clone(),
        from: first.map_or(from, |f| f.max(from)),
        to,
        posts,
        issued_on: today,
    })
}

fn hours(minutes: i64) -> String {
    let tenths = (minutes * 10 + 30) / 60;
    format!("{}.{}", tenths / 10, tenths % 10)
}

fn date(d: NaiveDate) -> String {
    d.format("%Y年%m月%d日").to_string()
}

/// The certificate as a one-page A4 PDF.
pub fn pdf(c: &Certificate) -> AppResult<Vec<u8>> {
    let margin = 60.0;
    let mut p = Page::default();
    let mut y = HEIGHT - 110.0;
    p.text(WIDTH / 2.0 - 110.0, y, 24.0, "志愿服务记录证明");
    y -= 60.0;
    let records: i64 = c.posts.iter().map(|p| p.records).sum();
    let lines = [
        format!(
            "兹证明 {} 同志于 {} 至 {}",
            c.volunteer,
            date(c.from),
            date(c.to)
        ),
        format!("在{}参加志愿服务，经社区核实，", c.community),
        format!(
            "累计服务时长 {} 小时，共 {} 次。",
            hours(c.minutes()),
            records
        ),
    ];
    for l in &lines {
        p.text(margin + 24.0, y, 14.0, l);
        y -= 28.0;
    }
    y -= 16.0;
    let (right, top) = (WIDTH - margin, y + 20.0);
    p.line(margin, top, right, top);
    p.text(margin + 8.0, y, 12.0, "服务岗位");
    p.text(margin + 300.0, y, 12.0, "次数");
    p.text(margin + 380.0, y, 12.0, "时长（小时）");
    let mut bottom = top - 26.0;
    p.line(margin, bottom, right, bottom);
    for s in c.posts.iter().take(16) {
        y -= 26.0;
        p.text(margin + 8.0, y, 12.0, &s.title);
        p.text(margin + 300.0, y, 12.0, &s.records.to_string());
        p.text(margin + 380.0, y, 12.0, &hours(s.minutes));
        bottom -= 26.0;
        p.line(margin, bottom, right, bottom);
    }
    for x in [margin, margin + 290.0, margin + 370.0, right] {
        p.line(x, top, x, bottom);
    }
    y = bottom - 70.0;
    p.text(right - 220.0, y, 14.0, &format!("{}（盖章）", c.community));
    p.text(right - 220.0, y - 28.0, 14.0, &date(c.issued_on));
    p.text(
        margin,
        50.0,
        9.0,
        &format!(
            "证明编号 {}  由邻里社区平台依据已核实的服务记录生成",
            c.number
        ),
    );
    infra::pdf::document(vec![p])
}

/// A file and the link it can be fetched by (15 minutes).
#[derive(Debug, Clone)]
pub struct CertificateFile {
    pub filename: String,
    pub url: String,
    pub bytes: usize,
    pub minutes: i64,
}

/// Issue the certificate as a PDF behind a 15-minute link.
pub async fn issue(
    ctx: &CommunityCtx,
    volunteer: Option<Uuid>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> AppResult<CertificateFile> {
    let c = certificate(ctx, volunteer, from, to).await?;
    let bytes = pdf(&c)?;
    let size = bytes.len();
    let url = ctx
        .store()
        .publish_export(ctx.tenant().community_id, "pdf", bytes, "application/pdf")
        .await?;
    Ok(CertificateFile {
        filename: format!("{}-志愿服务记录证明.pdf", c.volunteer),
        url,
        bytes: size,
        minutes: c.minutes(),
    })
}
