//! Azure Data Factory / Synapse linked services for Google connectors, built with serde_json.
//!
//! Field names and which are required follow Microsoft's connector documentation and the Data
//! Factory REST models:
//! - "Copy data from Google BigQuery V2" (https://learn.microsoft.com/azure/data-factory/
//!   connector-google-bigquery, ms.date 2025-06-09): `GoogleBigQueryV2` with `version`
//!   beside `type` ("Yes for version 1.1"; "Recommend upgrading to the latest version"; its
//!   examples carry `"version": "1.1"`, and a linked service without it runs version 1.0),
//!   `projectId` (required),
//!   `authenticationType` `UserAuthentication`, `clientId` (required), `clientSecret`,
//!   `refreshToken`. V2 has no `requestGoogleDriveScope` or `additionalProjects`: Drive-backed
//!   tables need only the Drive scope in the token.
//! - The legacy `GoogleBigQuery` (V1) connector is not offered: Microsoft's V1 page
//!   (connector-google-bigquery-legacy) puts it in the removal stage, and pipelines on it fail
//!   after 30 September 2025.
//! - "Copy data from Google Ads" (connector-google-adwords): `GoogleAdWords` with
//!   `googleAdsApiVersion` (required with the recommended driver; without it the linked
//!   service runs on the removed legacy driver: `DeprecatedGoogleAdsLegacyDriverVersion`),
//!   `clientCustomerID` (required), `loginCustomerID`, `developerToken`,
//!   `authenticationType`, `clientId`, `clientSecret`, `refreshToken`. Customer IDs go as
//!   digits only (Google Ads API "Common errors": `123-456-7890` is sent as `1234567890`).
//!   `developerToken` is written only when given: Google sunset developer tokens on
//!   2026-09-09 (the header is optional and ignored), and the REST model
//!   `GoogleAdWordsLinkedService` (@azure/arm-datafactory, `developerToken?`) does not
//!   require it, although the connector page still marks it "Yes" (checked 2026-12-05;
//!   `google::facts::ADF_ADS_DEVELOPER_TOKEN`).
//! - a service account for BigQuery V2: `authenticationType` `ServiceAuthentication` and
//!   `keyFileContent`, the content of the JSON key file (the REST model
//!   `GoogleBigQueryV2LinkedService`, @azure/arm-datafactory: "The content of the .json key
//!   file that is used to authenticate the service account").
//! - a service account for Google Ads: the REST model `GoogleAdWordsLinkedService`
//!   (@azure/arm-datafactory): `authenticationType` "ServiceAuthentication can only be used
//!   on self-hosted IR", `email` ("The service account email ID that is used for
//!   ServiceAuthentication and can only be used on self-hosted IR") and `privateKey` (a
//!   secret: "The private key that is used to authenticate the service account email address
//!   and can only be used on self-hosted IR"); `keyFilePath` is deprecated. So the linked
//!   service names its self-hosted integration runtime in `connectVia`
//!   (`IntegrationRuntimeReference`). Google Ads takes the service account once an admin of
//!   the Ads account adds its email as a user (Google Ads API, "Service accounts": direct
//!   account access, no domain-wide delegation).
//! - secrets as `SecureString` or `AzureKeyVaultSecret` references ("Store credentials in
//!   Azure Key Vault": `store` is a `LinkedServiceReference`, `secretName` names the secret;
//!   without `secretVersion` the latest version is read, so a rotated secret needs no redeploy).

use std::collections::BTreeMap;

mod model;
pub use model::{LinkedService, Properties, Property, Reference, SecretValue};

use crate::oauth::{Scopes, Secret};

/// The BigQuery V2 connector version every export sets (see the module's sources): without
/// it ADF runs the linked service on 1.0.
pub const BIGQUERY_V2_VERSION: &str = "1.1";

/// Which connector the linked service is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connector {
    BigQueryV2,
    GoogleAds,
}

impl Connector {
    pub const ALL: [Connector; 2] = [Connector::BigQueryV2, Connector::GoogleAds];

    pub fn type_name(self) -> &'static str {
        match self {
            Connector::BigQueryV2 => "GoogleBigQueryV2",
            Connector::GoogleAds => "GoogleAdWords",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Connector::BigQueryV2 => "Google BigQuery (V2 connector)",
            Connector::GoogleAds => "Google Ads",
        }
    }

    /// The linked service's name until the user types another.
    pub fn default_name(self) -> &'static str {
        match self {
            Connector::BigQueryV2 => "GoogleBigQueryLinkedService",
            Connector::GoogleAds => "GoogleAdsLinkedService",
        }
    }

    /// Whether `name` is one of the names the page proposes, not one the user chose.
    pub fn is_default_name(name: &str) -> bool {
        Self::ALL
            .into_iter()
            .any(|c| c.default_name() == name.trim())
    }

    pub fn from_type_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.type_name() == name)
    }

    /// A sensible default for the scopes that were granted.
    pub fn for_scopes(scopes: &Scopes) -> Self {
        if scopes.iter().any(|s| s.as_str().ends_with("/auth/adwords")) {
            Connector::GoogleAds
        } else {
            Connector::BigQueryV2
        }
    }
}

