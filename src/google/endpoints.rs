//! Google's OAuth 2.0 endpoints, from its "OAuth 2.0 for Web Server Applications" guide and
//! its discovery document (https://accounts.google.com/.well-known/openid-configuration).

use crate::oauth::{Endpoint, Provider, ProviderKind};

pub const GOOGLE_AUTHORIZATION: &str = "https://accounts.google.com/o/oauth2/v2/auth";
pub const GOOGLE_TOKEN: &str = "https://oauth2.googleapis.com/token";
pub const GOOGLE_REVOCATION: &str = "https://oauth2.googleapis.com/revoke";
pub const GOOGLE_TOKENINFO: &str = "https://oauth2.googleapis.com/tokeninfo";
/// Google's issuer identifier: the `issuer` of its discovery document
/// (https://accounts.google.com/.well-known/openid-configuration), and the `iss` it adds to
/// authorization responses (RFC 9207).
pub const GOOGLE_ISSUER: &str = "https://accounts.google.com";

impl Provider {
    pub fn google() -> Self {
        let known = |field, url| Endpoint::parse(field, url).expect("Google endpoints are valid");
        Self {
            kind: ProviderKind::Google,
            authorization: known("Authorization endpoint", GOOGLE_AUTHORIZATION),
            token: known("Token endpoint", GOOGLE_TOKEN),
            revocation: Some(known("Revocation endpoint", GOOGLE_REVOCATION)),
            tokeninfo: Some(known("Tokeninfo endpoint", GOOGLE_TOKENINFO)),
            bigquery: Some(known(
                "BigQuery endpoint",
                super::checks::GOOGLE_BIGQUERY_PROJECTS,
            )),
            issuer: Some(GOOGLE_ISSUER.to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn google_uses_the_documented_endpoints() {
        let google = Provider::google();
        assert_eq!(google.authorization.as_str(), GOOGLE_AUTHORIZATION);
        assert_eq!(google.token.as_str(), GOOGLE_TOKEN);
        assert_eq!(
            google.revocation.as_ref().unwrap().as_str(),
            GOOGLE_REVOCATION
        );
        assert_eq!(
            google.tokeninfo.as_ref().unwrap().as_str(),
            GOOGLE_TOKENINFO
        );
        assert_eq!(
            google.issuer.as_deref(),
            Some("https://accounts.google.com")
        );
        assert_eq!(google.token_host(), "oauth2.googleapis.com");
    }
}
