//! Step 4, "Your tokens": the refresh token first, then the access token and what ends them.

use leptos::prelude::*;

use crate::browser::time::local_date_time;
use crate::google::lifetime::refresh_token_expiry_ms;
use crate::oauth::{assess, Prompt, TokenNote};
use crate::ui::kit::error_panel::NoticePanel;
use crate::ui::kit::token_value::TokenValue;
use crate::ui::state::form::use_form;
use crate::ui::state::guide::{use_guide, Step};
use crate::ui::state::later::one_task_later;
use crate::ui::state::part_slot::{part, Part};
use crate::ui::state::status::use_status;
use crate::ui::state::tokens::{use_tokens, Tokens};

/// Step 4: the tokens, refresh token first.
#[component]
pub fn TokensCard() -> impl IntoView {
    let state = use_tokens();
    let tokens = move || state.exchange.get();
    move || tokens().map(|t| view! { <TokensView tokens=t /> })
}

#[component]
fn TokensView(tokens: Tokens) -> impl IntoView {
    let form = use_form();
    let status = use_status();
    let guide = use_guide();
    let Tokens {
        received,
        requested,
        prompt,
        ..
    } = tokens;
    let response = received.response.clone();
    let expiry_date = refresh_token_expiry_ms(&response, received.at_ms).map(local_date_time);
    // The refresh token's end is said once, with its date: the other notes come after it.
    let (expiry_note, notes): (Vec<_>, Vec<_>) = assess(&response, &requested, prompt)
        .into_iter()
        .partition(|n| matches!(n, TokenNote::RefreshTokenExpires { .. }));
    let expiry_note = expiry_note
        .first()
        .map(|n| crate::messages::token_note(n, expiry_date.as_deref()));
    let notes: Vec<_> = notes
        .iter()
        .map(|n| crate::messages::token_note(n, None))
        .collect();
    let no_refresh = response.refresh_token.is_none();
    let retry_with_consent = move |_| {
        form.settings
            .update(|s| s.prompt = Prompt::Consent.id().into());
        guide.open(Step::Consent);
        status.say("Consent is now forced. Press “Go to consent” again.");
    };
    // Effects run once the view is in the document: the tokens are on screen.
    Effect::new(move |_| crate::browser::perf::mark(crate::browser::perf::TOKENS_SHOWN));
    // What the user reads first paints first; the details follow one task later.
    let details = RwSignal::new(false);
    one_task_later(move || details.set(true));
    view! {
        <section class="card tokens" aria-labelledby="tokens-title" data-testid=crate::testids::TOKENS_CARD>
            <h2 id="tokens-title">"4. Your tokens"</h2>
            {response.refresh_token.clone().map(|rt| view! {
                <div class="refresh-token">
                    <h3>"Refresh token"</h3>
                    <p class="hint">"This is what Azure Data Factory needs, with the client ID and secret."</p>
                    <TokenValue secret=rt.secret().clone() what="refresh token" testid=crate::testids::REFRESH_TOKEN />
                    {expiry_note.map(|e| view! { <NoticePanel explanation=e testid=crate::testids::REFRESH_TOKEN_EXPIRY /> })}
                    {part(Part::TokenLife, details)}
                </div>
            })}
            {notes.into_iter().enumerate().map(|(i, n)| view! { <NoticePanel explanation=n testid=format!("token-notice-{i}") /> }).collect_view()}
            <Show when=move || no_refresh>
                <button type="button" class="primary" data-testid=crate::testids::RETRY_WITH_CONSENT on:click=retry_with_consent>
                    "Try again with consent forced"
                </button>
            </Show>
            <h3>"Access token"</h3>
            <TokenValue secret=response.access_token.secret().clone() what="access token" testid=crate::testids::ACCESS_TOKEN />
            {part(Part::TokenFacts, details)}
        </section>
    }
}
