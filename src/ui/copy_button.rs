use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::clipboard;

/// A button that copies a text and says so ("Copied") in a live region.
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
) -> impl IntoView {
    let said = RwSignal::new(String::new());
    let copy = move |_| {
        let value = text.get_untracked();
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
