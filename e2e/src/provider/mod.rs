//! A local OAuth 2.0 provider that behaves, as far as the page can tell, like Google's.
//!
//! Each rule cites where Google documents it:
//! - [web-server]: "Using OAuth 2.0 for Web Server Applications"
//!   (developers.google.com/identity/protocols/oauth2/web-server): the authorization
//!   parameters, `access_type=offline`, `prompt=consent`, granular consent, the redirect
//!   `?code=…&scope=…&state=…` or `?error=access_denied`, the token and refresh requests and
//!   their JSON answers, `refresh_token_expires_in`, revocation.
//! - [errors]: the same guide's error sections and Google's token endpoint answers
//!   (`invalid_grant` "Code was already redeemed." / "Token has been expired or revoked." /
//!   "Bad Request", `invalid_client` "Unauthorized" / "The OAuth client was not found.",
//!   `invalid_request` "client_secret is missing.", `redirect_uri_mismatch`).
//! - [policies]: "Using OAuth 2.0 to Access Google APIs", refresh token expiration: a refresh
//!   token comes only on the first consent unless `prompt=consent`; 7 days in "Testing".
//! - [redirect-rules]: redirect URI validation: exact match, never a redirect to an
//!   unregistered URI (an error page instead).
//! - RFC 7636 for PKCE, RFC 7009 for revocation.
//!
//! Split by endpoint: `consent` (the authorization page and its decision), `token` (the
//! code and refresh grants), `apis` (revocation, tokeninfo, the BigQuery-like list).
//!
//! It runs on 127.0.0.1 only. Tests reach into its state to register clients, count requests
//! and switch faults on.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde_json::json;
use sha2::{Digest, Sha256};

pub mod ads;
pub mod apis;
mod consent;
pub mod service_account;
mod token;

use apis::{bigquery, datasets, jobs, revoke, tokeninfo};
use consent::{authorize, decide};
use token::token;

/// How long an authorization code lives ([web-server]: "a short-lived code").
pub const CODE_LIFETIME: Duration = Duration::from_secs(600);
/// Access tokens live an hour; Google says 3599.
pub const ACCESS_TOKEN_SECONDS: u64 = 3599;
/// [policies]: "Testing" clients' refresh tokens expire in 7 days.
pub const TESTING_REFRESH_SECONDS: u64 = 604_799;

/// A registered OAuth client.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    pub id: String,
    pub secret: String,
    pub redirect_uris: Vec<String>,
    /// The consent screen is in "Testing": refresh tokens expire after 7 days.
    pub testing: bool,
}

/// A misbehaviour of the token endpoint, for failure tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Fault {
    #[default]
    None,
    /// 500 with Google's `server_error` body.
    ServerError,
    /// 502 with an HTML page, as a proxy would answer.
    Html,
    /// A 200 whose JSON is cut off.
    TruncatedJson,
    /// Answer after this long.
    Delay(Duration),
    /// Answer without CORS headers: the browser hides the answer from the page.
    NoCors,
    /// Drop the connection without an answer.
    Close,
}

#[derive(Debug, Clone)]
struct AuthRequest {
    client_id: String,
    redirect_uri: String,
    scopes: Vec<String>,
    state: Option<String>,
    challenge: Option<(String, String)>,
    offline: bool,
    prompt_consent: bool,
}

#[derive(Debug, Clone)]
struct CodeGrant {
    request: AuthRequest,
    granted: Vec<String>,
    issued: Instant,
    used: bool,
    with_refresh_token: bool,
}

#[derive(Debug, Clone)]
struct RefreshGrant {
    client_id: String,
    scopes: Vec<String>,
    revoked: bool,
}

#[derive(Debug, Clone)]
struct AccessGrant {
    client_id: String,
    scopes: Vec<String>,
    expires: Instant,
    refresh_token: Option<String>,
}

