//! A file the user picked in an `<input type=file>`, read as text in the page's memory only.

use thiserror::Error;
use wasm_bindgen_futures::JsFuture;

/// The browser gave no text for the file (too large, gone, or not text).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("the browser could not read the file")]
pub struct Unreadable;

/// The text of the file chosen in `input`, or `None` when none is. The choice is cleared
/// after reading, so that picking the same file again reads it again.
pub async fn take_chosen_text(
    input: &web_sys::HtmlInputElement,
) -> Option<Result<String, Unreadable>> {
    let file = input.files().and_then(|f| f.get(0))?;
    let text = JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or(Unreadable);
    input.set_value("");
    Some(text)
}
