//! Property tests of the sign-in state machine: random sequences of what a user, the browser
//! and the provider can do, run against a model of the tab's `sessionStorage`. Whatever the
//! order, a record holding the client secret exists only while the browser is leaving for
//! consent, no code is exchanged without a matching record of a sign-in this tab started (a
//! redirect with its `state`, a paste while its manual sign-in waits), and the browser leaves
//! only once the record is written.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use refresh_token_helper::form::Settings;
use refresh_token_helper::oauth::{
    callback_from_query, parse_callback, parse_token_response, Attempt, ClientSecret, Effect,
    Event, Flow, PendingFlow, Received, RedirectUri, Secret, Stage, TokenFailure,
};

const SECRET: &str = "GOCSPX-property-secret";
const MINUTE: f64 = 60_000.0;

#[derive(Debug, Clone, Copy)]
enum Query {
    Plain,
    ThisState,
    OtherState,
    NoState,
    OtherIssuer,
    Malformed,
    Denied,
}

#[derive(Debug, Clone)]
enum Step {
    Load(Query),
    Go { here: bool, keep: bool },
    Copy { keep: bool },
    NavigationFails,
    Resume,
    Paste(Query),
    PasteBare,
    GiveSecret(bool),
    Answer(bool),
    Wait(u8),
    StorageWorks(bool),
}

fn query() -> impl Strategy<Value = Query> {
    prop_oneof![
        Just(Query::Plain),
        Just(Query::ThisState),
        Just(Query::OtherState),
        Just(Query::NoState),
        Just(Query::OtherIssuer),
        Just(Query::Malformed),
        Just(Query::Denied),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => query().prop_map(Step::Load),
        3 => (any::<bool>(), any::<bool>()).prop_map(|(here, keep)| Step::Go { here, keep }),
        1 => any::<bool>().prop_map(|keep| Step::Copy { keep }),
        1 => Just(Step::NavigationFails),
        1 => Just(Step::Resume),
        2 => query().prop_map(Step::Paste),
        1 => Just(Step::PasteBare),
        1 => any::<bool>().prop_map(Step::GiveSecret),
        2 => any::<bool>().prop_map(Step::Answer),
        1 => (0u8..15).prop_map(Step::Wait),
        1 => any::<bool>().prop_map(Step::StorageWorks),
    ]
}

/// One tab: the page's flow, its storage, its clock.
struct Tab {
    flow: Flow,
    storage: Option<String>,
    storage_works: bool,
    now: f64,
    /// The `state` of the newest consent URL.
    last_state: Option<String>,
    /// The PKCE verifiers of every sign-in this tab started.
    verifiers: Vec<String>,
    exchanges: usize,
}

/// The `state` and PKCE verifier of the sign-in of this tab's that a stage waits on.
fn waiting_sign_in(stage: &Stage) -> Option<(String, Option<String>)> {
    let pending = match stage {
        Stage::AwaitingPaste(p) => p,
        Stage::AwaitingSecret { pending, .. } => pending,
        _ => return None,
    };
    Some((
        pending.state.as_str().to_owned(),
        pending.verifier.as_ref().map(|v| v.expose().to_owned()),
    ))
}

fn client(keep: bool, here: bool) -> refresh_token_helper::oauth::ValidClient {
    Settings {
        client_id: "cid.apps.googleusercontent.com".into(),
        keep_secret: keep,
        redirect_override: if here { "" } else { "http://localhost" }.into(),
        ..Settings::default()
    }
    .validate(
        Some(&RedirectUri::parse("http://127.0.0.1:8080/").unwrap()),
        SECRET,
    )
    .unwrap()
}

impl Tab {
    fn query_text(&self, q: Query) -> String {
        let state = self.last_state.clone().unwrap_or_else(|| "none-yet".into());
        match q {
            Query::Plain => String::new(),
            Query::ThisState => format!("?code=4/0Ab&state={state}"),
            Query::OtherState => "?code=4/0Ab&state=someone-elses".into(),
            Query::NoState => "?code=4/0Ab".into(),
            Query::OtherIssuer => {
                format!("?code=4/0Ab&state={state}&iss=https%3A%2F%2Fevil.example")
            }
            Query::Malformed => "?code=a&code=b".into(),
            Query::Denied => format!("?error=access_denied&state={state}"),
        }
    }

