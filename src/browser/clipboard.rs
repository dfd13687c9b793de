//! Writing to the clipboard, only ever from a click.

use thiserror::Error;
use wasm_bindgen_futures::JsFuture;

use super::{js_error_text, window, NoWindow};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ClipboardError {
    #[error(transparent)]
    NoWindow(#[from] NoWindow),
    #[error("the browser refused to copy ({0}); select the text and copy it by hand")]
    Refused(String),
}

pub async fn write_text(text: &str) -> Result<(), ClipboardError> {
    let promise = window()?.navigator().clipboard().write_text(text);
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| ClipboardError::Refused(js_error_text(&e)))
}
