//! "The exchange, raw": every request the page made and every answer, masked until revealed.

use leptos::prelude::*;

use crate::export::raw::http_text;
use crate::ui::kit::copy_button::CopyButton;
use crate::ui::kit::reveal_toggle::RevealToggle;
use crate::ui::state::requests::use_log;

/// The exchange, raw: every request the page made and every answer, in order. Its text is
/// built only while shown, so a request's answer does not wait for it.
#[component]
pub fn ExchangeLog() -> impl IntoView {
    let log = use_log();
    let reveal = RwSignal::new(false);
    let shown = RwSignal::new(false);
    let text = Signal::derive(move || {
        let reveal = reveal.get();
        log.read()
            .iter()
            .map(|e| http_text(&e.sent, &e.received, reveal))
            .collect::<Vec<_>>()
            .join("\n\n────────\n\n")
    });
    view! {
        <Show when=move || !log.read().is_empty()>
            <section class="card" aria-labelledby="log-title" data-testid=crate::testids::EXCHANGE_LOG>
                <h2 id="log-title">"The exchange, raw"</h2>
                <p>"Every request this page made, and every answer, in order. Secrets are masked until you reveal them."</p>
                <div class="actions">
                    <button type="button" class="secondary" data-testid=crate::testids::LOG_SHOW aria-expanded=move || shown.get().to_string() aria-controls="log-body" on:click=move |_| shown.update(|s| *s = !*s)>
                        {move || if shown.get() { "Hide the requests" } else { "Show the requests" }}
                    </button>
                </div>
                <div id="log-body">
                    <Show when=move || shown.get()>
                        <div class="actions">
                            <RevealToggle reveal=reveal testid=crate::testids::LOG_REVEAL of="the exchange" />
                            <CopyButton text=text what="exchange log" testid=crate::testids::LOG_COPY />
                        </div>
                        <pre data-testid=crate::testids::LOG_TEXT>{move || text.get()}</pre>
                    </Show>
                </div>
            </section>
        </Show>
    }
}
