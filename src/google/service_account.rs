//! Service accounts, checked in the browser: a JSON key file read, a JWT assertion built and
//! (by the page, with WebCrypto) signed with RS256, and exchanged at Google's token endpoint
//! for an access token. Source: Google's "Using OAuth 2.0 for Server to Server Applications"
//! (developers.google.com/identity/protocols/oauth2/service-account), "Preparing to make an
//! authorized API call" / HTTP/REST: the header `{"alg":"RS256","typ":"JWT"}` (with `kid`,
//! the key's ID), the claims `iss` (the service account's email), `scope`, `aud`
//! (`https://oauth2.googleapis.com/token`), `iat` and `exp` (at most one hour after `iat`),
//! base64url without padding; the request `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`
//! with `assertion`; RFC 7523 for the grant.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use serde::Deserialize;
use thiserror::Error;
use zeroize::Zeroizing;

use crate::oauth::grant::{self, FormRequest};
use crate::oauth::{Endpoint, Secret};

/// RFC 7523's grant type.
pub const JWT_BEARER: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/// How long the assertion is good for: Google takes at most an hour.
pub const ASSERTION_SECONDS: u64 = 3600;

/// Why a key file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KeyFileError {
    #[error("this is not JSON")]
    NotJson,
    #[error("this is a {0} file, not a service account key")]
    NotServiceAccount(String),
    #[error("the key file has no {0}")]
    Missing(&'static str),
    #[error("the private key is not a PEM-encoded PKCS#8 key")]
    BadPrivateKey,
}

/// A service account key, read. The private key lives only here, wiped when dropped.
pub struct ServiceAccountKey {
    pub client_email: String,
    pub private_key_id: String,
    pub project_id: Option<String>,
    pub token_uri: Option<String>,
    /// The PKCS#8 DER of the private key, for WebCrypto's `importKey("pkcs8", …)`.
    pub pkcs8_der: Zeroizing<Vec<u8>>,
}

impl std::fmt::Debug for ServiceAccountKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServiceAccountKey")
            .field("client_email", &self.client_email)
            .field("private_key_id", &self.private_key_id)
            .field("pkcs8_der", &"[redacted]")
            .finish()
    }
}

#[derive(Deserialize)]
struct RawKey {
    #[serde(rename = "type")]
    kind: Option<String>,
    client_email: Option<String>,
    private_key_id: Option<String>,
    private_key: Option<Secret>,
    project_id: Option<String>,
    token_uri: Option<String>,
}

/// Reads a service account's JSON key file, as the Cloud console downloads it.
pub fn read_key_file(text: &str) -> Result<ServiceAccountKey, KeyFileError> {
    let raw: RawKey = serde_json::from_str(text).map_err(|_| KeyFileError::NotJson)?;
    match raw.kind.as_deref() {
        Some("service_account") => {}
        Some(other) => return Err(KeyFileError::NotServiceAccount(other.to_owned())),
        None if text.contains("\"web\"") || text.contains("\"installed\"") => {
            return Err(KeyFileError::NotServiceAccount("OAuth client".into()))
        }
        None => return Err(KeyFileError::Missing("type")),
    }
    let pem = raw
        .private_key
        .ok_or(KeyFileError::Missing("private_key"))?;
    Ok(ServiceAccountKey {
        client_email: raw
            .client_email
            .ok_or(KeyFileError::Missing("client_email"))?,
        private_key_id: raw
            .private_key_id
            .ok_or(KeyFileError::Missing("private_key_id"))?,
        project_id: raw.project_id,
        token_uri: raw.token_uri,
        pkcs8_der: pkcs8_der(pem.expose())?,
    })
}

/// The key file's `private_key` as it stands (PEM), for a linked service that takes the key
/// alone (Google Ads' `privateKey`).
pub fn private_key_pem(text: &str) -> Option<Secret> {
    serde_json::from_str::<RawKey>(text).ok()?.private_key
}

/// The DER inside `-----BEGIN PRIVATE KEY-----` … `-----END PRIVATE KEY-----`.
fn pkcs8_der(pem: &str) -> Result<Zeroizing<Vec<u8>>, KeyFileError> {
    let body = pem
        .trim()
        .strip_prefix("-----BEGIN PRIVATE KEY-----")
        .and_then(|b| b.strip_suffix("-----END PRIVATE KEY-----"))
        .ok_or(KeyFileError::BadPrivateKey)?;
    let b64: Zeroizing<String> =
        Zeroizing::new(body.chars().filter(|c| !c.is_whitespace()).collect());
    let der = STANDARD
        .decode(b64.as_bytes())
        .map_err(|_| KeyFileError::BadPrivateKey)?;
    // A DER SEQUENCE, as every PKCS#8 key is.
    if der.first() != Some(&0x30) {
        return Err(KeyFileError::BadPrivateKey);
    }
    Ok(Zeroizing::new(der))
}

