//! In the page, URLs are parsed by the browser's own `URL` (src/weburl.rs): the same vectors,
//! the same comparison with the `url` crate and the same endpoint rules as the native tests,
//! run in headless Chromium.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

// What the shared files read from their module (`super::…`).
use refresh_token_helper::oauth::endpoint::*;
use refresh_token_helper::weburl::{Host, ParseError, WebUrl};

#[path = "../src/weburl_parity.rs"]
mod parity;

#[path = "../src/oauth/endpoint_cases.rs"]
mod endpoint_cases;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_browser_parses_the_shared_vectors_as_the_url_crate_does() {
    refresh_token_helper::weburl::vectors::check().unwrap();
}

/// Every address the parts make (44,100), read by the browser and by the `url` crate.
#[wasm_bindgen_test]
fn the_browser_reads_every_address_of_the_grid_as_the_url_crate_does() {
    let mut differences = Vec::new();
    for scheme in parity::SCHEMES {
        for userinfo in parity::USERINFO {
            for host in parity::HOSTS {
                for port in parity::PORTS {
                    for path in parity::PATHS {
                        let input = format!("{scheme}{userinfo}{host}{port}{path}");
                        if let Err(e) = parity::same_as_the_url_crate(&input) {
                            differences.push(e);
                        }
                    }
                }
            }
        }
    }
    assert!(
        differences.is_empty(),
        "{} differences, the first: {:#?}",
        differences.len(),
        &differences[..differences.len().min(40)]
    );
}
