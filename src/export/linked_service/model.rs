//! The linked service as typed data, serialized to exactly the JSON ADF's REST model reads
//! (`LinkedServiceResource`: `name`, `properties` with `type`, `version`, `connectVia` and
//! `typeProperties`; secrets as `SecretBase`: `SecureString` or `AzureKeyVaultSecret`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A linked service, as a file or the JSON view holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkedService {
    pub name: String,
    pub properties: Properties,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Properties {
    #[serde(rename = "type")]
    pub kind: String,
    /// The connector version (BigQuery V2: `1.1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The integration runtime it runs on; Azure's own when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connect_via: Option<Reference>,
    pub type_properties: BTreeMap<String, Property>,
}

/// One of `typeProperties`: a secret, or a plain value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Property {
    Secret(SecretValue),
    Text(String),
}

/// A secret in a linked service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum SecretValue {
    /// The secret itself, encrypted by ADF on save.
    SecureString { value: String },
    /// A secret in Azure Key Vault, read through the vault's linked service.
    AzureKeyVaultSecret {
        store: Reference,
        #[serde(rename = "secretName")]
        secret_name: String,
    },
}

/// A reference to another ADF object (`LinkedServiceReference`, `IntegrationRuntimeReference`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    #[serde(rename = "referenceName")]
    pub reference_name: String,
    #[serde(rename = "type")]
    pub kind: String,
}

impl LinkedService {
    /// As JSON, for the formats that write JSON values (ARM, Bicep, the scripts).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    /// The secrets it reads from Key Vault: each property and its secret's name, in the
    /// order of the properties.
    pub fn vault_secrets(&self) -> Vec<(&str, &str)> {
        self.properties
            .type_properties
            .iter()
            .filter_map(|(property, value)| match value {
                Property::Secret(SecretValue::AzureKeyVaultSecret { secret_name, .. }) => {
                    Some((property.as_str(), secret_name.as_str()))
                }
                _ => None,
            })
            .collect()
    }
}
