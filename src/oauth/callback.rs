//! Reading the redirect back from the provider (RFC 6749 §4.1.2 and §4.1.2.1, RFC 9207's
//! `iss`): from this page's own query string, or from whatever the user pasted — the whole
//! address of the page the browser ended on, just its query, or the bare code.

use crate::weburl::WebUrl;
use percent_encoding::percent_decode_str;
use thiserror::Error;

use super::error::ErrorCode;
use super::scope::Scopes;
use super::types::{AuthorizationCode, InputError, State};

/// Longer input than this is not a redirect; refuse it before parsing.
pub const MAX_CALLBACK_LEN: usize = 16 * 1024;

/// A successful redirect: the code and what came with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeCallback {
    pub code: AuthorizationCode,
    /// Absent when only the bare code was pasted.
    pub state: Option<State>,
    /// The scopes the user granted (Google sends them; with granular consent they can be
    /// fewer than requested).
    pub granted_scope: Option<Scopes>,
    /// The issuer (RFC 9207), when the provider sends it.
    pub iss: Option<String>,
}

/// A redirect that says no: `?error=access_denied&state=…`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Denial {
    pub error: ErrorCode,
    pub description: Option<String>,
    /// A page about the error (RFC 6749 §4.1.2.1), as the redirect gives it: unchecked.
    pub error_uri: Option<String>,
    pub state: Option<State>,
}

/// How much of a provider's `error_description` the page repeats: enough for any real
/// provider's sentence, too little for a page of someone else's text.
pub const MAX_QUOTE_CHARS: usize = 300;

impl Denial {
    /// The provider's own words, cut to [`MAX_QUOTE_CHARS`] characters (never inside one).
    pub fn quoted_description(&self) -> Option<String> {
        let text = self.description.as_deref()?.trim();
        let mut chars = text.chars();
        let head: String = chars.by_ref().take(MAX_QUOTE_CHARS).collect();
        Some(if chars.next().is_some() {
            format!("{head}…")
        } else {
            head
        })
    }

    /// `error_uri`, when it is an https page on the host of `authorization` (the provider that
    /// was asked): only then may the page offer it as a link.
    pub fn error_page_on(&self, authorization: &WebUrl) -> Option<String> {
        let uri = WebUrl::parse(self.error_uri.as_deref()?.trim()).ok()?;
        let same_host = uri.host_and_port() == authorization.host_and_port();
        let secure = uri.scheme() == "https" || uri.scheme() == authorization.scheme();
        (same_host && secure && uri.username().is_empty() && uri.password().is_none())
            .then(|| uri.as_str().to_owned())
    }
}

/// What a redirect carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callback {
    Code(CodeCallback),
    Denied(Denial),
}

impl Callback {
    pub fn state(&self) -> Option<&State> {
        match self {
            Callback::Code(c) => c.state.as_ref(),
            Callback::Denied(d) => d.state.as_ref(),
        }
    }
}

/// Why the input is not a usable redirect.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CallbackError {
    #[error("nothing was pasted")]
    Empty,
    #[error("the text is {len} characters long, far longer than any redirect address")]
    TooLong { len: usize },
    #[error("the address has no `code` parameter")]
    NoCode,
    #[error("the parameter `{0}` appears more than once")]
    Duplicate(&'static str),
    #[error("the address has both a `code` and an `error`")]
    CodeAndError,
    #[error("the code is not valid: {0}")]
    BadCode(InputError),
    #[error("the state is not valid: {0}")]
    BadState(InputError),
}

#[derive(Default)]
struct Params {
    code: Option<String>,
    state: Option<String>,
    scope: Option<String>,
    iss: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
    error_uri: Option<String>,
}

