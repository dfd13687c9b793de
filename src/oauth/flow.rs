//! The redirect round-trip. Before leaving for consent, the page writes one pending-flow
//! record to `sessionStorage`; on return it reads and deletes it, checks `state`, and decides
//! what to do with the code (RFC 6749 §4.1.2, §10.12). The client secret is in the record
//! only if the user allowed it.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::callback::{Callback, CodeCallback, Denial};
use super::consent::Prompt;
use super::endpoint::{Endpoint, RedirectUri, UrlError};
use super::explain::{explain, Explanation, Situation};
use super::grant::{self, Client, FormRequest};
use super::pkce::PkceVerifier;
use super::provider::{CustomEndpoints, Provider, ProviderKind};
use super::response::TokenResponse;
use super::scope::Scopes;
use super::secret::Secret;
use super::settings::{Attempt, ValidClient};
use super::types::{ClientId, ClientSecret, InputError, State};

/// What the tab remembers across the trip to the provider.
#[derive(Debug)]
pub struct PendingFlow {
    pub state: State,
    pub verifier: Option<PkceVerifier>,
    pub client_id: ClientId,
    pub client_secret: Option<ClientSecret>,
    /// The user typed a secret but chose not to keep it: ask again on return.
    pub secret_withheld: bool,
    pub provider: Provider,
    pub redirect_uri: RedirectUri,
    pub scopes: Scopes,
    pub prompt: Prompt,
}

#[derive(Serialize, Deserialize)]
struct Record {
    v: u8,
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
    #[serde(default)]
    bigquery: Option<String>,
    redirect_uri: String,
    scopes: String,
    prompt: String,
}

const RECORD_VERSION: u8 = 1;

