//! End-to-end testing support: a local Google-faithful OAuth provider, a static server for
//! the built page, and page objects that drive the page in headless Chromium.

pub mod breakdown;
pub mod driver;
pub mod measure;
pub mod pages;
pub mod provider;
pub mod recipes;
pub mod screenshots;
pub mod site;
pub mod tls;
pub mod world;

/// A folder of its own for one test: a new name with a random part, created here (never one
/// that was already there, which another user of the machine could have prepared), kept after
/// the call (tests that need it gone remove it).
pub fn fresh_dir(name: &str) -> std::path::PathBuf {
    tempfile::Builder::new()
        .prefix(&format!("rth-{name}-"))
        .tempdir()
        .unwrap_or_else(|e| panic!("a folder for {name}: {e}"))
        .keep()
}
