//! Parse, don't validate: every value the protocol carries is a type, checked once when made.
//! Character rules follow RFC 6749 Appendix A (`client_id`, `code`, tokens are `1*VSCHAR`,
//! printable ASCII). Surrounding whitespace, which copy and paste adds, is trimmed; whitespace
//! inside a value is an error, since the provider would reject it anyway.

use std::fmt;

use serde::{Deserialize, Deserializer};
use thiserror::Error;

use super::secret::Secret;

/// Why a typed-in or received value was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InputError {
    #[error("{field} is empty")]
    Empty { field: &'static str },
    #[error("{field} contains a space or line break inside it")]
    Whitespace { field: &'static str },
    #[error("{field} contains the character {ch:?}, which is not allowed there")]
    InvalidChar { field: &'static str, ch: char },
    #[error("{field} is {len} characters long; at most {max} are allowed")]
    TooLong {
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error("{field} is {len} characters long; at least {min} are required")]
    TooShort {
        field: &'static str,
        len: usize,
        min: usize,
    },
}

impl InputError {
    /// The field the error is about, as named in [`InputError`]'s messages.
    pub fn field(&self) -> &'static str {
        match self {
            Self::Empty { field }
            | Self::Whitespace { field }
            | Self::InvalidChar { field, .. }
            | Self::TooLong { field, .. }
            | Self::TooShort { field, .. } => field,
        }
    }
}

/// Checks `1*VSCHAR` after trimming and returns the trimmed value.
pub(crate) fn vschar(field: &'static str, raw: &str, max: usize) -> Result<String, InputError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(InputError::Empty { field });
    }
    let len = value.chars().count();
    if len > max {
        return Err(InputError::TooLong { field, len, max });
    }
    if let Some(ch) = value.chars().find(|c| !('\u{21}'..='\u{7e}').contains(c)) {
        return Err(if ch.is_whitespace() {
            InputError::Whitespace { field }
        } else {
            InputError::InvalidChar { field, ch }
        });
    }
    Ok(value.to_owned())
}

/// An OAuth client ID. Not a secret: it appears in the consent URL.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ClientId(String);

impl ClientId {
    pub const MAX_LEN: usize = 1024;

    pub fn parse(raw: &str) -> Result<Self, InputError> {
        vschar("Client ID", raw, Self::MAX_LEN).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Google's client IDs end in `.apps.googleusercontent.com`; anything else is likely a
    /// project number, a secret pasted in the wrong field, or another provider's ID.
    pub fn looks_like_google(&self) -> bool {
        self.0.ends_with(".apps.googleusercontent.com")
    }
}

impl fmt::Debug for ClientId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ClientId").field(&self.0).finish()
    }
}

impl fmt::Display for ClientId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

macro_rules! secret_type {
    ($(#[$doc:meta])* $name:ident, $field:literal, $max:expr) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq)]
        pub struct $name(Secret);

        impl $name {
            pub const MAX_LEN: usize = $max;

            /// Checks and wraps a value typed, pasted or received.
            pub fn parse(raw: &str) -> Result<Self, InputError> {
                vschar($field, raw, Self::MAX_LEN).map(|v| Self(Secret::new(v)))
            }

            /// The value itself; call it only where it is sent or copied.
            pub fn expose(&self) -> &str {
                self.0.expose()
            }

            pub fn secret(&self) -> &Secret {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.0).finish()
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = String::deserialize(d)?;
                let parsed = Self::parse(&raw).map_err(serde::de::Error::custom);
                drop(Secret::new(raw));
                parsed
            }
        }
    };
}

secret_type!(
    /// The client secret of a "Web application" client. Google requires it at the token
    /// endpoint even when PKCE is used.
    ClientSecret,
    "Client secret",
    1024
);
secret_type!(
    /// The single-use authorization code from the redirect.
    AuthorizationCode,
    "Authorization code",
    4096
);
secret_type!(
    /// A short-lived bearer token.
    AccessToken,
    "Access token",
    65536
);
secret_type!(
    /// The long-lived token this whole page exists to obtain.
    RefreshToken,
    "Refresh token",
    4096
);
secret_type!(
    /// An OpenID Connect ID token (a JWT). Carries personal data, so handled like a secret.
    IdToken,
    "ID token",
    65536
);

/// The `state` value that ties a redirect back to the request that this page started.
#[derive(Clone, PartialEq, Eq)]
pub struct State(String);

impl State {
    pub const MAX_LEN: usize = 1024;

    pub fn parse(raw: &str) -> Result<Self, InputError> {
        vschar("State", raw, Self::MAX_LEN).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Compares without an early exit, so timing tells nothing about how much matched.
    pub fn matches(&self, other: &State) -> bool {
        let (a, b) = (self.0.as_bytes(), other.0.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

impl fmt::Debug for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("State").field(&self.0).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_pasted_whitespace_but_refuses_it_inside() {
        let id = ClientId::parse("  123-abc.apps.googleusercontent.com\n").unwrap();
        assert_eq!(id.as_str(), "123-abc.apps.googleusercontent.com");
        assert!(id.looks_like_google());
        assert_eq!(
            ClientId::parse("123 abc"),
            Err(InputError::Whitespace { field: "Client ID" })
        );
        assert_eq!(
            ClientSecret::parse(" \t\n").unwrap_err(),
            InputError::Empty {
                field: "Client secret"
            }
        );
    }

    #[test]
    fn refuses_non_ascii_and_overlong_values() {
        assert_eq!(
            RefreshToken::parse("1//0é").unwrap_err(),
            InputError::InvalidChar {
                field: "Refresh token",
                ch: 'é'
            }
        );
        let long = "a".repeat(RefreshToken::MAX_LEN + 1);
        assert!(matches!(
            RefreshToken::parse(&long),
            Err(InputError::TooLong { len, .. }) if len == RefreshToken::MAX_LEN + 1
        ));
    }

    #[test]
    fn secret_types_are_redacted_in_debug() {
        let token = RefreshToken::parse("1//0gSECRET").unwrap();
        assert_eq!(format!("{token:?}"), "RefreshToken([redacted])");
        assert_eq!(token.expose(), "1//0gSECRET");
        let secret: ClientSecret = serde_json::from_str("\"GOCSPX-x\"").unwrap();
        assert_eq!(format!("{secret:?}"), "ClientSecret([redacted])");
    }

    #[test]
    fn state_comparison_is_exact() {
        let a = State::parse("abc").unwrap();
        assert!(a.matches(&State::parse("abc").unwrap()));
        assert!(!a.matches(&State::parse("abd").unwrap()));
        assert!(!a.matches(&State::parse("abcd").unwrap()));
    }
}
