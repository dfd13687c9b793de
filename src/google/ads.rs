//! Facts about the Google Ads API that the Google Ads linked service needs.

/// A major version of the Google Ads API and the month Google turns it off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AdsApiVersion {
    /// As `googleAdsApiVersion` and the REST paths take it: `v26`.
    pub name: &'static str,
    pub sunset_year: i32,
    /// 1–12.
    pub sunset_month: u32,
}

/// The versions Google serves, newest first. Sources: Google Ads Developer Blog, "More
/// frequent releases coming for the Google Ads API" (2025-09-04): four major versions a year,
/// each "available for one year after the release"; projected sunsets v23 February 2027, v24
/// May 2027, v25 August 2027, v26 November 2027. "Google Ads API v22 sunset reminder"
/// (2026-09-02): v22 was turned off on 7 October 2026, so v23 is the oldest live one on
/// 2026-12-03. Google's "Deprecation and sunset" page
/// (https://developers.google.com/google-ads/api/docs/sunset-dates) gives the exact days once
/// announced; update this table from it.
pub const ADS_API_VERSIONS: [AdsApiVersion; 4] = [
    AdsApiVersion {
        name: "v26",
        sunset_year: 2027,
        sunset_month: 11,
    },
    AdsApiVersion {
        name: "v25",
        sunset_year: 2027,
        sunset_month: 8,
    },
    AdsApiVersion {
        name: "v24",
        sunset_year: 2027,
        sunset_month: 5,
    },
    AdsApiVersion {
        name: "v23",
        sunset_year: 2027,
        sunset_month: 2,
    },
];

/// The version the page suggests and its own checks call: the newest.
pub const ADS_API_VERSION: &str = ADS_API_VERSIONS[0].name;

/// How close a version is to being turned off: a warning from this many days before.
pub const SUNSET_WARNING_DAYS: i64 = 90;

/// Days from 1970-01-01 to a civil date (Howard Hinnant's `days_from_civil`).
pub(crate) fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl AdsApiVersion {
    /// The version named `name`, if Google still serves it by this table.
    pub fn named(name: &str) -> Option<&'static AdsApiVersion> {
        ADS_API_VERSIONS.iter().find(|v| v.name == name.trim())
    }

    /// Whole days from `now_ms` to the first day of the sunset month (UTC): only the month
    /// is known ahead, so the page counts from its first day.
    pub fn days_left(&self, now_ms: f64) -> i64 {
        let today = (now_ms / 86_400_000.0).floor() as i64;
        days_from_civil(self.sunset_year, self.sunset_month, 1) - today
    }

    /// Whether the page should warn that the version goes soon (or has gone).
    pub fn ends_soon(&self, now_ms: f64) -> bool {
        self.days_left(now_ms) <= SUNSET_WARNING_DAYS
    }
}

/// The versions still live at `now_ms`, newest first; the newest stays even after its month
/// (an old copy of this page has nothing newer to offer, and says so).
pub fn live_versions(now_ms: f64) -> Vec<&'static AdsApiVersion> {
    let live: Vec<_> = ADS_API_VERSIONS
        .iter()
        .filter(|v| v.days_left(now_ms) > 0)
        .collect();
    if live.is_empty() {
        vec![&ADS_API_VERSIONS[0]]
    } else {
        live
    }
}

use serde_json::Value;

use super::call::ApiCall;
use super::failure::{ApiFailure, Check};
use crate::oauth::AccessToken;

/// The Google Ads API's host (REST reference: `GET https://googleads.googleapis.com/{version}/customers:listAccessibleCustomers`).
pub const GOOGLE_ADS_API: &str = "https://googleads.googleapis.com";

/// The accounts under a manager, its own row (level 0) and its direct clients (level 1):
/// GAQL on the `customer_client` resource, as Google's "Get account hierarchy" guide does.
pub const HIERARCHY_QUERY: &str = "SELECT customer_client.id, customer_client.descriptive_name, customer_client.manager, customer_client.level FROM customer_client WHERE customer_client.level <= 1";

/// The `developer-token` header, only when a token was typed: since the sunset of developer
/// tokens (`facts::ADS_DEVELOPER_TOKEN_SUNSET`) Google ignores it, and an empty one is never
/// sent.
fn with_developer_token(call: ApiCall, developer_token: &str) -> ApiCall {
    match developer_token.trim() {
        "" => call,
        token => call.header("developer-token", token, true),
    }
}

/// `customers:listAccessibleCustomers`: the accounts the signed-in user reaches directly.
pub fn accessible_customers_call(api: &str, token: &AccessToken, developer_token: &str) -> ApiCall {
    let call = ApiCall::get(
        format!("{api}/{ADS_API_VERSION}/customers:listAccessibleCustomers"),
        token,
    );
    with_developer_token(call, developer_token)
}

/// `googleAds:search` on `customer`, signed in through it (`login-customer-id`, digits only).
pub fn hierarchy_call(
    api: &str,
    customer: &str,
    token: &AccessToken,
    developer_token: &str,
) -> ApiCall {
    let body = serde_json::json!({ "query": HIERARCHY_QUERY });
    let call = ApiCall::post_json(
        format!("{api}/{ADS_API_VERSION}/customers/{customer}/googleAds:search"),
        token,
        body.to_string(),
    );
    with_developer_token(call, developer_token).header("login-customer-id", customer, false)
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
    let call = with_developer_token(
        ApiCall::post_json(
            format!("{api}/{ADS_API_VERSION}/customers/{client}/googleAds:search"),
            token,
            body.to_string(),
        ),
        developer_token,
    );
    match login {
        Some(login) => call.header("login-customer-id", login, false),
        None => call,
    }
}

