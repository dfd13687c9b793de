//! The pending sign-in's life in a real tab: it is written only when the browser leaves for
//! consent (or the URL is copied, then without the secret), it never outlives its use, and a
//! code comes in only with this tab's `state` and the provider's issuer. Every scenario ends
//! with the tab's storage, address, history and console checked for every secret.

use e2e::pages::client::ClientStep;
use e2e::pages::consent::ConsentStep;
use e2e::pages::prove::ProveCard;
use e2e::pages::provider_consent::ProviderConsent;
use e2e::pages::refresh::RefreshCard;
use e2e::pages::AppPage;
use e2e::provider::{ClientConfig, Provider};
use e2e::world::{World, CLIENT_ID, SECRET};
use refresh_token_helper::testids;

const PENDING_KEY: &str = "rth.pending-flow";

/// One parameter of a URL.
fn param(url: &str, name: &str) -> String {
    url::Url::parse(url)
        .expect("a URL")
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| panic!("{url} has no {name}"))
}

async fn stored_record(app: &AppPage<'_>) -> Option<String> {
    app.browser
        .run(&format!("return sessionStorage.getItem('{PENDING_KEY}')"))
        .await
        .as_str()
        .map(str::to_owned)
}

/// A second local provider that knows the same client.
async fn second_provider(w: &World) -> (Provider, String) {
    let other = Provider::new();
    let url = other.spawn().await;
    other.register(ClientConfig {
        id: CLIENT_ID.into(),
        secret: SECRET.into(),
        redirect_uris: vec![w.app_url.clone()],
        testing: false,
    });
    (other, url)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn back_from_consent_then_reload_leaves_nothing() {
    let w = World::new().await;
    let app = w.page().await;
    ConsentStep::of(&app).go_to_consent().await;
    w.browser.find("#allow").await;
    w.browser.client.back().await.unwrap();
    w.browser.find(&testids::sel(testids::CLIENT_CARD)).await;
    assert!(
        app.session_storage_is_empty().await,
        "back from consent, the record is gone"
    );
    w.browser.client.refresh().await.unwrap();
    w.browser.find(&testids::sel(testids::CLIENT_CARD)).await;
    assert!(app.session_storage_is_empty().await);
    assert_eq!(w.provider.count("token"), 0);
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_copied_url_saves_no_secret_and_a_reload_forgets_it() {
    let w = World::new().await;
    let app = w.page().await;
    ConsentStep::of(&app).copy_url().await;
    let record = stored_record(&app)
        .await
        .expect("the copy saves the sign-in");
    assert!(!record.contains(SECRET), "a copy never stores the secret");
    w.browser.client.refresh().await.unwrap();
    w.browser.find(&testids::sel(testids::CLIENT_CARD)).await;
    assert!(app.session_storage_is_empty().await);
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_provider_error_page_then_typing_the_address_leaves_nothing() {
    let w = World::new().await;
    let app = AppPage::open(&w.browser, &w.app_url).await;
    ClientStep::of(&app).use_provider(&w.provider_url).await;
    ClientStep::of(&app)
        .fill_client("999-unknown.apps.googleusercontent.com", SECRET)
        .await;
    ConsentStep::of(&app).go_to_consent().await;
    // The provider shows its own error page and never redirects back.
    w.browser.wait_text("#error-code", "invalid_client").await;
    w.browser.client.goto(&w.app_url).await.unwrap();
    w.browser.find(&testids::sel(testids::CLIENT_CARD)).await;
    assert!(app.session_storage_is_empty().await);
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_callback_is_explained_and_forgets_the_record() {
    let w = World::new().await;
    let app = w.page().await;
    ConsentStep::of(&app).go_to_consent().await;
    w.browser.find("#allow").await;
    let malformed = format!("{}?code=a&code=b&state=x", w.app_url);
    w.browser.client.goto(&malformed).await.unwrap();
    app.see_error(testids::RETURN_PROBLEM, "more than once")
        .await;
    assert_eq!(w.browser.url().await, w.app_url, "the query is stripped");
    assert!(app.session_storage_is_empty().await);
    assert_eq!(w.provider.count("token"), 0);
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sign_in_older_than_ten_minutes_is_refused() {
    let w = World::new().await;
    let app = w.page().await;
    let consent = ConsentStep::of(&app).consent_url().await;
    ConsentStep::of(&app).copy_url().await;
    stored_record(&app).await.expect("saved");
    // Eleven minutes pass (the record's clock is turned back).
    w.browser
        .run(&format!(
            "const r = JSON.parse(sessionStorage.getItem('{PENDING_KEY}')); \
             r.created_ms -= 11 * 60 * 1000; \
             sessionStorage.setItem('{PENDING_KEY}', JSON.stringify(r)); return 1"
        ))
        .await;
    // The copied URL, opened in this tab.
    w.browser.client.goto(&consent).await.unwrap();
    ProviderConsent::of(&app).allow().await;
    app.see_error(testids::RETURN_PROBLEM, "too long ago").await;
    assert_eq!(w.provider.count("token"), 0, "nothing was sent");
    assert!(app.session_storage_is_empty().await);
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redirect_without_state_is_refused() {
    let w = World::new().await;
    let app = w.page().await;
    ConsentStep::of(&app).go_to_consent().await;
    w.browser.find("#allow").await;
    let bare = format!("{}?code=4/0Aslipped-in", w.app_url);
    w.browser.client.goto(&bare).await.unwrap();
    app.see_error(testids::RETURN_PROBLEM, "carries no").await;
    assert_eq!(
        w.provider.count("token"),
        0,
        "the token endpoint saw nothing"
    );
    assert!(app.session_storage_is_empty().await);
    assert_eq!(w.browser.url().await, w.app_url);
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redirect_naming_another_issuer_is_refused() {
    let w = World::new().await;
    let app = w.page().await;
    let state = param(&ConsentStep::of(&app).consent_url().await, "state");
    ConsentStep::of(&app).go_to_consent().await;
    w.browser.find("#allow").await;
    let mixed_up = url::Url::parse_with_params(
        &w.app_url,
        &[
            ("code", "4/0Afrom-elsewhere"),
            ("state", state.as_str()),
            ("iss", "https://evil.example"),
        ],
    )
    .unwrap();
    w.browser.client.goto(mixed_up.as_str()).await.unwrap();
    let said = app
        .see_error(testids::RETURN_PROBLEM, "another provider")
        .await;
    assert!(said.contains("https://evil.example"), "{said}");
    assert_eq!(w.provider.count("token"), 0);
    assert!(app.session_storage_is_empty().await);
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_providers_get_two_different_states_and_challenges() {
    let w = World::new().await;
    let (_other, other_url) = second_provider(&w).await;
    let app = w.page().await;
    let first = ConsentStep::of(&app).consent_url().await;
    ClientStep::of(&app).use_provider(&other_url).await;
    let second = ConsentStep::of(&app).consent_url().await;
    assert!(second.starts_with(&other_url), "{second}");
    assert_ne!(param(&first, "state"), param(&second, "state"));
    assert_ne!(
        param(&first, "code_challenge"),
        param(&second, "code_challenge")
    );
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn checks_after_the_form_changed_go_to_the_issuing_provider() {
    let w = World::new().await;
    let (other, other_url) = second_provider(&w).await;
    let app = w.page().await;
    app.sign_in().await;
    // The user points the form elsewhere after the tokens came, then goes back to them.
    ClientStep::of(&app).use_provider(&other_url).await;
    app.open_step("use").await;
    let host = w.provider_url.trim_start_matches("http://");
    let note = w
        .browser
        .wait_text(&testids::sel(testids::CHECKS_GO_TO), host)
        .await;
    assert!(note.contains("issued these tokens"), "{note}");
    app.check(testids::REFRESH_NOW_PROVE, "prove-refresh", "works")
        .await;
    app.check(
        testids::TOKENINFO,
        testids::TOKENINFO_RESULT,
        "tester@example.com",
    )
    .await;
    assert_eq!(w.provider.count("token:refresh_token"), 1);
    assert_eq!(w.provider.count("tokeninfo"), 1);
    assert_eq!(other.count("token") + other.count("tokeninfo"), 0);
    w.assert_no_secret_left(&app).await;

    // A refresh token typed into "I already have a refresh token" belongs to the provider and
    // client chosen there: the access token it yields is checked there, and so is the next
    // refresh and the revocation, whatever the form names afterwards.
    let typed = w
        .provider
        .issue_refresh_token(CLIENT_ID, &["https://www.googleapis.com/auth/bigquery"]);
    let app = w.page().await;
    RefreshCard::of(&app)
        .refresh_with(CLIENT_ID, SECRET, &typed)
        .await;
    app.see_error(testids::REFRESH_RESULT, "The refresh token works")
        .await;
    ClientStep::of(&app).use_provider(&other_url).await;
    app.open_task("check-token").await;
    let note = w
        .browser
        .wait_text(&testids::sel(testids::CHECKS_GO_TO), host)
        .await;
    assert!(note.contains("issued these tokens"), "{note}");
    app.check(
        testids::TOKENINFO,
        testids::TOKENINFO_RESULT,
        "tester@example.com",
    )
    .await;
    app.check(testids::REFRESH_NOW_PROVE, "prove-refresh", "works")
        .await;
    ProveCard::of(&app).revoke("Revoked").await;
    assert_eq!(w.provider.count("token:refresh_token"), 3);
    assert_eq!(w.provider.count("tokeninfo"), 2);
    assert_eq!(w.provider.count("revoke"), 1);
    assert_eq!(
        other.count("token") + other.count("tokeninfo") + other.count("revoke"),
        0
    );
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}
