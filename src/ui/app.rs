//! The page: its contexts, one per concern, and the task chooser above the chosen task's steps.

use leptos::prelude::*;

use crate::browser::location;
use crate::oauth::RedirectUri;
use crate::ui::parts::{place, prefetch, Lazy};
use crate::ui::sign_in::client_card::ClientCard;
use crate::ui::sign_in::return_card::{ReturnCard, StrayArrival};
use crate::ui::sign_in::setup_card::SetupCard;
use crate::ui::sign_in::steps::{GuideStep, ProgressLine, TaskChooser};
use crate::ui::sign_in::tokens_card::TokensCard;
use crate::ui::state::flow_controller::FlowController;
use crate::ui::state::form::FormState;
use crate::ui::state::guide::{use_guide, Guide, Step, Task};
use crate::ui::state::later::one_task_later;
use crate::ui::state::part_slot::{Part, PartSlot};
use crate::ui::state::requests::Log;
use crate::ui::state::requests::RequestLog;
use crate::ui::state::status::Status;
use crate::ui::state::tokens::TokenState;

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
    let guide = Guide::new(form, tokens);
    let flow = FlowController::new(form, tokens, guide, log, status);
    provide_context(status);
    provide_context(RequestLog(log));
    provide_context(form);
    provide_context(tokens);
    provide_context(flow);
    provide_context(guide);
    provide_context(crate::ui::state::adf_inputs::AdfInputs::default());
    provide_context(crate::ui::state::service_account::ServiceAccountState::default());
    provide_context(PartSlot(place));
    (form, tokens, flow)
}

/// What the client step chose, in one line.
fn client_summary(form: FormState) -> String {
    let settings = form.settings.read();
    let id = settings.client_id.trim();
    // The project number and the host say which client it is; the rest is noise.
    let short = match (id.split_once('-'), id.rsplit_once('.')) {
        (Some((number, _)), Some(_)) if id.ends_with(".apps.googleusercontent.com") => {
            format!("{number}…apps.googleusercontent.com")
        }
        _ => id.to_owned(),
    };
    // Never an empty value: a step folds only once it is done, but say so if it was not.
    if short.is_empty() {
        return format!("no client ID yet, {}", settings.preset().short_label());
    }
    format!("client {short}, {}", settings.preset().short_label())
}

