//! "What ADF will run": with the access token in hand, the calls Azure Data Factory itself
//! makes — a BigQuery query job in the linked service's project (as a dry run) and the
//! datasets there; the Google Ads accounts the user reaches, with their managers, so that
//! `clientCustomerID` and `loginCustomerID` are picked from a list rather than guessed.

use leptos::prelude::*;

use crate::browser::http::HttpError;
use crate::export::commands::{api_curl, api_powershell};
use crate::export::linked_service::customer_id_digits;
use crate::google::ads::{
    accessible_customers_call, adf_query_call, hierarchy_call, parse_accessible, parse_adf_query,
    parse_hierarchy, Account, GOOGLE_ADS_API,
};
use crate::google::call::ApiCall;
use crate::google::checks::{datasets_call, dry_run_call, parse_datasets, parse_dry_run};
use crate::google::presets::Preset;
use crate::messages::{explain, explain_api_failure, Situation, DEVELOPER_TOKEN_HINT};
use crate::ui::kit::copy_button::CopyButton;
use crate::ui::kit::error_panel::{ErrorPanel, NoticePanel};
use crate::ui::kit::field::TextInput;
use crate::ui::kit::secret_field::SecretField;
use crate::ui::state::adf_inputs::use_adf;
use crate::ui::state::check::{Checks, Outcome};
use crate::ui::state::form::use_form;
use crate::ui::state::requests::use_log;
use crate::ui::state::requests::{api_call, check_explanation};
use crate::ui::state::status::use_status;
use crate::ui::state::tokens::use_tokens;

/// How many accessible accounts the page reads the clients of.
const MAX_ACCOUNTS: usize = 10;

/// An account as the list shows it: `Name (123-456-7890)`.
fn shown(a: &Account) -> String {
    let dashed = crate::google::ads::dashed(&a.id);
    match &a.name {
        Some(n) => format!("{n} ({dashed})"),
        None => dashed,
    }
}

/// The CORS / network case: what happened and the commands instead.
fn blocked<T>(e: &HttpError, call: ApiCall) -> Outcome<T> {
    let mut why = check_explanation("The Google Ads call", e);
    if matches!(e, HttpError::Network(_)) {
        why.what = "The Google Ads API gave this page no readable answer.".into();
        why.why = "Browsers may call an API only if it allows the page's origin (CORS); the Google Ads API refused it, or the network failed.".into();
        why.fix = "Run the same call from a terminal: the curl and PowerShell commands below (they ask for the tokens when they run).".into();
    }
    Outcome::Blocked {
        why,
        calls: vec![call],
    }
}

