//! `sessionStorage` for the redirect round-trip and `localStorage` for non-secret settings
//! the user asked to remember. Every key the page uses is a constant here.

use thiserror::Error;

use super::{js_error_text, window, NoWindow};

/// The pending flow (state, PKCE verifier, client, …) across the trip to the provider.
pub const PENDING_FLOW_KEY: &str = "rth.pending-flow";
/// Remembered non-secret settings (client ID, preset, scopes, provider).
pub const SETTINGS_KEY: &str = "rth.settings";

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StorageError {
    #[error(transparent)]
    NoWindow(#[from] NoWindow),
    #[error("the browser does not allow this page to store data ({0})")]
    Unavailable(String),
    #[error("the browser refused to store the data ({0})")]
    Refused(String),
}

/// Which of the two Web Storage areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// Lives as long as the tab; survives the redirect.
    Session,
    /// Lives until cleared; never holds a secret.
    Local,
}

fn area(area: Area) -> Result<web_sys::Storage, StorageError> {
    let window = window()?;
    let storage = match area {
        Area::Session => window.session_storage(),
        Area::Local => window.local_storage(),
    };
    match storage {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(StorageError::Unavailable("no storage object".into())),
        Err(e) => Err(StorageError::Unavailable(js_error_text(&e))),
    }
}

pub fn get(which: Area, key: &str) -> Result<Option<String>, StorageError> {
    area(which)?
        .get_item(key)
        .map_err(|e| StorageError::Unavailable(js_error_text(&e)))
}

pub fn set(which: Area, key: &str, value: &str) -> Result<(), StorageError> {
    area(which)?
        .set_item(key, value)
        .map_err(|e| StorageError::Refused(js_error_text(&e)))
}

pub fn remove(which: Area, key: &str) -> Result<(), StorageError> {
    area(which)?
        .remove_item(key)
        .map_err(|e| StorageError::Refused(js_error_text(&e)))
}

/// Reads and deletes in one step: what was read cannot be read again.
pub fn take(which: Area, key: &str) -> Result<Option<String>, StorageError> {
    let value = get(which, key)?;
    if value.is_some() {
        remove(which, key)?;
    }
    Ok(value)
}
