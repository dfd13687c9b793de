//! Back from the provider: the exchange's progress, the secret prompt, and every refusal explained.

use leptos::prelude::*;

use crate::messages::{explain_problem, token_failure};
use crate::oauth::{Problem, Stage};
use crate::ui::kit::error_panel::ErrorPanel;
use crate::ui::kit::secret_field::SecretField;
use crate::ui::state::flow_controller::{use_flow, Place};
use crate::ui::state::form::use_form;

/// The outcome of the return from the provider: progress, the secret prompt when the user
/// chose not to keep it, and every failure explained.
#[component]
pub fn ReturnCard() -> impl IntoView {
    let flow = use_flow();
    let form = use_form();
    let exchanging = move || flow.flow.with(|f| f.is_exchanging());
    let needs_secret = move || {
        flow.flow
            .with(|f| matches!(f.stage, Stage::AwaitingSecret { .. }))
    };
    // Said for what happened: the user unticked "keep", or typed no secret at all.
    let withheld = move || {
        flow.flow.with(|f| {
            matches!(&f.stage, Stage::AwaitingSecret { pending, .. } if pending.secret_withheld)
        })
    };
    // One channel: the flow's problem, where the user acted last.
    // A stray arrival's refusal is shown above the steps (`StrayArrival`), not here.
    let problem = move || {
        (flow.place.get() == Place::Return)
            .then(|| flow.flow.with(|f| f.problem.clone()))
            .flatten()
            .filter(|p| !p.is_stray())
    };
    let visible = move || exchanging() || needs_secret() || problem().is_some();
    // Hidden, not unmounted: the end of an exchange only flips attributes, so the tokens
    // reach the screen sooner.
    view! {
        <section class="card" aria-labelledby="return-title" data-testid=crate::testids::RETURN_CARD hidden=move || !visible()>
            <h2 id="return-title">"Back from the provider"</h2>
            <Show when=needs_secret>
                <p data-testid=crate::testids::RETURN_SECRET_WHY>{move || if withheld() {
                    "You chose not to keep the client secret across the redirect. Enter it to finish:"
                } else {
                    "The token endpoint needs the client secret, and none was typed before consent. Enter it to finish:"
                }}</p>
                <SecretField id=crate::testids::RETURN_SECRET label="Client secret" value=form.secret testid=crate::testids::RETURN_SECRET />
                <button type="button" class="primary" data-testid=crate::testids::FINISH_EXCHANGE on:click=move |_| flow.give_secret() disabled=exchanging>
                    "Exchange the code"
                </button>
            </Show>
            <p class="progress" aria-busy="true" data-testid=crate::testids::EXCHANGE_PROGRESS hidden=move || !exchanging()>"Exchanging the code for tokens…"</p>
            {move || problem().map(|p| match p {
                // No tokens from the token endpoint: its answer beside the explanation.
                Problem::Exchange(f) => view! { <ErrorPanel explanation=token_failure(&f) raw=f.raw().unwrap_or_default() testid=crate::testids::EXCHANGE_ERROR /> }.into_any(),
                p => view! { <ErrorPanel explanation=explain_problem(&p) testid=crate::testids::RETURN_PROBLEM /> }.into_any(),
            })}
        </section>
    }
}

/// An arrival this tab did not start, refused above the steps: the refusal, and the page left
/// on the step the user was on, with nothing of theirs marked wrong.
#[component]
pub fn StrayArrival() -> impl IntoView {
    let flow = use_flow();
    let stray = move || {
        (flow.place.get() == Place::Return)
            .then(|| flow.flow.with(|f| f.problem.clone()))
            .flatten()
            .filter(Problem::is_stray)
    };
    move || {
        stray().map(|p| view! { <ErrorPanel explanation=explain_problem(&p) testid=crate::testids::RETURN_PROBLEM /> })
    }
}
