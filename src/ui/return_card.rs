use leptos::prelude::*;

use super::state::use_shared;
use super::{ErrorPanel, SecretField};

/// The outcome of the return from the provider: progress, the secret prompt when the user
/// chose not to keep it, and every failure explained.
#[component]
pub fn ReturnCard() -> impl IntoView {
    let shared = use_shared();
    let pending = shared.exchange.pending();
    let failure = move || {
        shared
            .exchange
            .value()
            .with(|v| v.as_ref().and_then(|r| r.as_ref().err().cloned()))
    };
    let finish = move |_| {
        let mut taken = None;
        shared.awaiting_secret.update_value(|v| taken = v.take());
        let Some((flow, code)) = taken else { return };
        shared.exchange_pending(&flow, &code);
        if shared.problem.get_untracked().is_some() {
            // Not sent (the secret is missing or malformed): keep the code for another try.
            shared.awaiting_secret.set_value(Some((flow, code)));
        } else {
            shared.needs_secret.set(false);
        }
    };
    let visible = move || {
        pending.get()
            || failure().is_some()
            || shared.problem.read().is_some()
            || shared.needs_secret.get()
    };
    view! {
        <Show when=visible>
            <section class="card" aria-labelledby="return-title" data-testid="return-card">
                <h2 id="return-title">"Back from the provider"</h2>
                <Show when=move || shared.needs_secret.get()>
                    <p>"You chose not to keep the client secret across the redirect. Enter it to finish:"</p>
                    <SecretField id="return-secret" label="Client secret" value=shared.secret testid="return-secret" />
                    <button type="button" class="primary" data-testid="finish-exchange" on:click=finish disabled=move || pending.get()>
                        "Exchange the code"
                    </button>
                </Show>
                <Show when=move || pending.get()>
                    <p class="progress" aria-busy="true" data-testid="exchange-progress">"Exchanging the code for tokens…"</p>
                </Show>
                {move || shared.problem.get().map(|p| view! { <ErrorPanel explanation=p.explanation raw=p.raw.unwrap_or_default() testid="return-problem" /> })}
                {move || failure().map(|f| view! { <ErrorPanel explanation=f.explanation() raw=f.raw().unwrap_or_default() testid="exchange-error" /> })}
            </section>
        </Show>
    }
}
