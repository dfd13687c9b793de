//! A service account instead of a refresh token: its JSON key read in memory only, an RS256
//! assertion signed by WebCrypto and exchanged at Google's token endpoint, the access token
//! handed to the checks, and the BigQuery or Google Ads linked service with
//! `ServiceAuthentication`. The
//! key text is wiped when the user leaves the card (a click or focus anywhere outside it),
//! on "Forget the key", and when the page is hidden.

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast as _;

use crate::browser::crypto::sign_rs256;
use crate::browser::file::take_chosen_text;
use crate::browser::time::now_ms;
use crate::google::presets::BIGQUERY;
use crate::google::service_account::{read_key_file, signed_request, unsigned_assertion};
use crate::messages::{
    explain, key_file_problem, service_account_failure, service_account_key_refused,
    service_account_token, Explanation, Situation,
};
use crate::oauth::{Secret, TokenFailure};
use crate::ui::kit::error_panel::ErrorPanel;
use crate::ui::kit::field::{described_by, Labelled, TextInput};
use crate::ui::kit::token_value::TokenValue;
use crate::ui::state::adf_inputs::use_adf;
use crate::ui::state::check::{Checks, Outcome};
use crate::ui::state::form::use_form;
use crate::ui::state::guide::{use_guide, View};
use crate::ui::state::later::one_task_later;
use crate::ui::state::requests::{token_request, use_log};
use crate::ui::state::service_account::use_service_account;
use crate::ui::state::status::use_status;
use crate::ui::state::tokens::use_tokens;

/// What the page holds of the key: its email, key ID and project, or why it cannot be used.
type KeySummary = Option<Result<(String, String, Option<String>), Explanation>>;

fn key_summary(key_text: RwSignal<Secret>) -> Memo<KeySummary> {
    Memo::new(move |_| {
        let text = key_text.read();
        (!text.expose().trim().is_empty()).then(|| {
            read_key_file(text.expose())
                .map(|k| {
                    (
                        k.client_email.clone(),
                        k.private_key_id.clone(),
                        k.project_id.clone(),
                    )
                })
                .map_err(|e| key_file_problem(&e))
        })
    })
}

