//! A real browser for the console's tests: Debian's headless Chromium driven over WebDriver by
//! its chromedriver (`apt-get install chromium chromium-driver`; `.ci/run` installs them).

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use tokio::process::{Child, Command};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// WebDriver's keys (the spec's private-use code points).
pub const TAB: &str = "\u{E004}";
pub const ENTER: &str = "\u{E007}";
const BACKSPACE: &str = "\u{E003}";
const CONTROL: &str = "\u{E009}";
/// Releases the modifiers pressed so far.
const RELEASE: &str = "\u{E000}";

/// chromedriver's own command for DevTools' network conditions.
#[derive(Debug)]
struct NetworkConditions(bool);

impl fantoccini::wd::WebDriverCompatibleCommand for NetworkConditions {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/chromium/network_conditions",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (axum::http::Method, Option<String>) {
        let conditions = json!({"network_conditions": {
            "offline": self.0, "latency": 0, "download_throughput": 10_000_000, "upload_throughput": 10_000_000,
        }});
        (axum::http::Method::POST, Some(conditions.to_string()))
    }
}

pub struct Browser {
    pub client: Client,
    pub base: String,
    pub downloads: PathBuf,
    shots: PathBuf,
    _driver: Child,
}

impl Drop for Browser {
    /// Killing chromedriver alone leaves its Chromium processes running: end the whole group.
    fn drop(&mut self) {
        if let Some(pid) = self._driver.id() {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{pid}")])
                .status();
        }
    }
}

impl Browser {
    /// A fresh headless Chromium (its own profile) looking at the gateway at `base`.
    pub async fn open(base: &str, dir: &Path) -> Browser {
        Browser::open_as(base, dir, None).await
    }

    /// The same, as a phone: a 390 × 844 touch screen at three device pixels a CSS pixel
    /// (Chromium's mobile emulation), with a phone's user agent.
    pub async fn open_phone(base: &str, dir: &Path) -> Browser {
        let phone = json!({
            "deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3.0, "touch": true, "mobile": true},
            "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
        });
        Browser::open_as(base, dir, Some(phone)).await
    }

