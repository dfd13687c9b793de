//! The page's shared state, provided as a context: the form, the secret (memory only), the
//! pending exchange, and what to announce. Cards read and write it; none builds requests
//! or parses answers itself.

use leptos::prelude::*;

use super::requests::{token_request, Failure, Log, Received};
use crate::browser::storage::{self, Area, SETTINGS_KEY};
use crate::oauth::{
    explain, grant, AccessToken, Attempt, ClientId, ClientSecret, CodeCallback, Explanation,
    FormRequest, InputError, PendingFlow, Prompt, ProviderChoice, ProviderKind, RedirectUri,
    RefreshToken, Scopes, Settings, Situation,
};

/// A code exchange to run, with what the tokens card needs to judge the answer.
#[derive(Debug, Clone)]
pub struct Exchange {
    pub request: FormRequest,
    pub requested: Scopes,
    pub prompt: Prompt,
}

/// Tokens from a code exchange, with what was asked for.
#[derive(Debug, Clone)]
pub struct Tokens {
    pub received: Received,
    pub requested: Scopes,
    pub prompt: Prompt,
    /// The code exchange that brought them, for the curl / PowerShell export.
    pub request: FormRequest,
}

/// A problem to show at the top of the flow, with the raw answer if any.
#[derive(Debug, Clone)]
pub struct Problem {
    pub explanation: Explanation,
    pub raw: Option<String>,
}

/// Everything the cards share.
#[derive(Clone, Copy)]
pub struct Shared {
    pub settings: RwSignal<Settings>,
    /// The client secret as typed; never stored unless the user allows it for the redirect.
    pub secret: RwSignal<String>,
    /// Remember non-secret settings in `localStorage`.
    pub remember: RwSignal<bool>,
    pub page_redirect: StoredValue<Option<RedirectUri>>,
    /// The random values of this page load's sign-in attempt.
    pub attempt: StoredValue<Result<Attempt, Explanation>>,
    pub exchange: Action<Exchange, Result<Tokens, Failure>>,
    /// A problem with the return from the provider (denied, state mismatch, …).
    pub problem: RwSignal<Option<Problem>>,
    /// A code that arrived without a pending flow, waiting for the form's client details.
    pub waiting_code: RwSignal<Option<CodeCallback>>,
    /// A pending flow whose secret the user chose not to keep: asked for on return.
    pub awaiting_secret: StoredValue<Option<(PendingFlow, CodeCallback)>>,
    pub needs_secret: RwSignal<bool>,
    /// The refresh token field of the refresh card, filled when tokens arrive.
    pub refresh_input: RwSignal<String>,
    /// What the live region announces.
    pub status: RwSignal<String>,
    /// Every request the page made, for the raw exchange view.
    pub log: Log,
    /// The newest access token (from the exchange or a refresh), for the checks.
    pub access_token: RwSignal<Option<AccessToken>>,
    /// The refresh grant, from the refresh card or "Refresh now".
    pub refresh: Action<FormRequest, Result<Received, Failure>>,
}

impl Shared {
    pub fn new(page_redirect: Option<RedirectUri>) -> Self {
        let remembered = storage::get(Area::Local, SETTINGS_KEY)
            .ok()
            .flatten()
            .and_then(|json| serde_json::from_str::<Settings>(&json).ok());
        let refresh_input = RwSignal::new(String::new());
        let status = RwSignal::new(String::new());
        let log: Log = RwSignal::new(Vec::new());
        let access_token = RwSignal::new(None);
        let refresh = Action::new_local(move |request: &FormRequest| {
            let request = request.clone();
            async move {
                status.set("Asking for a new access token…".into());
                let result = token_request(log, request).await;
                match &result {
                    Ok(r) => {
                        access_token.set(Some(r.response.access_token.clone()));
                        status.set("New access token received.".into());
                    }
                    Err(_) => status.set("The refresh failed.".into()),
                }
                result
            }
        });
        let exchange = Action::new_local(move |input: &Exchange| {
            let Exchange {
                request,
                requested,
                prompt,
            } = input.clone();
            async move {
                status.set("Exchanging the code for tokens…".into());
                let result = token_request(log, request.clone())
                    .await
                    .map(|received| Tokens {
                        received,
                        requested,
                        prompt,
                        request,
                    });
                match &result {
                    Ok(received) => {
                        if let Some(rt) = &received.received.response.refresh_token {
                            refresh_input.set(rt.expose().to_owned());
                        }
                        access_token.set(Some(received.received.response.access_token.clone()));
                        status.set("Tokens received.".into());
                    }
                    Err(_) => status.set("The code exchange failed.".into()),
                }
                result
            }
        });
        Self {
            remember: RwSignal::new(remembered.is_some()),
            settings: RwSignal::new(remembered.unwrap_or_default()),
            secret: RwSignal::new(String::new()),
            page_redirect: StoredValue::new(page_redirect),
            attempt: StoredValue::new(Attempt::generate().map_err(|e| {
                explain(Situation::Network {
                    detail: &e.to_string(),
                })
            })),
            exchange,
            problem: RwSignal::new(None),
            waiting_code: RwSignal::new(None),
            awaiting_secret: StoredValue::new(None),
            needs_secret: RwSignal::new(false),
            refresh_input,
            status,
            log,
            access_token,
            refresh,
        }
    }

