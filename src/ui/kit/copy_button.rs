//! A copy button that says "Copied" only when the clipboard took the text.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::clipboard;

/// A button that copies a text and says so ("Copied") in a live region: only once the
/// clipboard took it, never for an empty text or one that must not leave as it is.
#[component]
pub fn CopyButton(
    /// The text to copy, read at click time.
    #[prop(into)]
    text: Signal<String>,
    /// What is copied, for the button's accessible name ("Copy refresh token").
    #[prop(into)]
    what: String,
    /// `data-testid` of the button.
    #[prop(into)]
    testid: String,
    /// Why the text must not be copied now, said instead of copying (nothing is written, so
    /// what the user copied before stays on the clipboard).
    #[prop(optional, into)]
    refuse: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let said = RwSignal::new(String::new());
    let copy = move |_| {
        let value = text.get_untracked();
        let refused = refuse
            .and_then(|r| r.get_untracked())
            .or_else(|| value.is_empty().then(|| "Nothing to copy yet.".to_owned()));
        if let Some(why) = refused {
            said.set(why);
            return;
        }
        spawn_local(async move {
            match clipboard::write_text(&value).await {
                Ok(()) => {
                    said.set("Copied".into());
                    set_timeout(
                        move || said.set(String::new()),
                        std::time::Duration::from_secs(2),
                    );
                }
                Err(e) => said.set(e.to_string()),
            }
        });
    };
    let label = format!("Copy {what}");
    view! {
        <span class="copy">
            <button type="button" class="secondary" on:click=copy data-testid=testid aria-label=label>
                "Copy"
            </button>
            <span class="copy-status" aria-live="polite">{move || said.get()}</span>
        </span>
    }
}
