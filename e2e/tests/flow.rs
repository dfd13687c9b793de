//! The whole flow in real headless Chromium: the release page served on loopback, pointed at
//! the local Google-faithful provider through the custom-provider settings. Each scenario
//! checks what the user sees, and that no secret is left where it must not be.

use e2e::pages::client::ClientStep;
use e2e::pages::commands::CommandsCard;
use e2e::pages::consent::ConsentStep;
use e2e::pages::consent::ManualCard;
use e2e::pages::consent::ReturnCard;
use e2e::pages::diagnose::DiagnoseCard;
use e2e::pages::exchange_log::ExchangeLog;
use e2e::pages::export::ExportCard;
use e2e::pages::prove::ProveCard;
use e2e::pages::provider_consent::ProviderConsent;
use e2e::pages::refresh::RefreshCard;
use e2e::pages::tokens::TokensCard;
use e2e::pages::AppPage;
use e2e::provider::Fault;
use e2e::world::{World, CLIENT_ID, SECRET};
use refresh_token_helper::testids;

const BIGQUERY: &str = "https://www.googleapis.com/auth/bigquery";
const DRIVE: &str = "https://www.googleapis.com/auth/drive";

async fn world_with(testing: bool) -> World {
    World::build(e2e::world::Setup {
        testing,
        ..Default::default()
    })
    .await
}

