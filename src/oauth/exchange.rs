//! What a token request came to, as facts: the tokens with the answer they came in, or why
//! none came. The flow decides what the outcome of a code exchange means; the messages say it.

use super::response::{TokenEndpointError, TokenResponse};
use super::secret::Secret;

/// Tokens that arrived.
#[derive(Debug, Clone)]
pub struct Received {
    pub response: TokenResponse,
    /// The body as received, revealed only on request; the raw view masks it when shown.
    pub body: Secret,
    pub status: u16,
    pub at_ms: f64,
}

/// Why a token request brought no tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenFailure {
    /// No answer the page could read (the network, or the endpoint refused the page's origin).
    NoAnswer { detail: String },
    /// No answer within the page's time limit.
    TimedOut { seconds: u32 },
    /// The endpoint answered without tokens; its body as shown, secrets masked.
    Endpoint {
        error: TokenEndpointError,
        status: u16,
        masked_body: String,
    },
}

impl TokenFailure {
    /// The raw answer for the "Raw answer" disclosure, when there was one.
    pub fn raw(&self) -> Option<String> {
        match self {
            TokenFailure::Endpoint {
                status,
                masked_body,
                ..
            } => Some(format!("HTTP {status}\n\n{masked_body}")),
            _ => None,
        }
    }
}
