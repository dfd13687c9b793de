//! The "Explain an error" task: paste an error, read what it means and what to do.

use leptos::prelude::*;

use crate::messages::{diagnose, unknown_error, Diagnosis};
use crate::ui::kit::error_panel::{ErrorPanel, NoticePanel};
use crate::ui::kit::field::{described_by, Labelled};

/// "Paste an error": any error text from Google's pages, the token endpoint, Azure Data
/// Factory or the Google APIs, explained — or said plainly to be unknown. Nothing is sent.
#[component]
pub fn DiagnoseCard() -> impl IntoView {
    let pasted = RwSignal::new(String::new());
    // `None`: not asked yet; `Some(None)`: asked, and the text is not one this page knows.
    let answer = RwSignal::new(None);
    view! {
        <section class="card" aria-labelledby="diagnose-title" data-testid=crate::testids::DIAGNOSE_CARD>
            <h2 id="diagnose-title">"Paste an error"</h2>
            <Labelled id="diagnose-input" label="An error from Google's sign-in page, the token endpoint, Azure Data Factory, BigQuery or Google Ads"
                hint="Read here, in this page only: nothing is sent anywhere.">
                <textarea
                    id="diagnose-input"
                    aria-describedby=described_by("diagnose-input")
                    rows="3"
                    spellcheck="false"
                    autocomplete="off"
                    data-testid=crate::testids::DIAGNOSE_INPUT
                    prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))
                ></textarea>
            </Labelled>
            <button type="button" class="secondary" data-testid=crate::testids::DIAGNOSE on:click=move |_| answer.set(Some(diagnose(&pasted.get_untracked())))>
                "Explain"
            </button>
            <div aria-live="polite">
                {move || answer.get().map(|a| match a {
                    Some(Diagnosis { read_as, explanation }) => view! {
                        <p class="hint" data-testid=crate::testids::DIAGNOSE_READ_AS>{format!("Read as {read_as}.")}</p>
                        <ErrorPanel explanation=explanation testid=crate::testids::DIAGNOSE_RESULT />
                    }.into_any(),
                    // Not known is not good news: a notice, with where to look next.
                    None => view! { <NoticePanel explanation=unknown_error() testid=crate::testids::DIAGNOSE_RESULT /> }.into_any(),
                })}
            </div>
        </section>
    }
}
