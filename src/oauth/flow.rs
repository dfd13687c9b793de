//! The sign-in flow as a state machine: events in, the next state and effects out. Nothing
//! here touches the browser; the UI's flow controller runs the effects (store, forget,
//! strip the address, navigate, post) and feeds what happened back in as events.
//!
//! The rules it keeps (RFC 6749 §4.1 and §10.12, RFC 7636, RFC 9207, RFC 9700 §4.7):
//! - the pending record is written only when the browser leaves for consent in this tab
//!   (with the secret only if the user allowed it) or when the consent URL is copied (never
//!   with the secret);
//! - it is forgotten on every page load, callback or not, on every callback outcome, and
//!   when the page is shown again from the back-forward cache;
//! - a redirect must carry this tab's `state` and, where the provider names itself, its
//!   issuer; only a pasted code may come without `state`, and only while this tab's manual
//!   sign-in waits for it (its PKCE verifier binds the code);
//! - a code is exchanged only for a sign-in this tab started, once, with the provider that
//!   sign-in went to: a code nobody here asked for (a forged link, RFC 9700 §4.7) is refused;
//! - an error redirect's words are shown only when its `state` is this tab's.

use super::callback::Denial;
use super::callback::{Callback, CallbackError, CodeCallback};
use super::exchange::{Received, TokenFailure};
use super::pending::{Arrival, Exchange, PendingFlow, PendingFlowError};
use super::problem::Problem;
use super::types::{ClientSecret, InputError};

/// Where the sign-in stands.
#[derive(Debug, Default)]
pub enum Stage {
    /// Nothing under way.
    #[default]
    Idle,
    /// The pending record is being written; the browser leaves once it is.
    Saving { url: String },
    /// The browser is leaving for the consent screen.
    Redirecting,
    /// Consent happens in another tab or from a copied URL; the redirect may be pasted here.
    AwaitingPaste(Box<PendingFlow>),
    /// A code is here, and the client secret was not kept across the redirect.
    AwaitingSecret {
        pending: Box<PendingFlow>,
        code: CodeCallback,
    },
    /// The code is at the token endpoint.
    Exchanging,
    /// Tokens arrived.
    Done,
    /// The token endpoint gave no tokens: the problem says why.
    Failed,
}

/// The flow: its stage and the problem to show, if any.
#[derive(Debug, Default)]
pub struct Flow {
    pub stage: Stage,
    pub problem: Option<Problem>,
}

/// What can happen to the flow.
#[derive(Debug)]
pub enum Event {
    /// The page loaded. `query` is what its address says; `stored` is the pending record as
    /// read from storage (`Err` when the browser refuses storage).
    Loaded {
        query: Result<Option<Callback>, CallbackError>,
        stored: Result<Option<String>, ()>,
        now_ms: f64,
    },
    /// "Go to consent". `here`: the redirect comes back to this page in this tab; otherwise
    /// consent opens in a new tab and the user pastes where it ended.
    Go {
        pending: Box<PendingFlow>,
        url: String,
        here: bool,
    },
    /// The consent URL was copied, to be opened by hand.
    Copied { pending: Box<PendingFlow> },
    /// The pending record was written (or the browser refused).
    Saved(Result<(), ()>),
    /// The browser refused to leave for the consent screen.
    NavigationFailed(String),
    /// The page was shown again from the back-forward cache, without a load.
    Resumed,
    /// The user pasted a redirect (or a bare code).
    Pasted {
        callback: Result<Callback, CallbackError>,
        now_ms: f64,
    },
    /// The user entered the client secret that was not kept across the redirect.
    SecretGiven(Result<Option<ClientSecret>, InputError>),
    /// The token endpoint answered: tokens, or why there are none.
    Answered(Result<Box<Received>, TokenFailure>),
}

/// What the controller must do.
#[derive(Debug)]
pub enum Effect {
    /// Write the pending record (JSON, hence a secret) to `sessionStorage`.
    SavePending(super::secret::Secret),
    /// Delete the pending record.
    ForgetPending,
    /// Remove the query from the address bar and the history entry.
    StripQuery,
    /// Leave for this URL in this tab.
    Navigate(String),
    /// Open this URL in a new tab, with no reference back to this one.
    OpenInNewTab(String),
    /// Put the pending flow's client back into the form (after the page reloaded).
    RestoreForm(Box<FormRestore>),
    /// POST the code exchange.
    Exchange(Box<Exchange>),
}

