//! Serves the release `dist/` on 127.0.0.1, at `/` or under a subpath, as any static host
//! would.

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::Router;
use tower_http::services::ServeDir;

/// Where `trunk build --release` put the page (override with `RTH_DIST`).
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("RTH_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../dist"));
    assert!(
        dir.join("index.html").is_file(),
        "{} has no index.html: run `trunk build --release` first (scripts/test does)",
        dir.display()
    );
    dir
}

/// Serves `dir` under `base` (`/` or `/tools/refresh-token/`); returns the page's URL.
pub async fn spawn(dir: PathBuf, base: &str) -> String {
    let files = ServeDir::new(dir).append_index_html_on_directories(true);
    let router = if base == "/" {
        Router::new().fallback_service(files)
    } else {
        Router::new().nest_service(base.trim_end_matches('/'), files)
    };
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
        .await
        .expect("a loopback port is free");
    let addr = listener.local_addr().expect("bound");
    tokio::spawn(async move { axum::serve(listener, router).await });
    format!("http://{addr}{base}")
}