impl Params {
    fn read(query: &str) -> Result<Self, CallbackError> {
        let mut p = Params::default();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let (slot, name) = match key.as_ref() {
                "code" => (&mut p.code, "code"),
                "state" => (&mut p.state, "state"),
                "scope" => (&mut p.scope, "scope"),
                "iss" => (&mut p.iss, "iss"),
                "error" => (&mut p.error, "error"),
                "error_description" => (&mut p.error_description, "error_description"),
                "error_uri" => (&mut p.error_uri, "error_uri"),
                _ => continue,
            };
            if slot.replace(value.into_owned()).is_some() {
                return Err(CallbackError::Duplicate(name));
            }
        }
        Ok(p)
    }

    fn is_callback(&self) -> bool {
        self.code.is_some() || self.error.is_some()
    }

    fn into_callback(self) -> Result<Callback, CallbackError> {
        let state = self
            .state
            .as_deref()
            .map(State::parse)
            .transpose()
            .map_err(CallbackError::BadState)?;
        match (self.code, self.error) {
            (Some(_), Some(_)) => Err(CallbackError::CodeAndError),
            (None, None) => Err(CallbackError::NoCode),
            (None, Some(error)) => Ok(Callback::Denied(Denial {
                error: ErrorCode::parse(&error),
                description: self.error_description.filter(|d| !d.trim().is_empty()),
                error_uri: self.error_uri.filter(|u| !u.trim().is_empty()),
                state,
            })),
            (Some(code), None) => Ok(Callback::Code(CodeCallback {
                code: AuthorizationCode::parse(&code).map_err(CallbackError::BadCode)?,
                state,
                granted_scope: self.scope.as_deref().and_then(|s| Scopes::parse(s).ok()),
                iss: self.iss.filter(|i| !i.is_empty()),
            })),
        }
    }
}

/// Reads this page's own `location.search` (with or without the leading `?`). `Ok(None)`
/// means the page was opened normally, not as a redirect.
pub fn callback_from_query(search: &str) -> Result<Option<Callback>, CallbackError> {
    let query = search.strip_prefix('?').unwrap_or(search);
    if query.len() > MAX_CALLBACK_LEN {
        return Err(CallbackError::TooLong { len: query.len() });
    }
    let params = Params::read(query)?;
    if !params.is_callback() {
        return Ok(None);
    }
    params.into_callback().map(Some)
}

