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

use serde_json::{json, Map, Value};

use super::commands::{ps_quote, sh_quote};
use super::linked_service::{pretty, Connector};

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
fn vault_secrets(linked_service: &Value) -> Vec<VaultSecret> {
    linked_service
        .pointer("/properties/typeProperties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter(|(_, v)| v["type"] == "AzureKeyVaultSecret")
        .filter_map(|(property, v)| {
            Some(VaultSecret {
                name: v["secretName"].as_str()?.to_owned(),
                property: property.clone(),
            })
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
    linked_service: &Value,
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
    let p = Pack {
        target,
        connector,
        google: linked_service,
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
    google: &'a Value,
    vault_ls: &'a Value,
    secrets: &'a [VaultSecret],
}

impl Pack<'_> {
    fn google_name(&self) -> &str {
        name_of(self.google)
    }

    fn keyvault_sh(&self) -> String {
        let t = self.target;
        let mut out = format!(
            "#!/usr/bin/env bash\n\
             # Stores the secrets of the linked service {ls} in Key Vault {vault} and lets the data\n\
             # factory's managed identity read them. Each secret is read at a prompt into a file only\n\
             # you can read and handed to az with --file: it never appears on a command line or in\n\
             # your shell history. The linked service reads the latest version of each secret, so\n\
             # storing a new refresh token here needs no redeploy.\n\
             set -euo pipefail\n\
             umask 077\n\
             resource_group={rg}\n\
             factory={factory}\n\
             vault={vault}\n\
             secret_file=$(mktemp)\n\
             trap 'rm -f \"$secret_file\"' EXIT\n\
             \n\
             store_typed() {{\n\
             \x20 local value\n\
             \x20 IFS= read -rsp \"$2: \" value\n\
             \x20 echo\n\
             \x20 printf '%s' \"$value\" > \"$secret_file\"\n\
             \x20 az keyvault secret set --vault-name \"$vault\" --name \"$1\" --file \"$secret_file\" --encoding utf-8 --output none\n\
             \x20 : > \"$secret_file\"\n\
             }}\n\
             \n\
             store_file() {{\n\
             \x20 local path\n\
             \x20 IFS= read -rp \"$2 (path of the JSON file): \" path\n\
             \x20 az keyvault secret set --vault-name \"$vault\" --name \"$1\" --file \"$path\" --encoding utf-8 --output none\n\
             }}\n\
             {store_private_key}\n",
            ls = comment_safe(self.google_name()),
            vault = sh_quote(t.vault.trim()),
            rg = sh_quote(t.resource_group.trim()),
            factory = sh_quote(t.factory.trim()),
            store_private_key = if self.secrets.iter().any(|s| s.source() == Source::PrivateKeyOfFile) {
                // Python 3 reads the JSON (the Azure CLI itself needs it); the key goes to the
                // private file, never to a command line.
                "\n\
                 store_private_key() {\n\
                 \x20 local path\n\
                 \x20 IFS= read -rp \"$2 (path of the JSON file): \" path\n\
                 \x20 python3 -c 'import json, sys; sys.stdout.write(json.load(open(sys.argv[1]))[\"private_key\"])' \"$path\" > \"$secret_file\"\n\
                 \x20 az keyvault secret set --vault-name \"$vault\" --name \"$1\" --file \"$secret_file\" --encoding utf-8 --output none\n\
                 \x20 : > \"$secret_file\"\n\
                 }\n"
            } else {
                ""
            },
        );
        for s in self.secrets {
            let verb = match s.source() {
                Source::File => "store_file",
                Source::PrivateKeyOfFile => "store_private_key",
                Source::Typed => "store_typed",
            };
            out += &format!("{verb} {} {}\n", sh_quote(&s.name), sh_quote(s.label()));
        }
        out += "\n\
            # The factory's managed identity may read the secrets.\n\
            principal=$(az datafactory show --resource-group \"$resource_group\" --name \"$factory\" --query identity.principalId --output tsv)\n\
            vault_id=$(az keyvault show --name \"$vault\" --query id --output tsv)\n\
            # A vault with Azure RBAC (the default for new vaults):\n\
            az role assignment create --role 'Key Vault Secrets User' --assignee-object-id \"$principal\" --assignee-principal-type ServicePrincipal --scope \"$vault_id\" --output none\n\
            # A vault with access policies instead:\n\
            # az keyvault set-policy --name \"$vault\" --object-id \"$principal\" --secret-permissions get list --output none\n";
        out
    }

    fn keyvault_ps1(&self) -> String {
        let t = self.target;
        let mut out = format!(
            "# Stores the secrets of the linked service {ls} in Key Vault {vault} and lets the data\n\
             # factory's managed identity read them. Each secret is read at a prompt as a SecureString:\n\
             # it is never on a command line or in your history. The linked service reads the latest\n\
             # version of each secret, so storing a new refresh token here needs no redeploy.\n\
             $ErrorActionPreference = 'Stop'\n\
             $resourceGroup = {rg}\n\
             $factory = {factory}\n\
             $vault = {vault}\n\
             \n",
            ls = comment_safe(self.google_name()),
            vault = ps_quote(t.vault.trim()),
            rg = ps_quote(t.resource_group.trim()),
            factory = ps_quote(t.factory.trim()),
        );
        for s in self.secrets {
            let from_file = |read: &str| {
                format!(
                    "$path = Read-Host -Prompt {}\n$value = ConvertTo-SecureString -String {read} -AsPlainText -Force\n",
                    ps_quote(&format!("{} (path of the JSON file)", s.label()))
                )
            };
            let value = match s.source() {
                Source::File => from_file("(Get-Content -Raw -LiteralPath $path)"),
                Source::PrivateKeyOfFile => from_file(
                    "(Get-Content -Raw -LiteralPath $path | ConvertFrom-Json).private_key",
                ),
                Source::Typed => format!(
                    "$value = Read-Host -AsSecureString -Prompt {}\n",
                    ps_quote(s.label())
                ),
            };
            out += &value;
            out += &format!(
                "Set-AzKeyVaultSecret -VaultName $vault -Name {} -SecretValue $value | Out-Null\n",
                ps_quote(&s.name)
            );
        }
        out += "Remove-Variable value\n\
            \n\
            # The factory's managed identity may read the secrets.\n\
            $principal = (Get-AzDataFactoryV2 -ResourceGroupName $resourceGroup -Name $factory).Identity.PrincipalId\n\
            $vaultId = (Get-AzKeyVault -VaultName $vault).ResourceId\n\
            # A vault with Azure RBAC (the default for new vaults):\n\
            New-AzRoleAssignment -ObjectId $principal -RoleDefinitionName 'Key Vault Secrets User' -Scope $vaultId | Out-Null\n\
            # A vault with access policies instead:\n\
            # Set-AzKeyVaultAccessPolicy -VaultName $vault -ObjectId $principal -PermissionsToSecrets get,list\n";
        out
    }

    fn deploy_sh(&self) -> String {
        let t = self.target;
        let mut out = format!(
            "#!/usr/bin/env bash\n\
             # Deploys the Key Vault linked service, then the Google one that reads it.\n\
             set -euo pipefail\n\
             resource_group={rg}\n\
             factory={factory}\n\
             # Or deploy a template instead:\n\
             #   az deployment group create --resource-group \"$resource_group\" --template-file linked-services.bicep\n",
            rg = sh_quote(t.resource_group.trim()),
            factory = sh_quote(t.factory.trim()),
        );
        for (ls, file) in [
            (self.vault_ls, "keyvault-linked-service.properties.json"),
            (self.google, "google-linked-service.properties.json"),
        ] {
            out += &format!(
                "\ncat > {file} <<'JSON'\n{}\nJSON\naz datafactory linked-service create --resource-group \"$resource_group\" --factory-name \"$factory\" --name {} --properties @{file} --output none\n",
                pretty(&ls["properties"]),
                sh_quote(name_of(ls)),
            );
        }
        out
    }

    fn deploy_ps1(&self) -> String {
        let t = self.target;
        let mut out = format!(
            "# Deploys the Key Vault linked service, then the Google one that reads it.\n\
             $ErrorActionPreference = 'Stop'\n\
             $resourceGroup = {rg}\n\
             $factory = {factory}\n",
            rg = ps_quote(t.resource_group.trim()),
            factory = ps_quote(t.factory.trim()),
        );
        for (ls, file) in [
            (self.vault_ls, "keyvault-linked-service.json"),
            (self.google, "google-linked-service.json"),
        ] {
            // A single-quoted here-string is verbatim; JSON text never has a line starting `'@`.
            out += &format!(
                "\nSet-Content -LiteralPath '{file}' -Encoding utf8 -Value @'\n{}\n'@\nSet-AzDataFactoryV2LinkedService -ResourceGroupName $resourceGroup -DataFactoryName $factory -Name {} -DefinitionFile '{file}' -Force | Out-Null\n",
                pretty(ls),
                ps_quote(name_of(ls)),
            );
        }
        out
    }

    fn arm(&self) -> Value {
        let resource = |param: &str, ls: &Value, depends: Option<&str>| {
            let mut r = Map::new();
            r.insert(
                "type".into(),
                "Microsoft.DataFactory/factories/linkedservices".into(),
            );
            r.insert("apiVersion".into(), DATA_FACTORY_API.into());
            r.insert(
                "name".into(),
                format!(
                    "[format('{{0}}/{{1}}', parameters('factoryName'), parameters('{param}'))]"
                )
                .into(),
            );
            r.insert("properties".into(), arm_literal(ls["properties"].clone()));
            if let Some(other) = depends {
                r.insert(
                    "dependsOn".into(),
                    json!([format!("[resourceId('Microsoft.DataFactory/factories/linkedservices', parameters('factoryName'), parameters('{other}'))]")]),
                );
            }
            Value::Object(r)
        };
        let default = |v: &str| json!({"type": "string", "defaultValue": arm_literal(Value::String(v.into()))});
        json!({
            "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            "contentVersion": "1.0.0.0",
            "parameters": {
                "factoryName": default(self.target.factory.trim()),
                "keyVaultLinkedServiceName": default(name_of(self.vault_ls)),
                "googleLinkedServiceName": default(self.google_name()),
            },
            "resources": [
                resource("keyVaultLinkedServiceName", self.vault_ls, None),
                resource("googleLinkedServiceName", self.google, Some("keyVaultLinkedServiceName")),
            ]
        })
    }

    fn bicep(&self) -> String {
        format!(
            "// Deploy with: az deployment group create --resource-group <group> --template-file linked-services.bicep\n\
             param factoryName string = {factory}\n\
             param keyVaultLinkedServiceName string = {kv}\n\
             param googleLinkedServiceName string = {google}\n\
             \n\
             resource factory 'Microsoft.DataFactory/factories@{api}' existing = {{\n\
             \x20 name: factoryName\n\
             }}\n\
             \n\
             resource keyVault 'Microsoft.DataFactory/factories/linkedservices@{api}' = {{\n\
             \x20 parent: factory\n\
             \x20 name: keyVaultLinkedServiceName\n\
             \x20 properties: {kv_props}\n\
             }}\n\
             \n\
             resource google 'Microsoft.DataFactory/factories/linkedservices@{api}' = {{\n\
             \x20 parent: factory\n\
             \x20 name: googleLinkedServiceName\n\
             \x20 dependsOn: [\n\
             \x20   keyVault\n\
             \x20 ]\n\
             \x20 properties: {google_props}\n\
             }}\n",
            factory = bicep_string(self.target.factory.trim()),
            kv = bicep_string(name_of(self.vault_ls)),
            google = bicep_string(self.google_name()),
            api = DATA_FACTORY_API,
            kv_props = bicep_value(&self.vault_ls["properties"], 1),
            google_props = bicep_value(&self.google["properties"], 1),
        )
    }

    fn terraform(&self) -> String {
        let t = self.target;
        hcl_aligned(&format!(
            "# The factory and the vault are looked up in the resource group {rg_comment}.\n\
             data \"azurerm_data_factory\" \"factory\" {{\n\
             \x20 name = {factory}\n\
             \x20 resource_group_name = {rg}\n\
             }}\n\
             \n\
             data \"azurerm_key_vault\" \"vault\" {{\n\
             \x20 name = {vault}\n\
             \x20 resource_group_name = {rg}\n\
             }}\n\
             \n\
             resource \"azurerm_data_factory_linked_service_key_vault\" \"vault\" {{\n\
             \x20 name = {kv}\n\
             \x20 data_factory_id = data.azurerm_data_factory.factory.id\n\
             \x20 key_vault_id = data.azurerm_key_vault.vault.id\n\
             }}\n\
             \n\
             resource \"azurerm_data_factory_linked_custom_service\" \"google\" {{\n\
             \x20 name = {google}\n\
             \x20 data_factory_id = data.azurerm_data_factory.factory.id\n\
             \x20 type = {type_name}\n\
             \x20 type_properties_json = jsonencode({props}){extra}\n\
             \x20 depends_on = [azurerm_data_factory_linked_service_key_vault.vault]\n\
             }}\n",
            rg_comment = comment_safe(t.resource_group.trim()),
            factory = hcl_string(t.factory.trim()),
            rg = hcl_string(t.resource_group.trim()),
            vault = hcl_string(t.vault.trim()),
            kv = hcl_string(name_of(self.vault_ls)),
            google = hcl_string(self.google_name()),
            type_name = hcl_string(self.connector.type_name()),
            props = hcl_value(&self.google["properties"]["typeProperties"], 1),
            extra = self.terraform_extra(),
        ))
    }

    /// The linked service's properties beside `type` and `typeProperties`: `connectVia` as
    /// the `integration_runtime` block, the rest (BigQuery's `version`) in
    /// `additional_properties`.
    fn terraform_extra(&self) -> String {
        let mut out = String::new();
        let mut rest = Map::new();
        for (key, value) in self.google["properties"].as_object().into_iter().flatten() {
            match key.as_str() {
                "type" | "typeProperties" => {}
                "connectVia" => {
                    out += &format!(
                        "\n  integration_runtime {{\n    name = {}\n  }}",
                        hcl_string(value["referenceName"].as_str().unwrap_or_default())
                    )
                }
                _ => {
                    rest.insert(key.clone(), value.clone());
                }
            }
        }
        if !rest.is_empty() {
            out = format!(
                "\n  additional_properties = {}{out}",
                hcl_value(&Value::Object(rest), 1)
            );
        }
        out
    }

    fn dataset(&self) -> Value {
        let (name, kind) = match self.connector {
            Connector::BigQueryV2 => ("GoogleBigQueryDataset", "GoogleBigQueryV2Object"),
            Connector::GoogleAds => ("GoogleAdsDataset", "GoogleAdWordsObject"),
        };
        json!({
            "name": name,
            "properties": {
                "type": kind,
                "linkedServiceName": {"referenceName": self.google_name(), "type": "LinkedServiceReference"},
                "typeProperties": {},
            }
        })
    }

    fn copy_source(&self) -> Value {
        match self.connector {
            Connector::BigQueryV2 => json!({"source": {
                "type": "GoogleBigQueryV2Source",
                "query": "SELECT 1 AS ok",
            }}),
            // GAQL, Google Ads' query language.
            Connector::GoogleAds => json!({"source": {
                "type": "GoogleAdWordsSource",
                "query": "SELECT customer.id, customer.descriptive_name FROM customer",
            }}),
        }
    }
}

/// A name inside a `#` or `//` comment: on one line.
fn comment_safe(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Every string of an ARM value as a literal: one that starts with `[` and ends with `]`
/// would otherwise be evaluated as an expression.
pub fn arm_literal(v: Value) -> Value {
    match v {
        Value::String(s) if s.starts_with('[') && s.ends_with(']') => {
            Value::String(format!("[{s}"))
        }
        Value::Array(a) => Value::Array(a.into_iter().map(arm_literal).collect()),
        Value::Object(o) => {
            Value::Object(o.into_iter().map(|(k, v)| (k, arm_literal(v))).collect())
        }
        other => other,
    }
}

/// A Bicep string: single quotes; `\`, `'` and `${` escaped; control characters as escapes.
pub fn bicep_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '$' => out.push_str("\\$"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:X}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn indent(level: usize) -> String {
    "  ".repeat(level)
}

/// A JSON value as a Bicep expression, objects on one property per line.
pub fn bicep_value(v: &Value, level: usize) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => bicep_string(s),
        Value::Array(a) if a.is_empty() => "[]".into(),
        Value::Array(a) => {
            let items: String = a
                .iter()
                .map(|x| format!("{}{}\n", indent(level + 1), bicep_value(x, level + 1)))
                .collect();
            format!("[\n{items}{}]", indent(level))
        }
        Value::Object(o) if o.is_empty() => "{}".into(),
        Value::Object(o) => {
            let items: String = o
                .iter()
                .map(|(k, x)| {
                    let key = if is_identifier(k) {
                        k.clone()
                    } else {
                        bicep_string(k)
                    };
                    format!(
                        "{}{key}: {}\n",
                        indent(level + 1),
                        bicep_value(x, level + 1)
                    )
                })
                .collect();
            format!("{{\n{items}{}}}", indent(level))
        }
    }
}

/// An HCL (Terraform) quoted string: `\`, `"` and control characters escaped, and the
/// template sequences `${` and `%{` written `$${` and `%%{` so they stay literal.
pub fn hcl_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Where a line of HCL assigns: the byte offset of its `=`, when the value ends on the same
/// line (brackets opened after the `=` are closed again). Strings are skipped, so a key such
/// as `"a=b"` is one key.
fn hcl_assignment(line: &str) -> Option<usize> {
    let mut in_string = false;
    let mut escaped = false;
    let mut equals = None;
    let mut net = 0i32;
    for (i, c) in line.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '#' if equals.is_none() => return None,
            '=' if equals.is_none() => equals = Some(i),
            '{' | '[' | '(' if equals.is_some() => net += 1,
            '}' | ']' | ')' if equals.is_some() => net -= 1,
            _ => {}
        }
    }
    equals.filter(|&at| at > 0 && net == 0 && !line[..at].trim().is_empty())
}

