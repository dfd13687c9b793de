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
//! It runs on 127.0.0.1 only. Tests reach into its state to register clients, count requests
//! and switch faults on.

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
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
            .with_state(self.clone())
    }

    /// Serves over TLS on 127.0.0.1 as Google's hosts (see `tls`); returns the port that the
    /// test browser maps those host names to.
    pub async fn spawn_as_google(&self) -> u16 {
        crate::tls::serve(self.router(), &crate::tls::GOOGLE_HOSTS).await
    }

    /// Serves on 127.0.0.1 at a free port; returns the base URL.
    pub async fn spawn(&self) -> String {
        let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
            .await
            .expect("a loopback port is free");
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

async fn authorize(State(p): State<Provider>, Query(q): Query<Vec<(String, String)>>) -> Response {
    p.counted("auth");
    let param = |name: &str| q.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let Some(client_id) = param("client_id") else {
        return error_page(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Missing required parameter: client_id",
        );
    };
    let Some(client) = p.lock().clients.get(&client_id).cloned() else {
        return error_page(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "The OAuth client was not found.",
        );
    };
    let redirect_uri = param("redirect_uri").unwrap_or_default();
    if !client.redirect_uris.contains(&redirect_uri) {
        return error_page(
            StatusCode::BAD_REQUEST,
            "redirect_uri_mismatch",
            &format!(
                "You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. \
                 redirect_uri={}",
                escape(&redirect_uri)
            ),
        );
    }
    if param("response_type").as_deref() != Some("code") {
        return error_page(
            StatusCode::BAD_REQUEST,
            "unsupported_response_type",
            "Invalid response_type",
        );
    }
    let scopes: Vec<String> = param("scope")
        .unwrap_or_default()
        .split(' ')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    if scopes.is_empty() {
        return error_page(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Missing required parameter: scope",
        );
    }
    let challenge = match (param("code_challenge"), param("code_challenge_method")) {
        (None, _) => None,
        (Some(c), m) => {
            let method = m.unwrap_or_else(|| "plain".into());
            if method != "S256" && method != "plain" {
                return error_page(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "Invalid code_challenge_method",
                );
            }
            Some((c, method))
        }
    };
    let offline = match param("access_type").as_deref() {
        None | Some("online") => false,
        Some("offline") => true,
        Some(_) => {
            return error_page(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "Invalid access_type",
            )
        }
    };
    let prompt_consent = param("prompt").is_some_and(|p| p.split(' ').any(|v| v == "consent"));
    let request = AuthRequest {
        client_id,
        redirect_uri,
        scopes: scopes.clone(),
        state: param("state"),
        challenge,
        offline,
        prompt_consent,
    };
    let ticket = random("t");
    p.lock().tickets.insert(ticket.clone(), request);
    // [web-server] granular consent: the user may untick scopes.
    let boxes: String = scopes
        .iter()
        .enumerate()
        .map(|(i, s)| {
            format!(
                "<li><input type=\"checkbox\" name=\"scope\" id=\"scope-{i}\" value=\"{v}\" checked>\
                 <label for=\"scope-{i}\">{v}</label></li>",
                v = escape(s)
            )
        })
        .collect();
    Html(format!(
        "<!doctype html><html><head><title>Sign in - Google Accounts</title></head><body>\
         <h1 id=\"consent-title\">{app} wants to access your Google Account</h1>\
         <p>Signed in as {USER_EMAIL}</p>\
         <form method=\"post\" action=\"/o/oauth2/v2/auth/decide\">\
         <input type=\"hidden\" name=\"ticket\" value=\"{ticket}\"><ul>{boxes}</ul>\
         <button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Cancel</button>\
         <button type=\"submit\" name=\"decision\" value=\"allow\" id=\"allow\">Allow</button>\
         </form></body></html>",
        app = escape(&client.id)
    ))
    .into_response()
}

async fn decide(State(p): State<Provider>, body: Bytes) -> Response {
    p.counted("decide");
    let fields: Vec<(String, String)> = url::form_urlencoded::parse(&body).into_owned().collect();
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let Some(request) = field("ticket").and_then(|t| p.lock().tickets.remove(t)) else {
        return error_page(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "This consent page has expired.",
        );
    };
    let mut to = url::Url::parse(&request.redirect_uri).expect("registered URIs are URLs");
    let granted: Vec<String> = fields
        .iter()
        .filter(|(k, v)| k == "scope" && request.scopes.contains(v))
        .map(|(_, v)| v.clone())
        .collect();
    if field("decision") != Some("allow") || granted.is_empty() {
        let mut q = to.query_pairs_mut();
        q.append_pair("error", "access_denied");
        if let Some(state) = &request.state {
            q.append_pair("state", state);
        }
        drop(q);
        return redirect(to.as_str());
    }
    let code = random("4/0A");
    {
        let mut inner = p.lock();
        // [policies]: a refresh token on the first consent, or when consent is forced.
        let first = inner.consented.insert(request.client_id.clone());
        let with_refresh_token = request.offline && (first || request.prompt_consent);
        inner.codes.insert(
            code.clone(),
            CodeGrant {
                request: request.clone(),
                granted: granted.clone(),
                issued: Instant::now(),
                used: false,
                with_refresh_token,
            },
        );
    }
    // The order and the extra parameters of Google's redirect.
    let mut q = to.query_pairs_mut();
    if let Some(state) = &request.state {
        q.append_pair("state", state);
    }
    q.append_pair("iss", "https://accounts.google.com")
        .append_pair("code", &code)
        .append_pair("scope", &granted.join(" "))
        .append_pair("authuser", "0")
        .append_pair("prompt", "consent");
    drop(q);
    redirect(to.as_str())
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

async fn token(
    State(p): State<Provider>,
    method: Method,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    debug_assert_eq!(method, Method::POST);
    p.counted("token");
    let fault = p.lock().fault;
    match fault {
        Fault::Delay(d) => tokio::time::sleep(d).await,
        Fault::Close => {
            std::panic::resume_unwind(Box::new("connection closed by the fault switch"))
        }
        _ => {}
    }
    let response = match fault {
        Fault::ServerError => oauth_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            "Internal error",
        ),
        Fault::Html => (
            StatusCode::BAD_GATEWAY,
            Html("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"),
        )
            .into_response(),
        Fault::TruncatedJson => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            "{\"access_token\": \"ya29.a0Af",
        )
            .into_response(),
        _ => token_answer(&p, &headers, &body),
    };
    if fault == Fault::NoCors {
        return response;
    }
    with_cors(&headers, response)
}

