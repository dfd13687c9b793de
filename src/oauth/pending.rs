//! The pending sign-in: what this tab must remember between the consent URL and the code
//! that comes back (RFC 6749 §4.1, §10.12; RFC 7636; RFC 9207). Each pending flow carries
//! its own `state` and PKCE verifier, the provider it was started with (and that provider's
//! issuer), and when it was made: it is good for [`PENDING_LIFETIME_MS`] and no longer.
//!
//! When the browser leaves for the consent screen, the pending flow is written to
//! `sessionStorage` as one JSON record; the client secret goes in only if the user allowed it.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::callback::CodeCallback;
use super::client::{Attempt, Purpose, ValidClient};
use super::consent::Prompt;
use super::endpoint::{RedirectUri, UrlError};
use super::grant::{self, Client, FormRequest};
use super::pkce::PkceVerifier;
use super::provider::{CustomEndpoints, Provider, ProviderKind};
use super::scope::Scopes;
use super::secret::Secret;
use super::types::{ClientId, ClientSecret, InputError, State};

/// How long a pending flow may wait for its redirect: ten minutes, the lifetime Google gives
/// an authorization code too, so anything older could not be exchanged anyway.
pub const PENDING_LIFETIME_MS: f64 = 10.0 * 60.0 * 1000.0;

/// A sign-in that left for the consent screen and waits for its code.
#[derive(Debug)]
pub struct PendingFlow {
    pub state: State,
    pub verifier: Option<PkceVerifier>,
    pub client_id: ClientId,
    pub client_secret: Option<ClientSecret>,
    /// The user typed a secret but chose not to keep it across the redirect: it stays out
    /// of the stored record, and is asked for again on return.
    pub secret_withheld: bool,
    pub provider: Provider,
    pub redirect_uri: RedirectUri,
    pub scopes: Scopes,
    pub prompt: Prompt,
    /// What the page calls the sign-in's purpose; the protocol never reads it.
    pub purpose: Option<Purpose>,
    /// When it was made, in milliseconds since the epoch.
    pub created_ms: f64,
}

/// Who issued a set of tokens, so that every later check goes to the same provider with the
/// same client, whatever the form says by then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issuance {
    pub provider: Provider,
    pub client_id: ClientId,
    pub client_secret: Option<ClientSecret>,
}

impl Issuance {
    /// The client as the token endpoint wants it.
    pub fn client(&self) -> Client<'_> {
        Client {
            id: &self.client_id,
            secret: self.client_secret.as_ref(),
        }
    }
}

/// A code exchange to run, with what the answer is judged against.
#[derive(Debug, Clone)]
pub struct Exchange {
    pub request: FormRequest,
    pub issued_by: Issuance,
    pub requested: Scopes,
    pub prompt: Prompt,
}

/// Why a code does not belong to the pending flow.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Refusal {
    #[error("the redirect carries no `state`")]
    MissingState,
    #[error("the redirect's `state` is not this tab's")]
    StateMismatch,
    #[error("the redirect names the issuer `{got}`, but the sign-in went to `{expected}`")]
    IssuerMismatch { expected: String, got: String },
}

/// How a code reached the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// The browser loaded the page with it: it must carry this tab's `state`.
    Redirect,
    /// The user pasted it on purpose: a bare code (no `state`) is accepted.
    Pasted,
}

