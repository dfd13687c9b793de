//! `WebUrl` against the `url` crate, input by input. Run natively (`weburl`'s tests) and in
//! the browser (`tests/browser_url.rs`), where `WebUrl` is the browser's own parser.

use super::{Host, ParseError, WebUrl};

/// The parts the tests build addresses from.
pub const SCHEMES: &[&str] = &[
    "https://", "http://", "HTTP://", "com.app:", "file://", "mailto:", "",
];
pub const USERINFO: &[&str] = &["", "u@", "u:p@", ":@", "a%20b:c@"];
pub const HOSTS: &[&str] = &[
    "example.com",
    "EXAMPLE.com",
    "localhost",
    "127.0.0.1",
    "127.1",
    "[::1]",
    "[0:0::1]",
    "xn--bcher-kva.example",
    "a..b",
    "",
    "exa mple",
    "256.0.0.1",
    "0x7f.1",
    "*.example.com",
    "bücher.example",
];
pub const PORTS: &[&str] = &["", ":80", ":443", ":8080", ":0", ":65536", ":x"];
pub const PATHS: &[&str] = &[
    "",
    "/",
    "/a/b/../c",
    "/%2e%2E/x",
    "/a b?c d#e f",
    "/?",
    "/#",
    "/a?x=1&y=%20+#f",
    "/\\x",
    "/é?é#é",
    "/a/./b/",
    "/{}`<>\"",
];

/// The first way `WebUrl` reads `input` differently from the `url` crate, if any. `file:`
/// addresses are left out: Chromium keeps their `localhost` and reads `\` in them its own
/// way, and the page refuses them wherever it takes an address.
pub fn same_as_the_url_crate(input: &str) -> Result<(), String> {
    if input
        .get(..5)
        .is_some_and(|s| s.eq_ignore_ascii_case("file:"))
    {
        return Ok(());
    }
    let (ours, theirs) = match (WebUrl::parse(input), url::Url::parse(input)) {
        (Ok(ours), Ok(theirs)) => (ours, theirs),
        (Err(_), Err(_)) => return Ok(()),
        // Refused on purpose (see `WebUrl::parse`).
        (Err(ParseError::NonAsciiHost), Ok(_)) => return Ok(()),
        (Err(ParseError::Invalid), Ok(theirs))
            if theirs.host_str().is_some_and(|h| h.contains('*')) =>
        {
            return Ok(())
        }
        (ours, theirs) => return Err(format!("{input:?}: {ours:?} / {theirs:?}")),
    };
    let same = |what: &str, a: String, b: String| {
        if a == b {
            Ok(())
        } else {
            Err(format!("{input:?}: {what} {a:?} / {b:?}"))
        }
    };
    same("href", ours.to_string(), theirs.to_string())?;
    same("scheme", ours.scheme().into(), theirs.scheme().into())?;
    same("username", ours.username().into(), theirs.username().into())?;
    same(
        "password",
        format!("{:?}", ours.password()),
        format!("{:?}", theirs.password()),
    )?;
    let theirs_host = theirs.host().and_then(|h| match h {
        url::Host::Domain("") => None,
        url::Host::Domain(d) => Some(Host::Domain(d)),
        url::Host::Ipv4(a) => Some(Host::Ipv4(a)),
        url::Host::Ipv6(a) => Some(Host::Ipv6(a)),
    });
    same(
        "host",
        format!("{:?}", ours.host()),
        format!("{theirs_host:?}"),
    )?;
    same(
        "host_str",
        format!("{:?}", ours.host_str()),
        format!("{:?}", theirs.host_str().filter(|h| !h.is_empty())),
    )?;
    same(
        "port",
        format!("{:?}", ours.port()),
        format!("{:?}", theirs.port()),
    )?;
    same("path", ours.path().into(), theirs.path().into())?;
    same(
        "query",
        format!("{:?}", ours.query()),
        format!("{:?}", theirs.query()),
    )?;
    same(
        "fragment",
        format!("{:?}", ours.fragment()),
        format!("{:?}", theirs.fragment()),
    )?;
    if theirs.has_host() {
        same(
            "host_and_port",
            ours.host_and_port().into(),
            theirs[url::Position::BeforeHost..url::Position::AfterPort].into(),
        )?;
    }
    let mut stripped = theirs.clone();
    stripped.set_query(None);
    stripped.set_fragment(None);
    same(
        "without_query",
        ours.without_query().to_string(),
        stripped.to_string(),
    )?;
    let pairs = [("a b", "c&d"), ("é", "=+%")];
    let mut added = theirs.clone();
    added.query_pairs_mut().extend_pairs(pairs);
    same(
        "with_pairs",
        ours.with_pairs(pairs).to_string(),
        added.to_string(),
    )
}
