//! The Check view: refresh now, tokeninfo, BigQuery and revoke.

use refresh_token_helper::testids;

use crate::pages::AppPage;

/// "Prove it works".
pub struct ProveCard<'p, 'a> {
    app: &'p AppPage<'a>,
}

impl<'p, 'a> ProveCard<'p, 'a> {
    pub fn of(app: &'p AppPage<'a>) -> Self {
        Self { app }
    }

    pub async fn tokeninfo(&self, needle: &str) -> String {
        self.app
            .check(testids::TOKENINFO, testids::TOKENINFO_RESULT, needle)
            .await
    }

    pub async fn test_bigquery(&self, needle: &str) -> String {
        self.app
            .check(testids::TEST_BIGQUERY, testids::BIGQUERY_RESULT, needle)
            .await
    }

    pub async fn refresh_now(&self, needle: &str) -> String {
        self.app
            .check(testids::REFRESH_NOW_PROVE, testids::PROVE_REFRESH, needle)
            .await
    }

    /// Presses Revoke, which asks first, and confirms.
    pub async fn revoke(&self, needle: &str) -> String {
        self.app.click(testids::REVOKE).await;
        self.app
            .check(testids::REVOKE_CONFIRM, testids::REVOKE_RESULT, needle)
            .await
    }

    /// Presses Revoke and keeps the token after all.
    pub async fn revoke_then_keep(&self) {
        self.app.click(testids::REVOKE).await;
        self.app.click(testids::REVOKE_CANCEL).await;
    }
}
