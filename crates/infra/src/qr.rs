//! QR codes (二维码) shown on a phone and scanned at a counter or a door.

/// `text` as an SVG QR code of at least 240 × 240; `None` when it is too long for one.
pub fn svg(text: &str) -> Option<String> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color>()
            .min_dimensions(240, 240)
            .build(),
    )
}
