//! Serves the release `dist/` on 127.0.0.1, at `/` or under a subpath, as any static host
//! would.

use std::path::PathBuf;

use axum::Router;
use tower_http::services::ServeDir;

/// Which build of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Build {
    /// What users get: `trunk build --release` into `dist/` (override with `RTH_DIST`).
    GoogleOnly,
    /// The self-hosters' variant, built by scripts/test with the local provider's origins in
    /// `RTH_PROVIDER_ORIGINS` into `dist-any/` (override with `RTH_DIST_ANY`).
    AnyProvider,
}

/// Where the release build of `build` is.
pub fn dist_of(build: Build) -> PathBuf {
    let (var, folder) = match build {
        Build::GoogleOnly => ("RTH_DIST", "dist"),
        Build::AnyProvider => ("RTH_DIST_ANY", "dist-any"),
    };
    let dir = std::env::var_os(var).map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(folder)
    });
    assert!(
        dir.join("index.html").is_file(),
        "{} has no index.html: run the release builds first (scripts/test does)",
        dir.display()
    );
    dir
}

/// The build users get.
pub fn dist_dir() -> PathBuf {
    dist_of(Build::GoogleOnly)
}

/// Serves `dir` under `base` (`/` or `/tools/refresh-token/`); returns the page's URL.
pub async fn spawn(dir: PathBuf, base: &str) -> String {
    let files = ServeDir::new(dir).append_index_html_on_directories(true);
    let router = if base == "/" {
        Router::new().fallback_service(files)
    } else {
        Router::new().nest_service(base.trim_end_matches('/'), files)
    };
    let listener = crate::loopback_listener().await;
    let addr = listener.local_addr().expect("bound");
    tokio::spawn(async move { axum::serve(listener, router).await });
    format!("http://{addr}{base}")
}
