//! Step 4, "Your tokens".

use refresh_token_helper::testids;

use crate::pages::AppPage;

/// "4. Your tokens".
pub struct TokensCard<'p, 'a> {
    app: &'p AppPage<'a>,
}

impl<'p, 'a> TokensCard<'p, 'a> {
    pub fn of(app: &'p AppPage<'a>) -> Self {
        Self { app }
    }

    /// Saves the calendar reminder of the token's end; returns the file as downloaded.
    pub async fn save_reminder(&self) -> String {
        self.app.click(testids::TOKEN_ICS).await;
        self.app
            .browser
            .downloaded("refresh-token-expiry.ics")
            .await
    }

    /// Reveals the raw token response; returns it once it holds `needle`.
    pub async fn reveal_raw(&self, needle: &str) -> String {
        self.app.click(testids::RAW_REVEAL).await;
        self.app
            .browser
            .wait_text(&testids::sel(testids::RAW_TOKEN_JSON), needle)
            .await
    }

    /// Opens "More: what else can end this token"; returns what it says once it holds
    /// `needle`.
    pub async fn more_on_its_life(&self, needle: &str) -> String {
        let life = testids::sel(testids::TOKEN_LIFE);
        self.app.browser.open_disclosure(&life).await;
        self.app.browser.wait_text(&life, needle).await
    }

    /// "Try again with consent forced", offered when no refresh token came.
    pub async fn retry_with_consent(&self) {
        self.app.click(testids::RETRY_WITH_CONSENT).await;
    }

    /// Waits for the refresh token, checks that it is masked, reveals it and reads it.
    pub async fn see_refresh_token(&self) -> String {
        let shown = self
            .app
            .browser
            .find(&testids::sel(testids::REFRESH_TOKEN))
            .await
            .text()
            .await
            .expect("text");
        assert!(
            shown.contains('…') || shown.contains('•'),
            "the refresh token is masked until revealed, not {shown:?}"
        );
        self.app
            .click(&testids::reveal_of(testids::REFRESH_TOKEN))
            .await;
        self.app
            .browser
            .find(&testids::sel(testids::REFRESH_TOKEN))
            .await
            .text()
            .await
            .expect("text")
    }
}
