//! The one switch that reveals or masks the secrets of a text.

use leptos::prelude::*;

/// "Reveal secrets" / "Mask secrets": the one switch beside every text that holds secrets.
#[component]
pub fn RevealToggle(
    /// Whether the secrets are shown.
    reveal: RwSignal<bool>,
    /// `data-testid` of the button.
    testid: &'static str,
    /// Whose secrets, for its accessible name ("the linked service"): the page can hold two.
    of: &'static str,
) -> impl IntoView {
    view! {
        <button type="button" class="secondary" data-testid=testid aria-pressed=move || reveal.get().to_string() on:click=move |_| reveal.update(|r| *r = !*r)>
            {move || if reveal.get() { "Mask secrets" } else { "Reveal secrets" }}
            <span class="visually-hidden">{format!(" of {of}")}</span>
        </button>
    }
}