/// The account's name, once ADF's query was answered.
pub fn parse_adf_query(status: u16, body: &str) -> Result<Option<String>, ApiFailure> {
    let v = ok_json(status, body, Check::AdsQuery)?;
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
pub fn parse_accessible(status: u16, body: &str) -> Result<Vec<String>, ApiFailure> {
    let v = ok_json(status, body, Check::AdsAccounts)?;
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
pub fn parse_hierarchy(status: u16, body: &str, customer: &str) -> Result<Hierarchy, ApiFailure> {
    let v = ok_json(status, body, Check::AdsHierarchy)?;
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

fn ok_json(status: u16, body: &str, check: Check) -> Result<Value, ApiFailure> {
    if !(200..300).contains(&status) {
        return Err(ApiFailure::new(check, status, body));
    }
    serde_json::from_str(body).map_err(|_| ApiFailure::new(check, status, body))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-12-03T12:00:00Z, the day this table was checked.
    const CHECKED: f64 = 1_796_299_200_000.0;

    #[test]
    fn the_versions_live_today_are_v23_to_v26_newest_first() {
        let names: Vec<&str> = live_versions(CHECKED).iter().map(|v| v.name).collect();
        assert_eq!(names, ["v26", "v25", "v24", "v23"]);
        assert_eq!(ADS_API_VERSION, "v26");
        assert_eq!(
            AdsApiVersion::named(" v23 ").map(|v| (v.sunset_year, v.sunset_month)),
            Some((2027, 2))
        );
        assert_eq!(AdsApiVersion::named("v22"), None, "sunset on 2026-10-07");
    }

    #[test]
    fn a_version_within_90_days_of_its_sunset_is_flagged() {
        let v23 = AdsApiVersion::named("v23").unwrap();
        // 3 December 2026 to 1 February 2027.
        assert_eq!(v23.days_left(CHECKED), 60);
        assert!(v23.ends_soon(CHECKED));
        let v24 = AdsApiVersion::named("v24").unwrap();
        assert_eq!(v24.days_left(CHECKED), 149);
        assert!(!v24.ends_soon(CHECKED));
        // 90 days before 1 May 2027 is 31 January 2027: flagged from that day on.
        let jan_31 = days_from_civil(2027, 1, 31) as f64 * 86_400_000.0;
        assert!(v24.ends_soon(jan_31) && !v24.ends_soon(jan_31 - 86_400_000.0));
        // After February 2027 v23 is gone; after November 2027 only v26 is left, flagged.
        let march = days_from_civil(2027, 3, 1) as f64 * 86_400_000.0;
        let names: Vec<&str> = live_versions(march).iter().map(|v| v.name).collect();
        assert_eq!(names, ["v26", "v25", "v24"]);
        let later = days_from_civil(2028, 1, 1) as f64 * 86_400_000.0;
        assert_eq!(live_versions(later), [&ADS_API_VERSIONS[0]]);
        assert!(ADS_API_VERSIONS[0].ends_soon(later));
    }

    #[test]
    fn civil_days_agree_with_the_calendar_writer() {
        for (y, m, d, stamp) in [
            (1970, 1, 1, "19700101"),
            (2000, 2, 29, "20000229"),
            (2026, 12, 3, "20261203"),
            (2027, 2, 1, "20270201"),
        ] {
            let ms = days_from_civil(y, m, d) as f64 * 86_400_000.0;
            assert!(crate::export::calendar::utc_stamp(ms).starts_with(stamp));
        }
    }

    fn failure(kind: &str, code: &str, message: &str) -> String {
        serde_json::json!({"error": {"code": 403, "message": "The caller does not have permission", "status": "PERMISSION_DENIED",
            "details": [{"@type": format!("type.googleapis.com/google.ads.googleads.{ADS_API_VERSION}.errors.GoogleAdsFailure"),
                         "errors": [{"errorCode": {kind: code}, "message": message}], "requestId": "r1"}]}}).to_string()
    }

    #[test]
    fn ads_calls_carry_a_developer_token_only_when_given_and_the_login_customer() {
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
        // Without a developer token (Google ignores it since the sunset) no header is sent.
        for blank in ["", "  "] {
            let calls = [
                accessible_customers_call(GOOGLE_ADS_API, &token, blank),
                hierarchy_call(GOOGLE_ADS_API, "1112223333", &token, blank),
                adf_query_call(GOOGLE_ADS_API, "1112223333", None, &token, blank),
            ];
            for call in calls {
                assert!(
                    call.headers.iter().all(|h| h.name != "developer-token"),
                    "{}",
                    call.url
                );
            }
        }
        let search = hierarchy_call(GOOGLE_ADS_API, "1112223333", &token, "");
        assert_eq!(search.headers[0].name, "login-customer-id");
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
        .map_err(|f| crate::messages::explain_api_failure(&f, crate::messages::Asked::Refresh))
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
        .map_err(|f| crate::messages::explain_api_failure(&f, crate::messages::Asked::Refresh))
        .unwrap_err();
        assert!(
            test_only.why.contains("test accounts only") && test_only.fix.contains("Basic access")
        );
        let other = parse_accessible(
            403,
            r#"{"error":{"code":403,"message":"Request had insufficient authentication scopes."}}"#,
        )
        .map_err(|f| crate::messages::explain_api_failure(&f, crate::messages::Asked::Refresh))
        .unwrap_err();
        assert!(other.why.contains("…/auth/adwords"));
    }
}
