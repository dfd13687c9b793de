//! The cards in headless Chromium: the consent URL built from the filled form, the pending
//! flow written before leaving and read back, a redirect handled on load, and the refresh card
//! posting to its token endpoint.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use refresh_token_helper::browser::storage::PENDING_FLOW_KEY;
use refresh_token_helper::form::Settings;
use refresh_token_helper::oauth::Secret;
use refresh_token_helper::oauth::{Attempt, PendingFlow};
use refresh_token_helper::ui::app::{provide_contexts, App};
use refresh_token_helper::ui::sign_in::client_card::ClientCard;
use refresh_token_helper::ui::sign_in::setup_card::SetupCard;
use refresh_token_helper::ui::sign_in::tokens_card::TokensCard;
use refresh_token_helper::ui::state::form::FormState;
use refresh_token_helper::ui::state::status::Status;
use refresh_token_helper::ui::state::tokens::TokenState;
use refresh_token_helper::ui::tasks::refresh_card::RefreshCard;
use refresh_token_helper::ui::use_them::commands_card::CommandsCard;
use wasm_bindgen::JsCast as _;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Event, EventInit, HtmlElement, HtmlInputElement, HtmlTextAreaElement, Storage};

wasm_bindgen_test_configure!(run_in_browser);

const CLOSED_PORT: &str = "http://127.0.0.1:9";

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn session() -> Storage {
    window().session_storage().unwrap().unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets the reactive system apply what an event changed (it renders in a later task).
async fn settle() {
    leptos::task::tick().await;
}

/// Lets the page finish mounting: the cards below the first screen render one task later.
async fn after_mount() {
    sleep(0).await;
    settle().await;
}

/// A mounted page; removed from the document when dropped.
struct Page {
    host: HtmlElement,
    _app: Box<dyn std::any::Any>,
}

impl Page {
    fn mount() -> Self {
        Self::mount_view(App)
    }

    /// Mounts one card, or anything else, with the contexts `view` provides itself.
    fn mount_view<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> Self {
        let document = window().document().unwrap();
        let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&host).unwrap();
        let app = mount_to(host.clone(), view);
        Self {
            host,
            _app: Box::new(app),
        }
    }

    fn find(&self, testid: &str) -> Option<web_sys::Element> {
        self.host
            .query_selector(&format!("[data-testid={testid}]"))
            .unwrap()
    }

    fn text(&self, testid: &str) -> String {
        self.find(testid)
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    async fn fill(&self, testid: &str, value: &str) {
        let element = self.find(testid).unwrap_or_else(|| panic!("no {testid}"));
        if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            input.set_value(value);
        } else {
            element
                .unchecked_ref::<HtmlTextAreaElement>()
                .set_value(value);
        }
        let init = EventInit::new();
        init.set_bubbles(true);
        element
            .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
        settle().await;
    }

    async fn choose(&self, testid: &str, value: &str) {
        let select: web_sys::HtmlSelectElement = self.find(testid).unwrap().unchecked_into();
        select.set_value(value);
        let init = EventInit::new();
        init.set_bubbles(true);
        select
            .dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap())
            .unwrap();
        settle().await;
    }

    async fn click(&self, testid: &str) {
        self.find(testid)
            .unwrap_or_else(|| panic!("no {testid}"))
            .unchecked_into::<HtmlElement>()
            .click();
        settle().await;
    }

    /// Picks a task in "What do you need?" and waits for its card (`testid`), which the page
    /// builds the first time it is shown (src/ui/parts.rs).
    async fn open_task(&self, task: &str, testid: &str) {
        self.click(&format!("task-{task}")).await;
        self.appears(testid).await;
    }

    /// Opens the consent step in the progress line and waits for its cards, which the page
    /// builds the first time the step opens (src/ui/parts.rs).
    async fn open_consent(&self) {
        self.host
            .query_selector("[data-goto=consent]")
            .unwrap()
            .expect("the progress line's consent step")
            .unchecked_into::<HtmlElement>()
            .click();
        self.appears("consent-card").await;
    }

    /// Waits up to 10 s for `testid` to be in the page.
    async fn appears(&self, testid: &str) {
        for _ in 0..200 {
            if self.find(testid).is_some() {
                return;
            }
            sleep(50).await;
        }
        panic!("{testid} did not appear");
    }

    /// Waits up to 10 s for `testid`'s text to contain `needle`.
    async fn wait_text(&self, testid: &str, needle: &str) -> String {
        for _ in 0..200 {
            let text = self.text(testid);
            if text.contains(needle) {
                return text;
            }
            sleep(50).await;
        }
        panic!(
            "{testid} never said {needle:?}; it says {:?}",
            self.text(testid)
        );
    }

    async fn use_closed_provider(&self) {
        self.choose("provider", "custom").await;
        self.fill("authorization-endpoint", &format!("{CLOSED_PORT}/auth"))
            .await;
        self.fill("token-endpoint", &format!("{CLOSED_PORT}/token"))
            .await;
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        self.host.remove();
    }
}

