//! The URL rules' cases. They run natively (as this module's tests) and in the browser
//! (`tests/browser_url.rs`), where the browser's own URL parser is behind them.

use super::*;

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn https_everywhere_http_only_on_loopback() {
    assert!(RedirectUri::parse("https://tools.example.com/rt/").is_ok());
    assert!(RedirectUri::parse("http://localhost").is_ok());
    assert!(RedirectUri::parse("http://127.0.0.1:8080/").is_ok());
    assert!(RedirectUri::parse("http://127.1.2.3/").is_ok());
    assert!(RedirectUri::parse("http://[::1]:3000/cb").is_ok());
    assert_eq!(
        RedirectUri::parse("http://example.com/"),
        Err(UrlError::InsecureHttp {
            field: "Redirect URI"
        })
    );
    assert!(matches!(
        RedirectUri::parse("javascript:alert(1)"),
        Err(UrlError::Scheme { .. })
    ));
    assert!(matches!(
        Endpoint::parse("Token endpoint", "ftp://x/"),
        Err(UrlError::Scheme { .. })
    ));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn refuses_fragment_credentials_wildcards_and_garbage() {
    let field = "Redirect URI";
    assert_eq!(
        RedirectUri::parse("https://a.example/#x"),
        Err(UrlError::Fragment { field })
    );
    assert_eq!(
        RedirectUri::parse("https://a.example/#"),
        Err(UrlError::Fragment { field })
    );
    assert_eq!(
        RedirectUri::parse("https://u:p@a.example/"),
        Err(UrlError::Credentials { field })
    );
    assert_eq!(
        RedirectUri::parse("https://*.example.com/"),
        Err(UrlError::Wildcard { field })
    );
    assert_eq!(RedirectUri::parse("  "), Err(UrlError::Empty { field }));
    assert!(matches!(
        RedirectUri::parse("not a url"),
        Err(UrlError::NotAUrl { .. })
    ));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn international_host_names_must_be_in_punycode() {
    // Refused alike natively and in the browser (whose own parser would take it).
    assert_eq!(
        Endpoint::parse("Token endpoint", "https://bücher.example/token"),
        Err(UrlError::NotAUrl {
            field: "Token endpoint",
            reason: ParseError::NonAsciiHost.to_string()
        })
    );
    assert!(Endpoint::parse("Token endpoint", "https://xn--bcher-kva.example/token").is_ok());
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn keeps_the_uri_exactly_as_written() {
    assert_eq!(
        RedirectUri::parse("http://localhost").unwrap().as_str(),
        "http://localhost"
    );
    assert_eq!(
        RedirectUri::parse(" https://a.example/x \n")
            .unwrap()
            .as_str(),
        "https://a.example/x"
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn page_uri_drops_query_fragment_and_index_html() {
    let page = |href| RedirectUri::for_page(href).unwrap().as_str().to_owned();
    assert_eq!(
        page("https://a.example/tools/rt/index.html?code=1#top"),
        "https://a.example/tools/rt/"
    );
    assert_eq!(page("http://127.0.0.1:8080/"), "http://127.0.0.1:8080/");
    assert_eq!(page("https://a.example/rt?x=1"), "https://a.example/rt");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn strips_the_code_from_the_address() {
    assert_eq!(
        without_query("https://a.example/rt/index.html?code=4%2F0A&state=s#x").as_deref(),
        Some("https://a.example/rt/index.html")
    );
    assert_eq!(without_query("not a url"), None);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn names_the_first_difference() {
    let uri = |s| RedirectUri::parse(s).unwrap();
    let ours = uri("http://localhost:8080/");
    assert_eq!(ours.difference(&uri("http://localhost:8080/")), None);
    assert!(matches!(
        ours.difference(&uri("http://127.0.0.1:8080/")),
        Some(RedirectDifference::LoopbackName { .. })
    ));
    assert!(matches!(
        ours.difference(&uri("http://localhost:3000/")),
        Some(RedirectDifference::Port { .. })
    ));
    assert!(matches!(
        ours.difference(&uri("http://localhost:8080")),
        Some(RedirectDifference::TrailingSlash { .. })
    ));
    assert!(matches!(
        uri("https://a.example/x").difference(&uri("https://a.example/x/")),
        Some(RedirectDifference::TrailingSlash { .. })
    ));
    assert!(matches!(
        uri("https://a.example/x").difference(&uri("https://a.example/y")),
        Some(RedirectDifference::Path { .. })
    ));
    assert!(matches!(
        uri("https://a.example/").difference(&uri("http://localhost/")),
        Some(RedirectDifference::Scheme { .. })
    ));
    assert!(matches!(
        uri("https://A.example/").difference(&uri("https://a.example/")),
        Some(RedirectDifference::Spelling { .. })
    ));
}