/// HCL laid out as `terraform fmt` lays it out: the `=` of neighbouring single-line
/// assignments aligned one space after the longest name. A line that opens a multi-line
/// value, a closing bracket, a comment or a blank line ends a run (hclwrite's `formatCells`,
/// which `terraform fmt` uses). Names are ASCII here, so bytes and columns agree.
pub fn hcl_aligned(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let cells: Vec<Option<(&str, &str)>> = lines
        .iter()
        .map(|line| {
            hcl_assignment(line).map(|at| (line[..at].trim_end(), line[at + 1..].trim_start()))
        })
        .collect();
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let run = cells[i..].iter().take_while(|c| c.is_some()).count();
        if run == 0 {
            out.push(lines[i].to_owned());
            i += 1;
            continue;
        }
        let width = cells[i..i + run]
            .iter()
            .flatten()
            .map(|(name, _)| name.len())
            .max()
            .unwrap_or(0);
        for (name, value) in cells[i..i + run].iter().flatten() {
            out.push(format!("{name:<width$} = {value}"));
        }
        i += run;
    }
    out.join("\n")
}

/// A JSON value as an HCL expression for `jsonencode`, keys quoted.
pub fn hcl_value(v: &Value, level: usize) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => hcl_string(s),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(|x| hcl_value(x, level)).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(o) if o.is_empty() => "{}".into(),
        Value::Object(o) => {
            let items: String = o
                .iter()
                .map(|(k, x)| {
                    format!(
                        "{}{} = {}\n",
                        indent(level + 1),
                        hcl_string(k),
                        hcl_value(x, level + 1)
                    )
                })
                .collect();
            format!("{{\n{items}{}}}", indent(level))
        }
    }
}

