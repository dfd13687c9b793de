//! The benchmark: sizes against a minimal Leptos page, time to interactive against a static
//! form, the app's own time from token response to tokens on screen, and build times.
//! Prints figures; asserts nothing. Run it with `scripts/bench`; `scripts/bench compare DIR...`
//! compares first visits of several built pages, taking turns.

use e2e::pages::client::ClientStep;
use e2e::pages::consent::ConsentStep;
use e2e::pages::provider_consent::ProviderConsent;
use e2e::pages::tokens::TokensCard;
use e2e::pages::AppPage;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use e2e::driver::Browser;
use e2e::measure::{dist_sizes, totals, FileSize};
use e2e::site;
use e2e::world::{Setup, World};

const RUNS: usize = 21;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[values.len() / 2]
}

fn trunk_release(dir: &Path) -> Duration {
    let started = Instant::now();
    let status = Command::new("trunk")
        .args(["build", "--release"])
        .current_dir(dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("trunk runs (scripts/bench installs it)");
    assert!(
        status.success(),
        "trunk build --release failed in {}",
        dir.display()
    );
    started.elapsed()
}

fn print_sizes(title: &str, files: &[FileSize]) -> usize {
    println!("\n{title}");
    println!("{:>10} {:>10} {:>10}  file", "raw", "gzip -9", "brotli");
    for f in files {
        println!("{:>10} {:>10} {:>10}  {}", f.raw, f.gzip, f.brotli, f.name);
    }
    let (raw, gzip, brotli) = totals(files);
    println!("{raw:>10} {gzip:>10} {brotli:>10}  total");
    gzip
}

/// One load, in milliseconds from navigation start: when the first file after the HTML was
/// requested, when the wasm was downloaded and started running (`rth:start`; the static
/// form has neither), and when the page became interactive (`rth:interactive`).
struct Load {
    first_request: f64,
    wasm_loaded: Option<f64>,
    start: Option<f64>,
    interactive: f64,
}

async fn load(browser: &Browser, url: &str) -> Load {
    browser.client.goto(url).await.expect("loads");
    let started = Instant::now();
    loop {
        let v = browser
            .run(
                "const m = performance.getEntriesByName('rth:interactive')[0]; \
                  const i = document.querySelector('[data-testid=client-id]'); \
                  if (!m || !i || i.disabled) return null; \
                  const s = performance.getEntriesByName('rth:start')[0]; \
                  const r = performance.getEntriesByType('resource'); \
                  const w = r.find(e => e.name.endsWith('.wasm')); \
                  return [r.length ? Math.min(...r.map(e => e.startTime)) : m.startTime, \
                          w ? w.responseEnd : null, s ? s.startTime : null, m.startTime];",
            )
            .await;
        if let Some(t) = v.as_array() {
            let at = |i: usize| t.get(i).and_then(|v| v.as_f64());
            return Load {
                first_request: at(0).expect("a number"),
                wasm_loaded: at(1),
                start: at(2),
                interactive: at(3).expect("a number"),
            };
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{url} never became interactive"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Medians of several loads: to interactive, the app's own start within it, and where the
/// time before it went.
struct Loads {
    first: f64,
    interactive: f64,
    own: Option<f64>,
    first_request: f64,
    wasm_loaded: Option<f64>,
    start: Option<f64>,
}

fn loads(times: Vec<Load>) -> Loads {
    let some = |f: fn(&Load) -> Option<f64>| {
        let v: Vec<f64> = times.iter().filter_map(f).collect();
        (!v.is_empty()).then(|| median(v))
    };
    Loads {
        first: times[0].interactive,
        interactive: median(times.iter().map(|t| t.interactive).collect()),
        own: some(|t| t.start.map(|s| t.interactive - s)),
        first_request: median(times.iter().map(|t| t.first_request).collect()),
        wasm_loaded: some(|t| t.wasm_loaded),
        start: some(|t| t.start),
    }
}

/// Warm: `RUNS` loads in one browser (its HTTP cache and compiled-code cache kept).
async fn interactive_ms(browser: &Browser, url: &str) -> Loads {
    let mut times = Vec::new();
    for _ in 0..RUNS {
        times.push(load(browser, url).await);
    }
    loads(times)
}

/// First visit in a running browser: each of `RUNS` loads in a new tab that uses no cache and
/// where the origin has stored nothing, as someone with the browser already open meets the
/// page.
async fn fresh_context_ms(browser: &Browser, url: &str) -> Loads {
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let fresh = browser.enter_fresh_context(url).await;
        times.push(load(browser, url).await);
        browser.leave_fresh_context(fresh).await;
    }
    loads(times)
}

/// First visit: each of `RUNS` loads in a new browser with a new, empty profile.
async fn first_visit_ms(args: &[String], url: &str) -> Loads {
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let browser = Browser::start_with(args).await;
        times.push(load(&browser, url).await);
        browser.close().await;
    }
    loads(times)
}

/// "first file requested 40.1 ms, wasm downloaded 112.4, wasm running 146.9": the medians
/// of the moments before interactive.
fn phases(loads: &Loads) -> String {
    let mut out = format!("first file requested {:.1} ms", loads.first_request);
    if let Some(ms) = loads.wasm_loaded {
        out += &format!(", wasm downloaded {ms:.1}");
    }
    if let Some(ms) = loads.start {
        out += &format!(", wasm running {ms:.1}");
    }
    out
}

fn own_start(loads: &Loads) -> String {
    loads
        .own
        .map(|ms| format!(", of which the app's own start {ms:.1} ms"))
        .unwrap_or_default()
}

/// Bytes on the wire for a first visit through each deploy recipe's server, as a browser that
/// accepts `br, gzip` asks for the page's files.
async fn print_wire(dist: &Path) {
    use e2e::recipes;
    println!(
        "\nBytes on the wire, first visit (the files the first screen loads, not the parts fetched later; Accept-Encoding: br, gzip)"
    );
    let recipe = std::fs::read_to_string(root().join("deploy/nginx.conf")).expect("the recipe");
    let nginx = recipes::start_nginx(&recipe, dist);
    let url = format!("http://127.0.0.1:{}/tools/refresh-token/", nginx.port);
    println!(
        "  nginx recipe (brotli_static, gzip_static):      {:>9} B",
        recipes::first_visit_bytes(&url, dist)
    );
    drop(nginx);
    if std::env::var_os("RTH_SWA").is_some() {
        let config = std::fs::read_to_string(root().join("deploy/staticwebapp.config.json"))
            .expect("the config");
        let swa = recipes::start_swa(&config, dist);
        let url = format!("http://127.0.0.1:{}/", swa.port);
        println!(
            "  Static Web Apps emulator (compresses nothing):  {:>9} B",
            recipes::first_visit_bytes(&url, dist)
        );
        println!(
            "  Static Web Apps as documented (.br for the wasm, its own Brotli for html/css/js): {:>9} B",
            recipes::precompressed_bytes(dist, "br")
        );
    }
    let url = site::spawn(dist.to_path_buf(), "/").await;
    println!(
        "  a plain static server (no compression):         {:>9} B",
        recipes::first_visit_bytes(&url, dist)
    );
    println!(
        "  GitHub Pages (gzips as it serves; the .gz copies as an estimate): {:>9} B",
        recipes::precompressed_bytes(dist, "gz")
    );
}

/// Where the bytes of the split build's modules are (`scripts/split` keeps them as split, with
/// their names): the first screen's module, then the parts fetched later, taken together.
fn print_breakdown(split: &Path) {
    let mut first = Vec::new();
    let mut later = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(split)
        .expect("scripts/split keeps the split modules in target/wasm-split")
        .map(|e| e.expect("a folder entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let bytes = std::fs::read(&path).expect("a split module");
        let b = e2e::breakdown::breakdown(&bytes).expect("a wasm module");
        if path.file_name().is_some_and(|n| n == "first-screen.wasm") {
            first.push(b);
        } else {
            later.push(b);
        }
    }
    print_modules(
        "the first screen's module (loaded by every visit)",
        &e2e::breakdown::Breakdown::merged(first),
    );
    print_modules(
        "the parts, fetched when first shown (all of them together)",
        &e2e::breakdown::Breakdown::merged(later),
    );
}

fn print_modules(what: &str, b: &e2e::breakdown::Breakdown) {
    println!(
        "\nWhere the bytes of {what} are (as split, before wasm-bindgen and wasm-opt: {} code, {} data)",
        b.code, b.data
    );
    println!("  by crate (code bytes, share):");
    for (name, size) in b.by_crate.iter().take(15) {
        println!(
            "  {size:>9} {:>5.1}%  {name}",
            *size as f64 * 100.0 / b.code as f64
        );
    }
    println!("  our modules:");
    for (name, size) in b.ours.iter().take(25) {
        println!(
            "  {size:>9} {:>5.1}%  {name}",
            *size as f64 * 100.0 / b.code as f64
        );
    }
}

/// The static form with our stylesheet, in a folder of its own to serve.
fn static_form_dir() -> PathBuf {
    let root = root();
    let dir = e2e::fresh_dir("static-form");
    for (from, to) in [
        ("bench/static-form/index.html", "index.html"),
        ("bench/static-form/mark.js", "mark.js"),
        ("style/main.css", "main.css"),
    ] {
        std::fs::copy(root.join(from), dir.join(to)).expect("copied");
    }
    dir
}

/// `bench compare DIR...`: first visits of each built page, one of each in turn per round
/// (so a slower spell of the machine hits them alike, in a rotating order), with the static
/// form as the floor.
/// For judging a change on a prototype: build it into another folder and compare.
async fn compare(dirs: &[String]) {
    let mut names = vec!["static form".to_owned()];
    let mut urls = vec![site::spawn(static_form_dir(), "/").await];
    for dir in dirs {
        let path = PathBuf::from(dir);
        assert!(
            path.join("index.html").is_file(),
            "{dir} holds no index.html"
        );
        names.push(dir.clone());
        urls.push(site::spawn(path, "/").await);
    }
    println!("First visits, {RUNS} rounds, the pages in turn (medians, ms from navigation start)");
    let mut times: Vec<Vec<Load>> = urls.iter().map(|_| Vec::new()).collect();
    for round in 0..RUNS {
        // Each round starts one page further on: a load right after another page's browser
        // closed runs slower, so every page comes after every other one equally often.
        for i in 0..urls.len() {
            let page = (round + i) % urls.len();
            let browser = Browser::start_with(&[]).await;
            times[page].push(load(&browser, &urls[page]).await);
            browser.close().await;
        }
    }
    let results: Vec<Loads> = times.into_iter().map(loads).collect();
    let floor = results[0].interactive;
    for (name, r) in names.iter().zip(&results) {
        println!(
            "  {name}: interactive {:.1} ({:.2}x){}\n      {}",
            r.interactive,
            r.interactive / floor,
            own_start(r),
            phases(r)
        );
    }
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "breakdown") {
        print_breakdown(&root().join("target/wasm-split"));
        return;
    }
    if let Some(("compare", dirs)) = args.split_first().map(|(a, rest)| (a.as_str(), rest)) {
        compare(dirs).await;
        return;
    }
    let root = root();
    println!("Refresh Token Helper benchmark ({RUNS} runs where repeated; medians)");

    // Builds: cold (no compiled wasm at all), then incremental (one source file touched).
    // RTH_BENCH_BUILT=1 measures the dist/ already built instead (quicker, while iterating).
    let built = std::env::var_os("RTH_BENCH_BUILT").is_some();
    let baseline_dir = root.join("bench/baseline");
    let builds = (!built).then(|| {
        let _ = std::fs::remove_dir_all(root.join("target/wasm32-unknown-unknown/release"));
        let cold = trunk_release(&root);
        let lib = root.join("src/lib.rs");
        let text = std::fs::read(&lib).expect("src/lib.rs");
        std::fs::write(&lib, &text).expect("touch src/lib.rs");
        let incremental = trunk_release(&root);
        (cold, incremental, trunk_release(&baseline_dir))
    });

    let ours = print_sizes("Our dist/ (bytes)", &dist_sizes(&root.join("dist")));
    if baseline_dir.join("dist/index.html").is_file() {
        let base = print_sizes(
            "Baseline: minimal Leptos 0.8 CSR page with gloo-net and serde, same profile (bytes)",
            &dist_sizes(&baseline_dir.join("dist")),
        );
        println!(
            "\ngzip total, ours / baseline: {:.2}x (target <= 1.6x)",
            ours as f64 / base as f64
        );
    } else {
        println!(
            "\nBaseline: not built (bench/baseline/dist is missing; run without RTH_BENCH_BUILT)"
        );
    }
    print_wire(&root.join("dist")).await;
    print_breakdown(&root.join("target/wasm-split"));

    // Time to interactive: ours against a static page with the same form.
    let floor_dir = static_form_dir();
    let world = World::build(Setup {
        client_id: "bench-client",
        secret: "bench-secret",
        // The build users get, reaching the local provider under Google's names.
        build: e2e::site::Build::GoogleOnly,
        ..Setup::default()
    })
    .await;
    let (browser, app_url) = (&world.browser, &world.app_url);
    let floor_url = site::spawn(floor_dir, "/").await;
    let app = interactive_ms(browser, app_url).await;
    let floor = interactive_ms(browser, &floor_url).await;
    println!(
        "\nTime to interactive in headless Chromium (navigation start → client ID input ready)"
    );
    println!(
        "  ours:         {:7.1} ms median   (first load {:.1} ms{})",
        app.interactive,
        app.first,
        own_start(&app)
    );
    println!("      {}", phases(&app));
    println!(
        "  static form:  {:7.1} ms median   (first load {:.1} ms)",
        floor.interactive, floor.first
    );
    println!("      {}", phases(&floor));
    println!(
        "  ratio:        {:.2}x (target <= 1.3x)",
        app.interactive / floor.interactive
    );
    let app_fresh = fresh_context_ms(browser, app_url).await;
    let floor_fresh = fresh_context_ms(browser, &floor_url).await;
    println!("First visit in a running browser (a new tab per load, no cache, nothing stored)");
    println!(
        "  ours:         {:7.1} ms median{}",
        app_fresh.interactive,
        own_start(&app_fresh)
    );
    println!("      {}", phases(&app_fresh));
    println!("  static form:  {:7.1} ms median", floor_fresh.interactive);
    println!(
        "  ratio:        {:.2}x (target <= 2.5x; long-term 1.3x)",
        app_fresh.interactive / floor_fresh.interactive
    );
    let app_first_visit = first_visit_ms(&world.browser.args, app_url).await;
    let floor_first_visit = first_visit_ms(&world.browser.args, &floor_url).await;
    println!("First visit in a new browser (a new profile per load: the browser's own start-up included)");
    println!(
        "  ours:         {:7.1} ms median{}",
        app_first_visit.interactive,
        own_start(&app_first_visit)
    );
    println!("      {}", phases(&app_first_visit));
    println!(
        "  static form:  {:7.1} ms median",
        floor_first_visit.interactive
    );
    println!("      {}", phases(&floor_first_visit));
    println!(
        "  ratio:        {:.2}x (target <= 1.3x)",
        app_first_visit.interactive / floor_first_visit.interactive
    );

    // The app's own work: token response arrived → tokens on screen.
    let mut own = Vec::new();
    for _ in 0..RUNS {
        let app = AppPage::open(browser, app_url).await;
        ClientStep::of(&app)
            .fill_client("bench-client", "bench-secret")
            .await;
        ConsentStep::of(&app).go_to_consent().await;
        ProviderConsent::of(&app).allow().await;
        TokensCard::of(&app).see_refresh_token().await;
        let mut ms = None;
        for _ in 0..100 {
            let v = browser
                .run(
                    "const a = performance.getEntriesByName('rth:token-response')[0]; \
                      const b = performance.getEntriesByName('rth:tokens-shown')[0]; \
                      return a && b ? b.startTime - a.startTime : null;",
                )
                .await;
            if let Some(v) = v.as_f64() {
                ms = Some(v);
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        own.push(ms.expect("both marks were set"));
    }
    println!("\nToken response → tokens on screen (the app's own work)");
    println!(
        "  {:.2} ms median over {RUNS} exchanges (min {:.2}, max {:.2}; target <= 5 ms)",
        median(own.clone()),
        own.iter().cloned().fold(f64::INFINITY, f64::min),
        own.iter().cloned().fold(0.0, f64::max)
    );
    world.finish().await;

    println!("\ntrunk build --release wall time");
    let Some((cold, incremental, baseline_build)) = builds else {
        println!("  not measured (RTH_BENCH_BUILT)");
        return;
    };
    println!(
        "  cold (no compiled wasm):      {:6.1} s",
        cold.as_secs_f64()
    );
    println!(
        "  incremental (src touched):    {:6.1} s",
        incremental.as_secs_f64()
    );
    println!(
        "  baseline (shared deps built): {:6.1} s",
        baseline_build.as_secs_f64()
    );
}
