//! Property tests of the exports: quoting survives the real shell, PowerShell's quoting rules
//! read back what went in, and the linked-service JSON carries each input unchanged.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use proptest::prelude::*;
use refresh_token_helper::export::linked_service::{
    linked_service_json, Connector, Credentials, LinkedServiceInput, SecretStyle,
};
use refresh_token_helper::export::syntax::{ps_quote, sh_quote};

/// Reads one PowerShell verbatim string: `'…'` where a doubled quote character (any of
/// `'` and U+2018–U+201B) stands for itself.
fn ps_unquote(quoted: &str) -> Option<String> {
    let is_quote = |c: char| matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}');
    let mut chars = quoted.chars().peekable();
    if !chars.next().is_some_and(is_quote) {
        return None;
    }
    let mut out = String::new();
    while let Some(c) = chars.next() {
        if is_quote(c) {
            match chars.peek() {
                Some(&next) if is_quote(next) => {
                    out.push(next);
                    chars.next();
                }
                None => return Some(out),
                Some(_) => return None, // the string ended early: the rest would be code
            }
        } else {
            out.push(c);
        }
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn sh_quoting_round_trips_through_a_real_shell(value in "[^\u{0}]{0,40}") {
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("printf %s {}", sh_quote(&value)))
            .output()
            .expect("sh runs");
        prop_assert!(out.status.success());
        prop_assert_eq!(String::from_utf8(out.stdout).unwrap(), value);
    }

    #[test]
    fn ps_quoting_reads_back_as_one_verbatim_string(value in "(?s).{0,60}") {
        prop_assert_eq!(ps_unquote(&ps_quote(&value)), Some(value));
    }

    #[test]
    fn ps_quoting_survives_typographic_quotes(value in "['\u{2018}\u{2019}\u{201A}\u{201B}a$`]{0,20}") {
        prop_assert_eq!(ps_unquote(&ps_quote(&value)), Some(value));
    }

    #[test]
    fn linked_service_json_carries_each_input(
        name in "[A-Za-z][A-Za-z0-9_]{0,20}",
        client_id in "[!-~]{1,60}",
        secret in "(?s).{0,39}[!-~]",
        token in "[!-~]{1,80}",
        project in "[a-z][a-z0-9-]{0,20}",
        connector in proptest::sample::select(Connector::ALL.to_vec()),
    ) {
        let style = SecretStyle::SecureString;
        let text = linked_service_json(&LinkedServiceInput {
            name: &name,
            connector,
            credentials: Credentials::User {
                client_id: &client_id,
                client_secret: &secret,
                refresh_token: &token,
            },
            project_id: &project,
            client_customer_id: "1234567890",
            login_customer_id: "",
            developer_token: "dev",
            ads_api_version: "v26",
            integration_runtime: "",
            secrets: &style,
        })
        .unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let tp = &v["properties"]["typeProperties"];
        prop_assert_eq!(&v["name"], &serde_json::Value::from(name));
        prop_assert_eq!(&v["properties"]["type"], &serde_json::Value::from(connector.type_name()));
        prop_assert_eq!(&tp["clientId"], &serde_json::Value::from(client_id.trim()));
        prop_assert_eq!(&tp["clientSecret"]["value"], &serde_json::Value::from(secret.trim()));
        prop_assert_eq!(&tp["refreshToken"]["value"], &serde_json::Value::from(token));
        prop_assert_eq!(&tp["authenticationType"], "UserAuthentication");
        // Microsoft's BigQuery V2 article: `"version": "1.1"` beside `type`.
        let version = (connector == Connector::BigQueryV2).then_some("1.1");
        prop_assert_eq!(v["properties"]["version"].as_str(), version);
    }
}
