//! The local provider against Google's documented behaviour (see the module docs of
//! `e2e::provider` for the sources), request by request, without a browser.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use e2e::provider::{ClientConfig, Fault, Provider, TESTING_REFRESH_SECONDS};
use http_body_util::BodyExt as _;
use serde_json::Value;
use sha2::{Digest, Sha256};
use tower::ServiceExt as _;

const ID: &str = "cid.apps.googleusercontent.com";
const SECRET: &str = "GOCSPX-secret";
const REDIRECT: &str = "http://127.0.0.1:8080/";
const SCOPE: &str = "https://www.googleapis.com/auth/bigquery";
const ORIGIN: &str = "http://127.0.0.1:8080";

struct Answer {
    status: StatusCode,
    location: Option<url::Url>,
    cors: Option<String>,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.body))
    }
    fn param(&self, name: &str) -> Option<String> {
        self.location
            .as_ref()?
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    }
}

async fn call(router: &Router, request: Request<Body>) -> Answer {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let header_text = |name| {
        response
            .headers()
            .get(name)
            .map(|v: &header::HeaderValue| v.to_str().unwrap().to_owned())
    };
    let location = header_text(header::LOCATION).map(|l| url::Url::parse(&l).unwrap());
    let cors = header_text(header::ACCESS_CONTROL_ALLOW_ORIGIN);
    let body = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        location,
        cors,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

fn setup(testing: bool) -> (Provider, Router) {
    let provider = Provider::new();
    provider.register(ClientConfig {
        id: ID.into(),
        secret: SECRET.into(),
        redirect_uris: vec![REDIRECT.into()],
        testing,
    });
    let router = provider.router();
    (provider, router)
}

fn query(pairs: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

async fn authorize(router: &Router, extra: &[(&str, &str)]) -> Answer {
    let mut pairs = vec![
        ("client_id", ID),
        ("redirect_uri", REDIRECT),
        ("response_type", "code"),
        ("scope", SCOPE),
        ("access_type", "offline"),
        ("state", "st"),
    ];
    // Extra parameters replace the defaults of the same name.
    pairs.retain(|(k, _)| !extra.iter().any(|(e, _)| e == k));
    pairs.extend_from_slice(extra);
    let request = Request::get(format!("/o/oauth2/v2/auth?{}", query(&pairs)))
        .body(Body::empty())
        .unwrap();
    call(router, request).await
}

/// Consent page → Allow (with the given scopes ticked) → the redirect.
async fn consent(router: &Router, extra: &[(&str, &str)], ticked: Option<&[&str]>) -> Answer {
    let page = authorize(router, extra).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let ticket = page.body.split("name=\"ticket\" value=\"").nth(1).unwrap();
    let ticket = &ticket[..ticket.find('"').unwrap()];
    let mut form = vec![("ticket", ticket), ("decision", "allow")];
    for s in ticked.unwrap_or(&[SCOPE]) {
        form.push(("scope", s));
    }
    let request = Request::post("/o/oauth2/v2/auth/decide")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(query(&form)))
        .unwrap();
    call(router, request).await
}

async fn token(router: &Router, form: &[(&str, &str)]) -> Answer {
    let request = Request::post("/token")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, ORIGIN)
        .body(Body::from(query(form)))
        .unwrap();
    call(router, request).await
}

async fn exchange(router: &Router, code: &str, extra: &[(&str, &str)]) -> Answer {
    let mut form = vec![
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", REDIRECT),
        ("client_id", ID),
        ("client_secret", SECRET),
    ];
    form.extend_from_slice(extra);
    token(router, &form).await
}

#[tokio::test]
async fn unknown_client_and_unregistered_redirect_get_an_error_page_not_a_redirect() {
    let (_, router) = setup(false);
    let unknown = authorize(&router, &[("client_id", "nope")]).await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    assert!(unknown.body.contains("invalid_client") && unknown.location.is_none());

    let request = Request::get(format!(
        "/o/oauth2/v2/auth?{}",
        query(&[
            ("client_id", ID),
            ("redirect_uri", "http://localhost:8080/"),
            ("response_type", "code"),
            ("scope", SCOPE)
        ])
    ))
    .body(Body::empty())
    .unwrap();
    let mismatch = call(&router, request).await;
    assert_eq!(mismatch.status, StatusCode::BAD_REQUEST);
    assert!(mismatch.body.contains("redirect_uri_mismatch"));
    assert!(mismatch.location.is_none());
}

