//! Every deploy recipe the docs send people to, under its real server on loopback: the
//! page mounts under the recipe's path and shows that path as its redirect URI, the console
//! stays clean, every file has its right type, and every header the recipe promises is on the
//! page and on the wasm.

use refresh_token_helper::testids;
use std::collections::HashMap;

use e2e::driver::Browser;
use e2e::pages::AppPage;
use e2e::recipes::{self, head, nginx_promises, swa_promises};
use e2e::site;

/// The type each kind of file must be served with.
fn expected_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("html") => "text/html",
        Some("js") => "javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        _ => "",
    }
}

fn check_headers(what: &str, headers: &HashMap<String, String>, promised: &[(String, String)]) {
    for (name, value) in promised {
        assert_eq!(
            headers.get(&name.to_ascii_lowercase()),
            Some(value),
            "{what} lacks the promised {name}: {headers:#?}"
        );
    }
}

/// Fetches every file of the build under `url`, then opens the page in Chromium.
async fn check_served(url: &str, promised: &[(String, String)]) {
    let (status, headers) = head(url);
    assert_eq!(status, 200, "{url}");
    assert!(
        headers["content-type"].starts_with("text/html"),
        "{url} is served as {}",
        headers["content-type"]
    );
    check_headers(url, &headers, promised);
    for name in page_files() {
        let file = format!("{url}{name}");
        let (status, headers) = head(&file);
        assert_eq!(status, 200, "{file}");
        let served = headers.get("content-type").cloned().unwrap_or_default();
        assert!(
            served.contains(expected_type(&name)),
            "{name} is served as {served:?}, not {}",
            expected_type(&name)
        );
        check_headers(&file, &headers, promised);
    }
    let browser = Browser::start().await;
    // Opening checks that the load logged no error or warning.
    let app = AppPage::open(&browser, url).await;
    let shown = browser
        .find(&testids::sel(testids::REDIRECT_URI))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        shown, url,
        "the page shows its own address as the redirect URI"
    );
    drop(app);
    browser.close().await;
}

/// The files of the page, without the compressed copies beside them.
fn page_files() -> Vec<String> {
    let files = recipes::page_files(&site::dist_dir());
    // Every loop over them checks something only if there is something to check.
    assert!(
        files.iter().any(|f| f.ends_with(".wasm")) && files.iter().any(|f| f == "index.html"),
        "no page in dist/: {files:?}"
    );
    files
}

/// What goes over the wire for each file, as a browser that accepts `br, gzip`, one that
/// accepts only gzip, and one that accepts nothing would get it: the Brotli copy, the gzip
/// copy, the file itself, byte for byte. Returns the bytes a first visit of a Brotli browser
/// downloads.
fn check_encodings(url: &str) -> usize {
    let dist = site::dist_dir();
    let mut on_the_wire = 0;
    for name in page_files() {
        let file = format!("{url}{name}");
        let raw = std::fs::read(dist.join(&name)).unwrap();
        for (accept, encoding, copy) in [
            (Some("br, gzip"), Some("br"), format!("{name}.br")),
            (Some("gzip"), Some("gzip"), format!("{name}.gz")),
            (None, None, name.clone()),
        ] {
            let (status, headers, body) = recipes::get(&file, accept);
            assert_eq!(status, 200, "{file}");
            assert_eq!(
                headers.get("content-encoding").map(String::as_str),
                encoding,
                "{file} for Accept-Encoding {accept:?}: {headers:#?}"
            );
            let expected = std::fs::read(dist.join(&copy))
                .unwrap_or_else(|e| panic!("{copy}: {e} (scripts/release writes it)"));
            assert!(body == expected, "{file} for {accept:?} is not {copy}");
            if encoding.is_some() {
                assert_eq!(
                    headers.get("vary").map(String::as_str),
                    Some("Accept-Encoding"),
                    "{file} for {accept:?}: a cache must keep the encodings apart"
                );
            }
            if encoding == Some("br") {
                eprintln!("{:>9} of {:>9}  {name}", body.len(), raw.len());
                on_the_wire += body.len();
            }
        }
    }
    on_the_wire
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_nginx_recipe_sends_the_precompressed_copies() {
    let recipe = std::fs::read_to_string(recipes::root().join("deploy/nginx.conf")).unwrap();
    let server = recipes::start_nginx(&recipe, &site::dist_dir());
    let url = format!("http://127.0.0.1:{}/tools/refresh-token/", server.port);
    let total = check_encodings(&url);
    eprintln!("{total:>9} bytes on the wire for a first visit through the nginx recipe");
    // The page itself asks for index.html by its folder: the same copy.
    let (_, headers, body) = recipes::get(&url, Some("br, gzip"));
    assert_eq!(
        headers.get("content-encoding").map(String::as_str),
        Some("br")
    );
    assert!(body == std::fs::read(site::dist_dir().join("index.html.br")).unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_nginx_recipe_serves_the_page_with_its_headers() {
    let recipe = std::fs::read_to_string(recipes::root().join("deploy/nginx.conf")).unwrap();
    let promised = nginx_promises(&recipe);
    assert!(promised.len() >= 6, "{promised:?}");
    let server = recipes::start_nginx(&recipe, &site::dist_dir());
    let url = format!("http://127.0.0.1:{}/tools/refresh-token/", server.port);
    check_served(&url, &promised).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_static_web_apps_config_serves_the_page_with_its_headers() {
    let config =
        std::fs::read_to_string(recipes::root().join("deploy/staticwebapp.config.json")).unwrap();
    let promised = swa_promises(&config);
    assert!(promised.len() >= 6, "{promised:?}");
    let server = recipes::start_swa(&config, &site::dist_dir());
    let url = format!("http://127.0.0.1:{}/", server.port);
    check_served(&url, &promised).await;
    // Static Web Apps compresses .html, .css and .js itself and sends `NAME.br` for any other
    // file to a browser that accepts Brotli (Microsoft, "Azure Static Web Apps FAQ": "How do I
    // enable Gzip or Brotli compression?"). The emulator does neither; it must at least have
    // been given the wasm's copy, as a deployment of dist/ gives it to the service.
    let wasm = page_files()
        .into_iter()
        .find(|n| n.ends_with("_bg.wasm"))
        .expect("the first screen's wasm");
    let (status, _, body) = recipes::get(&format!("{url}{wasm}.br"), None);
    assert_eq!(status, 200, "{wasm}.br is deployed beside {wasm}");
    assert!(body == std::fs::read(site::dist_dir().join(format!("{wasm}.br"))).unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pages_artifact_works_under_its_repository_path() {
    // The workflow publishes exactly what `scripts/release` makes: the Google-only dist/ that
    // this suite builds (and checks reproducible), with its SHA256SUMS beside it.
    let workflow =
        std::fs::read_to_string(recipes::root().join(".github/workflows/pages.yml")).unwrap();
    let build = workflow
        .split("- name: Build")
        .nth(1)
        .and_then(|rest| rest.split("- name:").next())
        .expect("a Build step");
    assert!(build.contains("scripts/release"), "{build}");
    assert!(!build.contains("RTH_PROVIDER_ORIGINS") && !build.contains("--features"));
    assert!(workflow.contains("path: dist"));
    assert!(workflow.contains("> dist/SHA256SUMS") && workflow.contains("GITHUB_STEP_SUMMARY"));
    // Pages serves the artifact as plain files under /<repository>/.
    let url = site::spawn(site::dist_dir(), "/refresh-token-helper/").await;
    check_served(&url, &[]).await;
}
