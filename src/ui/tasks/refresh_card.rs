//! The "Check a refresh token" task: the refresh grant ADF runs, without a sign-in.

use leptos::prelude::*;

use crate::messages::Explanation;
use crate::oauth::{Received, TokenFailure};
use crate::ui::kit::countdown::Countdown;
use crate::ui::kit::error_panel::ErrorPanel;
use crate::ui::kit::field::{described_by, Labelled};
use crate::ui::kit::secret_field::SecretField;
use crate::ui::kit::token_value::TokenValue;
use crate::ui::state::form::use_form;
use crate::ui::state::status::use_status;
use crate::ui::state::tokens::{form_target, use_tokens};

/// "I already have a refresh token": the refresh grant, exactly what Azure Data Factory does
/// with the token, reachable without the consent flow.
#[component]
pub fn RefreshCard() -> impl IntoView {
    let form = use_form();
    let tokens = use_tokens();
    let status = use_status();
    let settings = form.settings;
    let problem = RwSignal::new(None::<Explanation>);
    let refresh = tokens.refresh;
    let busy = refresh.pending();
    let submit = move |_| {
        problem.set(None);
        // This card is the form's own: its client and provider, whoever issued other tokens.
        match form_target(&form).and_then(|t| tokens.refresh_request(t)) {
            Ok(request) => {
                refresh.dispatch(request);
            }
            Err(e) => {
                status.say(e.what.clone());
                problem.set(Some(e));
            }
        }
    };
    let result = move || refresh.value().get();
    view! {
        <section class="card" aria-labelledby="refresh-title" data-testid=crate::testids::REFRESH_CARD>
            <h2 id="refresh-title">"I already have a refresh token"</h2>
            <p>
                "Check a refresh token the way Azure Data Factory uses it: trade it for a new "
                "access token (a POST with grant_type=refresh_token)."
            </p>
            <Labelled id=crate::testids::REFRESH_CLIENT_ID label="Client ID">
                <input
                    id=crate::testids::REFRESH_CLIENT_ID
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    data-testid=crate::testids::REFRESH_CLIENT_ID
                    aria-describedby=described_by(crate::testids::REFRESH_CLIENT_ID)
                    prop:value=move || settings.read().client_id.clone()
                    on:input=move |ev| settings.update(|s| s.client_id = event_target_value(&ev))
                />
            </Labelled>
            <SecretField id=crate::testids::REFRESH_CLIENT_SECRET label="Client secret" value=form.secret testid=crate::testids::REFRESH_CLIENT_SECRET />
            <SecretField id=crate::testids::REFRESH_TOKEN_INPUT label="Refresh token" value=tokens.refresh_input testid=crate::testids::REFRESH_TOKEN_INPUT />
            <button type="button" class="primary" data-testid=crate::testids::REFRESH_NOW on:click=submit disabled=move || busy.get()>
                {move || if busy.get() { "Refreshing…" } else { "Get a new access token" }}
            </button>
            {move || problem.get().map(|e| view! { <ErrorPanel explanation=e testid=crate::testids::REFRESH_ERROR /> })}
            {move || result().map(|r| match r {
                Ok(received) => view! { <RefreshResult received=received /> }.into_any(),
                Err(failure) => failure_panel(failure).into_any(),
            })}
        </section>
    }
}

fn failure_panel(failure: TokenFailure) -> impl IntoView {
    view! { <ErrorPanel explanation=crate::messages::refresh_failure(&failure) raw=failure.raw().unwrap_or_default() testid=crate::testids::REFRESH_ERROR /> }
}

#[component]
fn RefreshResult(received: Received) -> impl IntoView {
    let response = received.response;
    let expires_at = response
        .expires_in
        .map(|s| received.at_ms + s as f64 * 1000.0);
    view! {
        <div class="result" data-testid=crate::testids::REFRESH_RESULT>
            <p><strong>"The refresh token works."</strong>" A new access token:"</p>
            <TokenValue secret=response.access_token.secret().clone() what="new access token" testid=crate::testids::REFRESHED_ACCESS_TOKEN />
            <dl class="facts">
                <dt>"Expiry"</dt>
                <dd>{expires_at.map(|at| view! { <Countdown expires_at_ms=at testid=crate::testids::REFRESHED_EXPIRY /> })}</dd>
                <dt>"Scopes"</dt>
                <dd data-testid=crate::testids::REFRESHED_SCOPE>{response.scope.map(|s| s.to_param()).unwrap_or_else(|| "not stated".into())}</dd>
            </dl>
        </div>
    }
}
