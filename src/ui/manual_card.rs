use leptos::prelude::*;

use super::state::use_shared;
use super::ErrorPanel;
use crate::browser::storage::{self, Area, PENDING_FLOW_KEY};
use crate::oauth::{explain, on_return, parse_callback, PendingFlow, Return, Situation};

/// The manual path: paste the address the browser ended on (or the bare code) and exchange it.
#[component]
pub fn ManualCard() -> impl IntoView {
    let shared = use_shared();
    let pasted = RwSignal::new(String::new());
    let error = RwSignal::new(None);
    let busy = shared.exchange.pending();
    let exchange = move |_| {
        error.set(None);
        let callback = match parse_callback(&pasted.get_untracked()) {
            Ok(cb) => cb,
            Err(e) => return error.set(Some(explain(Situation::Callback(&e)))),
        };
        let stored = storage::get(Area::Session, PENDING_FLOW_KEY).ok().flatten();
        let pending = stored.and_then(|json| PendingFlow::from_record(&json).ok());
        match on_return(pending, callback) {
            Return::Denied(d) => error.set(Some(explain(Situation::Denied(&d)))),
            Return::StateMismatch => error.set(Some(explain(Situation::StateMismatch))),
            Return::NoPendingFlow(code) => shared.exchange_with_form(&code),
            Return::Exchange { pending, code } => {
                let _ = storage::remove(Area::Session, PENDING_FLOW_KEY);
                shared.exchange_pending(&pending, &code);
            }
        }
        pasted.set(String::new());
    };
    let exchange_waiting = move |_| {
        if let Some(code) = shared.waiting_code.get_untracked() {
            shared.exchange_with_form(&code);
            if shared.problem.get_untracked().is_none() {
                shared.waiting_code.set(None);
            }
        }
    };
    view! {
        <section class="card" aria-labelledby="manual-title" data-testid="manual-card">
            <h2 id="manual-title">"Or paste the redirect by hand"</h2>
            <Show when=move || shared.waiting_code.read().is_some()>
                <div class="notice" data-testid="waiting-code">
                    <p>
                        "A code arrived and is kept in memory. Fill in the client ID, the client "
                        "secret and, if it was not this page, the redirect URI above, then:"
                    </p>
                    <button type="button" class="primary" data-testid="exchange-waiting-code" on:click=exchange_waiting disabled=move || busy.get()>
                        "Exchange the received code"
                    </button>
                </div>
            </Show>
            <div class="field">
                <label for="callback-input">"The address you landed on after consent, or just the code"</label>
                <textarea
                    id="callback-input"
                    rows="3"
                    spellcheck="false"
                    autocomplete="off"
                    data-testid="callback-input"
                    placeholder="http://localhost/?state=…&code=4/0A…&scope=…"
                    prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))
                ></textarea>
                <p class="hint">
                    "With the redirect URI http://localhost and nothing listening there, the browser "
                    "shows an error page: its address bar holds the code. A code works once, for a few minutes."
                </p>
            </div>
            <button type="button" class="primary" data-testid="exchange-pasted" on:click=exchange disabled=move || busy.get()>
                "Exchange"
            </button>
            {move || error.get().map(|e| view! { <ErrorPanel explanation=e testid="manual-error" /> })}
        </section>
    }
}
