//! A client ready for the flow: the provider, the client's credentials, the scopes and the
//! redirect, all validated; and the random values of one sign-in attempt.

use crate::weburl::WebUrl;

use super::consent::{ConsentRequest, LoginHint, Prompt};
use super::endpoint::RedirectUri;
use super::pkce::PkceVerifier;
use super::provider::Provider;
use super::scope::Scopes;
use super::types::{ClientId, ClientSecret, State};

/// A client that is ready for the consent URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidClient {
    pub provider: Provider,
    pub client_id: ClientId,
    pub client_secret: Option<ClientSecret>,
    pub scopes: Scopes,
    pub redirect_uri: RedirectUri,
    pub prompt: Prompt,
    pub login_hint: Option<LoginHint>,
    pub include_granted_scopes: bool,
    pub pkce: bool,
    pub keep_secret: bool,
    /// What the page calls the sign-in's purpose (a preset's id), carried across the redirect
    /// so the page comes back to the task the user chose. The protocol never reads it.
    pub purpose: Option<Purpose>,
}

/// A short name of what a sign-in is for, in the page's own words: letters, digits and
/// hyphens only, so that a planted record cannot carry anything else through it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purpose(String);

impl Purpose {
    pub const MAX_LEN: usize = 40;

    /// `None` for anything but a short lowercase name.
    pub fn parse(raw: &str) -> Option<Self> {
        let ok = !raw.is_empty()
            && raw.len() <= Self::MAX_LEN
            && raw
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        ok.then(|| Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The random values of one sign-in attempt: made once, shown in the consent URL, stored
/// with the pending flow.
#[derive(Debug)]
pub struct Attempt {
    pub state: State,
    pub verifier: PkceVerifier,
}

impl Attempt {
    pub fn generate() -> Result<Self, super::pkce::RandomnessError> {
        Ok(Self {
            state: State::generate()?,
            verifier: PkceVerifier::generate()?,
        })
    }
}

impl ValidClient {
    /// The consent URL for this client and attempt.
    pub fn consent_url(&self, attempt: &Attempt) -> WebUrl {
        ConsentRequest {
            authorization: &self.provider.authorization,
            client_id: &self.client_id,
            redirect_uri: &self.redirect_uri,
            scopes: &self.scopes,
            state: &attempt.state,
            pkce: self.pkce.then_some(&attempt.verifier),
            prompt: self.prompt,
            login_hint: self.login_hint.as_ref(),
            include_granted_scopes: self.include_granted_scopes,
        }
        .url()
    }
}
