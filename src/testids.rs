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
pub const LOG_TEXT: &str = "log-text";
pub const LS_CUSTOMER: &str = "ls-customer";
pub const LS_DEVELOPER_TOKEN: &str = "ls-developer-token";
pub const LS_JSON: &str = "ls-json";
pub const LS_KEY_VAULT: &str = "ls-key-vault";
pub const LS_MISSING: &str = "ls-missing";
pub const LS_PROJECT: &str = "ls-project";
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
pub const RETURN_PROBLEM: &str = "return-problem";
pub const RETURN_SECRET: &str = "return-secret";
pub const REVOKE: &str = "revoke";
pub const SCOPE_LIST: &str = "scope-list";
pub const SCOPES: &str = "scopes";
pub const SENDS_TO: &str = "sends-to";
pub const SETUP_GUIDE: &str = "setup-guide";
pub const TEST_BIGQUERY: &str = "test-bigquery";
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

/// The CSS selector of a test id.
pub fn sel(testid: &str) -> String {
    format!("[data-testid={testid}]")
}
