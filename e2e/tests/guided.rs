//! The guided page as a newcomer meets it, on the build users get (Google's host names
//! resolved to the local provider): one task, one step at a time, the tokens and their uses
//! one click apart, each view with its own address; and the accessibility audit of every view
//! in both colour schemes at both widths.

use e2e::driver::Browser;
use e2e::pages::client::ClientStep;
use e2e::pages::consent::ConsentStep;
use e2e::pages::consent::ManualCard;
use e2e::pages::refresh::RefreshCard;
use e2e::pages::AppPage;
use e2e::world::{World, CLIENT_ID, SECRET};
use refresh_token_helper::testids;
use serde_json::Value;

/// 1280 × 900: a laptop.
const WIDE: (u32, u32) = (1280, 900);
/// 390 × 844: a phone.
const NARROW: (u32, u32) = (390, 844);

/// What a user does, counted: clicks and keystrokes.
#[derive(Default)]
struct Tally {
    clicks: usize,
    keys: usize,
}

impl Tally {
    async fn click(&mut self, browser: &Browser, css: &str) {
        browser.click(css).await;
        self.clicks += 1;
    }

    async fn type_into(&mut self, browser: &Browser, testid: &str, text: &str) {
        let e = browser.find(&testids::sel(testid)).await;
        e.send_keys(text).await.expect("typable");
        self.keys += text.chars().count();
    }
}