/// What sits inside a closed disclosure on the first screen: the setup guide's text, the
/// client file import and the Advanced options.
const INSIDE_CLOSED: [&str; 2] = ["testing-warning", "redirect-override"];

#[wasm_bindgen_test]
async fn the_client_file_import_is_built_when_first_opened() {
    session().clear().unwrap();
    let page = Page::mount();
    after_mount().await;
    assert!(
        page.find("client-file-text").is_none(),
        "not before it is opened"
    );
    page.find("client-file-import")
        .unwrap()
        .set_attribute("open", "")
        .unwrap();
    page.appears("client-file-text").await;
}

#[wasm_bindgen_test]
async fn closed_disclosures_are_filled_one_task_after_the_page_mounts() {
    session().clear().unwrap();
    let page = Page::mount();
    // Mounted: the form is there to type into; what the closed disclosures hold is not built yet.
    assert!(page.find("client-id").is_some());
    for testid in ["setup-guide", "client-file-import", "advanced"] {
        assert!(
            page.find(testid).is_some(),
            "{testid} is on the first screen"
        );
    }
    for testid in INSIDE_CLOSED {
        assert!(page.find(testid).is_none(), "{testid} is built after mount");
    }
    after_mount().await;
    for testid in INSIDE_CLOSED {
        assert!(page.find(testid).is_some(), "{testid} one task after mount");
    }
    assert!(page
        .text("setup-guide")
        .contains("application type Web application"));
}

#[wasm_bindgen_test]
async fn a_card_mounted_on_its_own_fills_its_disclosures_at_once() {
    session().clear().unwrap();
    let page = Page::mount_view(|| {
        provide_contexts();
        view! { <SetupCard redirect_uri=None /> <ClientCard /> }
    });
    for testid in INSIDE_CLOSED {
        assert!(
            page.find(testid).is_some(),
            "{testid} without a page around it"
        );
    }
}

#[wasm_bindgen_test]
async fn the_consent_url_follows_the_filled_form() {
    session().clear().unwrap();
    let page = Page::mount();
    after_mount().await;
    page.open_consent().await;
    assert!(
        page.find("consent-blocked").is_some(),
        "nothing to consent to yet"
    );
    page.fill("client-id", "42-test.apps.googleusercontent.com")
        .await;
    page.choose("preset", "google-ads").await;
    let url = page.text("consent-url");
    assert!(url.starts_with("https://accounts.google.com/o/oauth2/v2/auth?client_id=42-test.apps.googleusercontent.com&"));
    assert!(url.contains("scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fadwords"));
    assert!(url.contains("access_type=offline&prompt=consent"));
    assert!(url.contains("code_challenge_method=S256"));
    let params = page.text("consent-params");
    assert!(params.contains("access_type") && params.contains("ask for a refresh token"));
    assert!(page
        .find("go-to-consent")
        .unwrap()
        .get_attribute("disabled")
        .is_none());

    page.fill("client-id", "has space").await;
    assert!(page.find("consent-url").is_none());
    assert!(page
        .text("consent-blocked")
        .contains("Client ID is not valid"));
}

