//! The driver: one headless Chromium through its own ChromeDriver, the waits every page
//! object uses, and the DevTools commands beyond WebDriver (downloads, emulation, blocked
//! URLs, the clipboard, the console). It knows nothing of the app's cards (`crate::pages`).

use refresh_token_helper::testids;
use std::net::SocketAddr;
use std::process::Stdio;
use std::sync::{Arc, Mutex, OnceLock};
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
    /// The extra Chromium switches it was started with: another browser started with them
    /// reaches the same local provider (the bench's first visits in a new browser).
    pub args: Vec<String>,
    /// A world's browser, which the next world of this test program may take over.
    kept: Option<Kept>,
}

/// What a kept browser is for.
enum Kept {
    /// The any-provider page, reaching the local provider by its loopback address.
    AnyProvider,
    /// The Google-only page: Google's host names lead to this front, which each world points
    /// at its own provider.
    Google(Front),
}

/// Browsers a passing test handed back, for the next test of the same program. Starting
/// Chromium costs about 1.5 s of processor and a suite starts one per test; a browser taken
/// from here gets a new tab and none of the last test's cookies, cache, downloads or console
/// (`Browser::make_fresh`). Every test starts its page and provider at new ports, so
/// no origin, and no storage of one, is ever seen twice. A test that fails never hands its
/// browser back: it ends with the test.
static KEPT: Mutex<Vec<Browser>> = Mutex::new(Vec::new());

/// The runtime the kept browsers' connections live on: each `#[tokio::test]` has a runtime
/// of its own, which ends with the test.
fn keeper() -> &'static tokio::runtime::Runtime {
    static KEEPER: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    KEEPER.get_or_init(|| {
        // Kept browsers end with this test program: no destructor runs for a static, so a
        // handler of the C library's exit does it.
        extern "C" fn end_kept() {
            let kept = match KEPT.try_lock() {
                Ok(kept) => kept,
                Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner(),
                Err(std::sync::TryLockError::WouldBlock) => return,
            };
            for browser in kept.iter() {
                if let Some(group) = browser.driver.id() {
                    // SAFETY: kill(2) with a process group of ours; no memory is touched.
                    unsafe { libc::kill(-(group as libc::pid_t), libc::SIGKILL) };
                }
            }
        }
        // SAFETY: registers a function that takes and returns nothing, once.
        unsafe { libc::atexit(end_kept) };
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("kept-browsers")
            .enable_all()
            .build()
            .expect("a runtime for the kept browsers")
    })
}

/// A loopback port that forwards each connection to the port it is pointed at: the port a
/// Google-only browser's host rules name for its whole life, while each world serves
/// Google's names at a port of its own.
struct Front {
    port: u16,
    state: Arc<Mutex<FrontState>>,
    accepting: tokio::task::AbortHandle,
}

#[derive(Default)]
struct FrontState {
    to: Option<u16>,
    open: Vec<tokio::task::AbortHandle>,
}

