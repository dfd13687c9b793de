//! The `data-testid` of every element the end-to-end tests touch, shared by the page and the
//! tests, so that renaming one on either side is a compile error, not a test that silently
//! looks for nothing. Ids made from others (`{id}-reveal`, `command-{i}`) are built by the
//! component that owns them.

pub const ACCESS_EXPIRY: &str = "access-expiry";
pub const ADVANCED: &str = "advanced";
pub const APP: &str = "app";
pub const AUTHORIZATION_ENDPOINT: &str = "authorization-endpoint";
pub const AWAITING_PASTE: &str = "awaiting-paste";
pub const CHECKS_GO_TO: &str = "checks-go-to";
pub const CLIENT_CARD: &str = "client-card";
pub const CLIENT_FILE_ERROR: &str = "client-file-error";
pub const CLIENT_FILE_IMPORT: &str = "client-file-import";
pub const CLIENT_FILE_IMPORT_BUTTON: &str = "client-file-import-button";
pub const CLIENT_FILE_IMPORTED: &str = "client-file-imported";
pub const CLIENT_FILE_NOTE: &str = "client-file-note";
pub const CLIENT_FILE_TEXT: &str = "client-file-text";
pub const CLIENT_ID: &str = "client-id";
pub const CLIENT_SECRET: &str = "client-secret";
pub const COMMANDS_REVEAL: &str = "commands-reveal";
pub const CONNECTOR: &str = "connector";
pub const CONSENT_BLOCKED: &str = "consent-blocked";
pub const CONSENT_CARD: &str = "consent-card";
pub const CONSENT_ERROR: &str = "consent-error";
pub const CONSENT_URL: &str = "consent-url";
pub const COPY_CONSENT_URL: &str = "copy-consent-url";
pub const DIAGNOSE: &str = "diagnose";
pub const DIAGNOSE_INPUT: &str = "diagnose-input";
pub const DIAGNOSE_RESULT: &str = "diagnose-result";
pub const EXCHANGE_ERROR: &str = "exchange-error";
pub const EXCHANGE_PASTED: &str = "exchange-pasted";
pub const EXCHANGE_PROGRESS: &str = "exchange-progress";
pub const EXPORT_CARD: &str = "export-card";
pub const FINISH_EXCHANGE: &str = "finish-exchange";
pub const FORMAT_POWERSHELL: &str = "format-powershell";
pub const FRAMED: &str = "framed";
pub const ID_TOKEN_CLAIMS: &str = "id-token-claims";
pub const LOG_REVEAL: &str = "log-reveal";
pub const LOG_SHOW: &str = "log-show";
pub const LOG_TEXT: &str = "log-text";
pub const LS_CUSTOMER: &str = "ls-customer";
pub const LS_DEVELOPER_TOKEN: &str = "ls-developer-token";
pub const LS_JSON: &str = "ls-json";
pub const LS_KEY_VAULT: &str = "ls-key-vault";
pub const LS_MISSING: &str = "ls-missing";
pub const LS_PROJECT: &str = "ls-project";
pub const SA_API_VERSION: &str = "sa-api-version";
pub const SA_CARD: &str = "sa-card";
pub const SA_CONNECTOR: &str = "sa-connector";
pub const SA_CUSTOMER: &str = "sa-customer";
pub const SA_DEVELOPER_TOKEN: &str = "sa-developer-token";
pub const SA_FACTORY: &str = "sa-factory";
pub const SA_FILE: &str = "sa-file";
pub const SA_FORGET: &str = "sa-forget";
pub const SA_JSON: &str = "sa-json";
pub const SA_KEY: &str = "sa-key";
pub const SA_KEY_VAULT: &str = "sa-key-vault";
pub const SA_PROJECT: &str = "sa-project";
pub const SA_RESOURCE_GROUP: &str = "sa-resource-group";
pub const SA_RESULT: &str = "sa-result";
pub const SA_REVEAL: &str = "sa-reveal";
pub const SA_RUNTIME: &str = "sa-runtime";
pub const SA_SCOPES: &str = "sa-scopes";
pub const SA_TEXT: &str = "sa-text";
pub const SA_TOKEN: &str = "sa-token";
pub const SA_VAULT: &str = "sa-vault";
pub const ADF_CHECKS_CARD: &str = "adf-checks-card";
pub const ADF_PROJECT: &str = "adf-project";
pub const ADS_ACCOUNTS: &str = "ads-accounts";
pub const ADS_ADF_QUERY: &str = "ads-adf-query";
pub const ADS_QUERY_RESULT: &str = "ads-query-result";
pub const ADS_DEVELOPER_TOKEN: &str = "ads-developer-token";
pub const ADS_RESULT: &str = "ads-result";
pub const DRY_RUN: &str = "dry-run";
pub const DRY_RUN_RESULT: &str = "dry-run-result";
pub const PACK_FACTORY: &str = "pack-factory";
pub const PACK_FILE: &str = "pack-file";
pub const PACK_MISSING: &str = "pack-missing";
pub const PACK_RESOURCE_GROUP: &str = "pack-resource-group";
pub const PACK_TEXT: &str = "pack-text";
pub const PACK_VAULT: &str = "pack-vault";
pub const LS_REVEAL: &str = "ls-reveal";
pub const MANUAL_ERROR: &str = "manual-error";
pub const PROMPT: &str = "prompt";
pub const PROVE_CARD: &str = "prove-card";
pub const PROVE_REFRESH: &str = "prove-refresh";
pub const PROVIDER: &str = "provider";
pub const RAW_ANSWER: &str = "raw-answer";
pub const REDIRECT_URI: &str = "redirect-uri";
pub const REFRESH_ERROR: &str = "refresh-error";
pub const REFRESH_NOW: &str = "refresh-now";
pub const REFRESH_NOW_PROVE: &str = "refresh-now-prove";
pub const REFRESH_RESULT: &str = "refresh-result";
pub const REFRESH_TOKEN: &str = "refresh-token";
pub const REFRESH_TOKEN_EXPIRY: &str = "refresh-token-expiry";
pub const REFRESHED_EXPIRY: &str = "refreshed-expiry";
pub const REMEMBER: &str = "remember";
pub const RESTORED_ENDPOINTS: &str = "restored-endpoints";
pub const RETRY_WITH_CONSENT: &str = "retry-with-consent";
pub const PROVIDER_SAID: &str = "provider-said";
pub const RESTORED_SETTINGS: &str = "restored-settings";
pub const LINKED_SETTINGS: &str = "linked-settings";
pub const RETURN_PROBLEM: &str = "return-problem";
pub const RETURN_SECRET: &str = "return-secret";
pub const REVOKE: &str = "revoke";
pub const SCOPE_LIST: &str = "scope-list";
pub const SCOPES: &str = "scopes";
pub const SENDS_TO: &str = "sends-to";
pub const SETUP_GUIDE: &str = "setup-guide";
pub const TEST_BIGQUERY: &str = "test-bigquery";
pub const NO_BIGQUERY_SCOPE: &str = "no-bigquery-scope";
pub const ADF_CHECKS_NO_BIGQUERY: &str = "adf-checks-no-bigquery";
pub const TOKEN_ELSEWHERE: &str = "token-elsewhere";
pub const TOKEN_ENDPOINT: &str = "token-endpoint";
pub const TOKEN_ICS: &str = "token-ics";
pub const TOKEN_LIFE: &str = "token-life";
pub const TOKENINFO: &str = "tokeninfo";
pub const TOKENS_CARD: &str = "tokens-card";
pub const BIGQUERY_RESULT: &str = "bigquery-result";
pub const REVOKE_RESULT: &str = "revoke-result";
pub const TOKENINFO_RESULT: &str = "tokeninfo-result";
pub const KEEP_SECRET: &str = "keep-secret";
pub const BIGQUERY_ENDPOINT: &str = "bigquery-endpoint";
pub const CALLBACK_INPUT: &str = "callback-input";
pub const GO_TO_CONSENT: &str = "go-to-consent";
pub const ISSUER: &str = "issuer";
pub const REDIRECT_OVERRIDE: &str = "redirect-override";
pub const REFRESH_CLIENT_ID: &str = "refresh-client-id";
pub const REFRESH_CLIENT_SECRET: &str = "refresh-client-secret";
pub const REFRESH_TOKEN_INPUT: &str = "refresh-token-input";
pub const REVOCATION_ENDPOINT: &str = "revocation-endpoint";
pub const TOKENINFO_ENDPOINT: &str = "tokeninfo-endpoint";

