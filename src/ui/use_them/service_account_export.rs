//! The linked service of a service account and its deployment pack: in the task's card until
//! there is a token, then in "Use it".

use leptos::prelude::*;

use crate::export::linked_service::{
    linked_service, masked, pretty, Connector, Credentials, LinkedServiceInput, SecretStyle,
    VaultNames,
};
use crate::export::pack::{pack, Target};
use crate::google::service_account::private_key_pem;
use crate::messages::{held_back, HeldBack};
use crate::oauth::Secret;
use crate::ui::kit::adf_selects::{AdsApiVersionField, ConnectorSelect};
use crate::ui::kit::field::TextInput;
use crate::ui::kit::pack_files::PackFiles;
use crate::ui::kit::secret_field::SecretField;
use crate::ui::state::adf_inputs::use_adf;
use crate::ui::state::service_account::use_service_account;
use crate::ui::use_them::linked_service_output::{LinkedServiceOutput, OutputIds};

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
                <LinkedServiceOutput json=json reveal=reveal revealable=true not_copied=not_copied
                    ids=OutputIds { reveal: crate::testids::SA_REVEAL, copy: crate::testids::SA_LS_COPY, json: crate::testids::SA_JSON, missing: crate::testids::SA_JSON } />
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
