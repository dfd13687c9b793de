//! The shell in headless Chromium: it mounts, and it shows this page's own redirect URI.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use refresh_token_helper::ui::App;
use wasm_bindgen::JsCast as _;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_host() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.unchecked_into()
}

fn text_of(host: &HtmlElement, test_id: &str) -> Option<String> {
    host.query_selector(&format!("[data-testid={test_id}]"))
        .unwrap()
        .and_then(|e| e.text_content())
}

#[wasm_bindgen_test]
fn the_shell_mounts_with_its_heading() {
    let host = fresh_host();
    let _app = mount_to(host.clone(), App);
    let heading = host.query_selector("h1").unwrap().unwrap();
    assert_eq!(heading.text_content().unwrap(), "Refresh Token Helper");
    assert!(host
        .query_selector("[data-testid=setup-card]")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
fn the_setup_card_shows_this_pages_redirect_uri() {
    let host = fresh_host();
    let _app = mount_to(host.clone(), App);
    let location = web_sys::window().unwrap().location();
    let expected = format!(
        "{}{}",
        location.origin().unwrap(),
        location.pathname().unwrap().trim_end_matches("index.html")
    );
    assert!(expected.starts_with("http://127.0.0.1:") || expected.starts_with("http://localhost:"));
    assert_eq!(
        text_of(&host, "redirect-uri").as_deref(),
        Some(expected.as_str())
    );
    assert_eq!(text_of(&host, "redirect-uri-unusable"), None);
}

#[wasm_bindgen_test]
fn a_panic_leaves_a_readable_panel_not_a_blank_page() {
    refresh_token_helper::browser::panic::show_panel();
    let document = web_sys::window().unwrap().document().unwrap();
    let panel = document
        .query_selector("[data-testid=panic-panel]")
        .unwrap()
        .expect("the panel is on the page");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert!(panel.text_content().unwrap().contains("Reload the page"));
    panel.remove();
}