fn token_answer(p: &Provider, headers: &HeaderMap, body: &Bytes) -> Response {
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Invalid content type",
        );
    }
    let f = form(body);
    let grant_type = f.get("grant_type").cloned().unwrap_or_default();
    p.counted(&format!("token:{grant_type}"));
    // [errors]: client authentication comes first.
    let client_id = f.get("client_id").cloned().unwrap_or_default();
    let Some(client) = p.lock().clients.get(&client_id).cloned() else {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "The OAuth client was not found.",
        );
    };
    match f.get("client_secret") {
        None => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "client_secret is missing.",
            )
        }
        Some(s) if *s != client.secret => {
            return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "Unauthorized")
        }
        Some(_) => {}
    }
    match grant_type.as_str() {
        "authorization_code" => code_grant(p, &client, &f),
        "refresh_token" => refresh_grant(p, &client, &f),
        "" => oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "Invalid grant_type: ",
        ),
        other => oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            &format!("Invalid grant_type: {other}"),
        ),
    }
}

fn code_grant(p: &Provider, client: &ClientConfig, f: &HashMap<String, String>) -> Response {
    let mut inner = p.lock();
    let code = f.get("code").cloned().unwrap_or_default();
    let Some(grant) = inner.codes.get_mut(&code) else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "Malformed auth code.",
        );
    };
    if grant.used {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "Code was already redeemed.",
        );
    }
    if grant.issued.elapsed() > CODE_LIFETIME || grant.request.client_id != client.id {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant", "Bad Request");
    }
    if f.get("redirect_uri") != Some(&grant.request.redirect_uri) {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "redirect_uri_mismatch",
            "Bad Request",
        );
    }
    if let Some((challenge, method)) = &grant.request.challenge {
        let Some(verifier) = f.get("code_verifier") else {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_grant",
                "Missing code verifier.",
            );
        };
        let computed = if method == "S256" {
            URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
        } else {
            verifier.clone()
        };
        if computed != *challenge {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_grant",
                "Invalid code verifier.",
            );
        }
    }
    grant.used = true;
    let grant = grant.clone();
    let access = random("ya29.a0");
    let refresh = grant.with_refresh_token.then(|| random("1//0g"));
    inner.access_tokens.insert(
        access.clone(),
        AccessGrant {
            client_id: client.id.clone(),
            scopes: grant.granted.clone(),
            expires: Instant::now() + Duration::from_secs(ACCESS_TOKEN_SECONDS),
            refresh_token: refresh.clone(),
        },
    );
    let mut body = json!({
        "access_token": access,
        "expires_in": ACCESS_TOKEN_SECONDS,
        "scope": grant.granted.join(" "),
        "token_type": "Bearer",
    });
    if grant.granted.iter().any(|s| s == "openid") {
        body["id_token"] = id_token(&client.id).into();
    }
    if let Some(rt) = refresh {
        inner.refresh_tokens.insert(
            rt.clone(),
            RefreshGrant {
                client_id: client.id.clone(),
                scopes: grant.granted.clone(),
                revoked: false,
            },
        );
        body["refresh_token"] = rt.into();
        if client.testing {
            body["refresh_token_expires_in"] = TESTING_REFRESH_SECONDS.into();
        }
    }
    (StatusCode::OK, axum::Json(body)).into_response()
}