/// Reads what the user pasted: a full redirect URL, a query string, or a bare code (also
/// percent-encoded, as copied from an address bar: `4%2F0Ab…`).
pub fn parse_callback(input: &str) -> Result<Callback, CallbackError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(CallbackError::Empty);
    }
    if input.len() > MAX_CALLBACK_LEN {
        return Err(CallbackError::TooLong { len: input.len() });
    }
    if let Ok(url) = WebUrl::parse(input) {
        // Some providers answer in the fragment (`response_mode=fragment`).
        let query = Params::read(url.query().unwrap_or(""))?;
        if query.is_callback() {
            return query.into_callback();
        }
        return Params::read(url.fragment().unwrap_or(""))?.into_callback();
    }
    if let Some((_, rest)) = input.split_once('?') {
        let query = rest.split('#').next().unwrap_or("");
        return Params::read(query)?.into_callback();
    }
    if input.contains('=') {
        return Params::read(input)?.into_callback();
    }
    let decoded = percent_decode_str(input).decode_utf8_lossy();
    let code = AuthorizationCode::parse(&decoded).map_err(CallbackError::BadCode)?;
    Ok(Callback::Code(CodeCallback {
        code,
        state: None,
        granted_scope: None,
        iss: None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth::error::KnownError;

    fn code_of(cb: &Callback) -> &str {
        match cb {
            Callback::Code(c) => c.code.expose(),
            Callback::Denied(d) => panic!("denied: {d:?}"),
        }
    }

    #[test]
    fn reads_googles_redirect_from_a_pasted_address() {
        let cb = parse_callback(
            "http://localhost/?state=abc&iss=https%3A%2F%2Faccounts.google.com\
             &code=4%2F0AVMBsJh-x_y&scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fbigquery&authuser=0&prompt=consent",
        )
        .unwrap();
        assert_eq!(code_of(&cb), "4/0AVMBsJh-x_y");
        let Callback::Code(c) = cb else {
            unreachable!()
        };
        assert_eq!(c.state.unwrap().as_str(), "abc");
        assert_eq!(c.iss.as_deref(), Some("https://accounts.google.com"));
        assert!(c
            .granted_scope
            .unwrap()
            .contains("https://www.googleapis.com/auth/bigquery"));
    }

    #[test]
    fn reads_a_query_a_path_or_a_bare_code() {
        assert_eq!(
            code_of(&parse_callback("?code=abc&state=s").unwrap()),
            "abc"
        );
        assert_eq!(code_of(&parse_callback("code=abc").unwrap()), "abc");
        assert_eq!(code_of(&parse_callback("/cb?code=abc#x").unwrap()), "abc");
        assert_eq!(
            code_of(&parse_callback(" 4/0AbC-d_e\n").unwrap()),
            "4/0AbC-d_e"
        );
        assert_eq!(code_of(&parse_callback("4%2F0AbC").unwrap()), "4/0AbC");
        assert_eq!(
            code_of(&parse_callback("https://a.example/#code=frag&state=s").unwrap()),
            "frag"
        );
    }

    #[test]
    fn reads_a_denial() {
        let cb = parse_callback("http://localhost/?error=access_denied&state=xyz").unwrap();
        assert_eq!(
            cb,
            Callback::Denied(Denial {
                error: ErrorCode::Known(KnownError::AccessDenied),
                description: None,
                error_uri: None,
                state: Some(State::parse("xyz").unwrap()),
            })
        );
    }

    fn denial(query: &str) -> Denial {
        match callback_from_query(query) {
            Ok(Some(Callback::Denied(d))) => d,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_denials_words_are_capped_and_its_page_kept_to_the_providers_host() {
        let long = "é".repeat(MAX_QUOTE_CHARS + 5);
        let d = denial(&format!(
            "?error=access_denied&error_description={long}\
             &error_uri=https%3A%2F%2Faccounts.google.com%2Fhelp"
        ));
        let quoted = d.quoted_description().unwrap();
        assert_eq!(quoted.chars().count(), MAX_QUOTE_CHARS + 1);
        assert!(quoted.ends_with('…'));
        let google = WebUrl::parse("https://accounts.google.com/o/oauth2/v2/auth").unwrap();
        assert_eq!(
            d.error_page_on(&google).as_deref(),
            Some("https://accounts.google.com/help")
        );
        let local = WebUrl::parse("http://127.0.0.1:4000/authorize").unwrap();
        assert_eq!(d.error_page_on(&local), None);
        for elsewhere in [
            "https%3A%2F%2Fevil.example%2F",
            "https%3A%2F%2Faccounts.google.com.evil.example%2F",
            "http%3A%2F%2Faccounts.google.com%2F",
            "https%3A%2F%2Fx%40accounts.google.com%2F",
            "javascript%3Aalert(1)",
        ] {
            let d = denial(&format!("?error=access_denied&error_uri={elsewhere}"));
            assert_eq!(d.error_page_on(&google), None, "{elsewhere}");
        }
        let short = denial("?error=access_denied&error_description=No+thanks");
        assert_eq!(short.quoted_description().as_deref(), Some("No thanks"));
    }

    #[test]
    fn says_precisely_what_is_wrong() {
        assert_eq!(parse_callback("  "), Err(CallbackError::Empty));
        assert_eq!(
            parse_callback("http://localhost/?state=x"),
            Err(CallbackError::NoCode)
        );
        assert_eq!(
            parse_callback("?code=a&code=b"),
            Err(CallbackError::Duplicate("code"))
        );
        assert_eq!(
            parse_callback("?code=a&error=access_denied"),
            Err(CallbackError::CodeAndError)
        );
        assert!(matches!(
            parse_callback("?code="),
            Err(CallbackError::BadCode(InputError::Empty { .. }))
        ));
        assert!(matches!(
            parse_callback("two words"),
            Err(CallbackError::BadCode(InputError::Whitespace { .. }))
        ));
        assert!(matches!(
            parse_callback(&"a".repeat(MAX_CALLBACK_LEN + 1)),
            Err(CallbackError::TooLong { .. })
        ));
        assert_eq!(
            parse_callback("javascript:alert(1)"),
            Err(CallbackError::NoCode)
        );
    }

    #[test]
    fn a_normal_page_load_is_not_a_callback() {
        assert_eq!(callback_from_query(""), Ok(None));
        assert_eq!(callback_from_query("?preset=google-ads"), Ok(None));
        assert!(matches!(
            callback_from_query("?code=x&state=y"),
            Ok(Some(Callback::Code(_)))
        ));
    }
}