/// The part of the JWT that is signed: base64url(header) `.` base64url(claims).
pub fn signing_input(
    key: &ServiceAccountKey,
    scopes: &str,
    audience: &str,
    now_seconds: u64,
) -> String {
    let header = serde_json::json!({"alg": "RS256", "typ": "JWT", "kid": key.private_key_id});
    let claims = serde_json::json!({
        "iss": key.client_email,
        "scope": scopes.split_whitespace().collect::<Vec<_>>().join(" "),
        "aud": audience,
        "iat": now_seconds,
        "exp": now_seconds + ASSERTION_SECONDS,
    });
    format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    )
}

/// The signed assertion: the signing input and the RS256 signature, base64url.
pub fn assertion(signing_input: &str, signature: &[u8]) -> Secret {
    Secret::new(format!(
        "{signing_input}.{}",
        URL_SAFE_NO_PAD.encode(signature)
    ))
}

/// The JWT-bearer token request (RFC 7523 §2.1); the assertion is a secret.
pub fn token_request(token: &Endpoint, assertion: &Secret) -> FormRequest {
    grant::form(
        token,
        &[
            ("grant_type", JWT_BEARER, false),
            ("assertion", assertion.expose(), true),
        ],
    )
}

/// Whether the key names another token endpoint than the one the page would send to; the
/// assertion's `aud` must be the endpoint it is sent to.
pub fn token_uri_differs(key: &ServiceAccountKey, token: &Endpoint) -> bool {
    key.token_uri
        .as_deref()
        .is_some_and(|uri| uri.trim_end_matches('/') != token.as_str().trim_end_matches('/'))
}

/// Why a key cannot start the grant.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum GrantRefused {
    #[error(transparent)]
    Key(#[from] KeyFileError),
    /// The assertion's `aud` must be where it is sent, and the page sends to `endpoint` only.
    #[error("the key names the token endpoint {token_uri}, not {endpoint}")]
    OtherTokenEndpoint { token_uri: String, endpoint: String },
}

/// The grant before the browser signs: what to sign, and the key to sign it with. Nothing
/// else of the key is kept.
pub struct Unsigned {
    pub signing_input: String,
    pub pkcs8_der: Zeroizing<Vec<u8>>,
}

/// The first half of the service account's grant (RFC 7523): the key read and checked
/// against the endpoint the assertion goes to, and the JWT to sign for `scopes`.
pub fn unsigned_assertion(
    key_text: &str,
    scopes: &str,
    endpoint: &Endpoint,
    now_seconds: u64,
) -> Result<Unsigned, GrantRefused> {
    let key = read_key_file(key_text)?;
    if token_uri_differs(&key, endpoint) {
        return Err(GrantRefused::OtherTokenEndpoint {
            token_uri: key.token_uri.clone().unwrap_or_default(),
            endpoint: endpoint.to_string(),
        });
    }
    Ok(Unsigned {
        signing_input: signing_input(&key, scopes, endpoint.as_str(), now_seconds),
        pkcs8_der: key.pkcs8_der,
    })
}

