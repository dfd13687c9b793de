//! The parts of the page that the first screen does not show: the consent step, the views of
//! the tokens, the other tasks' cards and the client file's import. The release build
//! (`--cfg rth_split`, see `scripts/split`) puts each in a wasm module of its own, fetched the
//! first time the part is shown, so a first visit downloads the sign-in only; other builds
//! call them directly. Not the tokens themselves: they must be on screen as the token
//! response arrives, and a part would often arrive later; what follows them on their card
//! is a part.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::messages::{explain, Situation};
use crate::ui::kit::error_panel::ErrorPanel;
use crate::ui::sign_in::client_file_form::ClientFileForm;
use crate::ui::sign_in::consent_card::ConsentCard;
use crate::ui::sign_in::manual_card::ManualCard;
use crate::ui::sign_in::token_facts::{TokenFacts, TokenLifeOfState};
use crate::ui::state::part_slot::Part;
use crate::ui::tasks::diagnose_card::DiagnoseCard;
use crate::ui::tasks::refresh_card::RefreshCard;
use crate::ui::tasks::service_account_card::ServiceAccountCard;
use crate::ui::use_them::service_account_export::ServiceAccountExport;
use crate::ui::use_them::tabs::UseThem;

/// Builds a part's view; the function lives in the part's module.
type Build = fn() -> AnyView;

/// The part's module did not arrive (the reason is in the browser's console).
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("the part's module did not load")]
pub struct NotLoaded;

#[cfg(rth_split)]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Self
    }
}

/// A split point: in the split build a call that first fetches `$module`; the builder it
/// returns is the only path to the part's code, so that code goes into `$module`.
#[rustfmt::skip] // rustfmt re-indents the attribute on every run
macro_rules! split_point {
    ($module:ident, $name:ident, $component:ident) => {
        #[cfg_attr(
            rth_split,
            leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)
        )]
        fn $name() -> Result<Build, NotLoaded> {
            fn build() -> AnyView {
                view! { <$component /> }.into_any()
            }
            Ok(build)
        }
    };
}

split_point!(use_them, use_them_part, UseThem);
split_point!(check_token, check_token_part, RefreshCard);
split_point!(service_account, service_account_part, ServiceAccountTask);
split_point!(explain_error, explain_error_part, DiagnoseCard);
split_point!(client_file, client_file_part, ClientFileForm);
split_point!(consent, consent_part, ConsentStep);
split_point!(token_details, token_life_part, TokenLifeOfState);
split_point!(token_details, token_facts_part, TokenFacts);

/// The service account's task: its card, with the linked service inside until there is a
/// token (then "Use it" shows it).
#[component]
fn ServiceAccountTask() -> impl IntoView {
    view! { <ServiceAccountCard><ServiceAccountExport /></ServiceAccountCard> }
}

/// What the consent step holds besides the return from the provider.
#[component]
fn ConsentStep() -> impl IntoView {
    view! { <ConsentCard /> <ManualCard /> }
}

#[cfg(rth_split)]
macro_rules! call {
    ($f:ident) => {
        $f().await
    };
}

#[cfg(not(rth_split))]
macro_rules! call {
    ($f:ident) => {
        $f()
    };
}

async fn load(part: Part) -> Result<Build, NotLoaded> {
    match part {
        Part::UseThem => call!(use_them_part),
        Part::CheckToken => call!(check_token_part),
        Part::ServiceAccount => call!(service_account_part),
        Part::ExplainError => call!(explain_error_part),
        Part::ClientFile => call!(client_file_part),
        Part::Consent => call!(consent_part),
        Part::TokenLife => call!(token_life_part),
        Part::TokenFacts => call!(token_facts_part),
    }
}

/// Fetches a part's module ahead of showing it (the tokens' views while the code is
/// exchanged), so it is there when the tokens are.
pub fn prefetch(part: Part) {
    spawn_local(async move {
        // A failure shows when the part is shown, which fetches again.
        let _ = load(part).await;
    });
}

/// `part`'s place for the cards below this module (`PartSlot`, provided by the app).
pub fn place(part: Part, shown: Signal<bool>) -> AnyView {
    view! { <Lazy part=part shown=shown /> }.into_any()
}

/// A part, built the first time `shown` is true and kept from then on (what was typed into it
/// stays while it is hidden). Until its module arrives a line says it is coming; if it does
/// not, the failure is explained with a way to try again.
#[component]
pub fn Lazy(part: Part, #[prop(into)] shown: Signal<bool>) -> impl IntoView {
    let wanted =
        Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || shown.get());
    let loaded = RwSignal::new(None::<Result<Build, NotLoaded>>);
    let fetch = move || {
        loaded.set(None);
        spawn_local(async move { loaded.set(Some(load(part).await)) });
    };
    // `wanted` changes once, from false to true: the effect fetches once.
    Effect::new(move || {
        if wanted.get() {
            fetch();
        }
    });
    move || {
        match loaded.get() {
        _ if !wanted.get() => ().into_any(),
        None => view! { <p class="loading" role="status">"Loading…"</p> }.into_any(),
        Some(Ok(build)) => build(),
        Some(Err(NotLoaded)) => view! {
            <ErrorPanel explanation=explain(Situation::PartNotLoaded) testid=crate::testids::PART_NOT_LOADED />
            <button type="button" data-testid=crate::testids::PART_RETRY on:click=move |_| fetch()>
                "Try again"
            </button>
        }
        .into_any(),
    }
    }
}
