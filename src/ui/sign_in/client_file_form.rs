//! The client_secret.json import's form, a part of its own (`crate::ui::parts`) that the
//! disclosure in step 2 loads when first opened: pick or paste the file, and what it found.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::file::{take_chosen_text, Unreadable};
use crate::form::ProviderChoice;
use crate::google::client_file::ClientFile;
use crate::messages::{explain, Explanation, Situation};
use crate::ui::kit::error_panel::{ErrorPanel, NoticePanel};
use crate::ui::kit::field::{described_by, Labelled};
use crate::ui::state::form::use_form;
use crate::ui::state::status::use_status;

/// The import's fields, and what it found in the file.
#[component]
pub fn ClientFileForm() -> impl IntoView {
    let form = use_form();
    let status = use_status();
    let pasted = RwSignal::new(String::new());
    let notes = RwSignal::new(Vec::<Explanation>::new());
    let error = RwSignal::new(None::<Explanation>);
    let done = RwSignal::new(false);
    let import = move |json: String| {
        notes.set(Vec::new());
        error.set(None);
        done.set(false);
        match ClientFile::parse(&json) {
            Ok(file) => {
                let page = form.page_redirect.get_value();
                let settings = form.settings.get_untracked();
                let in_use = settings.redirect_uri(page.as_ref()).ok();
                notes.set(
                    file.check(in_use.as_ref())
                        .iter()
                        .map(crate::messages::client_file_note)
                        .collect(),
                );
                form.settings.update(|s| {
                    s.client_id = file.client_id.as_str().to_owned();
                    s.provider = ProviderChoice::Google;
                });
                if let Some(secret) = &file.client_secret {
                    form.set_secret(secret.expose());
                }
                pasted.set(String::new());
                done.set(true);
                status.say("Client ID and secret filled in from the file.");
            }
            Err(e) => error.set(Some(explain(Situation::NotAClientFile {
                detail: &e.to_string(),
            }))),
        }
    };
    let from_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        spawn_local(async move {
            match take_chosen_text(&input).await {
                Some(Ok(json)) => import(json),
                Some(Err(Unreadable)) => error.set(Some(explain(Situation::FileUnreadable))),
                None => {}
            }
        });
    };
    view! {
                <Labelled id="client-file" label="Pick the file">
                    <input id="client-file" type="file" accept=".json,application/json" data-testid=crate::testids::CLIENT_FILE aria-describedby=described_by("client-file") on:change=from_file />
                </Labelled>
                <Labelled id="client-file-text" label="Or paste its content">
                    <textarea id="client-file-text" rows="3" spellcheck="false" data-testid=crate::testids::CLIENT_FILE_TEXT aria-describedby=described_by("client-file-text")
                        prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                </Labelled>
                <button type="button" class="secondary" data-testid=crate::testids::CLIENT_FILE_IMPORT_BUTTON on:click=move |_| import(pasted.get_untracked())>
                    "Import"
                </button>
                <Show when=move || done.get()>
                    <p class="result" data-testid=crate::testids::CLIENT_FILE_IMPORTED>"Client ID and secret filled in."</p>
                </Show>
                {move || notes.get().into_iter().map(|n| view! { <NoticePanel explanation=n testid=crate::testids::CLIENT_FILE_NOTE /> }).collect_view()}
                {move || error.get().map(|e| view! { <ErrorPanel explanation=e testid=crate::testids::CLIENT_FILE_ERROR /> })}
    }
}
