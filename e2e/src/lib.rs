//! End-to-end testing support: a local Google-faithful OAuth provider, a static server for
//! the built page, and page objects that drive the page in headless Chromium.

pub mod breakdown;
pub mod browser;
pub mod measure;
pub mod pages;
pub mod provider;
pub mod recipes;
pub mod site;
pub mod tls;
pub mod world;

/// A folder of its own for one test: a new name with a random part, created here (never one
/// that was already there, which another user of the machine could have prepared).
pub fn fresh_dir(name: &str) -> std::path::PathBuf {
    loop {
        let mut bytes = [0u8; 8];
        getrandom::fill(&mut bytes).expect("secure randomness");
        let suffix: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let dir = std::env::temp_dir().join(format!("rth-{name}-{suffix}"));
        match std::fs::create_dir(&dir) {
            Ok(()) => return dir,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => panic!("{}: {e}", dir.display()),
        }
    }
}
