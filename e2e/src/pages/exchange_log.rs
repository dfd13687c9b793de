//! "The exchange, raw".

use refresh_token_helper::testids;

use crate::pages::AppPage;

/// The raw exchange log.
pub struct ExchangeLog<'p, 'a> {
    app: &'p AppPage<'a>,
}

impl<'p, 'a> ExchangeLog<'p, 'a> {
    pub fn of(app: &'p AppPage<'a>) -> Self {
        Self { app }
    }

    /// Whether the log's text is built (it is only once shown).
    pub async fn is_built(&self) -> bool {
        self.app.browser.has(&testids::sel(testids::LOG_TEXT)).await
    }

    /// Shows the log and waits until it holds `needle`.
    pub async fn show(&self, needle: &str) -> String {
        self.app.click(testids::LOG_SHOW).await;
        self.text(needle).await
    }

    pub async fn text(&self, needle: &str) -> String {
        self.app
            .browser
            .wait_text(&testids::sel(testids::LOG_TEXT), needle)
            .await
    }

    pub async fn toggle_reveal(&self) {
        self.app.click(testids::LOG_REVEAL).await;
    }
}
