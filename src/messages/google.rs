//! The sentences about Google's own pages and APIs: what a check's error means, how a
//! registered redirect URI differs from this page's.

use serde_json::Value;

use super::{Asked, Explanation};
use crate::google::ads::AdsApiVersion;
use crate::google::client_file::ClientFileNote;
use crate::google::failure::{ApiFailure, Check};
use crate::google::lifetime::{Ending, Limit};
use crate::oauth::RedirectDifference;

/// Why a check failed, from a Google API error body or the status alone.
pub fn api_failure(what: &str, status: u16, body: &str, asked: Asked) -> Explanation {
    let json: Option<Value> = serde_json::from_str(body).ok();
    let message = json
        .as_ref()
        .and_then(|v| {
            v.pointer("/error/message")
                .or_else(|| v.get("error_description"))
                .or_else(|| v.get("error"))
        })
        .and_then(Value::as_str)
        .map(str::to_owned);
    let (why, fix) = match status {
        400 | 401 => (
            "The access token is invalid or expired, or it was revoked.",
            if asked == Asked::ServiceAccount {
                "Get a fresh access token: load the service account's key again, then try again."
            } else {
                "Get a fresh access token with “Refresh now” and try again."
            },
        ),
        403 => (
            "The token lacks a scope this call needs, the API is not enabled in the project, or \
             the account has no access.",
            "Check the scopes (BigQuery needs …/auth/bigquery or …/auth/cloud-platform), enable \
             the BigQuery API in the Google Cloud project, and check the account's IAM roles.",
        ),
        _ => (
            "The service answered with an error.",
            "Try again in a moment; “The exchange, raw” shows the whole answer.",
        ),
    };
    Explanation::new(
        format!("{what} failed (HTTP {status})."),
        match message {
            Some(m) => format!("{why} The service said: “{}”", super::outside(&m)),
            None => why.to_owned(),
        },
        fix,
    )
}

/// A Google API check's failure explained, with what to change.
pub fn explain_api_failure(f: &ApiFailure, asked: Asked) -> Explanation {
    let (status, body) = (f.status, f.body.as_str());
    match &f.check {
        Check::Tokeninfo => api_failure("Tokeninfo", status, body, asked),
        Check::Projects => api_failure("The BigQuery call", status, body, asked),
        Check::Datasets => api_failure("Listing the datasets", status, body, asked),
        Check::DryRun { project } => dry_run_failure(project, status, body, asked),
        Check::AdsAccounts => ads_failure(
            "Listing the accessible Google Ads accounts",
            status,
            body,
            asked,
        ),
        Check::AdsHierarchy => ads_failure("Reading the account hierarchy", status, body, asked),
        Check::AdsQuery => ads_failure("ADF's Google Ads query", status, body, asked),
    }
}

/// ADF's query job refused: the role it needs, or a project the account cannot see.
fn dry_run_failure(project: &str, status: u16, body: &str, asked: Asked) -> Explanation {
    let mut e = api_failure("ADF's query job (a dry run)", status, body, asked);
    if status == 403 && body.contains("bigquery.jobs.create") {
        e.why = format!(
            "The account may not run query jobs in project {project}, and every ADF copy from \
             BigQuery runs one there. {}",
            e.why
        );
        e.fix = format!(
            "Grant the account the BigQuery Job User role (roles/bigquery.jobUser) in project \
             {project}, or put a project where it has that role in the linked service's \
             projectId."
        );
    } else if status == 404 {
        e.fix = format!("Check the project ID: “{project}” is not a project this account can see.");
    }
    e
}