    /// The refresh grant for the client and refresh token in the form.
    pub fn refresh_request(&self) -> Result<FormRequest, Explanation> {
        let settings = self.settings.read_untracked();
        let provider = settings
            .provider()
            .map_err(|e| explain(Situation::Url(&e)))?;
        let id = ClientId::parse(&settings.client_id).map_err(|e| explain(Situation::Input(&e)))?;
        let secret = self
            .typed_secret()
            .map_err(|e| explain(Situation::Input(&e)))?;
        let token = RefreshToken::parse(&self.refresh_input.get_untracked())
            .map_err(|e| explain(Situation::Input(&e)))?;
        Ok(grant::refresh(
            &provider.token,
            grant::Client {
                id: &id,
                secret: secret.as_ref(),
            },
            &token,
        ))
    }

    pub fn show_problem(&self, explanation: Explanation) {
        self.status.set(explanation.what.clone());
        self.problem.set(Some(Problem {
            explanation,
            raw: None,
        }));
    }

    /// The token endpoint needs the client secret and none was given.
    fn show_secret_missing(&self) {
        self.show_problem(explain(Situation::Input(&InputError::Empty {
            field: "Client secret",
        })));
    }

    /// The secret field as a typed secret, if filled in.
    pub fn typed_secret(&self) -> Result<Option<ClientSecret>, InputError> {
        let raw = self.secret.get_untracked();
        if raw.trim().is_empty() {
            Ok(None)
        } else {
            ClientSecret::parse(&raw).map(Some)
        }
    }

    /// Exchanges a code with a pending flow from this tab.
    pub fn exchange_pending(&self, pending: &PendingFlow, code: &CodeCallback) {
        let typed = match self.typed_secret() {
            Ok(s) => s,
            Err(e) => return self.show_problem(explain(Situation::Input(&e))),
        };
        if pending.needs_secret() && typed.is_none() {
            return self.show_secret_missing();
        }
        self.problem.set(None);
        self.exchange.dispatch(Exchange {
            request: pending.exchange(code, typed.as_ref()),
            requested: pending.scopes.clone(),
            prompt: pending.prompt,
        });
    }

    /// Exchanges a code using the client details in the form (no pending flow, so no PKCE
    /// verifier: this works when the consent URL was made without PKCE or elsewhere).
    pub fn exchange_with_form(&self, code: &CodeCallback) {
        let settings = self.settings.get_untracked();
        let page = self.page_redirect.get_value();
        let valid = match settings.validate(page.as_ref(), &self.secret.get_untracked()) {
            Ok(v) => v,
            Err(problems) => {
                if let Some(first) = problems.into_iter().next() {
                    self.show_problem(first.explanation);
                }
                return;
            }
        };
        if valid.provider.is_google() && valid.client_secret.is_none() {
            return self.show_secret_missing();
        }
        self.problem.set(None);
        self.exchange.dispatch(Exchange {
            request: grant::code_exchange(
                &valid.provider.token,
                grant::Client {
                    id: &valid.client_id,
                    secret: valid.client_secret.as_ref(),
                },
                &code.code,
                &valid.redirect_uri,
                None,
            ),
            requested: valid.scopes,
            prompt: valid.prompt,
        });
    }

    /// Puts the pending flow's client back into the form after the page reloaded on return.
    pub fn restore_form(&self, pending: &PendingFlow) {
        let page = self.page_redirect.get_value();
        self.settings.update(|s| {
            s.client_id = pending.client_id.as_str().to_owned();
            s.scopes = pending.scopes.to_param();
            s.prompt = pending.prompt.id().to_owned();
            s.redirect_override = if page.as_ref() == Some(&pending.redirect_uri) {
                String::new()
            } else {
                pending.redirect_uri.as_str().to_owned()
            };
            if pending.provider.kind == ProviderKind::Custom {
                s.provider = ProviderChoice::Custom;
                s.authorization_endpoint = pending.provider.authorization.as_str().to_owned();
                s.token_endpoint = pending.provider.token.as_str().to_owned();
                let text = |e: &Option<crate::oauth::Endpoint>| {
                    e.as_ref()
                        .map(|e| e.as_str().to_owned())
                        .unwrap_or_default()
                };
                s.revocation_endpoint = text(&pending.provider.revocation);
                s.tokeninfo_endpoint = text(&pending.provider.tokeninfo);
                s.bigquery_endpoint = text(&pending.provider.bigquery);
            } else {
                s.provider = ProviderChoice::Google;
            }
        });
        if let Some(secret) = &pending.client_secret {
            self.secret.set(secret.expose().to_owned());
        }
    }

    /// Writes or clears the remembered settings.
    pub fn persist_settings(&self) {
        if self.remember.get() {
            if let Ok(json) = serde_json::to_string(&self.settings.get()) {
                let _ = storage::set(Area::Local, SETTINGS_KEY, &json);
            }
        } else {
            let _ = storage::remove(Area::Local, SETTINGS_KEY);
        }
    }
}

/// The shared state; every card is inside `App`, which provides it.
pub fn use_shared() -> Shared {
    expect_context::<Shared>()
}
