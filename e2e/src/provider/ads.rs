//! A Google Ads API-like service, as far as the page's checks can tell: the accounts the
//! user reaches ([ads-list]: `customers:listAccessibleCustomers`), a manager hierarchy read
//! with GAQL on `customer_client` ([ads-hierarchy]), and the refusals ADF meets
//! ([ads-errors], "Common errors"): `USER_PERMISSION_DENIED` when a client account is read
//! without its manager in `login-customer-id`. As Google does since it sunset developer
//! tokens on 2026-09-09 (Google Ads API, "Developer token"), the `developer-token` header is optional and
//! ignored; a client whose Cloud project has Test access meets
//! `CLOUD_PROJECT_NOT_APPROVED_FOR_PRODUCTION` on a real account, and a version past its
//! sunset `UNSUPPORTED_VERSION` (both on request). Errors come in Google's REST shape:
//! `error.details[]` of type `GoogleAdsFailure` with `errors[].errorCode`.

use super::*;

/// The user's accounts: a manager with one client, and an account of their own.
pub const MANAGER: &str = "1112223333";
pub const CLIENT: &str = "7778889999";
pub const OWN: &str = "4445556666";

struct Customer {
    id: &'static str,
    name: &'static str,
    manager: bool,
    clients: &'static [&'static str],
}

const CUSTOMERS: [Customer; 3] = [
    Customer {
        id: MANAGER,
        name: "Agency MCC",
        manager: true,
        clients: &[CLIENT],
    },
    Customer {
        id: CLIENT,
        name: "Shop",
        manager: false,
        clients: &[],
    },
    Customer {
        id: OWN,
        name: "Own account",
        manager: false,
        clients: &[],
    },
];

/// Reached directly by the signed-in user.
const ACCESSIBLE: [&str; 2] = [MANAGER, OWN];

/// Customer IDs that are not ten ASCII digits: non-ASCII digits, multi-byte letters, a path.
pub const ODD_IDS: [&str; 3] = ["١٢٣٤٥٦٧٨٩٠", "ééé4567", "12/../3456"];

fn customer(id: &str) -> Option<&'static Customer> {
    CUSTOMERS.iter().find(|c| c.id == id)
}

fn ads_error(status: StatusCode, kind: &str, code: &str, message: &str) -> Response {
    let google = match status {
        StatusCode::UNAUTHORIZED => "UNAUTHENTICATED",
        StatusCode::FORBIDDEN => "PERMISSION_DENIED",
        _ => "INVALID_ARGUMENT",
    };
    (
        status,
        axum::Json(json!({"error": {
            "code": status.as_u16(),
            "message": if status == StatusCode::FORBIDDEN { "The caller does not have permission" } else { "Request contains an invalid argument." },
            "status": google,
            "details": [{
                "@type": format!("type.googleapis.com/google.ads.googleads.{}.errors.GoogleAdsFailure", refresh_token_helper::google::ads::ADS_API_VERSION),
                "errors": [{"errorCode": {kind: code}, "message": message}],
                "requestId": random("req-"),
            }]
        }})),
    )
        .into_response()
}

/// The bearer token must carry the Ads scope; a developer token, if sent, is ignored.
fn admit(p: &Provider, headers: &HeaderMap, version: &str) -> Result<(), Box<Response>> {
    if p.lock().ads_retired.iter().any(|v| v == version) {
        return Err(Box::new(ads_error(
            StatusCode::BAD_REQUEST,
            "requestError",
            "UNSUPPORTED_VERSION",
            "This version of the API has been sunset.",
        )));
    }
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    let Some(grant) = apis::bearer_grant(p, token) else {
        return Err(Box::new((
            StatusCode::UNAUTHORIZED,
            axum::Json(json!({"error": {"code": 401, "message": "Request is missing required authentication credential.", "status": "UNAUTHENTICATED"}})),
        )
            .into_response()));
    };
    if !grant.scopes.iter().any(|s| s.ends_with("/auth/adwords")) {
        return Err(Box::new((
            StatusCode::FORBIDDEN,
            axum::Json(json!({"error": {"code": 403, "message": "Request had insufficient authentication scopes.", "status": "PERMISSION_DENIED"}})),
        )
            .into_response()));
    }
    Ok(())
}

