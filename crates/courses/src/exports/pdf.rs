//! A session's sign-in sheet and roster (签到表) as PDF, A4, to print and sign on paper
//! (drawn with `infra::pdf`).

use infra::AppResult;
use infra::pdf::{HEIGHT, Page, WIDTH};

use super::service::SignInSheet;

const MARGIN: f32 = 50.0;
const ROW: f32 = 24.0;
/// Table rows on one page, below the title block.
const ROWS_PER_PAGE: usize = 26;
/// Column left edges: 序号, 姓名, 签到 / 签名, 备注; the table ends at the right margin.
const COLUMNS: [f32; 4] = [MARGIN, MARGIN + 50.0, MARGIN + 220.0, MARGIN + 390.0];

fn page(sheet: &SignInSheet, page: usize, pages: usize) -> Page {
    let china = infra::local_time::china();
    let start = sheet.session.starts_at.with_timezone(&china);
    let end = sheet.session.ends_at.with_timezone(&china);
    let mut ops = Page::default();
    let mut y = HEIGHT - MARGIN - 10.0;
    ops.text(
        MARGIN,
        y,
        18.0,
        &format!("{} 社区学院签到表", sheet.community),
    );
    y -= 28.0;
    ops.text(MARGIN, y, 11.0, &format!("课程：{}", sheet.course_title));
    y -= 18.0;
    ops.text(
        MARGIN,
        y,
        11.0,
        &format!(
            "时间：{}–{}    地点：{}",
            start.format("%Y年%m月%d日 %H:%M"),
            end.format("%H:%M"),
            sheet.session.place
        ),
    );
    y -= 30.0;
    let right = WIDTH - MARGIN;
    let heads = ["序号", "姓名", "签到 / 签名", "备注"];
    let top = y + ROW - 6.0;
    ops.line(MARGIN, top, right, top);
    for (x, h) in COLUMNS.iter().zip(heads) {
        ops.text(x + 6.0, y, 11.0, h);
    }
    let rows = sheet
        .learners
        .iter()
        .enumerate()
        .skip(page * ROWS_PER_PAGE)
        .take(ROWS_PER_PAGE);
    let mut bottom = top - ROW;
    ops.line(MARGIN, bottom, right, bottom);
    for (i, (name, present)) in rows {
        y -= ROW;
        ops.text(COLUMNS[0] + 6.0, y, 11.0, &(i + 1).to_string());
        ops.text(COLUMNS[1] + 6.0, y, 11.0, name);
        let mark = match present {
            Some(true) => "已到",
            Some(false) => "缺席",
            None => "",
        };
        if !mark.is_empty() {
            ops.text(COLUMNS[2] + 6.0, y, 11.0, mark);
        }
        bottom -= ROW;
        ops.line(MARGIN, bottom, right, bottom);
    }
    for x in COLUMNS.iter().chain([&right]) {
        ops.line(*x, top, *x, bottom);
    }
    ops.text(
        MARGIN,
        MARGIN - 10.0,
        9.0,
        &format!(
            "共 {} 人    第 {} / {} 页",
            sheet.learners.len(),
            page + 1,
            pages
        ),
    );
    ops
}

pub fn sign_in_sheet(sheet: &SignInSheet) -> AppResult<Vec<u8>> {
    let pages = sheet.learners.len().div_ceil(ROWS_PER_PAGE).max(1);
    infra::pdf::document((0..pages).map(|p| page(sheet, p, pages)).collect())
}
