//! Facts about the Google Ads API that the Google Ads linked service needs.

/// The Google Ads API version the page suggests for `googleAdsApiVersion`. Source: Google's
/// "Deprecation and sunset" page (https://developers.google.com/google-ads/api/docs/sunset-dates),
/// read 2026-11-29: "If you are new to the Google Ads API, we recommend that you start with
/// v26"; v26 was planned for October 2026 with its sunset in November 2027 (Google Ads
/// Developer Blog, "More frequent releases coming for the Google Ads API", 2025-09-04).
/// Versions v17 to v22 are sunset (v22 on 7 October 2026). Check the page when you build.
pub const ADS_API_VERSION: &str = "v26";

use serde_json::Value;

use super::call::ApiCall;
use crate::messages::Explanation;
use crate::oauth::AccessToken;

/// The Google Ads API's host (REST reference: `GET https://googleads.googleapis.com/{version}/customers:listAccessibleCustomers`).
pub const GOOGLE_ADS_API: &str = "https://googleads.googleapis.com";

/// The accounts under a manager, its own row (level 0) and its direct clients (level 1):
/// GAQL on the `customer_client` resource, as Google's "Get account hierarchy" guide does.
pub const HIERARCHY_QUERY: &str = "SELECT customer_client.id, customer_client.descriptive_name, customer_client.manager, customer_client.level FROM customer_client WHERE customer_client.level <= 1";

/// `customers:listAccessibleCustomers`: the accounts the signed-in user reaches directly.
/// Every Ads call carries the developer token in the `developer-token` header ("API call
/// structure").
pub fn accessible_customers_call(api: &str, token: &AccessToken, developer_token: &str) -> ApiCall {
    ApiCall::get(
        format!("{api}/{ADS_API_VERSION}/customers:listAccessibleCustomers"),
        token,
    )
    .header("developer-token", developer_token.trim(), true)
}

/// `googleAds:search` on `customer`, signed in through it (`login-customer-id`, digits only).
pub fn hierarchy_call(
    api: &str,
    customer: &str,
    token: &AccessToken,
    developer_token: &str,
) -> ApiCall {
    let body = serde_json::json!({ "query": HIERARCHY_QUERY });
    ApiCall::post_json(
        format!("{api}/{ADS_API_VERSION}/customers/{customer}/googleAds:search"),
        token,
        body.to_string(),
    )
    .header("developer-token", developer_token.trim(), true)
    .header("login-customer-id", customer, false)
}

/// What ADF's Google Ads copy reads first: the account itself, through the login customer.
pub const CUSTOMER_QUERY: &str = "SELECT customer.id, customer.descriptive_name FROM customer";

/// The call ADF makes with the linked service's `clientCustomerID` and `loginCustomerID`
/// (both digits only; no `login-customer-id` header without a login customer).
pub fn adf_query_call(
    api: &str,
    client: &str,
    login: Option<&str>,
    token: &AccessToken,
    developer_token: &str,
) -> ApiCall {
    let body = serde_json::json!({ "query": CUSTOMER_QUERY });
    let call = ApiCall::post_json(
        format!("{api}/{ADS_API_VERSION}/customers/{client}/googleAds:search"),
        token,
        body.to_string(),
    )
    .header("developer-token", developer_token.trim(), true);
    match login {
        Some(login) => call.header("login-customer-id", login, false),
        None => call,
    }
}

/// The account's name, once ADF's query was answered.
pub fn parse_adf_query(status: u16, body: &str) -> Result<Option<String>, Explanation> {
    let v = ok_json(status, body, "ADF's Google Ads query")?;
    Ok(v.pointer("/results/0/customer/descriptiveName")
        .and_then(Value::as_str)
        .map(str::to_owned))
}

/// An account the user can pick for the linked service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: String,
    pub name: Option<String>,
    pub manager: bool,
}

/// An accessible account and, for a manager, its direct clients.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hierarchy {
    pub account: Account,
    pub clients: Vec<Account>,
}

