//! The deployment pack: everything to put the Google secrets in Azure Key Vault, let the data
//! factory read them, and deploy the linked services as code. No file of the pack holds a
//! secret: the scripts read each one from a prompt, and every linked service references the
//! vault.
//!
//! Sources, beside each fact:
//! - Azure CLI: `az keyvault secret set --file --encoding` (reads the value from a file),
//!   `az role assignment create`, `az keyvault set-policy --secret-permissions`,
//!   `az datafactory linked-service create --properties` (the properties object; `@file` reads
//!   any argument from a file), `az deployment group create --template-file`.
//! - Az PowerShell: `Set-AzKeyVaultSecret -SecretValue` (a SecureString, so
//!   `Read-Host -AsSecureString` never shows it), `New-AzRoleAssignment`,
//!   `Set-AzKeyVaultAccessPolicy -PermissionsToSecrets`,
//!   `Set-AzDataFactoryV2LinkedService -DefinitionFile` (the whole `{name, properties}` JSON).
//! - "Azure Key Vault RBAC": the *Key Vault Secrets User* role reads secret contents.
//! - ARM / Bicep: `Microsoft.DataFactory/factories/linkedservices@2018-06-01`; an ARM string
//!   that starts with `[` and ends with `]` is an expression unless it starts with `[[`
//!   ("Template syntax and expressions": escape characters).
//! - Terraform azurerm: `azurerm_data_factory_linked_service_key_vault` (`key_vault_id`) and
//!   `azurerm_data_factory_linked_custom_service` (`type`, `type_properties_json`,
//!   `integration_runtime { name }` for `connectVia`). It has no `version` argument; its
//!   `additional_properties` map is copied into the linked service's `properties` (the
//!   provider's create: `maps.Copy(props, additionalProperties)`), which carries BigQuery's
//!   `version` and reads it back without drift.
//! - The REST models (@azure/arm-datafactory): `AzureKeyVaultLinkedService.baseUrl`,
//!   `GoogleBigQueryV2ObjectDataset` (`dataset`, `table`), `GoogleBigQueryV2Source.query`,
//!   `GoogleAdWordsObjectDataset`, `GoogleAdWordsSource.query`.
//! - "Naming rules and restrictions for Azure resources" (Microsoft.KeyVault): a vault name
//!   is 3–24 letters, digits and hyphens, starts with a letter, ends with a letter or digit,
//!   no two hyphens in a row; a secret name is 1–127 letters, digits and hyphens.

pub mod archive;
mod arm;
mod azcli;
mod bicep;
mod powershell;
mod starters;
mod synapse;
mod terraform;
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod testing;
mod vault;

use serde_json::{json, Value};

use super::linked_service::{pretty, Connector, LinkedService};

/// The ARM / Bicep API version of Data Factory's resources.
pub const DATA_FACTORY_API: &str = "2018-06-01";

/// Where the pack deploys to.
#[derive(Debug, Clone)]
pub struct Target<'a> {
    pub resource_group: &'a str,
    pub factory: &'a str,
    /// The Key Vault's name (the `…` of `https://….vault.azure.net/`).
    pub vault: &'a str,
    /// The Key Vault linked service's name.
    pub vault_linked_service: &'a str,
}

/// Why the pack cannot be made yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackProblem {
    /// A name the pack needs is empty.
    Required { what: &'static str },
    /// Not a name Key Vault takes for a vault.
    VaultName { typed: String },
    /// Not a name Key Vault takes for a secret.
    SecretName { typed: String },
    /// The linked service does not reference Key Vault.
    NotInKeyVault,
}

/// One file of the pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackFile {
    pub name: &'static str,
    /// What it is, for the file picker.
    pub title: &'static str,
    pub mime: &'static str,
    pub text: String,
}

/// A secret the linked service reads from the vault.
#[derive(Debug, Clone, PartialEq, Eq)]
struct VaultSecret {
    name: String,
    property: String,
}

