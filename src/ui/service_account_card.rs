//! A service account instead of a refresh token: its JSON key read in memory only, an RS256
//! assertion signed by WebCrypto and exchanged at Google's token endpoint, the access token
//! handed to the checks, and the BigQuery or Google Ads linked service with
//! `ServiceAuthentication`. The
//! key text is wiped when the user leaves the card (a click or focus anywhere outside it),
//! on "Forget the key", and when the page is hidden.

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast as _;

use super::adf_inputs::{use_adf, AdsApiVersionField, ConnectorSelect};
use super::check::{Checks, Outcome};
use super::export_card::PackFiles;
use super::field::{described_by, Labelled, TextInput};
use super::form::use_form;
use super::requests::token_request;
use super::requests::use_log;
use super::status::use_status;
use super::tokens::use_tokens;
use super::{rich_text, CopyButton, ErrorPanel, RevealToggle, SecretField, TokenValue};
use crate::browser::crypto::sign_rs256;
use crate::browser::time::now_ms;
use crate::export::linked_service::{
    linked_service, masked, pretty, Connector, Credentials, LinkedServiceInput, SecretStyle,
    VaultNames,
};
use crate::export::pack::{pack, Target};
use crate::google::presets::BIGQUERY;
use crate::google::service_account::{
    assertion, private_key_pem, read_key_file, signing_input, token_request as jwt_request,
    token_uri_differs,
};
use crate::messages::{
    held_back, human_duration, key_file_problem, service_account_failure, Explanation, HeldBack,
};
use crate::oauth::{Secret, TokenFailure};

/// The service account's key and its linked service's choices: shared by the card, where
/// the key is read, and the linked service, which "Use it" shows once there is a token.
#[derive(Clone, Copy)]
pub struct ServiceAccountState {
    /// The key file's text, in memory only; wiped when the user leaves the card and its
    /// linked service.
    pub key_text: RwSignal<Secret>,
    /// The key was wiped: said where it was shown.
    pub wiped: RwSignal<bool>,
    /// The service account's email, from the last key read: not a secret, so it outlives the
    /// key for the linked service that names it (Google Ads).
    email: RwSignal<String>,
    connector: RwSignal<Connector>,
    runtime: RwSignal<String>,
    key_vault: RwSignal<bool>,
    reveal: RwSignal<bool>,
    resource_group: RwSignal<String>,
    factory: RwSignal<String>,
    vault: RwSignal<String>,
}

impl Default for ServiceAccountState {
    fn default() -> Self {
        Self {
            key_text: RwSignal::new(Secret::new(String::new())),
            wiped: RwSignal::new(false),
            email: RwSignal::new(String::new()),
            connector: RwSignal::new(Connector::BigQueryV2),
            runtime: RwSignal::new(String::new()),
            key_vault: RwSignal::new(true),
            reveal: RwSignal::new(false),
            resource_group: RwSignal::new(String::new()),
            factory: RwSignal::new(String::new()),
            vault: RwSignal::new(String::new()),
        }
    }
}

fn use_service_account() -> ServiceAccountState {
    expect_context::<ServiceAccountState>()
}

/// What the page holds of the key: its email, key ID and project, or why it cannot be used.
type KeySummary = Option<Result<(String, String, Option<String>), Explanation>>;

fn key_summary(key_text: RwSignal<Secret>) -> Memo<KeySummary> {
    Memo::new(move |_| {
        let text = key_text.read();
        (!text.expose().trim().is_empty()).then(|| {
            read_key_file(text.expose())
                .map(|k| {
                    (
                        k.client_email.clone(),
                        k.private_key_id.clone(),
                        k.project_id.clone(),
                    )
                })
                .map_err(|e| key_file_problem(&e))
        })
    })
}

