//! The linked service's properties, as Microsoft's connector articles and REST models name them.

use super::*;
use serde_json::{json, Value};

fn input<'a>(connector: Connector, secrets: &'a SecretStyle) -> LinkedServiceInput<'a> {
    LinkedServiceInput {
        name: "BigQueryFromAdf",
        connector,
        credentials: Credentials::User {
            client_id: "cid.apps.googleusercontent.com",
            client_secret: "GOCSPX-s",
            refresh_token: "1//0g-rt",
        },
        project_id: " my-project ",
        client_customer_id: "123-456-7890",
        login_customer_id: "",
        developer_token: "dev-token",
        ads_api_version: "v26",
        integration_runtime: "",
        secrets,
    }
}

#[test]
fn bigquery_v2_with_secure_strings() {
    let v = linked_service(&input(Connector::BigQueryV2, &SecretStyle::SecureString))
        .unwrap()
        .to_json();
    assert_eq!(
        v,
        json!({
            "name": "BigQueryFromAdf",
            "properties": {
                "type": "GoogleBigQueryV2",
                "version": "1.1",
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
fn required_properties_are_refused_one_by_one_never_left_out() {
    let mut i = input(Connector::BigQueryV2, &SecretStyle::SecureString);
    i.project_id = " ";
    i.credentials = Credentials::User {
        client_id: "",
        client_secret: "s",
        refresh_token: "r",
    };
    assert_eq!(
        linked_service(&i).unwrap_err(),
        [
            ExportProblem::Required {
                property: "projectId"
            },
            ExportProblem::Required {
                property: "clientId"
            },
        ]
    );
    let mut ads = input(Connector::GoogleAds, &SecretStyle::SecureString);
    ads.ads_api_version = "";
    ads.client_customer_id = "";
    ads.developer_token = "";
    assert_eq!(
        linked_service(&ads).unwrap_err(),
        [
            ExportProblem::Required {
                property: "googleAdsApiVersion"
            },
            ExportProblem::Required {
                property: "clientCustomerID"
            },
        ]
    );
    // Key Vault references need no secret values here.
    let vault = SecretStyle::KeyVault(VaultNames::default());
    let mut kv = input(Connector::GoogleAds, &vault);
    kv.credentials = Credentials::User {
        client_id: "cid",
        client_secret: "",
        refresh_token: "",
    };
    kv.developer_token = "";
    assert!(linked_service(&kv).is_ok());
}

#[test]
fn a_developer_token_is_carried_only_when_given() {
    // Google ignores it since its sunset, and Microsoft's REST model does not require it.
    for style in [
        SecretStyle::SecureString,
        SecretStyle::KeyVault(VaultNames::default()),
    ] {
        for blank in ["", "   "] {
            let mut ads = input(Connector::GoogleAds, &style);
            ads.developer_token = blank;
            let json = linked_service(&ads).unwrap().to_json();
            let tp = &json["properties"]["typeProperties"];
            assert!(tp.get("developerToken").is_none(), "{json}");
            assert_eq!(tp["clientCustomerID"], "1234567890");
        }
        let given = linked_service(&input(Connector::GoogleAds, &style))
            .unwrap()
            .to_json();
        assert!(given["properties"]["typeProperties"]
            .get("developerToken")
            .is_some());
    }
}

#[test]
fn customer_ids_go_as_digits_and_the_api_version_is_checked() {
    let mut i = input(Connector::GoogleAds, &SecretStyle::SecureString);
    i.login_customer_id = "987 654 3210";
    let v = linked_service(&i).unwrap().to_json();
    let tp = &v["properties"]["typeProperties"];
    assert_eq!(tp["clientCustomerID"], "1234567890");
    assert_eq!(tp["loginCustomerID"], "9876543210");
    assert_eq!(tp["googleAdsApiVersion"], "v26");
    i.client_customer_id = "123-456-789";
    i.ads_api_version = "26";
    assert_eq!(
        linked_service(&i).unwrap_err(),
        [
            ExportProblem::ApiVersion { typed: "26".into() },
            ExportProblem::CustomerId {
                property: "clientCustomerID",
                typed: "123-456-789".into()
            },
        ]
    );
    assert_eq!(
        customer_id_digits("123-456-7890").as_deref(),
        Some("1234567890")
    );
    assert_eq!(customer_id_digits("12a4567890"), None);
}

#[test]
fn google_ads_with_key_vault_references() {
    let vault = SecretStyle::KeyVault(VaultNames {
        store: "KeyVaultLS".into(),
        ..VaultNames::default()
    });
    let v = linked_service(&input(Connector::GoogleAds, &vault))
        .unwrap()
        .to_json();
    let tp = &v["properties"]["typeProperties"];
    assert_eq!(v["properties"]["type"], "GoogleAdWords");
    assert_eq!(tp["clientCustomerID"], "1234567890");
    assert!(
        tp.get("loginCustomerID").is_none(),
        "optional and empty: left out"
    );
    assert_eq!(
        tp["refreshToken"],
        json!({"type": "AzureKeyVaultSecret", "store": {"referenceName": "KeyVaultLS", "type": "LinkedServiceReference"}, "secretName": "google-refresh-token"})
    );
    assert_eq!(
        tp["developerToken"]["secretName"],
        "google-ads-developer-token"
    );
    assert_eq!(tp["clientSecret"]["secretName"], "google-client-secret");
    let text = linked_service_json(&input(Connector::GoogleAds, &vault)).unwrap();
    assert!(
        !text.contains("1//0g-rt") && !text.contains("GOCSPX-s"),
        "no secret in a Key Vault export"
    );
}

const KEY: &str = r#"{"type":"service_account","client_email":"sa@p.iam.gserviceaccount.com","private_key":"-----BEGIN PRIVATE KEY-----\nMII\n"}"#;
const PEM: &str = "-----BEGIN PRIVATE KEY-----\nMII\n";

fn service_account(key_file: &'static str) -> Credentials<'static> {
    Credentials::ServiceAccount {
        key_file,
        email: "sa@p.iam.gserviceaccount.com",
        private_key: PEM,
    }
}

#[test]
fn a_service_account_signs_bigquery_in_with_its_key_file() {
    let mut i = input(Connector::BigQueryV2, &SecretStyle::SecureString);
    i.credentials = service_account(KEY);
    let v = linked_service(&i).unwrap().to_json();
    assert_eq!(v["properties"]["version"], "1.1");
    let tp = &v["properties"]["typeProperties"];
    assert_eq!(tp["authenticationType"], "ServiceAuthentication");
    assert_eq!(
        tp["keyFileContent"],
        json!({"type": "SecureString", "value": KEY})
    );
    assert!(tp.get("clientId").is_none() && tp.get("email").is_none());
    let vault = SecretStyle::KeyVault(VaultNames::default());
    let mut kv = input(Connector::BigQueryV2, &vault);
    kv.credentials = service_account("");
    let v = linked_service(&kv).unwrap().to_json();
    assert_eq!(
        v["properties"]["typeProperties"]["keyFileContent"]["secretName"],
        "google-service-account-key"
    );
    i.credentials = service_account(" ");
    assert_eq!(
        linked_service(&i).unwrap_err(),
        [ExportProblem::Required {
            property: "keyFileContent"
        }]
    );
}

#[test]
fn a_service_account_signs_google_ads_in_on_a_self_hosted_runtime_only() {
    let mut i = input(Connector::GoogleAds, &SecretStyle::SecureString);
    i.credentials = service_account(KEY);
    assert_eq!(
        linked_service(&i).unwrap_err(),
        [ExportProblem::SelfHostedRuntimeRequired]
    );
    i.integration_runtime = " SelfHostedIR ";
    let v = linked_service(&i).unwrap().to_json();
    assert_eq!(
        v["properties"]["connectVia"],
        json!({"referenceName": "SelfHostedIR", "type": "IntegrationRuntimeReference"})
    );
    assert!(
        v["properties"].get("version").is_none(),
        "the version is BigQuery's"
    );
    let tp = &v["properties"]["typeProperties"];
    assert_eq!(tp["authenticationType"], "ServiceAuthentication");
    assert_eq!(tp["email"], "sa@p.iam.gserviceaccount.com");
    assert_eq!(
        tp["privateKey"],
        json!({"type": "SecureString", "value": PEM.trim()})
    );
    assert!(tp.get("keyFileContent").is_none() && tp.get("keyFilePath").is_none());
    assert_eq!(tp["clientCustomerID"], "1234567890");
    let vault = SecretStyle::KeyVault(VaultNames::default());
    let mut kv = input(Connector::GoogleAds, &vault);
    kv.integration_runtime = "SelfHostedIR";
    kv.credentials = Credentials::ServiceAccount {
        key_file: "",
        email: "",
        private_key: "",
    };
    assert_eq!(
        linked_service(&kv).unwrap_err(),
        [ExportProblem::Required { property: "email" }]
    );
    kv.credentials = service_account("");
    let v = linked_service(&kv).unwrap().to_json();
    assert_eq!(
        v["properties"]["typeProperties"]["privateKey"]["secretName"],
        "google-service-account-private-key"
    );
}

#[test]
fn any_linked_service_can_name_its_integration_runtime() {
    let mut i = input(Connector::BigQueryV2, &SecretStyle::SecureString);
    assert!(linked_service(&i).unwrap().to_json()["properties"]
        .get("connectVia")
        .is_none());
    i.integration_runtime = "OnPremIR";
    assert_eq!(
        linked_service(&i).unwrap().to_json()["properties"]["connectVia"]["referenceName"],
        "OnPremIR"
    );
}

#[test]
fn masking_hides_every_secure_string_and_nothing_else() {
    let built = linked_service(&input(Connector::GoogleAds, &SecretStyle::SecureString)).unwrap();
    let v = built.to_json();
    let shown = masked(built).to_json();
    let tp = &shown["properties"]["typeProperties"];
    assert_eq!(tp["clientSecret"]["value"], "••••••••");
    assert_eq!(tp["refreshToken"]["value"], "••••••••");
    assert_eq!(tp["developerToken"]["value"], "•••••••••");
    assert_eq!(tp["clientCustomerID"], "1234567890");
    assert_eq!(
        tp["clientId"],
        v["properties"]["typeProperties"]["clientId"]
    );
    let text = pretty(&shown);
    assert!(
        !text.contains("GOCSPX-s") && !text.contains("1//0g-rt") && !text.contains("dev-token")
    );
}

#[test]
fn values_with_quotes_stay_valid_json() {
    let mut i = input(Connector::BigQueryV2, &SecretStyle::SecureString);
    i.project_id = "a\"b\\c\n";
    let text = linked_service_json(&i).unwrap();
    let back: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(back["properties"]["typeProperties"]["projectId"], "a\"b\\c");
}

#[test]
fn picks_the_connector_from_the_scopes_and_never_the_removed_v1() {
    let ads = Scopes::parse(crate::google::presets::ADWORDS).unwrap();
    assert_eq!(Connector::for_scopes(&ads), Connector::GoogleAds);
    let drive = Scopes::parse(&format!(
        "{} {}",
        crate::google::presets::BIGQUERY,
        crate::google::presets::DRIVE
    ))
    .unwrap();
    assert_eq!(Connector::for_scopes(&drive), Connector::BigQueryV2);
    for c in Connector::ALL {
        assert_eq!(Connector::from_type_name(c.type_name()), Some(c));
    }
    assert_eq!(Connector::from_type_name("GoogleBigQuery"), None);
}