async fn world() -> World {
    World::new().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn happy_path_shows_the_providers_refresh_token_and_leaves_no_trace() {
    let w = world().await;
    let app = w.page().await;
    assert!(ConsentStep::of(&app)
        .consent_url()
        .await
        .contains("code_challenge_method=S256"));
    let shown = app.sign_in().await;
    assert_eq!(vec![shown.clone()], w.provider.refresh_tokens());
    assert_eq!(w.provider.count("token:authorization_code"), 1);
    assert_eq!(
        w.browser.url().await,
        w.app_url,
        "the code is gone from the address bar"
    );
    assert!(
        app.session_storage_is_empty().await,
        "the pending flow is deleted once used"
    );
    let scopes = w
        .browser
        .find(&testids::sel(testids::SCOPE_LIST))
        .await
        .text()
        .await
        .unwrap();
    assert!(scopes.contains(BIGQUERY) && !scopes.contains("not granted"));
    w.browser
        .wait_text(&testids::sel(testids::ACCESS_EXPIRY), "expires in")
        .await;
    // The raw answer: masked until revealed.
    w.browser
        .find("[data-testid=raw-token-response] summary")
        .await
        .click()
        .await
        .unwrap();
    let raw = w
        .browser
        .wait_text(&testids::sel(testids::RAW_TOKEN_JSON), "HTTP 200")
        .await;
    assert!(
        raw.contains("\"refresh_token\"") && !raw.contains(&shown),
        "{raw}"
    );
    TokensCard::of(&app).reveal_raw(&shown).await;
    w.assert_no_secret_left(&app).await;

    // A reload, and the back button, never post the used code again.
    w.browser.client.refresh().await.unwrap();
    w.browser.find(&testids::sel(testids::CLIENT_CARD)).await;
    assert!(!w.browser.has(&testids::sel(testids::TOKENS_CARD)).await);
    w.browser
        .client
        .back()
        .await
        .expect("the browser goes back");
    w.browser.settled().await;
    w.browser.quiet().await;
    assert!(
        !w.browser
            .has(&testids::sel(testids::EXCHANGE_PROGRESS))
            .await
    );
    assert_eq!(w.provider.count("token:authorization_code"), 1);
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn denying_consent_is_explained() {
    let w = world().await;
    let app = w.page().await;
    ConsentStep::of(&app).go_to_consent().await;
    ProviderConsent::of(&app).deny().await;
    app.see_error(testids::RETURN_PROBLEM, "Consent was not given")
        .await;
    assert_eq!(w.provider.count("token"), 0);
    assert!(app.session_storage_is_empty().await);
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tampered_state_is_refused_without_exchanging() {
    let w = world().await;
    let app = w.page().await;
    ConsentStep::of(&app).go_to_consent().await;
    w.browser.find("#allow").await;
    // Someone slips the user a redirect of their own.
    let forged = format!("{}?code=4/0Aforged&state=not-this-tabs-state", w.app_url);
    w.browser.client.goto(&forged).await.unwrap();
    app.see_error(testids::RETURN_PROBLEM, "does not belong")
        .await;
    assert_eq!(w.provider.count("token"), 0);
    assert_eq!(w.browser.url().await, w.app_url);
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reused_code_pasted_by_hand_is_explained() {
    let w = world().await;
    let app = w.page().await;
    app.sign_in().await;
    let code = w.provider.codes().remove(0);

    // A manual sign-in of this tab waits for its code; the user pastes the old one.
    let fresh = w.page().await;
    ConsentStep::of(&fresh).copy_url().await;
    ManualCard::of(&fresh).paste_callback(&code).await;
    fresh
        .see_error(testids::EXCHANGE_ERROR, "already used")
        .await;
    assert_eq!(w.provider.count("token:authorization_code"), 2);
    w.assert_no_secret_left(&fresh).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_secret_is_explained() {
    let w = world().await;
    let app = w.page_with("GOCSPX-wrong").await;
    ConsentStep::of(&app).go_to_consent().await;
    ProviderConsent::of(&app).allow().await;
    app.see_error(testids::EXCHANGE_ERROR, "client secret is wrong")
        .await;
    w.browser
        .find("[data-testid=exchange-error] details summary")
        .await
        .click()
        .await
        .unwrap();
    w.browser
        .wait_text(&testids::sel(testids::RAW_ANSWER), "HTTP 401")
        .await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unregistered_redirect_uri_stops_at_the_providers_error_page() {
    let w = world().await;
    let app = w.page().await;
    ClientStep::of(&app)
        .set_redirect_override("http://127.0.0.1:9/not-registered")
        .await;
    let tab = ConsentStep::of(&app).go_to_consent_in_new_tab().await;
    w.browser
        .wait_text("#error-code", "redirect_uri_mismatch")
        .await;
    assert_eq!(w.provider.count("decide"), 0);
    ConsentStep::of(&app).back_to_tab(tab).await;
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_consent_without_prompt_consent_brings_no_refresh_token() {
    let w = world().await;
    let first = w.page().await;
    ClientStep::of(&first).set_prompt("omitted").await;
    first.sign_in().await;

    let second = w.page().await;
    ClientStep::of(&second).set_prompt("omitted").await;
    ConsentStep::of(&second).go_to_consent().await;
    ProviderConsent::of(&second).allow().await;
    second.see_error("token-notice-0", "no refresh token").await;
    assert!(!w.browser.has(&testids::sel(testids::REFRESH_TOKEN)).await);
    TokensCard::of(&second).retry_with_consent().await;
    // Consent is forced now: the consent URL carries prompt=consent again.
    w.browser
        .wait_text(&testids::sel(testids::CONSENT_URL), "prompt=consent")
        .await;
    second.sign_in().await;
    assert_eq!(w.provider.refresh_tokens().len(), 2);
    w.assert_no_secret_left(&second).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scopes_left_unticked_at_consent_are_flagged() {
    let w = world_with(true).await;
    let app = w.page().await;
    ClientStep::of(&app)
        .set_scopes(&format!("{BIGQUERY} {DRIVE}"))
        .await;
    ConsentStep::of(&app).go_to_consent().await;
    ProviderConsent::of(&app)
        .untick_scope_at_consent(DRIVE)
        .await;
    ProviderConsent::of(&app).allow().await;
    TokensCard::of(&app).see_refresh_token().await;
    let notices = w.browser.body_text().await;
    assert!(
        notices.contains("Not every permission was granted"),
        "{notices}"
    );
    assert!(notices.contains("not granted: https://www.googleapis.com/auth/drive"));
    // A "Testing" client: the refresh token's end is said once, with its date, why and what
    // to do; what else ends a token is behind "more", without saying it again.
    let said = w
        .browser
        .wait_text(
            &testids::sel(testids::REFRESH_TOKEN_EXPIRY),
            "stops working in 6 days 23 hours, on ",
        )
        .await;
    assert!(
        said.contains("Testing") && said.contains("Publish the app"),
        "{said}"
    );
    let page = w.browser.body_text().await;
    assert_eq!(page.matches("stops working in").count(), 1, "{page}");
    assert!(
        !page.contains("six months"),
        "the rest waits behind more: {page}"
    );
    let life = TokensCard::of(&app).more_on_its_life("six months").await;
    assert!(life.contains("100 newer"), "{life}");
    assert!(
        !life.contains("External and in Testing"),
        "said once: {life}"
    );
    w.browser.find(&testids::sel(testids::TOKEN_ICS)).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_grant_limited_at_consent_is_told_apart_from_testing_and_its_reminder_follows() {
    // A published app (not in Testing) whose user granted access for about 180 days.
    let w = world_with(false).await;
    w.provider.grant_for_a_limited_time(Some(15_551_999));
    let app = w.page().await;
    app.sign_in().await;
    let said = w
        .browser
        .wait_text(
            &testids::sel(testids::REFRESH_TOKEN_EXPIRY),
            "stops working in 179 days 23 hours, on ",
        )
        .await;
    assert!(
        said.contains("granted access for a limited time") && said.contains("ongoing access"),
        "{said}"
    );
    assert!(
        !said.contains("Testing”") && !said.contains("Publish the app"),
        "not the 7 days of Testing: {said}"
    );
    // Unfolded: the description's lines are folded at 75 octets.
    let ics = TokensCard::of(&app)
        .save_reminder()
        .await
        .replace("\r\n ", "");
    assert!(
        ics.contains("Access was granted for a limited time"),
        "{ics}"
    );
    assert!(!ics.contains("Testing"), "{ics}");
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_refresh_card_works_alone_and_explains_a_revoked_token() {
    let w = world().await;
    let token = w.provider.issue_refresh_token(CLIENT_ID, &[BIGQUERY]);
    let app = AppPage::open(&w.browser, &w.app_url).await;
    ClientStep::of(&app).use_provider(&w.provider_url).await;
    RefreshCard::of(&app)
        .refresh_with(CLIENT_ID, SECRET, &token)
        .await;
    w.browser
        .wait_text(
            &testids::sel(testids::REFRESH_RESULT),
            "The refresh token works",
        )
        .await;
    w.browser
        .wait_text(&testids::sel(testids::REFRESHED_EXPIRY), "expires in")
        .await;
    assert_eq!(w.provider.count("token:refresh_token"), 1);

    w.provider.revoke_refresh_token(&token);
    RefreshCard::of(&app).refresh_again().await;
    app.see_error(testids::REFRESH_ERROR, "no longer works")
        .await;
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_endpoint_faults_are_explained_and_the_form_is_kept() {
    let w = world().await;
    for (fault, says) in [
        (Fault::ServerError, "failed to answer"),
        (Fault::Html, "instead of JSON"),
        (Fault::TruncatedJson, "instead of JSON"),
        (Fault::NoCors, "no answer the page could read"),
        (Fault::Close, "no answer the page could read"),
    ] {
        w.provider.set_fault(fault);
        let app = w.page().await;
        ConsentStep::of(&app).go_to_consent().await;
        ProviderConsent::of(&app).allow().await;
        app.see_error(testids::EXCHANGE_ERROR, says).await;
        // What the user typed is still there to retry with.
        let id = app.value_of(testids::CLIENT_ID).await;
        assert_eq!(id, CLIENT_ID, "after {fault:?}");
    }
    w.provider.set_fault(Fault::None);

    // A token endpoint nobody listens on.
    let app = AppPage::open(&w.browser, &w.app_url).await;
    ClientStep::of(&app).use_provider(&w.provider_url).await;
    ClientStep::of(&app)
        .set_token_endpoint("http://127.0.0.1:9/token")
        .await;
    ClientStep::of(&app).fill_client(CLIENT_ID, SECRET).await;
    ConsentStep::of(&app).go_to_consent().await;
    ProviderConsent::of(&app).allow().await;
    app.see_error(testids::EXCHANGE_ERROR, "no answer the page could read")
        .await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secret_not_kept_across_the_redirect_is_asked_for_on_return() {
    let w = world().await;
    let app = w.page().await;
    ClientStep::of(&app).untick(testids::KEEP_SECRET).await;
    ConsentStep::of(&app).go_to_consent().await;
    ProviderConsent::of(&app).allow().await;
    w.browser.find(&testids::sel(testids::RETURN_SECRET)).await;
    w.browser
        .wait_text(
            &testids::sel(testids::RETURN_SECRET_WHY),
            "You chose not to keep the client secret",
        )
        .await;
    assert_eq!(w.provider.count("token"), 0);
    ReturnCard::of(&app).finish_with_secret(SECRET).await;
    let shown = TokensCard::of(&app).see_refresh_token().await;
    assert_eq!(vec![shown], w.provider.refresh_tokens());
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secret_never_typed_is_asked_for_on_return_without_blaming_a_choice() {
    // Google's token endpoint needs a Web client's secret: the Google-only page asks for it.
    let w = World::google().await;
    let app = w.page().await;
    // The box stays ticked; the secret was never typed (consent reached by the progress line).
    // Emptied as a user does (WebDriver's clear fires no input event).
    w.browser.find(&testids::sel(testids::CLIENT_SECRET)).await;
    w.browser
        .run("const e = document.querySelector('[data-testid=client-secret]'); e.value = ''; e.dispatchEvent(new Event('input', {bubbles: true})); return true")
        .await;
    ConsentStep::of(&app).go_to_consent().await;
    ProviderConsent::of(&app).allow().await;
    let said = w
        .browser
        .wait_text(
            &testids::sel(testids::RETURN_SECRET_WHY),
            "none was typed before consent",
        )
        .await;
    assert!(!said.contains("chose"), "{said}");
    ReturnCard::of(&app).finish_with_secret(SECRET).await;
    let shown = TokensCard::of(&app).see_refresh_token().await;
    assert_eq!(vec![shown], w.provider.refresh_tokens());
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_manual_path_with_localhost_exchanges_a_pasted_address() {
    let w = world().await;
    let app = w.page().await;
    ClientStep::of(&app)
        .set_redirect_override("http://localhost")
        .await;
    // The consent screen opens in a new tab; this tab keeps the sign-in in memory only.
    let tab = ConsentStep::of(&app).go_to_consent_in_new_tab().await;
    ProviderConsent::of(&app).allow().await;
    // Nothing listens on http://localhost here: the browser shows an error page whose
    // address holds the code, which the user copies.
    let landed = w.browser.wait_url("http://localhost/?state=").await;
    ConsentStep::of(&app).back_to_tab(tab).await;
    assert!(
        app.session_storage_is_empty().await,
        "nothing stored for a new tab"
    );
    w.browser.find(&testids::sel(testids::AWAITING_PASTE)).await;
    ManualCard::of(&app).paste_callback(&landed).await;
    let shown = TokensCard::of(&app).see_refresh_token().await;
    assert_eq!(vec![shown], w.provider.refresh_tokens());
    assert!(app.session_storage_is_empty().await);
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn remembered_settings_come_back_without_the_secret() {
    let w = world().await;
    let app = w.page().await;
    ClientStep::of(&app).toggle_remember().await;
    w.browser.client.refresh().await.unwrap();
    let again = AppPage::open(&w.browser, &w.app_url).await;
    let id = again.value_of(testids::CLIENT_ID).await;
    assert_eq!(id, CLIENT_ID);
    let secret = again.value_of(testids::CLIENT_SECRET).await;
    assert_eq!(secret, "", "the secret is never remembered");
    let stored = w
        .browser
        .run("return localStorage.getItem('rth.settings')")
        .await;
    assert!(
        stored.as_str().unwrap().contains(&w.provider_url),
        "endpoints are remembered"
    );
    // Endpoints from storage are never used silently: Advanced is open and they are marked.
    w.browser
        .wait_text(
            &testids::sel(testids::RESTORED_ENDPOINTS),
            "check every endpoint",
        )
        .await;
    let open = w
        .browser
        .run("return document.querySelector('[data-testid=advanced]').open")
        .await;
    assert_eq!(open, serde_json::json!(true));
    w.assert_no_secret_left(&again).await;

    // Unticking forgets.
    ClientStep::of(&again).toggle_remember().await;
    let stored = w.browser.run("return localStorage.length").await;
    assert_eq!(stored, serde_json::json!(0));
    w.finish().await;
}

/// Signed in with the BigQuery scopes (and `openid email`): the world, its page and the
/// refresh token, as the stories after the tokens start.
async fn signed_in(w: &World) -> (AppPage<'_>, String) {
    let app = w.page().await;
    ClientStep::of(&app)
        .set_scopes(&format!("openid email {BIGQUERY}"))
        .await;
    let refresh_token = app.sign_in().await;
    (app, refresh_token)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_id_token_claims_are_decoded_and_said_to_be_unverified() {
    let w = world().await;
    let (app, _) = signed_in(&w).await;
    let claims = w
        .browser
        .find(&testids::sel(testids::ID_TOKEN_CLAIMS))
        .await;
    claims
        .find(fantoccini::Locator::Css("summary"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    w.browser
        .wait_text(
            &testids::sel(testids::ID_TOKEN_CLAIMS),
            "tester@example.com",
        )
        .await;
    w.browser
        .wait_text(&testids::sel(testids::ID_TOKEN_CLAIMS), "not verified")
        .await;
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_linked_service_waits_for_adfs_properties_and_masks_its_secrets() {
    let w = world().await;
    let (app, refresh_token) = signed_in(&w).await;
    let export = ExportCard::of(&app);
    export.still_needs("projectId is required").await;
    assert!(!export.has_json().await);
    export.set_project("demo-project").await;
    let (json, v) = export.json("GoogleBigQueryV2").await;
    let tp = &v["properties"]["typeProperties"];
    assert_eq!(tp["authenticationType"], "UserAuthentication");
    assert_eq!(tp["projectId"], "demo-project");
    assert_eq!(tp["clientId"], CLIENT_ID);
    assert!(tp.get("requestGoogleDriveScope").is_none());
    assert!(!json.contains(&refresh_token) && !json.contains(SECRET));
    export.toggle_reveal().await;
    let (json, _) = export.json(&refresh_token).await;
    assert!(json.contains(SECRET) && json.contains("\"projectId\": \"demo-project\""));
    export.toggle_key_vault().await;
    let (json, _) = export.json("AzureKeyVaultSecret").await;
    assert!(
        !json.contains(&refresh_token),
        "a Key Vault export holds no secret"
    );
    export.toggle_key_vault().await;
    // Revealed values go back under the mask; nothing was stored anywhere.
    export.toggle_reveal().await;
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_google_ads_linked_service_sends_digits_and_the_api_version() {
    let w = world().await;
    let (app, refresh_token) = signed_in(&w).await;
    let export = ExportCard::of(&app);
    export.choose_connector("GoogleAdWords").await;
    export.still_needs("clientCustomerID is required").await;
    export.set_customer("123-456-7890").await;
    export.set_developer_token("dev-token-e2e").await;
    export.toggle_reveal().await;
    let (_, v) = export.json("GoogleAdWords").await;
    let tp = &v["properties"]["typeProperties"];
    assert_eq!(tp["clientCustomerID"], "1234567890");
    assert_eq!(
        tp["googleAdsApiVersion"],
        refresh_token_helper::google::ads::ADS_API_VERSION
    );
    assert_eq!(tp["developerToken"]["value"], "dev-token-e2e");
    assert_eq!(tp["clientId"], CLIENT_ID);
    assert_eq!(tp["refreshToken"]["value"], refresh_token.as_str());
    assert_eq!(
        export.connectors().await,
        serde_json::json!("GoogleBigQueryV2 GoogleAdWords"),
        "no V1 connector"
    );
    export.toggle_reveal().await;
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn curl_and_powershell_ask_for_the_secrets_when_they_run() {
    let w = world().await;
    let (app, refresh_token) = signed_in(&w).await;
    let commands = CommandsCard::of(&app);
    let curl = commands
        .command(0, "--data-urlencode 'grant_type=authorization_code'")
        .await;
    assert!(!curl.contains(SECRET) && curl.contains("IFS= read -r client_secret;"));
    commands.use_powershell().await;
    commands.command(1, "Invoke-RestMethod -Method Post").await;
    // The toggle shows which one is on by more than colour: the pressed one's label is bold.
    let weights = w
        .browser
        .run("return ['format-curl', 'format-powershell'].map(id => getComputedStyle(document.querySelector(`[data-testid=${id}]`)).fontWeight)")
        .await;
    assert_eq!(weights, serde_json::json!(["400", "600"]));
    // Revealed or not, no secret is shown: they are asked for.
    commands.toggle_reveal().await;
    let ps = commands
        .command(
            1,
            "$refresh_token = Read-Host -AsSecureString -Prompt 'Refresh token'",
        )
        .await;
    assert!(!ps.contains(&refresh_token) && !ps.contains(SECRET), "{ps}");
    commands.toggle_reveal().await;
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn proving_and_revoking_are_logged_with_their_secrets_masked() {
    let w = world().await;
    let (app, refresh_token) = signed_in(&w).await;
    // Prove it works: tokeninfo, BigQuery, refresh, then revoke and see refresh fail.
    let prove = ProveCard::of(&app);
    prove.tokeninfo("tester@example.com").await;
    prove.test_bigquery("demo-project").await;
    prove.refresh_now("refresh token works").await;
    // Step 4 says which access token is the newest.
    w.browser
        .wait_text(
            &testids::sel(testids::ACCESS_TOKEN_NEWEST_NOTE),
            "The newest access token, from “Refresh now”",
        )
        .await;
    // Revoke asks first: kept, nothing is sent; confirmed, the token is revoked.
    prove.revoke_then_keep().await;
    assert!(!w.browser.has(&testids::sel(testids::REVOKE_CONFIRM)).await);
    assert_eq!(w.provider.count("revoke"), 0, "kept: nothing sent");
    prove.revoke("Revoked").await;
    prove.refresh_now("no longer works").await;
    // Each answer sits under the button whose call made it.
    let beside = w
        .browser
        .run("return [['prove-refresh', 'refresh-now-prove'], ['tokeninfo-result', 'tokeninfo'], \
              ['bigquery-result', 'test-bigquery'], ['revoke-result', 'revoke']].map(([r, b]) => { \
              const row = document.querySelector(`[data-testid=${r}]`).closest('.check-row'); \
              return row !== null && row === document.querySelector(`[data-testid=${b}]`).closest('.check-row'); })")
        .await;
    assert_eq!(beside, serde_json::json!([true, true, true, true]));
    assert_eq!(w.provider.count("revoke"), 1);
    assert_eq!(w.provider.count("tokeninfo"), 1);
    assert_eq!(w.provider.count("bigquery"), 1);

    // The raw exchange: every request, secrets masked until revealed; built when shown.
    let log = ExchangeLog::of(&app);
    assert!(!log.is_built().await);
    let text = log.show("POST ").await;
    assert_eq!(
        text.matches("\nContent-Type: application/x-www-form-urlencoded")
            .count(),
        5,
        "{text}"
    );
    assert!(text.contains("GET ") && text.contains("Authorization: Bearer "));
    assert!(!text.contains(&refresh_token) && !text.contains(SECRET));
    log.toggle_reveal().await;
    log.text(SECRET).await;
    log.toggle_reveal().await;
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn importing_the_client_file_fills_the_form_and_checks_the_redirect_uri() {
    let w = world().await;
    let app = AppPage::open(&w.browser, &w.app_url).await;
    let other_port = w.app_url.replace("127.0.0.1", "localhost");
    let file = serde_json::json!({"web": {
        "client_id": CLIENT_ID, "client_secret": SECRET, "project_id": "p",
        "redirect_uris": [other_port],
    }});
    let client = ClientStep::of(&app);
    client.import_client_file(&file.to_string()).await;
    w.browser
        .wait_text(&testids::sel(testids::CLIENT_FILE_IMPORTED), "filled in")
        .await;
    let note = w
        .browser
        .wait_text(
            &testids::sel(testids::CLIENT_FILE_NOTE),
            "is not registered",
        )
        .await;
    assert!(note.contains("same machine"), "{note}");
    let id = app.value_of(testids::CLIENT_ID).await;
    assert_eq!(id, CLIENT_ID);

    client
        .import_client_file(r#"{"installed": {"client_id": "x.apps.googleusercontent.com"}}"#)
        .await;
    w.browser
        .wait_text(&testids::sel(testids::CLIENT_FILE_NOTE), "Desktop")
        .await;
    client.import_client_file("not json").await;
    w.browser
        .wait_text(
            &testids::sel(testids::CLIENT_FILE_ERROR),
            "not a Google OAuth client file",
        )
        .await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_files_work_under_a_subpath() {
    let w = World::build(e2e::world::Setup {
        base: "/tools/refresh-token/",
        ..Default::default()
    })
    .await;
    assert!(w.app_url.ends_with("/tools/refresh-token/"));
    // Opened as …/index.html, the page still shows the one canonical redirect URI.
    let via_index = AppPage::open(&w.browser, &format!("{}index.html", w.app_url)).await;
    let shown = w
        .browser
        .find(&testids::sel(testids::REDIRECT_URI))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(shown, w.app_url);
    drop(via_index);

    let app = w.page().await;
    let token = app.sign_in().await;
    assert_eq!(vec![token], w.provider.refresh_tokens());
    assert_eq!(w.browser.url().await, w.app_url);
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shared_link_fills_client_and_scopes_but_never_endpoints() {
    let w = world().await;
    let link = url::Url::parse_with_params(
        &w.app_url,
        &[
            ("client_id", CLIENT_ID),
            ("preset", "google-ads"),
            ("provider", "custom"),
            ("token_endpoint", &format!("{}/token", w.provider_url)),
            (
                "authorization_endpoint",
                &format!("{}/o/oauth2/v2/auth", w.provider_url),
            ),
            ("client_secret", "GOCSPX-from-a-link"),
            ("redirect_override", "http://localhost"),
        ],
    )
    .unwrap();
    let app = AppPage::open(&w.browser, link.as_str()).await;
    let id = app.value_of(testids::CLIENT_ID).await;
    assert_eq!(id, CLIENT_ID);
    let scopes = app.value_of(testids::SCOPES).await;
    assert_eq!(scopes, "https://www.googleapis.com/auth/adwords");
    let url = ConsentStep::of(&app).consent_url().await;
    assert!(
        url.starts_with("https://accounts.google.com/"),
        "the provider stays Google: {url}"
    );
    assert!(url.contains(&format!(
        "redirect_uri={}",
        url::form_urlencoded::byte_serialize(w.app_url.as_bytes()).collect::<String>()
    )));
    let secret = app.value_of(testids::CLIENT_SECRET).await;
    assert_eq!(secret, "");
    w.browser.settled().await;
    assert_eq!(
        w.provider.count("auth") + w.provider.count("token"),
        0,
        "a link sends nothing"
    );
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_everywhere_gets_a_specific_message_and_never_a_panic() {
    let w = world().await;
    let app = AppPage::open(&w.browser, &w.app_url).await;
    // The paste by hand is in the consent step, built when the step is first opened.
    ConsentStep::of(&app).at_consent().await;
    let huge = "a".repeat(10 * 1024 * 1024);
    // Set values directly: typing 10 MB through WebDriver would take minutes.
    let set = |testid: &'static str, value: String| {
        let browser = &w.browser;
        async move {
            browser
                .client
                .execute(
                    "const e = document.querySelector(`[data-testid=${arguments[0]}]`); \
                     e.value = arguments[1]; e.dispatchEvent(new Event('input', {bubbles: true}));",
                    vec![testid.into(), value.into()],
                )
                .await
                .expect("the script runs");
        }
    };
    let cases: Vec<(&str, String, &str, &str)> = vec![
        (
            "callback-input",
            huge.clone(),
            "manual-error",
            "That is not a redirect address",
        ),
        (
            "callback-input",
            "   \n\t ".into(),
            "manual-error",
            "Nothing was pasted",
        ),
        (
            "callback-input",
            "javascript:alert(1)".into(),
            "manual-error",
            "no authorization code",
        ),
        (
            "callback-input",
            "?code=a&code=b&state=x".into(),
            "manual-error",
            "more than once",
        ),
        (
            "callback-input",
            "?code=a&error=access_denied".into(),
            "manual-error",
            "both a code and an error",
        ),
        (
            "callback-input",
            "two words".into(),
            "manual-error",
            "not valid",
        ),
        // No sign-in of this tab waits: whatever an error address says is not repeated.
        (
            "callback-input",
            "?error=access_denied&state=x".into(),
            "manual-error",
            "refused a sign-in this tab did not start",
        ),
        (
            "callback-input",
            "?error=weird_%F0%9F%92%A5&error_description=%3Cb%3Ehi%3C/b%3E".into(),
            "manual-error",
            "refused a sign-in this tab did not start",
        ),
    ];
    for (field, value, panel, says) in cases {
        set(field, value).await;
        ManualCard::of(&app).exchange().await;
        app.see_error(panel, says).await;
    }
    // The form fields: each problem named under its field, the consent button held back.
    for (value, says) in [
        (huge.clone(), "characters long"),
        ("a b".to_owned(), "space or line break"),
        ("ünïcödé".to_owned(), "not allowed"),
        // (A text input drops line breaks itself; a tab stays.)
        ("tab\there".to_owned(), "space or line break"),
    ] {
        set("client-id", value).await;
        w.browser.wait_text("#client-id-problem", says).await;
        w.browser
            .wait_text(
                &testids::sel(testids::CONSENT_BLOCKED),
                "Client ID is not valid",
            )
            .await;
    }
    set("client-id", CLIENT_ID.into()).await;
    ClientStep::of(&app).open_advanced().await;
    for value in [
        "javascript:alert(1)",
        "http://example.com/",
        "https://x.example/#f",
        "not a url",
    ] {
        set("redirect-override", value.into()).await;
        w.browser
            .wait_text(
                &testids::sel(testids::CONSENT_BLOCKED),
                "An address is not valid",
            )
            .await;
    }
    set("redirect-override", String::new()).await;
    set("scopes", "a\"b".into()).await;
    w.browser.wait_text("#scopes-problem", "not allowed").await;
    assert!(!w.browser.has(&testids::sel(testids::PANIC_PANEL)).await);
    assert_eq!(w.provider.count("token"), 0);
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn storage_refused_and_a_slow_provider_are_explained_and_the_form_kept() {
    let w = world().await;
    let app = w.page().await;
    // Private modes and strict settings make sessionStorage throw.
    w.browser
        .run("Storage.prototype.setItem = function () { throw new DOMException('denied', 'SecurityError'); }; return 1")
        .await;
    ConsentStep::of(&app).go_to_consent().await;
    app.see_error(
        testids::CONSENT_ERROR,
        "does not let the page keep anything",
    )
    .await;
    assert_eq!(w.provider.count("auth"), 0, "nothing left the page");

    // A token endpoint that answers after the page's 30-second limit.
    w.provider
        .set_fault(Fault::Delay(std::time::Duration::from_secs(32)));
    let app = w.page().await;
    ConsentStep::of(&app).go_to_consent().await;
    ProviderConsent::of(&app).allow().await;
    w.browser
        .find(&testids::sel(testids::EXCHANGE_PROGRESS))
        .await;
    // The page's limit is 30 seconds; its message must come within 45.
    w.browser
        .find_within(
            &testids::sel(testids::EXCHANGE_ERROR),
            std::time::Duration::from_secs(45),
        )
        .await;
    app.see_error(testids::EXCHANGE_ERROR, "did not answer within 30 seconds")
        .await;
    let id = app.value_of(testids::CLIENT_ID).await;
    assert_eq!(id, CLIENT_ID);
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pasted_error_is_explained_or_said_to_be_unknown() {
    let w = world().await;
    let app = w.page().await;
    let diagnose = DiagnoseCard::of(&app);
    diagnose
        .explain(
            "Access Denied: Project demo: User does not have bigquery.jobs.create permission in project demo.",
            "may not run query jobs",
        )
        .await;
    diagnose
        .explain(
            r#"{"error":"invalid_grant","error_description":"reauth related error (invalid_rapt)"}"#,
            "Workspace policy",
        )
        .await;
    // Google Ads since the developer-token sunset: the Cloud project's access level.
    let said = diagnose
        .explain(
            r#"{"error":{"code":403,"details":[{"errors":[{"errorCode":{"authorizationError":"CLOUD_PROJECT_NOT_APPROVED_FOR_PRODUCTION"}}]}]}}"#,
            "allows this project test accounts only",
        )
        .await;
    assert!(
        said.contains("Google Ads API → Overview") && said.contains("Explorer access"),
        "{said}"
    );
    diagnose
        .explain(
            "Something nobody has seen before",
            "does not know that error",
        )
        .await;
    assert_eq!(
        w.provider.count("token") + w.provider.count("auth"),
        0,
        "nothing was sent"
    );
    w.finish().await;
}
