//! The token endpoint: the authorization code and refresh token grants, with Google's errors.

use super::*;

pub(super) async fn token(
    State(p): State<Provider>,
    method: Method,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    debug_assert_eq!(method, Method::POST);
    p.counted("token");
    let fault = p.lock().fault;
    match fault {
        Fault::Delay(d) => tokio::time::sleep(d).await,
        Fault::Close => {
            std::panic::resume_unwind(Box::new("connection closed by the fault switch"))
        }
        _ => {}
    }
    let response = match fault {
        Fault::ServerError => oauth_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            "Internal error",
        ),
        Fault::Html => (
            StatusCode::BAD_GATEWAY,
            Html("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"),
        )
            .into_response(),
        Fault::TruncatedJson => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            "{\"access_token\": \"ya29.a0Af",
        )
            .into_response(),
        _ => token_answer(&p, &headers, &body),
    };
    if fault == Fault::NoCors {
        return response;
    }
    with_cors(&headers, response)
}

pub(super) fn token_answer(p: &Provider, headers: &HeaderMap, body: &Bytes) -> Response {
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Invalid content type",
        );
    }
    let f = form(body);
    let grant_type = f.get("grant_type").cloned().unwrap_or_default();
    p.counted(&format!("token:{grant_type}"));
    // A service account authenticates with its signed assertion, not a client.
    if grant_type == "urn:ietf:params:oauth:grant-type:jwt-bearer" {
        return service_account::jwt_bearer(p, headers, &f);
    }
    // [errors]: client authentication comes first.
    let client_id = f.get("client_id").cloned().unwrap_or_default();
    let Some(client) = p.lock().clients.get(&client_id).cloned() else {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "The OAuth client was not found.",
        );
    };
    match f.get("client_secret") {
        None => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "client_secret is missing.",
            )
        }
        Some(s) if *s != client.secret => {
            return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "Unauthorized")
        }
        Some(_) => {}
    }
    match grant_type.as_str() {
        "authorization_code" => code_grant(p, &client, &f),
        "refresh_token" => refresh_grant(p, &client, &f),
        "" => oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "Invalid grant_type: ",
        ),
        other => oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            &format!("Invalid grant_type: {other}"),
        ),
    }
}

pub(super) fn code_grant(
    p: &Provider,
    client: &ClientConfig,
    f: &HashMap<String, String>,
) -> Response {
    let mut inner = p.lock();
    let code = f.get("code").cloned().unwrap_or_default();
    let Some(grant) = inner.codes.get_mut(&code) else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "Malformed auth code.",
        );
    };
    if grant.used {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "Code was already redeemed.",
        );
    }
    if grant.issued.elapsed() > CODE_LIFETIME || grant.request.client_id != client.id {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant", "Bad Request");
    }
    if f.get("redirect_uri") != Some(&grant.request.redirect_uri) {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "redirect_uri_mismatch",
            "Bad Request",
        );
    }
    if let Some((challenge, method)) = &grant.request.challenge {
        let Some(verifier) = f.get("code_verifier") else {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_grant",
                "Missing code verifier.",
            );
        };
        let computed = if method == "S256" {
            URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
        } else {
            verifier.clone()
        };
        if computed != *challenge {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_grant",
                "Invalid code verifier.",
            );
        }
    }
    grant.used = true;
    let grant = grant.clone();
    let access = random("ya29.a0");
    let refresh = grant.with_refresh_token.then(|| random("1//0g"));
    inner.access_tokens.insert(
        access.clone(),
        AccessGrant {
            client_id: client.id.clone(),
            scopes: grant.granted.clone(),
            expires: Instant::now() + Duration::from_secs(ACCESS_TOKEN_SECONDS),
            refresh_token: refresh.clone(),
        },
    );
    let mut body = json!({
        "access_token": access,
        "expires_in": ACCESS_TOKEN_SECONDS,
        "scope": grant.granted.join(" "),
        "token_type": "Bearer",
    });
    if grant.granted.iter().any(|s| s == "openid") {
        body["id_token"] = id_token(&client.id).into();
    }
    if let Some(rt) = refresh {
        inner.refresh_tokens.insert(
            rt.clone(),
            RefreshGrant {
                client_id: client.id.clone(),
                scopes: grant.granted.clone(),
                revoked: false,
            },
        );
        body["refresh_token"] = rt.into();
        if let Some(seconds) = inner.limited_grant_seconds {
            body["refresh_token_expires_in"] = seconds.into();
        } else if client.testing {
            body["refresh_token_expires_in"] = TESTING_REFRESH_SECONDS.into();
        }
    }
    (StatusCode::OK, axum::Json(body)).into_response()
}

/// An OpenID Connect ID token as Google shapes it (the signature is a placeholder: the page
/// only decodes, never verifies).
pub(super) fn id_token(client_id: &str) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let header = json!({"alg": "RS256", "kid": "local-test-key", "typ": "JWT"});
    let payload = json!({
        "iss": "https://accounts.google.com", "azp": client_id, "aud": client_id,
        "sub": USER_SUB, "email": USER_EMAIL, "email_verified": true,
        "iat": now, "exp": now + ACCESS_TOKEN_SECONDS,
    });
    let part = |v: serde_json::Value| URL_SAFE_NO_PAD.encode(v.to_string());
    format!("{}.{}.{}", part(header), part(payload), random("sig"))
}

pub(super) fn refresh_grant(
    p: &Provider,
    client: &ClientConfig,
    f: &HashMap<String, String>,
) -> Response {
    let mut inner = p.lock();
    let token = f.get("refresh_token").cloned().unwrap_or_default();
    let Some(grant) = inner
        .refresh_tokens
        .get(&token)
        .filter(|g| !g.revoked)
        .cloned()
    else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "Token has been expired or revoked.",
        );
    };
    if grant.client_id != client.id {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "unauthorized_client",
            "Unauthorized",
        );
    }
    let access = random("ya29.a0");
    inner.access_tokens.insert(
        access.clone(),
        AccessGrant {
            client_id: client.id.clone(),
            scopes: grant.scopes.clone(),
            expires: Instant::now() + Duration::from_secs(ACCESS_TOKEN_SECONDS),
            refresh_token: Some(token),
        },
    );
    let mut body = json!({
        "access_token": access,
        "expires_in": ACCESS_TOKEN_SECONDS,
        "scope": grant.scopes.join(" "),
        "token_type": "Bearer",
    });
    if client.testing {
        body["refresh_token_expires_in"] = TESTING_REFRESH_SECONDS.into();
    }
    (StatusCode::OK, axum::Json(body)).into_response()
}
