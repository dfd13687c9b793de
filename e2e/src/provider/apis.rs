//! What the page calls with the tokens: revocation (RFC 7009), tokeninfo, and a BigQuery-like projects list.

use super::*;

/// RFC 7009 / [web-server] "Revoking a token": revoking either token ends the whole grant.
pub(super) async fn revoke(State(p): State<Provider>, headers: HeaderMap, body: Bytes) -> Response {
    p.counted("revoke");
    let token = form(&body).remove("token").unwrap_or_default();
    let mut inner = p.lock();
    let refresh = if inner.refresh_tokens.contains_key(&token) {
        Some(token.clone())
    } else {
        inner
            .access_tokens
            .get(&token)
            .and_then(|a| a.refresh_token.clone())
    };
    let known = inner.access_tokens.remove(&token).is_some() | refresh.is_some();
    if let Some(rt) = refresh {
        if let Some(g) = inner.refresh_tokens.get_mut(&rt) {
            g.revoked = true;
        }
        inner
            .access_tokens
            .retain(|_, a| a.refresh_token.as_deref() != Some(rt.as_str()));
    }
    drop(inner);
    let response = if known {
        (StatusCode::OK, axum::Json(json!({}))).into_response()
    } else {
        oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_token",
            "Token expired or revoked",
        )
    };
    with_cors(&headers, response)
}

pub(super) fn bearer_grant(p: &Provider, token: &str) -> Option<AccessGrant> {
    p.lock()
        .access_tokens
        .get(token)
        .filter(|a| a.expires > Instant::now())
        .cloned()
}

/// Tokeninfo takes the token as a query parameter or, keeping it out of URLs, a form body.
pub(super) async fn tokeninfo(
    State(p): State<Provider>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    p.counted("tokeninfo");
    let token = q
        .get("access_token")
        .cloned()
        .or_else(|| form(&body).remove("access_token"))
        .unwrap_or_default();
    let response = match bearer_grant(&p, &token) {
        Some(a) => {
            let left = a
                .expires
                .saturating_duration_since(Instant::now())
                .as_secs();
            (
                StatusCode::OK,
                axum::Json(json!({
                    "azp": a.client_id, "aud": a.client_id, "sub": USER_SUB,
                    "scope": a.scopes.join(" "), "expires_in": left.to_string(),
                    "email": USER_EMAIL, "email_verified": "true", "access_type": "offline",
                })),
            )
                .into_response()
        }
        None => (
            StatusCode::BAD_REQUEST,
            axum::Json(json!({"error": "invalid_token", "error_description": "Invalid Value"})),
        )
            .into_response(),
    };
    with_cors(&headers, response)
}

pub(super) async fn bigquery(State(p): State<Provider>, headers: HeaderMap) -> Response {
    p.counted("bigquery");
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    let response = match bearer_grant(&p, token) {
        Some(a) if a.scopes.iter().any(|s| s.contains("bigquery") || s.ends_with("cloud-platform")) => (
            StatusCode::OK,
            axum::Json(json!({
                "kind": "bigquery#projectList",
                "projects": [{"kind": "bigquery#project", "id": "demo-project",
                              "projectReference": {"projectId": "demo-project"},
                              "friendlyName": "Demo project"}],
                "totalItems": 1
            })),
        )
            .into_response(),
        Some(_) => (
            StatusCode::FORBIDDEN,
            axum::Json(json!({"error": {"code": 403, "message": "Request had insufficient authentication scopes.", "status": "PERMISSION_DENIED"}})),
        )
            .into_response(),
        None => (
            StatusCode::UNAUTHORIZED,
            axum::Json(json!({"error": {"code": 401, "message": "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.", "status": "UNAUTHENTICATED"}})),
        )
            .into_response(),
    };
    with_cors(&headers, response)
}