#[wasm_bindgen_test]
async fn the_pending_flow_is_written_before_the_url_is_used_and_reads_back() {
    session().clear().unwrap();
    let page = Page::mount();
    after_mount().await;
    page.open_consent().await;
    page.use_closed_provider().await;
    page.fill("client-id", "cid-1").await;
    page.fill("client-secret", "GOCSPX-kept").await;
    page.click("copy-consent-url").await;
    let record = session()
        .get_item(PENDING_FLOW_KEY)
        .unwrap()
        .expect("written on copy");
    let flow = PendingFlow::from_record(&record, js_sys::Date::now()).unwrap();
    assert_eq!(flow.client_id.as_str(), "cid-1");
    assert!(
        flow.client_secret.is_none() && flow.secret_withheld,
        "a copied URL's record never holds the secret"
    );
    assert_eq!(flow.provider.token.as_str(), "http://127.0.0.1:9/token");
    let url = page.text("consent-url");
    assert!(url.contains(&format!("state={}", flow.state.as_str())));
    assert!(url.contains(&format!(
        "code_challenge={}",
        flow.verifier.as_ref().unwrap().challenge()
    )));
    session().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_redirect_on_load_is_stripped_checked_and_exchanged() {
    session().clear().unwrap();
    let location = window().location();
    let here = format!(
        "{}{}",
        location.origin().unwrap(),
        location.pathname().unwrap()
    );
    let settings = Settings {
        client_id: "cid-2".into(),
        provider: refresh_token_helper::form::ProviderChoice::Custom,
        authorization_endpoint: format!("{CLOSED_PORT}/auth"),
        token_endpoint: format!("{CLOSED_PORT}/token"),
        ..Settings::default()
    };
    let page_uri = refresh_token_helper::oauth::RedirectUri::for_page(&here).unwrap();
    let client = settings.validate(Some(&page_uri), "GOCSPX-s").unwrap();
    let attempt = Attempt::generate().unwrap();
    session()
        .set_item(
            PENDING_FLOW_KEY,
            PendingFlow::start(&client, &attempt, js_sys::Date::now())
                .record(true)
                .expose(),
        )
        .unwrap();
    let redirect = format!(
        "{here}?state={}&code=4%2F0Atest&scope=x",
        attempt.state.as_str()
    );
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&redirect))
        .unwrap();

    let page = Page::mount();
    after_mount().await;
    assert_eq!(
        window().location().search().unwrap(),
        "",
        "the code left the address at once"
    );
    assert_eq!(
        session().get_item(PENDING_FLOW_KEY).unwrap(),
        None,
        "read once, deleted"
    );
    // The form is restored from the pending flow, and the exchange went to its token endpoint.
    let id: HtmlInputElement = page.find("client-id").unwrap().unchecked_into();
    assert_eq!(id.value(), "cid-2");
    page.wait_text("exchange-error", "no answer the page could read")
        .await;
}

