//! Azure Data Factory / Synapse linked services for Google connectors, built with serde_json.
//!
//! Field names follow Microsoft's connector documentation and the Data Factory REST models:
//! - "Copy data from Google BigQuery V2" (learn.microsoft.com/azure/data-factory/
//!   connector-google-bigquery): `GoogleBigQueryV2` with `projectId`, `authenticationType`
//!   `UserAuthentication`, `clientId`, `clientSecret`, `refreshToken`;
//! - the legacy "Google BigQuery" connector (connector-google-bigquery-legacy): `GoogleBigQuery`
//!   with `project`, `additionalProjects`, `requestGoogleDriveScope`, `authenticationType`,
//!   `clientId`, `clientSecret`, `refreshToken`;
//! - "Copy data from Google Ads" (connector-google-adwords): `GoogleAdWords` with
//!   `clientCustomerID`, `loginCustomerID`, `developerToken`, `authenticationType`, `clientId`,
//!   `clientSecret`, `refreshToken`, `googleAdsApiVersion`;
//! - secrets as `SecureString` or `AzureKeyVaultSecret` references ("Store credentials in
//!   Azure Key Vault": `store` is a `LinkedServiceReference`, `secretName` names the secret).

use serde_json::{json, Map, Value};

use crate::google::presets::DRIVE;
use crate::oauth::Scopes;

/// Which connector the linked service is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connector {
    BigQueryV2,
    BigQueryLegacy,
    GoogleAds,
}

impl Connector {
    pub const ALL: [Connector; 3] = [
        Connector::BigQueryV2,
        Connector::BigQueryLegacy,
        Connector::GoogleAds,
    ];

    pub fn type_name(self) -> &'static str {
        match self {
            Connector::BigQueryV2 => "GoogleBigQueryV2",
            Connector::BigQueryLegacy => "GoogleBigQuery",
            Connector::GoogleAds => "GoogleAdWords",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Connector::BigQueryV2 => "Google BigQuery (V2 connector)",
            Connector::BigQueryLegacy => "Google BigQuery (legacy connector)",
            Connector::GoogleAds => "Google Ads",
        }
    }

    pub fn from_type_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.type_name() == name)
    }

    /// A sensible default for the scopes that were granted.
    pub fn for_scopes(scopes: &Scopes) -> Self {
        if scopes.iter().any(|s| s.as_str().ends_with("/auth/adwords")) {
            Connector::GoogleAds
        } else if scopes.contains(DRIVE) {
            Connector::BigQueryLegacy
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
    KeyVault {
        /// The Key Vault linked service's name.
        store: String,
        client_secret_name: String,
        refresh_token_name: String,
        developer_token_name: String,
    },
}

/// Everything the user fills in or the flow produced.
#[derive(Debug, Clone)]
pub struct LinkedServiceInput<'a> {
    pub name: &'a str,
    pub connector: Connector,
    pub client_id: &'a str,
    pub client_secret: &'a str,
    pub refresh_token: &'a str,
    /// BigQuery: the default project (`projectId` / `project`).
    pub project_id: &'a str,
    /// Legacy BigQuery: comma-separated public projects.
    pub additional_projects: &'a str,
    /// The scopes actually granted: the legacy connector's `requestGoogleDriveScope` is true
    /// only when Drive was granted.
    pub granted: Option<&'a Scopes>,
    pub client_customer_id: &'a str,
    pub login_customer_id: &'a str,
    pub developer_token: &'a str,
    pub ads_api_version: &'a str,
    pub secrets: &'a SecretStyle,
}

fn secret(
    style: &SecretStyle,
    value: &str,
    key_vault_name: impl Fn(&SecretStyle) -> String,
) -> Value {
    match style {
        SecretStyle::SecureString => json!({"type": "SecureString", "value": value}),
        SecretStyle::KeyVault { store, .. } => json!({
            "type": "AzureKeyVaultSecret",
            "store": {"referenceName": store, "type": "LinkedServiceReference"},
            "secretName": key_vault_name(style),
        }),
    }
}

fn names(style: &SecretStyle) -> (String, String, String) {
    match style {
        SecretStyle::KeyVault {
            client_secret_name,
            refresh_token_name,
            developer_token_name,
            ..
        } => (
            client_secret_name.clone(),
            refresh_token_name.clone(),
            developer_token_name.clone(),
        ),
        SecretStyle::SecureString => Default::default(),
    }
}

/// Trims, and leaves out what was left empty rather than sending `""`.
fn put(map: &mut Map<String, Value>, key: &str, value: &str) {
    let value = value.trim();
    if !value.is_empty() {
        map.insert(key.to_owned(), Value::String(value.to_owned()));
    }
}

/// The linked service as ADF's JSON view shows it.
pub fn linked_service(input: &LinkedServiceInput<'_>) -> Value {
    let style = input.secrets;
    let client_secret = secret(style, input.client_secret, |s| names(s).0);
    let refresh_token = secret(style, input.refresh_token, |s| names(s).1);
    let mut tp = Map::new();
    match input.connector {
        Connector::BigQueryV2 => {
            put(&mut tp, "projectId", input.project_id);
        }
        Connector::BigQueryLegacy => {
            put(&mut tp, "project", input.project_id);
            put(&mut tp, "additionalProjects", input.additional_projects);
            let drive = input.granted.is_some_and(|g| g.contains(DRIVE));
            tp.insert("requestGoogleDriveScope".into(), Value::Bool(drive));
        }
        Connector::GoogleAds => {
            put(&mut tp, "clientCustomerID", input.client_customer_id);
            put(&mut tp, "loginCustomerID", input.login_customer_id);
            tp.insert(
                "developerToken".into(),
                secret(style, input.developer_token, |s| names(s).2),
            );
            put(&mut tp, "googleAdsApiVersion", input.ads_api_version);
        }
    }
    tp.insert("authenticationType".into(), "UserAuthentication".into());
    put(&mut tp, "clientId", input.client_id);
    tp.insert("clientSecret".into(), client_secret);
    tp.insert("refreshToken".into(), refresh_token);
    let name = match input.name.trim() {
        "" => "GoogleLinkedService",
        n => n,
    };
    json!({
        "name": name,
        "properties": {
            "type": input.connector.type_name(),
            "typeProperties": Value::Object(tp),
        }
    })
}

