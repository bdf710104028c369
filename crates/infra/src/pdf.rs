//! Printable A4 documents (sign-in sheets, certificates) as PDF.
//!
//! Text is set in Adobe's standard Chinese font `STSong-Light` (Adobe-GB1, `UniGB-UCS2-H`),
//! which PDF viewers supply themselves: no font file ships with Linli and a file stays a few
//! kilobytes. Characters outside the Basic Multilingual Plane print as "?".

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, StringFormat, dictionary};

use crate::{AppError, AppResult};

/// A4 in points.
pub const WIDTH: f32 = 595.0;
pub const HEIGHT: f32 = 842.0;

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

/// One page's drawing, from the bottom-left corner in points.
pub struct Page {
    ops: Vec<Operation>,
}

impl Default for Page {
    fn default() -> Self {
        Page {
            ops: vec![Operation::new("w", vec![0.6.into()])],
        }
    }
}

impl Page {
    pub fn text(&mut self, x: f32, y: f32, size: f32, s: &str) {
        self.ops.push(Operation::new("BT", vec![]));
        self.ops
            .push(Operation::new("Tf", vec!["F1".into(), size.into()]));
        self.ops
            .push(Operation::new("Td", vec![x.into(), y.into()]));
        self.ops.push(Operation::new("Tj", vec![ucs2(s)]));
        self.ops.push(Operation::new("ET", vec![]));
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.ops
            .push(Operation::new("m", vec![x1.into(), y1.into()]));
        self.ops
            .push(Operation::new("l", vec![x2.into(), y2.into()]));
        self.ops.push(Operation::new("S", vec![]));
    }
}

fn build(pages: Vec<Page>) -> Result<Vec<u8>, lopdf::Error> {
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
    let count = pages.len();
    let mut kids = Vec::with_capacity(count);
    for page in pages {
        let content = Content {
            operations: page.ops,
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
            "Count" => count as i64,
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

/// The pages as one PDF file.
pub fn document(pages: Vec<Page>) -> AppResult<Vec<u8>> {
    build(pages).map_err(AppError::internal)
}
