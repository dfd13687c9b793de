//! An attacker's links and planted storage against the build users get (the Google-only
//! `dist/`, Google's host names resolved to the local provider inside the test browser): no
//! code, text or setting that this tab did not make is trusted (RFC 6749 §10.12, RFC 9700
//! §2.1.1 and §4.7).

use e2e::pages::client::ClientStep;
use e2e::pages::consent::ConsentStep;
use e2e::pages::consent::ManualCard;
use e2e::pages::{AppPage, Storage};
use e2e::world::{World, CLIENT_ID, SECRET};
use refresh_token_helper::form::Settings;
use refresh_token_helper::oauth::{Attempt, PendingFlow, RedirectUri};
use refresh_token_helper::testids;

const BIGQUERY: &str = "https://www.googleapis.com/auth/bigquery";

/// A link to the page carrying `query`.
fn link(w: &World, query: &str) -> String {
    format!("{}?{query}", w.app_url)
}

/// A code the attacker got for their own account, with a consent URL of their own.
fn attackers_code(w: &World) -> String {
    w.provider.issue_code(CLIENT_ID, &w.app_url, &[BIGQUERY])
}

/// Asserts that nothing reached the token endpoint and no tokens are on the page.
async fn nothing_was_exchanged(w: &World) {
    w.browser.quiet().await;
    assert_eq!(
        w.provider.count("token"),
        0,
        "a code was sent to the token endpoint"
    );
    assert!(!w.browser.has(&testids::sel(testids::REFRESH_TOKEN)).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_with_someone_elses_code_is_never_exchanged() {
    let w = World::google().await;
    let forged = link(
        &w,
        &format!(
            "state=anything&iss=https%3A%2F%2Faccounts.google.com&code={}&scope={BIGQUERY}",
            attackers_code(&w)
        ),
    );
    let app = AppPage::open(&w.browser, &forged).await;
    let said = app
        .see_error(testids::RETURN_PROBLEM, "did not start")
        .await;
    assert!(
        said.contains("Start the sign-in again from this page"),
        "{said}"
    );
    assert_eq!(
        w.browser.url().await,
        w.app_url,
        "the code left the address"
    );
    // The victim fills in their client, as the old page asked them to: still no way on.
    ClientStep::of(&app).fill_client(CLIENT_ID, SECRET).await;
    w.browser.quiet().await;
    assert!(
        !w.browser
            .has(&testids::sel(testids::EXCHANGE_WAITING_CODE))
            .await
    );
    ManualCard::of(&app).paste_callback(&forged).await;
    app.see_error(testids::MANUAL_ERROR, "No sign-in of this tab is waiting")
        .await;
    nothing_was_exchanged(&w).await;
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_planted_record_without_pkce_does_not_let_a_code_in() {
    let w = World::google().await;
    let app = AppPage::open(&w.browser, &w.app_url).await;
    // A same-origin neighbour writes a pending sign-in of its own making into this tab: with
    // a `state` it knows and no PKCE verifier, so that its code would pass.
    let client = Settings {
        client_id: CLIENT_ID.into(),
        pkce: false,
        ..Settings::default()
    }
    .validate(Some(&RedirectUri::parse(&w.app_url).unwrap()), SECRET)
    .unwrap();
    let attempt = Attempt::generate().unwrap();
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as f64;
    let record = PendingFlow::start(&client, &attempt, now_ms).record(true);
    app.plant(Storage::Session, "rth.pending-flow", record.expose())
        .await;
    let forged = link(
        &w,
        &format!(
            "state={}&iss=https%3A%2F%2Faccounts.google.com&code={}",
            attempt.state.as_str(),
            attackers_code(&w)
        ),
    );
    w.browser.client.goto(&forged).await.unwrap();
    app.see_error(testids::RETURN_PROBLEM, "did not start")
        .await;
    nothing_was_exchanged(&w).await;
    assert!(app.session_storage_is_empty().await);
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_error_link_shows_none_of_the_attackers_words() {
    let w = World::google().await;
    let forged = link(
        &w,
        "error=access_denied&error_description=Your+client+secret+leaked.+Rotate+it+at+\
         https://evil.example&error_uri=https%3A%2F%2Fevil.example%2Frotate&state=forged",
    );
    let app = AppPage::open(&w.browser, &forged).await;
    app.see_error(
        testids::RETURN_PROBLEM,
        "The provider refused a sign-in this tab did not start",
    )
    .await;
    w.browser.quiet().await;
    let page = w.browser.body_text().await;
    assert!(
        !page.contains("leaked") && !page.contains("evil.example"),
        "{page}"
    );
    assert!(!w.browser.has("a[href*='evil.example']").await);
    assert!(!w.browser.has(&testids::sel(testids::PROVIDER_SAID)).await);
    assert_eq!(w.browser.url().await, w.app_url);
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn planted_settings_are_shown_and_pkce_stays_on() {
    let w = World::google().await;
    let app = AppPage::open(&w.browser, &w.app_url).await;
    // A same-origin neighbour writes "remembered" settings: PKCE off, a redirect elsewhere,
    // no forced consent, a login hint and an extra scope.
    let planted = serde_json::json!({
        "client_id": CLIENT_ID,
        "pkce": false,
        "redirect_override": "http://localhost",
        "prompt": "omitted",
        "login_hint": "victim@example.com",
        "preset": "custom",
        "scopes": format!("{BIGQUERY} https://www.googleapis.com/auth/drive"),
        "include_granted_scopes": true,
    });
    app.plant(Storage::Local, "rth.settings", &planted.to_string())
        .await;
    let app = AppPage::open(&w.browser, &app.url).await;
    let consent = ConsentStep::of(&app).consent_url().await;
    assert!(consent.contains("code_challenge_method=S256"), "{consent}");
    assert!(consent.contains("code_challenge="), "{consent}");
    assert!(w.browser.has("[data-testid=advanced][open]").await);
    let mark = w
        .browser
        .wait_text(
            &testids::sel(testids::RESTORED_SETTINGS),
            "Restored from this computer",
        )
        .await;
    for named in [
        "a redirect URI other than this page",
        "the prompt",
        "a login hint",
        "include_granted_scopes",
    ] {
        assert!(mark.contains(named), "{named} in {mark}");
    }
    assert!(
        !mark.contains("PKCE"),
        "the Google-only build has no PKCE to restore: {mark}"
    );
    w.browser
        .wait_text(
            &testids::sel(testids::RESTORED_SCOPES),
            "check these scopes",
        )
        .await;
    assert!(
        !w.browser.has("#pkce").await,
        "no PKCE switch in the Google-only build"
    );
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shared_link_is_marked_as_the_links_and_not_remembered_until_used() {
    let w = World::google().await;
    let b = &w.browser;
    let app = AppPage::open(b, &w.app_url).await;
    // The user remembers their own client.
    let remembered = serde_json::json!({"client_id": CLIENT_ID, "preset": "adf-bigquery",
        "scopes": BIGQUERY, "prompt": "consent", "keep_secret": true, "pkce": true});
    app.plant(Storage::Local, "rth.settings", &remembered.to_string())
        .await;
    let stored = || async {
        b.run("return localStorage.getItem('rth.settings')")
            .await
            .as_str()
            .map(str::to_owned)
            .unwrap_or_default()
    };
    // Someone's link names another client and more scopes.
    let other = "999-someone-else.apps.googleusercontent.com";
    let forged = link(
        &w,
        &format!(
            "client_id={other}&scope={BIGQUERY}%20https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fdrive"
        ),
    );
    let app = AppPage::open(b, &forged).await;
    app.open_step("client").await;
    let mark = b
        .wait_text(
            &testids::sel(testids::LINKED_SETTINGS),
            "From the link you opened",
        )
        .await;
    assert!(mark.contains("the client ID and the scopes"), "{mark}");
    b.wait_text(
        &testids::sel(testids::RESTORED_SCOPES),
        "From the link you opened",
    )
    .await;
    assert_eq!(app.value_of(testids::CLIENT_ID).await, other);
    b.quiet().await;
    let kept = stored().await;
    assert!(
        kept.contains(CLIENT_ID) && !kept.contains(other),
        "opening the link rewrote the remembered settings: {kept}"
    );
    // Going on with them is the user's choice: then they are remembered.
    ClientStep::of(&app).fill_client(other, SECRET).await;
    b.click(&testids::sel("next-consent")).await;
    b.quiet().await;
    assert!(stored().await.contains(other));
    w.finish().await;
}
