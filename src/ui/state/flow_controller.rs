//! The one owner of the sign-in flow in the page: it keeps the state machine of
//! `oauth::flow` in a signal, turns what the user and the browser do into its events, and runs
//! the effects it asks for (storage, the address bar, navigation, the token request). Cards
//! read the flow and call the verbs here; none touches the pending record or decides what a
//! redirect means.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::location;
use crate::browser::storage::{self, Area, PENDING_FLOW_KEY};
use crate::browser::time::now_ms;
use crate::messages::explain_problem;
use crate::oauth::endpoint::without_query;
use crate::oauth::fits_the_google_only_build;
use crate::oauth::{
    callback_from_query, parse_callback, Attempt, Effect, Event, Exchange, Flow, PendingFlow,
    Problem, Stage, ValidClient,
};
use crate::ui::state::form::FormState;
use crate::ui::state::guide::Guide;
use crate::ui::state::requests::{token_request, Log};
use crate::ui::state::status::Status;
use crate::ui::state::tokens::{TokenState, Tokens};
use crate::variant::ANY_PROVIDER;

/// The `state` and verifier of the consent URL on screen, with the binding they were made
/// for: a new pair is made for each client and provider, and after each "Go to consent".
type Fresh = (String, Arc<Result<Attempt, Problem>>);

/// Where the last problem came from, so that it shows where the user acted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The return from the provider, or the received code.
    Return,
    /// The pasted redirect.
    Paste,
    /// Leaving for the consent screen.
    Consent,
}

#[derive(Clone, Copy)]
pub struct FlowController {
    pub flow: RwSignal<Flow>,
    pub place: RwSignal<Place>,
    attempt: StoredValue<Option<Fresh>>,
    generation: RwSignal<u32>,
    form: FormState,
    tokens: TokenState,
    guide: Guide,
    log: Log,
    status: Status,
}

/// What makes a consent URL belong to one sign-in: the provider, the client and the redirect.
fn binding(client: &ValidClient) -> String {
    format!(
        "{} {} {} {}",
        client.provider.authorization.as_str(),
        client.provider.token.as_str(),
        client.client_id.as_str(),
        client.redirect_uri.as_str()
    )
}

impl FlowController {
    pub fn new(
        form: FormState,
        tokens: TokenState,
        guide: Guide,
        log: Log,
        status: Status,
    ) -> Self {
        let generation = RwSignal::new(0u32);
        let attempt = StoredValue::new(None);
        Self {
            flow: RwSignal::new(Flow::default()),
            place: RwSignal::new(Place::Return),
            attempt,
            generation,
            form,
            tokens,
            guide,
            log,
            status,
        }
    }

    /// Feeds one event to the state machine and runs what it asks for.
    pub fn send(&self, event: Event) {
        let place = match event {
            Event::Pasted { .. } => Place::Paste,
            Event::Go { .. }
            | Event::Copied { .. }
            | Event::Saved(_)
            | Event::NavigationFailed(_) => Place::Consent,
            _ => Place::Return,
        };
        let effects = self
            .flow
            .try_update(|flow| {
                let (next, effects) = std::mem::take(flow).step(event);
                *flow = next;
                effects
            })
            .unwrap_or_default();
        if let Some(problem) = self.flow.with_untracked(|f| f.problem.clone()) {
            self.place.set(place);
            self.status.say(explain_problem(&problem).what);
        }
        // Back from the provider, the exchange or why there is none shows in the consent step;
        // a stray arrival is refused above the steps, and the user stays where they are.
        let back = self.flow.with_untracked(|f| {
            f.is_exchanging()
                || matches!(f.stage, Stage::AwaitingSecret { .. })
                || (f.problem.as_ref().is_some_and(|p| !p.is_stray()) && place == Place::Return)
        });
        if back {
            self.guide.back_from_provider();
        }
        for effect in effects {
            self.run(effect);
        }
    }

    fn run(&self, effect: Effect) {
        match effect {
            Effect::SavePending(json) => {
                let saved = storage::set(Area::Session, PENDING_FLOW_KEY, json.expose());
                self.send(Event::Saved(saved.map_err(|_| ())));
            }
            Effect::ForgetPending => {
                let _ = storage::remove(Area::Session, PENDING_FLOW_KEY);
            }
            Effect::StripQuery => {
                if let Some(clean) = location::href().ok().and_then(|h| without_query(&h)) {
                    let _ = location::replace(&clean);
                }
            }
            Effect::Navigate(url) => {
                self.status.say("Going to the consent screen…");
                if let Err(e) = location::go_to(&url) {
                    self.send(Event::NavigationFailed(e.to_string()));
                }
            }
            Effect::OpenInNewTab(url) => {
                self.status.say(
                    "The consent screen opened in a new tab. Paste the address it ends on below.",
                );
                if let Err(e) = location::open_new_tab(&url) {
                    self.send(Event::NavigationFailed(e.to_string()));
                }
            }
            Effect::RestoreForm(restore) => {
                self.form.restore(&restore);
                self.guide.follow_scopes(&self.form);
            }
            Effect::Exchange(exchange) => self.exchange(*exchange),
        }
    }

