//! Service accounts at the token endpoint: the JWT-bearer grant (RFC 7523) as Google's
//! "Using OAuth 2.0 for Server to Server Applications" describes it. The provider makes an
//! RSA key pair at test time, hands the test a key file like the Cloud console's, and
//! verifies each assertion's RS256 signature with the public key. Its clock may be set off
//! to play a computer whose clock is wrong.

use rsa::pkcs1v15::{Signature, VerifyingKey};
use rsa::pkcs8::{EncodePrivateKey, LineEnding};
use rsa::signature::Verifier as _;
use rsa::{RsaPrivateKey, RsaPublicKey};

use super::*;

/// A service account the provider knows: its email, key ID and public key.
#[derive(Clone)]
pub(super) struct ServiceAccount {
    email: String,
    key_id: String,
    public: RsaPublicKey,
}

/// Google's error texts for the JWT-bearer grant.
pub const BAD_SIGNATURE: &str = "Invalid JWT Signature.";
pub const BAD_TIME: &str = "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.";
pub const NO_ACCOUNT: &str = "Invalid grant: account not found";

impl Provider {
    /// Makes a service account with a fresh 2048-bit key and returns its JSON key file, as
    /// the Cloud console downloads it (`token_uri` is Google's token endpoint).
    pub fn create_service_account(&self, email: &str, project: &str) -> String {
        let private = RsaPrivateKey::new(&mut rsa::rand_core::OsRng, 2048).expect("an RSA key");
        let key_id = random("")
            .chars()
            .take(40)
            .collect::<String>()
            .to_lowercase();
        self.lock().service_accounts.push(ServiceAccount {
            email: email.to_owned(),
            key_id: key_id.clone(),
            public: RsaPublicKey::from(&private),
        });
        let pem = private.to_pkcs8_pem(LineEnding::LF).expect("PKCS#8 PEM");
        json!({
            "type": "service_account", "project_id": project, "private_key_id": key_id,
            "private_key": pem.as_str(), "client_email": email, "client_id": "104729384756",
            "auth_uri": "https://accounts.google.com/o/oauth2/auth",
            "token_uri": "https://oauth2.googleapis.com/token",
            "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
            "universe_domain": "googleapis.com",
        })
        .to_string()
    }

    /// Sets the provider's clock this many seconds off the real one.
    pub fn set_clock_skew(&self, seconds: i64) {
        self.lock().clock_skew = seconds;
    }
}

fn part(text: &str) -> Option<serde_json::Value> {
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(text).ok()?).ok()
}

pub(super) fn jwt_bearer(
    p: &Provider,
    headers: &HeaderMap,
    f: &HashMap<String, String>,
) -> Response {
    let refused = |d: &str| oauth_error(StatusCode::BAD_REQUEST, "invalid_grant", d);
    let assertion = f.get("assertion").cloned().unwrap_or_default();
    let mut parts = assertion.split('.');
    let (Some(h), Some(c), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return refused("Invalid JWT: Invalid format.");
    };
    let (Some(header), Some(claims)) = (part(h), part(c)) else {
        return refused("Invalid JWT: Invalid format.");
    };
    if header["alg"] != "RS256" {
        return refused(BAD_SIGNATURE);
    }
    let accounts = p.lock().service_accounts.clone();
    let iss = claims["iss"].as_str().unwrap_or_default();
    let Some(account) = accounts.iter().find(|a| a.email == iss) else {
        return refused(NO_ACCOUNT);
    };
    let signature = URL_SAFE_NO_PAD
        .decode(s)
        .ok()
        .and_then(|s| Signature::try_from(s.as_slice()).ok());
    let verifier = VerifyingKey::<Sha256>::new(account.public.clone());
    let signed = format!("{h}.{c}");
    let verified = signature.is_some_and(|sig| verifier.verify(signed.as_bytes(), &sig).is_ok());
    if !verified || header["kid"].as_str() != Some(account.key_id.as_str()) {
        return refused(BAD_SIGNATURE);
    }
    // `aud` is this token endpoint, as the browser addressed it.
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let aud = claims["aud"].as_str().unwrap_or_default();
    if ![
        format!("https://{host}/token"),
        format!("http://{host}/token"),
    ]
    .iter()
    .any(|a| a == aud)
    {
        return refused("Invalid JWT: Failed audience check.");
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
        + p.lock().clock_skew;
    let (iat, exp) = (
        claims["iat"].as_i64().unwrap_or(0),
        claims["exp"].as_i64().unwrap_or(0),
    );
    // Google allows a few minutes of skew, and an hour of life at most.
    if exp - iat > 3600 || iat > now + 300 || exp < now - 300 {
        return refused(BAD_TIME);
    }
    let scopes: Vec<String> = claims["scope"]
        .as_str()
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let access = random("ya29.c.");
    p.lock().access_tokens.insert(
        access.clone(),
        AccessGrant {
            client_id: account.email.clone(),
            scopes,
            expires: Instant::now() + Duration::from_secs(ACCESS_TOKEN_SECONDS),
            refresh_token: None,
        },
    );
    // Google answers a JWT-bearer grant with an access token only.
    (StatusCode::OK, axum::Json(json!({"access_token": access, "expires_in": ACCESS_TOKEN_SECONDS, "token_type": "Bearer"}))).into_response()
}
