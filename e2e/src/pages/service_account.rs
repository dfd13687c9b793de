//! The service account task.

use refresh_token_helper::testids;

use crate::pages::AppPage;

/// "A service account instead of a refresh token".
pub struct ServiceAccountCard<'p, 'a> {
    app: &'p AppPage<'a>,
}

impl<'p, 'a> ServiceAccountCard<'p, 'a> {
    pub fn of(app: &'p AppPage<'a>) -> Self {
        Self { app }
    }

    /// Asks for an access token and waits until the result says `needle`.
    pub async fn get_token(&self, needle: &str) -> String {
        self.app
            .check(testids::SA_TOKEN, testids::SA_RESULT, needle)
            .await
    }

    pub async fn toggle_key_vault(&self) {
        self.app.click(testids::SA_KEY_VAULT).await;
    }

    pub async fn toggle_reveal(&self) {
        self.app.click(testids::SA_REVEAL).await;
    }

    pub async fn forget(&self) {
        self.app.click(testids::SA_FORGET).await;
    }

    pub async fn set_resource_group(&self, group: &str) {
        self.app.type_into(testids::SA_RESOURCE_GROUP, group).await;
    }

    pub async fn set_factory(&self, factory: &str) {
        self.app.type_into(testids::SA_FACTORY, factory).await;
    }

    pub async fn set_vault(&self, vault: &str) {
        self.app.type_into(testids::SA_VAULT, vault).await;
    }
}