/// The task's card; `children` is the linked service, shown here until there is a token.
#[component]
pub fn ServiceAccountCard(children: ChildrenFn) -> impl IntoView {
    let form = use_form();
    let tokens = use_tokens();
    let status = use_status();
    let log = use_log();
    let adf = use_adf();
    let card = NodeRef::<leptos::html::Section>::new();
    let sa = use_service_account();
    let guide = use_guide();
    let (key_text, wiped) = (sa.key_text, sa.wiped);
    let scopes = RwSignal::new(BIGQUERY.to_owned());
    let outcome = RwSignal::new(None::<Outcome<(String, Secret)>>);
    let checks = Checks::new(status);
    let key = key_summary(key_text);
    Effect::new(move |_| {
        if let Some(Ok((email, _, _))) = key.get() {
            sa.email.set(email);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok((_, _, Some(project)))) = key.get() {
            if adf.project.read_untracked().trim().is_empty() {
                adf.project.set(project);
            }
        }
    });
    let forget = move || {
        if !key_text.read_untracked().expose().is_empty() {
            key_text.set(Secret::new(String::new()));
            wiped.set(true);
            status.say("The service account key was wiped from this page.");
        }
    };
    // Leaving the card: a pointer or the focus lands outside it and outside its linked
    // service (which "Use it" shows once there is a token).
    let is_outside = move |target: Option<web_sys::EventTarget>| -> bool {
        let node = target.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        // Its linked service, and the tabs of "Use it" that lead there, are the card's too.
        let also_within = [
            format!("[data-testid={}]", crate::testids::SA_EXPORT),
            "[data-testid=use-them] [role=tablist]".to_owned(),
        ];
        let in_part = |css: &String| {
            document()
                .query_selector(css)
                .ok()
                .flatten()
                .is_some_and(|e| e.contains(node.as_ref()))
        };
        card.get_untracked().is_some_and(|section| {
            !(section.contains(node.as_ref()) || also_within.iter().any(in_part))
        })
    };
    // A press outside wipes the key once it is over: wiping at the press would reflow the
    // page under the pointer, and the click would miss what it was aimed at.
    let pressed_outside = StoredValue::new(false);
    let listeners = [
        window_event_listener(ev::pointerdown, move |e| {
            pressed_outside.set_value(is_outside(e.target()));
        }),
        window_event_listener(ev::pointerup, move |_| {
            if pressed_outside.get_value() {
                pressed_outside.set_value(false);
                one_task_later(move || {
                    if !key_text.is_disposed() {
                        forget();
                    }
                });
            }
        }),
        // The focus moved by the keyboard (a press moves it too, and is handled above).
        window_event_listener(ev::focusin, move |e| {
            if !pressed_outside.get_value() && is_outside(e.target()) {
                forget();
            }
        }),
        window_event_listener(ev::pagehide, move |_| forget()),
    ];
    // The key itself goes with the card: a dropped Secret is wiped.
    on_cleanup(move || listeners.into_iter().for_each(|l| l.remove()));

    let from_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        spawn_local(async move {
            if let Some(Ok(text)) = take_chosen_text(&input).await {
                wiped.set(false);
                key_text.set(Secret::new(text));
            }
        });
    };

    let get_token = move |_| {
        let Ok(target) = tokens.target(&form) else {
            return;
        };
        let endpoint = target.provider.token;
        let text = key_text.get_untracked();
        let scope = scopes.get_untracked();
        let says = |o: &Outcome<_>| match o {
            Outcome::Done(_) => "The service account got an access token.",
            _ => "The service account's token request failed.",
        };
        checks.run_saying(outcome, says, async move {
            let result = async {
                let now = (now_ms() / 1000.0) as u64;
                let unsigned = unsigned_assertion(text.expose(), &scope, &endpoint, now)
                    .map_err(|e| service_account_key_refused(&e))?;
                drop(text);
                let signature = sign_rs256(&unsigned.pkcs8_der, unsigned.signing_input.as_bytes())
                    .await
                    .map_err(|e| {
                        explain(Situation::CannotSign {
                            detail: &e.to_string(),
                        })
                    })?;
                let request = signed_request(&endpoint, &unsigned.signing_input, &signature);
                drop(unsigned);
                match token_request(log, request).await {
                    Ok(received) => {
                        let r = &received.response;
                        let first = tokens.access_token.read_untracked().is_none();
                        tokens.access_token.set(Some(r.access_token.clone()));
                        // The token is for the checks: their view opens with the first one.
                        if first {
                            guide.view.set(View::Check);
                        }
                        Ok((
                            service_account_token(r.expires_in),
                            r.access_token.secret().clone(),
                        ))
                    }
                    Err(TokenFailure::Endpoint { error, .. }) => {
                        Err(service_account_failure(&error))
                    }
                    Err(f) => Err(crate::messages::token_failure(&f)),
                }
            }
            .await;
            match result {
                Ok(done) => Outcome::Done(done),
                Err(e) => Outcome::Failed(e),
            }
        });
    };

    view! {
        <section class="card" node_ref=card aria-labelledby="sa-title" data-testid=crate::testids::SA_CARD>
            <h2 id="sa-title">"A service account instead of a refresh token"</h2>
            // On a phone the key and its button come first; why a service account is one click away.
            <details class="why">
                <summary>"Why a service account?"</summary>
                <p>"For BigQuery a service account is often the better choice: no consent screen, so no 7-day limit of an app in Testing and no Workspace session-length policy ends it, and it is nobody's personal account, so ADF keeps working when people leave. Google Ads takes one too, once an admin of the Ads account adds the service account's email as a user, but Azure Data Factory runs it only on a self-hosted integration runtime."</p>
            </details>
            <p class="hint" data-testid=crate::testids::SA_FABRIC>{crate::messages::FABRIC_KEY_WHERE}</p>
            <Labelled id="sa-file" label="The service account's JSON key file">
                <input id="sa-file" type="file" accept=".json,application/json" data-testid=crate::testids::SA_FILE aria-describedby=described_by("sa-file") on:change=from_file />
            </Labelled>
            // The key is read and the box emptied at once: the key is never on screen.
            <Labelled id=crate::testids::SA_TEXT label="Or paste its content" hint="The key stays in this page's memory: never stored, never in the address, never logged. The box empties at once, the summary below says which key the page holds, and the key is wiped as soon as you click or move the focus outside this card and its linked service.">
                <textarea id=crate::testids::SA_TEXT rows="3" spellcheck="false" autocomplete="off" data-testid=crate::testids::SA_TEXT
                    aria-describedby=described_by(crate::testids::SA_TEXT)
                    on:input=move |ev| {
                        let area: web_sys::HtmlTextAreaElement = event_target(&ev);
                        let text = Secret::new(area.value());
                        area.set_value("");
                        wiped.set(false);
                        key_text.set(text);
                    }></textarea>
            </Labelled>
            {move || match key.get() {
                None => wiped.get().then(|| view! { <p class="hint" data-testid=crate::testids::SA_KEY>"The key was wiped. Load it again to get a new access token or to embed it."</p> }.into_any()),
                Some(Ok((email, id, project))) => Some(view! {
                    <p class="result" data-testid=crate::testids::SA_KEY>{format!(
                        "Service account {email}, key {id}{}.",
                        project.map(|p| format!(", project {p}")).unwrap_or_default()
                    )}</p>
                }.into_any()),
                Some(Err(e)) => Some(view! { <ErrorPanel explanation=e testid=crate::testids::SA_KEY /> }.into_any()),
            }}
            <TextInput id=crate::testids::SA_SCOPES label="Scopes" value=scopes />
            <div class="actions">
                <button type="button" class="primary" data-testid=crate::testids::SA_TOKEN on:click=get_token
                    disabled=move || checks.busy() || !matches!(key.get(), Some(Ok(_)))>
                    "Get an access token"
                </button>
                <button type="button" class="secondary" data-testid=crate::testids::SA_FORGET on:click=move |_| forget()>
                    "Forget the key"
                </button>
            </div>
            {move || outcome.get().map(|o| match o.into_result() {
                Ok((text, token)) => view! {
                    <p class="result" data-testid=crate::testids::SA_RESULT>{text}</p>
                    <TokenValue secret=token what="service account's access token" testid=crate::testids::SA_ACCESS_TOKEN />
                }.into_any(),
                Err(e) => view! { <ErrorPanel explanation=e testid=crate::testids::SA_RESULT /> }.into_any(),
            })}
            <Show when=move || tokens.access_token.read().is_none()>
                <h3>"The linked service for this service account"</h3>
                {children()}
            </Show>
            <Show when=move || tokens.access_token.read().is_some()>
                <p class="hint" data-testid=crate::testids::SA_EXPORT_MOVED>"The linked service for this service account is under “Use it” → Azure Data Factory below."</p>
            </Show>
        </section>
    }
}
