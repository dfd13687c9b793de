use leptos::prelude::*;

use super::flow_controller::FlowController;
use super::form::FormState;
use super::requests::Log;
use super::requests::RequestLog;
use super::status::Status;
use super::tokens::TokenState;
use super::{
    AdfChecksCard, ClientCard, CommandsCard, ConsentCard, DiagnoseCard, ExchangeLog, ExportCard,
    ManualCard, ProveCard, RefreshCard, ReturnCard, ServiceAccountCard, SetupCard, TokensCard,
};
use crate::browser::location;
use crate::oauth::RedirectUri;

/// Provides the page's contexts (one per concern) and handles a redirect before the first
/// render. Component tests call it to mount one card with what it needs.
pub fn provide_contexts() -> (FormState, TokenState, FlowController) {
    let redirect_uri = location::href()
        .ok()
        .and_then(|href| RedirectUri::for_page(&href).ok());
    let status = Status(RwSignal::new(String::new()));
    let log: Log = RwSignal::new(Vec::new());
    let form = FormState::new(redirect_uri);
    let tokens = TokenState::new(log, status);
    let flow = FlowController::new(form, tokens, log, status);
    provide_context(status);
    provide_context(RequestLog(log));
    provide_context(form);
    provide_context(tokens);
    provide_context(flow);
    provide_context(super::AdfInputs::default());
    (form, tokens, flow)
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let (form, tokens, flow) = provide_contexts();
    flow.load();
    let status = expect_context::<Status>();
    // The cards after the client form (consent included) and the content of closed
    // disclosures render one task after the page mounts, so the form is interactive first;
    // the cards after the tokens get the tokens one task after the tokens card (see
    // `TokenState::exchanged`).
    let later = RwSignal::new(false);
    provide_context(super::Later(later));
    set_timeout(move || later.set(true), std::time::Duration::ZERO);
    view! {
        <div class="page" data-testid=crate::testids::APP>
            <header class="page-header">
                <h1>"Refresh Token Helper"</h1>
                <p class="lede">
                    "Get a Google OAuth 2.0 refresh token for Azure Data Factory's BigQuery and "
                    "Google Ads connectors, entirely in your browser. Nothing you enter leaves "
                    "this page except the requests to the provider."
                </p>
            </header>
            <p class="visually-hidden" aria-live="polite" role="status" data-testid=crate::testids::STATUS>
                {move || status.0.get()}
            </p>
            <main>
                <ReturnCard />
                <TokensCard />
                <Show when=move || later.get()>
                    <Show when=move || tokens.access_token.read().is_some() || !tokens.refresh_input.read().expose().is_empty()>
                        <ProveCard />
                    </Show>
                    <AdfChecksCard />
                    <ExportCard />
                </Show>
                <SetupCard redirect_uri=form.page_redirect.get_value() />
                <ClientCard />
                <Show when=move || later.get()>
                    <ConsentCard />
                    <ManualCard />
                    <RefreshCard />
                    <ServiceAccountCard />
                    <DiagnoseCard />
                </Show>
                <Show when=move || later.get()>
                    <CommandsCard />
                    <ExchangeLog />
                </Show>
            </main>
        </div>
    }
}

/// What the page shows inside another page's frame: nothing to type into, and the way out.
#[component]
pub fn FramedRefusal() -> impl IntoView {
    let href = location::href().unwrap_or_default();
    let text = href.clone();
    view! {
        <div class="page" data-testid=crate::testids::FRAMED>
            <h1>"Refresh Token Helper"</h1>
            <p>
                "This page asks for a client secret, so it does not run inside another page's frame, "
                "where that page could cover or watch what you type."
            </p>
            <p><a href=href target="_blank" rel="noopener noreferrer">"Open it on its own: "{text}</a></p>
        </div>
    }
}
