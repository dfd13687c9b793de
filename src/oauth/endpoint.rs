//! URLs the protocol depends on: provider endpoints and the redirect URI.
//!
//! Rules from RFC 6749 §3.1.2 and §3.1 (no fragment; TLS required), RFC 8252 §8.3 (plain
//! HTTP is only acceptable on loopback) and Google's redirect URI validation rules
//! (exact match on scheme, host, port, path and trailing slash; no userinfo, no wildcards).

use std::fmt;
use std::net::IpAddr;

use crate::weburl::{Host, ParseError, WebUrl};
use thiserror::Error;

/// Why a URL was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum UrlError {
    #[error("{field} is empty")]
    Empty { field: &'static str },
    #[error("{field} is not a valid absolute URL ({reason})")]
    NotAUrl { field: &'static str, reason: String },
    #[error("{field} must start with https:// (found {scheme}:)")]
    Scheme { field: &'static str, scheme: String },
    #[error("{field} uses plain http:// on a host that is not loopback; use https://")]
    InsecureHttp { field: &'static str },
    #[error("{field} must not contain a #fragment")]
    Fragment { field: &'static str },
    #[error("{field} must not contain a user name or password")]
    Credentials { field: &'static str },
    #[error("{field} must not contain a wildcard (*)")]
    Wildcard { field: &'static str },
}

/// True for 127.0.0.0/8, ::1 and `localhost`: the hosts where plain HTTP never leaves the
/// machine.
pub fn is_loopback(url: &WebUrl) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        Some(Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// Parses an absolute http(s) URL, https unless the host is loopback.
fn parse_web_url(field: &'static str, raw: &str) -> Result<WebUrl, UrlError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(UrlError::Empty { field });
    }
    let url = WebUrl::parse(raw).map_err(|e| UrlError::NotAUrl {
        field,
        reason: e.to_string(),
    })?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => return Err(UrlError::InsecureHttp { field }),
        other => {
            return Err(UrlError::Scheme {
                field,
                scheme: other.to_owned(),
            })
        }
    }
    if url.fragment().is_some() || raw.contains('#') {
        return Err(UrlError::Fragment { field });
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(UrlError::Credentials { field });
    }
    Ok(url)
}

/// A provider endpoint: authorization, token, revocation or tokeninfo.
#[derive(Clone, PartialEq, Eq)]
pub struct Endpoint(WebUrl);

impl Endpoint {
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, UrlError> {
        parse_web_url(field, raw).map(Self)
    }

    pub fn url(&self) -> &WebUrl {
        &self.0
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Endpoint").field(&self.0.as_str()).finish()
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

/// The redirect URI, kept exactly as given: providers compare it character for character
/// with the registered one, so it is never re-serialised (URL parsing turns
/// `http://localhost` into `http://localhost/`).
#[derive(Clone, PartialEq, Eq)]
pub struct RedirectUri {
    raw: String,
    url: WebUrl,
}

/// The first way in which two redirect URIs differ, for the mismatch explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RedirectDifference {
    Scheme {
        ours: String,
        theirs: String,
    },
    /// `localhost` versus `127.0.0.1` (or `[::1]`): same machine, different URI.
    LoopbackName {
        ours: String,
        theirs: String,
    },
    Host {
        ours: String,
        theirs: String,
    },
    Port {
        ours: String,
        theirs: String,
    },
    TrailingSlash {
        ours: String,
        theirs: String,
    },
    Path {
        ours: String,
        theirs: String,
    },
    Query {
        ours: String,
        theirs: String,
    },
    /// Differs only in letter case or escaping.
    Spelling {
        ours: String,
        theirs: String,
    },
}

impl RedirectUri {
    pub fn parse(raw: &str) -> Result<Self, UrlError> {
        let field = "Redirect URI";
        if raw.contains('*') {
            return Err(UrlError::Wildcard { field });
        }
        let url = parse_web_url(field, raw)?;
        Ok(Self {
            raw: raw.trim().to_owned(),
            url,
        })
    }

    /// The redirect URI of the page at `href`: its origin and path, without query or
    /// fragment. A trailing `index.html` is dropped, so `/tools/` and `/tools/index.html`
    /// give one canonical URI (`/tools/`) to register.
    pub fn for_page(href: &str) -> Result<Self, UrlError> {
        let not_a_url = |e: ParseError| UrlError::NotAUrl {
            field: "Page address",
            reason: e.to_string(),
        };
        let mut url = WebUrl::parse(href.trim())
            .map_err(not_a_url)?
            .without_query();
        if let Some(dir) = url.path().strip_suffix("index.html").map(str::to_owned) {
            url = url.with_path(&dir).map_err(not_a_url)?;
        }
        Self::parse(url.as_str())
    }

    pub fn as_str(&self) -> &str {
        &self.raw
    }

    pub fn url(&self) -> &WebUrl {
        &self.url
    }

    pub fn is_loopback(&self) -> bool {
        is_loopback(&self.url)
    }

    /// How `self` (what this page sends) differs from `other` (what is registered), if at
    /// all. Equal strings are the only match.
    pub fn difference(&self, other: &RedirectUri) -> Option<RedirectDifference> {
        if self.raw == other.raw {
            return None;
        }
        let (a, b) = (&self.url, &other.url);
        let pair = |x: &str, y: &str| (x.to_owned(), y.to_owned());
        if a.scheme() != b.scheme() {
            let (ours, theirs) = pair(a.scheme(), b.scheme());
            return Some(RedirectDifference::Scheme { ours, theirs });
        }
        let (ha, hb) = (a.host_str().unwrap_or(""), b.host_str().unwrap_or(""));
        if ha != hb {
            let (ours, theirs) = pair(ha, hb);
            return Some(if is_loopback(a) && is_loopback(b) {
                RedirectDifference::LoopbackName { ours, theirs }
            } else {
                RedirectDifference::Host { ours, theirs }
            });
        }
        let port = |u: &WebUrl| u.port().map(|p| p.to_string()).unwrap_or_default();
        if a.port() != b.port() {
            return Some(RedirectDifference::Port {
                ours: port(a),
                theirs: port(b),
            });
        }
        let (pa, pb) = (path_as_written(&self.raw), path_as_written(&other.raw));
        if pa != pb {
            let (ours, theirs) = pair(pa, pb);
            let trimmed = |p: &str| p.trim_end_matches('/').to_owned();
            return Some(if trimmed(pa) == trimmed(pb) {
                RedirectDifference::TrailingSlash { ours, theirs }
            } else {
                RedirectDifference::Path { ours, theirs }
            });
        }
        if a.query() != b.query() {
            let (ours, theirs) = pair(a.query().unwrap_or(""), b.query().unwrap_or(""));
            return Some(RedirectDifference::Query { ours, theirs });
        }
        Some(RedirectDifference::Spelling {
            ours: self.raw.clone(),
            theirs: other.raw.clone(),
        })
    }
}

/// The page's own address without query and fragment: what the address bar shows once the
/// code has been read. `None` if `href` is not a URL.
pub fn without_query(href: &str) -> Option<String> {
    Some(WebUrl::parse(href).ok()?.without_query().into())
}

/// The path exactly as typed (`""` for `http://localhost`), which URL parsing normalises
/// to `/`.
fn path_as_written(raw: &str) -> &str {
    let after_scheme = raw.split_once("://").map_or(raw, |(_, rest)| rest);
    let end = after_scheme.find('?').unwrap_or(after_scheme.len());
    let authority_and_path = &after_scheme[..end];
    authority_and_path
        .find('/')
        .map_or("", |i| &authority_and_path[i..])
}

impl fmt::Debug for RedirectUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("RedirectUri").field(&self.raw).finish()
    }
}

impl fmt::Display for RedirectUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

// Shared with the browser tests (tests/browser_url.rs).
#[cfg(test)]
#[path = "endpoint_cases.rs"]
mod cases;
