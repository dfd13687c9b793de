//! The page's address: read it, and rewrite it without a reload. The code is removed from
//! the address bar and the history entry at once (`history.replaceState`), so neither a
//! reload nor the back button brings it back.

use thiserror::Error;

use super::{js_error_text, window, NoWindow};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LocationError {
    #[error(transparent)]
    NoWindow(#[from] NoWindow),
    #[error("the browser refused to read or change the address: {0}")]
    Refused(String),
}

fn location() -> Result<web_sys::Location, LocationError> {
    Ok(window()?.location())
}

/// The full address of the page.
pub fn href() -> Result<String, LocationError> {
    location()?
        .href()
        .map_err(|e| LocationError::Refused(js_error_text(&e)))
}

/// The query string, with its leading `?` (empty when there is none).
pub fn search() -> Result<String, LocationError> {
    location()?
        .search()
        .map_err(|e| LocationError::Refused(js_error_text(&e)))
}

/// Replaces the current history entry's address with `url` (same origin), without loading.
pub fn replace(url: &str) -> Result<(), LocationError> {
    window()?
        .history()
        .and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url)))
        .map_err(|e| LocationError::Refused(js_error_text(&e)))
}

/// Leaves the page for `url` (the consent screen).
pub fn go_to(url: &str) -> Result<(), LocationError> {
    location()?
        .assign(url)
        .map_err(|e| LocationError::Refused(js_error_text(&e)))
}

/// Opens `url` in a new tab that has no handle on this one (`noopener`) and is told nothing
/// of where it came from (`noreferrer`).
pub fn open_new_tab(url: &str) -> Result<(), LocationError> {
    window()?
        .open_with_url_and_target_and_features(url, "_blank", "noopener,noreferrer")
        .map(|_| ())
        .map_err(|e| LocationError::Refused(js_error_text(&e)))
}

/// Whether the page runs inside a frame of another page (which could overlay or read what
/// the user types; headers such as `frame-ancestors` forbid it where a host can set them).
pub fn in_frame() -> bool {
    let Ok(window) = window() else { return false };
    match window.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &window),
        // A top window that cannot even be named is not this one.
        _ => true,
    }
}

/// The fragment without its `#` (empty when there is none): the view of the page it names.
pub fn hash() -> Result<String, LocationError> {
    let hash = location()?
        .hash()
        .map_err(|e| LocationError::Refused(js_error_text(&e)))?;
    Ok(hash.trim_start_matches('#').to_owned())
}

/// Names a view in the fragment: a new history entry, so back and forward move between views.
pub fn set_hash(fragment: &str) -> Result<(), LocationError> {
    location()?
        .set_hash(fragment)
        .map_err(|e| LocationError::Refused(js_error_text(&e)))
}

/// Calls `changed` with the new fragment whenever it changes (a link, back, forward). The
/// page lives as long as the listener.
pub fn on_hash_change(changed: impl Fn(String) + 'static) {
    let Ok(window) = window() else { return };
    let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        changed(hash().unwrap_or_default());
    });
    let _ = window.add_event_listener_with_callback(
        "hashchange",
        wasm_bindgen::JsCast::unchecked_ref(listener.as_ref()),
    );
    listener.forget();
}

/// Calls `restored` when the page is shown again from the back-forward cache (Back from
/// another site): such a page is not loaded again. The page lives as long as the listener.
pub fn on_restored_from_cache(restored: impl Fn() + 'static) {
    let Ok(window) = window() else { return };
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::PageTransitionEvent)>::new(
        move |event: web_sys::PageTransitionEvent| {
            if event.persisted() {
                restored();
            }
        },
    );
    let _ = window.add_event_listener_with_callback(
        "pageshow",
        wasm_bindgen::JsCast::unchecked_ref(listener.as_ref()),
    );
    listener.forget();
}
