//! Absolute URLs, parsed and serialised by the WHATWG URL Standard: by the `url` crate
//! natively (tests and tools) and by the browser's own `URL` in the page, which spares the
//! page the crate (about 24 KB of its gzip). Only [`WebUrl::parse`] differs between the two;
//! every accessor and change below works on the serialisation, so it is the same code
//! everywhere, checked natively against the `url` crate and in the browser on shared vectors
//! ([`vectors`]).

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::ops::Range;

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

/// Why a text is not an absolute URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("it does not start with a scheme such as https://")]
    Relative,
    #[error("its host name has letters outside ASCII: type it in punycode (xn--…)")]
    NonAsciiHost,
    #[error("it is not an address a browser can read")]
    Invalid,
}

/// A URL's host, as the standard parsed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host<'a> {
    Domain(&'a str),
    Ipv4(Ipv4Addr),
    Ipv6(Ipv6Addr),
}

/// An absolute URL: its serialisation, and where its parts are in it.
#[derive(Clone, PartialEq, Eq)]
pub struct WebUrl {
    href: String,
    scheme_end: usize,
    userinfo: Range<usize>,
    host: Range<usize>,
    port: Option<u16>,
    path_start: usize,
    query_start: Option<usize>,
    fragment_start: Option<usize>,
}

// The path-segment encode set of the standard, for special schemes (with `\`).
const FRAGMENT: &AsciiSet = &CONTROLS.add(b' ').add(b'"').add(b'<').add(b'>').add(b'`');
const PATH: &AsciiSet = &FRAGMENT.add(b'#').add(b'?').add(b'{').add(b'}');
// `[` and `]` too (which the url crate leaves as they are): curl reads them as a glob, and a
// project ID like `p[1-3]` in a command would send the token three times.
const SPECIAL_PATH_SEGMENT: &AsciiSet = &PATH.add(b'/').add(b'%').add(b'\\').add(b'[').add(b']');