/// The whole page: the task chooser, then the task's steps, one at a time.
#[component]
pub fn App() -> impl IntoView {
    let (form, tokens, flow) = provide_contexts();
    flow.load();
    let status = expect_context::<Status>();
    let guide = use_guide();
    // The steps after the first screen and the content of closed disclosures render one task
    // after the page mounts, so the form is interactive first; the views after the tokens
    // get the tokens one task after the tokens card (see `TokenState::exchanged`).
    let later = RwSignal::new(false);
    provide_context(crate::ui::state::later::Later(later));
    one_task_later(move || later.set(true));
    let task = move || guide.task.get();
    let signs_in = move || task().signs_in();
    let has_tokens = move || tokens.exchange.read().is_some();
    let something_to_use = move || {
        tokens.access_token.read().is_some()
            || !tokens.refresh_input.read().expose().trim().is_empty()
    };
    let show_use = move || match task() {
        Task::BigQuery | Task::GoogleAds => has_tokens() && guide.step.get() == Step::Use,
        Task::CheckToken => something_to_use(),
        // The service account's access token runs the checks of what ADF will run.
        Task::ServiceAccount => tokens.access_token.read().is_some(),
        Task::ExplainError => false,
    };
    // Tokens live in this tab's memory only: leaving or reloading while they are on screen
    // asks first (the browser's own dialog), except when the page itself leaves for consent.
    let guard = window_event_listener(leptos::ev::beforeunload, move |e| {
        let leaving_for_consent = flow.flow.with_untracked(|f| {
            matches!(
                f.stage,
                crate::oauth::Stage::Redirecting | crate::oauth::Stage::Saving { .. }
            )
        });
        if tokens.exchange.with_untracked(Option::is_some) && !leaving_for_consent {
            e.prevent_default();
        }
    });
    on_cleanup(move || guard.remove());
    // Back from the provider: what follows the tokens, and their views, are fetched while the
    // code is exchanged.
    Effect::new(move |fetched: Option<bool>| {
        let exchanging = flow.flow.with(|f| f.is_exchanging());
        if exchanging && fetched != Some(true) {
            prefetch(Part::TokenFacts);
            prefetch(Part::UseThem);
        }
        fetched == Some(true) || exchanging
    });
    let register_summary = form
        .page_redirect
        .get_value()
        .map(|uri| format!("redirect URI {}", uri.as_str()))
        .unwrap_or_else(|| "the redirect URI under Advanced".to_owned());
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
                <TaskChooser />
                <Show when=move || guide.forgotten.get()>
                    <div class="notice" role="status" data-testid=crate::testids::TOKENS_FORGOTTEN>
                        <p>
                            "This address opens a view of the tokens, but tokens live only in the memory of "
                            "the tab that got them, so a reload or a new tab forgets them."
                        </p>
                        <div class="actions">
                            <button type="button" class="primary" data-testid=crate::testids::FORGOTTEN_SIGN_IN
                                on:click=move |_| {
                                    guide.forgotten.set(false);
                                    guide.choose(Task::BigQuery, &form);
                                    let registered = !form.settings.read_untracked().client_id.trim().is_empty();
                                    guide.open(if registered { Step::Client } else { Step::Register });
                                }>
                                "Sign in again"
                            </button>
                            <button type="button" class="secondary" data-testid=crate::testids::FORGOTTEN_CHECK
                                on:click=move |_| { guide.forgotten.set(false); guide.choose(Task::CheckToken, &form); }>
                                "Check a refresh token I already have"
                            </button>
                        </div>
                    </div>
                </Show>
                <div class="task-steps" data-task="bigquery google-ads" hidden=move || !signs_in()>
                    <p class="hint" data-testid=crate::testids::FABRIC_NOTE>
                        {crate::messages::FABRIC_TAKES_A_KEY}" "
                        <button type="button" class="link" data-testid=crate::testids::FABRIC_USE_KEY
                            on:click=move |_| guide.choose(Task::ServiceAccount, &form)>
                            "Use a service account instead"
                        </button>
                    </p>
                    <StrayArrival />
                    <ProgressLine />
                    <GuideStep step=Step::Register summary=register_summary>
                        <SetupCard redirect_uri=form.page_redirect.get_value() />
                    </GuideStep>
                    <GuideStep step=Step::Client summary=Signal::derive(move || client_summary(form))>
                        <ClientCard />
                    </GuideStep>
                    <GuideStep step=Step::Consent summary="consent given, the code exchanged">
                        <ReturnCard />
                        // Fetched as the client step opens, so it is there when the user goes on.
                        <Lazy part=Part::Consent shown=Signal::derive(move || guide.step.get() >= Step::Client) />
                    </GuideStep>
                    <div data-step="tokens" hidden=move || guide.step.get() < Step::Tokens>
                        <TokensCard />
                    </div>
                </div>
                <div data-task="check-token" hidden=move || task() != Task::CheckToken>
                    <Lazy part=Part::CheckToken shown=Signal::derive(move || task() == Task::CheckToken) />
                </div>
                <div data-task="service-account" hidden=move || task() != Task::ServiceAccount>
                    <Lazy part=Part::ServiceAccount shown=Signal::derive(move || task() == Task::ServiceAccount) />
                </div>
                <div data-task="explain-error" hidden=move || task() != Task::ExplainError>
                    <Lazy part=Part::ExplainError shown=Signal::derive(move || task() == Task::ExplainError) />
                </div>
                <div data-step="use" hidden=move || !show_use()>
                    <Lazy part=Part::UseThem shown=Signal::derive(show_use) />
                </div>
            </main>
            <footer class="facts hint" data-testid=crate::testids::FACTS_CHECKED>
                {crate::messages::facts_checked(crate::google::facts::checked_on())}
            </footer>
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
