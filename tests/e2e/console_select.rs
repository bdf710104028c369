//! Choosing in antd's selects (staff's and officers' forms) from the browser tests: opening a
//! list, typing into a searchable one, clicking the option once the list's motion lets it.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use serde_json::json;

use crate::console_browser::Browser;

impl Browser {
    /// Pick `option` in the antd select whose input has this id.
    pub async fn choose(&self, id: &str, option: &str) {
        self.choose_by(id, option, &format!("@title='{option}'"))
            .await
    }

    /// Pick the option whose label starts with `prefix` (a label that ends in a date or a
    /// count).
    pub async fn choose_starting(&self, id: &str, prefix: &str) {
        self.choose_by(id, prefix, &format!("starts-with(@title, '{prefix}')"))
            .await
    }

    /// Pick the option matching `test` (an XPath predicate on its element), typing `option`
    /// into a searchable select.
    async fn choose_by(&self, id: &str, option: &str, test: &str) {
        // The select in the dialog now open: a closed dialog may keep one of the same id.
        self.live(id).await;
        let select = "//input[@data-linli-fill]/ancestor::div[contains(concat(' ', @class, ' '), ' ant-select ')][1]";
        // The option in the open list (an earlier select's closed list may hold the same one).
        let xpath = format!(
            "//div[contains(@class,'ant-select-dropdown') and not(contains(@class,'ant-select-dropdown-hidden'))]\
             //div[contains(@class,'ant-select-item-option') and {test}]"
        );
        let searchable = self
            .eval("return !!document.querySelector('[data-linli-fill]')?.closest('.ant-select-show-search')")
            .await
            == json!(true);
        // Open the list (again, if a modal's motion took the click or the list closed), type
        // into a searchable one (its list renders only what fits), click the option once the
        // list's own motion lets it take clicks.
        let is_open = "const el = document.querySelector('[data-linli-fill]');
             return !!el && el.getAttribute('aria-expanded') === 'true'";
        let started = Instant::now();
        loop {
            let open = self.eval(is_open).await == json!(true);
            if !open {
                if let Ok(el) = self.client.find(Locator::XPath(select)).await
                    && el.click().await.is_ok()
                {
                    // A slow browser opens the list late: a second click before then would
                    // close it again, so give the first one time.
                    let clicked = Instant::now();
                    while self.eval(is_open).await != json!(true)
                        && clicked.elapsed() < Duration::from_secs(3)
                    {
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                    if searchable {
                        let _ = self.css("[data-linli-fill]").await.send_keys(option).await;
                    }
                }
            } else {
                for el in self
                    .client
                    .find_all(Locator::XPath(&xpath))
                    .await
                    .unwrap_or_default()
                {
                    if el.is_displayed().await.unwrap_or(false) && el.click().await.is_ok() {
                        return;
                    }
                }
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "option {option} of #{id} never took a click; the open lists hold: {}",
                self.eval(
                    "return [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].map(e => e.title)"
                )
                .await
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Pick the option reading `option` in the native select with this id (the phone's pages
    /// use the phone's own picker), once the option is there.
    pub async fn choose_native(&self, id: &str, option: &str) {
        self.css(&format!("#{id}")).await;
        let started = Instant::now();
        loop {
            let picked = self
                .client
                .execute(
                    "const s = document.getElementById(arguments[0]);
                     const o = [...s.options].find(o => o.text === arguments[1]);
                     if (!o) return false;
                     Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(s, o.value);
                     s.dispatchEvent(new Event('change', { bubbles: true }));
                     return true;",
                    vec![json!(id), json!(option)],
                )
                .await
                .unwrap();
            if picked == json!(true) {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "no option {option} in #{id}"
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }
}
