//! The tokens' context: what the code exchange brought (and who issued it), the newest
//! access token, the refresh token being checked, and the refresh grant. Every check after
//! an exchange goes to the provider and client that issued the tokens, not to whatever the
//! form says by then.

use leptos::prelude::*;

use crate::messages::{input_problem, url_problem, Explanation};
use crate::oauth::{
    grant, AccessToken, ClientId, FormRequest, Issuance, Prompt, Provider, Received, RefreshToken,
    Scopes, Secret, TokenFailure,
};
use crate::ui::state::form::FormState;
use crate::ui::state::later::one_task_later;
use crate::ui::state::requests::{token_request, Log};
use crate::ui::state::status::Status;

/// Tokens from a code exchange, with what was asked for and who issued them.
#[derive(Debug, Clone)]
pub struct Tokens {
    pub received: Received,
    pub requested: Scopes,
    pub prompt: Prompt,
    /// The code exchange that brought them, for the curl / PowerShell export.
    pub request: FormRequest,
    pub issued_by: Issuance,
}

/// The tokens, as every card sees them.
#[derive(Clone, Copy)]
pub struct TokenState {
    /// The tokens of the code exchange, once they are here: set the moment they arrive, for
    /// the tokens card (why none came is the flow's problem, on the return card).
    pub exchange: RwSignal<Option<Tokens>>,
    /// The tokens of the last code exchange, for the cards after the tokens: set one task
    /// after `exchange` (with `access_token` and `refresh_input`), so the tokens reach the
    /// screen before those cards do their work.
    pub issued: RwSignal<Option<Tokens>>,
    /// The newest access token (from the exchange or a refresh), for the checks.
    pub access_token: RwSignal<Option<AccessToken>>,
    /// Who issued `access_token` (and the refresh token behind it): every check that uses it
    /// goes there, whatever the form says by then.
    pub access_issuer: RwSignal<Option<Issuance>>,
    /// The refresh token being checked: filled when tokens arrive, or typed in.
    pub refresh_input: RwSignal<Secret>,
    /// The refresh grant, from the refresh card or "Refresh now".
    pub refresh: Action<Refresh, Result<Received, TokenFailure>>,
}

/// A refresh grant, and the provider and client it goes to (who then issues the new token).
#[derive(Debug, Clone)]
pub struct Refresh {
    pub request: FormRequest,
    pub by: Issuance,
}

/// Where a check goes, and with which client.
#[derive(Debug, Clone)]
pub struct Target {
    pub provider: Provider,
    pub client_id: Result<ClientId, Explanation>,
    pub client_secret: Result<Option<crate::oauth::ClientSecret>, Explanation>,
    /// The tokens' issuer (`true`) or the form (`false`).
    pub issuer: bool,
}

impl TokenState {
    pub fn new(log: Log, status: Status) -> Self {
        let access_token = RwSignal::new(None);
        let access_issuer = RwSignal::new(None);
        let refresh = Action::new_local(move |refresh: &Refresh| {
            let Refresh { request, by } = refresh.clone();
            async move {
                status.say("Asking for a new access token…");
                let result = token_request(log, request).await;
                match &result {
                    Ok(r) => {
                        access_token.set(Some(r.response.access_token.clone()));
                        access_issuer.set(Some(by));
                        status.say("New access token received.");
                    }
                    Err(_) => status.say("The refresh failed."),
                }
                result
            }
        });
        Self {
            exchange: RwSignal::new(None),
            issued: RwSignal::new(None),
            access_token,
            access_issuer,
            refresh_input: RwSignal::new(Secret::new(String::new())),
            refresh,
        }
    }

    /// Keeps the tokens of a code exchange: the tokens card now, every other card one task
    /// later.
    pub fn exchanged(&self, tokens: Tokens) {
        self.exchange.set(Some(tokens));
        let this = *self;
        one_task_later(move || this.pass_on());
    }

    /// Hands the exchange's tokens (the newest, should two exchanges meet) to the other cards.
    fn pass_on(&self) {
        let tokens = self.exchange.get_untracked();
        if let Some(tokens) = &tokens {
            let response = &tokens.received.response;
            if let Some(rt) = &response.refresh_token {
                self.refresh_input.set(rt.secret().clone());
            }
            self.access_token.set(Some(response.access_token.clone()));
            self.access_issuer.set(Some(tokens.issued_by.clone()));
        }
        self.issued.set(tokens);
    }

    /// The scopes the exchange's tokens carry (as granted, else as asked for); `None` for a
    /// refresh token typed in, whose scopes the page does not know.
    pub fn granted(&self) -> Option<Scopes> {
        self.exchange.with(|t| {
            t.as_ref().map(|t| {
                t.received
                    .response
                    .scope
                    .clone()
                    .unwrap_or_else(|| t.requested.clone())
            })
        })
    }

    /// Why BigQuery's checks are not offered, for a token whose granted scopes reach no
    /// BigQuery (`None`: offered, or the scopes are unknown).
    pub fn no_bigquery(&self) -> Option<String> {
        self.granted()
            .filter(|s| !crate::google::presets::Preset::reaches_bigquery(s))
            .map(|s| crate::messages::no_bigquery_scope(&s))
    }

    /// Where the checks go: the issuer of the newest access token (by an exchange, or by a
    /// refresh token checked in the refresh card), else the form's provider.
    pub fn target(&self, form: &FormState) -> Result<Target, Explanation> {
        if let Some(issued) = self.access_issuer.get() {
            return Ok(Target {
                provider: issued.provider,
                client_id: Ok(issued.client_id),
                client_secret: Ok(issued.client_secret),
                issuer: true,
            });
        }
        form_target(form)
    }

    /// The refresh grant for the refresh token in the card, sent to `target`.
    pub fn refresh_request(&self, target: Target) -> Result<Refresh, Explanation> {
        let id = target.client_id?;
        let secret = target.client_secret?;
        let token = RefreshToken::parse(self.refresh_input.read_untracked().expose())
            .map_err(|e| input_problem(&e))?;
        let request = grant::refresh(
            &target.provider.token,
            grant::Client {
                id: &id,
                secret: secret.as_ref(),
            },
            &token,
        );
        Ok(Refresh {
            request,
            by: Issuance {
                provider: target.provider,
                client_id: id,
                client_secret: secret,
            },
        })
    }
}

/// The form's provider and client, for the refresh card used on its own.
pub fn form_target(form: &FormState) -> Result<Target, Explanation> {
    let settings = form.settings.read_untracked();
    let provider = settings.provider().map_err(|e| url_problem(&e))?;
    Ok(Target {
        provider,
        client_id: ClientId::parse(&settings.client_id).map_err(|e| input_problem(&e)),
        client_secret: form.typed_secret().map_err(|e| input_problem(&e)),
        issuer: false,
    })
}

pub fn use_tokens() -> TokenState {
    expect_context::<TokenState>()
}