#[component]
pub fn ServiceAccountCard() -> impl IntoView {
    let form = use_form();
    let tokens = use_tokens();
    let status = use_status();
    let log = use_log();
    let adf = use_adf();
    let card = NodeRef::<leptos::html::Section>::new();
    let sa = use_service_account();
    let (key_text, wiped) = (sa.key_text, sa.wiped);
    let scopes = RwSignal::new(BIGQUERY.to_owned());
    let outcome = RwSignal::new(None::<Outcome<(String, Secret)>>);
    let checks = Checks::new(status);
    let key = key_summary(key_text);
    Effect::new(move |_| {
        if let Some(Ok((email, _, _))) = key.get() {
            sa.email.set(email);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok((_, _, Some(project)))) = key.get() {
            if adf.project.read_untracked().trim().is_empty() {
                adf.project.set(project);
            }
        }
    });
    let forget = move || {
        if !key_text.read_untracked().expose().is_empty() {
            key_text.set(Secret::new(String::new()));
            wiped.set(true);
            status.say("The service account key was wiped from this page.");
        }
    };
    // Leaving the card: a pointer or the focus lands outside it and outside its linked
    // service (which "Use it" shows once there is a token).
    let is_outside = move |target: Option<web_sys::EventTarget>| -> bool {
        let node = target.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        // Its linked service, and the tabs of "Use it" that lead there, are the card's too.
        let also_within = [
            format!("[data-testid={}]", crate::testids::SA_EXPORT),
            "[data-testid=use-them] [role=tablist]".to_owned(),
        ];
        let in_part = |css: &String| {
            document()
                .query_selector(css)
                .ok()
                .flatten()
                .is_some_and(|e| e.contains(node.as_ref()))
        };
        card.get_untracked().is_some_and(|section| {
            !(section.contains(node.as_ref()) || also_within.iter().any(in_part))
        })
    };
    // A press outside wipes the key once it is over: wiping at the press would reflow the
    // page under the pointer, and the click would miss what it was aimed at.
    let pressed_outside = StoredValue::new(false);
    let listeners = [
        window_event_listener(ev::pointerdown, move |e| {
            pressed_outside.set_value(is_outside(e.target()));
        }),
        window_event_listener(ev::pointerup, move |_| {
            if pressed_outside.get_value() {
                pressed_outside.set_value(false);
                set_timeout(
                    move || {
                        if !key_text.is_disposed() {
                            forget();
                        }
                    },
                    std::time::Duration::ZERO,
                );
            }
        }),
        // The focus moved by the keyboard (a press moves it too, and is handled above).
        window_event_listener(ev::focusin, move |e| {
            if !pressed_outside.get_value() && is_outside(e.target()) {
                forget();
            }
        }),
        window_event_listener(ev::pagehide, move |_| forget()),
    ];
    // The key itself goes with the card: a dropped Secret is wiped.
    on_cleanup(move || listeners.into_iter().for_each(|l| l.remove()));

    let from_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        spawn_local(async move {
            if let Ok(Some(text)) = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .map(|t| t.as_string())
            {
                wiped.set(false);
                key_text.set(Secret::new(text));
            }
            input.set_value("");
        });
    };

    let get_token = move |_| {
        let Ok(target) = tokens.target(&form) else {
            return;
        };
        let endpoint = target.provider.token;
        let text = key_text.get_untracked();
        let scope = scopes.get_untracked();
        let says = |o: &Outcome<_>| match o {
            Outcome::Done(_) => "The service account got an access token.",
            _ => "The service account's token request failed.",
        };
        checks.run_saying(outcome, says, async move {
            let result = async {
                let key = read_key_file(text.expose()).map_err(|e| key_file_problem(&e))?;
                drop(text);
                if token_uri_differs(&key, &endpoint) {
                    return Err(Explanation::new("This key names another token endpoint.", format!(
                            "Its token_uri is {}, but this page sends assertions to {endpoint} only.",
                            key.token_uri.clone().unwrap_or_default()
                        ), "Use a key file of a Google service account, as the Cloud console downloads it."));
                }
                let now = (now_ms() / 1000.0) as u64;
                let input = signing_input(&key, &scope, endpoint.as_str(), now);
                let signature = sign_rs256(&key.pkcs8_der, input.as_bytes()).await.map_err(|e| Explanation::new("The browser could not sign the assertion.", e.to_string(), "Use a current browser on an https:// page (or localhost)."))?;
                drop(key);
                let jwt = assertion(&input, &signature);
                match token_request(log, jwt_request(&endpoint, &jwt)).await {
                    Ok(received) => {
                        let r = &received.response;
                        tokens.access_token.set(Some(r.access_token.clone()));
                        Ok((
                            format!(
                                "An access token arrived{}. The checks above now use it.",
                                r.expires_in
                                    .map(|s| format!("; it expires in {}", human_duration(s)))
                                    .unwrap_or_default()
                            ),
                            r.access_token.secret().clone(),
                        ))
                    }
                    Err(TokenFailure::Endpoint { error, .. }) => Err(service_account_failure(&error)),
                    Err(f) => Err(crate::messages::token_failure(&f)),
                }
            }
            .await;
            match result {
                Ok(done) => Outcome::Done(done),
                Err(e) => Outcome::Failed(e),
            }
        });
    };

    view! {
        <section class="card" node_ref=card aria-labelledby="sa-title" data-testid=crate::testids::SA_CARD>
            <h2 id="sa-title">"A service account instead of a refresh token"</h2>
            // On a phone the key and its button come first; why a service account is one click away.
            <details class="why">
                <summary>"Why a service account?"</summary>
                <p>"For BigQuery a service account is often the better choice: no consent screen, so no 7-day limit of an app in Testing and no Workspace session-length policy ends it, and it is nobody's personal account, so ADF keeps working when people leave. Google Ads takes one too, once an admin of the Ads account adds the service account's email as a user, but Azure Data Factory runs it only on a self-hosted integration runtime."</p>
            </details>
            <p class="hint" data-testid=crate::testids::SA_FABRIC>{crate::messages::FABRIC_KEY_WHERE}</p>
            <Labelled id="sa-file" label="The service account's JSON key file">
                <input id="sa-file" type="file" accept=".json,application/json" data-testid=crate::testids::SA_FILE aria-describedby=described_by("sa-file") on:change=from_file />
            </Labelled>
            // The key is read and the box emptied at once: the key is never on screen.
            <Labelled id=crate::testids::SA_TEXT label="Or paste its content" hint="The key stays in this page's memory: never stored, never in the address, never logged. The box empties at once, the summary below says which key the page holds, and the key is wiped as soon as you click or move the focus outside this card and its linked service.">
                <textarea id=crate::testids::SA_TEXT rows="3" spellcheck="false" autocomplete="off" data-testid=crate::testids::SA_TEXT
                    aria-describedby=described_by(crate::testids::SA_TEXT)
                    on:input=move |ev| {
                        let area: web_sys::HtmlTextAreaElement = event_target(&ev);
                        let text = Secret::new(area.value());
                        area.set_value("");
                        wiped.set(false);
                        key_text.set(text);
                    }></textarea>
            </Labelled>
            {move || match key.get() {
                None => wiped.get().then(|| view! { <p class="hint" data-testid=crate::testids::SA_KEY>"The key was wiped. Load it again to get a new access token or to embed it."</p> }.into_any()),
                Some(Ok((email, id, project))) => Some(view! {
                    <p class="result" data-testid=crate::testids::SA_KEY>{format!(
                        "Service account {email}, key {id}{}.",
                        project.map(|p| format!(", project {p}")).unwrap_or_default()
                    )}</p>
                }.into_any()),
                Some(Err(e)) => Some(view! { <ErrorPanel explanation=e testid=crate::testids::SA_KEY /> }.into_any()),
            }}
            <TextInput id=crate::testids::SA_SCOPES label="Scopes" value=scopes />
            <div class="actions">
                <button type="button" class="primary" data-testid=crate::testids::SA_TOKEN on:click=get_token
                    disabled=move || checks.busy() || !matches!(key.get(), Some(Ok(_)))>
                    "Get an access token"
                </button>
                <button type="button" class="secondary" data-testid=crate::testids::SA_FORGET on:click=move |_| forget()>
                    "Forget the key"
                </button>
            </div>
            {move || outcome.get().map(|o| match o.into_result() {
                Ok((text, token)) => view! {
                    <p class="result" data-testid=crate::testids::SA_RESULT>{text}</p>
                    <TokenValue secret=token what="service account's access token" testid=crate::testids::SA_ACCESS_TOKEN />
                }.into_any(),
                Err(e) => view! { <ErrorPanel explanation=e testid=crate::testids::SA_RESULT /> }.into_any(),
            })}
            <Show when=move || tokens.access_token.read().is_none()>
                <h3>"The linked service for this service account"</h3>
                <ServiceAccountExport />
            </Show>
            <Show when=move || tokens.access_token.read().is_some()>
                <p class="hint" data-testid=crate::testids::SA_EXPORT_MOVED>"The linked service for this service account is under “Use it” → Azure Data Factory below."</p>
            </Show>
        </section>
    }
}

