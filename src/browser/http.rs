//! The page's only network traffic: form POSTs to the provider (gloo-net's fetch). Kept a
//! CORS "simple request" — a form body, no custom headers, no cookies — because that is what
//! Google's token endpoint answers from a browser.

use gloo_net::http::Request;
use thiserror::Error;
use web_sys::{ReferrerPolicy, RequestCredentials, RequestRedirect};

use crate::oauth::FormRequest;

/// What came back: the status and the body as text, whatever it is.
#[derive(Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    /// May hold tokens; shown only through `oauth`'s masking.
    pub body: String,
}

impl std::fmt::Debug for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Answer")
            .field("status", &self.status)
            .field("body_len", &self.body.len())
            .finish()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum HttpError {
    /// No readable answer: unreachable, CORS refused, blocked by policy.
    #[error("the request failed: {0}")]
    Network(String),
    #[error("the answer could not be read: {0}")]
    Body(String),
}

/// POSTs a form body to the request's URL.
pub async fn post_form(request: &FormRequest) -> Result<Answer, HttpError> {
    let response = Request::post(request.url.as_str())
        .header("Content-Type", FormRequest::CONTENT_TYPE)
        .credentials(RequestCredentials::Omit)
        .referrer_policy(ReferrerPolicy::NoReferrer)
        .redirect(RequestRedirect::Error)
        .body(request.body().expose().to_owned())
        .map_err(|e| HttpError::Network(e.to_string()))?
        .send()
        .await
        .map_err(|e| HttpError::Network(e.to_string()))?;
    let status = response.status();
    let body = response
        .text()
        .await
        .map_err(|e| HttpError::Body(e.to_string()))?;
    Ok(Answer { status, body })
}