impl WebUrl {
    /// Parses an absolute URL (surrounding spaces are ignored, as browsers do).
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        match input_host(raw) {
            Some(h) if !h.is_ascii() => return Err(ParseError::NonAsciiHost),
            // Chromium refuses a wildcard host that the standard allows: refused everywhere.
            Some(h) if h.contains('*') => return Err(ParseError::Invalid),
            _ => {}
        }
        let url = backend::href(raw).map(Self::from_href)?;
        // Chromium keeps a space in a host as `%20` where the standard (and the url crate)
        // refuses the address; no valid host name holds a `%`.
        if url.host_str().is_some_and(|h| h.contains('%')) {
            return Err(ParseError::Invalid);
        }
        Ok(url)
    }

    /// Splits a serialisation, which the standard makes regular:
    /// `scheme ":" ["//" [userinfo "@"] host [":" port]] path ["?" query] ["#" fragment]`.
    fn from_href(href: String) -> Self {
        let scheme_end = href.find(':').unwrap_or(0);
        let after_scheme = scheme_end + 1;
        let fragment_start = href.find('#');
        let before_fragment = fragment_start.unwrap_or(href.len());
        let query_start = href[..before_fragment].find('?');
        let before_query = query_start.unwrap_or(before_fragment);
        let (mut userinfo, mut host, mut port, mut path_start) = (
            after_scheme..after_scheme,
            after_scheme..after_scheme,
            None,
            after_scheme,
        );
        if href[after_scheme..before_query].starts_with("//") {
            let authority_start = after_scheme + 2;
            let authority_end = href[authority_start..before_query]
                .find('/')
                .map_or(before_query, |i| authority_start + i);
            let authority = &href[authority_start..authority_end];
            let host_start = match authority.rfind('@') {
                Some(at) => {
                    userinfo = authority_start..authority_start + at;
                    authority_start + at + 1
                }
                None => authority_start,
            };
            let host_and_port = &href[host_start..authority_end];
            // An IPv6 address is in brackets; a port follows the last colon after them.
            let search_from = host_and_port.rfind(']').unwrap_or(0);
            let host_end = match host_and_port[search_from..].rfind(':') {
                Some(colon) => {
                    let colon = search_from + colon;
                    port = host_and_port[colon + 1..].parse().ok();
                    host_start + colon
                }
                None => authority_end,
            };
            host = host_start..host_end;
            path_start = authority_end;
        }
        Self {
            href,
            scheme_end,
            userinfo,
            host,
            port,
            path_start,
            query_start,
            fragment_start,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.href
    }

    /// `https`, without the colon.
    pub fn scheme(&self) -> &str {
        &self.href[..self.scheme_end]
    }

    pub fn username(&self) -> &str {
        let userinfo = &self.href[self.userinfo.clone()];
        userinfo.split_once(':').map_or(userinfo, |(user, _)| user)
    }

    pub fn password(&self) -> Option<&str> {
        self.href[self.userinfo.clone()]
            .split_once(':')
            .map(|(_, password)| password)
    }

    /// The host as serialised (`[::1]` with its brackets); `None` when there is none.
    pub fn host_str(&self) -> Option<&str> {
        Some(&self.href[self.host.clone()]).filter(|h| !h.is_empty())
    }

    pub fn host(&self) -> Option<Host<'_>> {
        let host = self.host_str()?;
        if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
            return v6.parse().ok().map(Host::Ipv6);
        }
        Some(host.parse().map_or(Host::Domain(host), Host::Ipv4))
    }

    /// The port, unless it is the scheme's default (which the standard drops).
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    /// `host[:port]`, as serialised.
    pub fn host_and_port(&self) -> &str {
        &self.href[self.host.start..self.path_start]
    }

    pub fn path(&self) -> &str {
        &self.href[self.path_start..self.path_end()]
    }

    /// Where the path ends: at the query, else the fragment, else the end.
    fn path_end(&self) -> usize {
        self.query_start
            .or(self.fragment_start)
            .unwrap_or(self.href.len())
    }

    /// The serialisation with `path` in place of the path (not parsed again).
    fn replace_path(&self, path: &str) -> String {
        let (before, after) = (&self.href[..self.path_start], &self.href[self.path_end()..]);
        format!("{before}{path}{after}")
    }

    pub fn query(&self) -> Option<&str> {
        let end = self.fragment_start.unwrap_or(self.href.len());
        self.query_start.map(|start| &self.href[start + 1..end])
    }

    pub fn fragment(&self) -> Option<&str> {
        self.fragment_start.map(|start| &self.href[start + 1..])
    }

    /// The query's `name=value` pairs, decoded.
    pub fn query_pairs(&self) -> form_urlencoded::Parse<'_> {
        form_urlencoded::parse(self.query().unwrap_or("").as_bytes())
    }

    /// The same URL without its query and fragment.
    pub fn without_query(&self) -> Self {
        let mut href = &self.href[..self.path_end()];
        // The standard's rule for an opaque path (`mailto:a `) left at the end.
        if self.host.is_empty() && !self.path().starts_with('/') {
            href = href.trim_end_matches(' ');
        }
        Self::from_href(href.to_owned())
    }

    /// The same URL with another path (parsed, so normalised as any URL is).
    pub fn with_path(&self, path: &str) -> Result<Self, ParseError> {
        Self::parse(&self.replace_path(path))
    }

    /// The same URL with `pairs` added to its query, form-encoded (after any it has).
    pub fn with_pairs<'a>(&self, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let end = self.fragment_start.unwrap_or(self.href.len());
        let mut href = self.href[..end].to_owned();
        let query_start = match self.query_start {
            Some(start) => start + 1,
            None => {
                href.push('?');
                href.len()
            }
        };
        let mut serializer = form_urlencoded::Serializer::for_suffix(href, query_start);
        serializer.extend_pairs(pairs);
        let mut href = serializer.finish();
        href.push_str(&self.href[end..]);
        Self::from_href(href)
    }

    /// The same URL with `segment` added to its path as one segment (a trailing empty
    /// segment is replaced): `/`, `?`, `#`, `%`, brackets and braces in it are escaped. Tabs and newlines are
    /// dropped, and a `.` or `..` segment is left out, as the standard's path parser does.
    pub fn with_segment(&self, segment: &str) -> Self {
        let segment: String = segment
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        let mut path = self.path().to_owned();
        if path.len() > 1 && path.ends_with('/') {
            path.pop();
        }
        if !matches!(segment.as_str(), "." | "..") {
            if path.len() > 1 || path.is_empty() {
                path.push('/');
            }
            path.extend(utf8_percent_encode(&segment, SPECIAL_PATH_SEGMENT));
        }
        Self::from_href(self.replace_path(&path))
    }
}

