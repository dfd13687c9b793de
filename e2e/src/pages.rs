//! One page object per card: each declares its locators once and offers what a user does
//! there, in the user's words. Whatever step, tab or disclosure a card sits in, the browser
//! brings it out first, as a user would (`Browser::reveal`).

use refresh_token_helper::testids;
use serde_json::Value;

use crate::browser::AppPage;

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

/// "curl and PowerShell".
pub struct CommandsCard<'p, 'a> {
    app: &'p AppPage<'a>,
}

impl<'p, 'a> CommandsCard<'p, 'a> {
    pub fn of(app: &'p AppPage<'a>) -> Self {
        Self { app }
    }

    /// Waits until the `index`th command holds `needle`; returns it.
    pub async fn command(&self, index: usize, needle: &str) -> String {
        self.app
            .browser
            .wait_text(&format!("[data-testid=command-{index}]"), needle)
            .await
    }

    pub async fn use_powershell(&self) {
        self.app.click(testids::FORMAT_POWERSHELL).await;
    }

    pub async fn toggle_reveal(&self) {
        self.app.click(testids::COMMANDS_REVEAL).await;
    }
}

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

/// "Check what Azure Data Factory will run".
pub struct AdfChecksCard<'p, 'a> {
    app: &'p AppPage<'a>,
}

impl<'p, 'a> AdfChecksCard<'p, 'a> {
    pub fn of(app: &'p AppPage<'a>) -> Self {
        Self { app }
    }

    pub async fn set_project(&self, project: &str) {
        self.app.type_into(testids::ADF_PROJECT, project).await;
    }

    /// Runs ADF's query job as a dry run and waits until its result says `needle`.
    pub async fn dry_run(&self, needle: &str) -> String {
        self.app
            .check(testids::DRY_RUN, testids::DRY_RUN_RESULT, needle)
            .await
    }

    pub async fn set_developer_token(&self, token: &str) {
        self.app
            .type_into(testids::ADS_DEVELOPER_TOKEN, token)
            .await;
    }

    pub async fn list_accounts(&self, needle: &str) -> String {
        self.app
            .check(testids::ADS_ACCOUNTS, testids::ADS_RESULT, needle)
            .await
    }

    /// Picks the account with this customer ID (digits) in the list.
    pub async fn pick_account(&self, id: &str) {
        self.app.click(&format!("ads-account-{id}")).await;
    }

    pub async fn run_adf_query(&self, needle: &str) -> String {
        self.app
            .check(testids::ADS_ADF_QUERY, testids::ADS_QUERY_RESULT, needle)
            .await
    }
}

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
}

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
        self.app.at_consent().await;
        self.app.click(testids::COPY_CONSENT_URL).await;
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
        self.app.at_consent().await;
        self.app.click(testids::EXCHANGE_PASTED).await;
    }
}

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
}

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
}

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