/// What the form gets back after the redirect: the client the sign-in was started with.
#[derive(Debug, Clone)]
pub struct FormRestore {
    pub client_id: super::types::ClientId,
    pub client_secret: Option<ClientSecret>,
    pub provider: super::provider::Provider,
    pub redirect_uri: super::endpoint::RedirectUri,
    pub scopes: super::scope::Scopes,
    pub prompt: super::consent::Prompt,
    /// What the page called the sign-in's purpose when it started it.
    pub purpose: Option<super::client::Purpose>,
}

impl FormRestore {
    fn of(pending: &PendingFlow) -> Box<Self> {
        Box::new(Self {
            client_id: pending.client_id.clone(),
            client_secret: pending.client_secret.clone(),
            provider: pending.provider.clone(),
            redirect_uri: pending.redirect_uri.clone(),
            scopes: pending.scopes.clone(),
            prompt: pending.prompt,
            purpose: pending.purpose.clone(),
        })
    }
}

fn secret_missing() -> Problem {
    Problem::Input(InputError::Empty {
        field: "Client secret",
    })
}

impl Flow {
    fn at(stage: Stage, problem: Option<Problem>) -> Self {
        Self { stage, problem }
    }

    /// A problem, nothing under way.
    fn failed(problem: Problem) -> Self {
        Self::at(Stage::Idle, Some(problem))
    }

    /// The same stage with a problem to show.
    fn with_problem(self, problem: Problem) -> Self {
        Self::at(self.stage, Some(problem))
    }

    /// Whether a code is at the token endpoint (buttons wait meanwhile).
    pub fn is_exchanging(&self) -> bool {
        matches!(self.stage, Stage::Exchanging)
    }

    /// Whether this stage may have a pending record in storage.
    fn may_have_record(&self) -> bool {
        matches!(
            self.stage,
            Stage::Saving { .. } | Stage::Redirecting | Stage::AwaitingPaste(_)
        )
    }

    /// The next state, and what to do to get there.
    pub fn step(self, event: Event) -> (Flow, Vec<Effect>) {
        let had_record = self.may_have_record();
        let (flow, mut effects) = self.transition(event);
        // Whatever moved the flow on, a record left behind has no use any more.
        if had_record
            && !flow.may_have_record()
            && !effects.iter().any(|e| matches!(e, Effect::ForgetPending))
        {
            effects.insert(0, Effect::ForgetPending);
        }
        (flow, effects)
    }

    fn transition(self, event: Event) -> (Flow, Vec<Effect>) {
        match event {
            Event::Loaded {
                query,
                stored,
                now_ms,
            } => loaded(query, stored, now_ms),
            Event::Go { pending, url, here } if here => {
                // Kept across the redirect only if the user allowed it; asked again otherwise.
                let record = pending.record(!pending.secret_withheld);
                // A write that fails must not leave an older record in place.
                (
                    Flow::at(Stage::Saving { url }, None),
                    vec![Effect::ForgetPending, Effect::SavePending(record)],
                )
            }
            Event::Go { pending, url, .. } => (
                Flow::at(Stage::AwaitingPaste(pending), None),
                vec![Effect::ForgetPending, Effect::OpenInNewTab(url)],
            ),
            Event::Copied { pending } => {
                // The copied URL may come back into this tab as a redirect: keep what that
                // needs, never the secret (asked for then).
                let record = pending.record(false);
                (
                    Flow::at(Stage::AwaitingPaste(pending), None),
                    vec![Effect::ForgetPending, Effect::SavePending(record)],
                )
            }
            Event::Saved(result) => match (self.stage, result) {
                (Stage::Saving { url }, Ok(())) => (
                    Flow::at(Stage::Redirecting, None),
                    vec![Effect::Navigate(url)],
                ),
                (Stage::Saving { .. }, Err(())) => (
                    Flow::failed(Problem::StorageUnavailable),
                    vec![Effect::ForgetPending],
                ),
                // A copied URL that could not be saved still works by pasting here.
                (stage @ Stage::AwaitingPaste(_), Err(())) => {
                    (Flow::at(stage, Some(Problem::StorageUnavailable)), vec![])
                }
                (stage, _) => (Flow::at(stage, self.problem), vec![]),
            },
            Event::NavigationFailed(detail) => (
                Flow::failed(Problem::NavigationRefused { detail }),
                vec![Effect::ForgetPending],
            ),
            Event::Resumed => {
                let stage = match self.stage {
                    Stage::Saving { .. } | Stage::Redirecting => Stage::Idle,
                    other => other,
                };
                (Flow::at(stage, self.problem), vec![Effect::ForgetPending])
            }
            Event::Pasted { callback, now_ms } => self.pasted(callback, now_ms),
            Event::SecretGiven(secret) => match self.stage {
                Stage::AwaitingSecret { pending, code } => match secret {
                    Err(e) => (
                        Flow::at(
                            Stage::AwaitingSecret { pending, code },
                            Some(Problem::Input(e)),
                        ),
                        vec![],
                    ),
                    Ok(None) => (
                        Flow::at(
                            Stage::AwaitingSecret { pending, code },
                            Some(secret_missing()),
                        ),
                        vec![],
                    ),
                    Ok(Some(secret)) => exchanging(pending.exchange(&code, Some(secret))),
                },
                stage => (Flow::at(stage, self.problem), vec![]),
            },
            Event::Answered(outcome) => match self.stage {
                Stage::Exchanging => match outcome {
                    Ok(_) => (Flow::at(Stage::Done, None), vec![]),
                    Err(failure) => (
                        Flow::at(Stage::Failed, Some(Problem::Exchange(Box::new(failure)))),
                        vec![],
                    ),
                },
                stage => (Flow::at(stage, self.problem), vec![]),
            },
        }
    }

