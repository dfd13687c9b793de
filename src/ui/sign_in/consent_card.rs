//! Step 3, "Consent": the consent URL, each parameter explained, and the button that goes there.

use leptos::prelude::*;

use crate::messages::parameter_meaning;
use crate::messages::{explain, Situation};
use crate::ui::kit::copy_button::CopyButton;
use crate::ui::kit::error_panel::{ErrorPanel, NoticePanel};
use crate::ui::kit::rich_text::rich_text;
use crate::ui::state::flow_controller::{use_flow, Place};
use crate::ui::state::form::use_form;

/// Step 3: the consent URL, explained, and the button that goes there.
#[component]
pub fn ConsentCard() -> impl IntoView {
    let form = use_form();
    let flow = use_flow();
    let url = Signal::derive(move || flow.consent_url());
    // A problem before leaving (storage refused, navigation refused) shows here.
    let error = move || {
        (flow.place.get() == Place::Consent)
            .then(|| {
                flow.flow
                    .with(|f| f.problem.as_ref().map(crate::messages::explain_problem))
            })
            .flatten()
    };
    let parameters = move || {
        url.get()
            .and_then(|u| crate::weburl::WebUrl::parse(&u).ok())
            .map(|u| {
                u.query_pairs()
                    .map(|(k, v)| (k.into_owned(), v.into_owned()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    view! {
        <section class="card" aria-labelledby="consent-title" data-testid=crate::testids::CONSENT_CARD>
            <h2 id="consent-title">"3. Consent"</h2>
            {move || form.valid.get().err().map(|problems| view! {
                    <div class="todo" data-testid=crate::testids::CONSENT_BLOCKED>
                        <p>"Before the consent URL can be made:"</p>
                        <ul>
                            {problems.into_iter().map(|p| crate::messages::field_problem(&p.error)).map(|e| view! { <li>{rich_text(&e.what)}" "{rich_text(&e.fix)}</li> }).collect_view()}
                        </ul>
                    </div>
            })}
            // The step's action first: on a phone the address and its parameters run long.
            <p class="hint" data-testid=crate::testids::SENDS_TO>
                {move || form.valid.with(|v| v.as_ref().ok().map(|c| format!(
                    "The code{} will be sent to {} only.",
                    if c.client_secret.is_some() { " and your client secret" } else { "" },
                    c.provider.token_host()
                )))}
            </p>
            {move || form.valid.with(|v| {
                let p = &v.as_ref().ok()?.provider;
                p.token_host_elsewhere().then(|| {
                    let host = |e: &crate::oauth::Endpoint| e.url().host_str().unwrap_or_default().to_owned();
                    explain(Situation::TokenHostElsewhere {
                        authorization: &host(&p.authorization),
                        token: &host(&p.token),
                    })
                })
            }).map(|e| view! { <NoticePanel explanation=e testid=crate::testids::TOKEN_ELSEWHERE /> })}
            <button
                type="button"
                class="primary"
                data-testid=crate::testids::GO_TO_CONSENT
                disabled=move || url.get().is_none()
                on:click=move |_| flow.go()
            >
                "Go to consent"
            </button>
            {move || error().map(|e| view! { <ErrorPanel explanation=e testid=crate::testids::CONSENT_ERROR /> })}
            {move || form.valid.get().is_ok().then(|| view! {
                    <div>
                        <p>"The address “Go to consent” opens. Each parameter, and why it is there:"</p>
                        // A copied URL may come back into this tab: its sign-in is saved first.
                        <div class="with-button" on:click=move |_| flow.copied()>
                            <code class="consent-url" data-testid=crate::testids::CONSENT_URL>{move || url.get().unwrap_or_default()}</code>
                            <CopyButton text=Signal::derive(move || url.get().unwrap_or_default()) what="consent URL" testid=crate::testids::COPY_CONSENT_URL />
                        </div>
                        <table class="params" data-testid=crate::testids::CONSENT_PARAMS>
                            <thead><tr><th scope="col">"Parameter"</th><th scope="col">"Value"</th><th scope="col">"What it does"</th></tr></thead>
                            <tbody>
                                {move || parameters().into_iter().map(|(k, v)| {
                                    let meaning = parameter_meaning(&k).unwrap_or("Part of the provider's endpoint address.");
                                    view! { <tr><th scope="row"><code>{k}</code></th><td><code>{v}</code></td><td>{rich_text(meaning)}</td></tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                })}
        </section>
    }
}
