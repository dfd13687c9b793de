use leptos::prelude::*;

use super::SetupCard;
use crate::browser::location;
use crate::oauth::RedirectUri;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let redirect_uri = location::href()
        .ok()
        .and_then(|href| RedirectUri::for_page(&href).ok());
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
            <main>
                <SetupCard redirect_uri=redirect_uri />
            </main>
        </div>
    }
}