    fn pasted(self, callback: Result<Callback, CallbackError>, now_ms: f64) -> (Flow, Vec<Effect>) {
        let callback = match callback {
            Ok(callback) => callback,
            // A typo: everything stays as it was, so the user can paste again.
            Err(e) => return (self.with_problem(Problem::Callback(e)), vec![]),
        };
        let code = match callback {
            Callback::Denied(denial) => {
                return match self.stage {
                    Stage::AwaitingPaste(pending) if answers(&pending, &denial) => (
                        Flow::failed(denied(&pending, &denial)),
                        vec![Effect::ForgetPending],
                    ),
                    // Someone else's refusal ends nothing of this tab's.
                    stage => (Flow::at(stage, Some(Problem::ForeignDenial)), vec![]),
                };
            }
            Callback::Code(code) => code,
        };
        match self.stage {
            Stage::AwaitingPaste(pending) => {
                if let Some(expired) = pending.expired_at(now_ms) {
                    return (
                        Flow::failed(Problem::PendingFlow(expired)),
                        vec![Effect::ForgetPending],
                    );
                }
                if let Err(refusal) = pending.check(&code, Arrival::Pasted) {
                    return (
                        Flow::at(
                            Stage::AwaitingPaste(pending),
                            Some(Problem::Refused(refusal)),
                        ),
                        vec![],
                    );
                }
                let (flow, mut effects) = accepted(pending, code);
                effects.insert(0, Effect::ForgetPending);
                (flow, effects)
            }
            Stage::Exchanging => (self, vec![]),
            // A code nobody here asked for is never exchanged, whatever the form holds.
            stage => (Flow::at(stage, Some(Problem::NoPendingPaste)), vec![]),
        }
    }
}

/// Whether an error redirect answers `pending`: it carries that sign-in's `state`.
fn answers(pending: &PendingFlow, denial: &Denial) -> bool {
    denial
        .state
        .as_ref()
        .is_some_and(|s| s.matches(&pending.state))
}

/// A refusal of this tab's own sign-in, with the provider's words.
fn denied(pending: &PendingFlow, denial: &Denial) -> Problem {
    Problem::Denied {
        denial: denial.clone(),
        authorization: pending.provider.authorization.url().clone(),
    }
}

fn exchanging(exchange: Exchange) -> (Flow, Vec<Effect>) {
    (
        Flow::at(Stage::Exchanging, None),
        vec![Effect::Exchange(Box::new(exchange))],
    )
}

/// A code that belongs to `pending`: exchange it, or ask for the secret first.
fn accepted(pending: Box<PendingFlow>, code: CodeCallback) -> (Flow, Vec<Effect>) {
    if pending.needs_secret() {
        (
            Flow::at(Stage::AwaitingSecret { pending, code }, None),
            vec![],
        )
    } else {
        exchanging(pending.exchange(&code, None))
    }
}

