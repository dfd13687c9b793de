//! Property tests of the protocol core: what the page builds decodes back to what went in,
//! and no input, however odd, makes the parsers panic.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use proptest::prelude::*;
use refresh_token_helper::oauth::{
    self, callback_from_query, parse_callback, parse_token_response, Callback, ClientId,
    ClientSecret, ConsentRequest, Endpoint, LoginHint, PkceVerifier, Prompt, RedirectUri,
    RefreshToken, Scopes, State,
};

/// `1*VSCHAR`: what client IDs, secrets, codes and tokens are made of.
fn vschar(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("[!-~]{{1,{max}}}")).unwrap()
}

/// RFC 6749 scope-token characters, except the comma, which the page reads as a separator
/// (people paste comma-separated scopes).
fn scope_token() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[!#-+\\--\\[\\]-~]{1,40}").unwrap()
}

fn redirect_uri() -> impl Strategy<Value = String> {
    let host = prop_oneof![
        Just("localhost".to_owned()),
        Just("127.0.0.1".to_owned()),
        // One hyphen at most: never an `xn--` label, which is (rightly) refused when not valid punycode.
        "[a-z][a-z0-9]{0,10}(-[a-z0-9]{1,8})?\\.(com|org|dev)",
    ];
    (
        host,
        proptest::option::of(1u16..),
        "(/[A-Za-z0-9._~-]{0,12}){0,4}/?",
    )
        .prop_map(|(host, port, path)| {
            let scheme = if host == "localhost" || host == "127.0.0.1" {
                "http"
            } else {
                "https"
            };
            let port = port.map(|p| format!(":{p}")).unwrap_or_default();
            format!("{scheme}://{host}{port}{path}")
        })
}

