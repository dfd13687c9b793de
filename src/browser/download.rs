//! Saving a text as a file the user downloads, made in the page (a Blob URL): nothing is
//! fetched or uploaded.

use thiserror::Error;
use wasm_bindgen::JsCast as _;

use super::{js_error_text, window, NoWindow};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DownloadError {
    #[error(transparent)]
    NoWindow(#[from] NoWindow),
    #[error("the browser refused to save the file ({0})")]
    Refused(String),
}

/// How long the file's object URL lives after the click: long enough for any browser to start
/// the download (revoking it at once cancels the download in some), short enough not to keep
/// the text around for the page's whole life.
const OBJECT_URL_LIFETIME_MS: i32 = 60_000;

pub fn save_text(file_name: &str, mime: &str, text: &str) -> Result<(), DownloadError> {
    save(file_name, mime, &wasm_bindgen::JsValue::from_str(text))
}

/// Bytes made in the page (the pack's `.zip`).
pub fn save_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), DownloadError> {
    save(file_name, mime, &js_sys::Uint8Array::from(bytes))
}

fn save(file_name: &str, mime: &str, part: &wasm_bindgen::JsValue) -> Result<(), DownloadError> {
    let refused = |e: wasm_bindgen::JsValue| DownloadError::Refused(js_error_text(&e));
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(refused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(refused)?;
    let document = window()?.document().ok_or(NoWindow)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(refused)?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    // Firefox starts a download only from a link that is in the document.
    let body = document.body().ok_or(NoWindow)?;
    body.append_child(&link).map_err(refused)?;
    link.click();
    link.remove();
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            revoke.unchecked_ref(),
            OBJECT_URL_LIFETIME_MS,
        )
        .map_err(refused)?;
    Ok(())
}
