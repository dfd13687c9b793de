//! What will end a Google refresh token, from what the page knows about it. Google, "Using
//! OAuth 2.0 to Access Google APIs", refresh token expiration
//! (https://developers.google.com/identity/protocols/oauth2#expiration): 7 days for an External
//! app in Testing (`refresh_token_expires_in`); six months unused; revocation by the user or an
//! admin; at most 100 live refresh tokens per account per client (the oldest goes); a password
//! change for tokens with Gmail scopes. Google Workspace's "session length for Google Cloud
//! services" (https://support.google.com/a/answer/9368756) ends Cloud-scoped tokens of
//! Workspace accounts when the session runs out. The OAuth client itself goes too when it is
//! left unused: Google Developers Blog, "Usability and safety updates to Google Auth Platform"
//! (2025-04-28), announces the automatic deletion of unused clients, and the console marks such
//! a client "will be deleted because it has not been used for over 6 months"; every refresh
//! token of a deleted client stops working (`invalid_client`).

use crate::oauth::jwt::decode_unverified;
use crate::oauth::TokenResponse;

/// Why Google gave the refresh token an end date (`refresh_token_expires_in`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// About 7 days: an External app in Testing (`facts::TESTING_SEVEN_DAYS`).
    Testing,
    /// Any other length: the user granted access for a limited time on the consent screen
    /// (`facts::TIME_LIMITED_ACCESS`).
    UserChoice,
}

/// The 7 days of an app in Testing, in seconds.
pub const TESTING_SECONDS: u64 = 7 * 24 * 60 * 60;

/// Why a refresh token lives `seconds` (as received). Google sends 604,799 or 604,800 for
/// an app in Testing; an hour either side still reads as that week.
pub fn limit_of(seconds: u64) -> Limit {
    if seconds.abs_diff(TESTING_SECONDS) <= 3_600 {
        Limit::Testing
    } else {
        Limit::UserChoice
    }
}

/// One thing that will or may end the token.
#[derive(Debug, Clone, PartialEq)]
pub enum Ending {
    /// A known date: Google said `refresh_token_expires_in`, for the reason `limit` says.
    Expires { at_ms: f64, limit: Limit },
    /// A Workspace account (`hd` in the ID token) with Cloud scopes: its admin's session
    /// length for Google Cloud services may end it.
    WorkspaceSession { domain: String },
    /// Unless the account's password changes: a token with Gmail scopes ends then.
    PasswordChange,
    /// Six months without being used.
    Unused,
    /// A 101st refresh token for the same account and client drops the oldest. Source:
    /// "Using OAuth 2.0 to Access Google APIs", refresh token expiration: "a limit of 100
    /// refresh tokens per Google Account per OAuth 2.0 client ID"
    /// (https://developers.google.com/identity/protocols/oauth2#expiration).
    TooMany,
    /// The OAuth client is deleted after six months without use, and its tokens with it.
    ClientUnused,
    /// Revoked on the account's permissions page, by an admin, or here.
    Revoked,
}

/// Scopes that Workspace's session control for Google Cloud services covers.
fn is_cloud(scope: &str) -> bool {
    scope.ends_with("/auth/cloud-platform")
        || scope.ends_with("/auth/bigquery")
        || scope.ends_with("/auth/bigquery.readonly")
}

fn is_gmail(scope: &str) -> bool {
    scope.contains("/auth/gmail.") || scope == "https://mail.google.com/"
}

/// When the refresh token of `response`, received at `received_at_ms`, expires, if the
/// provider said (`refresh_token_expires_in`).
pub fn refresh_token_expiry_ms(response: &TokenResponse, received_at_ms: f64) -> Option<f64> {
    response
        .refresh_token_expires_in
        .map(|seconds| received_at_ms + seconds as f64 * 1000.0)
}