#[wasm_bindgen_test]
async fn a_forged_redirect_is_refused_on_load_and_nothing_can_exchange_it() {
    session().clear().unwrap();
    let location = window().location();
    let here = format!(
        "{}{}",
        location.origin().unwrap(),
        location.pathname().unwrap()
    );
    window()
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{here}?code=abc&state=s")),
        )
        .unwrap();
    let page = Page::mount();
    after_mount().await;
    assert_eq!(window().location().search().unwrap(), "");
    let problem = page.text("return-problem");
    assert!(problem.contains("did not start"), "{problem}");
    assert!(problem.contains("Start the sign-in again from this page"));
    // With the whole form filled in, the forged code still has no way to the token endpoint.
    page.use_closed_provider().await;
    page.fill("client-id", "cid-forged").await;
    page.fill("client-secret", "GOCSPX-victim").await;
    assert!(
        page.find("waiting-code").is_none() && page.find("exchange-waiting-code").is_none(),
        "no offer to exchange the received code"
    );
    // The refusal left the user where they were; pasting the forged address happens in the
    // consent step, which they open themselves.
    page.host
        .query_selector("[data-goto=consent]")
        .unwrap()
        .expect("the progress line's consent step")
        .unchecked_into::<HtmlElement>()
        .click();
    after_mount().await;
    page.fill("callback-input", &format!("{here}?code=abc&state=s"))
        .await;
    page.click("exchange-pasted").await;
    assert!(page
        .text("manual-error")
        .contains("No sign-in of this tab is waiting"));
    assert!(page
        .find("exchange-progress")
        .unwrap()
        .get_attribute("hidden")
        .is_some());
}

#[wasm_bindgen_test]
async fn remembered_settings_that_steer_the_sign_in_are_shown_and_marked() {
    session().clear().unwrap();
    let local = window().local_storage().unwrap().unwrap();
    let planted = Settings {
        client_id: "cid-planted".into(),
        redirect_override: "http://localhost".into(),
        prompt: "omitted".into(),
        login_hint: "victim@example.com".into(),
        scopes: "https://www.googleapis.com/auth/bigquery openid".into(),
        pkce: false,
        ..Settings::default()
    };
    local
        .set_item(
            refresh_token_helper::browser::storage::SETTINGS_KEY,
            &serde_json::to_string(&planted).unwrap(),
        )
        .unwrap();
    let page = Page::mount();
    after_mount().await;
    local.clear().unwrap();
    let advanced = page.find("advanced").unwrap();
    assert!(advanced.has_attribute("open"), "Advanced opens by itself");
    let mark = page.text("restored-settings");
    for named in [
        "Restored from this computer",
        "a redirect URI other than this page",
        "the prompt",
        "a login hint",
        "PKCE turned off",
    ] {
        assert!(mark.contains(named), "{named} in {mark:?}");
    }
    assert!(page.text("restored-scopes").contains("check these scopes"));
    // This is the any-provider build: PKCE off is a choice it shows, with its warning.
    assert!(page
        .find("pkce-off-warning")
        .unwrap()
        .get_attribute("hidden")
        .is_none());
}

#[wasm_bindgen_test]
async fn nothing_remembered_marks_nothing() {
    session().clear().unwrap();
    let page = Page::mount();
    after_mount().await;
    assert!(page.find("restored-settings").is_none());
    assert!(page.find("restored-scopes").is_none());
    assert!(!page.find("advanced").unwrap().has_attribute("open"));
}

/// A service account's key file, as the Cloud console downloads it (a stand-in key).
fn service_account_key() -> String {
    serde_json::json!({
        "type": "service_account",
        "project_id": "proj-1",
        "private_key_id": "kid-123",
        "private_key": "-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n",
        "client_email": "sa@proj-1.iam.gserviceaccount.com",
    })
    .to_string()
}

#[wasm_bindgen_test]
async fn a_pasted_service_account_key_is_read_and_the_box_emptied() {
    session().clear().unwrap();
    let page = Page::mount();
    after_mount().await;
    page.open_task("service-account", "sa-card").await;
    page.fill("sa-text", &service_account_key()).await;
    let area: HtmlTextAreaElement = page.find("sa-text").unwrap().unchecked_into();
    assert_eq!(area.value(), "", "the key is not left on screen");
    let summary = page.text("sa-key");
    assert!(
        summary.contains("sa@proj-1.iam.gserviceaccount.com")
            && summary.contains("kid-123")
            && summary.contains("proj-1"),
        "{summary}"
    );
    let card = page.find("sa-card").unwrap().text_content().unwrap();
    assert!(!card.contains("BEGIN PRIVATE KEY"), "{card}");
}