pub(super) async fn accessible(
    State(p): State<Provider>,
    axum::extract::Path(version): axum::extract::Path<String>,
    headers: HeaderMap,
) -> Response {
    p.counted("ads:listAccessibleCustomers");
    let response = match admit(&p, &headers, &version) {
        Err(r) => *r,
        Ok(_) => {
            let odd = p.lock().ads_odd_ids;
            let ids = ACCESSIBLE
                .iter()
                .chain(ODD_IDS.iter().filter(|_| odd))
                .map(|id| format!("customers/{id}"));
            (
                StatusCode::OK,
                axum::Json(json!({"resourceNames": ids.collect::<Vec<_>>()})),
            )
                .into_response()
        }
    };
    with_cors(&headers, response)
}

#[derive(serde::Deserialize)]
struct Search {
    query: String,
}

pub(super) async fn search(
    State(p): State<Provider>,
    axum::extract::Path((version, id)): axum::extract::Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    p.counted("ads:search");
    let response = answer_search(&p, &version, &id, &headers, &body);
    if p.lock().ads_refuse_cors {
        // As if the API did not allow the page's origin: the browser hides the answer.
        return response;
    }
    with_cors(&headers, response)
}

fn answer_search(
    p: &Provider,
    version: &str,
    id: &str,
    headers: &HeaderMap,
    body: &Bytes,
) -> Response {
    if let Err(r) = admit(p, headers, version) {
        return *r;
    }
    let Ok(Search { query }) = serde_json::from_slice(body) else {
        return ads_error(
            StatusCode::BAD_REQUEST,
            "queryError",
            "BAD_FIELD_NAME",
            "The query is missing.",
        );
    };
    let login = headers
        .get("login-customer-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or(id)
        .to_owned();
    let Some(target) = customer(id) else {
        return ads_error(
            StatusCode::FORBIDDEN,
            "authorizationError",
            "USER_PERMISSION_DENIED",
            "User doesn't have permission to access customer.",
        );
    };
    let reachable = ACCESSIBLE.contains(&login.as_str())
        && (login == id || customer(&login).is_some_and(|m| m.clients.contains(&id)));
    if !reachable {
        return ads_error(
            StatusCode::FORBIDDEN,
            "authorizationError",
            "USER_PERMISSION_DENIED",
            "User doesn't have permission to access customer. Note: If you're accessing a client customer, the manager's customer id must be set in the 'login-customer-id' header.",
        );
    }
    // Every account here is a real (production) one.
    if p.lock().ads_test_access {
        return ads_error(
            StatusCode::FORBIDDEN,
            "authorizationError",
            "CLOUD_PROJECT_NOT_APPROVED_FOR_PRODUCTION",
            "The Google Cloud project is not approved for use with production accounts.",
        );
    }
    let row = |c: &Customer, level: u8| {
        json!({"resourceName": format!("customers/{}/customerClients/{}", target.id, c.id),
               "clientCustomer": format!("customers/{}", c.id), "level": level.to_string(),
               "manager": c.manager, "descriptiveName": c.name, "id": c.id})
    };
    let odd = p.lock().ads_odd_ids;
    let odd_rows = ODD_IDS.iter().filter(|_| odd && target.manager).map(|id| {
        json!({"clientCustomer": format!("customers/{id}"), "level": "1",
               "manager": false, "descriptiveName": "Odd", "id": id})
    });
    let results: Vec<serde_json::Value> = if query.contains("FROM customer_client") {
        std::iter::once(row(target, 0))
            .chain(
                target
                    .clients
                    .iter()
                    .filter_map(|c| customer(c))
                    .map(|c| row(c, 1)),
            )
            .chain(odd_rows)
            .map(|r| json!({"customerClient": r}))
            .collect()
    } else if query.contains("FROM customer") {
        vec![
            json!({"customer": {"resourceName": format!("customers/{}", target.id), "id": target.id, "descriptiveName": target.name}}),
        ]
    } else {
        return ads_error(
            StatusCode::BAD_REQUEST,
            "queryError",
            "PROHIBITED_RESOURCE_TYPE_IN_FROM_CLAUSE",
            "Not a query this service knows.",
        );
    };
    (
        StatusCode::OK,
        axum::Json(json!({"results": results, "fieldMask": "id"})),
    )
        .into_response()
}
