//! The page objects: the app page (opening it, the task chooser and progress line, and what
//! holds for the whole page: its console, its traces, its accessibility), and one object per
//! card or step, each declaring its locators once and offering what a user does there, in the
//! user's words. Whatever step, tab or disclosure a card sits in, the driver brings it out
//! first, as a user would (`Browser::reveal`).

pub mod adf_checks;
pub mod client;
pub mod commands;
pub mod consent;
pub mod diagnose;
pub mod exchange_log;
pub mod export;
pub mod prove;
pub mod provider_consent;
pub mod refresh;
pub mod service_account;
pub mod tokens;

use refresh_token_helper::testids;
use serde_json::{json, Value};

use crate::driver::{read_console, Browser};
use crate::pages::consent::ConsentStep;
use crate::pages::provider_consent::ProviderConsent;
use crate::pages::tokens::TokensCard;

/// A storage area of the page's origin.
#[derive(Debug, Clone, Copy)]
pub enum Storage {
    Local,
    Session,
}

/// The Refresh Token Helper page.
pub struct AppPage<'a> {
    pub browser: &'a Browser,
    pub url: String,
}

impl<'a> AppPage<'a> {
    /// Opens the page and checks that loading it logged no error or warning in the console
    /// (a CSP the browser cannot parse, a refused resource, a panic).
    pub async fn open(browser: &'a Browser, url: &str) -> Self {
        // What earlier pages logged is not this load's.
        read_console(browser).await;
        browser.client.goto(url).await.expect("the page loads");
        browser.find(&testids::sel(testids::APP)).await;
        let page = Self {
            browser,
            url: url.to_owned(),
        };
        let complaints = page.console_complaints().await;
        assert!(
            complaints.is_empty(),
            "loading {url} logged errors or warnings: {complaints:#?}"
        );
        page
    }

    /// Console entries at warning level or worse since the last read.
    pub async fn console_complaints(&self) -> Vec<String> {
        read_console(self.browser)
            .await
            .iter()
            .filter(|e| matches!(e["level"].as_str(), Some("SEVERE" | "WARNING")))
            .map(|e| e.to_string())
            .collect()
    }

    pub(crate) async fn type_into(&self, testid: &str, text: &str) {
        let e = self.browser.find(&testids::sel(testid)).await;
        e.clear().await.expect("clearable");
        e.send_keys(text).await.expect("typable");
    }

    pub(crate) async fn click(&self, testid: &str) {
        self.browser.click(&testids::sel(testid)).await;
    }

    /// Picks a task in "What do you need?" (`bigquery`, `check-token`, …).
    pub async fn open_task(&self, task: &str) {
        self.browser.click(&format!("#task-{task}")).await;
    }

    /// Opens a step from the progress line (`client`, `consent`, `use`, …).
    pub async fn open_step(&self, step: &str) {
        self.browser.click(&format!("[data-goto={step}]")).await;
    }

    /// What the input `testid` holds now.
    pub async fn value_of(&self, testid: &str) -> String {
        self.browser
            .find(&testids::sel(testid))
            .await
            .prop("value")
            .await
            .expect("a value")
            .unwrap_or_default()
    }

    /// The whole round trip: "Go to consent", Allow, and the refresh token, read.
    pub async fn sign_in(&self) -> String {
        ConsentStep::of(self).go_to_consent().await;
        ProviderConsent::of(self).allow().await;
        TokensCard::of(self).see_refresh_token().await
    }

    /// Presses `button` and waits until `result` says `needle`; returns what it says.
    pub async fn check(&self, button: &str, result: &str, needle: &str) -> String {
        self.click(button).await;
        self.browser.wait_text(&testids::sel(result), needle).await
    }

    pub async fn see_error(&self, testid: &str, needle: &str) -> String {
        self.browser.wait_text(&testids::sel(testid), needle).await
    }

    /// Picks `value` in the select `testid`.
    pub async fn choose(&self, testid: &str, value: &str) {
        self.browser
            .find(&testids::sel(testid))
            .await
            .select_by_value(value)
            .await
            .expect("selectable");
    }

