//! The browser's camera in tests: Chromium starts with a fake camera (see `Browser::open`)
//! that films a Y4M file, so a page that scans a code reads what the test puts there.

use crate::console_browser::Browser;

impl Browser {
    /// Hold a QR code of `text` before the camera: Chromium's fake camera films `camera.y4m`
    /// (a Y4M video: one 640 × 480 grey still, looped) whenever a page opens the camera.
    pub fn show_camera(&self, text: &str) {
        let code = qrcode::QrCode::new(text.as_bytes())
            .unwrap()
            .render::<image::Luma<u8>>()
            .module_dimensions(5, 5)
            .build();
        let (w, h) = (640u32, 480u32);
        assert!(
            code.width() <= w && code.height() <= h,
            "the code fits the frame"
        );
        let (x0, y0) = ((w - code.width()) / 2, (h - code.height()) / 2);
        let mut luma = vec![255u8; (w * h) as usize];
        for (x, y, p) in code.enumerate_pixels() {
            luma[((y + y0) * w + x + x0) as usize] = p.0[0];
        }
        let chroma = vec![128u8; (w * h / 2) as usize];
        let mut video = format!("YUV4MPEG2 W{w} H{h} F10:1 Ip A1:1 C420jpeg\n").into_bytes();
        for _ in 0..2 {
            video.extend_from_slice(b"FRAME\n");
            video.extend_from_slice(&luma);
            video.extend_from_slice(&chroma);
        }
        let dir = self.downloads.parent().unwrap();
        std::fs::write(dir.join("camera.y4m"), video).unwrap();
    }
}
