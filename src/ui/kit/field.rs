//! The one way a labelled control is laid out: its label, the control, a hint and a problem,
//! tied together by ids (`{id}-hint`, `{id}-problem`) so screen readers read all three.

use leptos::prelude::*;

/// What a control inside a [`Labelled`] names in `aria-describedby`.
pub fn described_by(id: &str) -> String {
    format!("{id}-hint {id}-problem")
}

/// A labelled control. The control is the child; it takes `id` and
/// `aria-describedby=described_by(id)`.
#[component]
pub fn Labelled(
    /// The control's `id`, tied to the label.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Help under the control.
    #[prop(optional, into)]
    hint: Signal<String>,
    /// A problem to show under it (announced by the status line where it matters).
    #[prop(optional, into)]
    problem: Signal<Option<String>>,
    /// Anything more between the hint and the problem (a warning, a live note).
    #[prop(optional)]
    note: Option<AnyView>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {children()}
            <p class="hint" id=format!("{id}-hint")>{move || hint.get()}</p>
            {note}
            <p class="problem" id=format!("{id}-problem")>{move || problem.get()}</p>
        </div>
    }
}

/// A labelled one-line text input bound to a signal; its `id` is also its test id.
#[component]
pub fn TextInput(
    id: &'static str,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(optional, into)] hint: Signal<String>,
    #[prop(optional, into)] problem: Signal<Option<String>>,
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    view! {
        <Labelled id=id label=label hint=hint problem=problem>
            <input id=id type="text" autocomplete="off" spellcheck="false" placeholder=placeholder
                data-testid=id aria-describedby=described_by(id)
                aria-invalid=move || problem.get().is_some().to_string()
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        </Labelled>
    }
}
