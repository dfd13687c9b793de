//! "Azure Data Factory": the linked service to paste or download, and the deployment pack.

use leptos::prelude::*;

use crate::browser::download;
use crate::export::linked_service::{
    linked_service, masked, pretty, Connector, Credentials, LinkedServiceInput, SecretStyle,
    VaultNames,
};
use crate::export::pack::{pack, Target};
use crate::messages::{export_problem, held_back, HeldBack, DEVELOPER_TOKEN_HINT};
use crate::oauth::{Scopes, TokenFailure};
use crate::ui::kit::adf_selects::{AdsApiVersionField, ConnectorSelect};
use crate::ui::kit::field::TextInput;
use crate::ui::kit::pack_files::PackFiles;
use crate::ui::kit::secret_field::SecretField;
use crate::ui::state::adf_inputs::use_adf;
use crate::ui::state::form::use_form;
use crate::ui::state::tokens::use_tokens;
use crate::ui::use_them::linked_service_output::{LinkedServiceOutput, OutputIds};

/// Step 6: the Azure Data Factory / Synapse linked service, ready to paste or download.
#[component]
pub fn ExportCard() -> impl IntoView {
    let form = use_form();
    let tokens = use_tokens();
    let granted = Signal::derive(move || {
        tokens
            .issued
            .with(|t| t.as_ref().and_then(|t| t.received.response.scope.clone()))
    });
    let requested = move || Scopes::parse(&form.settings.read().scopes).ok();
    let of_scopes = move || {
        granted
            .get()
            .or_else(requested)
            .map(|s| Connector::for_scopes(&s))
    };
    let connector = RwSignal::new(untrack(of_scopes).unwrap_or(Connector::BigQueryV2));
    let name = RwSignal::new(connector.get_untracked().default_name().to_owned());
    // The connector follows the tokens' scopes until the user picks another, and the name
    // follows the connector until the user types one of their own. One effect, writing what
    // no other effect watches (its own write of the connector runs it once more, to no end).
    Effect::new(move |suggested_before: Option<Option<Connector>>| {
        let suggested = of_scopes();
        let picked = connector.get();
        let now = match suggested {
            Some(s) if suggested_before.flatten() != suggested => s,
            _ => picked,
        };
        if now != picked {
            connector.set(now);
        }
        let current = name.get_untracked();
        if Connector::is_default_name(&current) && current != now.default_name() {
            name.set(now.default_name().to_owned());
        }
        suggested
    });
    // Shared with the checks: an account picked there fills these.
    let adf = use_adf();
    let (project, customer, login_customer, developer_token) = (
        adf.project,
        adf.customer,
        adf.login_customer,
        adf.developer_token,
    );
    let api_version = adf.ads_api_version;
    let runtime = RwSignal::new(String::new());
    let key_vault = RwSignal::new(false);
    let store = RwSignal::new("AzureKeyVaultLinkedService".to_owned());
    let secret_name = RwSignal::new("google-client-secret".to_owned());
    let refresh_name = RwSignal::new("google-refresh-token".to_owned());
    let developer_name = RwSignal::new("google-ads-developer-token".to_owned());
    let reveal = RwSignal::new(false);
    // Checked and built once on the real values; shown (and copied) masked until revealed.
    let built = Memo::new(move |_| {
        let style = if key_vault.get() {
            SecretStyle::KeyVault(VaultNames {
                store: store.get(),
                client_secret: secret_name.get(),
                refresh_token: refresh_name.get(),
                developer_token: developer_name.get(),
                ..VaultNames::default()
            })
        } else {
            SecretStyle::SecureString
        };
        let settings = form.settings.read();
        linked_service(&LinkedServiceInput {
            name: &name.get(),
            connector: connector.get(),
            credentials: Credentials::User {
                client_id: &settings.client_id,
                client_secret: form.secret.read().expose(),
                refresh_token: tokens.refresh_input.read().expose(),
            },
            project_id: &project.get(),
            client_customer_id: &customer.get(),
            login_customer_id: &login_customer.get(),
            developer_token: developer_token.read().expose(),
            ads_api_version: &api_version.get(),
            integration_runtime: &runtime.get(),
            secrets: &style,
        })
    });
    let json = Memo::new(move |_| {
        built
            .get()
            .map(|v| pretty(&if reveal.get() { v } else { masked(v) }))
    });
    let worded = Signal::derive(move || {
        json.get()
            .map_err(|problems| problems.iter().map(export_problem).collect::<Vec<_>>())
    });
    // A file ADF would refuse, or one whose secrets are masked (SecureString values that look
    // real and fail when the pipeline runs), never leaves the page: the button says why.
    // A refresh with these credentials was refused: nothing is built on top of it unsaid.
    let check_failed = move || {
        tokens
            .refresh
            .value()
            .with(|v| matches!(v, Some(Err(TokenFailure::Endpoint { .. }))))
    };
    let held = move || {
        HeldBack::first(
            check_failed(),
            json.read().is_err(),
            !reveal.get() && !key_vault.get(),
        )
    };
    let not_copied = Signal::derive(move || held().map(|why| held_back(why, "copied")));
    let save_error = RwSignal::new(None::<String>);
    let save = move |_| {
        let file = format!("{}.json", name.get_untracked().trim());
        if let Some(why) = untrack(held) {
            save_error.set(Some(held_back(why, "saved")));
            return;
        }
        save_error.set(None);
        let Ok(text) = json.get_untracked() else {
            return;
        };
        if let Err(e) = download::save_text(&file, "application/json", &text) {
            save_error.set(Some(e.to_string()));
        }
    };
    let is = move |c: Connector| connector.get() == c;
    let resource_group = RwSignal::new(String::new());
    let factory = RwSignal::new(String::new());
    let vault = RwSignal::new(String::new());
    // The pack holds no secret: every linked service in it reads the vault.
    let files = Memo::new(move |_| {
        let ls = built.get().map_err(|_| Vec::new())?;
        let (group, factory, vault, store) = (
            resource_group.get(),
            factory.get(),
            vault.get(),
            store.get(),
        );
        let target = Target {
            resource_group: &group,
            factory: &factory,
            vault: &vault,
            vault_linked_service: &store,
        };
        pack(&target, connector.get(), &ls)
    });
    view! {
        <Show when=move || !tokens.refresh_input.read().expose().trim().is_empty()>
            <section class="card" aria-labelledby="export-title" data-testid=crate::testids::EXPORT_CARD>
                <h2 id="export-title">"Azure Data Factory linked service"</h2>
                <p data-testid=crate::testids::LS_WHERE>"Paste this into the linked service's JSON view (Manage → Linked services → {} Code), or save it as a file. Azure Synapse pipelines take the same JSON (the pack below deploys it to a workspace too)."</p>
                <ConnectorSelect id=crate::testids::CONNECTOR value=connector />
                <TextInput id="ls-name" label="Linked service name" value=name />
                <Show when=move || !is(Connector::GoogleAds)>
                    <TextInput id=crate::testids::LS_PROJECT label="Project ID (required)" value=project hint="The Google Cloud project ADF runs its query jobs in: the account needs bigquery.jobs.create there." />
                </Show>
                <Show when=move || is(Connector::GoogleAds)>
                    <TextInput id=crate::testids::LS_CUSTOMER label="Client customer ID (required)" value=customer hint="The Ads account to report on. Type it as shown (123-456-7890); it is sent as digits only." />
                    <TextInput id=crate::testids::LS_LOGIN_CUSTOMER label="Login customer ID (when access goes through a manager account)" value=login_customer hint="The manager (MCC) account the signed-in user reaches the client account through, digits only. Without it such access fails with USER_PERMISSION_DENIED." />
                    <SecretField id=crate::testids::LS_DEVELOPER_TOKEN label="Developer token (optional since September 2026)" value=developer_token testid=crate::testids::LS_DEVELOPER_TOKEN hint=DEVELOPER_TOKEN_HINT />
                    <AdsApiVersionField id="ls-api-version" value=api_version />
                </Show>
                <TextInput id="ls-runtime" label="Integration runtime (optional)" value=runtime hint="The name of a self-hosted integration runtime to connect through; empty for Azure's own." />
                <div class="check">
                    <input id="ls-key-vault" type="checkbox" data-testid=crate::testids::LS_KEY_VAULT prop:checked=move || key_vault.get()
                        on:change=move |ev| key_vault.set(event_target_checked(&ev)) />
                    <label for="ls-key-vault">"Reference secrets in Azure Key Vault instead of embedding them"</label>
                </div>
                <Show when=move || key_vault.get()>
                    <TextInput id="ls-store" label="Key Vault linked service" value=store />
                    <TextInput id="ls-secret-name" label="Secret name of the client secret" value=secret_name />
                    <TextInput id="ls-refresh-name" label="Secret name of the refresh token" value=refresh_name />
                    <Show when=move || is(Connector::GoogleAds) && !developer_token.read().expose().trim().is_empty()>
                        <TextInput id="ls-developer-name" label="Secret name of the developer token" value=developer_name />
                    </Show>
                </Show>
                // Key Vault references hold no secret: nothing to reveal.
                <LinkedServiceOutput json=worded reveal=reveal revealable=Signal::derive(move || !key_vault.get())
                    not_copied=not_copied ids=OutputIds { reveal: crate::testids::LS_REVEAL, copy: crate::testids::LS_COPY, json: crate::testids::LS_JSON, missing: crate::testids::LS_MISSING }
                    actions=view! {
                        <button type="button" class="secondary" data-testid=crate::testids::LS_DOWNLOAD on:click=save>"Download .json"</button>
                    }.into_any()
                    notes=view! {
                        {move || save_error.get().map(|e| view! { <p class="problem" role="status" data-testid=crate::testids::LS_SAVE_PROBLEM>{e}</p> })}
                        <p class="hint" data-testid=crate::testids::LS_COPY_RULE>"Copy and Download give the real secrets once you reveal them (or Key Vault references): masked values would fail in ADF, so they are never copied or saved."</p>
                        {move || check_failed().then(|| view! {
                            <p class="warning" role="status" data-testid=crate::testids::LS_CHECK_FAILED>{held_back(HeldBack::CheckFailed, "copied or saved")}</p>
                        })}
                    }.into_any()
                />
                <Show when=move || key_vault.get()>
                    <h3>"Deployment pack"</h3>
                    <p>"Store the secrets in Key Vault, let the factory's managed identity read them, and deploy both linked services as code. No file holds a secret: the scripts ask for each one at a prompt, so it stays out of command lines and shell history, and the linked service reads the latest version of each secret, so storing a new refresh token needs no redeploy."</p>
                    <TextInput id=crate::testids::PACK_RESOURCE_GROUP label="Resource group of the data factory and the vault" value=resource_group />
                    <TextInput id=crate::testids::PACK_FACTORY label="Data factory name" value=factory />
                    <TextInput id=crate::testids::PACK_VAULT label="Key Vault name" value=vault hint="The name in https://NAME.vault.azure.net/." />
                    <PackFiles files=files id="pack-file" folder="adf-deployment-pack" />
                </Show>
            </section>
        </Show>
    }
}
