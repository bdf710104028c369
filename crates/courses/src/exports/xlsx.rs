//! The monthly ledger as a workbook: 汇总 (summary), 课次 (every session), 课程 (per course),
//! 活动 (events). Numbers are written as numbers, so the 街道 can add them up.

use std::collections::BTreeMap;

use chrono::Datelike;
use infra::local_time::china;
use infra::{AppError, AppResult};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::service::Ledger;
use crate::model::{EventKind, SessionStatus};

fn header(sheet: &mut Worksheet, titles: &[&str], bold: &Format) -> Result<(), XlsxError> {
    for (col, t) in titles.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *t, bold)?;
        sheet.set_column_width(col as u16, 14)?;
    }
    Ok(())
}

fn kind_name(k: EventKind) -> &'static str {
    match k {
        EventKind::Activity => "活动",
        EventKind::Exchange => "交流",
        EventKind::Performance => "展演",
        EventKind::Market => "服务集市",
        EventKind::ServiceDay => "达人服务日",
    }
}

fn build(l: &Ledger) -> Result<Vec<u8>, XlsxError> {
    let t = l.totals();
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let pct = Format::new().set_num_format("0.0%");

    let s = book.add_worksheet().set_name("汇总")?;
    s.set_column_width(0, 16)?;
    s.write_string_with_format(
        0,
        0,
        format!(
            "{} {}年{}月社区学院台账",
            l.community,
            l.month.year(),
            l.month.month()
        ),
        &bold,
    )?;
    let rows: [(&str, f64); 7] = [
        ("开课门数", t.courses as f64),
        ("上课节次", t.sessions_held as f64),
        ("取消节次", t.sessions_cancelled as f64),
        ("课程人次", t.session_attendance as f64),
        ("活动场次", t.events as f64),
        ("活动人次", t.event_attendance as f64),
        (
            "合计人次",
            (t.session_attendance + t.event_attendance) as f64,
        ),
    ];
    for (i, (name, v)) in rows.iter().enumerate() {
        s.write_string(i as u32 + 2, 0, *name)?;
        s.write_number(i as u32 + 2, 1, *v)?;
    }
    s.write_string(rows.len() as u32 + 2, 0, "公益课占比")?;
    s.write_number_with_format(rows.len() as u32 + 2, 1, t.public_benefit_share, &pct)?;

    let s = book.add_worksheet().set_name("课次")?;
    header(
        s,
        &[
            "日期",
            "时间",
            "课程",
            "类别",
            "性质",
            "地点",
            "状态",
            "签到人数",
            "现场人次",
            "合计人次",
        ],
        &bold,
    )?;
    for (i, x) in l.sessions.iter().enumerate() {
        let r = i as u32 + 1;
        let at = x.starts_at.with_timezone(&china());
        s.write_string(r, 0, at.format("%Y-%m-%d").to_string())?;
        s.write_string(r, 1, at.format("%H:%M").to_string())?;
        s.write_string(r, 2, &x.course_title)?;
        s.write_string(r, 3, &x.category)?;
        s.write_string(r, 4, if x.public_benefit { "公益" } else { "市场" })?;
        s.write_string(r, 5, &x.place)?;
        let held = x.status == SessionStatus::Scheduled;
        s.write_string(r, 6, if held { "已开课" } else { "已取消" })?;
        s.write_number(r, 7, x.present as f64)?;
        s.write_number(r, 8, x.walk_ins as f64)?;
        s.write_number(r, 9, (x.present + x.walk_ins) as f64)?;
    }

    let s = book.add_worksheet().set_name("课程")?;
    header(s, &["课程", "类别", "性质", "节次", "人次"], &bold)?;
    let mut per_course: BTreeMap<(&str, uuid::Uuid), (&str, bool, i64, i64)> = BTreeMap::new();
    for x in l
        .sessions
        .iter()
        .filter(|x| x.status == SessionStatus::Scheduled)
    {
        let e = per_course
            .entry((x.course_title.as_str(), x.course_id))
            .or_insert((x.category.as_str(), x.public_benefit, 0, 0));
        e.2 += 1;
        e.3 += x.present + x.walk_ins;
    }
    for (i, ((title, _), (category, public, n, people))) in per_course.iter().enumerate() {
        let r = i as u32 + 1;
        s.write_string(r, 0, *title)?;
        s.write_string(r, 1, *category)?;
        s.write_string(r, 2, if *public { "公益" } else { "市场" })?;
        s.write_number(r, 3, *n as f64)?;
        s.write_number(r, 4, *people as f64)?;
    }

    let s = book.add_worksheet().set_name("活动")?;
    header(
        s,
        &["日期", "活动", "类型", "地点", "报名人数", "人次", "状态"],
        &bold,
    )?;
    for (i, (e, people)) in l.events.iter().enumerate() {
        let r = i as u32 + 1;
        s.write_string(
            r,
            0,
            e.starts_at
                .with_timezone(&china())
                .format("%Y-%m-%d")
                .to_string(),
        )?;
        s.write_string(r, 1, &e.title)?;
        s.write_string(r, 2, kind_name(e.kind))?;
        s.write_string(r, 3, &e.place)?;
        s.write_number(r, 4, f64::from(e.registered))?;
        s.write_number(r, 5, *people as f64)?;
        let held = e.status == SessionStatus::Scheduled;
        s.write_string(r, 6, if held { "已举办" } else { "已取消" })?;
    }
    book.save_to_buffer()
}

pub fn ledger(l: &Ledger) -> AppResult<Vec<u8>> {
    build(l).map_err(AppError::internal)
}
