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

/// A listener on 127.0.0.1 at a port no listener of this program had before. The browsers
/// kept between tests (`driver`) see a page's origin, its storage and its cache again if a
/// later test's page gets an earlier one's port, which the system does hand out again.
pub async fn loopback_listener() -> tokio::net::TcpListener {
    static GIVEN: std::sync::Mutex<std::collections::BTreeSet<u16>> =
        std::sync::Mutex::new(std::collections::BTreeSet::new());
    loop {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
            .await
            .expect("a loopback port is free");
        let port = listener.local_addr().expect("bound").port();
        if GIVEN.lock().unwrap_or_else(|p| p.into_inner()).insert(port) {
            return listener;
        }
    }
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn a_loopback_port_is_never_given_twice() {
        // Each listener is closed before the next is asked for, so the system may give its
        // port again (it does, a few times in a few hundred).
        let mut ports = std::collections::BTreeSet::new();
        for _ in 0..400 {
            let port = super::loopback_listener()
                .await
                .local_addr()
                .unwrap()
                .port();
            assert!(ports.insert(port), "port {port} was given twice");
        }
    }
}
