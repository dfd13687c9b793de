//! The driver: one headless Chromium through its own ChromeDriver, the waits every page
//! object uses, and the DevTools commands beyond WebDriver (downloads, emulation, blocked
//! URLs, the clipboard, the console). It knows nothing of the app's cards (`crate::pages`).

use refresh_token_helper::testids;
use std::net::SocketAddr;
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use tokio::process::{Child, Command};

/// How long to wait for something to appear.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// One headless Chromium, driven through its own ChromeDriver.
pub struct Browser {
    pub client: Client,
    driver: Child,
    /// Where this browser saves what the page downloads.
    pub downloads: std::path::PathBuf,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a loopback port is free")
}

impl Browser {
    pub async fn start() -> Self {
        Self::start_with(&[]).await
    }

    /// With extra Chromium switches (the Google-only world maps Google's host names).
    pub async fn start_with(extra: &[String]) -> Self {
        let driver_path = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let port = free_port();
        // Its own process group: ending it ends the Chromium it started too.
        let driver = Command::new(&driver_path)
            .process_group(0)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {driver_path}: {e} (scripts/test installs it)")
            });
        let mut caps = serde_json::Map::new();
        let mut args: Vec<String> = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-extensions",
            "--window-size=1200,2000",
        ]
        .map(String::from)
        .to_vec();
        args.extend_from_slice(extra);
        let downloads = crate::fresh_dir("downloads");
        let prefs = json!({
            "download.default_directory": downloads.display().to_string(),
            "download.prompt_for_download": false,
            "download.directory_upgrade": true,
        });
        caps.insert(
            "goog:chromeOptions".into(),
            json!({ "args": args, "prefs": prefs }),
        );
        caps.insert("goog:loggingPrefs".into(), json!({"browser": "ALL"}));
        // The page asks before a reload or Back drops its tokens: in a test, leaving is the
        // user's choice, confirmed (the guard itself is tested by dispatching the event).
        caps.insert("unhandledPromptBehavior".into(), json!("accept"));
        let started = Instant::now();
        let client = loop {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(c) => break c,
                Err(e) if started.elapsed() > PATIENCE => panic!("ChromeDriver did not start: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        // Downloads go to the folder without a prompt; set through DevTools, Chromium also does
        // not hold the pack's .sh and .ps1 files for a "this type of file can harm" warning.
        client
            .issue_cmd(cdp(
                "Browser.setDownloadBehavior",
                json!({
                    "behavior": "allow",
                    "downloadPath": downloads.display().to_string(),
                }),
            ))
            .await
            .expect("ChromeDriver passes DevTools commands on");
        Self {
            client,
            driver,
            downloads,
        }
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        self.end_driver();
        let _ = self.driver.wait().await;
        let _ = std::fs::remove_dir_all(&self.downloads);
    }

    /// ChromeDriver and every browser process it started.
    fn end_driver(&mut self) {
        if let Some(group) = self.driver.id() {
            crate::recipes::signal_group(group, "KILL");
        }
    }

    /// Waits for the browser to finish downloading `name`, and reads it (then deletes it, so
    /// the next download of the same name is the next one read).
    pub async fn downloaded(&self, name: &str) -> String {
        String::from_utf8(self.downloaded_bytes(name).await)
            .unwrap_or_else(|e| panic!("{name} is not UTF-8: {e}"))
    }

    /// Waits for the browser to finish downloading `name`, and reads its bytes (then deletes it).
    pub async fn downloaded_bytes(&self, name: &str) -> Vec<u8> {
        let path = self.downloads.join(name);
        let started = Instant::now();
        loop {
            let busy = std::fs::read_dir(&self.downloads)
                .map(|d| {
                    d.flatten()
                        .any(|e| e.file_name().to_string_lossy().ends_with(".crdownload"))
                })
                .unwrap_or(false);
            if !busy {
                if let Ok(bytes) = std::fs::read(&path) {
                    let _ = std::fs::remove_file(&path);
                    return bytes;
                }
            }
            if started.elapsed() > PATIENCE {
                let there: Vec<String> = std::fs::read_dir(&self.downloads)
                    .map(|d| {
                        d.flatten()
                            .map(|e| e.file_name().to_string_lossy().into_owned())
                            .collect()
                    })
                    .unwrap_or_default();
                panic!("{name} was never downloaded; the folder holds {there:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits for the element to be present and displayed.
    pub async fn find(&self, css: &str) -> Element {
        self.find_within(css, PATIENCE).await
    }

    /// The element `css` selects as a user would pick it: the first one on screen, else the
    /// first one in the page (with `false`: not on screen).
    async fn locate(&self, css: &str) -> Option<(Element, bool)> {
        let all = self.client.find_all(Locator::Css(css)).await.ok()?;
        for e in &all {
            if e.is_displayed().await.unwrap_or(false) {
                return Some((e.clone(), true));
            }
        }
        all.into_iter().next().map(|e| (e, false))
    }

    /// Waits up to `patience` for the element to be present and displayed; one that is on the
    /// page but folded away is brought out as a user would (see [`Browser::reveal`]).
    pub async fn find_within(&self, css: &str, patience: Duration) -> Element {
        let started = Instant::now();
        loop {
            match self.locate(css).await {
                Some((e, true)) => return e,
                Some((_, false)) => self.reveal(css).await,
                None => {}
            }
            if started.elapsed() > patience {
                let url = self
                    .client
                    .current_url()
                    .await
                    .map(|u| u.to_string())
                    .unwrap_or_default();
                let text = self.body_text().await;
                panic!("`{css}` did not appear on {url}; the page says:\n{text}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Clicks the element `css` selects, once it is on screen.
    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.expect("clickable");
    }

    /// Opens the disclosure (`<details>`) `css` selects by its summary, unless it is open.
    pub async fn open_disclosure(&self, css: &str) {
        let open = self
            .run(&format!(
                "return document.querySelector({}).open",
                json!(css)
            ))
            .await;
        if open != Value::Bool(true) {
            self.click(&format!("{css} > summary")).await;
        }
    }

    /// Brings the element `css` out the way a user would: picks its task, opens its step in
    /// the progress line, selects its tab, opens the disclosures around it. The steps after
    /// the tokens are not opened here: they must open by themselves.
    pub async fn reveal(&self, css: &str) {
        let script = format!(
            "const el = document.querySelector({css});\n\
             if (!el) return [];\n\
             const chain = [];\n\
             for (let a = el.parentElement; a; a = a.parentElement) chain.unshift(a);\n\
             const clicks = [];\n\
             let n = 0;\n\
             for (const a of chain) {{\n\
               if (a.dataset.task && a.hidden) clicks.push('#task-' + a.dataset.task.split(' ')[0]);\n\
               const step = a.dataset.step;\n\
               if (step && ['register', 'client', 'consent'].includes(step) && a.children[1] && a.children[1].hidden)\n\
                 clicks.push('[data-goto=' + step + ']');\n\
               if (a.getAttribute('role') === 'tabpanel' && a.hidden) clicks.push('#' + a.getAttribute('aria-labelledby'));\n\
               if (a.tagName === 'DETAILS' && !a.open && !el.closest('summary')) {{\n\
                 a.setAttribute('data-reveal', String(++n));\n\
                 clicks.push('[data-reveal=\"' + n + '\"] > summary');\n\
               }}\n\
             }}\n\
             return clicks;",
            css = json!(css)
        );
        let clicks = self.run(&script).await;
        for css in clicks
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if let Ok(e) = self.client.find(Locator::Css(css)).await {
                let _ = e.click().await;
            }
        }
    }

    /// Shows the page as a screen `width` × `height` CSS pixels wide and tall shows it, in the
    /// light or the dark colour scheme.
    pub async fn emulate(&self, width: u32, height: u32, dark: bool) {
        self.client
            .issue_cmd(cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}),
            ))
            .await
            .expect("the screen size can be set");
        let scheme = if dark { "dark" } else { "light" };
        self.client
            .issue_cmd(cdp(
                "Emulation.setEmulatedMedia",
                json!({"features": [{"name": "prefers-color-scheme", "value": scheme}]}),
            ))
            .await
            .expect("the colour scheme can be set");
    }

    /// Makes the browser refuse every request whose URL matches one of `patterns` (`*` any
    /// text), as a dropped connection does; an empty list lets everything through again.
    pub async fn block_urls(&self, patterns: &[&str]) {
        self.client
            .issue_cmd(cdp("Network.enable", json!({})))
            .await
            .expect("the network domain");
        self.client
            .issue_cmd(cdp("Network.setBlockedURLs", json!({ "urls": patterns })))
            .await
            .expect("requests can be blocked");
    }

    /// The URLs of every file the page has fetched since it loaded, in order.
    pub async fn fetched(&self) -> Vec<String> {
        let found = self
            .run("return performance.getEntriesByType('resource').map(e => e.name)")
            .await;
        found
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    }

    /// Lets the page write the clipboard and the test read it, as a user's click allows.
    pub async fn allow_clipboard(&self, origin: &str) {
        self.client
            .issue_cmd(cdp(
                "Browser.grantPermissions",
                json!({"origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]}),
            ))
            .await
            .expect("the clipboard can be allowed");
    }

    /// What the clipboard holds.
    pub async fn clipboard(&self) -> String {
        let text = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('unreadable: ' + e))",
                vec![],
            )
            .await
            .expect("the script runs");
        text.as_str().unwrap_or_default().to_owned()
    }

    /// A PNG of the whole page at the emulated width, not only what the screen shows.
    pub async fn screenshot_page(&self) -> Vec<u8> {
        use base64::Engine as _;
        let shot = self
            .client
            .issue_cmd(cdp(
                "Page.captureScreenshot",
                json!({"format": "png", "captureBeyondViewport": true}),
            ))
            .await
            .expect("a screenshot");
        base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().unwrap_or_default())
            .expect("base64 PNG")
    }

    /// Opens a new tab of the running browser that uses no cache (neither the HTTP cache nor
    /// the compiled code kept with it) and in which `url`'s origin has stored nothing, and
    /// makes it the current one: the next load is a first visit, as in a new private window.
    /// (ChromeDriver refuses DevTools' `Target.createBrowserContext`, so not a context of its
    /// own.) Returns the tab to go back to with [`Browser::leave_fresh_context`].
    pub async fn enter_fresh_context(&self, url: &str) -> FreshContext {
        let back = self.client.window().await.expect("a window");
        let tab = self.client.new_window(true).await.expect("a new tab");
        self.client
            .switch_to_window(tab.handle)
            .await
            .expect("the new tab");
        self.client
            .issue_cmd(cdp("Network.enable", json!({})))
            .await
            .expect("the network domain");
        self.client
            .issue_cmd(cdp(
                "Network.setCacheDisabled",
                json!({"cacheDisabled": true}),
            ))
            .await
            .expect("the cache can be turned off");
        let origin = url::Url::parse(url)
            .map(|u| u.origin().ascii_serialization())
            .expect("a URL");
        self.client
            .issue_cmd(cdp(
                "Storage.clearDataForOrigin",
                json!({"origin": origin, "storageTypes": "all"}),
            ))
            .await
            .expect("the origin's storage can be cleared");
        FreshContext { back }
    }

    /// Closes the fresh tab and goes back to the one before it.
    pub async fn leave_fresh_context(&self, fresh: FreshContext) {
        let _ = self.client.close_window().await;
        self.client
            .switch_to_window(fresh.back)
            .await
            .expect("the tab before");
    }

    /// The page's height in CSS pixels, all of it.
    pub async fn page_height(&self) -> u64 {
        self.run("return document.documentElement.scrollHeight")
            .await
            .as_u64()
            .expect("a height")
    }

    /// Waits until the current address starts with `prefix`; returns it.
    pub async fn wait_url(&self, prefix: &str) -> String {
        let started = Instant::now();
        loop {
            let url = self.url().await;
            if url.starts_with(prefix) {
                return url;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "the address never started with {prefix}; it is {url}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the document has loaded and, on the app's page, the app has mounted its
    /// first card: what a load does at once (read the address, start an exchange) has been
    /// done by then.
    pub async fn settled(&self) {
        let started = Instant::now();
        while self.run("return document.readyState").await != "complete" {
            assert!(
                started.elapsed() < PATIENCE,
                "the page never finished loading"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let app = self
            .run("return document.querySelector('link[rel=modulepreload], script[type=module]') !== null")
            .await;
        if app == true {
            while !self.has(&testids::sel(testids::CLIENT_CARD)).await {
                assert!(started.elapsed() < PATIENCE, "the app never mounted");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }

    /// Waits until the page is quiet: no request started for half a second (the resource list
    /// of the page, fetches included, stopped growing) and nothing marked busy. Checks that
    /// something did not happen come after this, not right after the action.
    pub async fn quiet(&self) {
        let started = Instant::now();
        let mut last = Value::Null;
        let mut since = Instant::now();
        loop {
            let now = self
                .run("return [performance.getEntriesByType('resource').length, document.querySelectorAll('[aria-busy=true]:not([hidden])').length]")
                .await;
            if now != last {
                last = now;
                since = Instant::now();
            } else if since.elapsed() >= Duration::from_millis(500) && last[1] == 0 {
                return;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "the page never became quiet: {last}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the text of `css` satisfies `fits` (described as `what`); returns it.
    pub async fn wait_text_that(
        &self,
        css: &str,
        what: &str,
        fits: impl Fn(&str) -> bool,
    ) -> String {
        let started = Instant::now();
        loop {
            let text = self.text_now(css).await;
            if fits(&text) {
                return text;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "`{css}` never became {what}; it says “{text}”"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The text of what `css` selects now (see [`Browser::locate`]), bringing it out first if
    /// it is folded away; empty while there is none.
    async fn text_now(&self, css: &str) -> String {
        match self.locate(css).await {
            Some((e, shown)) => {
                if !shown {
                    self.reveal(css).await;
                }
                e.text().await.unwrap_or_default()
            }
            None => String::new(),
        }
    }

    /// Whether the element is on the page now.
    pub async fn has(&self, css: &str) -> bool {
        self.client.find(Locator::Css(css)).await.is_ok()
    }

    pub async fn body_text(&self) -> String {
        match self.client.find(Locator::Css("body")).await {
            Ok(b) => b.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// Waits until the text of `css` contains `needle`; returns the text.
    pub async fn wait_text(&self, css: &str, needle: &str) -> String {
        let started = Instant::now();
        loop {
            let text = self.text_now(css).await;
            if text.contains(needle) {
                return text;
            }
            if started.elapsed() > PATIENCE {
                panic!(
                    "`{css}` never said “{needle}”; it says “{text}”; the page:\n{}",
                    self.body_text().await
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn run(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .expect("the script runs")
    }

    pub async fn url(&self) -> String {
        self.client
            .current_url()
            .await
            .expect("a current URL")
            .to_string()
    }
}

/// A tab with no cache (see [`Browser::enter_fresh_context`]).
pub struct FreshContext {
    back: fantoccini::wd::WindowHandle,
}

/// A POST to one of ChromeDriver's own session commands (beyond WebDriver's).
#[derive(Debug)]
struct SessionPost {
    /// After `session/{id}/`.
    path: &'static str,
    body: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for SessionPost {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// The browser's console since the last read (ChromeDriver's `se/log`, not in W3C WebDriver).
/// The browser console since the last read (ChromeDriver's log, emptied by each read). A read
/// that fails fails the test: "nothing logged" must never be what a failed read looks like.
pub(crate) async fn read_console(browser: &Browser) -> Vec<Value> {
    let log = browser
        .client
        .issue_cmd(console_log())
        .await
        .unwrap_or_else(|e| panic!("the browser console could not be read: {e}"));
    match log {
        Value::Array(entries) => entries,
        other => panic!("the browser console read as {other}, not a list of entries"),
    }
}

fn console_log() -> SessionPost {
    SessionPost {
        path: "se/log",
        body: json!({"type": "browser"}),
    }
}

/// A Chrome DevTools Protocol command.
fn cdp(cmd: &str, params: Value) -> SessionPost {
    SessionPost {
        path: "goog/cdp/execute",
        body: json!({ "cmd": cmd, "params": params }),
    }
}

/// A test that panics never reaches `close`: its browser ends here.
impl Drop for Browser {
    fn drop(&mut self) {
        self.end_driver();
    }
}