/// Waits up to 5 s for the focus to be on the element with `id`.
async fn focus_reaches(browser: &Browser, id: &str) {
    let mut focused = Value::Null;
    for _ in 0..100 {
        focused = browser.run("return document.activeElement.id").await;
        if focused == id {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the focus never reached #{id}; it is on #{focused}");
}

/// The texts of the visible elements `css` selects, in page order.
async fn visible_texts(browser: &Browser, css: &str) -> Vec<String> {
    let found = browser
        .run(&format!(
            "return [...document.querySelectorAll({})].filter(e => e.checkVisibility()).map(e => e.textContent.trim())",
            serde_json::json!(css)
        ))
        .await;
    found
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

/// Types `text` into the field `testid`, as a user does (after what it holds).
async fn type_in(browser: &Browser, testid: &str, text: &str) {
    browser
        .find(&testids::sel(testid))
        .await
        .send_keys(text)
        .await
        .expect("typable");
}

/// The numbers of the visible numbered steps (folded lines and headings), in page order.
async fn step_numbers(browser: &Browser) -> Vec<u32> {
    visible_texts(browser, ".folded strong, main h2")
        .await
        .iter()
        .filter_map(|t| t.split_once(". ").and_then(|(n, _)| n.parse().ok()))
        .collect()
}

/// The step the progress line marks as the current one.
async fn current_step(browser: &Browser) -> String {
    browser
        .run("const c = document.querySelector('[aria-current=step]'); return c ? c.dataset.goto : ''")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Inputs on screen whose label names a project ID.
async fn project_id_fields(browser: &Browser) -> usize {
    visible_texts(browser, "label")
        .await
        .iter()
        .filter(|l| l.contains("Project ID"))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_newcomer_is_led_to_the_bigquery_linked_service_one_step_at_a_time() {
    let w = World::google().await;
    let b = &w.browser;
    b.emulate(WIDE.0, WIDE.1, false).await;
    let app = AppPage::open(b, &w.app_url).await;
    b.allow_clipboard(w.app_url.trim_end_matches('/')).await;
    let mut tally = Tally::default();

    // The first screen: the tasks, the default one chosen, and step 1 of the sign-in.
    let chosen = b
        .run("return document.querySelector('#task-bigquery').checked")
        .await;
    assert_eq!(chosen, Value::Bool(true));
    assert_eq!(current_step(b).await, "register");
    assert_eq!(step_numbers(b).await, vec![1]);
    assert!(
        visible_texts(b, ".problem, [data-testid=consent-blocked]")
            .await
            .is_empty(),
        "nothing typed yet, no problem shown"
    );
    let first_screen = b.page_height().await;

    tally
        .click(b, &testids::sel(&format!("next-{}", "client")))
        .await;
    assert_eq!(current_step(b).await, "client");
    // Focus moves to the step's heading (a task later: waited for, not read at once).
    focus_reaches(b, "client-title").await;
    // Going on with nothing typed: each problem shows under its field, the step stays.
    b.click(&testids::sel("next-consent")).await;
    b.wait_text("#client-id-problem", "empty").await;
    assert_eq!(current_step(b).await, "client");
    // Focus moves to the first field with a problem.
    focus_reaches(b, "client-id").await;
    tally.type_into(b, testids::CLIENT_ID, CLIENT_ID).await;
    tally.type_into(b, testids::CLIENT_SECRET, SECRET).await;
    tally.click(b, &testids::sel("next-consent")).await;
    assert_eq!(current_step(b).await, "consent");
    // Focus moves to the consent step's heading, not to the hidden "Back from the provider".
    focus_reaches(b, "consent-title").await;
    let folded = b
        .wait_text(
            &testids::sel("folded-client"),
            &format!(
                "client {}…apps.googleusercontent.com, BigQuery",
                CLIENT_ID.split('-').next().unwrap_or_default()
            ),
        )
        .await;
    assert!(folded.contains("Change"), "{folded}");
    assert_eq!(step_numbers(b).await, vec![1, 2, 3]);

    tally.click(b, &testids::sel(testids::GO_TO_CONSENT)).await;
    tally.click(b, "#allow").await;
    // The tokens open by themselves (nothing clicked: `find` would open a step), and the
    // line marks them: they are what is on screen, "Use them" below.
    b.wait_text_that("[aria-current=step]", "the step Your tokens", |t| {
        t.contains("Your tokens")
    })
    .await;
    b.find(&testids::sel(testids::REFRESH_TOKEN)).await;
    assert_eq!(current_step(b).await, "tokens");
    assert_eq!(step_numbers(b).await, vec![1, 2, 3, 4, 5]);
    assert!(
        visible_texts(b, "[data-testid=consent-url], [data-testid=manual-card]")
            .await
            .is_empty(),
        "consent and the paste fold away once done"
    );
    let tab = b
        .run("return document.querySelector('[role=tab][aria-selected=true]').id")
        .await;
    assert_eq!(tab, "tab-adf");
    assert_eq!(project_id_fields(b).await, 1);
    let wide = b.page_height().await;

    tally.type_into(b, testids::LS_PROJECT, "my-project").await;
    b.wait_text(&testids::sel(testids::LS_JSON), "my-project")
        .await;
    // Masked secrets never leave as values that look real: the copy is refused, the reason
    // said at the button, and what the clipboard held stays.
    b.run("navigator.clipboard.writeText('copied before'); return true")
        .await;
    tally.click(b, &testids::sel(testids::LS_COPY)).await;
    b.wait_text(
        "[data-testid=ls-copy] + .copy-status",
        "Not copied: the secrets are masked",
    )
    .await;
    assert_eq!(b.clipboard().await, "copied before");
    // Revealed, the real values are copied, and only then is "Copied" said.
    tally.click(b, &testids::sel(testids::LS_REVEAL)).await;
    let json = b.wait_text(&testids::sel(testids::LS_JSON), SECRET).await;
    tally.click(b, &testids::sel(testids::LS_COPY)).await;
    b.wait_text("[data-testid=ls-copy] + .copy-status", "Copied")
        .await;
    assert_eq!(b.clipboard().await, json);

    // A finished step opens again with "Change"; the tokens are one click away.
    b.click(&testids::sel("change-client")).await;
    assert_eq!(current_step(b).await, "client");
    focus_reaches(b, "client-title").await;
    assert_eq!(app.value_of(testids::CLIENT_ID).await, CLIENT_ID);
    app.open_step("use").await;
    // The line follows the scroll the focus makes: waited for, not read at once.
    focus_reaches(b, "use-title").await;
    b.wait_text_that("[aria-current=step]", "the step Use them", |t| {
        t.contains("Use them")
    })
    .await;
    assert_eq!(current_step(b).await, "use");
    b.find(&testids::sel(testids::REFRESH_TOKEN)).await;

    // The same page on a phone, dark.
    b.emulate(NARROW.0, NARROW.1, true).await;
    let narrow = b.page_height().await;
    println!(
        "first screen {first_screen} px; after the tokens: {wide} px at 1280 × 900 ({:.1} screens), \
         {narrow} px at 390 × 844 ({:.1} screens); from an empty page to the copied linked \
         service: {} clicks, {} keystrokes",
        wide as f64 / f64::from(WIDE.1),
        narrow as f64 / f64::from(NARROW.1),
        tally.clicks,
        tally.keys
    );
    assert!(wide <= 3 * u64::from(WIDE.1), "{wide} px at 1280 × 900");
    assert!(
        narrow <= 6 * u64::from(NARROW.1),
        "{narrow} px at 390 × 844"
    );
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_task_leads_into_its_own_steps_and_keeps_what_was_typed() {
    let w = World::google().await;
    let b = &w.browser;
    let app = AppPage::open(b, &w.app_url).await;
    app.open_step("client").await;
    type_in(b, testids::CLIENT_ID, CLIENT_ID).await;
    // (card on screen, cards that must not be)
    let tasks = [
        (
            "check-token",
            testids::REFRESH_CARD,
            [testids::CLIENT_CARD, testids::SA_CARD],
        ),
        (
            "service-account",
            testids::SA_CARD,
            [testids::CLIENT_CARD, testids::REFRESH_CARD],
        ),
        (
            "explain-error",
            testids::DIAGNOSE_CARD,
            [testids::CLIENT_CARD, testids::SA_CARD],
        ),
    ];
    for (task, shown, hidden) in tasks {
        app.open_task(task).await;
        b.find(&testids::sel(shown)).await;
        for card in hidden {
            assert!(
                visible_texts(b, &testids::sel(card)).await.is_empty(),
                "{task}: {card} is not on screen"
            );
        }
        assert!(
            visible_texts(b, &testids::sel(testids::PROGRESS))
                .await
                .is_empty(),
            "{task} has no sign-in steps"
        );
    }
    // The client ID typed for the sign-in is the one "check a refresh token" starts from.
    app.open_task("check-token").await;
    assert_eq!(app.value_of(testids::REFRESH_CLIENT_ID).await, CLIENT_ID);
    // Google Ads: the same steps, with the Ads scope.
    app.open_task("google-ads").await;
    assert_eq!(current_step(b).await, "client");
    assert_eq!(app.value_of(testids::CLIENT_ID).await, CLIENT_ID);
    assert_eq!(
        app.value_of(testids::SCOPES).await,
        "https://www.googleapis.com/auth/adwords"
    );
    w.finish().await;
}

/// The task chosen in "What do you need?".
async fn chosen_task(browser: &Browser) -> Value {
    browser
        .run("const c = document.querySelector('[name=task]:checked'); return c ? c.value : ''")
        .await
}

/// Fills the client step of the task on screen and comes back from consent with the tokens.
async fn sign_in_from_the_client_step(
    app: &AppPage<'_>,
    browser: &Browser,
    preset: Option<&str>,
    scopes: Option<&str>,
) {
    browser.click(&testids::sel("next-client")).await;
    if let Some(preset) = preset {
        app.choose(testids::PRESET, preset).await;
    }
    type_in(browser, testids::CLIENT_ID, CLIENT_ID).await;
    type_in(browser, testids::CLIENT_SECRET, SECRET).await;
    if let Some(scopes) = scopes {
        let field = browser.find(&testids::sel(testids::SCOPES)).await;
        field.clear().await.unwrap();
        field.send_keys(scopes).await.unwrap();
    }
    browser.click(&testids::sel("next-consent")).await;
    browser.click(&testids::sel(testids::GO_TO_CONSENT)).await;
    browser.click("#allow").await;
    browser.find(&testids::sel(testids::REFRESH_TOKEN)).await;
    browser.find(&testids::sel(testids::USE_THEM)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_google_ads_task_ends_on_the_google_ads_linked_service() {
    let w = World::google().await;
    let b = &w.browser;
    let app = AppPage::open(b, &w.app_url).await;
    b.allow_clipboard(w.app_url.trim_end_matches('/')).await;
    app.open_task("google-ads").await;
    b.click(&testids::sel("next-client")).await;
    type_in(b, testids::CLIENT_ID, CLIENT_ID).await;
    type_in(b, testids::CLIENT_SECRET, SECRET).await;
    b.click(&testids::sel("next-consent")).await;
    b.wait_text(
        &testids::sel(testids::CONSENT_URL),
        "scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fadwords",
    )
    .await;
    b.click(&testids::sel(testids::GO_TO_CONSENT)).await;
    b.click("#allow").await;
    b.find(&testids::sel(testids::REFRESH_TOKEN)).await;

    // Back from consent, the page is still on the Google Ads task, in every place it says so.
    assert_eq!(chosen_task(b).await, "google-ads");
    let folded = b
        .wait_text(&testids::sel("folded-client"), "Google Ads")
        .await;
    assert!(
        folded.contains("Your client: client 123…apps.googleusercontent.com, Google Ads\n"),
        "{folded}"
    );
    let connector = b
        .run("return document.querySelector('[data-testid=connector]').value")
        .await;
    assert_eq!(connector, "GoogleAdWords");
    assert_eq!(app.value_of("ls-name").await, "GoogleAdsLinkedService");
    let labels = visible_texts(b, "label").await;
    let developer: Vec<_> = labels
        .iter()
        .filter(|l| l.contains("Developer token"))
        .collect();
    assert_eq!(
        developer,
        ["Developer token (optional since September 2026)"],
        "{labels:?}"
    );
    assert_eq!(project_id_fields(b).await, 0, "Google Ads has no project");
    let hint = b
        .wait_text("#ls-developer-token-hint", "9 September 2026")
        .await;
    assert!(
        hint.contains("Microsoft's connector page still lists it as required"),
        "{hint}"
    );
    b.wait_text(
        &testids::sel(testids::LS_WHERE),
        "Azure Synapse pipelines take the same JSON",
    )
    .await;

    // No developer token: the linked service is complete without one, and copies as shown.
    type_in(b, testids::LS_CUSTOMER, "444-555-6666").await;
    let json = b
        .wait_text(&testids::sel(testids::LS_JSON), "4445556666")
        .await;
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["name"], "GoogleAdsLinkedService");
    assert_eq!(v["properties"]["type"], "GoogleAdWords");
    assert!(
        v["properties"]["typeProperties"]
            .get("developerToken")
            .is_none(),
        "{json}"
    );
    b.click(&testids::sel(testids::LS_REVEAL)).await;
    let json = b.wait_text(&testids::sel(testids::LS_JSON), SECRET).await;
    b.click(&testids::sel(testids::LS_COPY)).await;
    b.wait_text("[data-testid=ls-copy] + .copy-status", "Copied")
        .await;
    assert_eq!(b.clipboard().await, json);

    // The Check tab leads with Google Ads, offers no BigQuery check, and its Ads checks run
    // without a developer token, as Google's API answers today.
    app.open_step("use").await;
    b.click("#tab-check").await;
    let headings = visible_texts(b, "[data-view=check] h3").await;
    assert_eq!(
        headings.first().map(String::as_str),
        Some("Google Ads"),
        "{headings:?}"
    );
    assert!(!b.has(&testids::sel(testids::TEST_BIGQUERY)).await);
    let why = b
        .wait_text(
            &testids::sel(testids::NO_BIGQUERY_SCOPE),
            "No BigQuery check",
        )
        .await;
    assert!(why.contains("auth/adwords"), "{why}");
    assert!(b.has(&testids::sel(testids::ADF_CHECKS_NO_BIGQUERY)).await);
    let list = app
        .check(
            testids::ADS_ACCOUNTS,
            testids::ADS_RESULT,
            "through manager",
        )
        .await;
    assert!(list.contains("Own account (444-555-6666)"), "{list}");
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_secret_is_refused_at_the_client_step_for_its_real_reason() {
    let w = World::google().await;
    let b = &w.browser;
    let _app = AppPage::open(b, &w.app_url).await;
    b.click(&testids::sel("next-client")).await;
    type_in(b, testids::CLIENT_ID, CLIENT_ID).await;
    b.click(&testids::sel("next-consent")).await;
    focus_reaches(b, testids::CLIENT_SECRET).await;
    assert_eq!(current_step(b).await, "client", "Next refused");
    let said = visible_texts(b, "[data-step=client] .problem").await;
    assert_eq!(
        said,
        ["Google exchanges a Web application client's code only with the client's secret, even with PKCE. Paste the secret shown when the client was created (Google Auth Platform → Clients → your client; lost, add a new secret there)."],
        "{said:?}"
    );
    type_in(b, testids::CLIENT_SECRET, SECRET).await;
    b.click(&testids::sel("next-consent")).await;
    b.wait_text_that("[aria-current=step]", "the consent step", |t| {
        t.contains("Consent")
    })
    .await;
    w.finish().await;
}

/// How far below the top of its heading a step's main button ends, in CSS pixels.
async fn main_button_below(b: &Browser, heading: &str, button: &str) -> u64 {
    b.find(heading).await;
    b.find(&testids::sel(button)).await;
    b.run(&format!(
        "const h = document.querySelector({}).getBoundingClientRect(); \
         const g = document.querySelector({}).getBoundingClientRect(); \
         return Math.round(g.bottom - h.top)",
        serde_json::json!(heading),
        serde_json::json!(testids::sel(button))
    ))
    .await
    .as_u64()
    .unwrap_or_else(|| panic!("{button} is above {heading}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_every_step_and_task_leads_with_its_main_button() {
    let w = World::google().await;
    let b = &w.browser;
    b.emulate(NARROW.0, NARROW.1, true).await;
    let app = w.page().await;
    let mut measured = Vec::new();
    app.open_step("register").await;
    measured.push((
        "register",
        main_button_below(b, "[data-step=register] h2", "next-client").await,
    ));
    app.open_step("client").await;
    measured.push((
        "client",
        main_button_below(b, "[data-step=client] h2", "next-consent").await,
    ));
    app.open_task("check-token").await;
    measured.push((
        "check-token",
        main_button_below(b, "[data-task=check-token] h2", testids::REFRESH_NOW).await,
    ));
    app.open_task("service-account").await;
    measured.push((
        "service-account",
        main_button_below(b, "#sa-title", testids::SA_TOKEN).await,
    ));
    println!("at 390 × 844, each main button ends this far below its heading: {measured:?}");
    for (step, below) in measured {
        assert!(
            below <= u64::from(NARROW.1),
            "{step}: {below} px below the heading"
        );
    }
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_the_consent_step_leads_with_its_button_and_values_stay_whole() {
    let w = World::google().await;
    let b = &w.browser;
    b.emulate(NARROW.0, NARROW.1, true).await;
    let app = w.page().await;
    app.open_step("consent").await;
    b.find(&testids::sel(testids::GO_TO_CONSENT)).await;
    b.find(&testids::sel(testids::CONSENT_PARAMS)).await;
    // With the step's heading at the top of the screen, its main button is on that screen.
    let below = main_button_below(b, "#consent-title", testids::GO_TO_CONSENT).await;
    println!("at 390 × 844, “Go to consent” ends {below} px below the consent step's heading");
    assert!(below <= u64::from(NARROW.1), "{below} px below the heading");
    // Short values of the parameter table stay on one line (no “offlin/e”).
    for name in ["access_type", "prompt", "response_type"] {
        let lines = b
            .run(&format!(
                "const row = [...document.querySelectorAll('[data-testid=consent-params] tr')]\
                   .find(r => r.querySelector('th code')?.textContent === '{name}'); \
                 return row.querySelector('td code').getClientRects().length"
            ))
            .await;
        assert_eq!(lines, 1, "{name}'s value breaks across lines");
    }
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fabric_users_are_led_to_the_service_account_task_and_the_facts_say_their_age() {
    let w = World::google().await;
    let b = &w.browser;
    let app = AppPage::open(b, &w.app_url).await;
    let dated = b
        .wait_text(&testids::sel(testids::FACTS_CHECKED), "checked on")
        .await;
    assert_eq!(
        dated,
        format!(
            "Facts about Google and Azure on this page were checked on {}.",
            refresh_token_helper::google::facts::checked_on()
        )
    );
    let note = b
        .wait_text(&testids::sel(testids::FABRIC_NOTE), "Microsoft Fabric")
        .await;
    assert!(note.contains("not a refresh token"), "{note}");
    b.click(&testids::sel(testids::FABRIC_USE_KEY)).await;
    assert_eq!(chosen_task(b).await, "service-account");
    let there = b
        .wait_text(&testids::sel(testids::SA_FABRIC), "Service Account Login")
        .await;
    assert!(there.contains("key file's content"), "{there}");
    assert!(visible_texts(b, &testids::sel(testids::FABRIC_NOTE))
        .await
        .is_empty());
    drop(app);
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_trip_keeps_bigquery_with_drive_and_says_custom_scopes_as_such() {
    let w = World::google().await;
    let b = &w.browser;
    let app = AppPage::open(b, &w.app_url).await;
    app.open_task("bigquery").await;
    sign_in_from_the_client_step(&app, b, Some("adf-bigquery-drive"), None).await;
    assert_eq!(chosen_task(b).await, "bigquery");
    b.wait_text(&testids::sel("folded-client"), "BigQuery with Drive")
        .await;
    assert_eq!(app.value_of("ls-name").await, "GoogleBigQueryLinkedService");
    b.click("#tab-check").await;
    let headings = visible_texts(b, "[data-view=check] h3").await;
    assert_eq!(
        headings.first().map(String::as_str),
        Some("BigQuery"),
        "{headings:?}"
    );
    assert!(!b.has(&testids::sel(testids::NO_BIGQUERY_SCOPE)).await);
    w.finish().await;

    // Scopes no preset has come back as custom scopes, said in the folded step.
    let w = World::google().await;
    let b = &w.browser;
    let app = AppPage::open(b, &w.app_url).await;
    app.open_task("bigquery").await;
    sign_in_from_the_client_step(
        &app,
        b,
        None,
        Some("https://www.googleapis.com/auth/bigquery https://www.googleapis.com/auth/userinfo.email"),
    )
    .await;
    assert_eq!(chosen_task(b).await, "bigquery");
    b.wait_text(&testids::sel("folded-client"), "custom scopes")
        .await;
    let preset = b
        .run("return document.querySelector('[data-testid=preset]').value")
        .await;
    assert_eq!(preset, "custom");
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn checking_a_refresh_token_leads_to_its_uses_without_a_sign_in() {
    let w = World::google().await;
    let b = &w.browser;
    let token = w
        .provider
        .issue_refresh_token(CLIENT_ID, &["https://www.googleapis.com/auth/bigquery"]);
    let app = AppPage::open(b, &w.app_url).await;
    app.open_task("check-token").await;
    assert!(
        visible_texts(b, &testids::sel(testids::USE_THEM))
            .await
            .is_empty(),
        "nothing to use yet"
    );
    RefreshCard::of(&app)
        .refresh_with(CLIENT_ID, SECRET, &token)
        .await;
    b.wait_text(
        &testids::sel(testids::REFRESH_RESULT),
        "The refresh token works",
    )
    .await;
    b.wait_text("#use-title", "Use it").await;
    b.click("#tab-check").await;
    app.check(
        testids::TOKENINFO,
        testids::TOKENINFO_RESULT,
        "tester@example.com",
    )
    .await;
    assert_eq!(w.provider.count("auth"), 0, "no sign-in");
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_check_builds_no_linked_service_on_top_of_it_unsaid() {
    let w = World::google().await;
    let b = &w.browser;
    let token = w
        .provider
        .issue_refresh_token(CLIENT_ID, &["https://www.googleapis.com/auth/bigquery"]);
    let app = AppPage::open(b, &w.app_url).await;
    b.allow_clipboard(w.app_url.trim_end_matches('/')).await;
    RefreshCard::of(&app)
        .refresh_with(CLIENT_ID, "GOCSPX-wrong", &token)
        .await;
    let said = app
        .see_error(testids::REFRESH_ERROR, "client secret is wrong")
        .await;
    assert!(!said.contains("Go to consent"), "{said}");
    // The linked service below says the check failed, and gives nothing to paste into ADF.
    b.click("#tab-adf").await;
    b.wait_text(
        &testids::sel(testids::LS_CHECK_FAILED),
        "just refused this refresh token",
    )
    .await;
    type_in(b, testids::LS_PROJECT, "my-project").await;
    b.click(&testids::sel(testids::LS_REVEAL)).await;
    b.run("navigator.clipboard.writeText('copied before'); return true")
        .await;
    b.click(&testids::sel(testids::LS_COPY)).await;
    b.wait_text(
        "[data-testid=ls-copy] + .copy-status",
        "Not copied: the provider just refused this refresh token",
    )
    .await;
    assert_eq!(b.clipboard().await, "copied before");
    // With the right secret the check passes, and the linked service is there to take.
    RefreshCard::of(&app)
        .refresh_with(CLIENT_ID, SECRET, &token)
        .await;
    b.wait_text(
        &testids::sel(testids::REFRESH_RESULT),
        "The refresh token works",
    )
    .await;
    b.click("#tab-adf").await;
    assert!(!b.has(&testids::sel(testids::LS_CHECK_FAILED)).await);
    b.click(&testids::sel(testids::LS_COPY)).await;
    b.wait_text("[data-testid=ls-copy] + .copy-status", "Copied")
        .await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn explaining_an_error_needs_nothing_else() {
    let w = World::google().await;
    let b = &w.browser;
    let _app = AppPage::open(b, &w.app_url).await;
    // The register step names the task where Google's page errors are explained, and leads there.
    b.click(&testids::sel(testids::SETUP_EXPLAIN)).await;
    assert_eq!(chosen_task(b).await, "explain-error");
    type_in(
        b,
        testids::DIAGNOSE_INPUT,
        r#"{"error":"invalid_grant","error_description":"Token has been expired or revoked."}"#,
    )
    .await;
    b.click(&testids::sel(testids::DIAGNOSE)).await;
    b.wait_text(&testids::sel(testids::DIAGNOSE_RESULT), "no longer works")
        .await;
    // The codes the register step tells people to paste, bare or as Google's page shows them.
    for (pasted, read_as, says) in [
        (
            "org_internal",
            "org_internal",
            "Internal to a Google Workspace organisation",
        ),
        (
            "Error 401: invalid_client",
            "Google's sign-in error page (invalid_client)",
            "does not know this client ID",
        ),
        (
            "invalid_grant",
            "an OAuth error code",
            "a code or a refresh token",
        ),
    ] {
        let input = b.find(&testids::sel(testids::DIAGNOSE_INPUT)).await;
        input.clear().await.unwrap();
        input.send_keys(pasted).await.unwrap();
        b.click(&testids::sel(testids::DIAGNOSE)).await;
        b.wait_text(&testids::sel(testids::DIAGNOSE_RESULT), says)
            .await;
        b.wait_text(&testids::sel(testids::DIAGNOSE_READ_AS), read_as)
            .await;
    }
    // Text it does not know is a notice with where to look next, not a success-coloured line.
    let input = b.find(&testids::sel(testids::DIAGNOSE_INPUT)).await;
    input.clear().await.unwrap();
    input
        .send_keys("Something nobody has seen before")
        .await
        .unwrap();
    b.click(&testids::sel(testids::DIAGNOSE)).await;
    b.wait_text(
        &testids::sel(testids::DIAGNOSE_RESULT),
        "does not know that error",
    )
    .await;
    let class = b
        .run("return document.querySelector('[data-testid=diagnose-result]').className")
        .await;
    assert_eq!(class, "notice");
    assert!(!b.has(&testids::sel(testids::DIAGNOSE_READ_AS)).await);
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_views_of_the_tokens_are_tabs_with_addresses_of_their_own() {
    let w = World::google().await;
    let b = &w.browser;
    let app = w.page().await;
    // Leaving asks first only while tokens are on screen (the browser's own dialog, which
    // this session accepts: the guard is read from the event it cancels).
    let asks_before_leaving = || async {
        b.run("const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented")
            .await
    };
    assert_eq!(
        asks_before_leaving().await,
        Value::Bool(false),
        "no tokens yet"
    );
    app.sign_in().await;
    assert_eq!(
        asks_before_leaving().await,
        Value::Bool(true),
        "the tokens are on screen"
    );
    let page = w.app_url.clone();
    assert_eq!(b.url().await, page, "no fragment until a view is picked");
    b.click("#tab-check").await;
    assert_eq!(b.url().await, format!("{page}#check"));
    b.find(&testids::sel(testids::TOKENINFO)).await;
    // The arrow keys move along the tabs, as the ARIA tabs pattern has it.
    b.find("#tab-check")
        .await
        .send_keys("\u{E014}")
        .await
        .unwrap();
    b.wait_url(&format!("{page}#commands")).await;
    focus_reaches(b, "tab-commands").await;
    // Back and forward move between the views.
    b.client.back().await.unwrap();
    b.wait_url(&format!("{page}#check")).await;
    let selected = b
        .run("return document.querySelector('[role=tab][aria-selected=true]').id")
        .await;
    assert_eq!(selected, "tab-check");
    // Back once more: the address without a fragment, and the first view.
    b.client.back().await.unwrap();
    b.wait_text_that("[role=tab][aria-selected=true]", "the first tab", |t| {
        t == "Azure Data Factory"
    })
    .await;
    assert_eq!(b.url().await, page);
    b.client.forward().await.unwrap();
    b.wait_url(&format!("{page}#check")).await;
    // The redirect URI is still the page's own address.
    assert_eq!(
        b.run("return document.querySelector('[data-testid=redirect-uri]').textContent")
            .await,
        Value::String(page.clone())
    );
    // A reload forgets the tokens (they lived in memory) and says so.
    b.client.refresh().await.unwrap();
    let said = b
        .wait_text(&testids::sel(testids::TOKENS_FORGOTTEN), "forgets them")
        .await;
    assert!(said.contains("memory"), "{said}");
    assert!(!b
        .body_text()
        .await
        .contains(&w.provider.refresh_tokens()[0]));
    assert_eq!(
        asks_before_leaving().await,
        Value::Bool(false),
        "nothing left to lose"
    );
    // The notice's next steps are controls: checking a token opens that task.
    b.click(&testids::sel(testids::FORGOTTEN_CHECK)).await;
    assert_eq!(
        b.run("return document.querySelector('[name=task]:checked').value")
            .await,
        "check-token"
    );
    assert!(!b.has(&testids::sel(testids::TOKENS_FORGOTTEN)).await);
    w.finish().await;
}

/// Opens every disclosure, so the audit sees what they hold.
async fn open_everything(browser: &Browser) {
    browser
        .run("document.querySelectorAll('details').forEach(d => d.open = true); return 1")
        .await;
}

/// The audit of the page as it is now, in both schemes at both widths.
async fn audit(app: &AppPage<'_>, what: &str) {
    for (width, height) in [WIDE, NARROW] {
        for dark in [false, true] {
            app.browser.emulate(width, height, dark).await;
            let found = app.accessibility_violations().await;
            let scheme = if dark { "dark" } else { "light" };
            assert!(found.is_empty(), "{what}, {width} px, {scheme}: {found:#?}");
        }
        // Two controls never share one accessible name.
        let shared = app.shared_names().await;
        assert!(shared.is_empty(), "{what}, {width} px: {shared:#?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_view_passes_the_accessibility_audit_in_both_schemes_at_both_widths() {
    let w = World::google().await;
    let b = &w.browser;
    let app = AppPage::open(b, &w.app_url).await;
    open_everything(b).await;
    audit(&app, "the first screen").await;
    ClientStep::of(&app).fill_client(CLIENT_ID, SECRET).await;
    open_everything(b).await;
    audit(&app, "the client").await;
    ConsentStep::of(&app).consent_url().await;
    open_everything(b).await;
    audit(&app, "consent").await;
    app.sign_in().await;
    for tab in ["adf", "check", "commands", "exchange"] {
        b.click(&format!("#tab-{tab}")).await;
        if tab == "check" {
            app.check(
                testids::TOKENINFO,
                testids::TOKENINFO_RESULT,
                "tester@example.com",
            )
            .await;
        }
        open_everything(b).await;
        audit(&app, &format!("the tokens, {tab}")).await;
    }
    // An explained error, too.
    ManualCard::of(&app).paste_callback("?code=a&code=b").await;
    app.see_error(testids::MANUAL_ERROR, "more than once").await;
    audit(&app, "an error").await;
    for task in ["check-token", "service-account", "explain-error"] {
        app.open_task(task).await;
        open_everything(b).await;
        audit(&app, task).await;
    }
    // The audit does see problems: an unlabelled input is reported.
    b.run("document.body.insertAdjacentHTML('beforeend', '<input type=text>'); return 1")
        .await;
    let planted = app.accessibility_violations().await;
    assert!(planted.iter().any(|v| v.contains("label")), "{planted:#?}");
    // And two controls of one name are reported.
    b.run("document.body.insertAdjacentHTML('beforeend', '<button>Twice</button><button>Twice</button>'); return 1")
        .await;
    assert_eq!(app.shared_names().await, ["2 × \"Twice\""]);
    w.finish().await;
}

/// The files of the parts fetched when first shown (the split build's modules).
fn parts_of(fetched: &[String]) -> Vec<&str> {
    fetched
        .iter()
        .map(String::as_str)
        .filter(|u| u.contains("-split_") || u.contains("-chunk_"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_screen_fetches_no_part_and_a_part_that_does_not_arrive_is_explained() {
    let w = World::google().await;
    let b = &w.browser;
    let app = AppPage::open(b, &w.app_url).await;
    b.settled().await;
    // Read once the page is quiet: work deferred after the mount has run by then.
    b.quiet().await;
    let first = b.fetched().await;
    assert!(
        first.iter().any(|u| u.ends_with("_bg.wasm")),
        "the first screen's module: {first:#?}"
    );
    assert_eq!(
        parts_of(&first),
        Vec::<&str>::new(),
        "the first visit fetched a part"
    );
    // The connection drops as the part is asked for: said, with a way to try again.
    b.block_urls(&["*-split_explain_error.wasm"]).await;
    app.open_task("explain-error").await;
    b.wait_text(
        &testids::sel(testids::PART_NOT_LOADED),
        "could not be loaded",
    )
    .await;
    assert!(!b.has(&testids::sel(testids::DIAGNOSE_INPUT)).await);
    b.block_urls(&[]).await;
    b.click(&testids::sel(testids::PART_RETRY)).await;
    type_in(b, testids::DIAGNOSE_INPUT, r#"{"error":"invalid_client"}"#).await;
    b.click(&testids::sel(testids::DIAGNOSE)).await;
    b.wait_text(&testids::sel(testids::DIAGNOSE_RESULT), "client")
        .await;
    assert!(!b.has(&testids::sel(testids::PART_NOT_LOADED)).await);
    // Only that task's part (and what it shares) came; the views of the tokens did not.
    let now = b.fetched().await;
    let parts = parts_of(&now);
    assert!(
        parts
            .iter()
            .any(|u| u.ends_with("-split_explain_error.wasm")),
        "{parts:#?}"
    );
    assert!(
        !parts.iter().any(|u| u.contains("-split_use_them")),
        "{parts:#?}"
    );
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_progress_line_marks_the_step_being_read() {
    let w = World::google().await;
    let b = &w.browser;
    b.emulate(WIDE.0, WIDE.1, false).await;
    let app = w.page().await;
    app.sign_in().await;
    b.find(&testids::sel(testids::USE_THEM)).await;
    // Runs `script`, then waits (scrolling is followed in the next frame) for the line to
    // mark `expected`; returns what it marks.
    let marks = |script: &'static str, expected: &'static str| async move {
        b.run(&format!("{script}; return 1")).await;
        b.wait_text_that("[aria-current=step]", expected, |t| t.contains(expected))
            .await
    };
    let to_tokens = "window.scrollTo(0, document.querySelector('[data-step=tokens]').offsetTop)";
    let to_use = "document.querySelector('[data-step=use]').scrollIntoView()";
    // The tokens at the top of the screen: step 4 is being read.
    let top = marks(to_tokens, "Your tokens").await;
    assert!(top.contains("Your tokens"), "{top}");
    // "Use them" at the top: step 5.
    let down = marks(to_use, "Use them").await;
    assert!(down.contains("Use them"), "{down}");
    // Back up: step 4 again; steps 1 to 3 stay done.
    let up = marks(to_tokens, "Your tokens").await;
    assert!(up.contains("Your tokens"), "{up}");
    assert_eq!(
        b.run("return document.querySelectorAll('.progress-line li.done').length")
            .await,
        3
    );
    // The line's own buttons move between the two open steps; neither closes.
    app.open_step("use").await;
    focus_reaches(b, "use-title").await;
    let clicked = marks("0", "Use them").await;
    assert!(clicked.contains("Use them"), "{clicked}");
    app.open_step("tokens").await;
    focus_reaches(b, "tokens-title").await;
    let back = marks("0", "Your tokens").await;
    assert!(back.contains("Your tokens"), "{back}");
    assert!(b.has("[data-step=use]:not([hidden])").await);
    w.finish().await;
}

/// The console checks do read the console: a planted error is a complaint, and a secret
/// logged there is in the traces the secrets check reads.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_checks_catch_a_planted_error_and_a_logged_secret() {
    let w = World::google().await;
    let b = &w.browser;
    let app = AppPage::open(b, &w.app_url).await;
    assert!(app.console_complaints().await.is_empty());
    b.run("console.error('planted error'); return 1").await;
    let complaints = app.console_complaints().await;
    assert!(
        complaints.iter().any(|c| c.contains("planted error")),
        "{complaints:?}"
    );
    b.run("console.log('ya29.planted-secret'); return 1").await;
    assert!(app.traces().await.contains("ya29.planted-secret"));
    w.finish().await;
}

/// A link with a code this tab did not start (or an old bookmark of the redirect): refused
/// above the steps, the user left on the first step that needs them, nothing of theirs
/// marked wrong, no folded step with an empty value.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stray_arrival_is_refused_without_blaming_the_user() {
    let w = World::google().await;
    let b = &w.browser;
    let code = w.provider.issue_code(
        CLIENT_ID,
        &w.app_url,
        &["https://www.googleapis.com/auth/bigquery"],
    );
    let stray = format!("{}?code={code}&state=from-an-old-tab&scope=x", w.app_url);
    let app = AppPage::open(b, &stray).await;
    let said = app
        .see_error(testids::RETURN_PROBLEM, "did not start")
        .await;
    assert!(said.contains("was not used"), "{said}");
    b.quiet().await;
    assert_eq!(current_step(b).await, "register");
    assert_eq!(
        visible_texts(b, ".problem, [aria-invalid=true]").await,
        Vec::<String>::new(),
        "a field the user never touched is marked wrong"
    );
    assert!(visible_texts(b, "[data-testid^=folded-]")
        .await
        .iter()
        .all(|t| !t.contains("client ,")));
    assert_eq!(w.provider.count("token"), 0);
    // The refusal stays readable while the user goes on.
    b.click(&testids::sel("next-client")).await;
    assert_eq!(current_step(b).await, "client");
    let folded = visible_texts(b, "[data-testid=folded-register]").await;
    assert!(
        folded.iter().all(|t| t.contains("redirect URI")),
        "{folded:?}"
    );
    w.finish().await;
}
