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

fn bearer_of(headers: &HeaderMap) -> &str {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default()
}

/// The project the user may read but not run jobs in.
pub const NO_JOBS_PROJECT: &str = "read-only-project";
/// The projects the user sees, with their datasets.
const PROJECTS: [(&str, &[&str]); 2] = [
    ("demo-project", &["sales", "marketing"]),
    (NO_JOBS_PROJECT, &["shared"]),
];

fn bigquery_error(status: StatusCode, reason: &str, message: &str) -> Response {
    let google = match status {
        StatusCode::UNAUTHORIZED => "UNAUTHENTICATED",
        StatusCode::FORBIDDEN => "PERMISSION_DENIED",
        StatusCode::NOT_FOUND => "NOT_FOUND",
        _ => "INVALID_ARGUMENT",
    };
    (
        status,
        axum::Json(json!({"error": {"code": status.as_u16(), "message": message,
            "errors": [{"message": message, "domain": "global", "reason": reason}], "status": google}})),
    )
        .into_response()
}

/// A token with a BigQuery scope, or the answer refusing it.
fn bigquery_access(p: &Provider, headers: &HeaderMap) -> Result<(), Box<Response>> {
    match bearer_grant(p, bearer_of(headers)) {
        Some(a) if a.scopes.iter().any(|s| s.contains("bigquery") || s.ends_with("cloud-platform")) => Ok(()),
        Some(_) => Err(Box::new(bigquery_error(StatusCode::FORBIDDEN, "insufficientPermissions", "Request had insufficient authentication scopes."))),
        None => Err(Box::new(bigquery_error(StatusCode::UNAUTHORIZED, "authError", "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential."))),
    }
}

/// `jobs.insert`: only dry runs here; `bigquery.jobs.create` is denied in the read-only
/// project, as IAM without *BigQuery Job User* does.
pub(super) async fn jobs(
    State(p): State<Provider>,
    axum::extract::Path(project): axum::extract::Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    p.counted("bigquery:jobs");
    let job: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    let response = match bigquery_access(&p, &headers) {
        Err(r) => *r,
        Ok(()) if !PROJECTS.iter().any(|(id, _)| *id == project) => bigquery_error(
            StatusCode::NOT_FOUND,
            "notFound",
            &format!("Not found: Project {project}"),
        ),
        Ok(()) if project == NO_JOBS_PROJECT => bigquery_error(
            StatusCode::FORBIDDEN,
            "accessDenied",
            &format!("Access Denied: Project {project}: User does not have bigquery.jobs.create permission in project {project}."),
        ),
        Ok(()) if job.pointer("/configuration/dryRun") != Some(&json!(true)) => bigquery_error(
            StatusCode::BAD_REQUEST,
            "invalid",
            "This service runs dry runs only.",
        ),
        Ok(()) => (
            StatusCode::OK,
            axum::Json(json!({"kind": "bigquery#job", "status": {"state": "DONE"},
                "configuration": job["configuration"], "jobReference": {"projectId": project, "location": "US"},
                "statistics": {"totalBytesProcessed": "0", "query": {"totalBytesProcessed": "0", "statementType": "SELECT"}}})),
        )
            .into_response(),
    };
    with_cors(&headers, response)
}

/// `datasets.list` of a project.
pub(super) async fn datasets(
    State(p): State<Provider>,
    axum::extract::Path(project): axum::extract::Path<String>,
    headers: HeaderMap,
) -> Response {
    p.counted("bigquery:datasets");
    let response = match (bigquery_access(&p, &headers), PROJECTS.iter().find(|(id, _)| *id == project)) {
        (Err(r), _) => *r,
        (Ok(()), None) => bigquery_error(StatusCode::NOT_FOUND, "notFound", &format!("Not found: Project {project}")),
        (Ok(()), Some((_, list))) => (
            StatusCode::OK,
            axum::Json(json!({"kind": "bigquery#datasetList", "datasets": list.iter().map(|d| json!({
                "kind": "bigquery#dataset", "id": format!("{project}:{d}"),
                "datasetReference": {"datasetId": d, "projectId": project}, "location": "US"})).collect::<Vec<_>>()})),
        )
            .into_response(),
    };
    with_cors(&headers, response)
}

pub(super) async fn bigquery(State(p): State<Provider>, headers: HeaderMap) -> Response {
    p.counted("bigquery");
    let token = bearer_of(&headers);
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