    async fn open_as(base: &str, dir: &Path, phone: Option<Value>) -> Browser {
        for bin in [CHROMIUM, CHROMEDRIVER] {
            assert!(
                Path::new(bin).exists(),
                "{bin} is missing: the console's browser tests need Debian's chromium and \
                 chromium-driver (apt-get install chromium chromium-driver; .ci/run does)"
            );
        }
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own process group, so the browsers it starts end with it (see `Drop`).
            .process_group(0)
            .kill_on_drop(true)
            .spawn()
            .expect("chromedriver starts");
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        while reqwest::get(format!("{url}/status")).await.is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let downloads = dir.join("downloads");
        let profile = dir.join("chromium-profile");
        std::fs::create_dir_all(&downloads).unwrap();
        let caps = json!({
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                // The machine's network is closed: without the background-networking flags
                // Chromium keeps trying to reach Google's hosts.
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic",
                    "--window-size=1280,900", "--lang=zh-CN",
                    format!("--user-data-dir={}", profile.display()),
                    // A camera that films `camera.y4m` (see `show_camera`), allowed without asking.
                    "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                    format!("--use-file-for-fake-video-capture={}", dir.join("camera.y4m").display()),
                ],
                "prefs": {
                    "download.default_directory": downloads.display().to_string(),
                    "download.prompt_for_download": false,
                    // A PDF (a certificate) is saved like any file, not shown in a viewer.
                    "plugins.always_open_pdf_externally": true,
                },
            }
        });
        let mut caps = caps;
        if let Some(phone) = phone {
            caps["goog:chromeOptions"]["mobileEmulation"] = phone;
        }
        let caps = caps.as_object().unwrap().clone().into_iter().collect();
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&url)
            .await
            .expect("a WebDriver session with Chromium");
        let shots = std::env::var_os("LINLI_CONSOLE_SCREENSHOTS")
            .map(PathBuf::from)
            .unwrap_or_else(|| dir.join("screenshots"));
        std::fs::create_dir_all(&shots).unwrap();
        Browser {
            client,
            base: base.to_string(),
            downloads,
            shots,
            _driver: driver,
        }
    }

    pub async fn goto(&self, hash: &str) {
        self.client
            .goto(&format!("{}/console/{hash}", self.base))
            .await
            .unwrap();
    }

    /// Cut the browser off the network, or give it back (chromedriver's network conditions,
    /// as DevTools' "Offline").
    pub async fn set_offline(&self, offline: bool) {
        self.client
            .issue_cmd(NetworkConditions(offline))
            .await
            .expect("chromedriver sets the network conditions");
    }

    /// Load the page again (what someone else wrote meanwhile shows).
    pub async fn reload(&self) {
        self.client.refresh().await.unwrap();
    }

    /// Wait up to 20 s for an element.
    pub async fn find(&self, locator: Locator<'_>) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(locator)
            .await
            .unwrap_or_else(|e| panic!("no element {locator:?}: {e}"))
    }

    pub async fn css(&self, css: &str) -> fantoccini::elements::Element {
        self.find(Locator::Css(css)).await
    }

    /// The visible button whose text is `text`.
    pub async fn button(&self, text: &str) -> fantoccini::elements::Element {
        self.visible_button(&format!(
            "//button[normalize-space(.)='{text}' and not(@disabled)]"
        ))
        .await
    }

    /// Click the visible button `text` inside the element of class `class` (a drawer's body,
    /// when the page under it has a button of the same name).
    /// Retried while the drawer's motion keeps the button from taking clicks.
    pub async fn click_in(&self, class: &str, text: &str) {
        let xpath = format!(
            "//*[contains(concat(' ', @class, ' '), ' {class} ')]//button[normalize-space(.)='{text}' and not(@disabled)]"
        );
        // A click during the drawer's opening motion can land on nothing and raise no error
        // (CI lost journey_lists' 确认对接 so): let the motion end first.
        self.settle(&format!("the {class} of {text}")).await;
        let started = Instant::now();
        while self.visible_button(&xpath).await.click().await.is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "{text} in .{class} never took a click"
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    async fn visible_button(&self, xpath: &str) -> fantoccini::elements::Element {
        let started = Instant::now();
        loop {
            for b in self.client.find_all(Locator::XPath(xpath)).await.unwrap() {
                if b.is_displayed().await.unwrap_or(false) {
                    return b;
                }
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "no visible button {xpath}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Open the tab (or the staff's page) whose label is `text`.
    pub async fn tab(&self, text: &str) {
        // Tabs (district), or the staff's page list (a menu).
        // Again while a closing drawer's or dialog's motion keeps it from taking the click.
        let xpath =
            format!("//*[(@role='tab' or @role='menuitem') and normalize-space(.)='{text}']");
        let started = Instant::now();
        while let Err(e) = self.find(Locator::XPath(&xpath)).await.click().await {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "the tab {text} never took a click: {e}"
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// The button `text` in the table row with a cell reading `cell`.
    pub async fn row_button(&self, cell: &str, text: &str) -> fantoccini::elements::Element {
        let xpath =
            format!("//tr[td[normalize-space(.)='{cell}']]//button[normalize-space(.)='{text}']");
        self.find(Locator::XPath(&xpath)).await
    }

    /// Click the button `text` in the row with a cell reading `cell`, again while a drawer's or
    /// dialog's motion keeps it from taking the click.
    pub async fn click_row(&self, cell: &str, text: &str) {
        let started = Instant::now();
        while let Err(e) = self.row_button(cell, text).await.click().await {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "{text} in the row of {cell} never took a click: {e}"
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Click the segment (antd Segmented) labelled `text`.
    pub async fn segment(&self, text: &str) {
        let clicked = self
            .eval(&format!(
                "const el = [...document.querySelectorAll('.ant-segmented-item-label')].find(e => e.textContent.trim() === '{text}');
                 if (el) el.click(); return !!el;"
            ))
            .await;
        assert_eq!(clicked, json!(true), "no segment {text}");
    }

    /// Give the page's file input this file (as choosing it in the dialog would).
    pub async fn upload(&self, file: &Path) {
        self.css("input[type=file]")
            .await
            .send_keys(&file.display().to_string())
            .await
            .unwrap();
    }

    /// Click the element `css`, again while a dialog's or drawer's motion keeps it from
    /// taking the click.
    pub async fn click_css(&self, css: &str) {
        // A click during a dialog's opening motion can land on nothing and raise no error (CI
        // lost journey_timebank's switch so): let the motion end first.
        self.settle(&format!("before clicking {css}")).await;
        let started = Instant::now();
        while let Err(e) = self.css(css).await.click().await {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "{css} never took a click: {e}"
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Turn the switch with this id on: clicked again until it says it is on (a click in a
    /// dialog still settling can be lost without an error).
    pub async fn switch_on(&self, id: &str) {
        let started = Instant::now();
        let checked =
            format!("return document.getElementById('{id}')?.getAttribute('aria-checked')");
        while self.eval(&checked).await != json!("true") {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "#{id} never turned on"
            );
            self.click_css(&format!("#{id}")).await;
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
    }

    /// Click the visible button `text`, again while a dialog's or drawer's motion keeps it
    /// from taking the click.
    /// A button under the phone's fixed bottom navigation is scrolled to the middle first, as
    /// a person would.
    pub async fn click(&self, text: &str) {
        let started = Instant::now();
        loop {
            let button = self.button(text).await;
            let Err(e) = button.click().await else { return };
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "{text} never took a click: {e}"
            );
            let _ = self
                .client
                .execute(
                    "arguments[0].scrollIntoView({block: 'center'})",
                    vec![json!(button)],
                )
                .await;
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Type into the input with this id (antd gives a form field its name as id).
    /// Found again if the page re-renders it between finding and typing (a stale element).
    pub async fn fill(&self, id: &str, text: &str) {
        let started = Instant::now();
        // A dialog that re-renders while it opens (its page refetching after a write) can
        // drop what was typed: look again a moment later and type again, a few times.
        for _ in 0..3 {
            // Select all and type over it: clear() leaves a number input's value in React's state.
            while let Err(e) = self
                .live(id)
                .await
                .send_keys(&format!("{CONTROL}a{RELEASE}{BACKSPACE}{text}"))
                .await
            {
                assert!(
                    started.elapsed() < Duration::from_secs(20),
                    "#{id} never took the keys: {e}"
                );
                tokio::time::sleep(Duration::from_millis(150)).await;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
            let value = self.live(id).await.prop("value").await.ok().flatten();
            if value.as_deref().map(str::trim) == Some(text.trim()) {
                return;
            }
        }
    }

    /// The input with this id in the dialog now open: a dialog closing (its leave motion
    /// still running) may hold an input of the same name, and so may the page under it. A
    /// dialog just asked for may not be there yet (a loaded machine mounts it late): the
    /// visible one is waited for, and only when none shows does a hidden one stand in.
    pub(crate) async fn live(&self, id: &str) -> fantoccini::elements::Element {
        self.css(&format!("#{id}")).await;
        let started = Instant::now();
        loop {
            let found = self
                .client
                .execute(
                    "document.querySelectorAll('[data-linli-fill]').forEach(e => e.removeAttribute('data-linli-fill'));
                     const all = document.querySelectorAll(`[id=\"${arguments[0]}\"]`);
                     const live = [...all].filter(e => e.offsetParent !== null && !e.closest('[class*=\"-leave\"]'));
                     const el = live[live.length - 1] ?? (arguments[1] ? all[all.length - 1] : null);
                     if (el) el.setAttribute('data-linli-fill', '');
                     return !!el;",
                    vec![json!(id), json!(started.elapsed() > Duration::from_secs(5))],
                )
                .await
                .unwrap();
            if found == json!(true) {
                return self.css("[data-linli-fill]").await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Set a date or date-time input the way a picker would (its text format follows the
    /// browser's locale, so keys are not portable).
    pub async fn set_value(&self, id: &str, value: &str) {
        self.css(&format!("#{id}")).await;
        self.client
            .execute(
                "const el = document.getElementById(arguments[0]);
                 Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, arguments[1]);
                 el.dispatchEvent(new Event('input', { bubbles: true }));",
                vec![json!(id), json!(value)],
            )
            .await
            .unwrap();
    }

    /// Wait until the page's text no longer contains `text`.
    pub async fn wait_gone(&self, text: &str) {
        let started = Instant::now();
        while self.body_text().await.contains(text) {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "{text} never went away"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Wait until the page's text contains `text`.
    pub async fn wait_text(&self, text: &str) {
        let started = Instant::now();
        while !self.body_text().await.contains(text) {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "the page never showed {text:?}; it shows:\n{}",
                self.body_text().await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn body_text(&self) -> String {
        self.client
            .execute("return document.body.innerText", vec![])
            .await
            .unwrap()
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    pub async fn eval(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap()
    }

    /// Sign in with the keyboard alone: type, Tab to the password, Enter to submit.
    pub async fn sign_in(&self, login: &str, password: &str) {
        self.goto("").await;
        let name = self.css("#loginName").await;
        name.send_keys(login).await.unwrap();
        name.send_keys(TAB).await.unwrap();
        let focused = self
            .eval("return document.activeElement && document.activeElement.id")
            .await;
        assert_eq!(focused, json!("password"), "Tab moves to the password");
        let password_input = self.css("#password").await;
        password_input
            .send_keys(&format!("{password}{ENTER}"))
            .await
            .unwrap();
        // Either frame marks itself signed in: the desktop's header, the phone's pages.
        self.css("[data-signed-in]").await;
    }

    /// Sign out: from the desktop's header, on a resident's phone from 我的 (the bottom
    /// navigation), on a grid worker's at the foot of the page.
    pub async fn sign_out(&self) {
        // A grid worker's pages sign out at their foot, a resident's from 我的.
        let phone = self
            .eval("return !!document.querySelector(\".m-tabbar a[href$='/me']\")")
            .await
            == json!(true);
        if phone {
            self.click_css(".m-tabbar a[href$='/me']").await;
        }
        self.click("退出").await;
        self.css("#loginName").await;
    }

    /// Save a screenshot of the viewport as `name`.png (under `LINLI_CONSOLE_SCREENSHOTS`
    /// when set, e.g. docs/console, else beside the test's data).
    pub async fn screenshot(&self, name: &str) {
        // Let charts draw and toasts go; nothing is asserted on timing.
        self.settle("a screenshot").await;
        self.eval("window.scrollTo(0, 0)").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let png = self.client.screenshot().await.unwrap();
        assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
        std::fs::write(self.shots.join(format!("{name}.png")), png).unwrap();
    }

    /// axe-core's WCAG 2 A and AA rules (labels, names, contrast …) on the page as it is now.
    ///
    /// Checked once the page is still: no toast fading, no dialog moving (their half-faded
    /// text fails contrast for an instant), and every dropdown closed: antd's open select list
    /// marks its visible options `aria-selected` without a role (the roles are on a parallel
    /// hidden list), which axe reports; the closed control is clean.
    pub async fn assert_accessible(&self, page: &str) {
        self.settle(page).await;
        let axe = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/e2e/vendor/axe.min.js"),
        )
        .expect("tests/e2e/vendor/axe.min.js (written by the console's npm run build)");
        self.client.execute(&axe, vec![]).await.unwrap();
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                   .then(r => done(r.violations.map(v => ({ id: v.id, help: v.help,
                      nodes: v.nodes.slice(0, 5).map(n => n.html.slice(0, 300) + ' — ' + n.failureSummary) }))))
                   .catch(e => done([{ id: 'axe-error', help: String(e), nodes: [] }]));",
                vec![],
            )
            .await
            .unwrap();
        let violations = result.as_array().cloned().unwrap_or_default();
        assert!(
            violations.is_empty(),
            "accessibility violations on {page}:\n{}",
            serde_json::to_string_pretty(&violations).unwrap()
        );
    }

    /// Wait until nothing moves (see `SETTLED`).
    async fn settle(&self, page: &str) {
        let started = Instant::now();
        loop {
            let moving = self.eval(SETTLED).await;
            if moving == json!([]) {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{page} never settles: {moving}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// WCAG 1.4.10 reflow: nothing scrolls sideways at this width.
    pub async fn assert_no_sideways_scroll(&self, page: &str) {
        let widths = self
            .eval("return [document.documentElement.scrollWidth, window.innerWidth]")
            .await;
        let (scroll, inner) = (widths[0].as_i64().unwrap(), widths[1].as_i64().unwrap());
        assert!(
            scroll <= inner,
            "{page} scrolls sideways: {scroll} px of content in {inner} px"
        );
    }

    /// The first finished download whose name ends in `ext`.
    pub async fn downloaded(&self, ext: &str) -> PathBuf {
        let started = Instant::now();
        loop {
            if let Some(p) = std::fs::read_dir(&self.downloads)
                .unwrap()
                .filter_map(|e| e.ok().map(|e| e.path()))
                .find(|p| p.extension().is_some_and(|e| e == ext))
            {
                return p;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "no .{ext} downloaded"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

/// What is still moving or open: dropdowns, toasts, and antd's enter/leave motions (but a
/// button's spinner, whose leave motion headless Chromium sometimes never finishes).
const SETTLED: &str = "return [...document.querySelectorAll(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-message-notice, \\
     [class*=\"-enter-active\"], [class*=\"-leave-active\"], [class*=\"-appear-active\"]')].map(e => e.className)
     .filter(c => !c.includes('ant-btn-loading-icon'))";

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
