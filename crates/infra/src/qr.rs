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

/// A link into this server: `origin` (the address people reach it at, such as
/// `https://linli.example.gov.cn`, which the server cannot know behind proxies) followed by
/// `path`. An origin that is not a plain http(s) address is the caller's mistake.
pub fn link(origin: &str, path: &str) -> crate::AppResult<String> {
    let origin = origin.trim().trim_end_matches('/');
    let ok = origin.len() <= 200
        && (origin.starts_with("https://") || origin.starts_with("http://"))
        && !origin
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '#' | '?' | '"' | '<'));
    if !ok {
        return Err(crate::AppError::bad_input(
            "二维码的网址不正确（应以 http:// 或 https:// 开头）",
            "The QR code's origin must be an http(s) address",
        ));
    }
    Ok(format!("{origin}{path}"))
}

/// A QR code of a link into this server (see `link`).
pub fn link_svg(origin: &str, path: &str) -> crate::AppResult<String> {
    svg(&link(origin, path)?).ok_or_else(|| crate::AppError::internal("QR code too long"))
}
