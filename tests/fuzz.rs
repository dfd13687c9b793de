//! Time-boxed fuzzing of the parsers and the consent-URL builder with proptest's generators
//! (stable Rust has no libFuzzer). Ignored in the normal test run; `scripts/fuzz` runs each
//! target for RTH_FUZZ_SECONDS (default 600) and prints the executions. A panic is a crash.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use refresh_token_helper::oauth::{
    callback_from_query, parse_callback, parse_token_response, ClientId, ConsentRequest, LoginHint,
    PkceVerifier, Prompt, Provider, RedirectUri, Scopes, State,
};

fn seconds() -> u64 {
    std::env::var("RTH_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600)
}

/// Runs `check` on values of `strategy` until the time is up; returns the count.
fn fuzz<S: Strategy>(name: &str, strategy: S, check: impl Fn(S::Value)) -> u64 {
    let deadline = Instant::now() + Duration::from_secs(seconds());
    let mut runner = TestRunner::deterministic();
    let mut executions = 0u64;
    while Instant::now() < deadline {
        for _ in 0..256 {
            let value = strategy.new_tree(&mut runner).expect("a value").current();
            check(value);
            executions += 1;
        }
    }
    println!("fuzz {name}: {executions} executions, 0 crashes");
    executions
}

fn callback_input() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("code".to_owned()),
        Just("state".to_owned()),
        Just("error".to_owned()),
        Just("scope".to_owned()),
        Just("iss".to_owned()),
        Just("error_description".to_owned()),
        "[a-z_%=&?#]{0,8}",
    ];
    let pairs = proptest::collection::vec((key, "(?s).{0,40}"), 0..8).prop_map(|p| {
        p.iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    });
    let prefix = prop_oneof![
        Just(String::new()),
        Just("?".to_owned()),
        Just("http://localhost/?".to_owned()),
        Just("https://a.example/cb#".to_owned()),
        Just("javascript:alert(1)?".to_owned()),
        "(?s).{0,20}",
    ];
    prop_oneof![
        "(?s).{0,300}",
        (prefix, pairs).prop_map(|(p, q)| format!("{p}{q}")),
        proptest::collection::vec(any::<u8>(), 0..200)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(Into::into),
        any::<i64>().prop_map(Into::into),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Into::into),
        "(?s).{0,30}".prop_map(Into::into),
    ];
    leaf.prop_recursive(3, 32, 8, |inner| {
        let key = prop_oneof![
            Just("access_token".to_owned()),
            Just("refresh_token".to_owned()),
            Just("expires_in".to_owned()),
            Just("refresh_token_expires_in".to_owned()),
            Just("token_type".to_owned()),
            Just("scope".to_owned()),
            Just("id_token".to_owned()),
            Just("error".to_owned()),
            Just("error_description".to_owned()),
            "[a-z_]{1,10}",
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Into::into),
            proptest::collection::btree_map(key, inner, 0..8)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn token_body() -> impl Strategy<Value = (u16, String)> {
    let body = prop_oneof![
        json_value().prop_map(|v| v.to_string()),
        // A valid JSON text cut anywhere: truncated answers.
        (json_value(), any::<usize>()).prop_map(|(v, cut)| {
            let text = v.to_string();
            let cut = cut % (text.len() + 1);
            text.char_indices()
                .map(|(i, _)| i)
                .take_while(|i| *i <= cut)
                .last()
                .map_or(String::new(), |i| text[..i].to_owned())
        }),
        "(?s).{0,200}",
    ];
    (100u16..600, body)
}

#[test]
#[ignore = "fuzzing: run with scripts/fuzz"]
fn fuzz_parse_callback() {
    fuzz("parse_callback", callback_input(), |input| {
        let _ = parse_callback(&input);
        let _ = callback_from_query(&input);
    });
}

#[test]
#[ignore = "fuzzing: run with scripts/fuzz"]
fn fuzz_token_response() {
    fuzz("parse_token_response", token_body(), |(status, body)| {
        if let Ok(r) = parse_token_response(status, &body) {
            let _ = format!("{r:?}");
        }
        let _ = refresh_token_helper::oauth::response::masked_json(&body);
    });
}

#[test]
#[ignore = "fuzzing: run with scripts/fuzz"]
fn fuzz_consent_url() {
    let google = Provider::google();
    let verifier = PkceVerifier::from_octets(&[5; 32]);
    // Half valid-looking values, half anything: most runs build a URL, the rest probe parsing.
    let strategy = (
        prop_oneof!["[!-~]{1,60}", "(?s).{0,80}"],
        prop_oneof![
            "https://[a-z]{1,10}\\.example(:[0-9]{1,5})?(/[!-~&&[^#*]]{0,10}){0,3}",
            "(?s).{0,80}"
        ],
        prop_oneof!["([!#-\\[\\]-~]{1,30} ){1,4}", "(?s).{0,120}"],
        prop_oneof!["[!-~]{1,60}", "(?s).{0,60}"],
        "(?s).{0,40}",
        proptest::sample::select(Prompt::ALL.to_vec()),
        any::<bool>(),
    );
    fuzz(
        "consent_url",
        strategy,
        |(id, redirect, scopes, state, hint, prompt, pkce)| {
            let (Ok(id), Ok(redirect), Ok(scopes), Ok(state)) = (
                ClientId::parse(&id),
                RedirectUri::parse(&redirect),
                Scopes::parse(&scopes),
                State::parse(&state),
            ) else {
                return;
            };
            let hint = LoginHint::parse(&hint).ok();
            let url = ConsentRequest {
                authorization: &google.authorization,
                client_id: &id,
                redirect_uri: &redirect,
                scopes: &scopes,
                state: &state,
                pkce: pkce.then_some(&verifier),
                prompt,
                login_hint: hint.as_ref(),
                include_granted_scopes: pkce,
            }
            .url();
            // What the provider reads back is what went in.
            let got: Vec<(String, String)> = url
                .query_pairs()
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
            let find = |k: &str| got.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
            assert_eq!(find("client_id"), Some(id.as_str()));
            assert_eq!(find("redirect_uri"), Some(redirect.as_str()));
            assert_eq!(find("state"), Some(state.as_str()));
            assert_eq!(Scopes::parse(find("scope").unwrap()).unwrap(), scopes);
        },
    );
}