#[wasm_bindgen_test]
async fn a_service_account_exports_google_ads_on_a_self_hosted_runtime() {
    session().clear().unwrap();
    let page = Page::mount();
    after_mount().await;
    page.open_task("service-account", "sa-card").await;
    page.fill("sa-text", &service_account_key()).await;
    page.choose("sa-connector", "GoogleAdWords").await;
    page.fill("sa-customer", "123-456-7890").await;
    // Google Ads refuses a service account on Azure's own runtime: the page asks for one.
    assert!(page
        .text("sa-json")
        .contains("self-hosted integration runtime"));
    page.fill("sa-runtime", "SelfHostedIR").await;
    let json = page.wait_text("sa-json", "ServiceAuthentication").await;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let tp = &v["properties"]["typeProperties"];
    assert_eq!(v["properties"]["type"], "GoogleAdWords");
    assert_eq!(
        v["properties"]["connectVia"]["referenceName"],
        "SelfHostedIR"
    );
    assert_eq!(tp["email"], "sa@proj-1.iam.gserviceaccount.com");
    assert_eq!(tp["privateKey"]["type"], "AzureKeyVaultSecret");
    assert_eq!(
        tp["privateKey"]["secretName"],
        "google-service-account-private-key"
    );
    assert_eq!(
        tp["googleAdsApiVersion"],
        refresh_token_helper::google::ads::ADS_API_VERSION
    );
    assert!(tp.get("keyFileContent").is_none());
    // No developer token typed: none in the linked service (Google ignores it since 2026-09-09).
    assert!(tp.get("developerToken").is_none(), "{json}");
}

#[wasm_bindgen_test]
async fn the_ads_api_version_picker_offers_the_live_versions_and_warns_before_a_sunset() {
    use refresh_token_helper::google::ads::live_versions;
    session().clear().unwrap();
    let page = Page::mount();
    after_mount().await;
    page.open_task("service-account", "sa-card").await;
    page.choose("sa-connector", "GoogleAdWords").await;
    let now = js_sys::Date::now();
    let live = live_versions(now);
    let select: web_sys::HtmlSelectElement = page.find("sa-api-version").unwrap().unchecked_into();
    let offered: Vec<String> = (0..select.length())
        .filter_map(|i| select.item(i))
        .filter_map(|o| o.get_attribute("value"))
        .collect();
    let names: Vec<&str> = live.iter().map(|v| v.name).collect();
    assert_eq!(offered, names, "the live versions, newest first");
    assert_eq!(select.value(), names[0], "the newest by default");
    let oldest = live[live.len() - 1];
    page.choose("sa-api-version", oldest.name).await;
    let warning = page.text("sa-api-version-sunset");
    assert_eq!(
        warning.is_empty(),
        !oldest.ends_soon(now),
        "{}: {warning:?}",
        oldest.name
    );
    if oldest.ends_soon(now) {
        assert_eq!(
            warning,
            refresh_token_helper::messages::ads_api_sunset(oldest, oldest.days_left(now))
        );
    }
}

#[wasm_bindgen_test]
async fn the_refresh_card_posts_to_the_token_endpoint() {
    session().clear().unwrap();
    let page = Page::mount();
    after_mount().await;
    page.open_task("check-token", "refresh-card").await;
    page.use_closed_provider().await;
    page.click("refresh-now").await;
    assert!(page
        .text("refresh-error")
        .contains("Client ID is not valid"));
    page.fill("refresh-client-id", "cid-3").await;
    page.fill("refresh-token-input", "1//0g-test").await;
    page.click("refresh-now").await;
    page.wait_text("refresh-error", "no answer the page could read")
        .await;
}

