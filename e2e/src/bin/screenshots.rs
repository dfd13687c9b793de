//! Takes a screenshot of each step of the flow against the local provider, for the README:
//! `cargo run -p e2e --bin screenshots -- docs/screenshots` (after `trunk build --release`).

use refresh_token_helper::testids;
use std::path::{Path, PathBuf};

use e2e::browser::{AppPage, Browser};
use e2e::world::{Setup, World};

const CLIENT_ID: &str = "123456789012-example.apps.googleusercontent.com";
const SECRET: &str = "GOCSPX-example-secret";

/// The top of the page as a 1000 × 1400 window shows it.
async fn shoot(browser: &Browser, dir: &Path, name: &str) {
    browser
        .client
        .set_window_size(1000, 1400)
        .await
        .expect("resizable");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let png = browser.client.screenshot().await.expect("a screenshot");
    save(dir, name, &png);
}

/// One element (a card), whole.
async fn shoot_element(browser: &Browser, dir: &Path, name: &str, css: &str) {
    browser
        .client
        .set_window_size(1000, 4000)
        .await
        .expect("resizable");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let png = browser
        .find(css)
        .await
        .screenshot()
        .await
        .expect("a screenshot");
    save(dir, name, &png);
}

fn save(dir: &Path, name: &str, png: &[u8]) {
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png).expect("writable");
    println!("{}", path.display());
}

#[tokio::main]
async fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "docs/screenshots".into()),
    );
    std::fs::create_dir_all(&dir).expect("a screenshot folder");
    let world = World::build(Setup {
        client_id: CLIENT_ID,
        secret: SECRET,
        testing: true,
        build: e2e::site::Build::GoogleOnly,
        ..Setup::default()
    })
    .await;
    let browser = &world.browser;
    let app = AppPage::open(browser, &world.app_url).await;
    shoot(browser, &dir, "1-start").await;
    app.fill_client(CLIENT_ID, SECRET).await;
    browser
        .run("document.querySelector('[data-testid=advanced]').open = false")
        .await;
    browser.find(&testids::sel(testids::CONSENT_URL)).await;
    shoot_element(
        browser,
        &dir,
        "2-consent-url",
        &testids::sel(testids::CONSENT_CARD),
    )
    .await;
    app.go_to_consent().await;
    browser.find("#allow").await;
    shoot(browser, &dir, "3-provider-consent").await;
    app.allow().await;
    app.see_refresh_token().await;
    // As a user first sees it: masked.
    app.click_testid("refresh-token-reveal").await;
    shoot_element(
        browser,
        &dir,
        "4-tokens",
        &testids::sel(testids::TOKENS_CARD),
    )
    .await;
    app.click_testid(testids::TOKENINFO).await;
    browser.find(&testids::sel(testids::TOKENINFO_RESULT)).await;
    app.type_testid(testids::LS_PROJECT, "my-gcp-project").await;
    shoot_element(
        browser,
        &dir,
        "5-prove-and-export",
        &testids::sel(testids::PROVE_CARD),
    )
    .await;
    shoot_element(
        browser,
        &dir,
        "6-linked-service",
        &testids::sel(testids::EXPORT_CARD),
    )
    .await;
    drop(app);
    world.finish().await;
}
