//! The build users get, end to end: the Google-only page (`dist/`), with Google's host names
//! resolved to the local provider inside the test browser (over TLS, with a certificate made
//! at test time), and the CSP of both builds put to the test in the browser.

use e2e::pages::client::ClientStep;
use e2e::pages::consent::ConsentStep;
use e2e::pages::{AppPage, Storage};
use e2e::world::{World, CLIENT_ID, SECRET, UNLISTED_HOST};
use refresh_token_helper::testids;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_shipped_page_gets_a_refresh_token_from_google() {
    let w = World::google().await;
    let app = w.page().await;
    assert!(
        !w.browser.has(&testids::sel(testids::PROVIDER)).await,
        "the Google-only build has no provider choice"
    );
    let consent = ConsentStep::of(&app).consent_url().await;
    assert!(
        consent.starts_with("https://accounts.google.com/o/oauth2/v2/auth?"),
        "{consent}"
    );
    w.browser
        .wait_text(
            &testids::sel(testids::SENDS_TO),
            "oauth2.googleapis.com only",
        )
        .await;
    let shown = app.sign_in().await;
    assert_eq!(vec![shown], w.provider.refresh_tokens());
    assert_eq!(w.provider.count("token:authorization_code"), 1);
    assert_eq!(w.browser.url().await, w.app_url);
    // The checks reach Google's hosts too.
    app.check(
        testids::TOKENINFO,
        testids::TOKENINFO_RESULT,
        "tester@example.com",
    )
    .await;
    app.check(
        testids::TEST_BIGQUERY,
        testids::BIGQUERY_RESULT,
        "The call works",
    )
    .await;
    assert!(app.session_storage_is_empty().await);
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_google_only_csp_refuses_any_other_host() {
    let w = World::google().await;
    let app = w.page().await;
    let unlisted = format!("https://{UNLISTED_HOST}/token");
    assert_eq!(app.post_from_page(&unlisted).await, "blocked connect-src");
    // Not even the local provider by its own address: only Google's names are listed.
    let direct = format!("{}/token", w.provider_url);
    assert_eq!(app.post_from_page(&direct).await, "blocked connect-src");
    // Google's token host is allowed (the provider answers it, here with an error).
    assert_eq!(
        app.post_from_page("https://oauth2.googleapis.com/token")
            .await,
        "sent"
    );
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_any_provider_csp_allows_its_origins_and_nothing_else() {
    let w = World::new().await;
    let app = w.page().await;
    let direct = format!("{}/token", w.provider_url);
    assert_eq!(app.post_from_page(&direct).await, "sent");
    assert_eq!(
        app.post_from_page("https://127.0.0.2:9/token").await,
        "blocked connect-src"
    );
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn planted_settings_cannot_point_the_google_only_page_elsewhere() {
    let w = World::google().await;
    let app = AppPage::open(&w.browser, &w.app_url).await;
    // Another page on the same origin writes "remembered" settings of its choosing.
    let planted = serde_json::json!({
        "client_id": CLIENT_ID,
        "provider": "custom",
        "authorization_endpoint": "https://accounts.google.com/o/oauth2/v2/auth",
        "token_endpoint": format!("https://{UNLISTED_HOST}/token"),
    });
    app.plant(Storage::Local, "rth.settings", &planted.to_string())
        .await;
    let app = AppPage::open(&w.browser, &app.url).await;
    ClientStep::of(&app).fill_client(CLIENT_ID, SECRET).await;
    ConsentStep::of(&app).at_consent().await;
    w.browser
        .wait_text(
            &testids::sel(testids::SENDS_TO),
            "oauth2.googleapis.com only",
        )
        .await;
    app.sign_in().await;
    assert_eq!(w.provider.count("token:authorization_code"), 1);
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_endpoint_on_another_site_is_warned_about() {
    let w = World::new().await;
    let app = w.page().await;
    assert!(!w.browser.has(&testids::sel(testids::TOKEN_ELSEWHERE)).await);
    ClientStep::of(&app)
        .set_authorization_endpoint("https://accounts.google.com/o/oauth2/v2/auth")
        .await;
    ConsentStep::of(&app).at_consent().await;
    w.browser
        .wait_text(
            &testids::sel(testids::TOKEN_ELSEWHERE),
            "would go to 127.0.0.1",
        )
        .await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_refuses_to_run_inside_a_frame() {
    let w = World::google().await;
    let dir = e2e::fresh_dir("framer");
    std::fs::write(
        dir.join("index.html"),
        format!(
            "<!doctype html><title>framer</title><iframe src=\"{}\" width=800 height=600></iframe>",
            w.app_url
        ),
    )
    .unwrap();
    let framer = e2e::site::spawn(dir, "/").await;
    w.browser.client.goto(&framer).await.unwrap();
    w.browser.find("iframe").await;
    w.browser.client.clone().enter_frame(0).await.unwrap();
    let said = w
        .browser
        .wait_text(
            &testids::sel(testids::FRAMED),
            "does not run inside another page's frame",
        )
        .await;
    assert!(said.contains(&w.app_url), "{said}");
    assert!(!w.browser.has(&testids::sel(testids::CLIENT_SECRET)).await);
    w.finish().await;
}