#[tokio::test]
async fn consent_redirects_with_code_state_and_granted_scope_or_access_denied() {
    let (_, router) = setup(false);
    let back = consent(&router, &[], None).await;
    assert_eq!(back.status, StatusCode::FOUND);
    assert!(back
        .location
        .as_ref()
        .unwrap()
        .as_str()
        .starts_with(REDIRECT));
    assert_eq!(back.param("state").as_deref(), Some("st"));
    assert_eq!(back.param("scope").as_deref(), Some(SCOPE));
    assert!(back.param("code").unwrap().starts_with("4/0A"));

    // Unticking every scope is a refusal.
    let none = consent(&router, &[], Some(&[])).await;
    assert_eq!(none.param("error").as_deref(), Some("access_denied"));
    assert_eq!(none.param("state").as_deref(), Some("st"));
    assert_eq!(none.param("code"), None);
}

#[tokio::test]
async fn a_code_works_once_and_only_with_the_right_client_redirect_and_verifier() {
    let (provider, router) = setup(false);
    let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    let back = consent(
        &router,
        &[
            ("code_challenge", &challenge),
            ("code_challenge_method", "S256"),
            ("prompt", "consent"),
        ],
        None,
    )
    .await;
    let code = back.param("code").unwrap();

    let no_secret = token(
        &router,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", REDIRECT),
            ("client_id", ID),
        ],
    )
    .await;
    assert_eq!(no_secret.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        no_secret.json()["error_description"],
        "client_secret is missing."
    );

    let wrong_secret = token(
        &router,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", REDIRECT),
            ("client_id", ID),
            ("client_secret", "wrong"),
        ],
    )
    .await;
    assert_eq!(wrong_secret.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong_secret.json()["error"], "invalid_client");
    assert_eq!(wrong_secret.json()["error_description"], "Unauthorized");

    let unknown = token(
        &router,
        &[
            ("grant_type", "authorization_code"),
            ("client_id", "nope"),
            ("client_secret", SECRET),
        ],
    )
    .await;
    assert_eq!(
        unknown.json()["error_description"],
        "The OAuth client was not found."
    );

    let other_redirect = token(
        &router,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", "http://localhost:8080/"),
            ("client_id", ID),
            ("client_secret", SECRET),
        ],
    )
    .await;
    assert_eq!(other_redirect.json()["error"], "redirect_uri_mismatch");

    let missing = exchange(&router, &code, &[]).await;
    assert_eq!(
        missing.json()["error_description"],
        "Missing code verifier."
    );
    let bad = exchange(
        &router,
        &code,
        &[(
            "code_verifier",
            "wrong-verifier-wrong-verifier-wrong-verifier",
        )],
    )
    .await;
    assert_eq!(bad.json()["error_description"], "Invalid code verifier.");

    let ok = exchange(&router, &code, &[("code_verifier", verifier)]).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let body = ok.json();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3599);
    assert_eq!(body["scope"], SCOPE);
    assert!(body["access_token"].as_str().unwrap().starts_with("ya29."));
    assert_eq!(
        provider.refresh_tokens(),
        vec![body["refresh_token"].as_str().unwrap().to_owned()]
    );
    assert!(body.get("refresh_token_expires_in").is_none());

    let again = exchange(&router, &code, &[("code_verifier", verifier)]).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    assert_eq!(again.json()["error"], "invalid_grant");
    assert_eq!(
        again.json()["error_description"],
        "Code was already redeemed."
    );

    let garbage = exchange(&router, "4/0Anot-a-code", &[]).await;
    assert_eq!(garbage.json()["error"], "invalid_grant");
}

