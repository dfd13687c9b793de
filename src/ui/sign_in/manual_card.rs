//! The manual path of step 3: paste the address the browser ended on and exchange its code.

use leptos::prelude::*;

use crate::oauth::Stage;
use crate::ui::kit::error_panel::ErrorPanel;
use crate::ui::kit::field::{described_by, Labelled};
use crate::ui::state::flow_controller::{use_flow, Place};

/// The manual path: paste the address the browser ended on (or the bare code) and exchange it.
#[component]
pub fn ManualCard() -> impl IntoView {
    let flow = use_flow();
    let pasted = RwSignal::new(String::new());
    let busy = move || flow.flow.with(|f| f.is_exchanging());
    let awaiting_paste = move || {
        flow.flow
            .with(|f| matches!(f.stage, Stage::AwaitingPaste(_)))
    };
    let problem = move || {
        (flow.place.get() == Place::Paste)
            .then(|| {
                flow.flow
                    .with(|f| f.problem.as_ref().map(crate::messages::explain_problem))
            })
            .flatten()
    };
    let exchange = move |_| {
        flow.paste(&pasted.get_untracked());
        if flow.flow.with_untracked(|f| f.problem.is_none()) {
            pasted.set(String::new());
        }
    };
    view! {
        // Folded unless the sign-in waits for a paste or a paste went wrong: most sign-ins
        // come back by themselves.
        <details class="card manual" data-testid=crate::testids::MANUAL_CARD open=move || awaiting_paste() || problem().is_some()>
            <summary data-testid=crate::testids::MANUAL_CARD_SUMMARY><h2 id="manual-title">"Or paste the redirect by hand"</h2></summary>
            <Show when=awaiting_paste>
                <p class="notice" data-testid=crate::testids::AWAITING_PASTE>
                    "This tab keeps the sign-in (its state and PKCE verifier) in memory: paste the "
                    "address the consent screen ends on here, within 10 minutes."
                </p>
            </Show>
            <Labelled id="callback-input" label="The address you landed on after consent, or just the code"
                hint="With the redirect URI http://localhost and nothing listening there, the browser shows an error page: its address bar holds the code. A code works once, for a few minutes.">
                <textarea
                    id="callback-input"
                    aria-describedby=described_by("callback-input")
                    rows="3"
                    spellcheck="false"
                    autocomplete="off"
                    data-testid=crate::testids::CALLBACK_INPUT
                    placeholder="http://localhost/?state=…&code=4/0A…&scope=…"
                    prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))
                ></textarea>
            </Labelled>
            <button type="button" class="primary" data-testid=crate::testids::EXCHANGE_PASTED on:click=exchange disabled=busy>
                "Exchange"
            </button>
            {move || problem().map(|e| view! { <ErrorPanel explanation=e testid=crate::testids::MANUAL_ERROR /> })}
        </details>
    }
}
