//! Error codes a provider sends back: RFC 6749 §4.1.2.1 (authorization endpoint), §5.2
//! (token endpoint), RFC 7009 §2.2.1 (revocation) and the extra codes of Google's guides.
//! A code not listed stays `Unknown` with its raw text, so nothing the provider says is lost.

use std::fmt;

/// An error code this page knows how to explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KnownError {
    InvalidRequest,
    InvalidClient,
    InvalidGrant,
    UnauthorizedClient,
    UnsupportedGrantType,
    InvalidScope,
    AccessDenied,
    UnsupportedResponseType,
    ServerError,
    TemporarilyUnavailable,
    UnsupportedTokenType,
    InvalidToken,
    /// Google: the redirect URI is not registered for the client.
    RedirectUriMismatch,
    /// Google Workspace: an administrator blocks the scopes or the app.
    AdminPolicyEnforced,
    /// Google: the consent screen is "Internal" and the user is outside the organisation.
    OrgInternal,
    /// Google: an embedded browser (WebView) is not allowed.
    DisallowedUseragent,
    /// Google: the OAuth client was deleted.
    DeletedClient,
}

impl KnownError {
    pub const ALL: [KnownError; 17] = [
        KnownError::InvalidRequest,
        KnownError::InvalidClient,
        KnownError::InvalidGrant,
        KnownError::UnauthorizedClient,
        KnownError::UnsupportedGrantType,
        KnownError::InvalidScope,
        KnownError::AccessDenied,
        KnownError::UnsupportedResponseType,
        KnownError::ServerError,
        KnownError::TemporarilyUnavailable,
        KnownError::UnsupportedTokenType,
        KnownError::InvalidToken,
        KnownError::RedirectUriMismatch,
        KnownError::AdminPolicyEnforced,
        KnownError::OrgInternal,
        KnownError::DisallowedUseragent,
        KnownError::DeletedClient,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            KnownError::InvalidRequest => "invalid_request",
            KnownError::InvalidClient => "invalid_client",
            KnownError::InvalidGrant => "invalid_grant",
            KnownError::UnauthorizedClient => "unauthorized_client",
            KnownError::UnsupportedGrantType => "unsupported_grant_type",
            KnownError::InvalidScope => "invalid_scope",
            KnownError::AccessDenied => "access_denied",
            KnownError::UnsupportedResponseType => "unsupported_response_type",
            KnownError::ServerError => "server_error",
            KnownError::TemporarilyUnavailable => "temporarily_unavailable",
            KnownError::UnsupportedTokenType => "unsupported_token_type",
            KnownError::InvalidToken => "invalid_token",
            KnownError::RedirectUriMismatch => "redirect_uri_mismatch",
            KnownError::AdminPolicyEnforced => "admin_policy_enforced",
            KnownError::OrgInternal => "org_internal",
            KnownError::DisallowedUseragent => "disallowed_useragent",
            KnownError::DeletedClient => "deleted_client",
        }
    }
}

/// An error code as received.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    Known(KnownError),
    Unknown(String),
}

impl ErrorCode {
    pub fn parse(raw: &str) -> Self {
        let raw = raw.trim();
        KnownError::ALL
            .into_iter()
            .find(|k| k.as_str() == raw)
            .map_or_else(|| ErrorCode::Unknown(raw.to_owned()), ErrorCode::Known)
    }

    pub fn as_str(&self) -> &str {
        match self {
            ErrorCode::Known(k) => k.as_str(),
            ErrorCode::Unknown(s) => s,
        }
    }

    pub fn is(&self, known: KnownError) -> bool {
        *self == ErrorCode::Known(known)
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes_round_trip_and_others_are_kept() {
        for known in KnownError::ALL {
            assert_eq!(ErrorCode::parse(known.as_str()), ErrorCode::Known(known));
        }
        assert_eq!(
            ErrorCode::parse("slow_down"),
            ErrorCode::Unknown("slow_down".into())
        );
        assert_eq!(
            ErrorCode::parse(" invalid_grant\n").as_str(),
            "invalid_grant"
        );
    }
}