    fn send(&mut self, event: Event) {
        let flow = std::mem::take(&mut self.flow);
        // Which events may lead to an exchange, and for which sign-in: a load answers the
        // stored record (checked in `run`), a paste or a secret the sign-in this tab waits on.
        // A pasted address that names a `state` must name that sign-in's.
        let bound = match &event {
            Event::Loaded { stored, now_ms, .. } => stored
                .as_ref()
                .ok()
                .and_then(Option::as_deref)
                .and_then(|json| PendingFlow::from_record(json, *now_ms).ok())
                .map(|p| {
                    (
                        p.state.as_str().to_owned(),
                        p.verifier.as_ref().map(|v| v.expose().to_owned()),
                    )
                }),
            Event::Pasted { .. } | Event::SecretGiven(_) => waiting_sign_in(&flow.stage),
            _ => None,
        };
        let pasted_state = match &event {
            Event::Pasted {
                callback: Ok(callback),
                ..
            } => callback.state().map(|s| s.as_str().to_owned()),
            _ => None,
        };
        let (flow, effects) = flow.step(event);
        self.flow = flow;
        for effect in effects {
            match effect {
                Effect::SavePending(json) => {
                    let saved = if self.storage_works {
                        self.storage = Some(json.expose().to_owned());
                        Ok(())
                    } else {
                        Err(())
                    };
                    self.send(Event::Saved(saved));
                }
                // A full or refused storage still deletes.
                Effect::ForgetPending => self.storage = None,
                Effect::Navigate(_) => assert!(
                    self.storage.is_some(),
                    "the browser leaves only once the record is written"
                ),
                Effect::Exchange(exchange) => {
                    let (state, verifier) = bound
                        .clone()
                        .expect("an exchange without a sign-in of this tab's");
                    if let Some(pasted) = &pasted_state {
                        assert_eq!(pasted, &state, "a pasted code of another sign-in");
                    }
                    let verifier = verifier.expect("the Google build always uses PKCE");
                    assert!(self.verifiers.contains(&verifier));
                    assert!(
                        exchange
                            .request
                            .body()
                            .expose()
                            .contains(&format!("code_verifier={verifier}")),
                        "an exchange without the verifier of its sign-in"
                    );
                    self.exchanges += 1;
                }
                Effect::StripQuery | Effect::OpenInNewTab(_) | Effect::RestoreForm(_) => {}
            }
        }
    }

    fn run(&mut self, step: Step) {
        match step {
            Step::Load(q) => {
                // A load is a new page: nothing of the old one survives but storage.
                self.flow = Flow::default();
                let text = self.query_text(q);
                let stored = if self.storage_works {
                    Ok(self.storage.clone())
                } else {
                    Err(())
                };
                let live_state = self.storage.as_deref().and_then(|json| {
                    PendingFlow::from_record(json, self.now)
                        .ok()
                        .map(|p| p.state.as_str().to_owned())
                });
                let before = self.exchanges;
                self.send(Event::Loaded {
                    query: callback_from_query(&text),
                    stored,
                    now_ms: self.now,
                });
                if self.exchanges > before {
                    let sent_state =
                        url::form_urlencoded::parse(text.trim_start_matches('?').as_bytes())
                            .find(|(k, _)| k == "state")
                            .map(|(_, v)| v.into_owned());
                    assert!(
                        live_state.is_some() && sent_state == live_state && self.storage_works,
                        "a redirect was exchanged without this tab's state: {text}"
                    );
                    assert!(
                        !text.contains("evil.example"),
                        "a code from another issuer was exchanged"
                    );
                }
            }
            Step::Go { here, keep } => {
                let attempt = Attempt::generate().unwrap();
                self.last_state = Some(attempt.state.as_str().to_owned());
                self.verifiers.push(attempt.verifier.expose().to_owned());
                let pending = Box::new(PendingFlow::start(&client(keep, here), &attempt, self.now));
                self.send(Event::Go {
                    pending,
                    url: "https://accounts.google.com/o/oauth2/v2/auth".into(),
                    here,
                });
            }
            Step::Copy { keep, .. } => {
                let attempt = Attempt::generate().unwrap();
                self.last_state = Some(attempt.state.as_str().to_owned());
                self.verifiers.push(attempt.verifier.expose().to_owned());
                let pending = Box::new(PendingFlow::start(&client(keep, true), &attempt, self.now));
                self.send(Event::Copied { pending });
            }
            Step::NavigationFails => self.send(Event::NavigationFailed("refused".into())),
            Step::Resume => self.send(Event::Resumed),
            Step::Paste(q) => {
                let text = format!("http://localhost/{}", self.query_text(q));
                self.send(Event::Pasted {
                    callback: parse_callback(&text),
                    now_ms: self.now,
                });
            }
            Step::PasteBare => self.send(Event::Pasted {
                callback: parse_callback("4/0Ab"),
                now_ms: self.now,
            }),
            Step::GiveSecret(given) => self.send(Event::SecretGiven(Ok(
                given.then(|| ClientSecret::parse(SECRET).unwrap())
            ))),
            Step::Answer(tokens) => self.send(Event::Answered(if tokens {
                let body = r#"{"access_token":"ya29.a","token_type":"Bearer"}"#;
                Ok(Box::new(Received {
                    response: parse_token_response(200, body).unwrap(),
                    body: Secret::new(body),
                    status: 200,
                    at_ms: self.now,
                }))
            } else {
                Err(TokenFailure::TimedOut { seconds: 30 })
            })),
            Step::Wait(minutes) => self.now += f64::from(minutes) * MINUTE,
            Step::StorageWorks(works) => self.storage_works = works,
        }
    }

    fn check(&self) {
        let secret_stored = self.storage.as_deref().is_some_and(|s| s.contains(SECRET));
        let leaving = matches!(self.flow.stage, Stage::Saving { .. } | Stage::Redirecting);
        assert!(
            !secret_stored || leaving,
            "a record with the secret outlived its use: stage {:?}",
            self.flow.stage
        );
        if matches!(self.flow.stage, Stage::Done | Stage::Failed | Stage::Idle) {
            assert!(!secret_stored);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_sequence_leaves_a_secret_behind_or_exchanges_a_code_this_tab_did_not_ask_for(
        steps in proptest::collection::vec(step(), 1..40)
    ) {
        let mut tab = Tab {
            flow: Flow::default(),
            storage: None,
            storage_works: true,
            now: 1_800_000_000_000.0,
            last_state: None,
            verifiers: Vec::new(),
            exchanges: 0,
        };
        for step in steps {
            tab.run(step);
            tab.check();
        }
    }
}
