use leptos::prelude::*;

use super::return_handler::handle_return;
use super::state::Shared;
use super::{
    ClientCard, CommandsCard, ConsentCard, ExchangeLog, ExportCard, ManualCard, ProveCard,
    RefreshCard, ReturnCard, SetupCard, TokensCard,
};
use crate::browser::location;
use crate::oauth::RedirectUri;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let redirect_uri = location::href()
        .ok()
        .and_then(|href| RedirectUri::for_page(&href).ok());
    let shared = Shared::new(redirect_uri.clone());
    provide_context(shared);
    handle_return(shared);
    view! {
        <div class="page" data-testid="app">
            <header class="page-header">
                <h1>"Refresh Token Helper"</h1>
                <p class="lede">
                    "Get a Google OAuth 2.0 refresh token for Azure Data Factory's BigQuery and "
                    "Google Ads connectors, entirely in your browser. Nothing you enter leaves "
                    "this page except the requests to the provider."
                </p>
            </header>
            <p class="visually-hidden" aria-live="polite" role="status" data-testid="status">
                {move || shared.status.get()}
            </p>
            <main>
                <ReturnCard />
                <TokensCard />
                <Show when=move || shared.access_token.read().is_some() || !shared.refresh_input.read().is_empty()>
                    <ProveCard />
                </Show>
                <ExportCard />
                <SetupCard redirect_uri=redirect_uri />
                <ClientCard />
                <ConsentCard />
                <ManualCard />
                <RefreshCard />
                <CommandsCard />
                <ExchangeLog />
            </main>
        </div>
    }
}
