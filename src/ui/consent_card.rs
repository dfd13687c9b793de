use leptos::prelude::*;

use super::state::use_shared;
use super::{rich_text, CopyButton, ErrorPanel};
use crate::browser::location;
use crate::browser::storage::{self, Area, PENDING_FLOW_KEY};
use crate::oauth::consent::parameter_meaning;
use crate::oauth::{explain, Explanation, PendingFlow, Situation, ValidClient};

/// Step 3: the consent URL, explained, and the button that goes there.
#[component]
pub fn ConsentCard() -> impl IntoView {
    let shared = use_shared();
    let valid = Signal::derive(move || {
        let page = shared.page_redirect.get_value();
        shared
            .settings
            .read()
            .validate(page.as_ref(), &shared.secret.read())
    });
    let url = Signal::derive(move || {
        let client = valid.get().ok()?;
        shared
            .attempt
            .with_value(|a| a.as_ref().ok().map(|a| client.consent_url(a).to_string()))
    });
    let error = RwSignal::new(None);
    // The pending flow is written before the URL can be used: on "Go" and on "Copy".
    let save_pending = move |client: &ValidClient| -> bool {
        let saved = shared.attempt.with_value(|attempt| match attempt {
            Ok(attempt) => {
                let record = PendingFlow::record(client, attempt);
                storage::set(Area::Session, PENDING_FLOW_KEY, record.expose())
                    .map_err(|_| explain(Situation::StorageUnavailable))
            }
            Err(e) => Err(e.clone()),
        });
        match saved {
            Ok(()) => true,
            Err(e) => {
                error.set(Some(e));
                false
            }
        }
    };
    let go = move |_| {
        let (Ok(client), Some(url)) = (valid.get_untracked(), url.get_untracked()) else {
            return;
        };
        if save_pending(&client) {
            shared.status.set("Going to the consent screen…".into());
            if let Err(e) = location::go_to(&url) {
                error.set(Some(Explanation {
                    what: "The browser did not open the consent screen.".into(),
                    why: format!("It refused to leave the page: {e}."),
                    fix: "Copy the consent URL and open it in this tab's address bar.".into(),
                }));
            }
        }
    };
    let on_copy_area = move |_| {
        if let Ok(client) = valid.get_untracked() {
            save_pending(&client);
        }
    };
    let parameters = move || {
        url.get()
            .and_then(|u| url::Url::parse(&u).ok())
            .map(|u| {
                u.query_pairs()
                    .map(|(k, v)| (k.into_owned(), v.into_owned()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    view! {
        <section class="card" aria-labelledby="consent-title" data-testid="consent-card">
            <h2 id="consent-title">"3. Consent"</h2>
            {move || match valid.get() {
                Err(problems) => view! {
                    <div class="todo" data-testid="consent-blocked">
                        <p>"Before the consent URL can be made:"</p>
                        <ul>
                            {problems.into_iter().map(|p| view! { <li>{rich_text(&p.explanation.what)}" "{rich_text(&p.explanation.fix)}</li> }).collect_view()}
                        </ul>
                    </div>
                }.into_any(),
                Ok(_) => view! {
                    <div>
                        <p>"The address your browser will open. Each parameter, and why it is there:"</p>
                        <div class="with-button" on:click=on_copy_area>
                            <code class="consent-url" data-testid="consent-url">{move || url.get().unwrap_or_default()}</code>
                            <CopyButton text=Signal::derive(move || url.get().unwrap_or_default()) what="consent URL" testid="copy-consent-url" />
                        </div>
                        <table class="params" data-testid="consent-params">
                            <thead><tr><th scope="col">"Parameter"</th><th scope="col">"Value"</th><th scope="col">"What it does"</th></tr></thead>
                            <tbody>
                                {parameters().into_iter().map(|(k, v)| {
                                    let meaning = parameter_meaning(&k).unwrap_or("Part of the provider's endpoint address.");
                                    view! { <tr><th scope="row"><code>{k}</code></th><td><code>{v}</code></td><td>{rich_text(meaning)}</td></tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
            }}
            <button
                type="button"
                class="primary"
                data-testid="go-to-consent"
                disabled=move || url.get().is_none()
                on:click=go
            >
                "Go to consent"
            </button>
            {move || error.get().map(|e| view! { <ErrorPanel explanation=e testid="consent-error" /> })}
        </section>
    }
}
