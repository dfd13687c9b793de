//! Takes a screenshot of each step of the flow against the local provider, for the README:
//! `cargo run -p e2e --bin screenshots -- docs/screenshots` (after `trunk build --release`).

use std::path::{Path, PathBuf};

use e2e::browser::{AppPage, Browser};
use e2e::provider::{ClientConfig, Provider};
use e2e::site;

const CLIENT_ID: &str = "123456789012-example.apps.googleusercontent.com";
const SECRET: &str = "GOCSPX-example-secret";

async fn shoot(browser: &Browser, dir: &Path, name: &str) {
    // Size the window to the page so the whole of it is in the picture.
    let height = browser
        .run("return Math.ceil(document.documentElement.scrollHeight)")
        .await
        .as_u64()
        .unwrap_or(1600)
        .clamp(600, 6000) as u32;
    browser
        .client
        .set_window_size(1000, height)
        .await
        .expect("resizable");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let png = browser.client.screenshot().await.expect("a screenshot");
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
    let provider = Provider::new();
    let provider_url = provider.spawn().await;
    let app_url = site::spawn(site::dist_dir(), "/").await;
    provider.register(ClientConfig {
        id: CLIENT_ID.into(),
        secret: SECRET.into(),
        redirect_uris: vec![app_url.clone()],
        testing: true,
    });
    let browser = Browser::start().await;
    let app = AppPage::open(&browser, &app_url).await;
    shoot(&browser, &dir, "1-start").await;
    app.use_provider(&provider_url).await;
    app.fill_client(CLIENT_ID, SECRET).await;
    browser
        .run("document.querySelector('[data-testid=advanced]').open = false")
        .await;
    browser.find("[data-testid=consent-url]").await;
    shoot(&browser, &dir, "2-consent-url").await;
    app.go_to_consent().await;
    browser.find("#allow").await;
    shoot(&browser, &dir, "3-provider-consent").await;
    app.allow().await;
    app.see_refresh_token().await;
    shoot(&browser, &dir, "4-tokens").await;
    browser.close().await;
}