fn loaded(
    query: Result<Option<Callback>, CallbackError>,
    stored: Result<Option<String>, ()>,
    now_ms: f64,
) -> (Flow, Vec<Effect>) {
    // Whatever this load is, the record has had its one chance to be read.
    let mut effects = vec![Effect::ForgetPending];
    let callback = match query {
        Ok(None) => return (Flow::default(), effects),
        Ok(Some(callback)) => callback,
        Err(e) => {
            effects.push(Effect::StripQuery);
            return (Flow::failed(Problem::Callback(e)), effects);
        }
    };
    // The code must not survive in the address bar, the history or a reload.
    effects.push(Effect::StripQuery);
    let pending = match &stored {
        Ok(Some(json)) => PendingFlow::from_record(json, now_ms),
        _ => Err(PendingFlowError::Unreadable),
    };
    let code = match callback {
        Callback::Denied(denial) => {
            let problem = match &pending {
                Ok(pending) if answers(pending, &denial) => denied(pending, &denial),
                _ => Problem::ForeignDenial,
            };
            return (Flow::failed(problem), effects);
        }
        Callback::Code(code) => code,
    };
    // A code is used only for the sign-in this tab started: without its record, never.
    let pending = match (stored, pending) {
        (Err(()), _) => return (Flow::failed(Problem::StorageUnavailable), effects),
        (_, Ok(pending)) => pending,
        (_, Err(expired @ PendingFlowError::Expired { .. })) => {
            return (Flow::failed(Problem::PendingFlow(expired)), effects)
        }
        (_, Err(_)) => return (Flow::failed(Problem::NoPendingFlow), effects),
    };
    if let Err(refusal) = pending.check(&code, Arrival::Redirect) {
        return (Flow::failed(Problem::Refused(refusal)), effects);
    }
    effects.push(Effect::RestoreForm(FormRestore::of(&pending)));
    let (flow, more) = accepted(Box::new(pending), code);
    effects.extend(more);
    (flow, effects)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The flow's problem as the user reads it.
    fn said(flow: &Flow) -> Option<crate::messages::Explanation> {
        flow.problem.as_ref().map(crate::messages::explain_problem)
    }
    use crate::form::Settings;
    use crate::oauth::callback::{callback_from_query, parse_callback};
    use crate::oauth::endpoint::RedirectUri;
    use crate::oauth::{Attempt, ValidClient};

    const NOW: f64 = 1_800_000_000_000.0;
    const SECRET: &str = "GOCSPX-secret";

    fn client(keep_secret: bool, page: &str) -> ValidClient {
        Settings {
            client_id: "cid.apps.googleusercontent.com".into(),
            keep_secret,
            redirect_override: page.into(),
            ..Settings::default()
        }
        .validate(
            Some(&RedirectUri::parse("http://127.0.0.1:8080/").unwrap()),
            SECRET,
        )
        .unwrap()
    }

    fn pending(attempt: &Attempt, keep_secret: bool) -> Box<PendingFlow> {
        let mut flow = PendingFlow::start(&client(keep_secret, ""), attempt, NOW);
        flow.secret_withheld = !keep_secret;
        Box::new(flow)
    }

    fn go(attempt: &Attempt, keep_secret: bool) -> (Flow, Vec<Effect>) {
        Flow::default().step(Event::Go {
            pending: pending(attempt, keep_secret),
            url: "https://accounts.google.com/o/oauth2/v2/auth?x".into(),
            here: true,
        })
    }

    fn saved_record(effects: &[Effect]) -> String {
        effects
            .iter()
            .find_map(|e| match e {
                Effect::SavePending(json) => Some(json.expose().to_owned()),
                _ => None,
            })
            .expect("a record is saved")
    }

    fn load(query: &str, stored: Option<String>, now_ms: f64) -> (Flow, Vec<Effect>) {
        Flow::default().step(Event::Loaded {
            query: callback_from_query(query),
            stored: Ok(stored),
            now_ms,
        })
    }

    fn exchange_of(effects: &[Effect]) -> Option<&Exchange> {
        effects.iter().find_map(|e| match e {
            Effect::Exchange(x) => Some(&**x),
            _ => None,
        })
    }

    fn forgets(effects: &[Effect]) -> bool {
        effects.iter().any(|e| matches!(e, Effect::ForgetPending))
    }

    #[test]
    fn go_saves_the_record_then_navigates() {
        let attempt = Attempt::generate().unwrap();
        let (flow, effects) = go(&attempt, true);
        assert!(matches!(flow.stage, Stage::Saving { .. }));
        assert!(saved_record(&effects).contains(SECRET));
        let (flow, effects) = flow.step(Event::Saved(Ok(())));
        assert!(matches!(flow.stage, Stage::Redirecting));
        assert!(matches!(&effects[..], [Effect::Navigate(url)] if url.contains("oauth2")));
    }

    #[test]
    fn go_without_keeping_the_secret_saves_none() {
        let attempt = Attempt::generate().unwrap();
        let (_, effects) = go(&attempt, false);
        assert!(!saved_record(&effects).contains(SECRET));
    }

    #[test]
    fn refused_storage_stops_before_leaving() {
        let attempt = Attempt::generate().unwrap();
        let (flow, _) = go(&attempt, true);
        let (flow, effects) = flow.step(Event::Saved(Err(())));
        assert!(matches!(flow.stage, Stage::Idle));
        assert!(said(&flow)
            .unwrap()
            .what
            .contains("does not let the page keep"));
        assert!(!effects.iter().any(|e| matches!(e, Effect::Navigate(_))));
    }

    #[test]
    fn a_refused_navigation_forgets_the_record() {
        let attempt = Attempt::generate().unwrap();
        let (flow, _) = go(&attempt, true);
        let (flow, _) = flow.step(Event::Saved(Ok(())));
        let (flow, effects) = flow.step(Event::NavigationFailed("blocked".into()));
        assert!(matches!(flow.stage, Stage::Idle));
        assert!(said(&flow).unwrap().why.contains("blocked"));
        assert!(forgets(&effects));
    }

    #[test]
    fn back_from_consent_via_the_cache_forgets_the_record() {
        let attempt = Attempt::generate().unwrap();
        let (flow, _) = go(&attempt, true);
        let (flow, _) = flow.step(Event::Saved(Ok(())));
        let (flow, effects) = flow.step(Event::Resumed);
        assert!(matches!(flow.stage, Stage::Idle));
        assert!(forgets(&effects));
    }

    #[test]
    fn every_load_forgets_the_record_even_without_a_callback() {
        let attempt = Attempt::generate().unwrap();
        let record = saved_record(&go(&attempt, true).1);
        let (flow, effects) = load("", Some(record), NOW);
        assert!(matches!(flow.stage, Stage::Idle) && said(&flow).is_none());
        assert!(matches!(&effects[..], [Effect::ForgetPending]));
    }

    #[test]
    fn the_redirect_is_exchanged_once_with_the_pending_provider() {
        let attempt = Attempt::generate().unwrap();
        let record = saved_record(&go(&attempt, true).1);
        let query = format!("?code=4/0Ab&state={}", attempt.state.as_str());
        let (flow, effects) = load(&query, Some(record), NOW + 1000.0);
        assert!(flow.is_exchanging());
        assert!(matches!(effects[0], Effect::ForgetPending));
        assert!(matches!(effects[1], Effect::StripQuery));
        assert!(matches!(effects[2], Effect::RestoreForm(_)));
        let exchange = exchange_of(&effects).unwrap();
        assert_eq!(
            exchange.request.url.as_str(),
            "https://oauth2.googleapis.com/token"
        );
        assert!(exchange.issued_by.provider.is_google());

        let (flow, _) = flow.step(tokens_arrived());
        assert!(matches!(flow.stage, Stage::Done) && flow.problem.is_none());
        // No tokens: the flow keeps why, as the one problem the page shows for it.
        let (flow, _) = Flow::at(Stage::Exchanging, None)
            .step(Event::Answered(Err(TokenFailure::TimedOut { seconds: 30 })));
        assert!(matches!(flow.stage, Stage::Failed));
        assert_eq!(
            flow.problem,
            Some(Problem::Exchange(Box::new(TokenFailure::TimedOut {
                seconds: 30
            })))
        );
        assert!(said(&flow).unwrap().what.contains("30 seconds"));
    }

    fn tokens_arrived() -> Event {
        let body = r#"{"access_token":"ya29.a","token_type":"Bearer"}"#;
        Event::Answered(Ok(Box::new(Received {
            response: crate::oauth::parse_token_response(200, body).unwrap(),
            body: crate::oauth::Secret::new(body),
            status: 200,
            at_ms: 0.0,
        })))
    }

    #[test]
    fn a_redirect_without_state_is_refused() {
        let attempt = Attempt::generate().unwrap();
        let record = saved_record(&go(&attempt, true).1);
        let (flow, effects) = load("?code=4/0Ab", Some(record), NOW);
        assert!(exchange_of(&effects).is_none());
        assert!(forgets(&effects));
        assert!(said(&flow).unwrap().what.contains("no `state`"));
    }

    #[test]
    fn a_redirect_with_another_state_or_issuer_is_refused() {
        let attempt = Attempt::generate().unwrap();
        let record = saved_record(&go(&attempt, true).1);
        let (flow, effects) = load("?code=4/0Ab&state=forged", Some(record.clone()), NOW);
        assert!(exchange_of(&effects).is_none());
        assert!(said(&flow).unwrap().what.contains("does not belong"));

        let query = format!(
            "?code=4/0Ab&state={}&iss=https%3A%2F%2Fevil.example",
            attempt.state.as_str()
        );
        let (flow, effects) = load(&query, Some(record), NOW);
        assert!(exchange_of(&effects).is_none());
        let problem = said(&flow).unwrap();
        assert!(problem.what.contains("another provider"), "{problem:?}");
        assert!(problem.why.contains("https://evil.example"));
    }

    #[test]
    fn an_expired_record_is_refused_and_explained() {
        let attempt = Attempt::generate().unwrap();
        let record = saved_record(&go(&attempt, true).1);
        let query = format!("?code=4/0Ab&state={}", attempt.state.as_str());
        let (flow, effects) = load(&query, Some(record), NOW + 11.0 * 60_000.0);
        assert!(exchange_of(&effects).is_none());
        assert!(forgets(&effects));
        assert!(said(&flow).unwrap().what.contains("too long ago"));
    }

    #[test]
    fn a_malformed_or_denied_callback_forgets_and_strips() {
        let (flow, effects) = load("?code=a&code=b", Some("{}".into()), NOW);
        assert!(forgets(&effects) && effects.iter().any(|e| matches!(e, Effect::StripQuery)));
        assert!(said(&flow).unwrap().what.contains("more than once"));
        let (flow, effects) = load("?error=access_denied&state=x", Some("{}".into()), NOW);
        assert!(forgets(&effects));
        assert!(said(&flow).unwrap().what.contains("did not start"));
    }

    #[test]
    fn a_code_without_a_record_is_refused_and_nothing_can_exchange_it() {
        let (flow, effects) = load("?code=4/0Ab&state=x", None, NOW);
        assert!(exchange_of(&effects).is_none());
        assert!(effects.iter().any(|e| matches!(e, Effect::StripQuery)));
        assert!(matches!(flow.stage, Stage::Idle));
        let problem = &said(&flow).unwrap();
        assert!(problem.what.contains("did not start"), "{problem:?}");
        assert!(problem
            .fix
            .contains("Start the sign-in again from this page"));
        // Pasting the same code afterwards, with the form filled in, exchanges nothing.
        let (flow, effects) = paste(flow, "http://127.0.0.1:8080/?code=4/0Ab&state=x", NOW);
        assert!(exchange_of(&effects).is_none());
        let (_, effects) = paste(flow, "4/0Ab", NOW);
        assert!(exchange_of(&effects).is_none());
        // Nor does a record of another sign-in, or an unreadable one.
        let attempt = Attempt::generate().unwrap();
        let record = saved_record(&go(&attempt, true).1);
        let (_, effects) = load("?code=4/0Ab&state=x", Some(record), NOW);
        assert!(exchange_of(&effects).is_none());
        let (flow, effects) = load("?code=4/0Ab&state=x", Some("{".into()), NOW);
        assert!(exchange_of(&effects).is_none() && said(&flow).is_some());
    }

    #[test]
    fn refused_storage_on_return_exchanges_nothing() {
        let (flow, effects) = Flow::default().step(Event::Loaded {
            query: callback_from_query("?code=4/0Ab&state=x"),
            stored: Err(()),
            now_ms: NOW,
        });
        assert!(matches!(flow.stage, Stage::Idle));
        assert!(exchange_of(&effects).is_none());
        assert!(effects.iter().any(|e| matches!(e, Effect::StripQuery)));
    }

    #[test]
    fn an_error_redirect_shows_the_providers_words_only_for_this_tabs_sign_in() {
        let forged = "?error=access_denied&error_description=Your+client+secret+leaked.+\
                      Rotate+it+at+https://evil.example&error_uri=https%3A%2F%2Fevil.example%2F";
        let attempt = Attempt::generate().unwrap();
        let record = saved_record(&go(&attempt, true).1);
        for stored in [None, Some(record.clone())] {
            let (flow, effects) = load(&format!("{forged}&state=forged"), stored, NOW);
            assert!(forgets(&effects));
            let problem = said(&flow).unwrap();
            assert!(problem.what.contains("did not start"), "{problem:?}");
            let all = format!("{problem:?}");
            assert!(
                !all.contains("evil.example") && !all.contains("leaked"),
                "{all}"
            );
        }
        // This tab's own sign-in: the words are the provider's, quoted; the link is not on
        // the provider's host, so it is no link.
        let query = format!("{forged}&state={}", attempt.state.as_str());
        let (flow, _) = load(&query, Some(record.clone()), NOW);
        let problem = said(&flow).unwrap();
        assert!(problem.what.contains("Consent was not given"));
        let quote = problem.quote.unwrap();
        assert!(quote
            .text
            .unwrap()
            .starts_with("Your client secret leaked."));
        assert_eq!(quote.link, None);
        let query = format!(
            "?error=access_denied&error_uri=https%3A%2F%2Faccounts.google.com%2Fhelp&state={}",
            attempt.state.as_str()
        );
        let (flow, _) = load(&query, Some(record), NOW);
        assert_eq!(
            said(&flow).unwrap().quote.unwrap().link.as_deref(),
            Some("https://accounts.google.com/help")
        );
        // Pasted: someone else's refusal leaves this tab's manual sign-in waiting.
        let (flow, _) = Flow::default().step(Event::Copied {
            pending: pending(&attempt, true),
        });
        let (flow, _) = paste(flow, &format!("http://localhost/{forged}&state=x"), NOW);
        assert!(matches!(flow.stage, Stage::AwaitingPaste(_)));
        assert!(!format!("{:?}", said(&flow)).contains("evil.example"));
        let own = format!(
            "http://localhost/?error=access_denied&state={}",
            attempt.state.as_str()
        );
        let (flow, effects) = paste(flow, &own, NOW);
        assert!(matches!(flow.stage, Stage::Idle) && forgets(&effects));
        assert!(said(&flow).unwrap().what.contains("Consent was not given"));
    }

    #[test]
    fn a_withheld_secret_is_asked_for_before_the_exchange() {
        let attempt = Attempt::generate().unwrap();
        let record = saved_record(&go(&attempt, false).1);
        let query = format!("?code=4/0Ab&state={}", attempt.state.as_str());
        let (flow, effects) = load(&query, Some(record), NOW);
        assert!(matches!(flow.stage, Stage::AwaitingSecret { .. }));
        assert!(exchange_of(&effects).is_none());
        let (flow, _) = flow.step(Event::SecretGiven(Ok(None)));
        assert!(matches!(flow.stage, Stage::AwaitingSecret { .. }));
        assert!(said(&flow).unwrap().what.contains("Client secret"));
        let bad = ClientSecret::parse("has space").map(Some);
        let (flow, _) = flow.step(Event::SecretGiven(bad));
        assert!(matches!(flow.stage, Stage::AwaitingSecret { .. }));
        let (flow, effects) = flow.step(Event::SecretGiven(Ok(Some(
            ClientSecret::parse(SECRET).unwrap(),
        ))));
        assert!(flow.is_exchanging());
        assert!(exchange_of(&effects)
            .unwrap()
            .request
            .body()
            .expose()
            .contains(SECRET));
    }

    fn paste(flow: Flow, text: &str, now_ms: f64) -> (Flow, Vec<Effect>) {
        flow.step(Event::Pasted {
            callback: parse_callback(text),
            now_ms,
        })
    }

    #[test]
    fn consent_in_a_new_tab_keeps_the_flow_in_memory_only() {
        let attempt = Attempt::generate().unwrap();
        let (flow, effects) = Flow::default().step(Event::Go {
            pending: Box::new(PendingFlow::start(
                &client(true, "http://localhost"),
                &attempt,
                NOW,
            )),
            url: "https://accounts.google.com/x".into(),
            here: false,
        });
        assert!(matches!(flow.stage, Stage::AwaitingPaste(_)));
        assert!(!effects.iter().any(|e| matches!(e, Effect::SavePending(_))));
        assert!(effects.iter().any(|e| matches!(e, Effect::OpenInNewTab(_))));

        // A typo keeps the flow; a wrong state is refused and keeps it too.
        let (flow, _) = paste(flow, "?code=a&code=b", NOW);
        assert!(matches!(flow.stage, Stage::AwaitingPaste(_)));
        let (flow, effects) = paste(flow, "http://localhost/?code=4/0Ab&state=other", NOW);
        assert!(matches!(flow.stage, Stage::AwaitingPaste(_)));
        assert!(exchange_of(&effects).is_none());
        // A bare code is the user's own choice.
        let (flow, effects) = paste(flow, "4/0Ab", NOW);
        assert!(flow.is_exchanging());
        let body = exchange_of(&effects).unwrap().request.body();
        assert!(body.expose().contains(attempt.verifier.expose()));
        assert!(body
            .expose()
            .contains("redirect_uri=http%3A%2F%2Flocalhost"));
    }

    #[test]
    fn a_pasted_code_after_ten_minutes_is_refused() {
        let attempt = Attempt::generate().unwrap();
        let (flow, _) = Flow::default().step(Event::Copied {
            pending: pending(&attempt, true),
        });
        let (flow, effects) = paste(flow, "4/0Ab", NOW + 10.5 * 60_000.0);
        assert!(exchange_of(&effects).is_none() && forgets(&effects));
        assert!(matches!(flow.stage, Stage::Idle));
    }

    #[test]
    fn a_copied_url_saves_a_record_without_the_secret() {
        let attempt = Attempt::generate().unwrap();
        let (flow, effects) = Flow::default().step(Event::Copied {
            pending: pending(&attempt, true),
        });
        let record = saved_record(&effects);
        assert!(!record.contains(SECRET));
        assert!(matches!(flow.stage, Stage::AwaitingPaste(_)));
        // Opened in this very tab, it asks for the secret on return.
        let query = format!("?code=4/0Ab&state={}", attempt.state.as_str());
        let (flow, _) = load(&query, Some(record), NOW);
        assert!(matches!(flow.stage, Stage::AwaitingSecret { .. }));
        // Storage refused for a copy: pasting still works.
        let (flow, _) = Flow::default().step(Event::Copied {
            pending: pending(&attempt, true),
        });
        let (flow, _) = flow.step(Event::Saved(Err(())));
        assert!(matches!(flow.stage, Stage::AwaitingPaste(_)) && said(&flow).is_some());
    }

    #[test]
    fn a_pasted_code_without_a_pending_flow_is_refused() {
        for stage in [Stage::Idle, Stage::Done, Stage::Failed] {
            let (flow, effects) = paste(Flow::at(stage, None), "4/0Ab", NOW);
            assert!(exchange_of(&effects).is_none());
            assert!(said(&flow)
                .unwrap()
                .what
                .contains("No sign-in of this tab is waiting"));
        }
    }

    #[test]
    fn events_out_of_place_change_nothing() {
        let (flow, effects) = Flow::default().step(Event::Saved(Ok(())));
        assert!(matches!(flow.stage, Stage::Idle) && effects.is_empty());
        let (flow, effects) = flow.step(tokens_arrived());
        assert!(matches!(flow.stage, Stage::Idle) && effects.is_empty());
        let (flow, effects) = flow.step(Event::SecretGiven(Ok(None)));
        assert!(matches!(flow.stage, Stage::Idle) && effects.is_empty());
        // A paste while a code is at the token endpoint is not a second exchange.
        let (flow, effects) = paste(Flow::at(Stage::Exchanging, None), "4/0Ab", NOW);
        assert!(flow.is_exchanging() && effects.is_empty());
    }
}
