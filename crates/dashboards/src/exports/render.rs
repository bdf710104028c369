//! The report as a workbook or a CSV table.

use std::collections::HashMap;

use chrono::Datelike;
use infra::{AppError, AppResult};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::model::{FileFormat, Report, Rows, Summary};
use crate::catalogue::{FIGURES, Family, Figure};
use crate::period::Period;

/// The file's bytes.
pub fn render(r: &Report, format: FileFormat) -> AppResult<Vec<u8>> {
    match format {
        FileFormat::Xlsx => workbook(r).map_err(AppError::internal),
        FileFormat::Csv => csv_table(r).map_err(AppError::internal),
    }
}

fn row_heads(rows: &Rows) -> &'static [&'static str] {
    match rows {
        Rows::Communities(_) => &["街道", "社区", "社区代码", "社区类型"],
        Rows::Months(_) => &["月份"],
    }
}

fn kind_zh(k: tenancy::model::CommunityKind) -> &'static str {
    use tenancy::model::CommunityKind as K;
    match k {
        K::OldCourtyard => "老旧院落",
        K::Resettlement => "安置小区",
        K::CommercialHousing => "商品房小区",
        K::PublicRental => "公租房小区",
        K::UniversityTown => "高校片区",
        K::WorkerDormitory => "职工宿舍区",
        K::Mixed => "混合型",
    }
}

/// Each row's leading cells and its values.
fn each_row(rows: &Rows) -> Vec<(Vec<String>, &HashMap<String, i64>)> {
    match rows {
        Rows::Communities(cs) => cs
            .iter()
            .map(|(c, v)| {
                (
                    vec![
                        c.street_name.clone(),
                        c.name.clone(),
                        c.slug.clone(),
                        kind_zh(c.kind).to_owned(),
                    ],
                    v,
                )
            })
            .collect(),
        Rows::Months(ms) => ms
            .iter()
            .map(|(m, v)| (vec![format!("{}年{}月", m.year(), m.month())], v))
            .collect(),
    }
}

fn summary_lines(s: &Summary) -> Vec<(String, Option<f64>, Option<f64>, bool)> {
    let mut out: Vec<(String, Option<f64>, Option<f64>, bool)> = vec![
        (
            "社区数".into(),
            Some(s.communities.total as f64),
            None,
            false,
        ),
        (
            "正常运行社区".into(),
            Some(s.communities.active as f64),
            None,
            false,
        ),
        (
            "本期新入驻社区".into(),
            Some(s.communities.onboarded as f64),
            None,
            false,
        ),
        (
            "共建单位".into(),
            Some(s.partner_organisations as f64),
            None,
            false,
        ),
    ];
    for (f, a, b) in &s.figures {
        out.push((f.zh.into(), Some(*a as f64), Some(*b as f64), false));
    }
    for (r, a, b) in &s.rates {
        out.push((r.zh.into(), *a, *b, true));
    }
    out.push((
        "诉求办结时长中位数（小时）".into(),
        s.median_resolution_hours.0,
        s.median_resolution_hours.1,
        false,
    ));
    out.push((
        "每月两堂公益课达标（社区·月）".into(),
        Some(s.cadence.0 as f64),
        None,
        false,
    ));
    out.push((
        "应达标（社区·月）".into(),
        Some(s.cadence.1 as f64),
        None,
        false,
    ));
    out
}

fn header(
    sheet: &mut Worksheet,
    titles: &[&str],
    row: u32,
    bold: &Format,
) -> Result<(), XlsxError> {
    for (col, t) in titles.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, *t, bold)?;
        sheet.set_column_width(col as u16, 16)?;
    }
    Ok(())
}

fn workbook(r: &Report) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let pct = Format::new().set_num_format("0.0%");
    let s = book.add_worksheet().set_name("汇总")?;
    s.write_string_with_format(0, 0, &r.title, &bold)?;
    header(s, &["指标", "本期", "上期"], 2, &bold)?;
    s.set_column_width(0, 30)?;
    for (i, (name, now, before, is_rate)) in summary_lines(&r.summary).iter().enumerate() {
        let row = 3 + i as u32;
        s.write_string(row, 0, name)?;
        for (col, v) in [(1u16, now), (2, before)] {
            if let Some(v) = v {
                if *is_rate {
                    s.write_number_with_format(row, col, *v, &pct)?;
                } else {
                    s.write_number(row, col, *v)?;
                }
            }
        }
    }
    let heads = row_heads(&r.rows);
    let rows = each_row(&r.rows);
    for family in Family::ALL {
        let figures: Vec<&Figure> = FIGURES.iter().filter(|f| f.family == family).collect();
        let sheet = book.add_worksheet().set_name(family.zh())?;
        let titles: Vec<&str> = heads
            .iter()
            .copied()
            .chain(figures.iter().map(|f| f.zh))
            .collect();
        header(sheet, &titles, 0, &bold)?;
        for (i, (lead, values)) in rows.iter().enumerate() {
            let row = 1 + i as u32;
            for (col, text) in lead.iter().enumerate() {
                sheet.write_string(row, col as u16, text)?;
            }
            for (j, f) in figures.iter().enumerate() {
                let v = values.get(f.name).copied().unwrap_or(0);
                sheet.write_number(row, (heads.len() + j) as u16, v as f64)?;
            }
        }
        sheet.set_freeze_panes(1, heads.len() as u16)?;
    }
    book.save_to_buffer()
}

/// One table: the rows with every catalogue figure as a column, Chinese headers, UTF-8 with a
/// byte-order mark so that Excel opens it as UTF-8.
fn csv_table(r: &Report) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let heads = row_heads(&r.rows);
        let titles: Vec<&str> = heads
            .iter()
            .copied()
            .chain(FIGURES.iter().map(|f| f.zh))
            .collect();
        w.write_record(&titles)?;
        for (lead, values) in each_row(&r.rows) {
            // Names come from officers and staff: text, never a formula.
            let mut rec: Vec<String> = lead
                .iter()
                .map(|t| infra::spreadsheet::csv_text(t).into_owned())
                .collect();
            rec.extend(
                FIGURES
                    .iter()
                    .map(|f| values.get(f.name).copied().unwrap_or(0).to_string()),
            );
            w.write_record(&rec)?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// A file name for the report: "成都高新区-2026-01-01至2026-12-31.xlsx".
pub fn filename(name: &str, period: Period, format: FileFormat) -> String {
    format!("{name}-{}至{}.{}", period.from, period.to, format.ext())
}