/// The second half: the signed assertion, as the token request.
pub fn signed_request(endpoint: &Endpoint, signing_input: &str, signature: &[u8]) -> FormRequest {
    token_request(endpoint, &assertion(signing_input, signature))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pem_private_key_is_read_as_it_stands() {
        let text = r#"{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----\n"}"#;
        assert_eq!(
            private_key_pem(text).unwrap().expose(),
            "-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----\n"
        );
        assert!(private_key_pem("{}").is_none() && private_key_pem("not json").is_none());
    }

    const PEM: &str = "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n";

    fn key_file(private_key: &str) -> String {
        serde_json::json!({
            "type": "service_account", "project_id": "demo-project", "private_key_id": "k1",
            "private_key": private_key, "client_email": "adf@demo-project.iam.gserviceaccount.com",
            "client_id": "1", "token_uri": "https://oauth2.googleapis.com/token"
        })
        .to_string()
    }

    #[test]
    fn reads_a_key_file_and_refuses_what_is_not_one() {
        let key = read_key_file(&key_file(PEM)).unwrap();
        assert_eq!(key.client_email, "adf@demo-project.iam.gserviceaccount.com");
        assert_eq!(key.pkcs8_der[0], 0x30);
        assert!(
            !format!("{key:?}").contains("MII"),
            "no key material in Debug"
        );
        assert_eq!(read_key_file("nope").unwrap_err(), KeyFileError::NotJson);
        assert_eq!(
            read_key_file(r#"{"type":"authorized_user","client_id":"x"}"#).unwrap_err(),
            KeyFileError::NotServiceAccount("authorized_user".into())
        );
        assert_eq!(
            read_key_file(r#"{"web":{"client_id":"x"}}"#).unwrap_err(),
            KeyFileError::NotServiceAccount("OAuth client".into())
        );
        assert_eq!(
            read_key_file(&key_file(
                "-----BEGIN RSA PRIVATE KEY-----\nMII\n-----END RSA PRIVATE KEY-----"
            ))
            .unwrap_err(),
            KeyFileError::BadPrivateKey
        );
        assert_eq!(
            read_key_file(&key_file(
                "-----BEGIN PRIVATE KEY-----\n!!\n-----END PRIVATE KEY-----"
            ))
            .unwrap_err(),
            KeyFileError::BadPrivateKey
        );
    }

    #[test]
    fn the_assertion_carries_googles_claims() {
        let key = read_key_file(&key_file(PEM)).unwrap();
        let token =
            Endpoint::parse("Token endpoint", "https://oauth2.googleapis.com/token").unwrap();
        let input = signing_input(
            &key,
            " https://www.googleapis.com/auth/bigquery ",
            token.as_str(),
            1_700_000_000,
        );
        let (header, claims) = input.split_once('.').unwrap();
        let header: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(header).unwrap()).unwrap();
        let claims: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(claims).unwrap()).unwrap();
        assert_eq!(
            header,
            serde_json::json!({"alg": "RS256", "typ": "JWT", "kid": "k1"})
        );
        assert_eq!(claims["iss"], "adf@demo-project.iam.gserviceaccount.com");
        assert_eq!(claims["scope"], "https://www.googleapis.com/auth/bigquery");
        assert_eq!(claims["aud"], "https://oauth2.googleapis.com/token");
        assert_eq!(
            claims["exp"].as_u64().unwrap() - claims["iat"].as_u64().unwrap(),
            3600
        );
        let jwt = assertion(&input, &[1, 2, 3]);
        assert!(jwt.expose().ends_with(".AQID"));
        let request = token_request(&token, &jwt);
        assert!(request.masked_body().starts_with(
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion="
        ));
        assert!(!request.masked_body().contains(&input[..20]));
        assert!(!token_uri_differs(&key, &token));
        let other = Endpoint::parse("Token endpoint", "https://evil.example/token").unwrap();
        assert!(token_uri_differs(&key, &other));
    }

    #[test]
    fn the_grant_refuses_a_key_for_another_endpoint_and_signs_for_its_own() {
        let google =
            Endpoint::parse("Token endpoint", "https://oauth2.googleapis.com/token").unwrap();
        let unsigned = unsigned_assertion(&key_file(PEM), "a b", &google, 1_700_000_000).unwrap();
        let key = read_key_file(&key_file(PEM)).unwrap();
        assert_eq!(
            unsigned.signing_input,
            signing_input(&key, "a b", google.as_str(), 1_700_000_000)
        );
        assert_eq!(*unsigned.pkcs8_der, *key.pkcs8_der);
        let request = signed_request(&google, &unsigned.signing_input, &[1, 2, 3]);
        assert_eq!(request.url.as_str(), google.as_str());
        assert!(request.masked_body().contains("grant-type%3Ajwt-bearer"));
        let other = Endpoint::parse("Token endpoint", "https://evil.example/token").unwrap();
        assert_eq!(
            unsigned_assertion(&key_file(PEM), "a", &other, 0).err(),
            Some(GrantRefused::OtherTokenEndpoint {
                token_uri: "https://oauth2.googleapis.com/token".into(),
                endpoint: "https://evil.example/token".into(),
            })
        );
        assert_eq!(
            unsigned_assertion("nope", "a", &google, 0).err(),
            Some(GrantRefused::Key(KeyFileError::NotJson))
        );
    }
}