#[wasm_bindgen_test]
async fn the_refresh_card_needs_only_the_form_and_the_tokens() {
    // No flow controller, no other card: the refresh card alone with what it reads.
    let page = Page::mount_view(|| {
        let status = Status(RwSignal::new(String::new()));
        let form = FormState::new(None);
        form.settings.update(|s| {
            s.provider = refresh_token_helper::form::ProviderChoice::Custom;
            s.authorization_endpoint = format!("{CLOSED_PORT}/auth");
            s.token_endpoint = format!("{CLOSED_PORT}/token");
        });
        let tokens = TokenState::new(RwSignal::new(Vec::new()), status);
        tokens.refresh_input.set(Secret::new("1//0g-alone"));
        provide_context(status);
        provide_context(form);
        provide_context(tokens);
        view! { <RefreshCard /> }
    });
    settle().await;
    let token: HtmlInputElement = page.find("refresh-token-input").unwrap().unchecked_into();
    assert_eq!(
        token.value(),
        "1//0g-alone",
        "the card shows the tokens' refresh token"
    );
    page.click("refresh-now").await;
    assert!(page
        .text("refresh-error")
        .contains("Client ID is not valid"));
    page.fill("refresh-client-id", "cid-alone").await;
    page.click("refresh-now").await;
    // The request is under way: the button says so until the provider answers.
    assert!(page.text("refresh-now").contains("Refreshing"));
    page.wait_text("refresh-error", "no answer the page could read")
        .await;
}

/// Tokens as a Google code exchange brings them.
fn issued_tokens() -> refresh_token_helper::ui::state::tokens::Tokens {
    use refresh_token_helper::oauth::{grant, ClientId, ClientSecret, Issuance, Prompt, Scopes};
    use refresh_token_helper::oauth::{parse_token_response, Provider, RefreshToken};
    let body = r#"{"access_token":"ya29.a0-test","expires_in":3599,"refresh_token":"1//0g-issued","scope":"https://www.googleapis.com/auth/bigquery","token_type":"Bearer"}"#;
    let provider = Provider::google();
    let client_id = ClientId::parse("cid-issued").unwrap();
    let client_secret = ClientSecret::parse("GOCSPX-issued").unwrap();
    let request = grant::refresh(
        &provider.token,
        grant::Client {
            id: &client_id,
            secret: Some(&client_secret),
        },
        &RefreshToken::parse("1//0g-issued").unwrap(),
    );
    refresh_token_helper::ui::state::tokens::Tokens {
        received: refresh_token_helper::oauth::Received {
            response: parse_token_response(200, body).unwrap(),
            body: Secret::new(body),
            status: 200,
            at_ms: js_sys::Date::now(),
        },
        requested: Scopes::parse("https://www.googleapis.com/auth/bigquery").unwrap(),
        prompt: Prompt::Consent,
        request,
        issued_by: Issuance {
            provider,
            client_id,
            client_secret: Some(client_secret),
        },
    }
}

#[wasm_bindgen_test]
async fn the_tokens_card_gets_the_tokens_a_task_before_the_cards_after_it() {
    let state = std::rc::Rc::new(std::cell::Cell::new(None));
    let keep = state.clone();
    let page = Page::mount_view(move || {
        let (_, tokens, _) = provide_contexts();
        keep.set(Some(tokens));
        view! { <TokensCard /> <CommandsCard /> }
    });
    let tokens = state.get().unwrap();
    tokens.exchanged(issued_tokens());
    settle().await;
    assert!(
        page.find("refresh-token").is_some(),
        "the tokens are on screen"
    );
    assert!(
        page.find("commands-card").is_none() && tokens.access_token.get_untracked().is_none(),
        "the other cards have not started on them yet"
    );
    after_mount().await;
    assert!(
        page.text("commands-card").contains("Code exchange"),
        "one task later the other cards have the exchange"
    );
    assert_eq!(
        tokens.refresh_input.get_untracked().expose(),
        "1//0g-issued"
    );
    assert!(tokens.access_token.get_untracked().is_some());
    assert_eq!(
        tokens
            .access_issuer
            .get_untracked()
            .map(|i| i.client_id.as_str().to_owned()),
        Some("cid-issued".to_owned())
    );
}