    /// Everything the browser keeps that a secret must never reach: the address, the
    /// history state, both storages, cookies and the console.
    pub async fn traces(&self) -> String {
        let js = self
            .browser
            .run(
                "return JSON.stringify({href: location.href, history: history.length, state: history.state, \
                 local: Object.assign({}, localStorage), session: Object.assign({}, sessionStorage), \
                 cookie: document.cookie});",
            )
            .await;
        let mut traces = js
            .as_str()
            .unwrap_or_else(|| panic!("the page's traces are unreadable: {js}"))
            .to_owned();
        traces.push_str(&Value::Array(read_console(self.browser).await).to_string());
        traces
    }

    /// The browser console so far (ChromeDriver's log, emptied by each read).
    pub async fn console(&self) -> String {
        Value::Array(read_console(self.browser).await).to_string()
    }

    /// POSTs a form to `url` from the page, as the page's own requests are made, and says
    /// what happened: `blocked connect-src` when the CSP refused it (a
    /// `securitypolicyviolation`), `sent` when it got an answer, `failed` otherwise.
    pub async fn post_from_page(&self, url: &str) -> String {
        let script = format!(
            "const done = arguments[arguments.length - 1];\
             document.addEventListener('securitypolicyviolation', e => done('blocked ' + e.effectiveDirective), {{once: true}});\
             fetch({url:?}, {{method: 'POST', body: new URLSearchParams({{probe: '1'}})}})\
               .then(() => done('sent'), () => setTimeout(() => done('failed'), 500));"
        );
        let result = self
            .browser
            .client
            .execute_async(&script, vec![])
            .await
            .expect("the script runs");
        result.as_str().unwrap_or_default().to_owned()
    }

    /// Runs axe-core (from `RTH_AXE`, installed by scripts/test) on the page as it is now and
    /// returns the serious and critical WCAG 2.1 A/AA violations, one line each.
    pub async fn accessibility_violations(&self) -> Vec<String> {
        let path =
            std::env::var("RTH_AXE").expect("RTH_AXE names axe.min.js (scripts/test sets it)");
        let axe = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let script = format!(
            "const done = arguments[arguments.length - 1];\n{axe}\n\
             axe.run(document, {{runOnly: {{type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}}})\
               .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')\
                 .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + JSON.stringify(v.nodes.slice(0, 3).map(n => n.target)))))\
               .catch(e => done(['axe failed: ' + e]));"
        );
        let result = self
            .browser
            .client
            .execute_async(&script, vec![])
            .await
            .expect("axe runs");
        result
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_else(|| vec![format!("unexpected axe result: {result}")])
    }

    /// The accessible names that two or more controls on screen share, with how many: a
    /// screen reader's list of buttons and links cannot tell them apart. The name is computed
    /// as the accessible-name algorithm does for these elements (aria-labelledby, aria-label,
    /// the label, the text with visually hidden parts), whitespace collapsed.
    pub async fn shared_names(&self) -> Vec<String> {
        let found = self
            .browser
            .run(
                "const text = e => e ? e.textContent : ''; \
                 const name = e => { \
                   const by = e.getAttribute('aria-labelledby'); \
                   if (by) return by.split(/\\s+/).map(id => text(document.getElementById(id))).join(' '); \
                   const label = e.getAttribute('aria-label'); \
                   if (label) return label; \
                   if (e.labels && e.labels.length) return [...e.labels].map(text).join(' '); \
                   return e.textContent; }; \
                 const count = new Map(); \
                 document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, summary, [role=tab]') \
                   .forEach(e => { \
                     if (!e.checkVisibility()) return; \
                     const n = name(e).replace(/\\s+/g, ' ').trim(); \
                     count.set(n, (count.get(n) || 0) + 1); }); \
                 return [...count].filter(([, c]) => c > 1).map(([n, c]) => c + ' × ' + JSON.stringify(n));",
            )
            .await;
        found
            .as_array()
            .unwrap_or_else(|| panic!("unexpected names: {found}"))
            .iter()
            .map(|v| v.as_str().expect("a line").to_owned())
            .collect()
    }

    /// What any page of the same origin can do: write `value` under `key` in this tab's
    /// `localStorage` or `sessionStorage`.
    pub async fn plant(&self, storage: Storage, key: &str, value: &str) {
        let area = match storage {
            Storage::Local => "localStorage",
            Storage::Session => "sessionStorage",
        };
        let (key, value) = (json!(key), json!(value));
        self.browser
            .run(&format!("{area}.setItem({key}, {value}); return 1"))
            .await;
    }

    pub async fn session_storage_is_empty(&self) -> bool {
        self.browser.run("return sessionStorage.length").await == json!(0)
    }
}
