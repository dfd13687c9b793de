//! Answers of the token endpoint: RFC 6749 §5.1 (success) and §5.2 (error), read by status
//! and body. Non-JSON bodies (a proxy's HTML page, an empty 502) are their own case, so the
//! user is told what actually came back.

use std::fmt;

use serde::de::{self, Deserializer};
use serde::Deserialize;
use serde_json::{Map, Value};
use thiserror::Error;

use super::consent::Prompt;
use super::error::ErrorCode;
use super::scope::{Scope, Scopes};
use super::secret::Secret;
use super::types::{AccessToken, IdToken, RefreshToken};

/// A successful token response.
#[derive(Clone, PartialEq, Deserialize)]
pub struct TokenResponse {
    pub access_token: AccessToken,
    pub token_type: String,
    /// Seconds the access token lives (Google: 3599).
    #[serde(default, deserialize_with = "seconds")]
    pub expires_in: Option<u64>,
    pub refresh_token: Option<RefreshToken>,
    #[serde(default, deserialize_with = "scopes")]
    pub scope: Option<Scopes>,
    pub id_token: Option<IdToken>,
    /// Google sends this when the consent screen is in "Testing": the refresh token dies
    /// after 7 days.
    #[serde(default, deserialize_with = "seconds")]
    pub refresh_token_expires_in: Option<u64>,
    /// Fields this page does not know, kept for the raw view.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl fmt::Debug for TokenResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenResponse")
            .field("access_token", &self.access_token)
            .field("token_type", &self.token_type)
            .field("expires_in", &self.expires_in)
            .field("refresh_token", &self.refresh_token)
            .field("scope", &self.scope)
            .field("id_token", &self.id_token)
            .field("refresh_token_expires_in", &self.refresh_token_expires_in)
            .field("extra_fields", &self.extra.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// Some providers send numbers as strings (`"3600"`).
fn seconds<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_u64()
            .or_else(|| n.as_f64().filter(|f| *f >= 0.0).map(|f| f as u64))
            .map(Some)
            .ok_or_else(|| de::Error::custom("a lifetime in seconds is negative")),
        Some(Value::String(s)) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| de::Error::custom("a lifetime in seconds is not a number")),
        Some(_) => Err(de::Error::custom("a lifetime in seconds is not a number")),
    }
}

fn scopes<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Scopes>, D::Error> {
    let raw = Option::<String>::deserialize(d)?;
    Ok(raw.as_deref().and_then(|s| Scopes::parse(s).ok()))
}

/// The provider's "no", RFC 6749 §5.2: `{"error": "...", "error_description": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenError {
    pub status: u16,
    pub code: ErrorCode,
    pub description: Option<String>,
    pub uri: Option<String>,
}

/// Why a token endpoint answer gave no tokens.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TokenEndpointError {
    /// The server said no.
    #[error("the token endpoint refused: {} (HTTP {})", .0.code, .0.status)]
    Refused(TokenError),
    /// The answer is not JSON (an HTML error page, a proxy, a wrong URL).
    #[error("the token endpoint answered HTTP {status} with something that is not JSON")]
    NotJson {
        status: u16,
        content_type_hint: String,
    },
    /// JSON, but not a token response.
    #[error("the token endpoint answered HTTP {status} with JSON that is not a token response: {reason}")]
    Malformed { status: u16, reason: String },
}

#[derive(Deserialize)]
struct RawError {
    error: String,
    error_description: Option<String>,
    error_uri: Option<String>,
}

/// Reads the answer of a token request.
pub fn parse_token_response(status: u16, body: &str) -> Result<TokenResponse, TokenEndpointError> {
    let value: Value = match serde_json::from_str(body) {
        Ok(v) => v,
        Err(_) => {
            return Err(TokenEndpointError::NotJson {
                status,
                content_type_hint: sniff(body),
            })
        }
    };
    // Some providers say no with a 200 and an `error` field.
    if value.get("error").is_some_and(Value::is_string) {
        let raw: RawError = serde_json::from_value(value).map_err(|e| malformed(status, &e))?;
        return Err(TokenEndpointError::Refused(TokenError {
            status,
            code: ErrorCode::parse(&raw.error),
            description: raw.error_description,
            uri: raw.error_uri,
        }));
    }
    if !(200..300).contains(&status) {
        return Err(TokenEndpointError::Malformed {
            status,
            reason: "an error status without an `error` field".into(),
        });
    }
    if !value.is_object() {
        return Err(TokenEndpointError::Malformed {
            status,
            reason: "the JSON is not an object".into(),
        });
    }
    serde_json::from_value(value).map_err(|e| malformed(status, &e))
}

/// serde's message can quote the offending value (a token); name only the missing field or
/// the kind of problem.
fn malformed(status: u16, e: &serde_json::Error) -> TokenEndpointError {
    let text = e.to_string();
    let reason = if let Some(field) = text
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
    {
        format!("the field `{field}` is missing")
    } else if text.starts_with("a lifetime") || text.ends_with("is empty") {
        text
    } else {
        "a field has the wrong type or an invalid value".into()
    };
    TokenEndpointError::Malformed { status, reason }
}

