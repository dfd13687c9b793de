//! Glue between the browser's fetch and the protocol core: send a token request, read the
//! answer with `oauth`, and keep what the user may need to see (masked).

use crate::browser::http::{self, HttpError};
use crate::browser::time::now_ms;
use crate::oauth::response::masked_json;
use crate::oauth::{
    explain, parse_token_response, Explanation, FormRequest, Situation, TokenEndpointError,
    TokenResponse,
};

/// Tokens that arrived.
#[derive(Debug, Clone)]
pub struct Received {
    pub response: TokenResponse,
    /// The response body with secrets masked, for the raw view.
    pub masked_body: String,
    /// The body as received, revealed only on request.
    pub body: crate::oauth::Secret,
    pub status: u16,
    pub at_ms: f64,
}

/// Why no tokens arrived.
#[derive(Debug, Clone)]
pub enum Failure {
    Http(HttpError),
    Endpoint {
        error: TokenEndpointError,
        status: u16,
        masked_body: String,
    },
}

impl Failure {
    pub fn explanation(&self) -> Explanation {
        match self {
            Failure::Http(HttpError::Timeout(seconds)) => {
                explain(Situation::Timeout { seconds: *seconds })
            }
            Failure::Http(HttpError::Network(detail) | HttpError::Body(detail)) => {
                explain(Situation::Network { detail })
            }
            Failure::Endpoint { error, .. } => explain(Situation::Token(error)),
        }
    }

    /// The raw answer for the "Raw answer" disclosure.
    pub fn raw(&self) -> Option<String> {
        match self {
            Failure::Http(_) => None,
            Failure::Endpoint {
                status,
                masked_body,
                ..
            } => Some(format!("HTTP {status}\n\n{masked_body}")),
        }
    }
}

/// POSTs a token request and reads the answer.
pub async fn token_request(request: FormRequest) -> Result<Received, Failure> {
    let answer = http::post_form(&request).await.map_err(Failure::Http)?;
    let masked_body = masked_json(&answer.body);
    match parse_token_response(answer.status, &answer.body) {
        Ok(response) => Ok(Received {
            response,
            masked_body,
            body: crate::oauth::Secret::new(answer.body),
            status: answer.status,
            at_ms: now_ms(),
        }),
        Err(error) => Err(Failure::Endpoint {
            error,
            status: answer.status,
            masked_body,
        }),
    }
}