/// How the secrets appear in the JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretStyle {
    /// `{"type": "SecureString", "value": …}`: the secret itself, encrypted by ADF on save.
    SecureString,
    /// References to secrets in an Azure Key Vault, through its linked service.
    KeyVault(VaultNames),
}

/// The Key Vault linked service and the name of each secret in the vault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VaultNames {
    /// The Key Vault linked service's name.
    pub store: String,
    pub client_secret: String,
    pub refresh_token: String,
    pub developer_token: String,
    pub key_file: String,
    /// A service account's private key alone (Google Ads' `privateKey`).
    pub private_key: String,
}

impl Default for VaultNames {
    fn default() -> Self {
        Self {
            store: "AzureKeyVaultLinkedService".into(),
            client_secret: "google-client-secret".into(),
            refresh_token: "google-refresh-token".into(),
            developer_token: "google-ads-developer-token".into(),
            key_file: "google-service-account-key".into(),
            private_key: "google-service-account-private-key".into(),
        }
    }
}

/// Who the linked service signs in as.
#[derive(Debug, Clone, Copy)]
pub enum Credentials<'a> {
    /// A user's consent: the OAuth client and the refresh token.
    User {
        client_id: &'a str,
        client_secret: &'a str,
        refresh_token: &'a str,
    },
    /// A service account: its JSON key file (BigQuery takes it whole), its email and its
    /// PEM private key (Google Ads takes these two).
    ServiceAccount {
        key_file: &'a str,
        email: &'a str,
        private_key: &'a str,
    },
}

/// Everything the user fills in or the flow produced.
#[derive(Debug, Clone)]
pub struct LinkedServiceInput<'a> {
    pub name: &'a str,
    pub connector: Connector,
    pub credentials: Credentials<'a>,
    /// BigQuery: the project to run jobs in (`projectId`).
    pub project_id: &'a str,
    pub client_customer_id: &'a str,
    pub login_customer_id: &'a str,
    pub developer_token: &'a str,
    pub ads_api_version: &'a str,
    /// The integration runtime to connect via (`connectVia`); empty for Azure's default.
    pub integration_runtime: &'a str,
    pub secrets: &'a SecretStyle,
}

/// Why no linked service can be made yet: one property at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportProblem {
    /// A property ADF requires is empty.
    Required { property: &'static str },
    /// A customer ID that is not ten digits once dashes and spaces are gone.
    CustomerId {
        property: &'static str,
        typed: String,
    },
    /// An API version that is not `v` and a number.
    ApiVersion { typed: String },
    /// Google Ads with a service account runs only on a self-hosted integration runtime,
    /// and none is named.
    SelfHostedRuntimeRequired,
}

fn secret(style: &SecretStyle, value: &str, name: fn(&VaultNames) -> &String) -> Property {
    Property::Secret(match style {
        SecretStyle::SecureString => SecretValue::SecureString {
            value: value.to_owned(),
        },
        SecretStyle::KeyVault(names) => SecretValue::AzureKeyVaultSecret {
            store: Reference {
                reference_name: names.store.clone(),
                kind: "LinkedServiceReference".into(),
            },
            secret_name: name(names).clone(),
        },
    })
}

