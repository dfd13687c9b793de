//! RS256 signing with the browser's WebCrypto: the PKCS#8 key is imported as a
//! non-extractable `CryptoKey` (`RSASSA-PKCS1-v1_5` with SHA-256), used once, and the copy
//! handed to JavaScript is overwritten with zeros.

use js_sys::{Array, Object, Reflect, Uint8Array};
use thiserror::Error;
use wasm_bindgen::{JsCast as _, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::CryptoKey;

use super::{js_error_text, window};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CryptoError {
    #[error(
        "this browser offers no WebCrypto here (it needs a secure context: https or localhost)"
    )]
    Unavailable,
    #[error("the browser would not import the private key: {0}")]
    Import(String),
    #[error("the browser would not sign: {0}")]
    Sign(String),
}

fn rsassa() -> Result<Object, CryptoError> {
    let algorithm = Object::new();
    let set = |k: &str, v: &str| Reflect::set(&algorithm, &k.into(), &v.into());
    set("name", "RSASSA-PKCS1-v1_5")
        .and_then(|_| set("hash", "SHA-256"))
        .map_err(|e| CryptoError::Import(js_error_text(&e)))?;
    Ok(algorithm)
}

/// Signs `data` with the PKCS#8 private key, RS256.
pub async fn sign_rs256(pkcs8_der: &[u8], data: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let subtle = window()
        .ok()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or(CryptoError::Unavailable)?;
    let algorithm = rsassa()?;
    let der = Uint8Array::from(pkcs8_der);
    let usages = Array::of1(&JsValue::from_str("sign"));
    let imported = subtle
        .import_key_with_object("pkcs8", &der, &algorithm, false, &usages)
        .map_err(|e| CryptoError::Import(js_error_text(&e)));
    let key = match imported {
        Ok(promise) => JsFuture::from(promise)
            .await
            .map_err(|e| CryptoError::Import(js_error_text(&e))),
        Err(e) => Err(e),
    };
    der.fill(0, 0, der.length());
    let key: CryptoKey = key?.unchecked_into();
    let promise = subtle
        .sign_with_object_and_u8_array(&algorithm, &key, data)
        .map_err(|e| CryptoError::Sign(js_error_text(&e)))?;
    let signature = JsFuture::from(promise)
        .await
        .map_err(|e| CryptoError::Sign(js_error_text(&e)))?;
    Ok(Uint8Array::new(&signature).to_vec())
}