/// The linked service for the service account: `ServiceAuthentication` with `keyFileContent`
/// (BigQuery), or `email` and `privateKey` on a self-hosted integration runtime (Google Ads),
/// and its deployment pack. In the card until there is a token, then in "Use it".
#[component]
pub fn ServiceAccountExport() -> impl IntoView {
    let sa = use_service_account();
    let adf = use_adf();
    let key_text = sa.key_text;
    // The linked service: ServiceAuthentication with keyFileContent (BigQuery), or email and
    // privateKey on a self-hosted integration runtime (Google Ads).
    let (connector, runtime, key_vault, reveal) =
        (sa.connector, sa.runtime, sa.key_vault, sa.reveal);
    let vault_names = VaultNames::default();
    let built = Memo::new(move |_| {
        let style = if key_vault.get() {
            SecretStyle::KeyVault(VaultNames::default())
        } else {
            SecretStyle::SecureString
        };
        let text = key_text.read();
        let email = sa.email.get();
        let pem = private_key_pem(text.expose()).unwrap_or_else(|| Secret::new(String::new()));
        let connector = connector.get();
        linked_service(&LinkedServiceInput {
            name: match connector {
                Connector::BigQueryV2 => "GoogleBigQueryServiceAccount",
                Connector::GoogleAds => "GoogleAdsServiceAccount",
            },
            connector,
            credentials: Credentials::ServiceAccount {
                key_file: text.expose(),
                email: &email,
                private_key: pem.expose(),
            },
            project_id: &adf.project.get(),
            client_customer_id: &adf.customer.get(),
            login_customer_id: &adf.login_customer.get(),
            developer_token: adf.developer_token.read().expose(),
            ads_api_version: &adf.ads_api_version.get(),
            integration_runtime: &runtime.get(),
            secrets: &style,
        })
    });
    let json = Memo::new(move |_| {
        built
            .get()
            .map(|v| pretty(&if reveal.get() { v } else { masked(v) }))
            .map_err(|p| {
                p.iter()
                    .map(crate::messages::export_problem)
                    .collect::<Vec<_>>()
            })
    });
    let text = Signal::derive(move || json.get().unwrap_or_default());
    // As the linked service of a refresh token: no file ADF would refuse, no masked key.
    let not_copied = Signal::derive(move || {
        HeldBack::first(
            false,
            json.read().is_err(),
            !reveal.get() && !key_vault.get(),
        )
        .map(|why| held_back(why, "copied"))
    });
    let (resource_group, factory, vault) = (sa.resource_group, sa.factory, sa.vault);
    let files = Memo::new(move |_| {
        let ls = built.get().map_err(|_| Vec::new())?;
        let (group, factory, vault) = (resource_group.get(), factory.get(), vault.get());
        let target = Target {
            resource_group: &group,
            factory: &factory,
            vault: &vault,
            vault_linked_service: &vault_names.store,
        };
        pack(&target, connector.get(), &ls)
    });

    view! {
        <div data-testid=crate::testids::SA_EXPORT>
                <ConnectorSelect id=crate::testids::SA_CONNECTOR value=connector />
                <Show when=move || connector.get() == Connector::BigQueryV2>
                    <TextInput id=crate::testids::SA_PROJECT label="Project ID (required)" value=adf.project />
                </Show>
                <Show when=move || connector.get() == Connector::GoogleAds>
                    <TextInput id=crate::testids::SA_CUSTOMER label="Client customer ID (required)" value=adf.customer />
                    <TextInput id="sa-login-customer" label="Login customer ID (when access goes through a manager account)" value=adf.login_customer />
                    <SecretField id=crate::testids::SA_DEVELOPER_TOKEN label="Developer token (optional since September 2026)" value=adf.developer_token testid=crate::testids::SA_DEVELOPER_TOKEN hint=crate::messages::DEVELOPER_TOKEN_HINT />
                    <AdsApiVersionField id=crate::testids::SA_API_VERSION value=adf.ads_api_version />
                </Show>
                <TextInput id=crate::testids::SA_RUNTIME label="Integration runtime (required for Google Ads: a self-hosted one)" value=runtime />
                <div class="check">
                    <input id="sa-key-vault" type="checkbox" data-testid=crate::testids::SA_KEY_VAULT prop:checked=move || key_vault.get()
                        on:change=move |ev| key_vault.set(event_target_checked(&ev)) />
                    <label for="sa-key-vault">"Reference the key in Azure Key Vault (the key file is stored there from disk; nothing to embed)"</label>
                </div>
                <div class="actions">
                    <RevealToggle reveal=reveal testid=crate::testids::SA_REVEAL of="the linked service" />
                    <CopyButton text=text what="linked service JSON" testid=crate::testids::SA_LS_COPY refuse=not_copied />
                </div>
                {move || match json.get() {
                    Ok(text) => view! { <pre data-testid=crate::testids::SA_JSON>{text}</pre> }.into_any(),
                    Err(problems) => view! {
                        <ul class="todo" data-testid=crate::testids::SA_JSON>
                            {problems.iter().map(|p| view! { <li>{rich_text(p)}</li> }).collect_view()}
                        </ul>
                    }.into_any(),
                }}
                <Show when=move || key_vault.get()>
                    <h3>"Deployment pack"</h3>
                    <TextInput id=crate::testids::SA_RESOURCE_GROUP label="Resource group of the data factory and the vault" value=resource_group />
                    <TextInput id=crate::testids::SA_FACTORY label="Data factory name" value=factory />
                    <TextInput id=crate::testids::SA_VAULT label="Key Vault name" value=vault />
                    <PackFiles files=files id="sa-pack-file" folder="adf-service-account-pack" />
                </Show>
        </div>
    }
}
