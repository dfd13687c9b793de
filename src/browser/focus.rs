//! Moving the keyboard focus to an element that may not be in the document yet (a step's
//! heading whose part is still being fetched).

use leptos::prelude::{document, set_timeout};
use wasm_bindgen::JsCast as _;

/// Focuses the first element `selector` names that is not hidden, once there is one (a
/// heading is not focusable by itself: `tabindex=-1` makes it a target for focus, not a tab
/// stop). It is looked for again for two seconds. Leptos's timer, which the page ships anyway.
pub fn focus_on(selector: &str) {
    focus_when_shown(selector.to_owned(), false, 40, 0);
}

/// As [`focus_on`], with the element scrolled to the top of the window first: a step opened
/// starts at the top, where the progress line reads it as the step being read (focus alone
/// scrolls as little as it can, often leaving the heading at the bottom).
pub fn focus_on_at_top(selector: &str) {
    focus_when_shown(selector.to_owned(), true, 40, 0);
}

fn focus_when_shown(selector: String, to_top: bool, tries: u32, delay_ms: u64) {
    set_timeout(
        move || {
            let shown = document()
                .query_selector_all(&selector)
                .ok()
                .and_then(|all| {
                    (0..all.length())
                        .filter_map(|i| all.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
                        .find(|e| e.closest("[hidden]").ok().flatten().is_none())
                });
            match shown {
                Some(element) => {
                    let _ = element.set_attribute("tabindex", "-1");
                    if to_top {
                        element.scroll_into_view_with_bool(true);
                    }
                    let _ = element.focus();
                }
                None if tries > 1 => focus_when_shown(selector, to_top, tries - 1, 50),
                None => {}
            }
        },
        std::time::Duration::from_millis(delay_ms),
    );
}
