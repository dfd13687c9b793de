//! One world for every browser story: the local provider with a registered client, the
//! release page served on loopback, and a headless Chromium. The end-to-end tests, the
//! screenshots and the benchmark all start from here.

use crate::driver::Browser;
use crate::pages::client::ClientStep;
use crate::pages::AppPage;
use crate::provider::{ClientConfig, Provider};
use crate::site::{self, Build};

pub const CLIENT_ID: &str = "123-e2e.apps.googleusercontent.com";
pub const SECRET: &str = "GOCSPX-e2e-client-secret";

pub use crate::tls::UNLISTED_HOST;

pub struct World {
    pub build: Build,
    pub provider: Provider,
    pub provider_url: String,
    pub app_url: String,
    pub browser: Browser,
}

/// What to build the world with.
pub struct Setup<'a> {
    pub client_id: &'a str,
    pub secret: &'a str,
    /// The consent screen is in "Testing": refresh tokens expire in 7 days.
    pub testing: bool,
    /// Where the page is served: `/` or a subpath such as `/tools/refresh-token/`.
    pub base: &'a str,
    /// Which build: the any-provider one points at the local provider by its loopback
    /// address; the Google-only one reaches it under Google's own host names.
    pub build: Build,
}

impl Default for Setup<'_> {
    fn default() -> Self {
        Self {
            client_id: CLIENT_ID,
            secret: SECRET,
            testing: false,
            base: "/",
            build: Build::AnyProvider,
        }
    }
}

impl World {
    pub async fn build(setup: Setup<'_>) -> Self {
        let provider = Provider::new();
        let provider_url = provider.spawn().await;
        let app_url = site::spawn(site::dist_of(setup.build), setup.base).await;
        provider.register(ClientConfig {
            id: setup.client_id.into(),
            secret: setup.secret.into(),
            redirect_uris: vec![app_url.clone(), "http://localhost".into()],
            testing: setup.testing,
        });
        let browser = match setup.build {
            Build::AnyProvider => Browser::for_any_provider().await,
            // Google's names lead to the local provider inside this browser only.
            Build::GoogleOnly => Browser::for_google(provider.spawn_as_google().await).await,
        };
        World {
            build: setup.build,
            provider,
            provider_url,
            app_url,
            browser,
        }
    }

    pub async fn new() -> Self {
        Self::build(Setup::default()).await
    }

    /// The build users get: the Google-only page, reaching the local provider under Google's
    /// own host names.
    pub async fn google() -> Self {
        Self::build(Setup {
            build: Build::GoogleOnly,
            ..Setup::default()
        })
        .await
    }

    /// Opens the page and fills the client form for the local provider.
    pub async fn page_with(&self, secret: &str) -> AppPage<'_> {
        let app = AppPage::open(&self.browser, &self.app_url).await;
        if self.build == Build::AnyProvider {
            ClientStep::of(&app).use_provider(&self.provider_url).await;
        }
        ClientStep::of(&app).fill_client(CLIENT_ID, secret).await;
        app
    }

    pub async fn page(&self) -> AppPage<'_> {
        self.page_with(SECRET).await
    }

    /// Asserts that the browser holds no secret anywhere it must not: the address, the
    /// history entry, both storages, cookies and the console; and that the console shows no
    /// error.
    pub async fn assert_no_secret_left(&self, app: &AppPage<'_>) {
        let traces = app.traces().await;
        let mut secrets = vec![SECRET.to_owned()];
        secrets.extend(self.provider.codes());
        secrets.extend(self.provider.refresh_tokens());
        secrets.extend(self.provider.access_tokens());
        for secret in &secrets {
            assert!(
                !traces.contains(secret.as_str()),
                "a secret was left behind: {traces}"
            );
        }
        // The code is never in the address; nor the `?` that carried it.
        assert!(!app.browser.url().await.contains("code="));
    }

    pub async fn finish(self) {
        self.browser.close().await;
    }
}