/// The stored record cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PendingFlowError {
    #[error("the saved sign-in is unreadable or from another version of this page")]
    Unreadable,
    #[error(
        "the saved sign-in is {minutes} minutes old, older than the 10 minutes it is good for"
    )]
    Expired { minutes: u64 },
    #[error("the saved sign-in holds an invalid value: {0}")]
    Input(#[from] InputError),
    #[error("the saved sign-in holds an invalid address: {0}")]
    Url(#[from] UrlError),
}

#[derive(Serialize, Deserialize)]
struct Record {
    v: u8,
    created_ms: f64,
    state: String,
    verifier: Option<String>,
    client_id: String,
    secret: Option<String>,
    secret_withheld: bool,
    custom: bool,
    authorization: String,
    token: String,
    revocation: Option<String>,
    tokeninfo: Option<String>,
    bigquery: Option<String>,
    issuer: Option<String>,
    redirect_uri: String,
    scopes: String,
    prompt: String,
    /// Absent in records written before it existed (they are minutes old at most).
    #[serde(default)]
    purpose: Option<String>,
}

const RECORD_VERSION: u8 = 2;

/// Why a record made at `created_ms` is no good at `now_ms`, if it is not.
fn too_old(created_ms: f64, now_ms: f64) -> Option<PendingFlowError> {
    let age = now_ms - created_ms;
    // A clock that is not a number (NaN) never makes a record young.
    let young = matches!(
        age.partial_cmp(&PENDING_LIFETIME_MS),
        Some(std::cmp::Ordering::Less | std::cmp::Ordering::Equal)
    );
    (!young).then(|| PendingFlowError::Expired {
        minutes: (age.max(0.0) / 60_000.0) as u64,
    })
}

fn text(endpoint: &Option<super::endpoint::Endpoint>) -> Option<String> {
    endpoint.as_ref().map(|e| e.as_str().to_owned())
}

impl PendingFlow {
    /// A pending flow for `client`, with the `state` and verifier of `attempt` (the ones
    /// shown in the consent URL).
    pub fn start(client: &ValidClient, attempt: &Attempt, now_ms: f64) -> Self {
        Self {
            state: attempt.state.clone(),
            verifier: client
                .pkce
                .then(|| PkceVerifier::parse(attempt.verifier.expose()).ok())
                .flatten(),
            client_id: client.client_id.clone(),
            client_secret: client.client_secret.clone(),
            secret_withheld: !client.keep_secret && client.client_secret.is_some(),
            provider: client.provider.clone(),
            redirect_uri: client.redirect_uri.clone(),
            scopes: client.scopes.clone(),
            prompt: client.prompt,
            purpose: client.purpose.clone(),
            created_ms: now_ms,
        }
    }

    /// The JSON written to `sessionStorage`. It holds the verifier (and the secret when
    /// `with_secret`), hence a [`Secret`].
    pub fn record(&self, with_secret: bool) -> Secret {
        let p = &self.provider;
        let record = Record {
            v: RECORD_VERSION,
            created_ms: self.created_ms,
            state: self.state.as_str().to_owned(),
            verifier: self.verifier.as_ref().map(|v| v.expose().to_owned()),
            client_id: self.client_id.as_str().to_owned(),
            secret: with_secret
                .then(|| self.client_secret.as_ref().map(|s| s.expose().to_owned()))
                .flatten(),
            secret_withheld: self.secret_withheld || (!with_secret && self.client_secret.is_some()),
            custom: p.kind == ProviderKind::Custom,
            authorization: p.authorization.as_str().to_owned(),
            token: p.token.as_str().to_owned(),
            revocation: text(&p.revocation),
            tokeninfo: text(&p.tokeninfo),
            bigquery: text(&p.bigquery),
            issuer: p.issuer.clone(),
            redirect_uri: self.redirect_uri.as_str().to_owned(),
            scopes: self.scopes.to_param(),
            prompt: self.prompt.id().to_owned(),
            purpose: self.purpose.as_ref().map(|p| p.as_str().to_owned()),
        };
        Secret::new(serde_json::to_string(&record).unwrap_or_default())
    }

    /// Reads a record back; one older than [`PENDING_LIFETIME_MS`] at `now_ms` is refused.
    pub fn from_record(json: &str, now_ms: f64) -> Result<Self, PendingFlowError> {
        let r: Record = serde_json::from_str(json).map_err(|_| PendingFlowError::Unreadable)?;
        if r.v != RECORD_VERSION {
            return Err(PendingFlowError::Unreadable);
        }
        if let Some(expired) = too_old(r.created_ms, now_ms) {
            return Err(expired);
        }
        let provider = if r.custom {
            Provider::custom(&CustomEndpoints {
                authorization: &r.authorization,
                token: &r.token,
                revocation: r.revocation.as_deref().unwrap_or(""),
                tokeninfo: r.tokeninfo.as_deref().unwrap_or(""),
                bigquery: r.bigquery.as_deref().unwrap_or(""),
                issuer: r.issuer.as_deref().unwrap_or(""),
            })?
        } else {
            Provider::google()
        };
        Ok(Self {
            state: State::parse(&r.state)?,
            verifier: r.verifier.as_deref().map(PkceVerifier::parse).transpose()?,
            client_id: ClientId::parse(&r.client_id)?,
            client_secret: r.secret.as_deref().map(ClientSecret::parse).transpose()?,
            secret_withheld: r.secret_withheld,
            provider,
            redirect_uri: RedirectUri::parse(&r.redirect_uri)?,
            scopes: Scopes::parse(&r.scopes)?,
            prompt: Prompt::from_id(&r.prompt).unwrap_or_default(),
            // A name that is not one is dropped: the page then shows the scopes as they are.
            purpose: r.purpose.as_deref().and_then(Purpose::parse),
            created_ms: r.created_ms,
        })
    }

    /// Whether it is past its lifetime at `now_ms`.
    pub fn expired_at(&self, now_ms: f64) -> Option<PendingFlowError> {
        too_old(self.created_ms, now_ms)
    }

    /// Whether the user must type the client secret before the exchange.
    pub fn needs_secret(&self) -> bool {
        self.client_secret.is_none() && (self.secret_withheld || self.provider.is_google())
    }

    /// Whether `code` answers this sign-in: the same `state` (required for a redirect, and
    /// compared when a pasted address has one) and, when the provider says who it is, the
    /// same issuer (RFC 9207 §2.4).
    pub fn check(&self, code: &CodeCallback, arrival: Arrival) -> Result<(), Refusal> {
        match (&code.state, arrival) {
            (None, Arrival::Redirect) => return Err(Refusal::MissingState),
            (Some(state), _) if !state.matches(&self.state) => return Err(Refusal::StateMismatch),
            _ => {}
        }
        if let (Some(expected), Some(got)) = (&self.provider.issuer, &code.iss) {
            if expected != got {
                return Err(Refusal::IssuerMismatch {
                    expected: expected.clone(),
                    got: got.clone(),
                });
            }
        }
        Ok(())
    }

    /// The code exchange, with `secret` if the pending flow holds none.
    pub fn exchange(&self, code: &CodeCallback, secret: Option<ClientSecret>) -> Exchange {
        let issued_by = Issuance {
            provider: self.provider.clone(),
            client_id: self.client_id.clone(),
            client_secret: self.client_secret.clone().or(secret),
        };
        Exchange {
            request: grant::code_exchange(
                &self.provider.token,
                issued_by.client(),
                &code.code,
                &self.redirect_uri,
                self.verifier.as_ref(),
            ),
            issued_by,
            requested: self.scopes.clone(),
            prompt: self.prompt,
        }
    }
}

/// Whether a stored record may serve the Google-only build: Google's, with a PKCE verifier.
/// That build ignores any other record, since nothing may point it elsewhere or turn PKCE
/// off (RFC 9700 §2.1.1), not even a record planted in this tab's storage.
pub fn fits_the_google_only_build(json: &str) -> bool {
    serde_json::from_str::<Record>(json).is_ok_and(|r| !r.custom && r.verifier.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::{ProviderChoice, Settings};
    use crate::oauth::callback::{parse_callback, Callback};
    use std::collections::HashMap;

    const NOW: f64 = 1_800_000_000_000.0;

    pub(crate) fn client(provider: ProviderChoice, issuer: &str) -> ValidClient {
        Settings {
            client_id: "cid.apps.googleusercontent.com".into(),
            provider,
            authorization_endpoint: "http://127.0.0.1:9000/auth".into(),
            token_endpoint: "http://127.0.0.1:9000/token".into(),
            issuer: issuer.into(),
            ..Settings::default()
        }
        .validate(
            Some(&RedirectUri::parse("http://127.0.0.1:8080/").unwrap()),
            "GOCSPX-secret",
        )
        .unwrap()
    }

    fn code(query: &str) -> CodeCallback {
        match parse_callback(query).unwrap() {
            Callback::Code(c) => c,
            Callback::Denied(d) => panic!("{d:?}"),
        }
    }

    #[test]
    fn the_record_round_trips_and_keeps_the_secret_only_if_asked() {
        let attempt = Attempt::generate().unwrap();
        let flow = PendingFlow::start(&client(ProviderChoice::Google, ""), &attempt, NOW);
        let kept = PendingFlow::from_record(flow.record(true).expose(), NOW).unwrap();
        assert!(kept.state.matches(&attempt.state));
        assert_eq!(
            kept.verifier.as_ref().unwrap().expose(),
            attempt.verifier.expose()
        );
        assert_eq!(
            kept.client_secret.as_ref().unwrap().expose(),
            "GOCSPX-secret"
        );
        assert!(!kept.needs_secret());
        assert!(kept.provider.is_google());
        assert_eq!(
            kept.provider.issuer.as_deref(),
            Some("https://accounts.google.com")
        );

        let mut withheld_client = client(ProviderChoice::Custom, "http://127.0.0.1:9000");
        withheld_client.keep_secret = false;
        let custom = PendingFlow::start(&withheld_client, &attempt, NOW);
        assert!(custom.secret_withheld && !custom.needs_secret());
        let json = custom.record(!custom.secret_withheld);
        assert!(!json.expose().contains("GOCSPX"));
        let withheld = PendingFlow::from_record(json.expose(), NOW).unwrap();
        assert!(withheld.client_secret.is_none() && withheld.needs_secret());
        assert_eq!(
            withheld.provider.token.as_str(),
            "http://127.0.0.1:9000/token"
        );
        assert_eq!(
            withheld.provider.issuer.as_deref(),
            Some("http://127.0.0.1:9000")
        );
    }

    #[test]
    fn only_googles_records_with_pkce_fit_the_google_only_build() {
        let attempt = Attempt::generate().unwrap();
        let google = PendingFlow::start(&client(ProviderChoice::Google, ""), &attempt, NOW);
        let custom = PendingFlow::start(&client(ProviderChoice::Custom, ""), &attempt, NOW);
        let mut no_pkce = PendingFlow::start(&client(ProviderChoice::Google, ""), &attempt, NOW);
        no_pkce.verifier = None;
        assert!(fits_the_google_only_build(google.record(false).expose()));
        assert!(!fits_the_google_only_build(custom.record(false).expose()));
        assert!(!fits_the_google_only_build(no_pkce.record(false).expose()));
        assert!(!fits_the_google_only_build("not json"));
    }

    #[test]
    fn a_record_is_good_for_ten_minutes() {
        let attempt = Attempt::generate().unwrap();
        let flow = PendingFlow::start(&client(ProviderChoice::Google, ""), &attempt, NOW);
        let json = flow.record(true);
        let ten = NOW + PENDING_LIFETIME_MS;
        assert!(PendingFlow::from_record(json.expose(), ten).is_ok());
        assert_eq!(
            PendingFlow::from_record(json.expose(), ten + 60_001.0).unwrap_err(),
            PendingFlowError::Expired { minutes: 11 }
        );
        assert!(flow.expired_at(ten).is_none());
        assert!(flow.expired_at(ten + 1.0).is_some());
        // A clock that is not a number never makes a record young.
        assert!(PendingFlow::from_record(json.expose(), f64::NAN).is_err());
    }

    #[test]
    fn refuses_unreadable_and_older_records() {
        assert_eq!(
            PendingFlow::from_record("not json", NOW).unwrap_err(),
            PendingFlowError::Unreadable
        );
        let attempt = Attempt::generate().unwrap();
        let json =
            PendingFlow::start(&client(ProviderChoice::Google, ""), &attempt, NOW).record(true);
        let old = json.expose().replacen("\"v\":2", "\"v\":1", 1);
        assert_eq!(
            PendingFlow::from_record(&old, NOW).unwrap_err(),
            PendingFlowError::Unreadable
        );
    }

    #[test]
    fn a_redirect_must_carry_this_tabs_state_and_issuer() {
        let attempt = Attempt::generate().unwrap();
        let flow = PendingFlow::start(&client(ProviderChoice::Google, ""), &attempt, NOW);
        let state = attempt.state.as_str();
        let ok = code(&format!(
            "?code=4/0Ab&state={state}&iss=https%3A%2F%2Faccounts.google.com"
        ));
        assert_eq!(flow.check(&ok, Arrival::Redirect), Ok(()));
        let no_iss = code(&format!("?code=4/0Ab&state={state}"));
        assert_eq!(flow.check(&no_iss, Arrival::Redirect), Ok(()));

        let bare = code("4/0Ab");
        assert_eq!(
            flow.check(&bare, Arrival::Redirect),
            Err(Refusal::MissingState)
        );
        assert_eq!(flow.check(&bare, Arrival::Pasted), Ok(()));
        let no_state = code("?code=4/0Ab");
        assert_eq!(
            flow.check(&no_state, Arrival::Redirect),
            Err(Refusal::MissingState)
        );

        let forged = code("?code=4/0Ab&state=someone-elses");
        assert_eq!(
            flow.check(&forged, Arrival::Redirect),
            Err(Refusal::StateMismatch)
        );
        assert_eq!(
            flow.check(&forged, Arrival::Pasted),
            Err(Refusal::StateMismatch)
        );

        let other = code(&format!(
            "?code=4/0Ab&state={state}&iss=https%3A%2F%2Fidp.example"
        ));
        assert_eq!(
            flow.check(&other, Arrival::Redirect),
            Err(Refusal::IssuerMismatch {
                expected: "https://accounts.google.com".into(),
                got: "https://idp.example".into()
            })
        );
        // A custom provider without a named issuer cannot be compared.
        let custom = PendingFlow::start(&client(ProviderChoice::Custom, ""), &attempt, NOW);
        assert_eq!(custom.check(&other, Arrival::Redirect), Ok(()));
    }

    #[test]
    fn the_exchange_goes_to_the_pending_providers_token_endpoint() {
        let attempt = Attempt::generate().unwrap();
        let flow = PendingFlow::start(&client(ProviderChoice::Custom, ""), &attempt, NOW);
        let exchange = flow.exchange(&code("?code=4/0Ab&state=x"), None);
        assert_eq!(exchange.request.url.as_str(), "http://127.0.0.1:9000/token");
        let fields: HashMap<String, String> =
            serde_urlencoded::from_str(exchange.request.body().expose()).unwrap();
        assert_eq!(fields["code"], "4/0Ab");
        assert_eq!(fields["code_verifier"], attempt.verifier.expose());
        assert_eq!(fields["redirect_uri"], "http://127.0.0.1:8080/");
        assert_eq!(fields["client_secret"], "GOCSPX-secret");
        assert_eq!(exchange.issued_by.provider, flow.provider);
        assert_eq!(
            exchange.issued_by.client_id.as_str(),
            "cid.apps.googleusercontent.com"
        );
    }
}