/// Everything that will end the refresh token of `response`, received at `received_at_ms`.
pub fn endings(response: &TokenResponse, received_at_ms: f64) -> Vec<Ending> {
    let mut out = Vec::new();
    if let (Some(at_ms), Some(seconds)) = (
        refresh_token_expiry_ms(response, received_at_ms),
        response.refresh_token_expires_in,
    ) {
        out.push(Ending::Expires {
            at_ms,
            limit: limit_of(seconds),
        });
    }
    let scopes: Vec<&str> = response
        .scope
        .as_ref()
        .map(|s| s.iter().map(|s| s.as_str()).collect())
        .unwrap_or_default();
    let workspace = response
        .id_token
        .as_ref()
        .and_then(|t| decode_unverified(t.expose()).ok())
        .and_then(|c| {
            c.payload
                .get("hd")
                .and_then(|h| h.as_str())
                .map(str::to_owned)
        });
    if let Some(domain) = workspace {
        if scopes.iter().any(|s| is_cloud(s)) {
            out.push(Ending::WorkspaceSession { domain });
        }
    }
    if scopes.iter().any(|s| is_gmail(s)) {
        out.push(Ending::PasswordChange);
    }
    out.extend([
        Ending::Unused,
        Ending::TooMany,
        Ending::ClientUnused,
        Ending::Revoked,
    ]);
    out
}

/// The known expiry, if any: what a calendar reminder is for.
pub fn known_expiry(endings: &[Ending]) -> Option<f64> {
    endings.iter().find_map(|e| match e {
        Ending::Expires { at_ms, .. } => Some(*at_ms),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth::parse_token_response;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;

    fn id_token(payload: &str) -> String {
        format!(
            "{}.{}.sig",
            URL_SAFE_NO_PAD.encode(r#"{"alg":"RS256"}"#),
            URL_SAFE_NO_PAD.encode(payload)
        )
    }

    #[test]
    fn a_testing_app_has_a_date_and_a_workspace_account_a_session() {
        let body = format!(
            r#"{{"access_token":"ya29.x","token_type":"Bearer","refresh_token":"1//0g",
                "refresh_token_expires_in":604799,
                "scope":"openid https://www.googleapis.com/auth/bigquery",
                "id_token":"{}"}}"#,
            id_token(r#"{"email":"a@corp.example","hd":"corp.example"}"#)
        );
        let r = parse_token_response(200, &body).unwrap();
        let e = endings(&r, 1_000.0);
        assert_eq!(
            e[0],
            Ending::Expires {
                at_ms: 1_000.0 + 604_799_000.0,
                limit: Limit::Testing
            }
        );
        assert_eq!(
            e[1],
            Ending::WorkspaceSession {
                domain: "corp.example".into()
            }
        );
        assert_eq!(
            e[2..],
            [
                Ending::Unused,
                Ending::TooMany,
                Ending::ClientUnused,
                Ending::Revoked
            ]
        );
        assert_eq!(known_expiry(&e), Some(604_800_000.0));
    }

    #[test]
    fn a_week_is_testing_and_any_other_end_is_the_users_choice() {
        assert_eq!(limit_of(604_800), Limit::Testing);
        assert_eq!(limit_of(604_799), Limit::Testing);
        assert_eq!(limit_of(601_200), Limit::Testing);
        assert_eq!(limit_of(601_199), Limit::UserChoice);
        assert_eq!(limit_of(15_551_999), Limit::UserChoice);
        assert_eq!(limit_of(86_400), Limit::UserChoice);
        let r = parse_token_response(
            200,
            r#"{"access_token":"ya29.x","token_type":"Bearer","refresh_token":"1//0g",
                "refresh_token_expires_in":15551999}"#,
        )
        .unwrap();
        assert_eq!(
            endings(&r, 0.0)[0],
            Ending::Expires {
                at_ms: 15_551_999_000.0,
                limit: Limit::UserChoice
            }
        );
    }

    #[test]
    fn a_published_app_for_a_consumer_account_has_no_date() {
        let r = parse_token_response(
            200,
            r#"{"access_token":"ya29.x","token_type":"Bearer","refresh_token":"1//0g",
                "scope":"https://www.googleapis.com/auth/adwords https://www.googleapis.com/auth/gmail.readonly"}"#,
        )
        .unwrap();
        let e = endings(&r, 0.0);
        assert_eq!(
            e,
            [
                Ending::PasswordChange,
                Ending::Unused,
                Ending::TooMany,
                Ending::ClientUnused,
                Ending::Revoked
            ]
        );
        assert_eq!(known_expiry(&e), None);
    }
}
