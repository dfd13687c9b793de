//! The client_secret.json import in step 2: a disclosure whose form is a part fetched when opened.

use leptos::prelude::*;

use crate::ui::state::part_slot::{part, Part};

/// Fills the client from the `client_secret_….json` file Google's console downloads. What the
/// disclosure holds is a part of its own (`crate::ui::parts`), fetched when it is first opened.
#[component]
pub fn ClientFileImport() -> impl IntoView {
    let open = RwSignal::new(false);
    let toggled = move |ev: leptos::ev::Event| {
        open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"));
    };
    view! {
        <details class="import" data-testid=crate::testids::CLIENT_FILE_IMPORT on:toggle=toggled>
            <summary>"Import the client_secret.json file from the console"</summary>
            {part(Part::ClientFile, open)}
        </details>
    }
}