/// A customer ID as the API wants it: digits only (`123-456-7890` → `1234567890`).
pub fn customer_id_digits(typed: &str) -> Option<String> {
    let digits: String = typed.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
    (digits.len() == 10 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// Collects the properties, and every problem with them at once.
struct Builder {
    tp: BTreeMap<String, Property>,
    problems: Vec<ExportProblem>,
}

impl Builder {
    fn required(&mut self, property: &'static str, value: &str) {
        match value.trim() {
            "" => self.problems.push(ExportProblem::Required { property }),
            v => {
                self.tp
                    .insert(property.into(), Property::Text(v.to_owned()));
            }
        }
    }

    fn customer_id(&mut self, property: &'static str, typed: &str, required: bool) {
        if typed.trim().is_empty() {
            if required {
                self.problems.push(ExportProblem::Required { property });
            }
            return;
        }
        match customer_id_digits(typed) {
            Some(digits) => {
                self.tp.insert(property.into(), Property::Text(digits));
            }
            None => self.problems.push(ExportProblem::CustomerId {
                property,
                typed: typed.trim().to_owned(),
            }),
        }
    }

    /// A secret: with SecureString its value is required; a Key Vault reference needs none.
    fn secret(
        &mut self,
        property: &'static str,
        style: &SecretStyle,
        value: &str,
        name: fn(&VaultNames) -> &String,
    ) {
        if *style == SecretStyle::SecureString && value.trim().is_empty() {
            self.problems.push(ExportProblem::Required { property });
        }
        self.tp
            .insert(property.into(), secret(style, value.trim(), name));
    }
}

/// The linked service as ADF's JSON view shows it, or every property still missing or wrong:
/// never JSON that ADF would reject.
pub fn linked_service(input: &LinkedServiceInput<'_>) -> Result<LinkedService, Vec<ExportProblem>> {
    let style = input.secrets;
    let mut b = Builder {
        tp: BTreeMap::new(),
        problems: Vec::new(),
    };
    match input.connector {
        Connector::BigQueryV2 => b.required("projectId", input.project_id),
        Connector::GoogleAds => {
            let version = input.ads_api_version.trim();
            if version.is_empty() {
                b.problems.push(ExportProblem::Required {
                    property: "googleAdsApiVersion",
                });
            } else if is_api_version(version) {
                b.tp.insert("googleAdsApiVersion".into(), Property::Text(version.into()));
            } else {
                b.problems.push(ExportProblem::ApiVersion {
                    typed: version.into(),
                });
            }
            b.customer_id("clientCustomerID", input.client_customer_id, true);
            b.customer_id("loginCustomerID", input.login_customer_id, false);
            // Optional since Google sunset developer tokens (see `google::facts`): carried
            // only when one was given, never as an empty secret or a vault secret nobody holds.
            if !input.developer_token.trim().is_empty() {
                b.secret("developerToken", style, input.developer_token, |n| {
                    &n.developer_token
                });
            }
        }
    }
    match input.credentials {
        Credentials::User {
            client_id,
            client_secret,
            refresh_token,
        } => {
            b.tp.insert(
                "authenticationType".into(),
                Property::Text("UserAuthentication".into()),
            );
            b.required("clientId", client_id);
            b.secret("clientSecret", style, client_secret, |n| &n.client_secret);
            b.secret("refreshToken", style, refresh_token, |n| &n.refresh_token);
        }
        Credentials::ServiceAccount {
            key_file,
            email,
            private_key,
        } => {
            b.tp.insert(
                "authenticationType".into(),
                Property::Text("ServiceAuthentication".into()),
            );
            match input.connector {
                Connector::BigQueryV2 => {
                    b.secret("keyFileContent", style, key_file, |n| &n.key_file)
                }
                Connector::GoogleAds => {
                    if input.integration_runtime.trim().is_empty() {
                        b.problems.push(ExportProblem::SelfHostedRuntimeRequired);
                    }
                    b.required("email", email);
                    b.secret("privateKey", style, private_key, |n| &n.private_key);
                }
            }
        }
    }
    if !b.problems.is_empty() {
        return Err(b.problems);
    }
    let name = match input.name.trim() {
        "" => "GoogleLinkedService",
        n => n,
    };
    let runtime = input.integration_runtime.trim();
    Ok(LinkedService {
        name: name.to_owned(),
        properties: Properties {
            kind: input.connector.type_name().into(),
            version: (input.connector == Connector::BigQueryV2)
                .then(|| BIGQUERY_V2_VERSION.to_owned()),
            connect_via: (!runtime.is_empty()).then(|| Reference {
                reference_name: runtime.to_owned(),
                kind: "IntegrationRuntimeReference".into(),
            }),
            type_properties: b.tp,
        },
    })
}

/// `v` and a major version number, as ADF's `googleAdsApiVersion` takes it.
fn is_api_version(v: &str) -> bool {
    v.strip_prefix('v')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Pretty-printed, as a file to download or text to paste.
pub fn linked_service_json(input: &LinkedServiceInput<'_>) -> Result<String, Vec<ExportProblem>> {
    linked_service(input).map(|v| pretty(&v))
}

/// A linked service (or any JSON the exports write) as text.
pub fn pretty(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// The same linked service with every `SecureString` value masked, for the screen: checked
/// and built once on the real values, then masked, never validated on masks.
pub fn masked(mut linked_service: LinkedService) -> LinkedService {
    for field in linked_service.properties.type_properties.values_mut() {
        if let Property::Secret(SecretValue::SecureString { value }) = field {
            *value = Secret::new(std::mem::take(value)).masked();
        }
    }
    linked_service
}

#[cfg(test)]
mod tests;
