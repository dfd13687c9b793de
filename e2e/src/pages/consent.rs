//! Step 3, "Consent": the consent URL, going there, coming back, and the paste by hand.

use refresh_token_helper::testids;
use std::time::{Duration, Instant};

use crate::driver::PATIENCE;
use crate::pages::AppPage;

/// "3. Consent".
pub struct ConsentStep<'p, 'a> {
    app: &'p AppPage<'a>,
}

impl<'p, 'a> ConsentStep<'p, 'a> {
    pub fn of(app: &'p AppPage<'a>) -> Self {
        Self { app }
    }

    /// Copies the consent URL (which saves this tab's sign-in for a manual return).
    pub async fn copy_url(&self) {
        ConsentStep::of(self.app).at_consent().await;
        self.app.click(testids::COPY_CONSENT_URL).await;
    }

    /// Opens the consent step unless its cards are there already (they are built when the
    /// step is first opened, and stay).
    pub async fn at_consent(&self) {
        if !self
            .app
            .browser
            .has(&testids::sel(testids::CONSENT_CARD))
            .await
        {
            self.app.open_step("consent").await;
            self.app
                .browser
                .find(&testids::sel(testids::CONSENT_CARD))
                .await;
        }
    }

    pub async fn consent_url(&self) -> String {
        self.at_consent().await;
        self.app
            .browser
            .find(&testids::sel(testids::CONSENT_URL))
            .await
            .text()
            .await
            .expect("text")
    }

    /// Presses "Go to consent" and waits for the provider's consent page.
    pub async fn go_to_consent(&self) {
        self.at_consent().await;
        self.app.click(testids::GO_TO_CONSENT).await;
    }

    /// Presses "Go to consent" when the redirect goes elsewhere: the consent screen opens in
    /// a new tab, which becomes the current one. Returns this tab's handle.
    pub async fn go_to_consent_in_new_tab(&self) -> fantoccini::wd::WindowHandle {
        let client = &self.app.browser.client;
        let this = client.window().await.expect("a window");
        let before = client.windows().await.expect("windows").len();
        self.at_consent().await;
        self.app.click(testids::GO_TO_CONSENT).await;
        let started = Instant::now();
        loop {
            let windows = client.windows().await.expect("windows");
            if windows.len() > before {
                let new = windows.into_iter().find(|w| *w != this).expect("a new tab");
                client.switch_to_window(new).await.expect("switchable");
                return this;
            }
            assert!(started.elapsed() < PATIENCE, "no new tab opened");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Closes the current tab and goes back to `tab`.
    pub async fn back_to_tab(&self, tab: fantoccini::wd::WindowHandle) {
        let client = &self.app.browser.client;
        client.close_window().await.expect("closable");
        client.switch_to_window(tab).await.expect("switchable");
    }
}

/// "Back from the provider".
pub struct ReturnCard<'p, 'a> {
    app: &'p AppPage<'a>,
}

impl<'p, 'a> ReturnCard<'p, 'a> {
    pub fn of(app: &'p AppPage<'a>) -> Self {
        Self { app }
    }

    /// Gives the client secret that was not kept across the redirect, and exchanges.
    pub async fn finish_with_secret(&self, secret: &str) {
        self.app.type_into(testids::RETURN_SECRET, secret).await;
        self.app.click(testids::FINISH_EXCHANGE).await;
    }
}

/// "Or paste the redirect by hand".
pub struct ManualCard<'p, 'a> {
    app: &'p AppPage<'a>,
}

impl<'p, 'a> ManualCard<'p, 'a> {
    pub fn of(app: &'p AppPage<'a>) -> Self {
        Self { app }
    }

    /// Presses "Exchange" on what the box holds.
    pub async fn exchange(&self) {
        ConsentStep::of(self.app).at_consent().await;
        self.app.click(testids::EXCHANGE_PASTED).await;
    }

    pub async fn paste_callback(&self, text: &str) {
        ConsentStep::of(self.app).at_consent().await;
        self.app.type_into(testids::CALLBACK_INPUT, text).await;
        self.app.click(testids::EXCHANGE_PASTED).await;
    }
}