// Native only: the tests run bash and a stand-in `az`, and read files back with native parsers.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::export::linked_service::{
        linked_service, Credentials, LinkedServiceInput, SecretStyle, VaultNames,
    };
    use proptest::prelude::*;
    use std::io::Write as _;
    use std::process::{Command, Stdio};

    const TARGET: Target<'static> = Target {
        resource_group: "rg-data",
        factory: "adf-prod",
        vault: "kv-google",
        vault_linked_service: "AzureKeyVaultLinkedService",
    };

    fn google(connector: Connector, names: &VaultNames, project: &str, ls: &str) -> Value {
        let style = SecretStyle::KeyVault(names.clone());
        linked_service(&LinkedServiceInput {
            name: ls,
            connector,
            credentials: Credentials::User {
                client_id: "cid.apps.googleusercontent.com",
                client_secret: "",
                refresh_token: "",
            },
            project_id: project,
            client_customer_id: "123-456-7890",
            login_customer_id: "",
            developer_token: "",
            ads_api_version: "v26",
            integration_runtime: "",
            secrets: &style,
        })
        .unwrap()
    }

    fn files(target: &Target<'_>, connector: Connector, ls: &Value) -> Vec<PackFile> {
        pack(target, connector, ls).unwrap()
    }

    fn text<'a>(files: &'a [PackFile], name: &str) -> &'a str {
        &files.iter().find(|f| f.name == name).unwrap().text
    }

    /// Reads a Bicep value (the subset `bicep_value` writes) back as JSON, by the language's
    /// rules for strings, objects and arrays.
    struct BicepReader<'a> {
        s: &'a [u8],
        at: usize,
    }

    impl BicepReader<'_> {
        fn skip_space(&mut self) {
            while self.at < self.s.len() && (self.s[self.at] as char).is_whitespace() {
                self.at += 1;
            }
        }
        fn string(&mut self) -> String {
            assert_eq!(self.s[self.at], b'\'');
            self.at += 1;
            let mut out = Vec::new();
            loop {
                match self.s[self.at] {
                    b'\'' => {
                        self.at += 1;
                        return String::from_utf8(out).unwrap();
                    }
                    b'\\' => {
                        self.at += 1;
                        match self.s[self.at] {
                            b'n' => out.push(b'\n'),
                            b'r' => out.push(b'\r'),
                            b't' => out.push(b'\t'),
                            b'u' => {
                                let end = self.at
                                    + self.s[self.at..].iter().position(|&c| c == b'}').unwrap();
                                let hex = std::str::from_utf8(&self.s[self.at + 2..end]).unwrap();
                                let c =
                                    char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap();
                                out.extend(c.to_string().bytes());
                                self.at = end;
                            }
                            c @ (b'\\' | b'\'' | b'$') => out.push(c),
                            other => panic!("no such escape in Bicep: \\{}", other as char),
                        }
                        self.at += 1;
                    }
                    b'$' if self.s.get(self.at + 1) == Some(&b'{') => panic!("interpolation"),
                    b'\n' => panic!("a newline inside a single-line string"),
                    c => {
                        out.push(c);
                        self.at += 1;
                    }
                }
            }
        }
        fn value(&mut self) -> Value {
            self.skip_space();
            match self.s[self.at] {
                b'\'' => Value::String(self.string()),
                b'{' => {
                    self.at += 1;
                    let mut o = Map::new();
                    loop {
                        self.skip_space();
                        if self.s[self.at] == b'}' {
                            self.at += 1;
                            return Value::Object(o);
                        }
                        let key = if self.s[self.at] == b'\'' {
                            self.string()
                        } else {
                            let start = self.at;
                            while self.s[self.at] != b':' {
                                self.at += 1;
                            }
                            std::str::from_utf8(&self.s[start..self.at])
                                .unwrap()
                                .to_owned()
                        };
                        assert_eq!(self.s[self.at], b':');
                        self.at += 1;
                        o.insert(key, self.value());
                    }
                }
                b'[' => {
                    self.at += 1;
                    let mut a = Vec::new();
                    loop {
                        self.skip_space();
                        if self.s[self.at] == b']' {
                            self.at += 1;
                            return Value::Array(a);
                        }
                        a.push(self.value());
                    }
                }
                _ => {
                    let start = self.at;
                    while self.at < self.s.len() && !(self.s[self.at] as char).is_whitespace() {
                        self.at += 1;
                    }
                    serde_json::from_slice(&self.s[start..self.at]).unwrap()
                }
            }
        }
    }

    /// The value of `name: …` after `after` in a Bicep file.
    fn bicep_property(bicep: &str, after: &str, name: &str) -> Value {
        let from = bicep.find(after).unwrap();
        let at = from + bicep[from..].find(&format!("\n  {name}: ")).unwrap() + name.len() + 5;
        BicepReader {
            s: bicep.as_bytes(),
            at,
        }
        .value()
    }

    /// The custom linked service's name and the `properties` the provider sends for it:
    /// `type`, `typeProperties` (the `jsonencode(…)` argument, evaluated), `connectVia` from
    /// the `integration_runtime` block, and `additional_properties` copied in.
    fn terraform_properties(tf: &str) -> (String, Value) {
        use hcl::eval::{Context, Evaluate};
        let body = hcl::parse(tf).expect("Terraform parses");
        let block = body
            .blocks()
            .find(|b| {
                b.identifier() == "resource"
                    && b.labels()[0].as_str() == "azurerm_data_factory_linked_custom_service"
            })
            .unwrap();
        let attr = |key: &str| {
            block
                .body
                .attributes()
                .find(|a| a.key.as_str() == key)
                .unwrap()
                .expr
                .clone()
        };
        let ctx = Context::new();
        let name = match attr("name").evaluate(&ctx).unwrap() {
            hcl::Value::String(s) => s,
            other => panic!("{other:?}"),
        };
        let hcl::Expression::FuncCall(call) = attr("type_properties_json") else {
            panic!("jsonencode expected")
        };
        assert_eq!(call.name.name.as_str(), "jsonencode");
        let mut properties = Map::new();
        properties.insert(
            "type".into(),
            serde_json::to_value(attr("type").evaluate(&ctx).unwrap()).unwrap(),
        );
        properties.insert(
            "typeProperties".into(),
            serde_json::to_value(call.args[0].evaluate(&ctx).unwrap()).unwrap(),
        );
        if let Some(runtime) = block
            .body
            .blocks()
            .find(|b| b.identifier() == "integration_runtime")
        {
            let name = runtime.body.attributes().find(|a| a.key.as_str() == "name");
            let name = serde_json::to_value(name.unwrap().expr.evaluate(&ctx).unwrap());
            properties.insert(
                "connectVia".into(),
                json!({"referenceName": name.unwrap(), "type": "IntegrationRuntimeReference"}),
            );
        }
        if let Some(extra) = block
            .body
            .attributes()
            .find(|a| a.key.as_str() == "additional_properties")
        {
            let extra = serde_json::to_value(extra.expr.evaluate(&ctx).unwrap()).unwrap();
            for (k, v) in extra.as_object().unwrap() {
                assert!(v.is_string(), "additional_properties is a map of strings");
                properties.insert(k.clone(), v.clone());
            }
        }
        (name, Value::Object(properties))
    }

    fn run(script: &str, dir: &std::path::Path, stdin: &str) -> (bool, String) {
        let path = dir.join("script.sh");
        std::fs::write(&path, script).unwrap();
        let mut child = Command::new("bash")
            .arg(&path)
            .current_dir(dir)
            .env(
                "PATH",
                format!("{}:/usr/bin:/bin", dir.join("bin").display()),
            )
            .env("AZ_LOG", dir.join("az.log"))
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stderr).into(),
        )
    }

    /// A stand-in `az` that records each call's arguments (NUL-separated, one call a line)
    /// and the content of any `--file` or `--properties @file` it is given.
    /// Calls end with an ASCII record separator, so arguments may hold newlines.
    fn stand_in_az(dir: &std::path::Path) {
        let bin = dir.join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        let az = bin.join("az");
        std::fs::write(
            &az,
            r#"#!/usr/bin/env bash
n=$(( $(cat "$AZ_LOG.n" 2>/dev/null || echo 0) + 1 )); echo "$n" > "$AZ_LOG.n"
{ printf '%s\0' "$@"; printf '\036'; } >> "$AZ_LOG"
prev=
for a in "$@"; do
  if [ "$prev" = --file ]; then { printf 'FILE\0'; cat "$a"; printf '\n'; } >> "$AZ_LOG.files"; fi
  case "$a" in @*) cp "${a#@}" "$AZ_LOG.props.$n";; esac
  prev=$a
done
case "$*" in *"--query identity.principalId"*) echo 00000000-principal;; *"--query id"*) echo /subscriptions/s/vault;; esac
"#,
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&az, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    fn az_calls(dir: &std::path::Path) -> Vec<Vec<String>> {
        std::fs::read_to_string(dir.join("az.log"))
            .unwrap()
            .split('\x1e')
            .filter(|l| !l.is_empty())
            .map(|l| {
                l.split('\0')
                    .filter(|a| !a.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .collect()
    }

    fn temp_dir(tag: &str) -> std::path::PathBuf {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("rth-pack-{}-{tag}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

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
            let secrets = vault_secrets(&ls);
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
            pack(&bad, Connector::BigQueryV2, &ls).unwrap_err(),
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
            pack(&TARGET, Connector::BigQueryV2, &ls).unwrap_err(),
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
    fn the_key_vault_script_reads_secrets_at_a_prompt_never_from_arguments() {
        let dir = temp_dir("kv");
        stand_in_az(&dir);
        let ls = google(Connector::GoogleAds, &VaultNames::default(), "", "Ads LS");
        let files = files(&TARGET, Connector::GoogleAds, &ls);
        let script = text(&files, "keyvault.sh");
        // The prompts come in the order of the linked service's properties.
        let order: Vec<String> = vault_secrets(&ls).iter().map(|s| s.name.clone()).collect();
        let values = [
            "dev-tok'en $HOME",
            "GOCSPX-se`cret`",
            "1//0g-refresh\\token",
        ];
        let stdin: String = values.iter().map(|v| format!("{v}\n")).collect();
        let (ok, err) = run(script, &dir, &stdin);
        assert!(ok, "{err}");
        let calls = az_calls(&dir);
        let sets: Vec<&Vec<String>> = calls
            .iter()
            .filter(|c| c[..3] == ["keyvault", "secret", "set"])
            .collect();
        assert_eq!(sets.len(), 3);
        for (call, name) in sets.iter().zip(&order) {
            assert_eq!(
                call[3..7],
                ["--vault-name", "kv-google", "--name", name.as_str()]
            );
        }
        let stored = std::fs::read_to_string(dir.join("az.log.files")).unwrap();
        let stored: Vec<&str> = stored
            .lines()
            .map(|l| l.trim_start_matches("FILE\0"))
            .collect();
        assert_eq!(stored, values, "each file holds exactly the typed value");
        for v in values {
            assert!(
                calls.iter().flatten().all(|a| !a.contains(v)),
                "{v} on a command line"
            );
        }
        let grant = calls
            .iter()
            .find(|c| c[..3] == ["role", "assignment", "create"])
            .unwrap();
        assert_eq!(
            grant[3..],
            [
                "--role",
                "Key Vault Secrets User",
                "--assignee-object-id",
                "00000000-principal",
                "--assignee-principal-type",
                "ServicePrincipal",
                "--scope",
                "/subscriptions/s/vault",
                "--output",
                "none"
            ]
        );
        assert!(script.contains("# az keyvault set-policy --name \"$vault\" --object-id \"$principal\" --secret-permissions get list"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Google Ads through a service account, its key in the vault.
    fn ads_service_account() -> Value {
        linked_service(&LinkedServiceInput {
            name: "AdsSA",
            connector: Connector::GoogleAds,
            credentials: Credentials::ServiceAccount {
                key_file: "",
                email: "sa@p.iam.gserviceaccount.com",
                private_key: "",
            },
            project_id: "",
            client_customer_id: "123-456-7890",
            login_customer_id: "",
            developer_token: "",
            ads_api_version: "v26",
            integration_runtime: "SelfHostedIR",
            secrets: &SecretStyle::KeyVault(VaultNames::default()),
        })
        .unwrap()
    }

    #[test]
    fn the_key_vault_script_stores_the_private_key_out_of_the_key_file() {
        let dir = temp_dir("kv-sa");
        stand_in_az(&dir);
        let pem = "-----BEGIN PRIVATE KEY-----\nMIIE'$x`\n-----END PRIVATE KEY-----\n";
        let key = json!({"type": "service_account", "client_email": "sa@p.iam.gserviceaccount.com", "private_key": pem});
        let key_path = dir.join("key.json");
        std::fs::write(&key_path, key.to_string()).unwrap();
        let ls = ads_service_account();
        let files = files(&TARGET, Connector::GoogleAds, &ls);
        let script = text(&files, "keyvault.sh");
        // developerToken, then privateKey: the order of the linked service's properties.
        let stdin = format!("dev-token\n{}\n", key_path.display());
        let (ok, err) = run(script, &dir, &stdin);
        assert!(ok, "{err}");
        let calls = az_calls(&dir);
        let names: Vec<&str> = calls
            .iter()
            .filter(|c| c[..3] == ["keyvault", "secret", "set"])
            .map(|c| c[6].as_str())
            .collect();
        assert_eq!(
            names,
            [
                "google-ads-developer-token",
                "google-service-account-private-key"
            ]
        );
        let stored = std::fs::read_to_string(dir.join("az.log.files")).unwrap();
        assert_eq!(stored, format!("FILE\0dev-token\nFILE\0{pem}\n"));
        assert!(calls.iter().flatten().all(|a| !a.contains("MIIE")));
        let ps = text(&files, "keyvault.ps1");
        assert!(ps.contains("$value = ConvertTo-SecureString -String (Get-Content -Raw -LiteralPath $path | ConvertFrom-Json).private_key -AsPlainText -Force\nSet-AzKeyVaultSecret -VaultName $vault -Name 'google-service-account-private-key' -SecretValue $value | Out-Null\n"), "{ps}");
        // Without a private key to store, the script has no such step.
        let user = google(Connector::GoogleAds, &VaultNames::default(), "", "Ads");
        assert!(!text(&files_of(&user), "keyvault.sh").contains("store_private_key"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn files_of(ls: &Value) -> Vec<PackFile> {
        let connector = Connector::from_type_name(ls["properties"]["type"].as_str().unwrap());
        files(&TARGET, connector.unwrap(), ls)
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

    /// The layout rules of each tool's formatter that these files can break. Bicep's
    /// defaults (bicepconfig.json `formatting`, "Configure your Bicep environment"):
    /// `indentKind` Space, `indentSize` 2, `newlineKind` LF, `insertFinalNewline` true, `width`
    /// 120. PowerShell's (PSScriptAnalyzer `Invoke-Formatter`, CodeFormatting settings):
    /// PSUseConsistentIndentation with 4 spaces, PSAvoidTrailingWhitespace,
    /// PSUseConsistentWhitespace (one space around `=`). Here-strings are data, not code.
    fn formatter_breaks(name: &str, text: &str) -> Vec<String> {
        let (step, width) = if name.ends_with(".bicep") {
            (2, 120)
        } else {
            (4, usize::MAX)
        };
        let mut problems = Vec::new();
        if !text.ends_with('\n') || text.ends_with("\n\n") {
            problems.push("not one final newline".to_owned());
        }
        let mut in_here_string = false;
        let mut previous = 0;
        for (n, line) in text.lines().enumerate() {
            let at = format!("{name}:{}", n + 1);
            if line.contains('\r') || line.contains('\t') {
                problems.push(format!("{at}: CR or tab"));
            }
            if line != line.trim_end() {
                problems.push(format!("{at}: trailing whitespace"));
            }
            if in_here_string {
                in_here_string = line != "'@";
                continue;
            }
            if name.ends_with(".ps1") && line.ends_with("@'") {
                in_here_string = true;
            }
            if line.trim().is_empty()
                || line.trim_start().starts_with('#')
                || line.trim_start().starts_with("//")
            {
                continue;
            }
            let indent = line.len() - line.trim_start().len();
            if indent % step != 0 || indent > previous + step {
                problems.push(format!("{at}: indented {indent}"));
            }
            previous = indent;
            if line.chars().count() > width {
                problems.push(format!("{at}: wider than {width}"));
            }
            if name.ends_with(".ps1") {
                if let Some(at_eq) = line.find(" = ").or_else(|| line.find('=')) {
                    let assignment = line.starts_with('$') && !line[..at_eq].contains(' ');
                    if assignment
                        && !line[at_eq..].starts_with(" = ")
                        && !line[..at_eq + 1].ends_with(" =")
                    {
                        problems.push(format!("{at}: `=` without spaces"));
                    }
                }
            }
        }
        problems
    }

    #[test]
    fn bicep_and_powershell_files_follow_their_formatters_defaults() {
        let variants = [
            google(
                Connector::BigQueryV2,
                &VaultNames::default(),
                "my-project",
                "BQ",
            ),
            google(Connector::GoogleAds, &VaultNames::default(), "", "Ads"),
            ads_service_account(),
        ];
        for ls in &variants {
            for f in files_of(ls) {
                if f.name.ends_with(".bicep") || f.name.ends_with(".ps1") {
                    let problems = formatter_breaks(f.name, &f.text);
                    assert!(problems.is_empty(), "{problems:#?}\n{}", f.text);
                }
            }
        }
        // The rules catch what they are for.
        assert!(!formatter_breaks("a.bicep", "x {\n   y: 1\n}\n").is_empty());
        assert!(!formatter_breaks("a.bicep", "x {\n  y: 1 \n}\n").is_empty());
        assert!(!formatter_breaks("a.bicep", "x\n\n").is_empty());
        assert!(!formatter_breaks("a.ps1", "$a='b'\n").is_empty());
        assert!(!formatter_breaks("a.ps1", "if ($a) {\n  $b = 1\n}\n").is_empty());
        assert!(formatter_breaks("a.ps1", "$v = @'\n  {\n'@\n").is_empty());
    }

    #[test]
    fn deploy_script_creates_both_linked_services_from_files() {
        let dir = temp_dir("deploy");
        stand_in_az(&dir);
        let ls = google(
            Connector::BigQueryV2,
            &VaultNames::default(),
            "my-project",
            "GoogleLS",
        );
        let files = files(&TARGET, Connector::BigQueryV2, &ls);
        let (ok, err) = run(text(&files, "deploy.sh"), &dir, "");
        assert!(ok, "{err}");
        let calls = az_calls(&dir);
        assert_eq!(calls.len(), 2);
        for (i, (call, expected)) in calls
            .iter()
            .zip([&key_vault_linked_service(&TARGET), &ls])
            .enumerate()
        {
            assert_eq!(
                call[..9],
                [
                    "datafactory",
                    "linked-service",
                    "create",
                    "--resource-group",
                    "rg-data",
                    "--factory-name",
                    "adf-prod",
                    "--name",
                    expected["name"].as_str().unwrap()
                ]
            );
            let props =
                std::fs::read_to_string(dir.join(format!("az.log.props.{}", i + 1))).unwrap();
            assert_eq!(
                serde_json::from_str::<Value>(&props).unwrap(),
                expected["properties"]
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn powershell_names_every_value_in_verbatim_strings() {
        let ls = google(Connector::GoogleAds, &VaultNames::default(), "", "GoogleLS");
        let files = files(&TARGET, Connector::GoogleAds, &ls);
        let kv = text(&files, "keyvault.ps1");
        assert!(kv.contains("$vault = 'kv-google'\n"));
        assert!(kv.contains("$value = Read-Host -AsSecureString -Prompt 'Refresh token'\nSet-AzKeyVaultSecret -VaultName $vault -Name 'google-refresh-token' -SecretValue $value"));
        assert!(kv.contains("New-AzRoleAssignment -ObjectId $principal -RoleDefinitionName 'Key Vault Secrets User' -Scope $vaultId"));
        let deploy = text(&files, "deploy.ps1");
        // The here-string holds the JSON verbatim.
        let start = deploy
            .find("google-linked-service.json' -Encoding utf8 -Value @'\n")
            .unwrap();
        let body = &deploy[start..];
        let json_start = body.find("@'\n").unwrap() + 3;
        let json_end = body.find("\n'@\n").unwrap();
        assert_eq!(
            serde_json::from_str::<Value>(&body[json_start..json_end]).unwrap(),
            ls
        );
        assert!(deploy.contains("Set-AzDataFactoryV2LinkedService -ResourceGroupName $resourceGroup -DataFactoryName $factory -Name 'GoogleLS' -DefinitionFile 'google-linked-service.json' -Force"));
    }

    #[test]
    fn hcl_is_aligned_as_terraform_fmt_aligns_it() {
        // hclwrite's rules: a run of single-line assignments is aligned; a line that opens a
        // multi-line value, a closing bracket, a comment or a blank line ends the run, and
        // such lines keep one space before `=`.
        let written = "# x = not an assignment\n\
                       resource \"a\" \"b\" {\n\
                       \x20 name = \"n\"\n\
                       \x20 data_factory_id = x.id\n\
                       \x20 type_properties_json = jsonencode({\n\
                       \x20   \"authenticationType\" = \"UserAuthentication\"\n\
                       \x20   \"a=b\" = \"#{\"\n\
                       \x20   \"clientSecret\" = {\n\
                       \x20     \"secretName\" = \"s\"\n\
                       \x20     \"type\" = \"AzureKeyVaultSecret\"\n\
                       \x20   }\n\
                       \x20   \"projectId\" = \"p\"\n\
                       \x20 })\n\
                       \x20 depends_on = [y.z]\n\
                       }\n";
        let expected = "# x = not an assignment\n\
                        resource \"a\" \"b\" {\n\
                        \x20 name            = \"n\"\n\
                        \x20 data_factory_id = x.id\n\
                        \x20 type_properties_json = jsonencode({\n\
                        \x20   \"authenticationType\" = \"UserAuthentication\"\n\
                        \x20   \"a=b\"                = \"#{\"\n\
                        \x20   \"clientSecret\" = {\n\
                        \x20     \"secretName\" = \"s\"\n\
                        \x20     \"type\"       = \"AzureKeyVaultSecret\"\n\
                        \x20   }\n\
                        \x20   \"projectId\" = \"p\"\n\
                        \x20 })\n\
                        \x20 depends_on = [y.z]\n\
                        }\n";
        assert_eq!(hcl_aligned(written), expected);
        assert_eq!(
            hcl_aligned(expected),
            expected,
            "formatting twice changes nothing"
        );
    }

    #[test]
    fn the_terraform_file_is_laid_out_as_terraform_fmt_lays_it_out() {
        let ls = google(
            Connector::BigQueryV2,
            &VaultNames::default(),
            "my-project",
            "GoogleLS",
        );
        let files = files(&TARGET, Connector::BigQueryV2, &ls);
        let tf = text(&files, "linked-services.tf");
        assert_eq!(hcl_aligned(tf), tf);
        assert!(
            tf.contains(
                "\n  name                = \"adf-prod\"\n  resource_group_name = \"rg-data\"\n"
            ),
            "{tf}"
        );
        assert!(tf.contains("\n  name            = \"GoogleLS\"\n  data_factory_id = data.azurerm_data_factory.factory.id\n  type            = \"GoogleBigQueryV2\"\n  type_properties_json = jsonencode({\n"), "{tf}");
        assert!(
            tf.contains("\n    \"authenticationType\" = \"UserAuthentication\"\n"),
            "{tf}"
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

    fn hostile() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-z'\"$`\\\\{}\\[\\]%@ \n\t\u{2019}é-]{1,16}").unwrap()
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

        #[test]
        fn hostile_names_reach_az_exactly(group in hostile(), factory in hostile(), ls_name in hostile()) {
            prop_assume!(!group.trim().is_empty() && !factory.trim().is_empty() && !ls_name.trim().is_empty());
            let dir = temp_dir("hostile");
            stand_in_az(&dir);
            let ls = google(Connector::BigQueryV2, &VaultNames::default(), "p", &ls_name);
            let target = Target { resource_group: &group, factory: &factory, ..TARGET };
            let files = files(&target, Connector::BigQueryV2, &ls);
            let (ok, err) = run(text(&files, "deploy.sh"), &dir, "");
            prop_assert!(ok, "{}", err);
            let calls = az_calls(&dir);
            prop_assert_eq!(&calls[1][4], group.trim());
            prop_assert_eq!(&calls[1][6], factory.trim());
            prop_assert_eq!(&calls[1][8], ls_name.trim());
            let _ = std::fs::remove_dir_all(&dir);
        }

        /// PowerShell's quoting is read back by `tests/export_properties.rs`.
        #[test]
        fn quoting_round_trips(s in hostile()) {
            let bicep = bicep_string(&s);
            prop_assert_eq!(BicepReader { s: bicep.as_bytes(), at: 0 }.value(), Value::String(s.clone()));
            let tf = format!("x = {}\n", hcl_string(&s));
            let body = hcl::parse(&tf).unwrap();
            use hcl::eval::Evaluate;
            let v = body.attributes().next().unwrap().expr.evaluate(&hcl::eval::Context::new()).unwrap();
            prop_assert_eq!(v, hcl::Value::String(s.clone()));
        }
    }
}