impl VaultSecret {
    fn label(&self) -> &'static str {
        match self.property.as_str() {
            "clientSecret" => "OAuth client secret",
            "refreshToken" => "Refresh token",
            "developerToken" => "Google Ads developer token",
            "keyFileContent" => "Service account key file",
            "privateKey" => "Service account key file",
            _ => "Secret",
        }
    }

    /// Where the value comes from: a key file is stored from the file the user already has,
    /// not typed at a prompt, and Google Ads' `privateKey` is that file's `private_key`.
    fn source(&self) -> Source {
        match self.property.as_str() {
            "keyFileContent" => Source::File,
            "privateKey" => Source::PrivateKeyOfFile,
            _ => Source::Typed,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Typed,
    File,
    PrivateKeyOfFile,
}

/// `3–24` letters, digits and hyphens; a letter first; a letter or digit last; no `--`.
pub fn is_vault_name(name: &str) -> bool {
    let b = name.as_bytes();
    (3..=24).contains(&b.len())
        && b[0].is_ascii_alphabetic()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        && !name.contains("--")
}

/// `1–127` letters, digits and hyphens.
pub fn is_secret_name(name: &str) -> bool {
    (1..=127).contains(&name.len()) && name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-')
}

/// The secrets a linked service references in Key Vault, in the order of its properties.
fn vault_secrets(linked_service: &LinkedService) -> Vec<VaultSecret> {
    linked_service
        .vault_secrets()
        .into_iter()
        .map(|(property, name)| VaultSecret {
            name: name.to_owned(),
            property: property.to_owned(),
        })
        .collect()
}

fn name_of(linked_service: &Value) -> &str {
    linked_service["name"].as_str().unwrap_or_default()
}

/// The Key Vault linked service ADF reads the secrets through.
pub fn key_vault_linked_service(target: &Target<'_>) -> Value {
    json!({
        "name": target.vault_linked_service.trim(),
        "properties": {
            "type": "AzureKeyVault",
            "typeProperties": {"baseUrl": format!("https://{}.vault.azure.net/", target.vault.trim())},
        }
    })
}

/// Every file of the pack for a Google linked service whose secrets are Key Vault
/// references, or every reason it cannot be made yet.
pub fn pack(
    target: &Target<'_>,
    connector: Connector,
    linked_service: &LinkedService,
) -> Result<Vec<PackFile>, Vec<PackProblem>> {
    let mut problems = Vec::new();
    for (what, value) in [
        ("resource group", target.resource_group),
        ("data factory", target.factory),
        ("Key Vault", target.vault),
        ("Key Vault linked service", target.vault_linked_service),
    ] {
        if value.trim().is_empty() {
            problems.push(PackProblem::Required { what });
        }
    }
    let vault = target.vault.trim();
    if !vault.is_empty() && !is_vault_name(vault) {
        problems.push(PackProblem::VaultName {
            typed: vault.into(),
        });
    }
    let secrets = vault_secrets(linked_service);
    if secrets.is_empty() {
        problems.push(PackProblem::NotInKeyVault);
    }
    for s in secrets.iter().filter(|s| !is_secret_name(&s.name)) {
        problems.push(PackProblem::SecretName {
            typed: s.name.clone(),
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let vault_ls = key_vault_linked_service(target);
    let google = linked_service.to_json();
    let p = Pack {
        target,
        connector,
        google: &google,
        typed: linked_service,
        vault_ls: &vault_ls,
        secrets: &secrets,
    };
    Ok(vec![
        file(
            "keyvault.sh",
            "Key Vault: store the secrets and grant access (Azure CLI)",
            "text/x-shellscript",
            p.keyvault_sh(),
        ),
        file(
            "keyvault.ps1",
            "Key Vault: store the secrets and grant access (PowerShell)",
            "text/plain",
            p.keyvault_ps1(),
        ),
        file(
            "keyvault-linked-service.json",
            "The Key Vault linked service (JSON)",
            "application/json",
            pretty(&vault_ls),
        ),
        file(
            "google-linked-service.json",
            "The Google linked service, reading the vault (JSON)",
            "application/json",
            pretty(linked_service),
        ),
        file(
            "deploy.sh",
            "Deploy both linked services (Azure CLI)",
            "text/x-shellscript",
            p.deploy_sh(),
        ),
        file(
            "deploy.ps1",
            "Deploy both linked services (PowerShell)",
            "text/plain",
            p.deploy_ps1(),
        ),
        file(
            "deploy-synapse.sh",
            "Deploy both linked services to an Azure Synapse workspace (Azure CLI)",
            "text/x-shellscript",
            p.deploy_synapse_sh(),
        ),
        file(
            "deploy-synapse.ps1",
            "Deploy both linked services to an Azure Synapse workspace (PowerShell)",
            "text/plain",
            p.deploy_synapse_ps1(),
        ),
        file(
            "linked-services.json",
            "ARM template",
            "application/json",
            pretty(&p.arm()),
        ),
        file(
            "linked-services.bicep",
            "Bicep module",
            "text/plain",
            p.bicep(),
        ),
        file(
            "linked-services.tf",
            "Terraform (azurerm)",
            "text/plain",
            p.terraform(),
        ),
        file(
            "dataset.json",
            "A starter dataset",
            "application/json",
            pretty(&p.dataset()),
        ),
        file(
            "copy-source.json",
            "A Copy activity source",
            "application/json",
            pretty(&p.copy_source()),
        ),
    ])
}

fn file(name: &'static str, title: &'static str, mime: &'static str, text: String) -> PackFile {
    PackFile {
        name,
        title,
        mime,
        text,
    }
}

struct Pack<'a> {
    target: &'a Target<'a>,
    connector: Connector,
    /// The Google linked service as JSON, for the formats that write JSON values.
    google: &'a Value,
    typed: &'a LinkedService,
    vault_ls: &'a Value,
    secrets: &'a [VaultSecret],
}

impl Pack<'_> {
    fn google_name(&self) -> &str {
        name_of(self.google)
    }
}

/// A name inside a `#` or `//` comment: on one line.
fn comment_safe(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::testing::*;
    use super::*;
    use crate::export::linked_service::VaultNames;
    use crate::export::syntax::ps_quote;
    use proptest::prelude::*;
    use std::io::Write as _;
    use std::process::{Command, Stdio};

    #[test]
    fn the_pack_holds_every_format_and_no_secret() {
        let names = VaultNames::default();
        for connector in Connector::ALL {
            let ls = google(connector, &names, "my-project", "GoogleLS");
            let files = files(&TARGET, connector, &ls);
            let listed: Vec<&str> = files.iter().map(|f| f.name).collect();
            assert_eq!(
                listed,
                [
                    "keyvault.sh",
                    "keyvault.ps1",
                    "keyvault-linked-service.json",
                    "google-linked-service.json",
                    "deploy.sh",
                    "deploy.ps1",
                    "deploy-synapse.sh",
                    "deploy-synapse.ps1",
                    "linked-services.json",
                    "linked-services.bicep",
                    "linked-services.tf",
                    "dataset.json",
                    "copy-source.json"
                ]
            );
            for f in &files {
                assert!(
                    !f.text.contains(r#""type": "SecureString""#),
                    "{} embeds a secret",
                    f.name
                );
                if f.name.ends_with(".json") {
                    let _: Value = serde_json::from_str(&f.text).expect(f.name);
                }
            }
            let back: Value =
                serde_json::from_str(text(&files, "google-linked-service.json")).unwrap();
            assert_eq!(back, ls);
            let kv: Value =
                serde_json::from_str(text(&files, "keyvault-linked-service.json")).unwrap();
            assert_eq!(
                kv,
                json!({"name": "AzureKeyVaultLinkedService", "properties": {"type": "AzureKeyVault",
                       "typeProperties": {"baseUrl": "https://kv-google.vault.azure.net/"}}})
            );
            let dataset: Value = serde_json::from_str(text(&files, "dataset.json")).unwrap();
            assert_eq!(
                dataset["properties"]["linkedServiceName"]["referenceName"],
                "GoogleLS"
            );
            let source: Value = serde_json::from_str(text(&files, "copy-source.json")).unwrap();
            let (kind, source_kind) = match connector {
                Connector::BigQueryV2 => ("GoogleBigQueryV2Object", "GoogleBigQueryV2Source"),
                Connector::GoogleAds => ("GoogleAdWordsObject", "GoogleAdWordsSource"),
            };
            assert_eq!(dataset["properties"]["type"], kind);
            assert_eq!(source["source"]["type"], source_kind);
            let secrets = vault_secrets(&typed(&ls));
            let expected: &[&str] = match connector {
                Connector::BigQueryV2 => &["google-client-secret", "google-refresh-token"],
                Connector::GoogleAds => &[
                    "google-ads-developer-token",
                    "google-client-secret",
                    "google-refresh-token",
                ],
            };
            let mut got: Vec<&str> = secrets.iter().map(|s| s.name.as_str()).collect();
            got.sort();
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn refuses_what_azure_would_refuse() {
        let ls = google(Connector::BigQueryV2, &VaultNames::default(), "p", "LS");
        let bad = Target {
            resource_group: " ",
            vault: "1kv--x",
            ..TARGET
        };
        assert_eq!(
            pack(&bad, Connector::BigQueryV2, &typed(&ls)).unwrap_err(),
            [
                PackProblem::Required {
                    what: "resource group"
                },
                PackProblem::VaultName {
                    typed: "1kv--x".into()
                },
            ]
        );
        let odd = VaultNames {
            refresh_token: "refresh_token".into(),
            ..VaultNames::default()
        };
        let ls = google(Connector::BigQueryV2, &odd, "p", "LS");
        assert_eq!(
            pack(&TARGET, Connector::BigQueryV2, &typed(&ls)).unwrap_err(),
            [PackProblem::SecretName {
                typed: "refresh_token".into()
            }]
        );
        let embedded = linked_service(&LinkedServiceInput {
            name: "LS",
            connector: Connector::BigQueryV2,
            credentials: Credentials::User {
                client_id: "c",
                client_secret: "s",
                refresh_token: "r",
            },
            project_id: "p",
            client_customer_id: "",
            login_customer_id: "",
            developer_token: "",
            ads_api_version: "",
            integration_runtime: "",
            secrets: &SecretStyle::SecureString,
        })
        .unwrap();
        assert_eq!(
            pack(&TARGET, Connector::BigQueryV2, &embedded).unwrap_err(),
            [PackProblem::NotInKeyVault]
        );
        assert!(is_vault_name("kv-google-01") && !is_vault_name("kv") && !is_vault_name("kv-"));
        assert!(!is_vault_name(&"k".repeat(25)) && is_secret_name(&"a".repeat(127)));
        assert!(!is_secret_name("") && !is_secret_name(&"a".repeat(128)));
    }

    #[test]
    fn every_bigquery_artefact_runs_connector_version_1_1() {
        let ls = google(Connector::BigQueryV2, &VaultNames::default(), "p", "BQ");
        let files = files_of(&ls);
        let arm: Value = serde_json::from_str(text(&files, "linked-services.json")).unwrap();
        assert_eq!(arm["resources"][1]["properties"]["version"], "1.1");
        let bicep = text(&files, "linked-services.bicep");
        assert_eq!(
            bicep_property(bicep, "resource google", "properties")["version"],
            "1.1"
        );
        for (file, needle) in [
            ("deploy.sh", "\n  \"version\": \"1.1\"\n"),
            ("deploy.ps1", "\n    \"version\": \"1.1\"\n"),
            ("deploy-synapse.sh", "\n    \"version\": \"1.1\"\n"),
            ("deploy-synapse.ps1", "\n    \"version\": \"1.1\"\n"),
            (
                "linked-services.tf",
                "\n  additional_properties = {\n    \"version\" = \"1.1\"\n  }\n",
            ),
        ] {
            assert!(text(&files, file).contains(needle), "{file}");
        }
        assert_eq!(
            terraform_properties(text(&files, "linked-services.tf")).1["version"],
            "1.1"
        );
        // Google Ads has no connector version: nothing is added to its files.
        let ads = google(Connector::GoogleAds, &VaultNames::default(), "", "Ads");
        for f in files_of(&ads) {
            assert!(
                !f.text.contains("\"version\"") && !f.text.contains("version:"),
                "{}",
                f.name
            );
        }
    }

    #[test]
    fn a_self_hosted_runtime_reaches_every_template() {
        let ls = ads_service_account();
        let files = files_of(&ls);
        let tf = text(&files, "linked-services.tf");
        assert!(
            tf.contains("\n  integration_runtime {\n    name = \"SelfHostedIR\"\n  }\n"),
            "{tf}"
        );
        assert_eq!(terraform_properties(tf).1, ls["properties"]);
        let arm: Value = serde_json::from_str(text(&files, "linked-services.json")).unwrap();
        assert_eq!(arm["resources"][1]["properties"], ls["properties"]);
        let bicep = text(&files, "linked-services.bicep");
        assert_eq!(
            bicep_property(bicep, "resource google", "properties"),
            ls["properties"]
        );
    }

    #[test]
    fn templates_read_back_as_the_linked_services() {
        for connector in Connector::ALL {
            let ls = google(connector, &VaultNames::default(), "my-project", "GoogleLS");
            let files = files(&TARGET, connector, &ls);
            let arm: Value = serde_json::from_str(text(&files, "linked-services.json")).unwrap();
            assert_eq!(arm["resources"][1]["properties"], ls["properties"]);
            assert_eq!(arm["resources"][1]["apiVersion"], "2018-06-01");
            assert_eq!(
                arm["parameters"]["googleLinkedServiceName"]["defaultValue"],
                "GoogleLS"
            );
            let bicep = text(&files, "linked-services.bicep");
            assert_eq!(
                bicep_property(bicep, "resource google", "properties"),
                ls["properties"]
            );
            assert_eq!(
                bicep_property(bicep, "resource keyVault", "properties"),
                key_vault_linked_service(&TARGET)["properties"]
            );
            let (name, properties) = terraform_properties(text(&files, "linked-services.tf"));
            assert_eq!(name, "GoogleLS");
            assert_eq!(properties, ls["properties"]);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        #[test]
        fn hostile_names_and_values_survive_every_format(
            project in hostile(), ls_name in hostile(), group in hostile(), factory in hostile(),
        ) {
            prop_assume!(!project.trim().is_empty());
            let ls = google(Connector::BigQueryV2, &VaultNames::default(), &project, &ls_name);
            let target = Target { resource_group: &group, factory: &factory, ..TARGET };
            prop_assume!(!group.trim().is_empty() && !factory.trim().is_empty());
            let files = files(&target, Connector::BigQueryV2, &ls);
            let arm: Value = serde_json::from_str(text(&files, "linked-services.json")).unwrap();
            // ARM's rule: `[…]` is an expression, `[[…]` the literal `[…]`, anything else literal.
            let read_arm = |v: &Value| -> Value {
                fn go(v: &Value) -> Value {
                    match v {
                        Value::String(s) if s.starts_with('[') && s.ends_with(']') => {
                            assert!(s.starts_with("[["), "an expression: {s}");
                            Value::String(s[1..].to_owned())
                        }
                        Value::Object(o) => Value::Object(o.iter().map(|(k, x)| (k.clone(), go(x))).collect()),
                        Value::Array(a) => Value::Array(a.iter().map(go).collect()),
                        other => other.clone(),
                    }
                }
                go(v)
            };
            prop_assert_eq!(read_arm(&arm["resources"][1]["properties"]), ls["properties"].clone());
            prop_assert_eq!(read_arm(&arm["parameters"]["factoryName"]["defaultValue"]), Value::String(factory.trim().into()));
            let bicep = text(&files, "linked-services.bicep");
            prop_assert_eq!(bicep_property(bicep, "resource google", "properties"), ls["properties"].clone());
            let (name, properties) = terraform_properties(text(&files, "linked-services.tf"));
            prop_assert_eq!(name, ls["name"].as_str().unwrap());
            prop_assert_eq!(properties, ls["properties"].clone());
            let ps = text(&files, "deploy.ps1");
            let line = ps.lines().find(|l| l.starts_with("$resourceGroup = ")).unwrap();
            // A value with a newline spans lines; read from the assignment to its closing quote.
            let at = ps.find(line).unwrap() + "$resourceGroup = ".len();
            let quoted = ps_quote(group.trim());
            prop_assert_eq!(&ps[at..at + quoted.len()], quoted.as_str());
            let check = Command::new("bash").arg("-n").stdin(Stdio::piped()).stderr(Stdio::piped()).spawn();
            let mut check = check.unwrap();
            check.stdin.take().unwrap().write_all(text(&files, "deploy.sh").as_bytes()).unwrap();
            prop_assert!(check.wait().unwrap().success());
        }

    }
}
