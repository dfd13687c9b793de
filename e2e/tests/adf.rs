//! What an Azure Data Factory engineer does after the tokens, on the build users get: the
//! deployment pack for each connector, each file read back by a real parser, and the checks
//! that run what ADF runs.

use e2e::pages::adf_checks::AdfChecksCard;
use e2e::pages::client::ClientStep;
use e2e::pages::export::ExportCard;
use e2e::pages::export::PackFiles;
use e2e::pages::service_account::ServiceAccountCard;
use e2e::pages::tokens::TokensCard;
use e2e::pages::AppPage;
use e2e::site::Build;
use e2e::world::{Setup, World, SECRET};
use refresh_token_helper::testids;

const BIGQUERY: &str = "https://www.googleapis.com/auth/bigquery";
const ADWORDS: &str = "https://www.googleapis.com/auth/adwords";

/// Every file of the pack as the page shows it, by name.
async fn pack_files(w: &World, app: &AppPage<'_>) -> Vec<(String, String)> {
    let names = w
        .browser
        .run("const s = [...document.querySelectorAll('[data-testid=pack-file]')].find(s => s.checkVisibility()); return [...s.options].map(o => o.textContent.split(' — ')[0])")
        .await;
    let mut files = Vec::new();
    for (i, name) in names.as_array().unwrap().iter().enumerate() {
        PackFiles::of(app).choose(i).await;
        let name = name.as_str().unwrap().to_owned();
        // Wait for the chosen file's text: each format starts in its own way.
        let kind = name.rsplit('.').next().unwrap().to_owned();
        let before: Vec<String> = files
            .iter()
            .map(|(_, t): &(String, String)| t.clone())
            .collect();
        let text = w
            .browser
            .wait_text_that(&testids::sel(testids::PACK_TEXT), &name, |text| {
                let fits = match kind.as_str() {
                    "json" => text.starts_with('{'),
                    "sh" => text.starts_with("#!"),
                    "ps1" => text.starts_with("# ") && text.contains("$ErrorActionPreference"),
                    "bicep" => text.starts_with("// "),
                    "tf" => text.starts_with("# The factory"),
                    _ => true,
                };
                fits && !before.iter().any(|t| t == text)
            })
            .await;
        files.push((name, text));
    }
    files
}

fn read_back(name: &str, text: &str) {
    match name.rsplit('.').next().unwrap() {
        "json" => {
            let _: serde_json::Value = serde_json::from_str(text).expect(name);
        }
        "tf" => {
            hcl::parse(text).expect(name);
        }
        "sh" => {
            let dir = e2e::fresh_dir("read-back");
            let file = dir.join(name);
            std::fs::write(&file, text).unwrap();
            let ok = std::process::Command::new("bash")
                .arg("-n")
                .arg(&file)
                .status()
                .unwrap();
            let _ = std::fs::remove_dir_all(&dir);
            assert!(ok.success(), "{name} is not valid bash");
        }
        // No parser of these here: the shape each must have, and brackets that close.
        "bicep" => {
            assert!(
                text.contains("resource ") && text.contains("@2018-06-01"),
                "{name} declares no Data Factory resource"
            );
            assert_balanced(name, text);
        }
        "ps1" => {
            assert!(
                ["Set-AzKeyVaultSecret", "-DefinitionFile"]
                    .iter()
                    .any(|verb| text.contains(verb)),
                "{name} neither stores a secret nor deploys a definition"
            );
            assert_balanced(name, text);
        }
        other => panic!("{name}: no check reads a .{other} file back"),
    }
}

