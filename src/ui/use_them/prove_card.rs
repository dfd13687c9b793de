//! "Prove it works": refresh now, tokeninfo, a BigQuery call and revoke, each answer below.

use leptos::prelude::*;

use crate::google::checks::{parse_projects, parse_tokeninfo, tokeninfo_request};
use crate::messages::human_duration;
use crate::messages::{explain, input_problem, Situation};
use crate::oauth::{grant, RefreshToken};
use crate::ui::kit::error_panel::{ErrorPanel, NoticePanel};
use crate::ui::state::check::{Checks, Outcome};
use crate::ui::state::form::use_form;
use crate::ui::state::requests::use_log;
use crate::ui::state::requests::{api_call, check_explanation, form_post};
use crate::ui::state::status::use_status;
use crate::ui::state::tokens::use_tokens;

/// "Prove it works": refresh now, tokeninfo, a BigQuery call, and revoke.
#[component]
pub fn ProveCard() -> impl IntoView {
    let form = use_form();
    let tokens = use_tokens();
    let status = use_status();
    let log = use_log();
    let info = RwSignal::new(None::<Outcome<String>>);
    let bigquery = RwSignal::new(None::<Outcome<String>>);
    let revoked = RwSignal::new(None::<Outcome<String>>);
    let checks = Checks::new(status);
    let guide = crate::ui::state::guide::use_guide();
    let asked = move || guide.task.get_untracked().asked();
    let refreshable = move || guide.task.get() != crate::ui::state::guide::Task::ServiceAccount;
    // The issuer of the newest access token; the form's provider before there is one.
    let target = move || {
        form.settings.track();
        form.secret.track();
        tokens.target(&form)
    };
    let provider = move || target().ok().map(|t| t.provider);
    let refresh_now = move |_| match target().and_then(|t| tokens.refresh_request(t)) {
        Ok(request) => {
            tokens.refresh.dispatch(request);
        }
        Err(e) => info.set(Some(Outcome::Failed(e))),
    };
    // Said when the form now names another provider than the one that issued the tokens.
    let goes_to = move || {
        let issued = tokens.access_issuer.get()?;
        let form_provider = form.settings.read().provider().ok();
        (form_provider.as_ref() != Some(&issued.provider)).then(|| {
            format!(
                "These checks go to {}, the provider that issued these tokens, not to the one the form names now.",
                issued.provider.token_host()
            )
        })
    };
    let check_tokeninfo = move |_| {
        let (Some(p), Some(token)) = (provider(), tokens.access_token.get_untracked()) else {
            return;
        };
        let Some(endpoint) = p.tokeninfo else { return };
        checks.run(info, "Tokeninfo answered.", async move {
            let outcome = match form_post(log, tokeninfo_request(&endpoint, &token)).await {
                Err(e) => Outcome::Failed(check_explanation("Tokeninfo", &e)),
                Ok(a) => match parse_tokeninfo(a.status, &a.body) {
                    Ok(i) => Outcome::Done(format!(
                        "Account: {}. Scopes: {}. Expires in {}.",
                        i.email.unwrap_or_else(|| "not stated".into()),
                        i.scope.unwrap_or_else(|| "not stated".into()),
                        i.expires_in
                            .map(human_duration)
                            .unwrap_or_else(|| "an unknown time".into())
                    )),
                    Err(e) => Outcome::Failed(crate::messages::explain_api_failure(&e, asked())),
                },
            };
            outcome
        });
    };
    let check_bigquery = move |_| {
        let (Some(p), Some(token)) = (provider(), tokens.access_token.get_untracked()) else {
            return;
        };
        let Some(endpoint) = p.bigquery else { return };
        checks.run(bigquery, "BigQuery answered.", async move {
            let call = crate::google::call::ApiCall::get(endpoint.as_str().to_owned(), &token);
            let outcome = match api_call(log, call).await {
                Err(e) => Outcome::Failed(check_explanation("BigQuery's projects list", &e)),
                Ok(a) => match parse_projects(a.status, &a.body) {
                    Ok(list) if list.is_empty() => Outcome::Done(
                        "The call works; the account sees no projects (grant it a BigQuery role in one)."
                            .into(),
                    ),
                    Ok(list) => Outcome::Done(format!(
                        "The call works. Projects this token sees: {}.",
                        list.iter()
                            .map(|p| match &p.name {
                                Some(n) => format!("{} ({n})", p.id),
                                None => p.id.clone(),
                            })
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                    Err(e) => Outcome::Failed(crate::messages::explain_api_failure(&e, asked())),
                },
            };
            outcome
        });
    };
    // Revoking ends the token everywhere, ADF's pipelines included: it asks first.
    let confirming = RwSignal::new(false);
    let revoke = move |_| {
        confirming.set(false);
        let Some(p) = provider() else { return };
        let Some(endpoint) = p.revocation else { return };
        let token = match RefreshToken::parse(tokens.refresh_input.read_untracked().expose()) {
            Ok(t) => t,
            Err(e) => return revoked.set(Some(Outcome::Failed(input_problem(&e)))),
        };
        checks.run(revoked, "Revocation answered.", async move {
            let request = grant::revoke(&endpoint, token.secret());
            let outcome = match form_post(log, request).await {
                Ok(a) if (200..300).contains(&a.status) => Outcome::Done(
                    "Revoked. The refresh token and its access tokens no longer work; “Refresh now” shows the provider's answer."
                        .into(),
                ),
                Ok(a) => Outcome::Failed(crate::messages::api_failure("Revoking", a.status, &a.body, asked())),
                Err(e) => Outcome::Unreadable(explain(Situation::RevokeUnreadable {
                    detail: &e.to_string(),
                })),
            };
            outcome
        });
    };
    let show = |outcome: Option<Outcome<String>>, testid: &'static str| {
        outcome.map(|o| match o {
            Outcome::Done(text) => {
                view! { <p class="result" data-testid=testid>{text}</p> }.into_any()
            }
            Outcome::Failed(e) => view! { <ErrorPanel explanation=e testid=testid /> }.into_any(),
            Outcome::Unreadable(e) | Outcome::Blocked { why: e, .. } => {
                view! { <NoticePanel explanation=e testid=testid /> }.into_any()
            }
        })
    };
    let has_access = move || tokens.access_token.read().is_some();
    // A token without a BigQuery scope is not offered BigQuery's check; the reason is said.
    let no_bigquery = move || tokens.no_bigquery();
    let can = move |f: fn(&crate::oauth::Provider) -> bool| provider().is_some_and(|p| f(&p));
    view! {
        <section class="card" aria-labelledby="prove-title" data-testid=crate::testids::PROVE_CARD>
            <h2 id="prove-title">"Prove it works"</h2>
            {move || goes_to().map(|text| view! { <p class="hint" data-testid=crate::testids::CHECKS_GO_TO>{text}</p> })}
            // Each check's answer right under its button, so it is plain which call made it.
            // A service account's token has no refresh token to refresh or revoke.
            <div class="check-row" hidden=move || !refreshable()>
                <button type="button" class="secondary" data-testid=crate::testids::REFRESH_NOW_PROVE on:click=refresh_now disabled=move || tokens.refresh.pending().get()>
                    "Refresh now (what ADF does)"
                </button>
                {move || tokens.refresh.value().get().map(|r| match r {
                    Ok(_) => view! { <p class="result" data-testid=crate::testids::PROVE_REFRESH>"The refresh token works: a new access token arrived."</p> }.into_any(),
                    Err(f) => view! { <ErrorPanel explanation=crate::messages::refresh_failure(&f) raw=f.raw().unwrap_or_default() testid=crate::testids::PROVE_REFRESH /> }.into_any(),
                })}
            </div>
            <div class="check-row">
                <button type="button" class="secondary" data-testid=crate::testids::TOKENINFO on:click=check_tokeninfo
                    disabled=move || checks.busy() || !has_access() || !can(|p| p.tokeninfo.is_some())>
                    "Tokeninfo"
                </button>
                {move || show(info.get(), crate::testids::TOKENINFO_RESULT)}
            </div>
            <div class="check-row">
                <Show when=move || no_bigquery().is_none()>
                    <button type="button" class="secondary" data-testid=crate::testids::TEST_BIGQUERY on:click=check_bigquery
                        disabled=move || checks.busy() || !has_access() || !can(|p| p.bigquery.is_some())>
                        "Test BigQuery access"
                    </button>
                </Show>
                {move || no_bigquery().map(|text| view! { <p class="hint" data-testid=crate::testids::NO_BIGQUERY_SCOPE>{text}</p> })}
                {move || show(bigquery.get(), crate::testids::BIGQUERY_RESULT)}
            </div>
            <div class="check-row" hidden=move || !refreshable()>
                <button type="button" class="danger" data-testid=crate::testids::REVOKE on:click=move |_| confirming.set(true)
                    disabled=move || checks.busy() || !can(|p| p.revocation.is_some())>
                    "Revoke"
                </button>
                <Show when=move || confirming.get()>
                    <div class="warning" role="alert">
                        <p>"Revoking ends this refresh token and its access tokens for good, wherever they are used: Azure Data Factory's pipelines that read it stop working. Revoke it?"</p>
                        <div class="actions">
                            <button type="button" class="danger" data-testid=crate::testids::REVOKE_CONFIRM on:click=revoke>"Revoke it"</button>
                            <button type="button" class="secondary" data-testid=crate::testids::REVOKE_CANCEL on:click=move |_| confirming.set(false)>"Keep it"</button>
                        </div>
                    </div>
                </Show>
                {move || show(revoked.get(), crate::testids::REVOKE_RESULT)}
            </div>
        </section>
    }
}