#[tokio::test]
async fn a_refresh_token_comes_on_first_consent_or_when_consent_is_forced() {
    let (_, router) = setup(true);
    let first = consent(&router, &[], None).await;
    let first = exchange(&router, &first.param("code").unwrap(), &[])
        .await
        .json();
    assert!(first["refresh_token"].is_string());
    assert_eq!(first["refresh_token_expires_in"], TESTING_REFRESH_SECONDS);

    let second = consent(&router, &[], None).await;
    let second = exchange(&router, &second.param("code").unwrap(), &[])
        .await
        .json();
    assert!(
        second.get("refresh_token").is_none(),
        "no prompt=consent the second time"
    );

    let forced = consent(&router, &[("prompt", "consent")], None).await;
    let forced = exchange(&router, &forced.param("code").unwrap(), &[])
        .await
        .json();
    assert!(forced["refresh_token"].is_string());

    let online = consent(
        &router,
        &[("access_type", "online"), ("prompt", "consent")],
        None,
    )
    .await;
    let online = exchange(&router, &online.param("code").unwrap(), &[])
        .await
        .json();
    assert!(
        online.get("refresh_token").is_none(),
        "no refresh token without access_type=offline"
    );
}

#[tokio::test]
async fn refresh_works_until_revoked() {
    let (provider, router) = setup(false);
    let rt = provider.issue_refresh_token(ID, &[SCOPE]);
    let refresh = |rt: String| {
        let router = router.clone();
        async move {
            token(
                &router,
                &[
                    ("grant_type", "refresh_token"),
                    ("refresh_token", &rt),
                    ("client_id", ID),
                    ("client_secret", SECRET),
                ],
            )
            .await
        }
    };
    let ok = refresh(rt.clone()).await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(ok.cors.as_deref(), Some(ORIGIN));
    let access = ok.json()["access_token"].as_str().unwrap().to_owned();

    let info = call(
        &router,
        Request::get(format!("/tokeninfo?access_token={access}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(info.json()["email"], "tester@example.com");
    assert_eq!(info.json()["scope"], SCOPE);

    let projects = call(
        &router,
        Request::get("/bigquery/v2/projects")
            .header(header::AUTHORIZATION, format!("Bearer {access}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(projects.status, StatusCode::OK);
    assert_eq!(projects.json()["projects"][0]["id"], "demo-project");

    let revoke = call(
        &router,
        Request::post("/revoke")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(query(&[("token", &rt)])))
            .unwrap(),
    )
    .await;
    assert_eq!(revoke.status, StatusCode::OK);
    let dead = refresh(rt).await;
    assert_eq!(dead.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        dead.json()["error_description"],
        "Token has been expired or revoked."
    );
    let unauthorized = call(
        &router,
        Request::get("/bigquery/v2/projects")
            .header(header::AUTHORIZATION, format!("Bearer {access}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(
        unauthorized.status,
        StatusCode::UNAUTHORIZED,
        "revoking the grant ends its access tokens"
    );
}

#[tokio::test]
async fn cors_preflight_and_fault_switches() {
    let (provider, router) = setup(false);
    let preflight = call(
        &router,
        Request::options("/bigquery/v2/projects")
            .header(header::ORIGIN, ORIGIN)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "GET")
            .header(header::ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(preflight.status, StatusCode::OK);
    assert_eq!(preflight.cors.as_deref(), Some(ORIGIN));

    let json_body = call(
        &router,
        Request::post("/token")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from("{}"))
            .unwrap(),
    )
    .await;
    assert_eq!(
        json_body.json()["error"],
        "invalid_request",
        "form bodies only"
    );

    provider.set_fault(Fault::ServerError);
    assert_eq!(
        token(&router, &[]).await.status,
        StatusCode::INTERNAL_SERVER_ERROR
    );
    provider.set_fault(Fault::Html);
    let html = token(&router, &[]).await;
    assert_eq!(html.status, StatusCode::BAD_GATEWAY);
    assert!(html.body.starts_with("<!DOCTYPE html>"));
    provider.set_fault(Fault::TruncatedJson);
    assert!(serde_json::from_str::<Value>(&token(&router, &[]).await.body).is_err());
    provider.set_fault(Fault::NoCors);
    assert_eq!(token(&router, &[]).await.cors, None);
    provider.set_fault(Fault::None);
    assert_eq!(token(&router, &[]).await.cors.as_deref(), Some(ORIGIN));
    assert_eq!(provider.count("token"), 6);
}