/// Every bracket of `text` closes, in order (quoted text, '…' and "…" within a line, skipped).
fn assert_balanced(name: &str, text: &str) {
    let mut stack = Vec::new();
    let mut quote = None;
    for c in text.chars() {
        match (quote, c) {
            (Some(_), '\n') => quote = None,
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[' | '{') => stack.push(c),
            (None, ')' | ']' | '}') => {
                let want = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                assert_eq!(stack.pop(), Some(want), "{name}: an unmatched {c}");
            }
            _ => {}
        }
    }
    assert!(stack.is_empty(), "{name}: {stack:?} never closed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refresh_token_becomes_a_deployment_pack_for_each_connector() {
    let w = World::google().await;
    let app = w.page().await;
    ClientStep::of(&app)
        .set_scopes(&format!("{BIGQUERY} {ADWORDS}"))
        .await;
    let refresh_token = app.sign_in().await;
    w.browser.find(&testids::sel(testids::LS_REVEAL)).await;
    ExportCard::of(&app).toggle_key_vault().await;
    // Key Vault references hold no secret: there is nothing to reveal (once the vault's
    // fields show, the switch has been made).
    w.browser.find(&testids::sel("ls-store")).await;
    assert!(!w.browser.has(&testids::sel(testids::LS_REVEAL)).await);
    w.browser
        .wait_text(
            &testids::sel(testids::PACK_MISSING),
            "once the linked service above is complete",
        )
        .await;
    ExportCard::of(&app).set_customer("123-456-7890").await;
    w.browser
        .wait_text(
            &testids::sel(testids::PACK_MISSING),
            "resource group name is required",
        )
        .await;
    ExportCard::of(&app).set_resource_group("rg-data").await;
    ExportCard::of(&app).set_factory("adf-prod").await;
    ExportCard::of(&app).set_vault("kv--bad").await;
    w.browser
        .wait_text(
            &testids::sel(testids::PACK_MISSING),
            "is not a Key Vault name",
        )
        .await;
    ExportCard::of(&app).set_vault("kv-google").await;
    for (connector, type_name) in [
        ("GoogleAdWords", "GoogleAdWords"),
        ("GoogleBigQueryV2", "GoogleBigQueryV2"),
    ] {
        ExportCard::of(&app).choose_connector(connector).await;
        if connector == "GoogleBigQueryV2" {
            ExportCard::of(&app).set_project("demo-project").await;
        }
        w.browser.find(&testids::sel(testids::PACK_FILE)).await;
        let files = pack_files(&w, &app).await;
        assert_eq!(
            files.len(),
            13,
            "{:?}",
            files.iter().map(|f| &f.0).collect::<Vec<_>>()
        );
        for (name, text) in &files {
            read_back(name, text);
            assert!(
                !text.contains(&refresh_token) && !text.contains(SECRET),
                "{name} holds a secret"
            );
        }
        let file = |n: &str| &files.iter().find(|f| f.0 == n).unwrap().1;
        let google: serde_json::Value =
            serde_json::from_str(file("google-linked-service.json")).unwrap();
        assert_eq!(google["properties"]["type"], type_name);
        assert_eq!(
            google["properties"]["typeProperties"]["refreshToken"]["secretName"],
            "google-refresh-token"
        );
        assert!(file("keyvault.sh").contains("store_typed 'google-refresh-token' 'Refresh token'"));
        assert!(file("linked-services.tf").contains(&format!("type            = \"{type_name}\"")));
    }
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dry_run_proves_adfs_query_job_and_explains_a_refused_one() {
    let w = World::google().await;
    let app = w.page().await;
    ClientStep::of(&app).set_scopes(BIGQUERY).await;
    app.sign_in().await;
    AdfChecksCard::of(&app).set_project("demo-project").await;
    let said = AdfChecksCard::of(&app)
        .dry_run("ADF can run its query jobs in demo-project")
        .await;
    assert!(said.contains("sales, marketing"), "{said}");
    assert_eq!(w.provider.count("bigquery:jobs"), 1);
    // The linked service reads the same project.
    assert_eq!(app.value_of(testids::LS_PROJECT).await, "demo-project");

    AdfChecksCard::of(&app)
        .set_project(e2e::provider::apis::NO_JOBS_PROJECT)
        .await;
    let said = AdfChecksCard::of(&app)
        .dry_run("roles/bigquery.jobUser")
        .await;
    assert!(
        said.contains("may not run query jobs in project read-only-project"),
        "{said}"
    );
    AdfChecksCard::of(&app).set_project("no-such-project").await;
    AdfChecksCard::of(&app)
        .dry_run("is not a project this account can see")
        .await;
    assert!(app.session_storage_is_empty().await);
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ads_accounts_are_picked_from_a_list_checked_as_adf_runs_them_and_exported() {
    use e2e::provider::ads::{CLIENT, MANAGER};
    const DEVELOPER_TOKEN: &str = "dev-token-approved-e2e";
    let w = World::google().await;
    let app = w.page().await;
    ClientStep::of(&app).set_scopes(ADWORDS).await;
    let refresh_token = app.sign_in().await;
    AdfChecksCard::of(&app)
        .set_developer_token(DEVELOPER_TOKEN)
        .await;
    let list = AdfChecksCard::of(&app)
        .list_accounts("through manager")
        .await;
    assert!(
        list.contains("Shop (777-888-9999) through manager Agency MCC (111-222-3333)"),
        "{list}"
    );
    assert!(list.contains("Own account (444-555-6666)"), "{list}");
    assert!(
        list.lines()
            .all(|l| l.trim() != "Agency MCC (111-222-3333)"),
        "a manager alone is not offered: {list}"
    );

    // Picking fills the linked service; ADF's own query then works through the manager.
    AdfChecksCard::of(&app).pick_account(CLIENT).await;
    assert_eq!(app.value_of(testids::LS_CUSTOMER).await, CLIENT);
    assert_eq!(app.value_of("ls-login-customer").await, MANAGER);
    ExportCard::of(&app).toggle_reveal().await;
    let json = w
        .browser
        .wait_text(&testids::sel(testids::LS_JSON), "GoogleAdWords")
        .await;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let tp = &v["properties"]["typeProperties"];
    assert_eq!(tp["clientCustomerID"], CLIENT);
    assert_eq!(tp["loginCustomerID"], MANAGER);
    assert_eq!(tp["developerToken"]["value"], DEVELOPER_TOKEN);
    assert_eq!(tp["refreshToken"]["value"], refresh_token.as_str());
    ExportCard::of(&app).toggle_reveal().await;
    AdfChecksCard::of(&app)
        .run_adf_query("ADF's query works: Shop answers through manager 1112223333")
        .await;

    // Without the manager, ADF would meet USER_PERMISSION_DENIED: explained with its fix.
    ExportCard::of(&app).set_login_customer(" ").await;
    let said = AdfChecksCard::of(&app)
        .run_adf_query("USER_PERMISSION_DENIED")
        .await;
    assert!(said.contains("loginCustomerID"), "{said}");

    // The client's Cloud project has Test access only: the fix is on its Overview page.
    w.provider.ads_test_access(true);
    let said = AdfChecksCard::of(&app)
        .list_accounts("CLOUD_PROJECT_NOT_APPROVED_FOR_PRODUCTION")
        .await;
    assert!(
        said.contains("Google Ads API → Overview") && said.contains("Explorer access"),
        "{said}"
    );
    assert!(!said.contains(&["API", "Center"].join(" ")), "{said}");
    w.provider.ads_test_access(false);

    // The API refuses the page's origin: the page says so and hands over the commands.
    w.provider.refuse_ads_cors(true);
    let said = AdfChecksCard::of(&app)
        .list_accounts("gave this page no readable answer")
        .await;
    assert!(said.contains("CORS"), "{said}");
    let curl = w
        .browser
        .find("[data-testid=ads-curl-0]")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        curl.contains("\n  curl -sS --globoff -X POST 'https://googleads.googleapis.com/"),
        "{curl}"
    );
    assert!(
        curl.contains("-H 'login-customer-id: 1112223333'"),
        "{curl}"
    );
    // The tokens are asked for when the command runs; none is in its text.
    assert!(
        curl.contains("IFS= read -r developer_token;") && !curl.contains(DEVELOPER_TOKEN),
        "{curl}"
    );
    let ps = w
        .browser
        .find("[data-testid=ads-powershell-0]")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        ps.contains("Invoke-RestMethod -Method Post -Uri 'https://googleads.googleapis.com/"),
        "{ps}"
    );
    assert!(app.session_storage_is_empty().await);
    let traces = app.traces().await;
    assert!(
        !traces.contains(DEVELOPER_TOKEN),
        "the developer token is kept nowhere: {traces}"
    );
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

const SA_EMAIL: &str = "adf-reader@demo-project.iam.gserviceaccount.com";

/// Puts `text` into the field `testid` as a paste would: one input event.
async fn paste(w: &World, testid: &str, text: &str) {
    // Where a user pastes: the box on screen (its task chosen first).
    w.browser.reveal(&testids::sel(testid)).await;
    // Its task's part may still be arriving: wait for the box before pasting into it.
    w.browser.find(&testids::sel(testid)).await;
    let literal = serde_json::to_string(text).unwrap();
    w.browser
        .run(&format!(
            "const e = document.querySelector('[data-testid={testid}]'); e.focus(); e.value = {literal}; e.dispatchEvent(new Event('input', {{bubbles: true}})); return true"
        ))
        .await;
}

/// The base64 body of the key file's private key, to look for where it must not be.
fn key_material(key_file: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(key_file).unwrap();
    v["private_key"]
        .as_str()
        .unwrap()
        .lines()
        .nth(5)
        .unwrap()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_service_account_key_becomes_a_token_a_dry_run_and_an_export() {
    let w = World::google().await;
    let app = AppPage::open(&w.browser, &w.app_url).await;
    app.open_task("service-account").await;
    let key_file = w.provider.create_service_account(SA_EMAIL, "demo-project");
    paste(&w, testids::SA_TEXT, &key_file).await;
    w.browser
        .wait_text(
            &testids::sel(testids::SA_KEY),
            &format!("Service account {SA_EMAIL}"),
        )
        .await;
    ServiceAccountCard::of(&app)
        .get_token("An access token arrived")
        .await;
    assert_eq!(
        w.provider
            .count("token:urn:ietf:params:oauth:grant-type:jwt-bearer"),
        1
    );

    // "Use it" holds this task's linked service: its Azure Data Factory view is not empty,
    // and going there keeps the key (the card says where its linked service went).
    w.browser
        .wait_text(&testids::sel(testids::SA_EXPORT_MOVED), "Use it")
        .await;
    w.browser.click("#tab-adf").await;
    let shown = w
        .browser
        .wait_text(
            "[data-view=adf] [data-testid=sa-json]",
            "ServiceAuthentication",
        )
        .await;
    assert!(shown.contains("\"projectId\": \"demo-project\""), "{shown}");
    w.browser
        .wait_text(
            &testids::sel(testids::SA_KEY),
            &format!("Service account {SA_EMAIL}"),
        )
        .await;

    // The checks use the service account's token; leaving the card wipes the key.
    assert_eq!(app.value_of(testids::ADF_PROJECT).await, "demo-project");
    AdfChecksCard::of(&app)
        .dry_run("ADF can run its query jobs in demo-project")
        .await;
    // A service account's token has no refresh token: no "Refresh now", no "Revoke".
    for testid in [testids::REFRESH_NOW_PROVE, testids::REVOKE] {
        let shown = w
            .browser
            .run(&format!(
                "const b = document.querySelector('[data-view=check] [data-testid={testid}]'); \
                 return b !== null && b.getClientRects().length > 0;"
            ))
            .await;
        assert_eq!(shown, serde_json::json!(false), "{testid} is shown");
    }
    assert!(
        w.browser
            .has("[data-view=check] [data-testid=tokeninfo]")
            .await
    );
    w.browser
        .wait_text(&testids::sel(testids::SA_KEY), "The key was wiped")
        .await;
    assert_eq!(app.value_of(testids::SA_TEXT).await, "");

    // The linked service reads the key from Key Vault; its pack parses back.
    let json = w
        .browser
        .wait_text(&testids::sel(testids::SA_JSON), "ServiceAuthentication")
        .await;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let tp = &v["properties"]["typeProperties"];
    assert_eq!(v["properties"]["type"], "GoogleBigQueryV2");
    assert_eq!(tp["projectId"], "demo-project");
    assert_eq!(tp["keyFileContent"]["type"], "AzureKeyVaultSecret");
    assert_eq!(
        tp["keyFileContent"]["secretName"],
        "google-service-account-key"
    );
    ServiceAccountCard::of(&app)
        .set_resource_group("rg-data")
        .await;
    ServiceAccountCard::of(&app).set_factory("adf-prod").await;
    ServiceAccountCard::of(&app).set_vault("kv-google").await;
    w.browser.find(&testids::sel(testids::PACK_FILE)).await;
    let files = pack_files(&w, &app).await;
    assert_eq!(files.len(), 13);
    for (name, text) in &files {
        read_back(name, text);
        assert!(
            !text.contains(&key_material(&key_file)),
            "{name} holds the key"
        );
    }
    let script = &files.iter().find(|f| f.0 == "keyvault.sh").unwrap().1;
    assert!(
        script.contains("store_file 'google-service-account-key' 'Service account key file'"),
        "{script}"
    );

    // Embedded as a SecureString: only while the key is loaded, masked until revealed.
    ServiceAccountCard::of(&app).toggle_key_vault().await;
    w.browser
        .wait_text(&testids::sel(testids::SA_JSON), "keyFileContent")
        .await;
    paste(&w, testids::SA_TEXT, &key_file).await;
    let json = w
        .browser
        .wait_text(&testids::sel(testids::SA_JSON), "SecureString")
        .await;
    assert!(
        !json.contains(&key_material(&key_file)),
        "masked until revealed"
    );
    ServiceAccountCard::of(&app).toggle_reveal().await;
    let json = w
        .browser
        .wait_text(&testids::sel(testids::SA_JSON), "BEGIN PRIVATE KEY")
        .await;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let embedded = v["properties"]["typeProperties"]["keyFileContent"]["value"]
        .as_str()
        .unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(embedded).unwrap(),
        serde_json::from_str::<serde_json::Value>(&key_file).unwrap()
    );
    ServiceAccountCard::of(&app).forget().await;
    w.browser
        .wait_text(&testids::sel(testids::SA_KEY), "The key was wiped")
        .await;

    let traces = app.traces().await;
    assert!(
        !traces.contains(&key_material(&key_file)),
        "the key is kept nowhere: {traces}"
    );
    assert!(app.session_storage_is_empty().await);
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_signature_a_wrong_clock_and_a_malformed_key_are_explained() {
    let w = World::google().await;
    let app = AppPage::open(&w.browser, &w.app_url).await;
    app.open_task("service-account").await;
    let key_file = w.provider.create_service_account(SA_EMAIL, "demo-project");

    // Signed with a key Google does not have on file for this account.
    let other = w.provider.create_service_account(
        "someone-else@demo-project.iam.gserviceaccount.com",
        "demo-project",
    );
    let mut forged: serde_json::Value = serde_json::from_str(&key_file).unwrap();
    forged["private_key"] =
        serde_json::from_str::<serde_json::Value>(&other).unwrap()["private_key"].clone();
    paste(&w, testids::SA_TEXT, &forged.to_string()).await;
    let said = ServiceAccountCard::of(&app)
        .get_token("Invalid JWT Signature")
        .await;
    assert!(said.contains("Create a new JSON key"), "{said}");

    // The computer's clock is two hours off Google's.
    w.provider.set_clock_skew(7200);
    paste(&w, testids::SA_TEXT, &key_file).await;
    let said = ServiceAccountCard::of(&app).get_token("clock is off").await;
    assert!(said.contains("reasonable timeframe"), "{said}");
    w.provider.set_clock_skew(0);

    // Not a key the page can use.
    let mut broken: serde_json::Value = serde_json::from_str(&key_file).unwrap();
    broken["private_key"] =
        "-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----\n".into();
    paste(&w, testids::SA_TEXT, &broken.to_string()).await;
    w.browser
        .wait_text(
            &testids::sel(testids::SA_KEY),
            "not a PEM-encoded PKCS#8 key",
        )
        .await;
    paste(
        &w,
        testids::SA_TEXT,
        r#"{"web":{"client_id":"1.apps.googleusercontent.com"}}"#,
    )
    .await;
    w.browser
        .wait_text(&testids::sel(testids::SA_KEY), "not a service account key")
        .await;
    assert_eq!(
        w.provider
            .count("token:urn:ietf:params:oauth:grant-type:jwt-bearer"),
        2
    );

    let traces = app.traces().await;
    assert!(!traces.contains(&key_material(&key_file)), "{traces}");
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_download_button_saves_its_file() {
    let w = World::build(Setup {
        build: Build::GoogleOnly,
        testing: true,
        ..Setup::default()
    })
    .await;
    let app = w.page().await;
    ClientStep::of(&app).set_scopes(BIGQUERY).await;
    app.sign_in().await;

    // The calendar reminder of a token that expires (an app in Testing).
    let ics = TokensCard::of(&app).save_reminder().await;
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.contains("BEGIN:VALARM"),
        "{ics}"
    );

    // Masked, the linked service is not saved: the reason is said at the button.
    ExportCard::of(&app).set_project("demo-project").await;
    ExportCard::of(&app).download().await;
    w.browser
        .wait_text(
            &testids::sel(testids::LS_SAVE_PROBLEM),
            "Not saved: the secrets are masked",
        )
        .await;
    // Revealed, the file is exactly what is shown, with the real values.
    ExportCard::of(&app).toggle_reveal().await;
    let shown = w
        .browser
        .wait_text(&testids::sel(testids::LS_JSON), SECRET)
        .await;
    ExportCard::of(&app).download().await;
    let saved = w
        .browser
        .downloaded("GoogleBigQueryLinkedService.json")
        .await;
    assert_eq!(saved.trim_end(), shown.trim_end());

    // Every file of the deployment pack.
    ExportCard::of(&app).toggle_key_vault().await;
    ExportCard::of(&app).set_resource_group("rg-data").await;
    ExportCard::of(&app).set_factory("adf-prod").await;
    ExportCard::of(&app).set_vault("kv-google").await;
    w.browser.find(&testids::sel(testids::PACK_FILE)).await;
    let files = pack_files(&w, &app).await;
    assert_eq!(files.len(), 13);
    for (i, (name, text)) in files.iter().enumerate() {
        PackFiles::of(&app).choose(i).await;
        w.browser
            .wait_text(&testids::sel(testids::PACK_TEXT), text)
            .await;
        w.browser
            .find("[data-testid=export-card] [data-testid=pack-download]")
            .await
            .click()
            .await
            .unwrap();
        let saved = w.browser.downloaded(name).await;
        // The page shows the text in a <pre>, whose text WebDriver gives without a final newline.
        assert_eq!(saved.trim_end(), text.trim_end(), "{name}");
    }
    // And all of them in one go: the same files, in one folder of a .zip.
    w.browser
        .find(&testids::sel(testids::PACK_DOWNLOAD_ALL))
        .await
        .click()
        .await
        .unwrap();
    let zip = w.browser.downloaded_bytes("adf-deployment-pack.zip").await;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a .zip");
    assert_eq!(archive.len(), files.len());
    for (i, (name, text)) in files.iter().enumerate() {
        let mut entry = archive.by_index(i).unwrap();
        assert_eq!(entry.name(), format!("adf-deployment-pack/{name}"));
        let mut saved = String::new();
        std::io::Read::read_to_string(&mut entry, &mut saved).unwrap();
        assert_eq!(saved.trim_end(), text.trim_end(), "{name}");
    }
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_ads_checks_need_no_developer_token_and_explain_a_retired_version() {
    let w = World::google().await;
    let app = w.page().await;
    ClientStep::of(&app).set_scopes(ADWORDS).await;
    app.sign_in().await;
    // No developer token typed: the checks run, and none is sent.
    let list = AdfChecksCard::of(&app)
        .list_accounts("Own account (444-555-6666)")
        .await;
    assert!(list.contains("through manager Agency MCC"), "{list}");
    // The version the page calls is turned off: the fix names the version picker.
    w.provider
        .retire_ads_version(refresh_token_helper::google::ads::ADS_API_VERSION);
    let said = AdfChecksCard::of(&app)
        .list_accounts("UNSUPPORTED_VERSION")
        .await;
    assert!(said.contains("Google Ads API version field"), "{said}");
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn customer_ids_that_are_not_ten_digits_are_never_shown_or_called() {
    use e2e::provider::ads::ODD_IDS;
    let w = World::google().await;
    w.provider.odd_ads_ids(true);
    let app = w.page().await;
    ClientStep::of(&app).set_scopes(ADWORDS).await;
    app.sign_in().await;
    AdfChecksCard::of(&app)
        .set_developer_token("dev-token-approved-e2e")
        .await;
    let list = AdfChecksCard::of(&app)
        .list_accounts("Shop (777-888-9999) through manager Agency MCC (111-222-3333)")
        .await;
    for odd in ODD_IDS {
        assert!(!list.contains(odd), "{odd} shown: {list}");
    }
    assert!(!list.contains("Odd"), "{list}");
    // One search per well-formed accessible account, none for the others; the page lives on
    // (a panic would stop it: `panic = "abort"`), and picking an account still works.
    assert_eq!(w.provider.count("ads:search"), 2);
    AdfChecksCard::of(&app).pick_account("7778889999").await;
    assert_eq!(app.value_of(testids::LS_CUSTOMER).await, "7778889999");
    w.assert_no_secret_left(&app).await;
    w.finish().await;
}
