//! The "Check a refresh token" task.

use refresh_token_helper::testids;

use crate::pages::AppPage;

/// "I already have a refresh token".
pub struct RefreshCard<'p, 'a> {
    app: &'p AppPage<'a>,
}

impl<'p, 'a> RefreshCard<'p, 'a> {
    pub fn of(app: &'p AppPage<'a>) -> Self {
        Self { app }
    }

    /// Presses "Get a new access token" again, with what the card holds.
    pub async fn refresh_again(&self) {
        self.app.open_task("check-token").await;
        self.app.click(testids::REFRESH_NOW).await;
    }

    pub async fn refresh_with(&self, id: &str, secret: &str, refresh_token: &str) {
        self.app.open_task("check-token").await;
        self.app.type_into(testids::REFRESH_CLIENT_ID, id).await;
        self.app
            .type_into(testids::REFRESH_CLIENT_SECRET, secret)
            .await;
        self.app
            .type_into(testids::REFRESH_TOKEN_INPUT, refresh_token)
            .await;
        self.app.click(testids::REFRESH_NOW).await;
    }
}
