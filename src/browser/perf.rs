//! Performance marks the benchmark reads (`performance.getEntriesByName`): when the wasm
//! starts running, when the app is interactive, when a token response arrived, when the
//! tokens are on screen.

pub const START: &str = "rth:start";
pub const INTERACTIVE: &str = "rth:interactive";
pub const TOKEN_RESPONSE: &str = "rth:token-response";
pub const TOKENS_SHOWN: &str = "rth:tokens-shown";

/// Marks a moment; silently nothing where the Performance API is missing.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