fn query_map(url: &url::Url) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for (k, v) in url.query_pairs() {
        assert!(
            map.insert(k.into_owned(), v.into_owned()).is_none(),
            "parameter repeated"
        );
    }
    map
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn consent_url_decodes_to_its_inputs(
        client_id in vschar(80),
        redirect in redirect_uri(),
        scopes in proptest::collection::vec(scope_token(), 1..5),
        state in vschar(64),
        hint in proptest::option::of(vschar(40)),
        pkce in any::<bool>(),
        prompt in proptest::sample::select(Prompt::ALL.to_vec()),
        include in any::<bool>(),
    ) {
        let google = oauth::Provider::google();
        let client_id = ClientId::parse(&client_id).unwrap();
        let redirect = RedirectUri::parse(&redirect).unwrap();
        let scope_list = Scopes::parse(&scopes.join(" ")).unwrap();
        let state = State::parse(&state).unwrap();
        let hint = hint.map(|h| LoginHint::parse(&h).unwrap());
        let verifier = PkceVerifier::from_octets(&[3; 32]);
        let url = ConsentRequest {
            authorization: &google.authorization,
            client_id: &client_id,
            redirect_uri: &redirect,
            scopes: &scope_list,
            state: &state,
            pkce: pkce.then_some(&verifier),
            prompt,
            login_hint: hint.as_ref(),
            include_granted_scopes: include,
        }
        .url();
        // Read back by an independent parser.
        let url = url::Url::parse(url.as_str()).unwrap();
        let endpoint = url::Url::parse(google.authorization.as_str()).unwrap();
        prop_assert_eq!(url.origin(), endpoint.origin());
        prop_assert_eq!(url.path(), "/o/oauth2/v2/auth");
        let q = query_map(&url);
        prop_assert_eq!(&q["client_id"], client_id.as_str());
        prop_assert_eq!(&q["redirect_uri"], redirect.as_str());
        prop_assert_eq!(&q["response_type"], "code");
        prop_assert_eq!(&q["access_type"], "offline");
        prop_assert_eq!(Scopes::parse(&q["scope"]).unwrap(), scope_list);
        prop_assert_eq!(&q["state"], state.as_str());
        prop_assert_eq!(q.get("prompt").map(String::as_str), prompt.param());
        prop_assert_eq!(q.get("login_hint").map(String::as_str), hint.as_ref().map(LoginHint::as_str));
        prop_assert_eq!(q.contains_key("include_granted_scopes"), include);
        if pkce {
            prop_assert_eq!(&q["code_challenge"], &verifier.challenge());
            prop_assert_eq!(&q["code_challenge_method"], "S256");
        } else {
            prop_assert!(!q.contains_key("code_challenge"));
        }
        // What the provider redirects back parses to the same state.
        let back = format!("{}?code=c0de&state={}", redirect, url::form_urlencoded::byte_serialize(state.as_str().as_bytes()).collect::<String>());
        let Callback::Code(cb) = parse_callback(&back).unwrap() else { panic!("not a code") };
        prop_assert!(cb.state.unwrap().matches(&state));
    }

    #[test]
    fn callback_round_trips_code_state_and_scope(
        code in vschar(200),
        state in vschar(64),
        scopes in proptest::collection::vec(scope_token(), 1..4),
        extra in proptest::collection::vec(("[a-z_]{1,10}", ".{0,20}"), 0..4),
    ) {
        let mut ser = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in &extra {
            if !matches!(k.as_str(), "code" | "state" | "scope" | "iss" | "error" | "error_description") {
                ser.append_pair(k, v);
            }
        }
        ser.append_pair("code", &code).append_pair("state", &state).append_pair("scope", &scopes.join(" "));
        let query = ser.finish();
        for input in [format!("https://a.example/cb?{query}"), format!("?{query}"), query.clone()] {
            let Callback::Code(cb) = parse_callback(&input).unwrap() else { panic!("not a code") };
            prop_assert_eq!(cb.code.expose(), code.as_str());
            prop_assert_eq!(cb.state.as_ref().unwrap().as_str(), state.as_str());
            prop_assert_eq!(cb.granted_scope.unwrap(), Scopes::parse(&scopes.join(" ")).unwrap());
        }
        let own = callback_from_query(&format!("?{}", query));
        prop_assert!(matches!(own, Ok(Some(Callback::Code(_)))));
    }

    #[test]
    fn callback_parsing_never_panics(input in "(?s).{0,400}") {
        let _ = parse_callback(&input);
        let _ = callback_from_query(&input);
    }

    #[test]
    fn callback_parsing_never_panics_on_near_misses(
        prefix in prop_oneof![Just(""), Just("?"), Just("http://localhost/?"), Just("https://x/#"), Just("/p?")],
        parts in proptest::collection::vec(
            (prop_oneof![
                proptest::sample::select(vec!["code", "state", "error", "scope", "iss", "error_description"]).prop_map(str::to_owned),
                "[a-z%]{0,6}",
            ],
             "[^&#]{0,30}"),
            0..6),
    ) {
        let query: Vec<String> = parts.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let input = format!("{prefix}{}", query.join("&"));
        let _ = parse_callback(&input);
        let _ = callback_from_query(&input);
    }

    #[test]
    fn form_bodies_decode_back_to_their_fields(
        client_id in vschar(80),
        secret in proptest::option::of(vschar(60)),
        code in vschar(200),
        redirect in redirect_uri(),
        refresh in vschar(200),
        pkce in any::<bool>(),
    ) {
        let token = Endpoint::parse("Token endpoint", "https://oauth2.googleapis.com/token").unwrap();
        let id = ClientId::parse(&client_id).unwrap();
        let secret = secret.map(|s| ClientSecret::parse(&s).unwrap());
        let client = oauth::Client { id: &id, secret: secret.as_ref() };
        let code = oauth::AuthorizationCode::parse(&code).unwrap();
        let redirect = RedirectUri::parse(&redirect).unwrap();
        let verifier = PkceVerifier::from_octets(&[9; 32]);

        let req = oauth::grant::code_exchange(&token, client, &code, &redirect, pkce.then_some(&verifier));
        let fields: HashMap<String, String> = serde_urlencoded::from_str(req.body().expose()).unwrap();
        prop_assert_eq!(&fields["grant_type"], "authorization_code");
        prop_assert_eq!(&fields["code"], code.expose());
        prop_assert_eq!(&fields["redirect_uri"], redirect.as_str());
        prop_assert_eq!(&fields["client_id"], id.as_str());
        prop_assert_eq!(fields.get("client_secret").map(String::as_str), secret.as_ref().map(ClientSecret::expose));
        prop_assert_eq!(fields.get("code_verifier").map(String::as_str), pkce.then_some(verifier.expose()));

        let rt = RefreshToken::parse(&refresh).unwrap();
        let req = oauth::grant::refresh(&token, client, &rt);
        let fields: HashMap<String, String> = serde_urlencoded::from_str(req.body().expose()).unwrap();
        prop_assert_eq!(&fields["grant_type"], "refresh_token");
        prop_assert_eq!(&fields["refresh_token"], rt.expose());
        prop_assert_eq!(&fields["client_id"], id.as_str());
    }

    #[test]
    fn token_responses_round_trip(
        access in vschar(300),
        refresh in proptest::option::of(vschar(200)),
        expires in proptest::option::of(0u64..10_000_000),
        scopes in proptest::collection::vec(scope_token(), 1..4),
    ) {
        let mut body = serde_json::json!({"access_token": access, "token_type": "Bearer", "scope": scopes.join(" ")});
        if let Some(r) = &refresh { body["refresh_token"] = r.clone().into(); }
        if let Some(e) = expires { body["expires_in"] = e.into(); }
        let r = parse_token_response(200, &body.to_string()).unwrap();
        prop_assert_eq!(r.access_token.expose(), access.as_str());
        prop_assert_eq!(r.refresh_token.as_ref().map(|t| t.expose().to_owned()), refresh.clone());
        prop_assert_eq!(r.expires_in, expires);
        // The masked view never contains a secret of useful length.
        let masked = oauth::response::masked_json(&body.to_string());
        if access.len() > 12 { prop_assert!(!masked.contains(&access)); }
        let debug = format!("{r:?}");
        if access.len() > 12 { prop_assert!(!debug.contains(&access)); }
    }

    #[test]
    fn token_parsing_never_panics(status in 100u16..600, body in "(?s).{0,300}") {
        let _ = parse_token_response(status, &body);
        let _ = oauth::response::masked_json(&body);
    }

    #[test]
    fn url_fields_never_panic(input in "(?s).{0,200}") {
        let _ = RedirectUri::parse(&input);
        let _ = RedirectUri::for_page(&input);
        let _ = Endpoint::parse("Token endpoint", &input);
        let _ = Scopes::parse(&input);
        let _ = ClientId::parse(&input);
    }
}