#[derive(Default)]
struct Inner {
    clients: HashMap<String, ClientConfig>,
    tickets: HashMap<String, AuthRequest>,
    codes: HashMap<String, CodeGrant>,
    refresh_tokens: HashMap<String, RefreshGrant>,
    access_tokens: HashMap<String, AccessGrant>,
    /// Clients the user has consented to before ([policies]: the refresh token comes with
    /// the first consent only).
    consented: HashSet<String>,
    fault: Fault,
    counts: HashMap<String, usize>,
    /// The Google Ads search answers without CORS headers.
    ads_refuse_cors: bool,
    /// The Google Ads answers also name customers whose IDs are not ten ASCII digits.
    ads_odd_ids: bool,
    /// The client's Cloud project has Test access to the Google Ads API (test accounts only).
    ads_test_access: bool,
    /// Google Ads API versions past their sunset: calls to them are refused.
    ads_retired: Vec<String>,
    /// The user grants access for a limited time at consent: the code exchange says when the
    /// refresh token ends (`refresh_token_expires_in`), whatever the app's status.
    limited_grant_seconds: Option<u64>,
    service_accounts: Vec<service_account::ServiceAccount>,
    /// Seconds the provider's clock runs ahead of the real one.
    clock_skew: i64,
}

/// The provider; clones share one state.
#[derive(Clone, Default)]
pub struct Provider {
    inner: Arc<Mutex<Inner>>,
}

/// The user every consent is given as.
pub const USER_EMAIL: &str = "tester@example.com";
const USER_SUB: &str = "110169484474386276334";

fn random(prefix: &str) -> String {
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes).expect("the OS has randomness");
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes))
}

impl Provider {
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn register(&self, client: ClientConfig) {
        self.lock().clients.insert(client.id.clone(), client);
    }

    /// Switches a fault of the token endpoint on (or off with `Fault::None`).
    pub fn set_fault(&self, fault: Fault) {
        self.lock().fault = fault;
    }

    /// Makes the Google Ads search refuse the page's origin (no CORS headers), or not.
    pub fn refuse_ads_cors(&self, refuse: bool) {
        self.lock().ads_refuse_cors = refuse;
    }

    /// Makes the Google Ads answers also name customer IDs that are not ten ASCII digits (as
    /// a broken or hostile answer could), or not.
    pub fn odd_ads_ids(&self, odd: bool) {
        self.lock().ads_odd_ids = odd;
    }

    /// Gives the client's Cloud project Test access to the Google Ads API (test accounts
    /// only), or its approved access back.
    pub fn ads_test_access(&self, test_only: bool) {
        self.lock().ads_test_access = test_only;
    }

    /// Makes the user grant access for `seconds` only at consent (as Google's time-limited
    /// access does), or for good with `None`.
    pub fn grant_for_a_limited_time(&self, seconds: Option<u64>) {
        self.lock().limited_grant_seconds = seconds;
    }

    /// Turns a Google Ads API version off, as its sunset does.
    pub fn retire_ads_version(&self, version: &str) {
        self.lock().ads_retired.push(version.to_owned());
    }

    /// How many requests reached `endpoint` ("auth", "token", "token:authorization_code",
    /// "token:refresh_token", "revoke", "tokeninfo", "bigquery", "preflight").
    pub fn count(&self, endpoint: &str) -> usize {
        self.lock().counts.get(endpoint).copied().unwrap_or(0)
    }

    /// Every refresh token issued so far (live or revoked).
    pub fn refresh_tokens(&self) -> Vec<String> {
        self.lock().refresh_tokens.keys().cloned().collect()
    }

    /// Every access token issued so far.
    pub fn access_tokens(&self) -> Vec<String> {
        self.lock().access_tokens.keys().cloned().collect()
    }

    /// A refresh token as if the user had consented earlier (for the refresh card alone).
    pub fn issue_refresh_token(&self, client_id: &str, scopes: &[&str]) -> String {
        let token = random("1//0g");
        self.lock().refresh_tokens.insert(
            token.clone(),
            RefreshGrant {
                client_id: client_id.to_owned(),
                scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
                revoked: false,
            },
        );
        token
    }

    /// A code as someone gets one for their own account with a consent URL of their own (no
    /// PKCE, any `state`): what an attacker puts in a link to the page.
    pub fn issue_code(&self, client_id: &str, redirect_uri: &str, scopes: &[&str]) -> String {
        let code = random("4/0A");
        let request = AuthRequest {
            client_id: client_id.to_owned(),
            redirect_uri: redirect_uri.to_owned(),
            scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
            state: None,
            challenge: None,
            offline: true,
            prompt_consent: true,
        };
        self.lock().codes.insert(
            code.clone(),
            CodeGrant {
                granted: request.scopes.clone(),
                request,
                issued: Instant::now(),
                used: false,
                with_refresh_token: true,
            },
        );
        code
    }

