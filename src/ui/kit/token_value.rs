//! A token on screen: masked until revealed, copyable either way.

use leptos::prelude::*;

use crate::oauth::Secret;
use crate::ui::kit::copy_button::CopyButton;

/// A token on screen: masked until revealed (screens get shared and recorded), copyable
/// either way.
#[component]
pub fn TokenValue(
    /// The token.
    secret: Secret,
    /// What it is, for labels ("access token").
    #[prop(into)]
    what: String,
    /// `data-testid` of the value; the toggle gets `-reveal`, the copy button `-copy`.
    #[prop(into)]
    testid: String,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    let masked = secret.masked();
    let full = secret.expose().to_owned();
    let copy_text = Signal::stored(full.clone());
    let reveal_id = crate::testids::reveal_of(&testid);
    let copy_id = format!("{testid}-copy");
    view! {
        <div class="token">
            <output class="token-value" data-testid=testid aria-label=what.clone()>
                {move || if shown.get() { full.clone() } else { masked.clone() }}
            </output>
            <div class="buttons">
                <button
                    type="button"
                    class="secondary"
                    aria-pressed=move || shown.get().to_string()
                    data-testid=reveal_id
                    on:click=move |_| shown.update(|s| *s = !*s)
                >
                    {move || if shown.get() { "Hide" } else { "Reveal" }}
                    <span class="visually-hidden">{format!(" {what}")}</span>
                </button>
                <CopyButton text=copy_text what=what testid=copy_id />
            </div>
        </div>
    }
}
