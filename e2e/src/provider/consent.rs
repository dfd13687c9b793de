//! The authorization endpoint: Google's consent page, and what happens on Allow or Cancel.

use super::*;

pub(super) async fn authorize(
    State(p): State<Provider>,
    Query(q): Query<Vec<(String, String)>>,
) -> Response {
    p.counted("auth");
    let param = |name: &str| q.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let Some(client_id) = param("client_id") else {
        return error_page(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Missing required parameter: client_id",
        );
    };
    let Some(client) = p.lock().clients.get(&client_id).cloned() else {
        return error_page(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "The OAuth client was not found.",
        );
    };
    let redirect_uri = param("redirect_uri").unwrap_or_default();
    if !client.redirect_uris.contains(&redirect_uri) {
        return error_page(
            StatusCode::BAD_REQUEST,
            "redirect_uri_mismatch",
            &format!(
                "You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. \
                 redirect_uri={}",
                escape(&redirect_uri)
            ),
        );
    }
    if param("response_type").as_deref() != Some("code") {
        return error_page(
            StatusCode::BAD_REQUEST,
            "unsupported_response_type",
            "Invalid response_type",
        );
    }
    let scopes: Vec<String> = param("scope")
        .unwrap_or_default()
        .split(' ')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    if scopes.is_empty() {
        return error_page(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Missing required parameter: scope",
        );
    }
    let challenge = match (param("code_challenge"), param("code_challenge_method")) {
        (None, _) => None,
        (Some(c), m) => {
            let method = m.unwrap_or_else(|| "plain".into());
            if method != "S256" && method != "plain" {
                return error_page(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "Invalid code_challenge_method",
                );
            }
            Some((c, method))
        }
    };
    let offline = match param("access_type").as_deref() {
        None | Some("online") => false,
        Some("offline") => true,
        Some(_) => {
            return error_page(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "Invalid access_type",
            )
        }
    };
    let prompt_consent = param("prompt").is_some_and(|p| p.split(' ').any(|v| v == "consent"));
    let request = AuthRequest {
        client_id,
        redirect_uri,
        scopes: scopes.clone(),
        state: param("state"),
        challenge,
        offline,
        prompt_consent,
    };
    let ticket = random("t");
    p.lock().tickets.insert(ticket.clone(), request);
    // [web-server] granular consent: the user may untick scopes.
    let boxes: String = scopes
        .iter()
        .enumerate()
        .map(|(i, s)| {
            format!(
                "<li><input type=\"checkbox\" name=\"scope\" id=\"scope-{i}\" value=\"{v}\" checked>\
                 <label for=\"scope-{i}\">{v}</label></li>",
                v = escape(s)
            )
        })
        .collect();
    Html(format!(
        "<!doctype html><html><head><title>Sign in - Google Accounts</title></head><body>\
         <h1 id=\"consent-title\">{app} wants to access your Google Account</h1>\
         <p>Signed in as {USER_EMAIL}</p>\
         <form method=\"post\" action=\"/o/oauth2/v2/auth/decide\">\
         <input type=\"hidden\" name=\"ticket\" value=\"{ticket}\"><ul>{boxes}</ul>\
         <button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Cancel</button>\
         <button type=\"submit\" name=\"decision\" value=\"allow\" id=\"allow\">Allow</button>\
         </form></body></html>",
        app = escape(&client.id)
    ))
    .into_response()
}

pub(super) async fn decide(State(p): State<Provider>, body: Bytes) -> Response {
    p.counted("decide");
    let fields: Vec<(String, String)> = url::form_urlencoded::parse(&body).into_owned().collect();
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let Some(request) = field("ticket").and_then(|t| p.lock().tickets.remove(t)) else {
        return error_page(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "This consent page has expired.",
        );
    };
    let mut to = url::Url::parse(&request.redirect_uri).expect("registered URIs are URLs");
    let granted: Vec<String> = fields
        .iter()
        .filter(|(k, v)| k == "scope" && request.scopes.contains(v))
        .map(|(_, v)| v.clone())
        .collect();
    if field("decision") != Some("allow") || granted.is_empty() {
        let mut q = to.query_pairs_mut();
        q.append_pair("error", "access_denied");
        if let Some(state) = &request.state {
            q.append_pair("state", state);
        }
        drop(q);
        return redirect(to.as_str());
    }
    let code = random("4/0A");
    {
        let mut inner = p.lock();
        // [policies]: a refresh token on the first consent, or when consent is forced.
        let first = inner.consented.insert(request.client_id.clone());
        let with_refresh_token = request.offline && (first || request.prompt_consent);
        inner.codes.insert(
            code.clone(),
            CodeGrant {
                request: request.clone(),
                granted: granted.clone(),
                issued: Instant::now(),
                used: false,
                with_refresh_token,
            },
        );
    }
    // The order and the extra parameters of Google's redirect.
    let mut q = to.query_pairs_mut();
    if let Some(state) = &request.state {
        q.append_pair("state", state);
    }
    q.append_pair("iss", "https://accounts.google.com")
        .append_pair("code", &code)
        .append_pair("scope", &granted.join(" "))
        .append_pair("authuser", "0")
        .append_pair("prompt", "consent");
    drop(q);
    redirect(to.as_str())
}