/// The stored record cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PendingFlowError {
    #[error("the saved sign-in is unreadable or from another version of this page")]
    Unreadable,
    #[error("the saved sign-in holds an invalid value: {0}")]
    Input(#[from] InputError),
    #[error("the saved sign-in holds an invalid address: {0}")]
    Url(#[from] UrlError),
}

impl PendingFlow {
    /// The JSON written to `sessionStorage` before the redirect. Holds the verifier (and
    /// the secret if the user allowed it), hence a [`Secret`].
    pub fn record(client: &ValidClient, attempt: &Attempt) -> Secret {
        let keep = client.keep_secret;
        let record = Record {
            v: RECORD_VERSION,
            state: attempt.state.as_str().to_owned(),
            verifier: client.pkce.then(|| attempt.verifier.expose().to_owned()),
            client_id: client.client_id.as_str().to_owned(),
            secret: keep
                .then(|| client.client_secret.as_ref().map(|s| s.expose().to_owned()))
                .flatten(),
            secret_withheld: !keep && client.client_secret.is_some(),
            custom: client.provider.kind == ProviderKind::Custom,
            authorization: client.provider.authorization.as_str().to_owned(),
            token: client.provider.token.as_str().to_owned(),
            revocation: client
                .provider
                .revocation
                .as_ref()
                .map(|e| e.as_str().to_owned()),
            tokeninfo: client
                .provider
                .tokeninfo
                .as_ref()
                .map(|e| e.as_str().to_owned()),
            bigquery: client
                .provider
                .bigquery
                .as_ref()
                .map(|e| e.as_str().to_owned()),
            redirect_uri: client.redirect_uri.as_str().to_owned(),
            scopes: client.scopes.to_param(),
            prompt: client.prompt.id().to_owned(),
        };
        Secret::new(serde_json::to_string(&record).expect("plain strings serialise"))
    }

    /// Reads the record back.
    pub fn from_record(json: &str) -> Result<Self, PendingFlowError> {
        let r: Record = serde_json::from_str(json).map_err(|_| PendingFlowError::Unreadable)?;
        if r.v != RECORD_VERSION {
            return Err(PendingFlowError::Unreadable);
        }
        let provider = if r.custom {
            Provider::custom(&CustomEndpoints {
                authorization: &r.authorization,
                token: &r.token,
                revocation: r.revocation.as_deref().unwrap_or(""),
                tokeninfo: r.tokeninfo.as_deref().unwrap_or(""),
                bigquery: r.bigquery.as_deref().unwrap_or(""),
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
        })
    }

    /// Whether the user must type the client secret before the exchange.
    pub fn needs_secret(&self) -> bool {
        self.client_secret.is_none() && (self.secret_withheld || self.provider.is_google())
    }

    /// The code exchange, with `secret` if the record holds none.
    pub fn exchange(&self, code: &CodeCallback, secret: Option<&ClientSecret>) -> FormRequest {
        grant::code_exchange(
            &self.provider.token,
            Client {
                id: &self.client_id,
                secret: self.client_secret.as_ref().or(secret),
            },
            &code.code,
            &self.redirect_uri,
            self.verifier.as_ref(),
        )
    }

    pub fn token_endpoint(&self) -> &Endpoint {
        &self.provider.token
    }
}

/// What to do after a redirect (or a pasted one).
#[derive(Debug)]
pub enum Return {
    /// Consent was refused or failed.
    Denied(Denial),
    /// A code, but no record of this tab asking for it.
    NoPendingFlow(CodeCallback),
    /// A code whose `state` is not this tab's.
    StateMismatch,
    /// A code to exchange with the pending flow.
    Exchange {
        pending: Box<PendingFlow>,
        code: CodeCallback,
    },
}

/// Decides what a callback means given what this tab remembers. A pasted bare code carries
/// no `state`; it is matched to the pending flow, since the user pasted it on purpose.
pub fn on_return(pending: Option<PendingFlow>, callback: Callback) -> Return {
    match callback {
        Callback::Denied(denial) => Return::Denied(denial),
        Callback::Code(code) => match pending {
            None => Return::NoPendingFlow(code),
            Some(pending) => match &code.state {
                Some(state) if !state.matches(&pending.state) => Return::StateMismatch,
                _ => Return::Exchange {
                    pending: Box::new(pending),
                    code,
                },
            },
        },
    }
}

/// What is worth telling about tokens that did come back.
pub fn assess(response: &TokenResponse, requested: &Scopes, prompt: Prompt) -> Vec<Explanation> {
    let mut notes = Vec::new();
    if response.refresh_token.is_none() {
        notes.push(explain(Situation::NoRefreshToken {
            consent_forced: prompt.forces_consent(),
        }));
    }
    if let Some(granted) = &response.scope {
        let missing = requested.missing_from(granted);
        if !missing.is_empty() {
            notes.push(explain(Situation::ScopesPartlyGranted {
                missing: &missing,
            }));
        }
    }
    if let Some(seconds) = response.refresh_token_expires_in {
        notes.push(explain(Situation::RefreshTokenExpires { seconds }));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth::callback::parse_callback;
    use crate::oauth::response::parse_token_response;
    use crate::oauth::settings::{ProviderChoice, Settings};
    use std::collections::HashMap;

    fn client(keep_secret: bool, provider: ProviderChoice) -> ValidClient {
        Settings {
            client_id: "cid.apps.googleusercontent.com".into(),
            provider,
            authorization_endpoint: "http://127.0.0.1:9000/auth".into(),
            token_endpoint: "http://127.0.0.1:9000/token".into(),
            keep_secret,
            ..Settings::default()
        }
        .validate(
            Some(&RedirectUri::parse("http://127.0.0.1:8080/").unwrap()),
            "GOCSPX-secret",
        )
        .unwrap()
    }

    #[test]
    fn the_record_round_trips_and_keeps_the_secret_only_if_allowed() {
        let attempt = Attempt::generate().unwrap();
        let kept = PendingFlow::from_record(
            PendingFlow::record(&client(true, ProviderChoice::Google), &attempt).expose(),
        )
        .unwrap();
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

        let json = PendingFlow::record(&client(false, ProviderChoice::Custom), &attempt);
        assert!(!json.expose().contains("GOCSPX"));
        let withheld = PendingFlow::from_record(json.expose()).unwrap();
        assert!(withheld.client_secret.is_none() && withheld.needs_secret());
        assert_eq!(
            withheld.provider.token.as_str(),
            "http://127.0.0.1:9000/token"
        );
    }

    #[test]
    fn refuses_unreadable_records() {
        assert_eq!(
            PendingFlow::from_record("not json").unwrap_err(),
            PendingFlowError::Unreadable
        );
        let attempt = Attempt::generate().unwrap();
        let json = PendingFlow::record(&client(true, ProviderChoice::Google), &attempt);
        let old = json.expose().replacen("\"v\":1", "\"v\":0", 1);
        assert_eq!(
            PendingFlow::from_record(&old).unwrap_err(),
            PendingFlowError::Unreadable
        );
    }

    fn pending_for(attempt: &Attempt) -> PendingFlow {
        PendingFlow::from_record(
            PendingFlow::record(&client(true, ProviderChoice::Google), attempt).expose(),
        )
        .unwrap()
    }

    #[test]
    fn checks_state_and_builds_the_exchange() {
        let attempt = Attempt::generate().unwrap();
        let ok = parse_callback(&format!("?code=4/0Ab&state={}", attempt.state.as_str())).unwrap();
        let Return::Exchange { pending, code } = on_return(Some(pending_for(&attempt)), ok) else {
            panic!("expected an exchange")
        };
        let request = pending.exchange(&code, None);
        let fields: HashMap<String, String> =
            serde_urlencoded::from_str(request.body().expose()).unwrap();
        assert_eq!(fields["code"], "4/0Ab");
        assert_eq!(fields["code_verifier"], attempt.verifier.expose());
        assert_eq!(fields["redirect_uri"], "http://127.0.0.1:8080/");
        assert_eq!(fields["client_secret"], "GOCSPX-secret");

        let forged = parse_callback("?code=4/0Ab&state=someone-elses").unwrap();
        assert!(matches!(
            on_return(Some(pending_for(&attempt)), forged),
            Return::StateMismatch
        ));
        let orphan = parse_callback("?code=4/0Ab&state=x").unwrap();
        assert!(matches!(on_return(None, orphan), Return::NoPendingFlow(_)));
        let bare = parse_callback("4/0Ab").unwrap();
        assert!(matches!(
            on_return(Some(pending_for(&attempt)), bare),
            Return::Exchange { .. }
        ));
        let denied = parse_callback("?error=access_denied&state=x").unwrap();
        assert!(matches!(
            on_return(Some(pending_for(&attempt)), denied),
            Return::Denied(_)
        ));
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
        let notes = assess(&r, &requested, Prompt::Omitted);
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