impl Hierarchy {
    /// Each (`clientCustomerID`, `loginCustomerID`) pair ADF can use: the account itself
    /// (no login customer), and each client reached through this manager.
    pub fn choices(&self) -> Vec<(Account, Option<String>)> {
        let own = (!self.account.manager).then(|| (self.account.clone(), None));
        own.into_iter()
            .chain(
                self.clients
                    .iter()
                    .map(|c| (c.clone(), Some(self.account.id.clone()))),
            )
            .collect()
    }
}

/// Whether `id` is a Google Ads customer ID as the API writes it: ten ASCII digits. Anything
/// else that an answer holds is dropped before it is shown or put in a URL path.
pub fn is_customer_id(id: &str) -> bool {
    id.len() == 10 && id.bytes().all(|b| b.is_ascii_digit())
}

/// A customer ID the way Google Ads shows it: `123-456-7890` (any other text as it is).
pub fn dashed(id: &str) -> String {
    if !is_customer_id(id) {
        return id.to_owned();
    }
    let (head, rest) = id.split_at(3);
    let (middle, tail) = rest.split_at(3);
    format!("{head}-{middle}-{tail}")
}

/// The customer IDs in a `listAccessibleCustomers` answer (`resourceNames: ["customers/…"]`).
pub fn parse_accessible(status: u16, body: &str) -> Result<Vec<String>, Explanation> {
    let v = ok_json(status, body, "Listing the accessible Google Ads accounts")?;
    Ok(v.get("resourceNames")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|r| r.as_str()?.strip_prefix("customers/"))
        .filter(|id| is_customer_id(id))
        .map(str::to_owned)
        .collect())
}

/// The account and its direct clients from a `customer_client` search.
pub fn parse_hierarchy(status: u16, body: &str, customer: &str) -> Result<Hierarchy, Explanation> {
    let v = ok_json(status, body, "Reading the account hierarchy")?;
    let rows = v
        .get("results")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let read = |c: &Value| Account {
        id: c["id"]
            .as_str()
            .map(str::to_owned)
            .or_else(|| c["id"].as_u64().map(|n| n.to_string()))
            .unwrap_or_default(),
        name: c["descriptiveName"]
            .as_str()
            .filter(|n| !n.is_empty())
            .map(str::to_owned),
        manager: c["manager"].as_bool().unwrap_or(false),
    };
    let level = |c: &Value| {
        c["level"]
            .as_str()
            .and_then(|l| l.parse().ok())
            .or_else(|| c["level"].as_u64())
            .unwrap_or(0)
    };
    let mut account = Account {
        id: customer.to_owned(),
        name: None,
        manager: false,
    };
    let mut clients = Vec::new();
    let rows = rows
        .iter()
        .filter_map(|r| r.get("customerClient"))
        .map(|row| (level(row), read(row)))
        .filter(|(_, a)| is_customer_id(&a.id));
    for (level, read) in rows {
        if level == 0 {
            account = read;
        } else {
            clients.push(read);
        }
    }
    Ok(Hierarchy { account, clients })
}

fn ok_json(status: u16, body: &str, what: &str) -> Result<Value, Explanation> {
    if !(200..300).contains(&status) {
        return Err(ads_failure(what, status, body));
    }
    serde_json::from_str(body).map_err(|_| ads_failure(what, status, body))
}

/// The first Google Ads error code in a failure (`details[].errors[].errorCode`, an object
/// with one enum field such as `{"authorizationError": "USER_PERMISSION_DENIED"}`), and its
/// message.
pub fn ads_error(body: &str) -> Option<(String, String)> {
    let v: Value = serde_json::from_str(body).ok()?;
    v.pointer("/error/details")?
        .as_array()?
        .iter()
        .find_map(|d| {
            let e = d.get("errors")?.as_array()?.first()?;
            let code = e
                .get("errorCode")?
                .as_object()?
                .values()
                .next()?
                .as_str()?
                .to_owned();
            Some((code, e["message"].as_str().unwrap_or_default().to_owned()))
        })
}

