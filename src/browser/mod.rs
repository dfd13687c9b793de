//! Thin adapters over the browser: each a few lines over `web_sys`/`gloo`, each returning a
//! typed error for what the browser refuses. No protocol logic lives here.

pub mod clipboard;
pub mod crypto;
pub mod download;
pub mod file;
pub mod focus;
pub mod http;
pub mod location;
pub mod panic;
pub mod perf;
pub mod storage;
pub mod time;

use thiserror::Error;

/// The page runs outside a normal window (a worker, a detached document).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("the page has no browser window")]
pub struct NoWindow;

pub(crate) fn window() -> Result<web_sys::Window, NoWindow> {
    web_sys::window().ok_or(NoWindow)
}

/// A JS exception as text, for messages.
pub(crate) fn js_error_text(value: &wasm_bindgen::JsValue) -> String {
    if let Some(error) = value.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

use wasm_bindgen::JsCast as _;
