//! "Azure Data Factory linked service" and its deployment pack.

use refresh_token_helper::testids;
use serde_json::Value;

use crate::pages::AppPage;

/// "Azure Data Factory linked service".
pub struct ExportCard<'p, 'a> {
    app: &'p AppPage<'a>,
}

impl<'p, 'a> ExportCard<'p, 'a> {
    const MISSING: &'static str = testids::LS_MISSING;
    const JSON: &'static str = testids::LS_JSON;

    pub fn of(app: &'p AppPage<'a>) -> Self {
        Self { app }
    }

    /// Waits until the list of what ADF still needs names `needle`.
    pub async fn still_needs(&self, needle: &str) -> String {
        self.app
            .browser
            .wait_text(&testids::sel(Self::MISSING), needle)
            .await
    }

    /// Whether the linked service's JSON is shown.
    pub async fn has_json(&self) -> bool {
        self.app.browser.has(&testids::sel(Self::JSON)).await
    }

    /// Waits until the JSON shown holds `needle`; returns it as text and parsed.
    pub async fn json(&self, needle: &str) -> (String, Value) {
        let text = self
            .app
            .browser
            .wait_text(&testids::sel(Self::JSON), needle)
            .await;
        let value = serde_json::from_str(&text).expect("the export is JSON");
        (text, value)
    }

    pub async fn set_project(&self, project: &str) {
        self.app.type_into(testids::LS_PROJECT, project).await;
    }

    pub async fn set_customer(&self, customer: &str) {
        self.app.type_into(testids::LS_CUSTOMER, customer).await;
    }

    pub async fn set_developer_token(&self, token: &str) {
        self.app.type_into(testids::LS_DEVELOPER_TOKEN, token).await;
    }

    /// Picks the connector by its ADF type name.
    pub async fn choose_connector(&self, type_name: &str) {
        self.app.choose(testids::CONNECTOR, type_name).await;
    }

    /// The connectors offered, by type name.
    pub async fn connectors(&self) -> Value {
        self.app
            .browser
            .run("return [...document.querySelectorAll('[data-testid=connector] option')].map(o => o.value).join(' ')")
            .await
    }

    pub async fn toggle_reveal(&self) {
        self.app.click(testids::LS_REVEAL).await;
    }

    pub async fn toggle_key_vault(&self) {
        self.app.click(testids::LS_KEY_VAULT).await;
    }
}

impl<'p, 'a> ExportCard<'p, 'a> {
    pub async fn set_login_customer(&self, customer: &str) {
        self.app
            .type_into(testids::LS_LOGIN_CUSTOMER, customer)
            .await;
    }

    pub async fn download(&self) {
        self.app.click(testids::LS_DOWNLOAD).await;
    }

    pub async fn set_resource_group(&self, group: &str) {
        self.app
            .type_into(testids::PACK_RESOURCE_GROUP, group)
            .await;
    }

    pub async fn set_factory(&self, factory: &str) {
        self.app.type_into(testids::PACK_FACTORY, factory).await;
    }

    pub async fn set_vault(&self, vault: &str) {
        self.app.type_into(testids::PACK_VAULT, vault).await;
    }
}

/// The deployment pack's file picker (the export card's and the service account's).
pub struct PackFiles<'p, 'a> {
    app: &'p AppPage<'a>,
}

impl<'p, 'a> PackFiles<'p, 'a> {
    pub fn of(app: &'p AppPage<'a>) -> Self {
        Self { app }
    }

    /// Shows the `index`th file of the pack.
    pub async fn choose(&self, index: usize) {
        self.app
            .choose(testids::PACK_FILE, &index.to_string())
            .await;
    }
}
