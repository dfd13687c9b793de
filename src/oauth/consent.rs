//! The consent (authorization request) URL: RFC 6749 §4.1.1, RFC 7636 §4.3, and the extra
//! parameters of Google's web-server guide (`access_type`, `prompt`, `login_hint`,
//! `include_granted_scopes`). Built with `WebUrl::with_pairs`; nothing is encoded by hand.

use crate::weburl::WebUrl;

use super::endpoint::{Endpoint, RedirectUri};
use super::pkce::PkceVerifier;
use super::scope::Scopes;
use super::types::{vschar, ClientId, InputError, State};

/// The `prompt` parameter. Google issues a refresh token only on the first consent of a
/// user to a client, unless `consent` forces the consent screen again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Prompt {
    #[default]
    Consent,
    SelectAccountConsent,
    SelectAccount,
    /// Send no `prompt`: the provider decides (and Google may return no refresh token).
    Omitted,
}

impl Prompt {
    pub const ALL: [Prompt; 4] = [
        Prompt::Consent,
        Prompt::SelectAccountConsent,
        Prompt::SelectAccount,
        Prompt::Omitted,
    ];

    pub fn param(self) -> Option<&'static str> {
        match self {
            Prompt::Consent => Some("consent"),
            Prompt::SelectAccountConsent => Some("select_account consent"),
            Prompt::SelectAccount => Some("select_account"),
            Prompt::Omitted => None,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Prompt::Consent => "consent",
            Prompt::SelectAccountConsent => "select_account-consent",
            Prompt::SelectAccount => "select_account",
            Prompt::Omitted => "omitted",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.id() == id)
    }

    /// Whether this prompt makes Google show the consent screen, and so return a refresh
    /// token even if the user consented before.
    pub fn forces_consent(self) -> bool {
        matches!(self, Prompt::Consent | Prompt::SelectAccountConsent)
    }
}

/// A `login_hint`: the account (email or `sub`) to preselect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginHint(String);

impl LoginHint {
    pub fn parse(raw: &str) -> Result<Self, InputError> {
        vschar("Login hint", raw, 320).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Everything the consent URL is made of.
#[derive(Debug)]
pub struct ConsentRequest<'a> {
    pub authorization: &'a Endpoint,
    pub client_id: &'a ClientId,
    pub redirect_uri: &'a RedirectUri,
    pub scopes: &'a Scopes,
    pub state: &'a State,
    /// `None` turns PKCE off (for providers that reject it).
    pub pkce: Option<&'a PkceVerifier>,
    pub prompt: Prompt,
    pub login_hint: Option<&'a LoginHint>,
    pub include_granted_scopes: bool,
}

impl ConsentRequest<'_> {
    /// The URL to send the browser to. Parameters already in the endpoint (a tenant, say)
    /// are kept.
    pub fn url(&self) -> WebUrl {
        let scope = self.scopes.to_param();
        let challenge = self.pkce.map(|v| v.challenge());
        let mut pairs = vec![
            ("client_id", self.client_id.as_str()),
            ("redirect_uri", self.redirect_uri.as_str()),
            ("response_type", "code"),
            ("scope", &scope),
            ("access_type", "offline"),
        ];
        if let Some(prompt) = self.prompt.param() {
            pairs.push(("prompt", prompt));
        }
        pairs.push(("state", self.state.as_str()));
        if let Some(challenge) = &challenge {
            pairs.extend([
                ("code_challenge", challenge.as_str()),
                ("code_challenge_method", "S256"),
            ]);
        }
        if let Some(hint) = self.login_hint {
            pairs.push(("login_hint", hint.as_str()));
        }
        if self.include_granted_scopes {
            pairs.push(("include_granted_scopes", "true"));
        }
        self.authorization.url().with_pairs(pairs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth::provider::Provider;

    #[test]
    fn builds_googles_web_server_request() {
        let google = Provider::google();
        let client_id = ClientId::parse("123-abc.apps.googleusercontent.com").unwrap();
        let redirect = RedirectUri::parse("https://tools.example.com/rt/").unwrap();
        let scopes = Scopes::parse(crate::google::presets::BIGQUERY).unwrap();
        let state = State::parse("st4te").unwrap();
        let verifier = PkceVerifier::from_octets(&[7; 32]);
        let hint = LoginHint::parse("me@example.com").unwrap();
        let url = ConsentRequest {
            authorization: &google.authorization,
            client_id: &client_id,
            redirect_uri: &redirect,
            scopes: &scopes,
            state: &state,
            pkce: Some(&verifier),
            prompt: Prompt::Consent,
            login_hint: Some(&hint),
            include_granted_scopes: true,
        }
        .url();
        assert_eq!(
            url.as_str(),
            format!(
                "https://accounts.google.com/o/oauth2/v2/auth?client_id=123-abc.apps.googleusercontent.com\
                 &redirect_uri=https%3A%2F%2Ftools.example.com%2Frt%2F&response_type=code\
                 &scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fbigquery&access_type=offline\
                 &prompt=consent&state=st4te&code_challenge={}&code_challenge_method=S256\
                 &login_hint=me%40example.com&include_granted_scopes=true",
                verifier.challenge()
            )
        );
    }

    #[test]
    fn omits_optional_parameters_and_keeps_endpoint_query() {
        let authorization = Endpoint::parse(
            "Authorization endpoint",
            "https://idp.example/auth?tenant=t1",
        )
        .unwrap();
        let client_id = ClientId::parse("cid").unwrap();
        let redirect = RedirectUri::parse("http://localhost").unwrap();
        let scopes = Scopes::parse("openid").unwrap();
        let state = State::parse("s").unwrap();
        let url = ConsentRequest {
            authorization: &authorization,
            client_id: &client_id,
            redirect_uri: &redirect,
            scopes: &scopes,
            state: &state,
            pkce: None,
            prompt: Prompt::Omitted,
            login_hint: None,
            include_granted_scopes: false,
        }
        .url();
        let names: Vec<String> = url.query_pairs().map(|(k, _)| k.into_owned()).collect();
        assert_eq!(
            names,
            [
                "tenant",
                "client_id",
                "redirect_uri",
                "response_type",
                "scope",
                "access_type",
                "state"
            ]
        );
        assert!(url
            .as_str()
            .contains("redirect_uri=http%3A%2F%2Flocalhost&"));
    }
}