    /// Every authorization code issued so far.
    pub fn codes(&self) -> Vec<String> {
        self.lock().codes.keys().cloned().collect()
    }

    /// Revokes a refresh token behind the page's back (as the user could in their account).
    pub fn revoke_refresh_token(&self, token: &str) {
        if let Some(grant) = self.lock().refresh_tokens.get_mut(token) {
            grant.revoked = true;
        }
    }

    fn counted(&self, endpoint: &str) {
        *self.lock().counts.entry(endpoint.to_owned()).or_default() += 1;
    }

    pub fn router(&self) -> Router {
        Router::new()
            .route("/o/oauth2/v2/auth", get(authorize))
            .route("/o/oauth2/v2/auth/decide", post(decide))
            .route("/token", post(token).options(preflight))
            .route("/revoke", post(revoke).options(preflight))
            .route(
                "/tokeninfo",
                get(tokeninfo).post(tokeninfo).options(preflight),
            )
            .route("/bigquery/v2/projects", get(bigquery).options(preflight))
            .route(
                "/bigquery/v2/projects/{project}/jobs",
                post(jobs).options(preflight),
            )
            .route(
                "/bigquery/v2/projects/{project}/datasets",
                get(datasets).options(preflight),
            )
            .route(
                "/{version}/customers:listAccessibleCustomers",
                get(ads::accessible).options(preflight),
            )
            .route(
                "/{version}/customers/{id}/googleAds:search",
                post(ads::search).options(preflight),
            )
            .with_state(self.clone())
    }

    /// Serves over TLS on 127.0.0.1 as Google's hosts (see `tls`); returns the port that the
    /// test browser maps those host names to.
    pub async fn spawn_as_google(&self) -> u16 {
        crate::tls::serve(self.router(), &crate::tls::GOOGLE_HOSTS).await
    }

    /// Serves on 127.0.0.1 at a free port; returns the base URL.
    pub async fn spawn(&self) -> String {
        let listener = crate::loopback_listener().await;
        let addr = listener.local_addr().expect("bound");
        let router = self.router();
        tokio::spawn(async move { axum::serve(listener, router).await });
        format!("http://{addr}")
    }
}

fn error_page(status: StatusCode, code: &str, detail: &str) -> Response {
    // [redirect-rules]: for an unknown client or an unregistered redirect URI Google shows
    // its own error page and does not redirect.
    let body = format!(
        "<!doctype html><html><head><title>Error {status}</title></head><body>\
         <h1 id=\"error-title\">Access blocked: authorization error</h1>\
         <p id=\"error-code\">Error {}: {code}</p><p>{detail}</p></body></html>",
        status.as_u16()
    );
    (status, Html(body)).into_response()
}

fn redirect(to: &str) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, to.to_owned())]).into_response()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// CORS as Google's token endpoint does it: the caller's origin reflected.
fn with_cors(headers: &HeaderMap, mut response: Response) -> Response {
    if let Some(origin) = headers.get(header::ORIGIN) {
        let h = response.headers_mut();
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
        h.insert(header::VARY, HeaderValue::from_static("Origin"));
    }
    response
}

async fn preflight(State(p): State<Provider>, headers: HeaderMap) -> Response {
    p.counted("preflight");
    let mut response = StatusCode::OK.into_response();
    let h = response.headers_mut();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, POST, OPTIONS"),
    );
    if let Some(asked) = headers.get(header::ACCESS_CONTROL_REQUEST_HEADERS) {
        h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, asked.clone());
    }
    h.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("3600"),
    );
    with_cors(&headers, response)
}

fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    (
        status,
        axum::Json(json!({"error": error, "error_description": description})),
    )
        .into_response()
}

fn form(body: &Bytes) -> HashMap<String, String> {
    url::form_urlencoded::parse(body).into_owned().collect()
}