#[component]
pub fn AdfChecksCard() -> impl IntoView {
    let form = use_form();
    let tokens = use_tokens();
    let status = use_status();
    let log = use_log();
    let adf = use_adf();
    let provider = move || {
        form.settings.track();
        form.secret.track();
        tokens.target(&form).ok().map(|t| t.provider)
    };
    let has_access = move || tokens.access_token.read().is_some();
    let checks = Checks::new(status);
    let guide = crate::ui::state::guide::use_guide();
    let asked = move || guide.task.get_untracked().asked();
    let dry_run = RwSignal::new(None::<Outcome<String>>);
    let accounts = RwSignal::new(None::<Outcome<Vec<(Account, Option<String>, String)>>>);

    let run_dry = move |_| {
        let (Some(endpoint), Some(token)) = (
            provider().and_then(|p| p.bigquery),
            tokens.access_token.get_untracked(),
        ) else {
            return;
        };
        let project = adf.project.get_untracked().trim().to_owned();
        checks.run(dry_run, "BigQuery answered the dry run.", async move {
            let outcome = match api_call(log, dry_run_call(&endpoint, &project, &token)).await {
                Err(e) => Outcome::Failed(check_explanation("ADF's query job (dry run)", &e)),
                Ok(a) => match parse_dry_run(a.status, &a.body, &project) {
                    Err(e) => Outcome::Failed(explain_api_failure(&e, asked())),
                    Ok(()) => {
                        let datasets =
                            match api_call(log, datasets_call(&endpoint, &project, &token)).await {
                                Ok(a) => parse_datasets(a.status, &a.body)
                                    .map(|d| {
                                        if d.is_empty() {
                                            "none".to_owned()
                                        } else {
                                            d.join(", ")
                                        }
                                    })
                                    .unwrap_or_else(|e| explain_api_failure(&e, asked()).what),
                                Err(e) => check_explanation("Listing the datasets", &e).what,
                            };
                        Outcome::Done(format!(
                            "ADF can run its query jobs in {project}: a dry run of SELECT 1 was accepted. Datasets this token sees there: {datasets}."
                        ))
                    }
                },
            };
            outcome
        });
    };

    let list_accounts = move |_| {
        let Some(token) = tokens.access_token.get_untracked() else {
            return;
        };
        let developer = adf.developer_token.get_untracked();
        checks.run(accounts, "Google Ads answered.", async move {
            let dev = developer.expose();
            let first = accessible_customers_call(GOOGLE_ADS_API, &token, dev);
            let outcome = match api_call(log, first.clone()).await {
                Err(e) => blocked(&e, first),
                Ok(a) => match parse_accessible(a.status, &a.body) {
                    Err(e) => Outcome::Failed(explain_api_failure(&e, asked())),
                    Ok(ids) => {
                        let mut choices = Vec::new();
                        let mut failure = None;
                        for id in ids.iter().take(MAX_ACCOUNTS) {
                            let call = hierarchy_call(GOOGLE_ADS_API, id, &token, dev);
                            match api_call(log, call.clone()).await {
                                Err(e) => {
                                    failure = Some(blocked(&e, call));
                                    break;
                                }
                                Ok(a) => match parse_hierarchy(a.status, &a.body, id) {
                                    Err(e) => {
                                        failure =
                                            Some(Outcome::Failed(explain_api_failure(&e, asked())));
                                        break;
                                    }
                                    Ok(h) => choices.extend(h.choices().into_iter().map(
                                        |(acc, login)| {
                                            let through = login
                                                .as_ref()
                                                .map(|_| {
                                                    format!(
                                                        " through manager {}",
                                                        shown(&h.account)
                                                    )
                                                })
                                                .unwrap_or_default();
                                            let label = format!("{}{through}", shown(&acc));
                                            (acc, login, label)
                                        },
                                    )),
                                },
                            }
                        }
                        failure.unwrap_or(Outcome::Done(choices))
                    }
                },
            };
            outcome
        });
    };

    let adf_query = RwSignal::new(None::<Outcome<String>>);
    let run_adf_query = move |_| {
        let Some(token) = tokens.access_token.get_untracked() else {
            return;
        };
        let developer = adf.developer_token.get_untracked();
        let client = customer_id_digits(&adf.customer.get_untracked());
        let login = adf.login_customer.get_untracked();
        let login = customer_id_digits(&login).filter(|_| !login.trim().is_empty());
        let Some(client) = client else {
            adf_query.set(Some(Outcome::Failed(explain(Situation::NoAdsAccount))));
            return;
        };
        checks.run(adf_query, "Google Ads answered ADF's query.", async move {
            let call = adf_query_call(
                GOOGLE_ADS_API,
                &client,
                login.as_deref(),
                &token,
                developer.expose(),
            );
            let outcome = match api_call(log, call.clone()).await {
                Err(e) => blocked(&e, call),
                Ok(a) => match parse_adf_query(a.status, &a.body) {
                    Err(e) => Outcome::Failed(explain_api_failure(&e, asked())),
                    Ok(name) => Outcome::Done(format!(
                        "ADF's query works: {} answers{}.",
                        name.unwrap_or_else(|| client.clone()),
                        login
                            .map(|l| format!(" through manager {l}"))
                            .unwrap_or_default()
                    )),
                },
            };
            outcome
        });
    };

    let pick = move |acc: &Account, login: &Option<String>| {
        adf.customer.set(acc.id.clone());
        adf.login_customer.set(login.clone().unwrap_or_default());
        status.say(format!("The linked service now reads {}.", shown(acc)));
    };
    let commands = move |calls: Vec<ApiCall>| {
        view! {
            <p class="hint">"Each command asks for the access token (and a developer token, if you typed one) when it runs, so none lands in a command line or your shell's history."</p>
            {calls.into_iter().enumerate().map(|(i, call)| {
                let curl = Signal::stored(api_curl(&call, false));
                let ps = Signal::stored(api_powershell(&call, false));
                view! {
                    <h3>"curl"</h3>
                    <div class="with-button">
                        <pre data-testid=format!("ads-curl-{i}")>{move || curl.get()}</pre>
                        <CopyButton text=curl what="curl command" testid=format!("ads-curl-{i}-copy") />
                    </div>
                    <h3>"PowerShell"</h3>
                    <div class="with-button">
                        <pre data-testid=format!("ads-powershell-{i}")>{move || ps.get()}</pre>
                        <CopyButton text=ps what="PowerShell command" testid=format!("ads-powershell-{i}-copy") />
                    </div>
                }
            }).collect_view()}
        }
    };
    let is_google = move || provider().is_some_and(|p| p.is_google());

    // A token without a BigQuery scope gets the reason instead of BigQuery's checks; an Ads
    // token sees the Ads checks first.
    let no_bigquery = move || tokens.no_bigquery();
    let ads_first = move || {
        tokens
            .granted()
            .is_some_and(|s| Preset::reaches_google_ads(&s))
    };
    let bigquery_checks = move || {
        view! {
            <h3>"BigQuery"</h3>
            {move || match no_bigquery() {
                Some(text) => view! { <p class="hint" data-testid=crate::testids::ADF_CHECKS_NO_BIGQUERY>{text}</p> }.into_any(),
                None => view! {
                    <TextInput id=crate::testids::ADF_PROJECT label="Project ID of the linked service" value=adf.project
                        hint="ADF runs a query job here for every copy: the account needs bigquery.jobs.create in it." />
                    <div class="actions">
                        <button type="button" class="secondary" data-testid=crate::testids::DRY_RUN on:click=run_dry
                            disabled=move || checks.busy() || adf.project.read().trim().is_empty() || provider().is_none_or(|p| p.bigquery.is_none())>
                            "Run ADF's query job (dry run)"
                        </button>
                    </div>
                    {move || dry_run.get().map(|o| match o.into_result() {
                        Ok(text) => view! { <p class="result" data-testid=crate::testids::DRY_RUN_RESULT>{text}</p> }.into_any(),
                        Err(e) => view! { <ErrorPanel explanation=e testid=crate::testids::DRY_RUN_RESULT /> }.into_any(),
                    })}
                }.into_any(),
            }}
        }
    };
    let ads_checks = move || {
        view! {
            <Show when=is_google>
                <h3>"Google Ads"</h3>
                <SecretField id=crate::testids::ADS_DEVELOPER_TOKEN label="Developer token (optional since September 2026)" value=adf.developer_token testid=crate::testids::ADS_DEVELOPER_TOKEN hint=DEVELOPER_TOKEN_HINT />
                <div class="actions">
                    <button type="button" class="secondary" data-testid=crate::testids::ADS_ACCOUNTS on:click=list_accounts
                        disabled=move || checks.busy()>
                        "List my Google Ads accounts"
                    </button>
                </div>
                {move || accounts.get().map(|o| match o {
                    Outcome::Done(list) if list.is_empty() => view! {
                        <p class="result" data-testid=crate::testids::ADS_RESULT>"This account reaches no Google Ads account ADF could read."</p>
                    }.into_any(),
                    Outcome::Done(list) => view! {
                        <fieldset class="result" data-testid=crate::testids::ADS_RESULT>
                            <legend>"The account ADF reads (sets clientCustomerID and loginCustomerID below)"</legend>
                            {list.into_iter().map(|(acc, login, label)| {
                                let id = crate::testids::ads_account(&acc.id);
                                let checked = { let acc = acc.id.clone(); let login = login.clone(); move || adf.customer.get() == acc && adf.login_customer.get() == login.clone().unwrap_or_default() };
                                view! {
                                    <div class="check">
                                        <input type="radio" name="ads-account" id=id.clone() data-testid=id.clone() prop:checked=checked
                                            on:change=move |_| pick(&acc, &login) />
                                        <label for=id>{label}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                    }.into_any(),
                    Outcome::Failed(e) | Outcome::Unreadable(e) => view! { <ErrorPanel explanation=e testid=crate::testids::ADS_RESULT /> }.into_any(),
                    Outcome::Blocked { why, calls } => view! {
                        <div data-testid=crate::testids::ADS_RESULT>
                            <NoticePanel explanation=why testid=crate::testids::ADS_BLOCKED />
                            {commands(calls)}
                        </div>
                    }.into_any(),
                })}
                <div class="actions">
                    <button type="button" class="secondary" data-testid=crate::testids::ADS_ADF_QUERY on:click=run_adf_query
                        disabled=move || checks.busy() || adf.customer.read().trim().is_empty()>
                        "Run ADF's query on the linked service's account"
                    </button>
                </div>
                {move || adf_query.get().map(|o| match o {
                    Outcome::Done(text) => view! { <p class="result" data-testid=crate::testids::ADS_QUERY_RESULT>{text}</p> }.into_any(),
                    Outcome::Failed(e) | Outcome::Unreadable(e) => view! { <ErrorPanel explanation=e testid=crate::testids::ADS_QUERY_RESULT /> }.into_any(),
                    Outcome::Blocked { why, calls } => view! {
                        <div data-testid=crate::testids::ADS_QUERY_RESULT>
                            <NoticePanel explanation=why testid=crate::testids::ADS_QUERY_BLOCKED />
                            {commands(calls)}
                        </div>
                    }.into_any(),
                })}
            </Show>
        }
    };

    view! {
        <Show when=has_access>
            <section class="card" aria-labelledby="adf-checks-title" data-testid=crate::testids::ADF_CHECKS_CARD>
                <h2 id="adf-checks-title">"What Azure Data Factory will run"</h2>
                <p>"Tokeninfo and a projects list can pass while ADF still fails. These run ADF's own calls with this access token."</p>
                {move || if ads_first() {
                    view! { {ads_checks()} {bigquery_checks()} }.into_any()
                } else {
                    view! { {bigquery_checks()} {ads_checks()} }.into_any()
                }}
            </section>
        </Show>
    }
}
