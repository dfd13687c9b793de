//! The benchmark: sizes against a minimal Leptos page, time to interactive against a static
//! form, the app's own time from token response to tokens on screen, and build times.
//! Prints figures; asserts nothing. Run it with `scripts/bench`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use e2e::browser::{AppPage, Browser};
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

/// One load: milliseconds from navigation start to the `rth:interactive` mark, and from the
/// wasm's start (`rth:start`; the static form has none) to that mark.
async fn load_ms(browser: &Browser, url: &str) -> (f64, Option<f64>) {
    browser.client.goto(url).await.expect("loads");
    let started = Instant::now();
    loop {
        let v = browser
            .run(
                "const m = performance.getEntriesByName('rth:interactive')[0]; \
                  const s = performance.getEntriesByName('rth:start')[0]; \
                  const i = document.querySelector('[data-testid=client-id]'); \
                  return m && i && !i.disabled ? [m.startTime, s ? m.startTime - s.startTime : null] : null;",
            )
            .await;
        if let Some(ms) = v.get(0).and_then(|v| v.as_f64()) {
            return (ms, v.get(1).and_then(|v| v.as_f64()));
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{url} never became interactive"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Medians of several loads: to interactive, and the app's own start within it.
struct Loads {
    first: f64,
    interactive: f64,
    own: Option<f64>,
}

fn loads(times: Vec<(f64, Option<f64>)>) -> Loads {
    let own: Vec<f64> = times.iter().filter_map(|t| t.1).collect();
    Loads {
        first: times[0].0,
        interactive: median(times.iter().map(|t| t.0).collect()),
        own: (!own.is_empty()).then(|| median(own)),
    }
}

/// Warm: `RUNS` loads in one browser (its HTTP cache and compiled-code cache kept).
async fn interactive_ms(browser: &Browser, url: &str) -> Loads {
    let mut times = Vec::new();
    for _ in 0..RUNS {
        times.push(load_ms(browser, url).await);
    }
    loads(times)
}

/// First visit: each of `RUNS` loads in a new browser with a new, empty profile.
async fn first_visit_ms(args: &[String], url: &str) -> Loads {
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let browser = Browser::start_with(args).await;
        times.push(load_ms(&browser, url).await);
        browser.close().await;
    }
    loads(times)
}

fn own_start(loads: &Loads) -> String {
    loads
        .own
        .map(|ms| format!(", of which the app's own start {ms:.1} ms"))
        .unwrap_or_default()
}

fn print_breakdown(wasm: &Path) {
    let bytes = std::fs::read(wasm).expect("cargo's wasm is there after the build");
    let b = e2e::breakdown::breakdown(&bytes).expect("a wasm module");
    println!(
        "\nWhere the wasm's bytes are (cargo's module, before wasm-bindgen and wasm-opt: {} code, {} data)",
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

#[tokio::main]
async fn main() {
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
    let base = print_sizes(
        "Baseline: minimal Leptos 0.8 CSR page with gloo-net and serde, same profile (bytes)",
        &dist_sizes(&baseline_dir.join("dist")),
    );
    println!(
        "\ngzip total, ours / baseline: {:.2}x (target <= 1.6x)",
        ours as f64 / base as f64
    );
    print_breakdown(&root.join("target/wasm32-unknown-unknown/release/refresh-token-helper.wasm"));

    // Time to interactive: ours against a static page with the same form.
    let floor_dir = std::env::temp_dir().join("rth-static-form");
    std::fs::create_dir_all(&floor_dir).expect("a temp folder");
    for (from, to) in [
        ("bench/static-form/index.html", "index.html"),
        ("bench/static-form/mark.js", "mark.js"),
        ("style/main.css", "main.css"),
    ] {
        std::fs::copy(root.join(from), floor_dir.join(to)).expect("copied");
    }
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
    println!(
        "  static form:  {:7.1} ms median   (first load {:.1} ms)",
        floor.interactive, floor.first
    );
    println!(
        "  ratio:        {:.2}x (target <= 1.3x)",
        app.interactive / floor.interactive
    );
    let app_first_visit = first_visit_ms(&world.browser_args, app_url).await;
    let floor_first_visit = first_visit_ms(&world.browser_args, &floor_url).await;
    println!("First visit (a new browser profile per load: nothing cached)");
    println!(
        "  ours:         {:7.1} ms median{}",
        app_first_visit.interactive,
        own_start(&app_first_visit)
    );
    println!(
        "  static form:  {:7.1} ms median",
        floor_first_visit.interactive
    );
    println!(
        "  ratio:        {:.2}x (target <= 1.3x)",
        app_first_visit.interactive / floor_first_visit.interactive
    );

    // The app's own work: token response arrived → tokens on screen.
    let mut own = Vec::new();
    for _ in 0..RUNS {
        let app = AppPage::open(browser, app_url).await;
        app.fill_client("bench-client", "bench-secret").await;
        app.go_to_consent().await;
        app.allow().await;
        app.see_refresh_token().await;
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
