//! The "Explain an error" task.

use refresh_token_helper::testids;

use crate::pages::AppPage;

/// "Paste an error".
pub struct DiagnoseCard<'p, 'a> {
    app: &'p AppPage<'a>,
}

impl<'p, 'a> DiagnoseCard<'p, 'a> {
    pub fn of(app: &'p AppPage<'a>) -> Self {
        Self { app }
    }

    /// Picks "Explain an error", pastes an error and asks; returns the answer once it holds
    /// `needle`.
    pub async fn explain(&self, error: &str, needle: &str) -> String {
        self.app.open_task("explain-error").await;
        self.app.type_into(testids::DIAGNOSE_INPUT, error).await;
        self.app
            .check(testids::DIAGNOSE, testids::DIAGNOSE_RESULT, needle)
            .await
    }
}
