//! Glue between the browser's fetch and the protocol core: send a request, record it in the
//! exchange log, read the answer with `oauth`, and keep what the user may need to see.

use leptos::prelude::*;

use crate::browser::http::{self, Answer, HttpError};
use crate::browser::perf;
use crate::browser::time::now_ms;
use crate::export::raw::{self, Sent};
use crate::google::call::ApiCall;
use crate::messages::{check_unanswered, Explanation};
use crate::oauth::response::masked_json;
use crate::oauth::{parse_token_response, FormRequest, Received, Secret, TokenFailure};

/// One request of the exchange log and what came back.
#[derive(Debug, Clone)]
pub struct LogEntry {
    pub sent: Sent,
    pub received: raw::Reply,
}

/// Every request the page made, in order.
pub type Log = RwSignal<Vec<LogEntry>>;

/// A check's call to a Google API that got no readable answer, explained by its name.
pub fn check_explanation(call: &str, error: &HttpError) -> Explanation {
    match error {
        HttpError::Timeout(seconds) => check_unanswered(call, "", Some(*seconds)),
        HttpError::Network(detail) | HttpError::Body(detail) => {
            check_unanswered(call, detail, None)
        }
    }
}

/// A request that got no readable answer, as the fact the messages explain.
fn no_answer(error: HttpError) -> TokenFailure {
    match error {
        HttpError::Timeout(seconds) => TokenFailure::TimedOut { seconds },
        HttpError::Network(detail) | HttpError::Body(detail) => TokenFailure::NoAnswer { detail },
    }
}

/// Runs a request, logging it before and after.
async fn logged(
    log: Log,
    sent: Sent,
    request: impl std::future::Future<Output = Result<Answer, HttpError>>,
) -> Result<Answer, HttpError> {
    let index = log.try_update(|l| {
        l.push(LogEntry {
            sent,
            received: raw::Reply::Pending,
        });
        l.len() - 1
    });
    let result = request.await;
    let received = match &result {
        Ok(a) => raw::Reply::Answer {
            status: a.status,
            body: Secret::new(a.body.clone()),
        },
        Err(e) => raw::Reply::Failed(e.to_string()),
    };
    if let Some(i) = index {
        log.update(|l| {
            if let Some(entry) = l.get_mut(i) {
                entry.received = received;
            }
        });
    }
    result
}

/// POSTs a form (revoke, tokeninfo) and returns the raw answer.
pub async fn form_post(log: Log, request: FormRequest) -> Result<Answer, HttpError> {
    let sent = Sent::Form(request.clone());
    logged(log, sent, async move { http::post_form(&request).await }).await
}

/// GETs with a bearer token (the BigQuery check).
pub async fn api_call(log: Log, call: ApiCall) -> Result<Answer, HttpError> {
    logged(log, Sent::Api(call.clone()), async move {
        http::send_api(&call).await
    })
    .await
}

/// POSTs a token request and reads the answer.
pub async fn token_request(log: Log, request: FormRequest) -> Result<Received, TokenFailure> {
    let answer = form_post(log, request).await.map_err(no_answer)?;
    perf::mark(perf::TOKEN_RESPONSE);
    match parse_token_response(answer.status, &answer.body) {
        Ok(response) => Ok(Received {
            response,
            body: Secret::new(answer.body),
            status: answer.status,
            at_ms: now_ms(),
        }),
        Err(error) => Err(TokenFailure::Endpoint {
            error,
            status: answer.status,
            masked_body: masked_json(&answer.body),
        }),
    }
}

/// Every request the page made, for the raw exchange view.
#[derive(Clone, Copy)]
pub struct RequestLog(pub Log);

pub fn use_log() -> Log {
    expect_context::<RequestLog>().0
}
