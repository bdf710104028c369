//! A session's sign-in sheet and roster (签到表) as PDF, A4, to print and sign on paper.
//!
//! Text is set in Adobe's standard Chinese font `STSong-Light` (Adobe-GB1, `UniGB-UCS2-H`),
//! which PDF viewers supply themselves: no font file ships with Linli and the file stays a
//! few kilobytes. Characters outside the Basic Multilingual Plane print as "?".

use infra::{AppError, AppResult};
use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, StringFormat, dictionary};

use super::service::SignInSheet;

const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 50.0;
const ROW: f32 = 24.0;
/// Table rows on one page, below the title block.
const ROWS_PER_PAGE: usize = 26;
/// Column left edges: 序号, 姓名, 签到 / 签名, 备注; the table ends at the right margin.
const COLUMNS: [f32; 4] = [MARGIN, MARGIN + 50.0, MARGIN + 220.0, MARGIN + 390.0];

/// UCS-2 big-endian, as the `UniGB-UCS2-H` encoding reads a string.
pub fn ucs2(s: &str) -> Object {
    let bytes = s
        .chars()
        .flat_map(|c| {
            u16::try_from(u32::from(c))
                .unwrap_or(u16::from(b'?'))
                .to_be_bytes()
        })
        .collect();
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn text(ops: &mut Vec<Operation>, x: f32, y: f32, size: f32, s: &str) {
    ops.push(Operation::new("BT", vec![]));
    ops.push(Operation::new("Tf", vec!["F1".into(), size.into()]));
    ops.push(Operation::new("Td", vec![x.into(), y.into()]));
    ops.push(Operation::new("Tj", vec![ucs2(s)]));
    ops.push(Operation::new("ET", vec![]));
}

fn line(ops: &mut Vec<Operation>, x1: f32, y1: f32, x2: f32, y2: f32) {
    ops.push(Operation::new("m", vec![x1.into(), y1.into()]));
    ops.push(Operation::new("l", vec![x2.into(), y2.into()]));
    ops.push(Operation::new("S", vec![]));
}

fn page_ops(sheet: &SignInSheet, page: usize, pages: usize) -> Vec<Operation> {
    let china = infra::local_time::china();
    let start = sheet.session.starts_at.with_timezone(&china);
    let end = sheet.session.ends_at.with_timezone(&china);
    let mut ops = vec![Operation::new("w", vec![0.6.into()])];
    let mut y = HEIGHT - MARGIN - 10.0;
    text(
        &mut ops,
        MARGIN,
        y,
        18.0,
        &format!("{} 社区学院签到表", sheet.community),
    );
    y -= 28.0;
    text(
        &mut ops,
        MARGIN,
        y,
        11.0,
        &format!("课程：{}", sheet.course_title),
    );
    y -= 18.0;
    text(
        &mut ops,
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
    line(&mut ops, MARGIN, top, right, top);
    for (x, h) in COLUMNS.iter().zip(heads) {
        text(&mut ops, x + 6.0, y, 11.0, h);
    }
    let rows = sheet
        .learners
        .iter()
        .enumerate()
        .skip(page * ROWS_PER_PAGE)
        .take(ROWS_PER_PAGE);
    let mut bottom = top - ROW;
    line(&mut ops, MARGIN, bottom, right, bottom);
    for (i, (name, present)) in rows {
        y -= ROW;
        text(&mut ops, COLUMNS[0] + 6.0, y, 11.0, &(i + 1).to_string());
        text(&mut ops, COLUMNS[1] + 6.0, y, 11.0, name);
        let mark = match present {
            Some(true) => "已到",
            Some(false) => "缺席",
            None => "",
        };
        if !mark.is_empty() {
            text(&mut ops, COLUMNS[2] + 6.0, y, 11.0, mark);
        }
        bottom -= ROW;
        line(&mut ops, MARGIN, bottom, right, bottom);
    }
    for x in COLUMNS.iter().chain([&right]) {
        line(&mut ops, *x, top, *x, bottom);
    }
    text(
        &mut ops,
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

fn build(sheet: &SignInSheet) -> Result<Vec<u8>, lopdf::Error> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => "STSong-Light",
        "Flags" => 6,
        "FontBBox" => vec![(-25).into(), (-254).into(), 1000.into(), 880.into()],
        "ItalicAngle" => 0,
        "Ascent" => 880,
        "Descent" => -120,
        "CapHeight" => 880,
        "StemV" => 93,
    });
    let cid_font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType0",
        "BaseFont" => "STSong-Light",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("GB1"),
            "Supplement" => 2,
        },
        "FontDescriptor" => descriptor,
        "DW" => 1000,
        // ASCII (CIDs 1–95 of Adobe-GB1) is half width
        "W" => vec![1.into(), 95.into(), 500.into()],
    });
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "STSong-Light",
        "Encoding" => "UniGB-UCS2-H",
        "DescendantFonts" => vec![cid_font.into()],
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let pages = sheet.learners.len().div_ceil(ROWS_PER_PAGE).max(1);
    let mut kids = Vec::with_capacity(pages);
    for p in 0..pages {
        let content = Content {
            operations: page_ops(sheet, p, pages),
        };
        let stream = doc.add_object(Stream::new(dictionary! {}, content.encode()?));
        kids.push(
            doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "Contents" => stream,
            })
            .into(),
        );
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => pages as i64,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), WIDTH.into(), HEIGHT.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc.compress();
    let mut out = Vec::new();
    doc.save_to(&mut out)?;
    Ok(out)
}

pub fn sign_in_sheet(sheet: &SignInSheet) -> AppResult<Vec<u8>> {
    build(sheet).map_err(AppError::internal)
}