impl Front {
    /// Opens a front on the keeper runtime, pointed nowhere (connections are closed).
    async fn open() -> Self {
        let listener = crate::loopback_listener().await;
        let port = listener.local_addr().expect("bound").port();
        let state = Arc::new(Mutex::new(FrontState::default()));
        let shared = state.clone();
        let accepting = tokio::spawn(async move {
            loop {
                let Ok((mut inbound, _)) = listener.accept().await else {
                    continue;
                };
                let mut state = shared.lock().unwrap_or_else(|p| p.into_inner());
                let Some(to) = state.to else {
                    continue;
                };
                let relay = tokio::spawn(async move {
                    if let Ok(mut outbound) =
                        tokio::net::TcpStream::connect(SocketAddr::from(([127, 0, 0, 1], to))).await
                    {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
                state.open.retain(|r| !r.is_finished());
                state.open.push(relay.abort_handle());
            }
        });
        Self {
            port,
            state,
            accepting: accepting.abort_handle(),
        }
    }

    /// Points the front at `port` (`None`: nowhere), closing every connection to the port
    /// before.
    fn lead_to(&self, port: Option<u16>) {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        for relay in state.open.drain(..) {
            relay.abort();
        }
        state.to = port;
    }
}

impl Drop for Front {
    fn drop(&mut self) {
        self.accepting.abort();
        self.lead_to(None);
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a loopback port is free")
}

impl Browser {
    /// A browser of its own, ended by [`Browser::close`].
    pub async fn start() -> Self {
        Self::start_with(&[]).await
    }

    /// With extra Chromium switches (a browser that reaches Google's host names on loopback:
    /// [`crate::tls::google_switches`]).
    pub async fn start_with(extra: &[String]) -> Self {
        let extra = extra.to_vec();
        keeper()
            .spawn(async move { Self::launch(&extra).await })
            .await
            .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
    }

    /// A browser for an any-provider world: one a passing test handed back, else a new one.
    pub async fn for_any_provider() -> Self {
        if let Some(kept) = Self::take(|k| matches!(k, Kept::AnyProvider)) {
            return kept;
        }
        let mut browser = Self::start_with(&[]).await;
        browser.kept = Some(Kept::AnyProvider);
        browser
    }

    /// A browser for a Google-only world whose provider serves Google's host names at
    /// `port`: one a passing test handed back, else a new one, its front pointed at `port`.
    pub async fn for_google(port: u16) -> Self {
        let browser = match Self::take(|k| matches!(k, Kept::Google(_))) {
            Some(kept) => kept,
            None => {
                let front = keeper().spawn(Front::open()).await.expect("a front");
                let mut browser = Self::start_with(&crate::tls::google_switches(front.port)).await;
                browser.kept = Some(Kept::Google(front));
                browser
            }
        };
        if let Some(Kept::Google(front)) = &browser.kept {
            front.lead_to(Some(port));
        }
        browser
    }

    fn take(kind: impl Fn(&Kept) -> bool) -> Option<Self> {
        let mut kept = KEPT.lock().unwrap_or_else(|p| p.into_inner());
        let at = kept
            .iter()
            .position(|b| b.kept.as_ref().is_some_and(&kind))?;
        Some(kept.swap_remove(at))
    }

    async fn launch(extra: &[String]) -> Self {
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
        send_downloads_to(&client, &downloads)
            .await
            .expect("ChromeDriver passes DevTools commands on");
        Self {
            client,
            driver,
            downloads,
            args: extra.to_vec(),
            kept: None,
        }
    }

    /// Ends a browser of its own; hands a world's back for the next test (unless making it
    /// fresh fails: then it ends).
    pub async fn close(mut self) {
        if self.kept.is_some() && self.make_fresh().await.is_ok() {
            KEPT.lock().unwrap_or_else(|p| p.into_inner()).push(self);
            return;
        }
        let _ = self.client.clone().close().await;
        self.end_driver();
        let _ = self.driver.wait().await;
        let _ = std::fs::remove_dir_all(&self.downloads);
    }

    /// Leaves nothing of the test that used it: a new tab (the old ones closed, and with them
    /// their emulation, blocked URLs, session storage and the permissions granted through
    /// them), no cookies, no cache, an empty downloads folder and an empty console. (The
    /// pages' own origins are never seen again: `loopback_listener`.)
    async fn make_fresh(&mut self) -> Result<(), fantoccini::error::CmdError> {
        let old = self.client.windows().await?;
        let tab = self.client.new_window(true).await?;
        for window in old {
            self.client.switch_to_window(window).await?;
            self.client.close_window().await?;
        }
        self.client.switch_to_window(tab.handle).await?;
        // Cookies ignore ports: every test's loopback pages share them.
        self.client
            .issue_cmd(cdp("Network.clearBrowserCookies", json!({})))
            .await?;
        self.client
            .issue_cmd(cdp("Network.clearBrowserCache", json!({})))
            .await?;
        let downloads = crate::fresh_dir("downloads");
        send_downloads_to(&self.client, &downloads).await?;
        let _ = std::fs::remove_dir_all(&self.downloads);
        self.downloads = downloads;
        self.client.issue_cmd(console_log()).await?;
        Ok(())
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

/// Makes the browser save what pages download in `dir`, without a prompt. Set through
/// DevTools, Chromium also does not hold the pack's .sh and .ps1 files for a "this type of
/// file can harm" warning.
async fn send_downloads_to(
    client: &Client,
    dir: &std::path::Path,
) -> Result<Value, fantoccini::error::CmdError> {
    client
        .issue_cmd(cdp(
            "Browser.setDownloadBehavior",
            json!({"behavior": "allow", "downloadPath": dir.display().to_string()}),
        ))
        .await
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A page at a new origin of its own, with a file to fetch; and its folder.
    async fn page() -> (String, std::path::PathBuf) {
        let dir = crate::fresh_dir("kept-page");
        std::fs::write(dir.join("index.html"), "<!doctype html><title>kept</title>").unwrap();
        std::fs::write(dir.join("file.txt"), "a file").unwrap();
        (crate::site::spawn(dir.clone(), "/").await, dir)
    }

    async fn in_page(browser: &Browser, script: &str) -> Value {
        browser
            .client
            .execute_async(script, vec![])
            .await
            .expect("the script runs")
    }

    #[tokio::test]
    async fn a_kept_browser_is_handed_on_with_nothing_of_the_test_before() {
        let ((first, _), (next, next_dir)) = (page().await, page().await);
        let next_origin = next.trim_end_matches('/').to_owned();
        let done = "const done = arguments[arguments.length - 1];";
        let fetch_cached = format!(
            "{done} fetch('file.txt', {{cache: 'force-cache'}}).then(r => r.text()).then(done, e => done(String(e)))"
        );

        let browser = Browser::for_any_provider().await;
        let driver = browser.driver.id();
        let downloads = browser.downloads.clone();
        // A file in the cache, then changed on the server.
        browser.client.goto(&next).await.unwrap();
        assert_eq!(in_page(&browser, &fetch_cached).await, json!("a file"));
        std::fs::write(next_dir.join("file.txt"), "the file now").unwrap();
        browser.client.goto(&first).await.unwrap();
        browser
            .run("document.cookie = 'left=behind; max-age=3600'; console.error('left behind'); return 1")
            .await;
        browser.emulate(390, 800, true).await;
        browser.block_urls(&["*file.txt"]).await;
        browser.allow_clipboard(&next_origin).await;
        browser.close().await;

        let browser = Browser::for_any_provider().await;
        // The same browser (else this test would prove nothing).
        assert_eq!(
            browser.driver.id(),
            driver,
            "a new browser, not the kept one"
        );
        assert_eq!(
            browser.client.windows().await.unwrap().len(),
            1,
            "the last test's tabs"
        );
        assert!(
            read_console(&browser).await.is_empty(),
            "the console was not emptied"
        );
        assert_ne!(browser.downloads, downloads);
        assert!(!downloads.exists(), "the last downloads folder is left");
        browser.client.goto(&next).await.unwrap();
        assert_eq!(browser.run("return document.cookie").await, json!(""));
        assert_eq!(
            browser
                .run("return [innerWidth, matchMedia('(prefers-color-scheme: dark)').matches]")
                .await,
            json!([1200, false]),
            "the last test's screen"
        );
        assert_eq!(
            in_page(&browser, &fetch_cached).await,
            json!("the file now"),
            "a request the last test blocked, or its cache"
        );
        assert_ne!(
            in_page(&browser, &format!("{done} navigator.permissions.query({{name: 'clipboard-read'}}).then(p => done(p.state))")).await,
            json!("granted"),
            "a permission the last test granted"
        );
        browser.close().await;
    }

    /// Run by `kept_browsers_end_with_their_test_program` in a program of its own.
    #[tokio::test]
    #[ignore = "it leaves a kept browser for its program's exit to end"]
    async fn a_program_that_keeps_a_browser() {
        let browser = Browser::for_any_provider().await;
        println!("driver {}", browser.driver.id().expect("running"));
        browser.close().await;
    }

    #[test]
    fn kept_browsers_end_with_their_test_program() {
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "driver::tests::a_program_that_keeps_a_browser"])
            .args(["--ignored", "--nocapture"])
            .output()
            .expect("this test program runs");
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{said}");
        let group: u32 = said
            .lines()
            .find_map(|l| l.strip_prefix("driver "))
            .and_then(|p| p.trim().parse().ok())
            .unwrap_or_else(|| panic!("no driver named: {said}"));
        // Ended: no process of its group but those waiting to be reaped.
        let started = Instant::now();
        loop {
            let alive: Vec<String> = std::fs::read_dir("/proc")
                .unwrap()
                .flatten()
                .filter_map(|e| std::fs::read_to_string(e.path().join("stat")).ok())
                .filter(|stat| {
                    let fields: Vec<&str> = stat
                        .rsplit_once(") ")
                        .map(|(_, rest)| rest.split(' ').collect())
                        .unwrap_or_default();
                    fields.get(2) == Some(&group.to_string().as_str()) && fields[0] != "Z"
                })
                .collect();
            if alive.is_empty() {
                break;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "the kept browser outlived its program: {alive:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}
