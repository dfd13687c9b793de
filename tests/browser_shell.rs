//! The shell in headless Chromium: it mounts, and it shows this page's own redirect URI.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use refresh_token_helper::ui::app::App;
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

#[wasm_bindgen_test]
async fn a_download_link_is_in_the_document_and_its_address_outlives_the_click() {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    // The click is caught before it saves anything; what the browser would save is recorded.
    let seen: Rc<RefCell<Option<(bool, String, String)>>> = Rc::default();
    let record = seen.clone();
    let listener =
        Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |event: web_sys::MouseEvent| {
            let link: web_sys::HtmlAnchorElement = event.target().unwrap().unchecked_into();
            event.prevent_default();
            *record.borrow_mut() = Some((link.is_connected(), link.href(), link.download()));
        });
    document
        .add_event_listener_with_callback_and_bool("click", listener.as_ref().unchecked_ref(), true)
        .unwrap();
    refresh_token_helper::browser::download::save_text(
        "pack.sh",
        "text/x-sh",
        "#!/bin/sh\necho hi\n",
    )
    .unwrap();
    document
        .remove_event_listener_with_callback_and_bool(
            "click",
            listener.as_ref().unchecked_ref(),
            true,
        )
        .unwrap();
    let (connected, href, name) = seen.borrow_mut().take().expect("the link was clicked");
    assert!(
        connected,
        "the link is in the document when clicked (Firefox needs it)"
    );
    assert_eq!(name, "pack.sh");
    assert!(
        document.query_selector("a[download]").unwrap().is_none(),
        "the link is gone again"
    );
    // Right after the click, the file's address still answers: the download can start.
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&href))
            .await
            .expect("the object URL is still alive")
            .unchecked_into();
    let text = wasm_bindgen_futures::JsFuture::from(response.text().unwrap())
        .await
        .unwrap();
    assert_eq!(text.as_string().unwrap(), "#!/bin/sh\necho hi\n");
}

/// What `docs/using-with-google.md` does not name of `names`, as the page shows them.
fn unnamed<'a>(guide: &str, names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    names.into_iter().filter(|n| !guide.contains(n)).collect()
}

#[wasm_bindgen_test]
fn the_usage_guide_names_the_tasks_steps_and_tabs_as_the_page_does() {
    use refresh_token_helper::ui::state::guide::{Step, Task, View};
    let guide = include_str!("../docs/using-with-google.md");
    let missing: Vec<&str> = unnamed(guide, Task::ALL.map(Task::label))
        .into_iter()
        .chain(unnamed(guide, Step::ALL.map(Step::label)))
        .chain(unnamed(guide, View::ALL.map(View::label)))
        .collect();
    assert!(missing.is_empty(), "the guide does not name {missing:?}");
    // The check itself: a name the page no longer uses is seen.
    assert_eq!(
        unnamed("Consent", ["Consent", "Your tokens"]),
        ["Your tokens"]
    );
}
