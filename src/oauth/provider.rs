//! Where the requests go: an OAuth 2.0 provider described by its endpoints and issuer.
//! Google's own are in `google::endpoints`.

use super::endpoint::{Endpoint, UrlError};

/// Which provider the page talks to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProviderKind {
    Google,
    Custom,
}

/// The endpoints of one OAuth 2.0 provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provider {
    pub kind: ProviderKind,
    pub authorization: Endpoint,
    pub token: Endpoint,
    /// RFC 7009 token revocation; not every provider has one.
    pub revocation: Option<Endpoint>,
    /// Google's tokeninfo (token introspection by query); Google-specific.
    pub tokeninfo: Option<Endpoint>,
    /// BigQuery's `projects.list`, for the "Test BigQuery access" check.
    pub bigquery: Option<Endpoint>,
    /// The issuer identifier (RFC 9207): a redirect whose `iss` differs is refused. `None`
    /// when the user did not name one for a custom provider.
    pub issuer: Option<String>,
}

/// The endpoints as typed into the "custom provider" form; blank optional fields mean
/// "this provider has none".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomEndpoints<'a> {
    pub authorization: &'a str,
    pub token: &'a str,
    pub revocation: &'a str,
    pub tokeninfo: &'a str,
    pub bigquery: &'a str,
    pub issuer: &'a str,
}

impl Provider {
    pub fn custom(input: &CustomEndpoints<'_>) -> Result<Self, UrlError> {
        let optional = |field, raw: &str| {
            if raw.trim().is_empty() {
                Ok(None)
            } else {
                Endpoint::parse(field, raw).map(Some)
            }
        };
        Ok(Self {
            kind: ProviderKind::Custom,
            authorization: Endpoint::parse("Authorization endpoint", input.authorization)?,
            token: Endpoint::parse("Token endpoint", input.token)?,
            revocation: optional("Revocation endpoint", input.revocation)?,
            tokeninfo: optional("Tokeninfo endpoint", input.tokeninfo)?,
            bigquery: optional("BigQuery endpoint", input.bigquery)?,
            // Checked as an address, kept exactly as typed: issuers compare as strings.
            issuer: optional("Issuer", input.issuer)?.map(|_| input.issuer.trim().to_owned()),
        })
    }

    pub fn is_google(&self) -> bool {
        self.kind == ProviderKind::Google
    }

    /// Whether the token endpoint lies on another site than the consent screen: the user
    /// sees one provider's consent while the code and the secret go to someone else.
    pub fn token_host_elsewhere(&self) -> bool {
        let site = |e: &Endpoint| e.url().host_str().map(site_of).unwrap_or_default();
        let (consent, token) = (site(&self.authorization), site(&self.token));
        // Google's own pair: consent on google.com, tokens on googleapis.com.
        let google = ["google.com", "googleapis.com"];
        consent != token
            && !(google.contains(&consent.as_str()) && google.contains(&token.as_str()))
    }

    /// Where the code and the client secret go: the token endpoint's host and port.
    pub fn token_host(&self) -> &str {
        self.token.url().host_and_port()
    }
}

/// The last two labels of a host name (`login.example.com` → `example.com`), or the whole
/// host for an address or a one-label name. Close enough to tell one provider from another.
fn site_of(host: &str) -> String {
    if host.parse::<std::net::IpAddr>().is_ok() || host.starts_with('[') {
        return host.to_owned();
    }
    let labels: Vec<&str> = host.trim_end_matches('.').rsplitn(3, '.').collect();
    match labels.as_slice() {
        [tld, name, ..] => format!("{name}.{tld}"),
        _ => host.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_endpoints_are_validated_and_optional_ones_may_be_blank() {
        let provider = Provider::custom(&CustomEndpoints {
            authorization: "http://127.0.0.1:9000/o/oauth2/v2/auth",
            token: "http://127.0.0.1:9000/token",
            revocation: " ",
            tokeninfo: "",
            bigquery: "",
            issuer: " ",
        })
        .unwrap();
        assert_eq!(provider.kind, ProviderKind::Custom);
        assert!(provider.revocation.is_none());
        assert!(provider.issuer.is_none());
        assert_eq!(provider.token_host(), "127.0.0.1:9000");

        let err = Provider::custom(&CustomEndpoints {
            authorization: "https://idp.example/authorize",
            token: "http://idp.example/token",
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(
            err,
            UrlError::InsecureHttp {
                field: "Token endpoint"
            }
        );
    }

    #[test]
    fn a_token_endpoint_on_another_site_is_told_apart() {
        let provider = |auth: &str, token: &str| {
            Provider::custom(&CustomEndpoints {
                authorization: auth,
                token,
                ..Default::default()
            })
            .unwrap()
        };
        let same = provider(
            "https://login.example.com/authorize",
            "https://api.example.com/token",
        );
        assert!(!same.token_host_elsewhere());
        let local = provider("http://127.0.0.1:9000/auth", "http://127.0.0.1:9001/token");
        assert!(!local.token_host_elsewhere());
        let planted = provider(
            "https://accounts.google.com/o/oauth2/v2/auth",
            "https://collector.example/token",
        );
        assert!(planted.token_host_elsewhere());
        let google_pair = provider(
            "https://accounts.google.com/o/oauth2/v2/auth",
            "https://oauth2.googleapis.com/token",
        );
        assert!(!google_pair.token_host_elsewhere());
        assert!(!Provider::google().token_host_elsewhere());
    }
}
