//! Takes the docs' screenshots (`e2e::screenshots` names them) against the local provider, on the build users get: the
//! first screen and the tokens with the Azure Data Factory tab, at 1280 px light and 390 px
//! dark. `cargo run -p e2e --bin screenshots -- docs/screenshots` (after `scripts/release`).

use e2e::pages::client::ClientStep;
use e2e::pages::AppPage;
use std::path::{Path, PathBuf};

use e2e::driver::Browser;
use e2e::screenshots::{file_name, MOMENTS, SCREENS};
use e2e::world::{Setup, World};
use refresh_token_helper::testids;

const CLIENT_ID: &str = "123456789012-example.apps.googleusercontent.com";
const SECRET: &str = "GOCSPX-example-secret";

async fn shoot(browser: &Browser, dir: &Path, name: &str, whole: bool) {
    let png = if whole {
        browser.screenshot_page().await
    } else {
        browser.client.screenshot().await.expect("a screenshot")
    };
    let path = dir.join(name);
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
        testing: false,
        build: e2e::site::Build::GoogleOnly,
        ..Setup::default()
    })
    .await;
    let browser = &world.browser;
    let app = AppPage::open(browser, &world.app_url).await;
    for (name, width, height, dark) in SCREENS {
        browser.emulate(width, height, dark).await;
        shoot(browser, &dir, &file_name(MOMENTS[0], name), false).await;
    }
    ClientStep::of(&app).fill_client(CLIENT_ID, SECRET).await;
    app.sign_in().await;
    browser.find(&testids::sel(testids::LS_PROJECT)).await;
    browser
        .find(&testids::sel(testids::LS_PROJECT))
        .await
        .send_keys("my-gcp-project")
        .await
        .expect("typable");
    browser
        .wait_text(&testids::sel(testids::LS_JSON), "my-gcp-project")
        .await;
    for (name, width, height, dark) in SCREENS {
        browser.emulate(width, height, dark).await;
        shoot(browser, &dir, &file_name(MOMENTS[1], name), true).await;
    }
    drop(app);
    world.finish().await;
}
