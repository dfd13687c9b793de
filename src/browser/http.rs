//! The page's only network traffic: form POSTs to the provider (gloo-net's fetch). Kept a
//! CORS "simple request" — a form body, no custom headers, no cookies — because that is what
//! Google's token endpoint answers from a browser. Every request has a time limit.

use gloo_net::http::Request;
use thiserror::Error;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast as _;
use web_sys::{AbortController, ReferrerPolicy, RequestCredentials, RequestRedirect};

use super::window;
use crate::google::call::{ApiCall, Method};
use crate::oauth::FormRequest;

/// How long a request may take before it is given up.
pub const TIMEOUT_SECONDS: u32 = 30;

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
    #[error("no answer within {0} seconds")]
    Timeout(u32),
    #[error("the answer could not be read: {0}")]
    Body(String),
}

/// Aborts the request when dropped late or when the time is up.
struct Deadline {
    controller: AbortController,
    timer: Option<i32>,
    _callback: Closure<dyn FnMut()>,
}

impl Deadline {
    fn new(seconds: u32) -> Option<Self> {
        let controller = AbortController::new().ok()?;
        let abort = controller.clone();
        let callback = Closure::<dyn FnMut()>::new(move || abort.abort());
        let timer = window()
            .ok()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                (seconds * 1000) as i32,
            )
            .ok();
        Some(Self {
            controller,
            timer,
            _callback: callback,
        })
    }

    fn expired(&self) -> bool {
        self.controller.signal().aborted()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let (Some(timer), Ok(window)) = (self.timer, window()) {
            window.clear_timeout_with_handle(timer);
        }
    }
}

/// POSTs a form body to the request's URL.
pub async fn post_form(request: &FormRequest) -> Result<Answer, HttpError> {
    let builder =
        Request::post(request.url.as_str()).header("Content-Type", FormRequest::CONTENT_TYPE);
    send(builder, Some(request.body().expose().to_owned())).await
}

/// Sends an API call with its bearer token and headers (a CORS request with a preflight).
pub async fn send_api(call: &ApiCall) -> Result<Answer, HttpError> {
    let builder = match call.method {
        Method::Get => Request::get(&call.url),
        Method::Post => Request::post(&call.url).header("Content-Type", ApiCall::JSON),
    };
    let builder = call.headers.iter().fold(
        builder.header("Authorization", &call.authorization(true)),
        |b, h| b.header(h.name, h.value.expose()),
    );
    send(builder, call.body.clone()).await
}

async fn send(
    builder: gloo_net::http::RequestBuilder,
    body: Option<String>,
) -> Result<Answer, HttpError> {
    let deadline = Deadline::new(TIMEOUT_SECONDS);
    // A request aborted by the deadline fails like any other; the deadline says which it was.
    let failed = |other: fn(String) -> HttpError, e: gloo_net::Error| {
        if deadline.as_ref().is_some_and(Deadline::expired) {
            HttpError::Timeout(TIMEOUT_SECONDS)
        } else {
            other(e.to_string())
        }
    };
    let signal = deadline.as_ref().map(|d| d.controller.signal());
    let builder = builder
        .credentials(RequestCredentials::Omit)
        .referrer_policy(ReferrerPolicy::NoReferrer)
        .redirect(RequestRedirect::Error)
        .abort_signal(signal.as_ref());
    let request = match body {
        Some(body) => builder.body(body),
        None => builder.build(),
    }
    .map_err(|e| HttpError::Network(e.to_string()))?;
    let response = request
        .send()
        .await
        .map_err(|e| failed(HttpError::Network, e))?;
    let status = response.status();
    let body = response
        .text()
        .await
        .map_err(|e| failed(HttpError::Body, e))?;
    Ok(Answer { status, body })
}