fn sniff(body: &str) -> String {
    let start = body.trim_start();
    let lower: String = start
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    if start.is_empty() {
        "an empty body".into()
    } else if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        "an HTML page".into()
    } else if start.starts_with('{') || start.starts_with('[') {
        "truncated or invalid JSON".into()
    } else {
        "plain text".into()
    }
}

/// The fields that hold secrets in a token response.
pub const SECRET_FIELDS: [&str; 3] = ["access_token", "refresh_token", "id_token"];

/// The response body pretty-printed, with every secret field masked. A form-encoded body
/// (`access_token=…&refresh_token=…`, which some providers send) is masked alike, one field
/// per line; any other body the page cannot read is hidden whole, as it may hold a token.
pub fn masked_json(body: &str) -> String {
    let Ok(mut value) = serde_json::from_str::<Value>(body) else {
        return masked_other(body);
    };
    if let Some(map) = value.as_object_mut() {
        for field in SECRET_FIELDS {
            if let Some(Value::String(s)) = map.get_mut(field) {
                *s = Secret::new(std::mem::take(s)).masked();
            }
        }
    }
    serde_json::to_string_pretty(&value).unwrap_or_else(|_| body.to_owned())
}

fn masked_other(body: &str) -> String {
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return body.to_owned();
    }
    // Form encoding has no raw whitespace, and every field has its `=`.
    let form =
        !trimmed.contains(char::is_whitespace) && trimmed.split('&').all(|pair| pair.contains('='));
    if !form {
        return format!(
            "({} bytes that are neither JSON nor form-encoded: hidden until you reveal them, as they may hold a token)",
            body.len()
        );
    }
    form_urlencoded::parse(trimmed.as_bytes())
        .map(|(name, value)| {
            let value = if SECRET_FIELDS.contains(&name.as_ref()) {
                Secret::new(value.into_owned()).masked()
            } else {
                value.into_owned()
            };
            format!("{name}={value}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Something worth telling about tokens that did come back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenNote {
    /// No refresh token among them; `consent_forced` says whether consent was asked for.
    NoRefreshToken { consent_forced: bool },
    /// The user unticked these scopes at consent.
    ScopesPartlyGranted { missing: Vec<Scope> },
    /// The refresh token lives this long (a consent screen in "Testing").
    RefreshTokenExpires { seconds: u64 },
}

/// What is worth telling about tokens that did come back.
pub fn assess(response: &TokenResponse, requested: &Scopes, prompt: Prompt) -> Vec<TokenNote> {
    let mut notes = Vec::new();
    if response.refresh_token.is_none() {
        notes.push(TokenNote::NoRefreshToken {
            consent_forced: prompt.forces_consent(),
        });
    }
    if let Some(granted) = &response.scope {
        let missing = requested.missing_from(granted);
        if !missing.is_empty() {
            notes.push(TokenNote::ScopesPartlyGranted { missing });
        }
    }
    if let Some(seconds) = response.refresh_token_expires_in {
        notes.push(TokenNote::RefreshTokenExpires { seconds });
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth::error::KnownError;

    const GOOGLE_OK: &str = r#"{
      "access_token": "ya29.a0AfH6SM",
      "expires_in": 3599,
      "refresh_token": "1//0gLxYz",
      "scope": "https://www.googleapis.com/auth/bigquery",
      "token_type": "Bearer",
      "refresh_token_expires_in": 604799
    }"#;

    #[test]
    fn reads_googles_success() {
        let r = parse_token_response(200, GOOGLE_OK).unwrap();
        assert_eq!(r.access_token.expose(), "ya29.a0AfH6SM");
        assert_eq!(r.refresh_token.as_ref().unwrap().expose(), "1//0gLxYz");
        assert_eq!(r.expires_in, Some(3599));
        assert_eq!(r.refresh_token_expires_in, Some(604799));
        assert_eq!(r.token_type, "Bearer");
        assert!(r
            .scope
            .unwrap()
            .contains("https://www.googleapis.com/auth/bigquery"));
        assert!(r.extra.is_empty());
    }

    #[test]
    fn keeps_unknown_fields_and_accepts_string_numbers() {
        let r = parse_token_response(
            200,
            r#"{"access_token":"a","token_type":"bearer","expires_in":"3600","ext_expires_in":3600}"#,
        )
        .unwrap();
        assert_eq!(r.expires_in, Some(3600));
        assert!(r.refresh_token.is_none());
        assert_eq!(r.extra["ext_expires_in"], 3600);
        let debug = format!("{r:?}");
        assert!(debug.contains("ext_expires_in") && !debug.contains("\"a\""));
    }

    #[test]
    fn reads_googles_errors() {
        let err = parse_token_response(
            400,
            r#"{"error": "invalid_grant", "error_description": "Code was already redeemed."}"#,
        )
        .unwrap_err();
        assert_eq!(
            err,
            TokenEndpointError::Refused(TokenError {
                status: 400,
                code: ErrorCode::Known(KnownError::InvalidGrant),
                description: Some("Code was already redeemed.".into()),
                uri: None,
            })
        );
        let err = parse_token_response(
            401,
            r#"{"error":"invalid_client","error_description":"Unauthorized"}"#,
        )
        .unwrap_err();
        assert!(matches!(
            err,
            TokenEndpointError::Refused(TokenError { status: 401, .. })
        ));
        let err = parse_token_response(200, r#"{"error":"bad_verification_code"}"#).unwrap_err();
        assert!(matches!(
            err,
            TokenEndpointError::Refused(TokenError { code: ErrorCode::Unknown(ref c), .. }) if c == "bad_verification_code"
        ));
    }

    #[test]
    fn tells_what_came_back_when_it_is_not_a_token_response() {
        let not_json = |body| match parse_token_response(502, body) {
            Err(TokenEndpointError::NotJson {
                content_type_hint, ..
            }) => content_type_hint,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            not_json("<!DOCTYPE html><title>502</title>"),
            "an HTML page"
        );
        assert_eq!(not_json(""), "an empty body");
        assert_eq!(
            not_json("{\"access_token\": \"ya29"),
            "truncated or invalid JSON"
        );
        assert_eq!(not_json("Bad Gateway"), "plain text");

        let err = parse_token_response(200, r#"{"token_type":"Bearer"}"#).unwrap_err();
        assert_eq!(
            err,
            TokenEndpointError::Malformed {
                status: 200,
                reason: "the field `access_token` is missing".into()
            }
        );
        let err =
            parse_token_response(200, r#"{"access_token":"has space","token_type":"Bearer"}"#)
                .unwrap_err();
        assert!(matches!(err, TokenEndpointError::Malformed { .. }));
        assert!(!err.to_string().contains("has space"));
        let err = parse_token_response(500, r#"{"message":"oops"}"#).unwrap_err();
        assert!(matches!(
            err,
            TokenEndpointError::Malformed { status: 500, .. }
        ));
        assert!(matches!(
            parse_token_response(200, "[1]").unwrap_err(),
            TokenEndpointError::Malformed { .. }
        ));
    }

    #[test]
    fn masks_secrets_in_the_raw_view() {
        let masked = masked_json(GOOGLE_OK);
        assert!(!masked.contains("ya29.a0AfH6SM") && !masked.contains("1//0gLxYz"));
        assert!(masked.contains("\"expires_in\": 3599"));
        assert_eq!(masked_json(""), "");
    }

    #[test]
    fn masks_form_encoded_answers_and_hides_what_it_cannot_read() {
        let form = "access_token=ya29.a0AfH6SMsecret&token_type=Bearer&expires_in=3599&refresh_token=1%2F%2F0gLxYzsecret&scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fbigquery";
        let masked = masked_json(form);
        assert!(
            !masked.contains("AfH6SMsecret") && !masked.contains("0gLxYzsecret"),
            "{masked}"
        );
        assert!(
            masked.contains("token_type=Bearer\nexpires_in=3599"),
            "{masked}"
        );
        assert!(
            masked.contains("scope=https://www.googleapis.com/auth/bigquery"),
            "{masked}"
        );
        // Anything else may hold a token in a shape the page does not know: hidden whole.
        for other in [
            "<html><body>token ya29.secret</body></html>",
            "ya29.secret",
            "a=1 b=2",
        ] {
            let hidden = masked_json(other);
            assert!(
                !hidden.contains("secret") && !hidden.contains("a=1"),
                "{hidden}"
            );
            assert!(
                hidden.contains(&format!("({} bytes", other.len())),
                "{hidden}"
            );
        }
    }

    #[test]
    fn assesses_missing_refresh_token_scopes_and_expiry() {
        let requested = Scopes::parse(
            "https://www.googleapis.com/auth/bigquery https://www.googleapis.com/auth/drive",
        )
        .unwrap();
        let r = parse_token_response(
            200,
            r#"{"access_token":"ya29.x","token_type":"Bearer","expires_in":3599,
                "scope":"https://www.googleapis.com/auth/bigquery","refresh_token_expires_in":604799}"#,
        )
        .unwrap();
        let notes: Vec<_> = assess(&r, &requested, Prompt::Omitted)
            .iter()
            .map(|n| crate::messages::token_note(n, None))
            .collect();
        assert_eq!(notes.len(), 3);
        assert!(notes[0].what.contains("no refresh token"));
        assert!(notes[0].fix.contains("consent forced"));
        assert!(notes[1].what.contains("auth/drive"));
        assert!(notes[2].what.contains("6 days"));

        let full = parse_token_response(
            200,
            r#"{"access_token":"ya29.x","token_type":"Bearer","refresh_token":"1//0g",
                "scope":"https://www.googleapis.com/auth/drive https://www.googleapis.com/auth/bigquery"}"#,
        )
        .unwrap();
        assert!(assess(&full, &requested, Prompt::Consent).is_empty());
    }
}