/// Pretty-printed, as a file to download or text to paste.
pub fn linked_service_json(input: &LinkedServiceInput<'_>) -> String {
    serde_json::to_string_pretty(&linked_service(input)).expect("JSON values always print")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input<'a>(
        connector: Connector,
        secrets: &'a SecretStyle,
        granted: Option<&'a Scopes>,
    ) -> LinkedServiceInput<'a> {
        LinkedServiceInput {
            name: "BigQueryFromAdf",
            connector,
            client_id: "cid.apps.googleusercontent.com",
            client_secret: "GOCSPX-s",
            refresh_token: "1//0g-rt",
            project_id: " my-project ",
            additional_projects: "",
            granted,
            client_customer_id: "123-456-7890",
            login_customer_id: "",
            developer_token: "dev-token",
            ads_api_version: "v17",
            secrets,
        }
    }

    #[test]
    fn bigquery_v2_with_secure_strings() {
        let v = linked_service(&input(
            Connector::BigQueryV2,
            &SecretStyle::SecureString,
            None,
        ));
        assert_eq!(
            v,
            json!({
                "name": "BigQueryFromAdf",
                "properties": {
                    "type": "GoogleBigQueryV2",
                    "typeProperties": {
                        "projectId": "my-project",
                        "authenticationType": "UserAuthentication",
                        "clientId": "cid.apps.googleusercontent.com",
                        "clientSecret": {"type": "SecureString", "value": "GOCSPX-s"},
                        "refreshToken": {"type": "SecureString", "value": "1//0g-rt"}
                    }
                }
            })
        );
    }

    #[test]
    fn legacy_bigquery_asks_for_drive_only_when_granted() {
        let with_drive =
            Scopes::parse(&format!("{} {DRIVE}", crate::google::presets::BIGQUERY)).unwrap();
        let v = linked_service(&input(
            Connector::BigQueryLegacy,
            &SecretStyle::SecureString,
            Some(&with_drive),
        ));
        let tp = &v["properties"]["typeProperties"];
        assert_eq!(v["properties"]["type"], "GoogleBigQuery");
        assert_eq!(tp["project"], "my-project");
        assert_eq!(tp["requestGoogleDriveScope"], true);
        assert!(
            tp.get("additionalProjects").is_none(),
            "empty fields are left out"
        );
        let without = Scopes::parse(crate::google::presets::BIGQUERY).unwrap();
        let v = linked_service(&input(
            Connector::BigQueryLegacy,
            &SecretStyle::SecureString,
            Some(&without),
        ));
        assert_eq!(
            v["properties"]["typeProperties"]["requestGoogleDriveScope"],
            false
        );
    }

    #[test]
    fn google_ads_with_key_vault_references() {
        let vault = SecretStyle::KeyVault {
            store: "KeyVaultLS".into(),
            client_secret_name: "google-client-secret".into(),
            refresh_token_name: "google-refresh-token".into(),
            developer_token_name: "google-ads-developer-token".into(),
        };
        let v = linked_service(&input(Connector::GoogleAds, &vault, None));
        let tp = &v["properties"]["typeProperties"];
        assert_eq!(v["properties"]["type"], "GoogleAdWords");
        assert_eq!(tp["clientCustomerID"], "123-456-7890");
        assert_eq!(tp["googleAdsApiVersion"], "v17");
        assert_eq!(
            tp["refreshToken"],
            json!({"type": "AzureKeyVaultSecret", "store": {"referenceName": "KeyVaultLS", "type": "LinkedServiceReference"}, "secretName": "google-refresh-token"})
        );
        assert_eq!(
            tp["developerToken"]["secretName"],
            "google-ads-developer-token"
        );
        assert_eq!(tp["clientSecret"]["secretName"], "google-client-secret");
        let text = linked_service_json(&input(Connector::GoogleAds, &vault, None));
        assert!(
            !text.contains("1//0g-rt") && !text.contains("GOCSPX-s"),
            "no secret in a Key Vault export"
        );
    }

    #[test]
    fn values_with_quotes_stay_valid_json() {
        let mut i = input(Connector::BigQueryV2, &SecretStyle::SecureString, None);
        i.project_id = "a\"b\\c\n";
        let text = linked_service_json(&i);
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["properties"]["typeProperties"]["projectId"], "a\"b\\c");
    }

    #[test]
    fn picks_the_connector_from_the_scopes() {
        let ads = Scopes::parse(crate::google::presets::ADWORDS).unwrap();
        assert_eq!(Connector::for_scopes(&ads), Connector::GoogleAds);
        let drive =
            Scopes::parse(&format!("{} {DRIVE}", crate::google::presets::BIGQUERY)).unwrap();
        assert_eq!(Connector::for_scopes(&drive), Connector::BigQueryLegacy);
        for c in Connector::ALL {
            assert_eq!(Connector::from_type_name(c.type_name()), Some(c));
        }
    }
}
