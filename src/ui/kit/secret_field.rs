//! A labelled password input with its Reveal toggle; the value lives only in memory.

use leptos::prelude::*;

use crate::oauth::Secret;
use crate::ui::kit::field::{described_by, Labelled};

/// A labelled password input with a Reveal toggle. The value lives only in memory.
#[component]
pub fn SecretField(
    /// The input's `id`, tied to its label.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The value, as typed, held as a [`Secret`] (redacted in `Debug`, wiped when replaced).
    value: RwSignal<Secret>,
    /// `data-testid` of the input; the toggle gets the same with `-reveal`.
    #[prop(into)]
    testid: String,
    /// A problem to show under the field.
    #[prop(optional, into)]
    problem: Signal<Option<String>>,
    /// A short help text under the field.
    #[prop(optional, into)]
    hint: Option<String>,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    let reveal_testid = crate::testids::reveal_of(&testid);
    let described = described_by(&id);
    let hint = hint.unwrap_or_default();
    // The button's name says which field: a task can show two secret fields.
    let whose = format!(" {label}");
    view! {
        <Labelled id=id.clone() label=label hint=hint problem=problem>
            <div class="with-button">
                <input
                    id=id
                    type=move || if shown.get() { "text" } else { "password" }
                    autocomplete="off"
                    spellcheck="false"
                    data-testid=testid
                    aria-describedby=described
                    aria-invalid=move || problem.get().is_some().to_string()
                    prop:value=move || value.read().expose().to_owned()
                    on:input=move |ev| value.set(Secret::new(event_target_value(&ev)))
                />
                <button
                    type="button"
                    class="secondary"
                    aria-pressed=move || shown.get().to_string()
                    data-testid=reveal_testid
                    on:click=move |_| shown.update(|s| *s = !*s)
                >
                    {move || if shown.get() { "Hide" } else { "Reveal" }}
                    <span class="visually-hidden">{whose}</span>
                </button>
            </div>
        </Labelled>
    }
}
