use leptos::prelude::*;

use super::form::use_form;
use super::tokens::use_tokens;
use super::{CopyButton, SecretField};
use crate::browser::download;
use crate::export::linked_service::{
    linked_service_json, Connector, LinkedServiceInput, SecretStyle,
};
use crate::oauth::{Scopes, Secret};

/// A labelled text input bound to a signal.
#[component]
fn Text(
    /// The input's `id` and `data-testid`.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// The value.
    value: RwSignal<String>,
    /// Help under the input.
    #[prop(optional)]
    hint: &'static str,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="text" autocomplete="off" spellcheck="false" data-testid=id
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
            <p class="hint">{hint}</p>
        </div>
    }
}

/// Step 6: the Azure Data Factory / Synapse linked service, ready to paste or download.
#[component]
pub fn ExportCard() -> impl IntoView {
    let form = use_form();
    let tokens = use_tokens();
    let granted = Signal::derive(move || {
        tokens.exchange.with(|v| {
            v.as_ref()
                .and_then(|r| r.as_ref().ok())
                .and_then(|t| t.received.response.scope.clone())
        })
    });
    let requested = move || Scopes::parse(&form.settings.read().scopes).ok();
    let connector = RwSignal::new(Connector::BigQueryV2);
    Effect::new(move |_| {
        if let Some(scopes) = granted.get().or_else(requested) {
            connector.set(Connector::for_scopes(&scopes));
        }
    });
    let name = RwSignal::new("GoogleBigQueryLinkedService".to_owned());
    let project = RwSignal::new(String::new());
    let additional = RwSignal::new(String::new());
    let customer = RwSignal::new(String::new());
    let login_customer = RwSignal::new(String::new());
    let developer_token = RwSignal::new(Secret::new(String::new()));
    let api_version = RwSignal::new(String::new());
    let key_vault = RwSignal::new(false);
    let store = RwSignal::new("AzureKeyVaultLinkedService".to_owned());
    let secret_name = RwSignal::new("google-client-secret".to_owned());
    let refresh_name = RwSignal::new("google-refresh-token".to_owned());
    let developer_name = RwSignal::new("google-ads-developer-token".to_owned());
    let reveal = RwSignal::new(false);
    let json = Signal::derive(move || {
        let show = |v: String| {
            if reveal.get() {
                v
            } else {
                Secret::new(v).masked()
            }
        };
        let style = if key_vault.get() {
            SecretStyle::KeyVault {
                store: store.get(),
                client_secret_name: secret_name.get(),
                refresh_token_name: refresh_name.get(),
                developer_token_name: developer_name.get(),
            }
        } else {
            SecretStyle::SecureString
        };
        let (client_secret, refresh_token, dev) = (
            show(form.secret.read().expose().trim().to_owned()),
            show(tokens.refresh_input.read().expose().trim().to_owned()),
            show(developer_token.read().expose().trim().to_owned()),
        );
        let settings = form.settings.read();
        let granted = granted.get();
        linked_service_json(&LinkedServiceInput {
            name: &name.get(),
            connector: connector.get(),
            client_id: &settings.client_id,
            client_secret: &client_secret,
            refresh_token: &refresh_token,
            project_id: &project.get(),
            additional_projects: &additional.get(),
            granted: granted.as_ref(),
            client_customer_id: &customer.get(),
            login_customer_id: &login_customer.get(),
            developer_token: &dev,
            ads_api_version: &api_version.get(),
            secrets: &style,
        })
    });
    let save_error = RwSignal::new(None::<String>);
    let save = move |_| {
        let file = format!("{}.json", name.get_untracked().trim());
        if let Err(e) = download::save_text(&file, "application/json", &json.get_untracked()) {
            save_error.set(Some(e.to_string()));
        }
    };
    let is = move |c: Connector| connector.get() == c;
    view! {
        <Show when=move || !tokens.refresh_input.read().expose().trim().is_empty()>
            <section class="card" aria-labelledby="export-title" data-testid="export-card">
                <h2 id="export-title">"6. Azure Data Factory linked service"</h2>
                <p>"Paste this into the linked service's JSON view (Manage → Linked services → {} Code), or save it as a file."</p>
                <div class="field">
                    <label for="connector">"Connector"</label>
                    <select id="connector" data-testid="connector" on:change=move |ev| {
                        if let Some(c) = Connector::from_type_name(&event_target_value(&ev)) { connector.set(c) }
                    }>
                        {Connector::ALL.into_iter().map(|c| view! {
                            <option value=c.type_name() selected=move || connector.get() == c>{c.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <Text id="ls-name" label="Linked service name" value=name />
                <Show when=move || !is(Connector::GoogleAds)>
                    <Text id="ls-project" label="Project ID" value=project hint="The Google Cloud project to bill queries to." />
                </Show>
                <Show when=move || is(Connector::BigQueryLegacy)>
                    <Text id="ls-additional-projects" label="Additional projects (optional)" value=additional hint="Comma-separated public projects to read." />
                </Show>
                <Show when=move || is(Connector::GoogleAds)>
                    <Text id="ls-customer" label="Client customer ID" value=customer hint="The Ads account to report on, e.g. 123-456-7890." />
                    <Text id="ls-login-customer" label="Login customer ID (optional)" value=login_customer hint="The manager account, when access goes through one." />
                    <SecretField id="ls-developer-token" label="Developer token" value=developer_token testid="ls-developer-token" hint="From the Google Ads API Center of your manager account." />
                    <Text id="ls-api-version" label="Google Ads API version (optional)" value=api_version hint="A major version such as v17." />
                </Show>
                <div class="check">
                    <input id="ls-key-vault" type="checkbox" data-testid="ls-key-vault" prop:checked=move || key_vault.get()
                        on:change=move |ev| key_vault.set(event_target_checked(&ev)) />
                    <label for="ls-key-vault">"Reference secrets in Azure Key Vault instead of embedding them"</label>
                </div>
                <Show when=move || key_vault.get()>
                    <Text id="ls-store" label="Key Vault linked service" value=store />
                    <Text id="ls-secret-name" label="Secret name of the client secret" value=secret_name />
                    <Text id="ls-refresh-name" label="Secret name of the refresh token" value=refresh_name />
                    <Show when=move || is(Connector::GoogleAds)>
                        <Text id="ls-developer-name" label="Secret name of the developer token" value=developer_name />
                    </Show>
                </Show>
                <div class="actions">
                    <button type="button" class="secondary" data-testid="ls-reveal" aria-pressed=move || reveal.get().to_string() on:click=move |_| reveal.update(|r| *r = !*r)>
                        {move || if reveal.get() { "Mask secrets" } else { "Reveal secrets" }}
                    </button>
                    <CopyButton text=json what="linked service JSON" testid="ls-copy" />
                    <button type="button" class="secondary" data-testid="ls-download" on:click=save>"Download .json"</button>
                </div>
                <p class="hint">"Copy and download give exactly what is shown: reveal the secrets first to include them."</p>
                <pre data-testid="ls-json">{move || json.get()}</pre>
                {move || save_error.get().map(|e| view! { <p class="problem">{e}</p> })}
            </section>
        </Show>
    }
}
