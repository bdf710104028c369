//! The photo pipeline for every uploaded photo (exhibition works, spaces, farm duties).
//!
//! Order matters: the byte size is capped first, the real type is read from the bytes (JPEG,
//! PNG or WebP — never SVG, whatever the name says), the pixel dimensions are read from the
//! header and capped *before* anything is decoded, and decoding runs under an allocation
//! limit. The image is then re-encoded, which drops EXIF (GPS included) and every other
//! metadata block, with the camera's orientation applied to the pixels first.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::error::{AppError, ErrorCode};

/// Why a photo is refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PhotoError {
    #[error("image too large")]
    ImageTooLarge,
    #[error("image dimensions too large")]
    ImageDimensions,
    #[error("unsupported image")]
    UnsupportedImage,
}

impl From<PhotoError> for AppError {
    fn from(e: PhotoError) -> Self {
        let (zh, en) = match e {
            PhotoError::ImageTooLarge => ("图片文件过大", "The image file is too large"),
            PhotoError::ImageDimensions => ("图片尺寸过大", "The image dimensions are too large"),
            PhotoError::UnsupportedImage => (
                "只支持 JPEG、PNG 和 WebP 图片",
                "Only JPEG, PNG and WebP images are accepted",
            ),
        };
        AppError::new(ErrorCode::BadUserInput, zh, en)
    }
}

pub const MAX_BYTES: usize = 15 * 1024 * 1024;
pub const MAX_SIDE: u32 = 8_000;
pub const MAX_PIXELS: u64 = 40_000_000;
/// Decoding 40 MP of RGBA needs 160 MB; nothing may allocate more.
pub const MAX_ALLOC: u64 = 192 * 1024 * 1024;
pub const FULL_SIDE: u32 = 2_048;
pub const THUMB_SIDE: u32 = 320;

pub struct Processed {
    pub full: Vec<u8>,
    pub thumb: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Photos decoded at once: each may take `MAX_ALLOC`, so at most a quarter of the available
/// memory goes to decoding; beyond it uploads wait a little, then get `RATE_LIMITED`.
static DECODING: std::sync::LazyLock<crate::limits::WorkLimit> =
    std::sync::LazyLock::new(|| crate::limits::WorkLimit::from_memory(MAX_ALLOC, 0.25, 1, 8));

/// `process` off the async workers, within the memory bound.
pub async fn process_bounded(bytes: Vec<u8>) -> crate::AppResult<Processed> {
    process_within(&DECODING, bytes).await
}

async fn process_within(
    limit: &crate::limits::WorkLimit,
    bytes: Vec<u8>,
) -> crate::AppResult<Processed> {
    let _permit = limit.acquire().await?;
    Ok(tokio::task::spawn_blocking(move || process(&bytes))
        .await
        .map_err(crate::AppError::internal)??)
}

fn limits() -> Limits {
    let mut l = Limits::default();
    l.max_image_width = Some(MAX_SIDE);
    l.max_image_height = Some(MAX_SIDE);
    l.max_alloc = Some(MAX_ALLOC);
    l
}

fn reader(bytes: &[u8]) -> Result<ImageReader<Cursor<&[u8]>>, PhotoError> {
    let format = image::guess_format(bytes).map_err(|_| PhotoError::UnsupportedImage)?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP
    ) {
        return Err(PhotoError::UnsupportedImage);
    }
    let mut r = ImageReader::with_format(Cursor::new(bytes), format);
    r.limits(limits());
    Ok(r)
}

fn jpeg(img: &DynamicImage) -> Result<Vec<u8>, PhotoError> {
    let mut out = Vec::new();
    let rgb = DynamicImage::ImageRgb8(img.to_rgb8());
    let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
    rgb.write_with_encoder(enc)
        .map_err(|_| PhotoError::UnsupportedImage)?;
    Ok(out)
}

/// Check, decode, strip and resize one uploaded photo. CPU-bound: call from a blocking task.
pub fn process(bytes: &[u8]) -> Result<Processed, PhotoError> {
    if bytes.len() > MAX_BYTES {
        return Err(PhotoError::ImageTooLarge);
    }
    let (w, h) = reader(bytes)?.into_dimensions().map_err(dimension_error)?;
    if w > MAX_SIDE || h > MAX_SIDE || u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(PhotoError::ImageDimensions);
    }
    let mut decoder = reader(bytes)?.into_decoder().map_err(dimension_error)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(dimension_error)?;
    img.apply_orientation(orientation);
    let full = if img.width().max(img.height()) > FULL_SIDE {
        // `thumbnail` averages in integers: no float copy of a 12 MP image.
        img.thumbnail(FULL_SIDE, FULL_SIDE)
    } else {
        img
    };
    let thumb = full.thumbnail(THUMB_SIDE, THUMB_SIDE);
    Ok(Processed {
        full: jpeg(&full)?,
        thumb: jpeg(&thumb)?,
        width: full.width(),
        height: full.height(),
    })
}

fn dimension_error(e: image::ImageError) -> PhotoError {
    match e {
        image::ImageError::Limits(_) => PhotoError::ImageDimensions,
        _ => PhotoError::UnsupportedImage,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn decoding_beyond_the_bound_is_rate_limited() {
        let none = crate::limits::WorkLimit::new(0, std::time::Duration::from_millis(20));
        let e = process_within(&none, png(10, 10)).await.err().unwrap();
        assert_eq!(e.code.as_str(), "RATE_LIMITED");
        let one = crate::limits::WorkLimit::new(1, std::time::Duration::from_secs(5));
        assert!(process_within(&one, png(10, 10)).await.is_ok());
    }

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = DynamicImage::new_rgb8(w, h);
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn resizes_and_reencodes_as_jpeg() {
        let p = process(&png(3000, 1000)).unwrap();
        assert_eq!((p.width, p.height), (2048, 683));
        assert_eq!(image::guess_format(&p.full).unwrap(), ImageFormat::Jpeg);
        let t = image::load_from_memory(&p.thumb).unwrap();
        assert_eq!(t.width().max(t.height()), 320);
    }

    #[test]
    fn refuses_svg_and_garbage() {
        let svg = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>";
        assert!(matches!(process(svg), Err(PhotoError::UnsupportedImage)));
        assert!(matches!(
            process(b"GIF89a...."),
            Err(PhotoError::UnsupportedImage)
        ));
    }
}
