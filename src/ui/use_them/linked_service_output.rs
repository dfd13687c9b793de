//! A linked service on screen, as both of "Use them"'s linked services show it: Reveal and
//! Copy (refused, with the reason, when the JSON would fail in ADF), the card's own actions
//! and notes, then the JSON, or what ADF still needs before it accepts it.

use leptos::prelude::*;

use crate::ui::kit::copy_button::CopyButton;
use crate::ui::kit::reveal_toggle::RevealToggle;
use crate::ui::kit::rich_text::rich_text;

/// The test ids of one linked service's output.
#[derive(Clone, Copy)]
pub struct OutputIds {
    pub reveal: &'static str,
    pub copy: &'static str,
    pub json: &'static str,
    /// The list of what is missing, where the JSON would be.
    pub missing: &'static str,
}

#[component]
pub fn LinkedServiceOutput(
    /// The JSON as shown (masked until revealed), or what is missing, in words.
    #[prop(into)]
    json: Signal<Result<String, Vec<String>>>,
    reveal: RwSignal<bool>,
    /// Whether there is a secret to reveal (Key Vault references hold none).
    #[prop(into)]
    revealable: Signal<bool>,
    /// Why Copy is refused, when it is.
    #[prop(into)]
    not_copied: Signal<Option<String>>,
    ids: OutputIds,
    /// Buttons after Copy.
    #[prop(optional)]
    actions: Option<AnyView>,
    /// Lines between the buttons and the JSON.
    #[prop(optional)]
    notes: Option<AnyView>,
) -> impl IntoView {
    let text = Signal::derive(move || json.get().unwrap_or_default());
    view! {
        <div class="actions">
            <Show when=move || revealable.get()>
                <RevealToggle reveal=reveal testid=ids.reveal of="the linked service" />
            </Show>
            <CopyButton text=text what="linked service JSON" testid=ids.copy refuse=not_copied />
            {actions}
        </div>
        {notes}
        {move || match json.get() {
            Ok(text) => view! { <pre data-testid=ids.json>{text}</pre> }.into_any(),
            Err(problems) => view! {
                <div class="todo" data-testid=ids.missing>
                    <p>"Before Azure Data Factory will accept this linked service:"</p>
                    <ul>{problems.iter().map(|p| view! { <li>{rich_text(p)}</li> }).collect_view()}</ul>
                </div>
            }.into_any(),
        }}
    }
}
