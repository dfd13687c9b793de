//! Step 2, "Your client": the client, its scopes, its file and the Advanced options.

use refresh_token_helper::testids;

use crate::pages::AppPage;

/// "2. Your OAuth client": what the client step does besides filling in the client.
pub struct ClientStep<'p, 'a> {
    app: &'p AppPage<'a>,
}

impl<'p, 'a> ClientStep<'p, 'a> {
    pub fn of(app: &'p AppPage<'a>) -> Self {
        Self { app }
    }

    /// Ticks or unticks "Remember these settings on this computer".
    pub async fn toggle_remember(&self) {
        self.app.click(testids::REMEMBER).await;
    }

    /// Opens "Import the client_secret.json file", pastes a client file and presses "Import".
    pub async fn import_client_file(&self, text: &str) {
        self.app
            .browser
            .open_disclosure(&testids::sel(testids::CLIENT_FILE_IMPORT))
            .await;
        self.app.type_into(testids::CLIENT_FILE_TEXT, text).await;
        self.app.click(testids::CLIENT_FILE_IMPORT_BUTTON).await;
    }

    /// Types a custom provider's token endpoint (Advanced).
    pub async fn set_token_endpoint(&self, url: &str) {
        self.app.type_into(testids::TOKEN_ENDPOINT, url).await;
    }

    /// Types a custom provider's authorization endpoint (Advanced).
    pub async fn set_authorization_endpoint(&self, url: &str) {
        self.app
            .type_into(testids::AUTHORIZATION_ENDPOINT, url)
            .await;
    }

    pub async fn open_advanced(&self) {
        self.app
            .browser
            .open_disclosure(&testids::sel(testids::ADVANCED))
            .await;
    }

    /// Points the page at the local provider (Advanced → Another OAuth 2.0 provider).
    pub async fn use_provider(&self, base: &str) {
        self.open_advanced().await;
        let select = self
            .app
            .browser
            .find(&testids::sel(testids::PROVIDER))
            .await;
        select.select_by_value("custom").await.expect("selectable");
        self.app
            .type_into(
                testids::AUTHORIZATION_ENDPOINT,
                &format!("{base}/o/oauth2/v2/auth"),
            )
            .await;
        self.app
            .type_into(testids::TOKEN_ENDPOINT, &format!("{base}/token"))
            .await;
        self.app
            .type_into(testids::REVOCATION_ENDPOINT, &format!("{base}/revoke"))
            .await;
        self.app
            .type_into(testids::TOKENINFO_ENDPOINT, &format!("{base}/tokeninfo"))
            .await;
        self.app
            .type_into(
                testids::BIGQUERY_ENDPOINT,
                &format!("{base}/bigquery/v2/projects"),
            )
            .await;
        // The local provider names itself as Google does in its redirects (RFC 9207).
        self.app
            .type_into(testids::ISSUER, "https://accounts.google.com")
            .await;
    }

    pub async fn fill_client(&self, id: &str, secret: &str) {
        self.app.type_into(testids::CLIENT_ID, id).await;
        self.app.type_into(testids::CLIENT_SECRET, secret).await;
    }

    pub async fn set_scopes(&self, scopes: &str) {
        self.app.type_into(testids::SCOPES, scopes).await;
    }

    pub async fn set_prompt(&self, id: &str) {
        self.open_advanced().await;
        let select = self.app.browser.find(&testids::sel(testids::PROMPT)).await;
        select.select_by_value(id).await.expect("selectable");
    }

    pub async fn set_redirect_override(&self, uri: &str) {
        self.open_advanced().await;
        self.app.type_into(testids::REDIRECT_OVERRIDE, uri).await;
    }

    pub async fn untick(&self, testid: &str) {
        self.open_advanced().await;
        let e = self.app.browser.find(&testids::sel(testid)).await;
        if e.prop("checked").await.ok().flatten().as_deref() == Some("true") {
            e.click().await.expect("clickable");
        }
    }
}