    fn exchange(&self, exchange: Exchange) {
        let this = *self;
        self.status.say("Exchanging the code for tokens…");
        spawn_local(async move {
            let Exchange {
                request,
                issued_by,
                requested,
                prompt,
            } = exchange;
            let result = token_request(this.log, request.clone()).await;
            this.status.say(if result.is_ok() {
                "Tokens received."
            } else {
                "The code exchange failed."
            });
            if let Ok(received) = &result {
                this.tokens.exchanged(Tokens {
                    received: received.clone(),
                    requested,
                    prompt,
                    request,
                    issued_by,
                });
                this.guide.tokens_arrived();
            }
            // The flow decides what the outcome means, and where its problem shows.
            this.send(Event::Answered(result.map(Box::new)));
        });
    }

    /// Once, before the first render: a redirect is read, stripped and decided; any other
    /// load forgets an old pending record, and a shared link may prefill the form.
    pub fn load(&self) {
        let search = location::search().unwrap_or_default();
        let query = callback_from_query(&search);
        if matches!(query, Ok(None)) && !search.is_empty() {
            self.form.apply_link(&search);
            self.guide.follow_scopes(&self.form);
        }
        let stored = storage::get(Area::Session, PENDING_FLOW_KEY)
            .map_err(|_| ())
            .map(|json| json.filter(|j| ANY_PROVIDER || fits_the_google_only_build(j)));
        self.send(Event::Loaded {
            query,
            stored,
            now_ms: now_ms(),
        });
        self.on_back_forward_cache();
    }

    /// A page shown again from the back-forward cache (Back from the consent screen) is not
    /// loaded again: tell the flow, which forgets the record.
    fn on_back_forward_cache(&self) {
        let this = *self;
        location::on_restored_from_cache(move || this.send(Event::Resumed));
    }

    /// The `state` and verifier for `client`: the same for as long as the client, its provider
    /// and its redirect stay the same and nobody pressed "Go"; new ones otherwise.
    fn attempt_for(&self, client: &ValidClient) -> Arc<Result<Attempt, Problem>> {
        let key = format!("{} {}", self.generation.get(), binding(client));
        if let Some(same) = self.attempt.with_value(|a| {
            a.as_ref()
                .filter(|(k, _)| *k == key)
                .map(|(_, attempt)| attempt.clone())
        }) {
            return same;
        }
        let fresh = Arc::new(Attempt::generate().map_err(|e| Problem::NoRandomness {
            detail: e.to_string(),
        }));
        self.attempt.set_value(Some((key, fresh.clone())));
        fresh
    }

    /// The consent URL for the form as it is, with this sign-in's `state` and challenge.
    pub fn consent_url(&self) -> Option<String> {
        let client = self.form.valid.get().ok()?;
        let attempt = self.attempt_for(&client);
        let attempt = attempt.as_ref().as_ref().ok()?;
        Some(client.consent_url(attempt).to_string())
    }

    /// A pending flow for the consent URL on screen.
    fn pending(&self) -> Option<(Box<PendingFlow>, String, bool)> {
        let client = self.form.valid.get_untracked().ok()?;
        let attempt = untrack(|| self.attempt_for(&client));
        let attempt = match attempt.as_ref() {
            Ok(a) => a,
            Err(e) => {
                self.flow.update(|f| f.problem = Some(e.clone()));
                return None;
            }
        };
        let url = client.consent_url(attempt).to_string();
        let here = self
            .form
            .page_redirect
            .with_value(|p| p.as_ref() == Some(&client.redirect_uri));
        let pending = PendingFlow::start(&client, attempt, now_ms());
        Some((Box::new(pending), url, here))
    }

    /// "Go to consent": to the consent screen in this tab, or in a new one when the redirect
    /// goes elsewhere (the manual path), so this tab keeps the sign-in for the paste.
    pub fn go(&self) {
        let Some((pending, url, here)) = self.pending() else {
            return;
        };
        self.send(Event::Go { pending, url, here });
        // The next consent URL gets its own `state` and verifier.
        self.generation.update(|g| *g = g.wrapping_add(1));
    }

    /// The consent URL was copied.
    pub fn copied(&self) {
        if let Some((pending, ..)) = self.pending() {
            self.send(Event::Copied { pending });
        }
    }

    /// The user pasted a redirect or a code.
    pub fn paste(&self, text: &str) {
        self.send(Event::Pasted {
            callback: parse_callback(text),
            now_ms: now_ms(),
        });
    }

    /// The secret that was not kept across the redirect, typed on return.
    pub fn give_secret(&self) {
        self.send(Event::SecretGiven(self.form.typed_secret()));
    }
}

pub fn use_flow() -> FlowController {
    expect_context::<FlowController>()
}
