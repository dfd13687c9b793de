//! One request and its answer as HTTP text, for the raw exchange view: method, URL, headers,
//! form body, status and body. Secrets are masked unless the user revealed them.

use crate::google::call::ApiCall;
use crate::oauth::response::masked_json;
use crate::oauth::{FormRequest, Secret};

/// A request as the page sent it.
#[derive(Debug, Clone)]
pub enum Sent {
    Form(FormRequest),
    /// A call to an API with a bearer token.
    Api(ApiCall),
}

/// What came back, if anything.
#[derive(Debug, Clone)]
pub enum Reply {
    Answer {
        status: u16,
        body: Secret,
    },
    /// No readable answer (network, CORS, timeout).
    Failed(String),
    Pending,
}

/// The exchange as text.
pub fn http_text(sent: &Sent, received: &Reply, reveal: bool) -> String {
    let mut out = match sent {
        Sent::Form(request) => {
            let body = if reveal {
                request.body().expose().to_owned()
            } else {
                request.masked_body()
            };
            format!(
                "POST {}\nContent-Type: {}\n\n{body}\n",
                request.url,
                FormRequest::CONTENT_TYPE
            )
        }
        Sent::Api(call) => {
            let mut text = format!(
                "{} {}\nAuthorization: {}\n",
                call.method.as_str(),
                call.url,
                call.authorization(reveal)
            );
            for h in &call.headers {
                text.push_str(&format!("{}: {}\n", h.name, h.shown(reveal)));
            }
            if let Some(body) = &call.body {
                text.push_str(&format!("Content-Type: {}\n\n{body}\n", ApiCall::JSON));
            }
            text
        }
    };
    out.push_str("\n→ ");
    match received {
        Reply::Answer { status, body } => {
            let body = if reveal {
                body.expose().to_owned()
            } else {
                masked_json(body.expose())
            };
            out.push_str(&format!("HTTP {status}\n\n{body}"));
        }
        Reply::Failed(why) => out.push_str(&format!("no answer: {why}")),
        Reply::Pending => out.push_str("waiting…"),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth::{grant, ClientId, Endpoint, RefreshToken};

    #[test]
    fn masks_request_and_answer_until_revealed() {
        let token =
            Endpoint::parse("Token endpoint", "https://oauth2.googleapis.com/token").unwrap();
        let id = ClientId::parse("cid").unwrap();
        let rt = RefreshToken::parse("1//0g-very-secret-refresh").unwrap();
        let sent = Sent::Form(grant::refresh(
            &token,
            grant::Client {
                id: &id,
                secret: None,
            },
            &rt,
        ));
        let received = Reply::Answer {
            status: 200,
            body: Secret::new(
                r#"{"access_token":"ya29.very-secret-access","token_type":"Bearer"}"#,
            ),
        };
        let masked = http_text(&sent, &received, false);
        assert!(masked.starts_with("POST https://oauth2.googleapis.com/token\nContent-Type: application/x-www-form-urlencoded\n\n"));
        assert!(masked.contains("HTTP 200"));
        assert!(!masked.contains("very-secret"));
        let revealed = http_text(&sent, &received, true);
        assert!(
            revealed.contains("very-secret-refresh") && revealed.contains("very-secret-access")
        );

        let bearer = Sent::Api(
            ApiCall::get(
                "https://bigquery.googleapis.com/bigquery/v2/projects".into(),
                &crate::oauth::AccessToken::parse("ya29.very-secret-access").unwrap(),
            )
            .header("developer-token", "very-secret-dev", true)
            .header("login-customer-id", "1112223333", false),
        );
        let failed = http_text(&bearer, &Reply::Failed("Failed to fetch".into()), false);
        assert!(
            failed.contains("GET https://bigquery")
                && failed.contains("no answer: Failed to fetch")
        );
        assert!(!failed.contains("very-secret"));
        assert!(failed.contains("login-customer-id: 1112223333\n"));
        let shown = http_text(&bearer, &Reply::Pending, true);
        assert!(shown.contains("developer-token: very-secret-dev\n"));
    }
}