/// An OpenID Connect ID token as Google shapes it (the signature is a placeholder: the page
/// only decodes, never verifies).
fn id_token(client_id: &str) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let header = json!({"alg": "RS256", "kid": "local-test-key", "typ": "JWT"});
    let payload = json!({
        "iss": "https://accounts.google.com", "azp": client_id, "aud": client_id,
        "sub": USER_SUB, "email": USER_EMAIL, "email_verified": true,
        "iat": now, "exp": now + ACCESS_TOKEN_SECONDS,
    });
    let part = |v: serde_json::Value| URL_SAFE_NO_PAD.encode(v.to_string());
    format!("{}.{}.{}", part(header), part(payload), random("sig"))
}

fn refresh_grant(p: &Provider, client: &ClientConfig, f: &HashMap<String, String>) -> Response {
    let mut inner = p.lock();
    let token = f.get("refresh_token").cloned().unwrap_or_default();
    let Some(grant) = inner
        .refresh_tokens
        .get(&token)
        .filter(|g| !g.revoked)
        .cloned()
    else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "Token has been expired or revoked.",
        );
    };
    if grant.client_id != client.id {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "unauthorized_client",
            "Unauthorized",
        );
    }
    let access = random("ya29.a0");
    inner.access_tokens.insert(
        access.clone(),
        AccessGrant {
            client_id: client.id.clone(),
            scopes: grant.scopes.clone(),
            expires: Instant::now() + Duration::from_secs(ACCESS_TOKEN_SECONDS),
            refresh_token: Some(token),
        },
    );
    let mut body = json!({
        "access_token": access,
        "expires_in": ACCESS_TOKEN_SECONDS,
        "scope": grant.scopes.join(" "),
        "token_type": "Bearer",
    });
    if client.testing {
        body["refresh_token_expires_in"] = TESTING_REFRESH_SECONDS.into();
    }
    (StatusCode::OK, axum::Json(body)).into_response()
}

/// RFC 7009 / [web-server] "Revoking a token": revoking either token ends the whole grant.
async fn revoke(State(p): State<Provider>, headers: HeaderMap, body: Bytes) -> Response {
    p.counted("revoke");
    let token = form(&body).remove("token").unwrap_or_default();
    let mut inner = p.lock();
    let refresh = if inner.refresh_tokens.contains_key(&token) {
        Some(token.clone())
    } else {
        inner
            .access_tokens
            .get(&token)
            .and_then(|a| a.refresh_token.clone())
    };
    let known = inner.access_tokens.remove(&token).is_some() | refresh.is_some();
    if let Some(rt) = refresh {
        if let Some(g) = inner.refresh_tokens.get_mut(&rt) {
            g.revoked = true;
        }
        inner
            .access_tokens
            .retain(|_, a| a.refresh_token.as_deref() != Some(rt.as_str()));
    }
    drop(inner);
    let response = if known {
        (StatusCode::OK, axum::Json(json!({}))).into_response()
    } else {
        oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_token",
            "Token expired or revoked",
        )
    };
    with_cors(&headers, response)
}

fn bearer_grant(p: &Provider, token: &str) -> Option<AccessGrant> {
    p.lock()
        .access_tokens
        .get(token)
        .filter(|a| a.expires > Instant::now())
        .cloned()
}

/// Tokeninfo takes the token as a query parameter or, keeping it out of URLs, a form body.
async fn tokeninfo(
    State(p): State<Provider>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    p.counted("tokeninfo");
    let token = q
        .get("access_token")
        .cloned()
        .or_else(|| form(&body).remove("access_token"))
        .unwrap_or_default();
    let response = match bearer_grant(&p, &token) {
        Some(a) => {
            let left = a
                .expires
                .saturating_duration_since(Instant::now())
                .as_secs();
            (
                StatusCode::OK,
                axum::Json(json!({
                    "azp": a.client_id, "aud": a.client_id, "sub": USER_SUB,
                    "scope": a.scopes.join(" "), "expires_in": left.to_string(),
                    "email": USER_EMAIL, "email_verified": "true", "access_type": "offline",
                })),
            )
                .into_response()
        }
        None => (
            StatusCode::BAD_REQUEST,
            axum::Json(json!({"error": "invalid_token", "error_description": "Invalid Value"})),
        )
            .into_response(),
    };
    with_cors(&headers, response)
}

async fn bigquery(State(p): State<Provider>, headers: HeaderMap) -> Response {
    p.counted("bigquery");
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    let response = match bearer_grant(&p, token) {
        Some(a) if a.scopes.iter().any(|s| s.contains("bigquery") || s.ends_with("cloud-platform")) => (
            StatusCode::OK,
            axum::Json(json!({
                "kind": "bigquery#projectList",
                "projects": [{"kind": "bigquery#project", "id": "demo-project",
                              "projectReference": {"projectId": "demo-project"},
                              "friendlyName": "Demo project"}],
                "totalItems": 1
            })),
        )
            .into_response(),
        Some(_) => (
            StatusCode::FORBIDDEN,
            axum::Json(json!({"error": {"code": 403, "message": "Request had insufficient authentication scopes.", "status": "PERMISSION_DENIED"}})),
        )
            .into_response(),
        None => (
            StatusCode::UNAUTHORIZED,
            axum::Json(json!({"error": {"code": 401, "message": "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.", "status": "UNAUTHENTICATED"}})),
        )
            .into_response(),
    };
    with_cors(&headers, response)
}