/// A Google Ads API failure explained, with what to change. Sources: Google Ads API
/// "Common errors" (`USER_PERMISSION_DENIED`: set `login-customer-id` to the manager), and
/// since the developer-token sunset (`google::facts::ADS_DEVELOPER_TOKEN_SUNSET`,
/// `ADS_ACCESS_LEVELS`, `ADS_NEW_ERRORS`) the access level of the Cloud project that owns
/// the OAuth client or the service account, applied for on its Google Ads API Overview page.
fn ads_failure(what: &str, status: u16, body: &str, asked: Asked) -> Explanation {
    let mut e = api_failure(what, status, body, asked);
    let Some((code, message)) = crate::google::ads::ads_error(body) else {
        if status == 403 {
            e.why = "The token lacks the Google Ads scope (…/auth/adwords), or the Google Cloud project of the OAuth client has no Google Ads API access for this account.".into();
            e.fix = format!(
                "Sign in with the Google Ads task; then check the access level on {ADS_OVERVIEW}."
            );
        }
        return e;
    };
    let said = format!(
        " Google Ads said: {}: “{}”",
        super::outside(&code),
        super::outside(&message)
    );
    let (why, fix) = match code.as_str() {
        "USER_PERMISSION_DENIED" => (
            "The signed-in user reaches this account only through a manager account, and the call did not name it.",
            "Set the linked service's loginCustomerID to that manager account's ID (pick the account below, through its manager).",
        ),
        "CLOUD_PROJECT_NOT_APPROVED_FOR_PRODUCTION" | "DEVELOPER_TOKEN_NOT_APPROVED" | "ACTION_NOT_PERMITTED" => (
            ADS_TEST_ONLY_WHY,
            ADS_TEST_ONLY_FIX,
        ),
        "DEVELOPER_TOKEN_PROHIBITED" => (
            "Google refused a developer token sent with the call; since 9 September 2026 Google Ads needs none.",
            "Leave the developer token empty: access now comes from the Google Cloud project of the OAuth client.",
        ),
        "UNSUPPORTED_VERSION" => (
            "This Google Ads API version has been turned off (each version lives about a year).",
            "Pick a live version in the Google Ads API version field (the linked service's googleAdsApiVersion), and update the linked service. When this page's own check gets this answer, this copy of the page is older than Google's versions: use a current copy.",
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

/// The developer token field's hint, wherever the page asks for one
/// (`google::facts::ADS_DEVELOPER_TOKEN_SUNSET`, `ADF_ADS_DEVELOPER_TOKEN`).
pub const DEVELOPER_TOKEN_HINT: &str = "Optional: leave it empty. Google sunset developer tokens on 9 September 2026; Google Ads ignores the header, and access now comes from the Google Cloud project of the OAuth client. Empty, the linked service carries no developerToken (Microsoft's REST model does not require it). Microsoft's connector page still lists it as required and says nothing of the change (checked 5 December 2026): if ADF's form will not save without one, any text will do, as Google ignores it.";

/// Where a Cloud project's Google Ads API access level is seen and applied for.
const ADS_OVERVIEW: &str = "the Google Ads API → Overview page of the Google Cloud project that owns the OAuth client (or the service account)";

/// A project with Test access calling a real account: v25 and later say
/// `CLOUD_PROJECT_NOT_APPROVED_FOR_PRODUCTION`, older versions `ACTION_NOT_PERMITTED`, and
/// before the sunset `DEVELOPER_TOKEN_NOT_APPROVED` said the same of a token.
pub(crate) const ADS_TEST_ONLY_WHY: &str = "The Google Cloud project of the OAuth client (or of the service account) has Test access to the Google Ads API: test accounts only. ADF's calls to this real account fail the same way.";
pub(crate) const ADS_TEST_ONLY_FIX: &str = "On the project's Google Ads API → Overview page in the Cloud console, apply for Explorer access (real accounts, 2,880 operations a day, usually granted at once) or Basic access (15,000 a day; the project needs brand verification). No manager account or developer token is needed.";

/// One redirect URI difference in words.
pub fn describe(d: &RedirectDifference) -> String {
    match d {
        RedirectDifference::Scheme { ours, theirs } => {
            format!("scheme {ours} here, {theirs} registered")
        }
        RedirectDifference::LoopbackName { ours, theirs } => {
            format!("{ours} here, {theirs} registered: the same machine, but a different URI")
        }
        RedirectDifference::Host { ours, theirs } => {
            format!("host {ours} here, {theirs} registered")
        }
        RedirectDifference::Port { ours, theirs } => {
            let p = |s: &str| {
                if s.is_empty() {
                    "the default".to_owned()
                } else {
                    s.to_owned()
                }
            };
            format!("port {} here, {} registered", p(ours), p(theirs))
        }
        RedirectDifference::TrailingSlash { ours, theirs } => {
            format!("path {ours:?} here, {theirs:?} registered: the trailing slash counts")
        }
        RedirectDifference::Path { ours, theirs } => {
            format!("path {ours:?} here, {theirs:?} registered")
        }
        RedirectDifference::Query { ours, theirs } => {
            format!("query {ours:?} here, {theirs:?} registered")
        }
        RedirectDifference::Spelling { ours, theirs } => {
            format!("{ours} here, {theirs} registered: letter case or escaping differs")
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn sunset_month(v: &AdsApiVersion) -> String {
    let month = MONTHS[(v.sunset_month.clamp(1, 12) - 1) as usize];
    format!("{month} {}", v.sunset_year)
}

/// A Google Ads API version as the version picker offers it.
pub fn ads_api_version_option(v: &AdsApiVersion) -> String {
    format!("{} (Google turns it off in {})", v.name, sunset_month(v))
}

/// The warning for a version Google turns off within 90 days, or has by its planned month.
pub fn ads_api_sunset(v: &AdsApiVersion, days_left: i64) -> String {
    let newest = crate::google::ads::ADS_API_VERSION;
    if days_left <= 0 {
        format!(
            "Google planned to turn {} off in {}, and this copy of the page knows no newer \
             version: look up the current ones on Google's “Deprecation and sunset” page \
             (developers.google.com/google-ads/api/docs/sunset-dates).",
            v.name,
            sunset_month(v)
        )
    } else {
        format!(
            "Google turns {} off in {}, {days_left} days from now at most: from then on every \
             copy through this linked service fails. Choose {newest}, the newest, unless you \
             need {}.",
            v.name,
            sunset_month(v),
            v.name
        )
    }
}

/// What will end the refresh token, in one sentence; `date` is the known expiry as the
/// user's locale writes it.
pub fn ending(e: &Ending, date: &str) -> String {
    match e {
        Ending::Expires {
            limit: Limit::Testing,
            ..
        } => format!(
            "On {date}: the app is External and in Testing, so Google ends this token after 7 \
             days. Publish the app, make it Internal, or have your Workspace admin mark it \
             Trusted, then get a new one before that."
        ),
        Ending::Expires {
            limit: Limit::UserChoice,
            ..
        } => format!(
            "On {date}: access was granted for a limited time on Google's consent screen. \
             Sign in again before that and grant ongoing access."
        ),
        Ending::WorkspaceSession { domain } => format!(
            "When {domain}'s session length for Google Cloud services runs out, if its \
             Workspace admin set one: the token then fails with `invalid_rapt`."
        ),
        Ending::PasswordChange => {
            "When the account's password changes: this token carries Gmail scopes.".into()
        }
        Ending::Unused => "After six months without being used.".into(),
        Ending::TooMany => "When this account has 100 newer refresh tokens for this client: \
            Google drops the oldest."
            .into(),
        Ending::ClientUnused => "When the OAuth client goes unused for six months: Google \
            deletes unused clients, and every token of a deleted client stops working. ADF's \
            regular refreshes keep it in use."
            .into(),
        Ending::Revoked => "When it is revoked: on the account's permissions page \
            (myaccount.google.com/permissions), by a Workspace admin, or with “Revoke” here."
            .into(),
    }
}

/// A key file that cannot be used, explained.
pub fn key_file_problem(e: &crate::google::service_account::KeyFileError) -> Explanation {
    use crate::google::service_account::KeyFileError as K;
    let (why, fix) = match e {
        K::NotJson => ("The text is not JSON.", "Paste the whole .json key file, from { to }."),
        K::NotServiceAccount(_) => (
            "A service account key has \"type\": \"service_account\"; OAuth client files and user credentials are other things.",
            "In the Cloud console: IAM & Admin → Service accounts → the account → Keys → Add key → JSON.",
        ),
        K::Missing(_) => ("The file lacks a field every key file has.", "Download a new JSON key for the service account."),
        K::BadPrivateKey => (
            "The private_key is not the PEM PKCS#8 key Google's key files carry.",
            "Download a new JSON key; do not convert or edit it.",
        ),
    };
    Explanation::new(
        format!(
            "This key file cannot be used: {}.",
            super::outside(&e.to_string())
        ),
        why,
        fix,
    )
}

/// A key that cannot start the service account's grant, explained.
pub fn service_account_key_refused(
    e: &crate::google::service_account::GrantRefused,
) -> Explanation {
    use crate::google::service_account::GrantRefused;
    match e {
        GrantRefused::Key(e) => key_file_problem(e),
        GrantRefused::OtherTokenEndpoint {
            token_uri,
            endpoint,
        } => Explanation::new(
            "This key names another token endpoint.",
            format!(
                "Its token_uri is {}, but this page sends assertions to {endpoint} only.",
                super::outside(token_uri)
            ),
            "Use a key file of a Google service account, as the Cloud console downloads it.",
        ),
    }
}

/// What the service account's grant brought, said beside its access token.
pub fn service_account_token(expires_in: Option<u64>) -> String {
    format!(
        "An access token arrived{}. The checks above now use it.",
        expires_in
            .map(|s| format!("; it expires in {}", super::human_duration(s)))
            .unwrap_or_default()
    )
}

/// A JWT-bearer token request that failed, explained. Sources: Google's "Using OAuth 2.0
/// for Server to Server Applications", "Handling the response" and its error table:
/// `invalid_grant` "Invalid JWT Signature." (the key was deleted, or the file altered),
/// "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable
/// timeframe" (the computer's clock is off), "Invalid grant: account not found" (the
/// service account was deleted).
pub fn service_account_failure(e: &crate::oauth::TokenEndpointError) -> Explanation {
    use crate::oauth::TokenEndpointError as T;
    let T::Refused(refused) = e else {
        return super::oauth::token_endpoint_error(e);
    };
    service_account_refused(refused)
}

/// A refusal of the signed assertion: the key's, the clock's or the account's problem, never
/// a code's or a refresh token's.
fn service_account_refused(refused: &crate::oauth::TokenError) -> Explanation {
    use crate::oauth::error::{ErrorCode, KnownError};
    let said = refused.description.clone().unwrap_or_default();
    let (why, fix) = if said.contains("Invalid JWT Signature") {
        (
            "Google does not know the key that signed the assertion: the key was deleted or disabled, or the file was altered.",
            "Create a new JSON key for the service account (IAM & Admin → Service accounts → Keys) and load that one.",
        )
    } else if said.contains("reasonable timeframe") || said.contains("iat") {
        (
            "The assertion's time does not match Google's clock: this computer's clock is off by minutes or more.",
            "Set the computer's clock to the network time (automatic time), then try again.",
        )
    } else if said.contains("account not found") {
        (
            "The service account no longer exists.",
            "Create a service account (or restore it within 30 days) and a new key.",
        )
    } else if matches!(
        refused.code,
        ErrorCode::Known(KnownError::ServerError | KnownError::TemporarilyUnavailable)
    ) {
        return super::refused(refused);
    } else {
        (
            "Google did not accept the key, the service account or the assertion's claims.",
            "Load the service account's JSON key again, as the Cloud console downloaded it; if \
             Google still refuses, create a new key (IAM & Admin → Service accounts → Keys).",
        )
    };
    Explanation::new(
        format!(
            "Google refused the service account's assertion ({}: “{}”).",
            super::outside(refused.code.as_str()),
            super::outside(&said)
        ),
        why,
        fix,
    )
}

/// Why the BigQuery checks are not offered for a token without a BigQuery scope.
pub fn no_bigquery_scope(granted: &crate::oauth::Scopes) -> String {
    format!(
        "No BigQuery check for this token: it was granted {}, and BigQuery refuses a token \
         without a BigQuery or Cloud Platform scope (403, insufficient authentication scopes). \
         For a BigQuery token, choose the BigQuery task and sign in again.",
        granted.to_param()
    )
}

/// The calendar reminder of a refresh token's known end: its title and what to do.
pub fn expiry_reminder_text(limit: Limit) -> (&'static str, &'static str) {
    let what = match limit {
        Limit::Testing => {
            "Google ends refresh tokens of an External app in Testing after 7 days. Publish \
             the app (or make it Internal, or have the Workspace admin mark it Trusted), then \
             get a new refresh token with Refresh Token Helper and update the linked service \
             (or its Key Vault secret)."
        }
        Limit::UserChoice => {
            "Access was granted for a limited time on Google's consent screen. Sign in again \
             with Refresh Token Helper, grant ongoing access, and update the linked service \
             (or its Key Vault secret)."
        }
    };
    ("Google refresh token for Azure Data Factory expires", what)
}

/// Said by the sign-in tasks: where a refresh token is of no use (`google::facts::FABRIC_BIGQUERY`).
pub const FABRIC_TAKES_A_KEY: &str = "Microsoft Fabric? Its Data Factory's BigQuery connector takes a service account's key in pipelines and Copy jobs, not a refresh token.";

/// Said by the service-account task: the key in Fabric (`google::facts::FABRIC_BIGQUERY`).
pub const FABRIC_KEY_WHERE: &str = "In Microsoft Fabric (pipelines and Copy jobs), create a Google BigQuery connection with the authentication kind Service Account Login, and give it this service account's email and the key file's content. Microsoft's connector overview names that kind; its stored pages name no field labels this page could confirm.";

/// The one quiet line that dates the page's facts (`google::facts::checked_on`).
pub fn facts_checked(date: &str) -> String {
    format!("Facts about Google and Azure on this page were checked on {date}.")
}

/// A Google API check that got no answer the page could read: it names the call, not a
/// token endpoint. `detail` is the browser's word; `timeout` the seconds waited, if that.
pub fn check_unanswered(call: &str, detail: &str, timeout: Option<u32>) -> Explanation {
    match timeout {
        Some(seconds) => Explanation::new(
            format!("{call} got no answer within {seconds} seconds."),
            "The API is slow or unreachable, or the connection stalled.",
            "Try again. The same call from a terminal is in the Commands tab.",
        ),
        None => Explanation::new(
            format!("{call} got no answer the page could read."),
            format!(
                "The API's host is unreachable (offline, DNS), or a browser extension or the \
                 page's security policy blocked the call. The browser said: {detail}"
            ),
            "Check your connection and try again; the browser's developer console names the \
             exact cause. The same call from a terminal is in the Commands tab.",
        ),
    }
}

/// A note on an imported client file, explained.
pub fn client_file_note(note: &ClientFileNote) -> Explanation {
    match note {
        ClientFileNote::DesktopClient => Explanation::new(
            "This is a Desktop (“installed”) client, not a Web application client.",
            "Google lets Desktop clients redirect only to loopback addresses, so it will not send \
             the code back to this page.",
            "Create an OAuth client of type “Web application” with this page's redirect URI, or \
             use the manual path with the redirect URI http://localhost.",
        ),
        ClientFileNote::RedirectNotRegistered { page, closest } => Explanation::new(
            format!("This page's redirect URI, {page}, is not registered for this client."),
            match closest.as_deref() {
                Some((r, d)) => {
                    format!("The closest registered one, {r}, differs: {}.", describe(d))
                }
                None => "The client has no redirect URIs registered.".into(),
            },
            format!(
                "In the console, open the client and add {page} under Authorized redirect URIs \
                 exactly, then save (it can take a few minutes to apply)."
            ),
        ),
    }
}
