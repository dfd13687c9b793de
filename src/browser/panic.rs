//! If the page ever panics (it should not), say so on the page instead of leaving it blank
//! or frozen: a readable panel, and the details in the console.

use wasm_bindgen::JsCast as _;

const MESSAGE: &str = "Something went wrong inside this page and it stopped. Nothing was sent \
    anywhere because of it. Reload the page to start again; if it happens again, the browser's \
    developer console has the details.";

/// Installs the panic hook: the console message first, then the panel.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panel();
    }));
}

/// Puts the panel at the top of the page (the hook calls it; public for its test).
pub fn show_panel() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_class_name("panic-panel");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", crate::testids::PANIC_PANEL);
    panel.set_text_content(Some(MESSAGE));
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(panel.unchecked_ref());
    }
}