/// The Reveal toggle beside a secret whose test id is `of`.
pub fn reveal_of(of: &str) -> String {
    format!("{of}-reveal")
}

/// The `index`th command of "Commands".
pub fn command(index: usize) -> String {
    format!("command-{index}")
}

/// The Google Ads account `id` in the checks' list of accounts.
pub fn ads_account(id: &str) -> String {
    format!("ads-account-{id}")
}

/// The CSS selector of a test id.
pub fn sel(testid: &str) -> String {
    format!("[data-testid={testid}]")
}
pub const ACCESS_TOKEN: &str = "access-token";
pub const ADS_BLOCKED: &str = "ads-blocked";
pub const ADS_QUERY_BLOCKED: &str = "ads-query-blocked";
pub const CLIENT_FILE: &str = "client-file";
pub const COMMANDS_CARD: &str = "commands-card";
pub const CONSENT_PARAMS: &str = "consent-params";
pub const COPY_REDIRECT_URI: &str = "copy-redirect-uri";
pub const COPY_SETTINGS_LINK: &str = "copy-settings-link";
pub const DIAGNOSE_CARD: &str = "diagnose-card";
pub const EXCHANGE_LOG: &str = "exchange-log";
pub const FORMAT_CURL: &str = "format-curl";
pub const LOG_COPY: &str = "log-copy";
pub const LS_COPY: &str = "ls-copy";
pub const LS_DOWNLOAD: &str = "ls-download";
pub const MANUAL_CARD: &str = "manual-card";
pub const PACK_COPY: &str = "pack-copy";
pub const PACK_DOWNLOAD: &str = "pack-download";
pub const PACK_DOWNLOAD_ALL: &str = "pack-download-all";
pub const PKCE: &str = "pkce";
pub const PKCE_OFF_WARNING: &str = "pkce-off-warning";
pub const PRESET: &str = "preset";
pub const RAW_REVEAL: &str = "raw-reveal";
pub const RAW_TOKEN_JSON: &str = "raw-token-json";
pub const RAW_TOKEN_RESPONSE: &str = "raw-token-response";
pub const REDIRECT_URI_UNUSABLE: &str = "redirect-uri-unusable";
pub const REFRESHED_ACCESS_TOKEN: &str = "refreshed-access-token";
pub const REFRESHED_SCOPE: &str = "refreshed-scope";
pub const REFRESH_CARD: &str = "refresh-card";
pub const RESTORED_SCOPES: &str = "restored-scopes";
pub const RETURN_CARD: &str = "return-card";
pub const SA_ACCESS_TOKEN: &str = "sa-access-token";
pub const SA_LS_COPY: &str = "sa-ls-copy";
pub const SETUP_CARD: &str = "setup-card";
pub const STATUS: &str = "status";
pub const TESTING_WARNING: &str = "testing-warning";
pub const TOKEN_TYPE: &str = "token-type";
/// The button of the orphan-code stage the page no longer has: asserted absent.
pub const EXCHANGE_WAITING_CODE: &str = "exchange-waiting-code";
pub const LS_LOGIN_CUSTOMER: &str = "ls-login-customer";
pub const PANIC_PANEL: &str = "panic-panel";
pub const TASKS: &str = "tasks";
pub const PROGRESS: &str = "progress";
pub const TOKENS_FORGOTTEN: &str = "tokens-forgotten";
pub const PART_NOT_LOADED: &str = "part-not-loaded";
pub const PART_RETRY: &str = "part-retry";
pub const USE_THEM: &str = "use-them";
pub const MANUAL_CARD_SUMMARY: &str = "manual-summary";
pub const FACTS_CHECKED: &str = "facts-checked";
pub const FABRIC_NOTE: &str = "fabric-note";
pub const FABRIC_USE_KEY: &str = "fabric-use-key";
pub const SA_FABRIC: &str = "sa-fabric";
pub const LS_WHERE: &str = "ls-where";
pub const SA_EXPORT: &str = "sa-export";
pub const SA_EXPORT_MOVED: &str = "sa-export-moved";
pub const RETURN_SECRET_WHY: &str = "return-secret-why";
pub const DIAGNOSE_READ_AS: &str = "diagnose-read-as";
pub const LS_COPY_RULE: &str = "ls-copy-rule";
pub const LS_SAVE_PROBLEM: &str = "ls-save-problem";
pub const FORGOTTEN_SIGN_IN: &str = "forgotten-sign-in";
pub const FORGOTTEN_CHECK: &str = "forgotten-check";
pub const LS_CHECK_FAILED: &str = "ls-check-failed";
pub const SETUP_EXPLAIN: &str = "setup-explain";
pub const REVOKE_CONFIRM: &str = "revoke-confirm";
pub const REVOKE_CANCEL: &str = "revoke-cancel";
pub const ACCESS_TOKEN_NEWEST: &str = "access-token-newest";
pub const ACCESS_TOKEN_NEWEST_NOTE: &str = "access-token-newest-note";