/// The host part of a typed address, if it has one: after `scheme://` (for http(s) and the
/// other special schemes after any run of `/` and `\`, as the standard reads them).
fn input_host(raw: &str) -> Option<&str> {
    let (scheme, rest) = raw.trim().split_once(':')?;
    let scheme_chars = |c: char| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.');
    if scheme.is_empty() || !scheme.chars().all(scheme_chars) {
        return None;
    }
    let special = ["http", "https", "ws", "wss", "ftp", "file"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(scheme));
    let rest = if special {
        rest.trim_start_matches(['/', '\\'])
    } else {
        rest.strip_prefix("//")?
    };
    let end = rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    Some(
        authority
            .rsplit_once('@')
            .map_or(authority, |(_, host)| host),
    )
}

impl fmt::Debug for WebUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.href, f)
    }
}

impl fmt::Display for WebUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.href)
    }
}

impl From<WebUrl> for String {
    fn from(url: WebUrl) -> Self {
        url.href
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod backend {
    use super::ParseError;

    pub fn href(raw: &str) -> Result<String, ParseError> {
        url::Url::parse(raw).map(String::from).map_err(|e| match e {
            url::ParseError::RelativeUrlWithoutBase => ParseError::Relative,
            _ => ParseError::Invalid,
        })
    }
}

#[cfg(target_arch = "wasm32")]
mod backend {
    use super::ParseError;

    pub fn href(raw: &str) -> Result<String, ParseError> {
        match web_sys::Url::new(raw) {
            Ok(url) => Ok(url.href()),
            // Readable against a base: a path or a host without a scheme.
            Err(_) if web_sys::Url::new_with_base(raw, "https://base.invalid/").is_ok() => {
                Err(ParseError::Relative)
            }
            Err(_) => Err(ParseError::Invalid),
        }
    }
}

/// Inputs and what both back ends must make of them: the native tests and the browser tests
/// (`tests/browser_url.rs`) run these same vectors.
pub mod vectors {
    use super::{Host, ParseError, WebUrl};

    /// `(input, serialisation)` for addresses that parse.
    pub const PARSED: &[(&str, &str)] = &[
        (
            "https://oauth2.googleapis.com/token",
            "https://oauth2.googleapis.com/token",
        ),
        (
            "  https://Accounts.Google.COM/o/oauth2/v2/auth ",
            "https://accounts.google.com/o/oauth2/v2/auth",
        ),
        ("http://localhost", "http://localhost/"),
        (
            "http://localhost:8080/cb?x=1#f",
            "http://localhost:8080/cb?x=1#f",
        ),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://127.1:80/", "http://127.0.0.1/"),
        ("http://[0:0::1]:9000/x/../y", "http://[::1]:9000/y"),
        (
            "https://user:pw@idp.example/token",
            "https://user:pw@idp.example/token",
        ),
        (
            "https://idp.example/a b?c d",
            "https://idp.example/a%20b?c%20d",
        ),
        ("https://idp.example?", "https://idp.example/?"),
        (
            "https://xn--bcher-kva.example/token",
            "https://xn--bcher-kva.example/token",
        ),
        (
            "com.example.app:/oauth2redirect?code=4%2F0A&state=s",
            "com.example.app:/oauth2redirect?code=4%2F0A&state=s",
        ),
        ("mailto:someone@example.com", "mailto:someone@example.com"),
    ];

    /// Inputs that do not parse, and why.
    pub const REFUSED: &[(&str, ParseError)] = &[
        ("", ParseError::Relative),
        ("oauth2.googleapis.com/token", ParseError::Relative),
        ("/token", ParseError::Relative),
        ("https://", ParseError::Invalid),
        ("https://exa mple.com/", ParseError::Invalid),
        ("https://example.com:99999/", ParseError::Invalid),
        ("http://[::1/", ParseError::Invalid),
        ("https://bücher.example/token", ParseError::NonAsciiHost),
        ("https://*.example.com/", ParseError::Invalid),
    ];

    /// Checks every vector against the running back end; the first failure, if any.
    pub fn check() -> Result<(), String> {
        for (input, expected) in PARSED {
            let url = WebUrl::parse(input).map_err(|e| format!("{input:?}: {e}"))?;
            if url.as_str() != *expected {
                return Err(format!(
                    "{input:?} gave {:?}, not {expected:?}",
                    url.as_str()
                ));
            }
        }
        for (input, expected) in REFUSED {
            match WebUrl::parse(input) {
                Err(e) if e == *expected => {}
                other => return Err(format!("{input:?} gave {other:?}, not {expected:?}")),
            }
        }
        let url = WebUrl::parse("http://u:p@[::1]:9000/a/b/?q=1&r=%20#frag")
            .map_err(|e| e.to_string())?;
        let parts = (
            url.scheme(),
            url.username(),
            url.password(),
            url.host(),
            url.port(),
            url.host_and_port(),
            url.path(),
            url.query(),
            url.fragment(),
        );
        let expected = (
            "http",
            "u",
            Some("p"),
            Some(Host::Ipv6(std::net::Ipv6Addr::LOCALHOST)),
            Some(9000),
            "[::1]:9000",
            "/a/b/",
            Some("q=1&r=%20"),
            Some("frag"),
        );
        if parts != expected {
            return Err(format!("parts {parts:?}, not {expected:?}"));
        }
        let consent = WebUrl::parse("https://idp.example/auth?tenant=a b#x")
            .map_err(|e| e.to_string())?
            .with_pairs([("scope", "openid email"), ("state", "a&b=c")]);
        if consent.as_str()
            != "https://idp.example/auth?tenant=a%20b&scope=openid+email&state=a%26b%3Dc#x"
        {
            return Err(format!("with_pairs gave {consent:?}"));
        }
        let job = WebUrl::parse("https://bigquery.googleapis.com/bigquery/v2/projects/")
            .map_err(|e| e.to_string())?
            .with_segment("my project/?#%")
            .with_segment("queries");
        if job.as_str() != "https://bigquery.googleapis.com/bigquery/v2/projects/my%20project%2F%3F%23%25/queries" {
            return Err(format!("with_segment gave {job:?}"));
        }
        // Nothing of curl's URL globbing stays in a segment.
        let globbed = WebUrl::parse("https://bigquery.googleapis.com/bigquery/v2/projects/")
            .map_err(|e| e.to_string())?
            .with_segment("p[1-3]{a,b}");
        if !globbed.as_str().ends_with("/projects/p%5B1-3%5D%7Ba,b%7D") {
            return Err(format!("with_segment gave {globbed:?}"));
        }
        Ok(())
    }
}

// Shared with the browser tests (tests/browser_url.rs), which run it there.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "weburl_parity.rs"]
mod parity;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::parity::{same_as_the_url_crate, HOSTS, PATHS, PORTS, SCHEMES, USERINFO};
    use super::*;

    #[test]
    fn the_shared_vectors_hold_natively() {
        vectors::check().unwrap();
    }

    fn url_like() -> impl Strategy<Value = String> {
        let pick = |list: &[&'static str]| prop::sample::select(list.to_vec());
        let path = "(/[a-zA-Z0-9 ._~%?#&=+:@!$'()*,;\\[\\]{}|^`<>\"\\\\-]{0,6}){0,3}";
        (
            pick(SCHEMES),
            pick(USERINFO),
            pick(HOSTS),
            pick(PORTS),
            prop_oneof![pick(PATHS).prop_map(String::from), path],
        )
            .prop_map(|(s, u, h, p, rest)| format!("{s}{u}{h}{p}{rest}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn reads_every_serialisation_as_the_url_crate_does(input in url_like()) {
            same_as_the_url_crate(&input).map_err(TestCaseError::fail)?;
        }

        #[test]
        fn adds_a_path_segment_as_the_url_crate_does(
            base in prop::sample::select(vec!["https://h.example", "https://h.example/", "https://h.example/a/b/", "https://h.example/a?q#f"]),
            segment in "[a-zA-Z0-9 ./?#%\\\\:@&=+é{}`<>\"-]{0,8}",
        ) {
            let ours = WebUrl::parse(base).unwrap().with_segment(&segment);
            let mut theirs = url::Url::parse(base).unwrap();
            theirs.path_segments_mut().unwrap().pop_if_empty().push(&segment);
            prop_assert_eq!(ours.as_str(), theirs.as_str());
        }
    }
}