/// A Google Ads API failure explained, with what to change. Sources: Google Ads API
/// "Common errors" (`USER_PERMISSION_DENIED`: set `login-customer-id` to the manager;
/// `DEVELOPER_TOKEN_NOT_APPROVED`: "The developer token is only approved for use with test
/// accounts"; apply for Basic access) and "Access levels and permissible use".
pub fn ads_failure(what: &str, status: u16, body: &str) -> Explanation {
    let mut e = crate::messages::api_failure(what, status, body);
    let Some((code, message)) = ads_error(body) else {
        if status == 403 {
            e.why = "The token lacks the Google Ads scope (…/auth/adwords), or the developer token was refused.".into();
            e.fix = "Sign in with the Google Ads preset and check the developer token in the API Center of your manager account.".into();
        }
        return e;
    };
    let said = format!(
        " Google Ads said: {}: “{}”",
        crate::messages::outside(&code),
        crate::messages::outside(&message)
    );
    let (why, fix) = match code.as_str() {
        "USER_PERMISSION_DENIED" => (
            "The signed-in user reaches this account only through a manager account, and the call did not name it.",
            "Set the linked service's loginCustomerID to that manager account's ID (pick the account below, through its manager).",
        ),
        "DEVELOPER_TOKEN_NOT_APPROVED" => (
            "The developer token is approved for test accounts only; ADF's calls to this production account will fail the same way.",
            "Apply for Basic access for the developer token in the API Center of your manager account, or use a test account until it is approved.",
        ),
        "DEVELOPER_TOKEN_PROHIBITED" => (
            "This developer token may not be used with the Google Cloud project of the OAuth client.",
            "Use the OAuth client of the Google Cloud project that the developer token was first used with.",
        ),
        "NOT_ADS_USER" => (
            "The signed-in Google account has no Google Ads account.",
            "Sign in with an account that has access to the Google Ads account ADF reads.",
        ),
        "CUSTOMER_NOT_ENABLED" => (
            "The Google Ads account is not enabled (cancelled or never set up).",
            "Pick an enabled account.",
        ),
        _ => ("Google Ads refused the call.", "See Google Ads API “Common errors” for this code."),
    };
    e.why = format!("{why}{said}");
    e.fix = fix.into();
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(kind: &str, code: &str, message: &str) -> String {
        serde_json::json!({"error": {"code": 403, "message": "The caller does not have permission", "status": "PERMISSION_DENIED",
            "details": [{"@type": format!("type.googleapis.com/google.ads.googleads.{ADS_API_VERSION}.errors.GoogleAdsFailure"),
                         "errors": [{"errorCode": {kind: code}, "message": message}], "requestId": "r1"}]}}).to_string()
    }

    #[test]
    fn ads_calls_carry_the_developer_token_and_the_login_customer() {
        let token = AccessToken::parse("ya29.a").unwrap();
        let list = accessible_customers_call(GOOGLE_ADS_API, &token, " dev ");
        assert_eq!(list.url, format!("https://googleads.googleapis.com/{ADS_API_VERSION}/customers:listAccessibleCustomers"));
        assert_eq!(
            (
                list.headers[0].name,
                list.headers[0].value.expose(),
                list.headers[0].secret
            ),
            ("developer-token", "dev", true)
        );
        let search = hierarchy_call(GOOGLE_ADS_API, "1112223333", &token, "dev");
        assert!(search
            .url
            .ends_with("/customers/1112223333/googleAds:search"));
        assert_eq!(search.headers[1].name, "login-customer-id");
        assert_eq!(search.headers[1].value.expose(), "1112223333");
        assert!(search
            .body
            .unwrap()
            .contains("FROM customer_client WHERE customer_client.level <= 1"));
    }

    #[test]
    fn customer_ids_that_are_not_ten_ascii_digits_are_dropped() {
        let ids = parse_accessible(
            200,
            r#"{"resourceNames":["customers/1112223333","customers/١٢٣٤٥٦٧٨٩٠","customers/ééé4567","customers/12/../x","customers/123"]}"#,
        )
        .unwrap();
        assert_eq!(ids, ["1112223333"]);
        let hierarchy = parse_hierarchy(
            200,
            r#"{"results":[
                {"customerClient":{"id":"1112223333","level":"0","manager":true}},
                {"customerClient":{"id":"ééé4567","level":"1","descriptiveName":"Bad"}},
                {"customerClient":{"id":"4445556666","level":"1","descriptiveName":"Shop"}}]}"#,
            "1112223333",
        )
        .unwrap();
        assert_eq!(hierarchy.clients.len(), 1);
        assert_eq!(hierarchy.clients[0].id, "4445556666");
        assert_eq!(dashed("4445556666"), "444-555-6666");
        assert_eq!(dashed("ééé4567"), "ééé4567");
        assert_eq!(dashed("١٢٣٤٥٦٧٨٩٠"), "١٢٣٤٥٦٧٨٩٠");
    }

    #[test]
    fn reads_accounts_and_offers_each_client_with_its_manager() {
        assert_eq!(
            parse_accessible(
                200,
                r#"{"resourceNames":["customers/1112223333","customers/4445556666"]}"#
            )
            .unwrap(),
            ["1112223333", "4445556666"]
        );
        let h = parse_hierarchy(200, r#"{"results":[
            {"customerClient":{"id":"1112223333","descriptiveName":"Agency MCC","manager":true,"level":"0"}},
            {"customerClient":{"id":"7778889999","descriptiveName":"Shop","manager":false,"level":"1"}}]}"#, "1112223333").unwrap();
        assert!(h.account.manager);
        let choices = h.choices();
        assert_eq!(choices.len(), 1, "a manager itself has no reports to copy");
        assert_eq!(choices[0].0.id, "7778889999");
        assert_eq!(choices[0].1.as_deref(), Some("1112223333"));
        let plain = parse_hierarchy(
            200,
            r#"{"results":[{"customerClient":{"id":"4445556666","manager":false,"level":"0"}}]}"#,
            "4445556666",
        )
        .unwrap();
        assert_eq!(
            plain.choices(),
            [(
                Account {
                    id: "4445556666".into(),
                    name: None,
                    manager: false
                },
                None
            )]
        );
    }

    #[test]
    fn adf_s_query_names_the_login_customer_only_when_there_is_one() {
        let token = AccessToken::parse("ya29.a").unwrap();
        let direct = adf_query_call(GOOGLE_ADS_API, "4445556666", None, &token, "dev");
        assert!(direct
            .url
            .ends_with("/customers/4445556666/googleAds:search"));
        assert!(direct.headers.iter().all(|h| h.name != "login-customer-id"));
        let through = adf_query_call(
            GOOGLE_ADS_API,
            "7778889999",
            Some("1112223333"),
            &token,
            "dev",
        );
        assert_eq!(through.headers[1].value.expose(), "1112223333");
        assert_eq!(
            parse_adf_query(
                200,
                r#"{"results":[{"customer":{"id":"7778889999","descriptiveName":"Shop"}}]}"#
            )
            .unwrap()
            .as_deref(),
            Some("Shop")
        );
    }

    #[test]
    fn explains_each_ads_refusal_with_its_fix() {
        let denied = parse_hierarchy(
            403,
            &failure(
                "authorizationError",
                "USER_PERMISSION_DENIED",
                "User doesn't have permission to access customer.",
            ),
            "1",
        )
        .unwrap_err();
        assert!(
            denied.why.contains("USER_PERMISSION_DENIED") && denied.fix.contains("loginCustomerID")
        );
        let test_only = parse_accessible(
            403,
            &failure(
                "authorizationError",
                "DEVELOPER_TOKEN_NOT_APPROVED",
                "The developer token is only approved for use with test accounts.",
            ),
        )
        .unwrap_err();
        assert!(
            test_only.why.contains("test accounts only") && test_only.fix.contains("Basic access")
        );
        let other = parse_accessible(
            403,
            r#"{"error":{"code":403,"message":"Request had insufficient authentication scopes."}}"#,
        )
        .unwrap_err();
        assert!(other.why.contains("…/auth/adwords"));
    }
}
