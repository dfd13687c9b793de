//! One request and its answer as HTTP text, for the raw exchange view: method, URL, headers,
//! form body, status and body. Secrets are masked unless the user revealed them.

use crate::oauth::response::masked_json;
use crate::oauth::{FormRequest, Secret};

/// A request as the page sent it.
#[derive(Debug, Clone)]
pub enum Sent {
    Form(FormRequest),
    /// A GET with a bearer token.
    Bearer {
        url: String,
        token: Secret,
    },
}

/// What came back, if anything.
#[derive(Debug, Clone)]
pub enum Received {
    Answer {
        status: u16,
        body: Secret,
    },
    /// No readable answer (network, CORS, timeout).
    Failed(String),
    Pending,
}

/// The exchange as text.
pub fn http_text(sent: &Sent, received: &Received, reveal: bool) -> String {
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
        Sent::Bearer { url, token } => {
            let shown = if reveal {
                token.expose().to_owned()
            } else {
                token.masked()
            };
            format!("GET {url}\nAuthorization: Bearer {shown}\n")
        }
    };
    out.push_str("\n→ ");
    match received {
        Received::Answer { status, body } => {
            let body = if reveal {
                body.expose().to_owned()
            } else {
                masked_json(body.expose())
            };
            out.push_str(&format!("HTTP {status}\n\n{body}"));
        }
        Received::Failed(why) => out.push_str(&format!("no answer: {why}")),
        Received::Pending => out.push_str("waiting…"),
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
        let received = Received::Answer {
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

        let bearer = Sent::Bearer {
            url: "https://bigquery.googleapis.com/bigquery/v2/projects".into(),
            token: Secret::new("ya29.very-secret-access"),
        };
        let failed = http_text(&bearer, &Received::Failed("Failed to fetch".into()), false);
        assert!(
            failed.contains("GET https://bigquery")
                && failed.contains("no answer: Failed to fetch")
        );
        assert!(!failed.contains("very-secret"));
    }
}
