//! The CSP as shipped, read from the built pages and the deploy recipes: one source
//! (scripts/csp) for all of them, Google's hosts alone in the default build, and never a
//! source that opens a whole scheme or every host.

use std::path::Path;
use std::process::Command;

use e2e::site::{dist_of, Build};

/// The page's own origin (for its .wasm), then Google's three API hosts.
const GOOGLE: [&str; 4] = [
    "'self'",
    "https://oauth2.googleapis.com",
    "https://bigquery.googleapis.com",
    "https://googleads.googleapis.com",
];

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// `scripts/csp` with `args`, and `RTH_PROVIDER_ORIGINS` as given (or unset).
fn policy(args: &[&str], origins: Option<&str>) -> String {
    let mut command = Command::new("bash");
    command.arg(root().join("scripts/csp")).args(args);
    command.env_remove("RTH_PROVIDER_ORIGINS");
    if let Some(origins) = origins {
        command.env("RTH_PROVIDER_ORIGINS", origins);
    }
    let out = command.output().expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// The policy in a built page's meta tag.
fn meta_policy(build: Build) -> String {
    let html = std::fs::read_to_string(dist_of(build).join("index.html")).unwrap();
    let tag = html
        .split("<meta")
        .find(|t| t.contains("Content-Security-Policy"))
        .expect("a CSP meta tag");
    let content = tag.split("content=\"").nth(1).expect("content");
    content[..content.find('"').unwrap()].to_owned()
}

fn connect_src(policy: &str) -> Vec<String> {
    policy
        .split(';')
        .map(str::trim)
        .find_map(|d| d.strip_prefix("connect-src "))
        .expect("a connect-src")
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// A source that lets the page reach more than named hosts.
fn too_wide(source: &str) -> bool {
    if source == "'self'" {
        return false;
    }
    let host = source.split("://").nth(1).unwrap_or("");
    let loopback_any_port = host == "127.0.0.1:*" || host == "localhost:*";
    !source.contains("://") || host.is_empty() || (host.contains('*') && !loopback_any_port)
}

#[test]
fn the_too_wide_check_sees_scheme_wide_and_wildcard_sources() {
    for wide in [
        "*",
        "https:",
        "http:",
        "https://*.example.com",
        "https://*",
        "data:",
    ] {
        assert!(too_wide(wide), "{wide}");
    }
    for narrow in [
        "'self'",
        "https://oauth2.googleapis.com",
        "http://127.0.0.1:*",
    ] {
        assert!(!too_wide(narrow), "{narrow}");
    }
}

#[test]
fn the_google_only_page_may_reach_googles_hosts_and_nothing_else() {
    let shipped = meta_policy(Build::GoogleOnly);
    assert_eq!(
        shipped,
        policy(&[], None),
        "the page carries scripts/csp's policy"
    );
    assert_eq!(connect_src(&shipped), GOOGLE);
    assert!(!shipped.contains("unsafe-inline"));
}

#[test]
fn the_any_provider_page_adds_its_origins_and_nothing_scheme_wide() {
    let shipped = meta_policy(Build::AnyProvider);
    let sources = connect_src(&shipped);
    assert_eq!(sources[..GOOGLE.len()], GOOGLE);
    assert!(
        sources.len() > GOOGLE.len(),
        "its origins are listed: {sources:?}"
    );
    for built in [meta_policy(Build::GoogleOnly), shipped] {
        for source in connect_src(&built) {
            assert!(!too_wide(&source), "connect-src allows {source}");
        }
    }
}

#[test]
fn the_policy_script_refuses_scheme_wide_and_wildcard_origins() {
    for bad in [
        "https:",
        "*",
        "https://*.example.com",
        "http://example.com",
        "https://x.example/path",
    ] {
        let out = Command::new("bash")
            .arg(root().join("scripts/csp"))
            .env("RTH_PROVIDER_ORIGINS", bad)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{bad} was accepted");
    }
    let two = policy(
        &[],
        Some("https://login.example.com https://api.example.com:8443"),
    );
    assert_eq!(
        connect_src(&two),
        [
            &GOOGLE[..],
            &["https://login.example.com", "https://api.example.com:8443"]
        ]
        .concat()
    );
}

#[test]
fn the_deploy_recipes_send_the_same_policy_and_the_isolation_headers() {
    let header = policy(&["--header"], None);
    assert!(header.ends_with("frame-ancestors 'none'"));
    for recipe in ["deploy/nginx.conf", "deploy/staticwebapp.config.json"] {
        let text = std::fs::read_to_string(root().join(recipe)).unwrap();
        assert!(
            text.contains(&header),
            "{recipe} does not send scripts/csp --header's policy"
        );
        for name in [
            "Cross-Origin-Opener-Policy",
            "Cross-Origin-Resource-Policy",
            "X-Content-Type-Options",
            "Referrer-Policy",
        ] {
            assert!(text.contains(name), "{recipe} lacks {name}");
        }
        assert!(
            text.contains("same-origin") && text.contains("nosniff"),
            "{recipe}"
        );
    }
}
