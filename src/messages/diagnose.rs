//! "Paste an error": any error text a user meets on the way to a working ADF linked service,
//! however it arrives — a token endpoint's JSON whole or inside a tool's message (Python's
//! google-auth, Go's oauth2, Java's and .NET's Google clients, ADF's activity output), a bare
//! OAuth code or Google's message alone, the text of Google's own error pages (which never
//! redirect back here), an ADF, BigQuery or Google Ads error — answered with what was
//! recognised and what, why and fix, or `None`.

use super::{refused_when, Asked, Explanation};
use crate::oauth::{parse_token_response, ErrorCode, TokenEndpointError, TokenError};

/// What the page made of a pasted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnosis {
    /// What the text was recognised as, for the user to check.
    pub read_as: String,
    pub explanation: Explanation,
}

/// One known error: the texts that identify it (all must appear, case-insensitive), and its
/// explanation.
struct Row {
    /// What a text with these needles is.
    seen: &'static str,
    needles: &'static [&'static str],
    what: &'static str,
    why: &'static str,
    fix: &'static str,
}

/// Each row names the source of its text.
const ROWS: &[Row] = &[
    // Google's error page for an External app in Testing and a user not on the test list:
    // "Error 403: access_denied … The app is currently being tested, and can only be accessed
    // by developer-approved testers."
    Row {
        seen: "Google's sign-in error page",
        needles: &["access_denied", "developer-approved testers"],
        what: "Google refused the sign-in: the app is in Testing and this account is not a test user.",
        why: "While an External app's publishing status is “Testing”, only the accounts listed as test users may consent.",
        fix: "Add the account under Google Auth Platform → Audience → Test users, or publish the app (Audience → Publish app).",
    },
    // Google's page for a Workspace account whose admin blocks the app: "This app is blocked".
    Row {
        seen: "Google's sign-in error page",
        needles: &["this app is blocked"],
        what: "The account's Google Workspace blocks this app.",
        why: "A Workspace administrator restricts which third-party apps may access Google data, or which scopes they may ask for.",
        fix: "Ask the admin to trust this OAuth client (Admin console → Security → Access and data control → API controls), or use an account outside that organisation.",
    },
    // The removed out-of-band flow: "The out-of-band (OOB) flow has been blocked in order to
    // keep users secure", or the OOB redirect URI itself.
    Row {
        seen: "an out-of-band redirect URI",
        needles: &["urn:ietf:wg:oauth:2.0:oob"],
        what: "The copy-the-code (out-of-band) flow no longer exists.",
        why: "Google removed the `urn:ietf:wg:oauth:2.0:oob` redirect in 2022–2023; guides that paste a code from a Google page no longer work.",
        fix: "Use this page: it receives the code at its own address, which you register as the redirect URI of a Web application client.",
    },
    Row {
        seen: "Google's sign-in error page",
        needles: &["out-of-band", "blocked"],
        what: "The copy-the-code (out-of-band) flow no longer exists.",
        why: "Google removed the `urn:ietf:wg:oauth:2.0:oob` redirect in 2022–2023; guides that paste a code from a Google page no longer work.",
        fix: "Use this page: it receives the code at its own address, which you register as the redirect URI of a Web application client.",
    },
    // Google's page: "Error 400: redirect_uri_mismatch … You can't sign in to this app because
    // it doesn't comply with Google's OAuth 2.0 policy."
    Row {
        seen: "Google's sign-in error page",
        needles: &["error 400: redirect_uri_mismatch"],
        what: "Google did not recognise the redirect URI.",
        why: "The consent URL's `redirect_uri` is not among the client's Authorized redirect URIs, letter for letter: scheme, host, port, path and trailing slash all count, and localhost is not 127.0.0.1.",
        fix: "Copy the redirect URI this page shows (step 1) into Google Auth Platform → Clients → your client → Authorized redirect URIs, save, and wait a few minutes.",
    },
    // Microsoft, "Troubleshoot the Google Ads connector": error code
    // DeprecatedGoogleAdsLegacyDriverVersion, "The Google Ads connector's legacy driver has
    // been deprecated."
    Row {
        seen: "an Azure Data Factory error",
        needles: &["deprecatedgoogleadslegacydriverversion"],
        what: "The Google Ads linked service still runs on the removed legacy driver.",
        why: "A Google Ads linked service without `googleAdsApiVersion` uses the legacy driver, which Microsoft removed.",
        fix: "Set `googleAdsApiVersion` to a version Google still serves (the export on this page fills it in) and save the linked service.",
    },
    // ADF when the self-hosted integration runtime predates the V2 connector: "Invalid type
    // 'GoogleBigQueryV2' is provided in 'linkedServices'".
    Row {
        seen: "an Azure Data Factory error",
        needles: &["invalid type 'googlebigqueryv2'"],
        what: "This integration runtime does not know the BigQuery V2 connector.",
        why: "A self-hosted integration runtime older than the V2 connector rejects the `GoogleBigQueryV2` type.",
        fix: "Update the self-hosted integration runtime to the current version, or run the linked service on the Azure integration runtime.",
    },
    // BigQuery: "Access Denied: Project p: User does not have bigquery.jobs.create permission
    // in project p."
    Row {
        seen: "a BigQuery error",
        needles: &["bigquery.jobs.create"],
        what: "The account may not run query jobs in the linked service's project.",
        why: "ADF copies by running BigQuery jobs in `projectId`; the signed-in account has no role there that grants `bigquery.jobs.create` (the token itself is fine).",
        fix: "Grant the account BigQuery Job User (or User) in that project, or set `projectId` to a project where it has it.",
    },
    // Google Ads API AuthorizationError.USER_PERMISSION_DENIED: "User doesn't have permission to
    // access customer. Note: If you're accessing a client customer, the manager's customer id
    // must be set in the 'login-customer-id' header."
    Row {
        seen: "a Google Ads API error",
        needles: &["user_permission_denied"],
        what: "The signed-in user cannot reach this Google Ads account directly.",
        why: "Access goes through a manager (MCC) account, and the request did not name it.",
        fix: "Set `loginCustomerID` to the manager account's ID (digits only), or sign in as a user of the client account itself.",
    },
    // A Cloud project with Test access calling a real account: Google Ads API "Developer
    // token" page (`google::facts::ADS_NEW_ERRORS`): v25 and later
    // CLOUD_PROJECT_NOT_APPROVED_FOR_PRODUCTION, older versions ACTION_NOT_PERMITTED; before
    // the sunset, AuthorizationError.DEVELOPER_TOKEN_NOT_APPROVED ("The developer token is
    // only approved for use with test accounts.").
    Row {
        seen: "a Google Ads API error",
        needles: &["cloud_project_not_approved_for_production"],
        what: "Google Ads allows this project test accounts only.",
        why: super::google::ADS_TEST_ONLY_WHY,
        fix: super::google::ADS_TEST_ONLY_FIX,
    },
    Row {
        seen: "a Google Ads API error",
        needles: &["developer_token_not_approved"],
        what: "Google Ads allows this project test accounts only (said the way it was before developer tokens ended).",
        why: super::google::ADS_TEST_ONLY_WHY,
        fix: super::google::ADS_TEST_ONLY_FIX,
    },
    Row {
        seen: "a Google Ads API error",
        needles: &["action_not_permitted"],
        what: "Google Ads did not permit this call (an older API version's word for a project with Test access calling a real account).",
        why: super::google::ADS_TEST_ONLY_WHY,
        fix: super::google::ADS_TEST_ONLY_FIX,
    },
    Row {
        seen: "a Google Ads API error",
        needles: &["unsupported_version"],
        what: "This Google Ads API version is no longer served.",
        why: "Google turns each Google Ads API version off about a year after its release; the linked service's googleAdsApiVersion names one that is gone.",
        fix: "Pick a live version in this page's Google Ads API version field and set it as the linked service's googleAdsApiVersion.",
    },
    // Google's token endpoint: "invalid_grant" / "reauth related error (invalid_rapt)".
    Row {
        seen: "Google's token endpoint message",
        needles: &["reauth related error"],
        what: "Google asks this account to sign in again: a Workspace policy ended the session.",
        why: "The account's Google Workspace sets a session length for Google Cloud services; when it runs out, refresh tokens with Cloud scopes stop working until the user signs in again.",
        fix: "Ask the Workspace admin to exempt this app or lengthen the session, or use a service account for Azure Data Factory.",
    },
    // Google's token endpoint: "Malformed auth code."
    Row {
        seen: "Google's token endpoint message",
        needles: &["malformed auth code"],
        what: "The authorization code was sent damaged.",
        why: "It was still percent-encoded (`4%2F0A…` where Google's codes read `4/0A…`), or cut while copying.",
        fix: "Paste the whole address into this page's manual field (it decodes it), or start again.",
    },
    Row {
        seen: "an OAuth error code",
        needles: &["deleted_client"],
        what: "The OAuth client was deleted.",
        why: "Someone deleted this client in the Google Cloud project.",
        fix: "Restore it within 30 days (Google Auth Platform → Clients → Deleted clients), or create a new Web application client and get a new refresh token.",
    },
    // Google's sign-in page, "Authorization errors" of the web-server guide
    // (developers.google.com/identity/protocols/oauth2/web-server#authorization-errors):
    // "Error 403: org_internal" — "This client is restricted to users within its
    // organization."
    Row {
        seen: "Google's sign-in error page (org_internal)",
        needles: &["org_internal"],
        what: "The app is Internal to a Google Workspace organisation, and this account is outside it.",
        why: "An app whose user type is Internal accepts only accounts of the organisation that owns its Cloud project.",
        fix: "Sign in with an account of that organisation, or make the app External (Google Auth Platform → Audience) and add this account as a test user or publish it.",
    },
    // Same guide: "Error 400: admin_policy_enforced" — the Workspace admin's API controls
    // block the app or the scopes.
    Row {
        seen: "Google's sign-in error page (admin_policy_enforced)",
        needles: &["admin_policy_enforced"],
        what: "The account's Google Workspace administrator blocks this app or its scopes.",
        why: "Workspace API controls can block apps that are not trusted, or scopes such as BigQuery's, for the organisation's accounts.",
        fix: "Ask the Workspace admin to mark this OAuth client Trusted (Admin console → Security → API controls → Manage Third-Party App Access), or use an account outside that organisation, or a service account.",
    },
    // Same guide: "Error 403: disallowed_useragent" — an embedded browser.
    Row {
        seen: "Google's sign-in error page (disallowed_useragent)",
        needles: &["disallowed_useragent"],
        what: "Google refuses sign-ins from embedded browsers.",
        why: "The consent screen was opened inside an app's embedded web view, which Google's policy does not allow.",
        fix: "Open this page in a regular browser (Chrome, Edge, Firefox, Safari) and sign in there.",
    },
    // Same guide: "Error 401: invalid_client" — "The OAuth client was not found." on the
    // sign-in page (the token endpoint says the same in its JSON).
    Row {
        seen: "Google's sign-in error page (invalid_client)",
        needles: &["error 401: invalid_client"],
        what: "Google does not know this client ID.",
        why: "The consent URL's client_id is mistyped, belongs to another Google Cloud project, or the client was deleted.",
        fix: "Copy the client ID again from Google Auth Platform → Clients into this page's client step; a deleted client can be restored within 30 days, or create a new Web application client.",
    },
    // A service account's signed assertion refused: "invalid_grant: Invalid JWT Signature."
    // (googleapis/google-cloud-python#8736, googleapis/java-bigquery#1972).
    Row {
        seen: "Google's token endpoint message about a service account's key",
        needles: &["invalid jwt signature"],
        what: "Google refused the service account's signed assertion.",
        why: "The key that signed it was deleted or disabled in the Cloud console (or belongs to a deleted service account), or the machine's clock is far off.",
        fix: "Check the key under IAM & Admin → Service accounts → Keys; create a new key if it is gone, and store it where ADF reads it.",
    },
];

/// OAuth error codes a token endpoint answers with, as tools print them bare.
const TOKEN_CODES: [&str; 8] = [
    "invalid_grant",
    "invalid_client",
    "unauthorized_client",
    "invalid_request",
    "invalid_scope",
    "unsupported_grant_type",
    "deleted_client",
    "redirect_uri_mismatch",
];

/// Google's token endpoint descriptions, the code each goes with, and whether the words are
/// Google's alone (HTTP's own "Bad Request" and "Unauthorized" say nothing without a code).
/// Source: DESIGN's token endpoint errors, from Google's "Using OAuth 2.0 for Web Server
/// Applications".
const DESCRIPTIONS: [(&str, &str, bool); 8] = [
    ("Token has been expired or revoked.", "invalid_grant", true),
    ("Code was already redeemed.", "invalid_grant", true),
    ("Malformed auth code.", "invalid_grant", true),
    ("reauth related error (invalid_rapt)", "invalid_grant", true),
    ("The OAuth client was not found.", "invalid_client", true),
    ("client_secret is missing.", "invalid_request", true),
    ("Bad Request", "invalid_grant", false),
    ("Unauthorized", "invalid_client", false),
];

/// Whether `lower` holds `word` with no letter, digit or `_` right before or after it.
fn has_word(lower: &str, word: &str) -> bool {
    lower.match_indices(word).any(|(at, _)| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + word.len()..].chars().next();
        let apart = |c: Option<char>| !c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        apart(before) && apart(after)
    })
}

/// A token endpoint's JSON answer in `text`: the whole of it, or inside a tool's message
/// (Java's client prints it after the status; Go's old oauth2 after "Response:").
fn token_json(text: &str) -> Option<(TokenError, bool)> {
    text.match_indices('{').take(20).find_map(|(at, _)| {
        let mut values =
            serde_json::Deserializer::from_str(&text[at..]).into_iter::<serde_json::Value>();
        let value = values.next()?.ok()?;
        let end = at + values.byte_offset();
        value.get("error")?.as_str()?;
        match parse_token_response(400, &text[at..end]) {
            Err(TokenEndpointError::Refused(e)) => {
                let whole = text[..at].trim().is_empty() && text[end..].trim().is_empty();
                Some((e, whole))
            }
            _ => None,
        }
    })
}

/// A bare OAuth code and Google's description around it, as libraries print them:
/// `invalid_grant: Token has been expired or revoked.` (Python's google-auth),
/// `oauth2: "invalid_grant" "Token has been expired or revoked."` (Go's oauth2),
/// `Error:"invalid_grant", Description:"…"` (.NET's Google.Apis.Auth), or the code alone.
fn bare_code(text: &str, lower: &str) -> Option<(TokenError, &'static str)> {
    let code = TOKEN_CODES.iter().find(|c| has_word(lower, c));
    let description = DESCRIPTIONS.iter().find(|(d, of, alone)| {
        lower.contains(&d.to_ascii_lowercase()) && code.map_or(*alone, |c| c == of)
    });
    let (code, read_as) = match (code, description) {
        (Some(code), _) => (*code, "an OAuth error code"),
        (None, Some((_, code, _))) => (*code, "Google's token endpoint message, without its code"),
        (None, None) => return None,
    };
    let description = description
        .map(|(d, _, _)| (*d).to_owned())
        .or_else(|| Some(text.trim().to_owned()).filter(|t| t.len() <= 200));
    Some((
        TokenError {
            status: 400,
            code: ErrorCode::parse(code),
            description,
            uri: None,
        },
        read_as,
    ))
}

/// Said of a text that is none of the known errors: not good news, and where to look next.
pub fn unknown_error() -> Explanation {
    Explanation::new(
        "This page does not know that error.",
        "It is none of the errors of Google's sign-in pages, its token endpoint, Azure Data \
         Factory's Google connectors, BigQuery or Google Ads that this page recognises, whole \
         or inside another tool's message.",
        "Paste the error exactly as shown, with its code; else search for its code or message \
         in the documentation of the service that showed it: Google's OAuth 2.0 guide for \
         sign-in errors, Microsoft's troubleshooting page of the connector for ADF errors.",
    )
}

/// What the pasted text means, or `None` when it is none of the known errors.
pub fn diagnose(text: &str) -> Option<Diagnosis> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let said = |read_as: &str, explanation: Explanation| {
        Some(Diagnosis {
            read_as: read_as.to_owned(),
            explanation,
        })
    };
    // A token endpoint's JSON: the same explanations as after a real exchange.
    if let Some((error, whole)) = token_json(text) {
        let read_as = if whole {
            "Google's token endpoint answer (JSON)"
        } else {
            "Google's token endpoint answer (JSON) inside another tool's message"
        };
        return said(read_as, refused_when(&error, Asked::Pasted));
    }
    // ASCII folding: the needles are ASCII, and Unicode case tables would cost the page KBs.
    let lower = text.to_ascii_lowercase();
    if let Some(row) = ROWS
        .iter()
        .find(|row| row.needles.iter().all(|n| lower.contains(n)))
    {
        return said(row.seen, Explanation::new(row.what, row.why, row.fix));
    }
    let (error, read_as) = bare_code(text, &lower)?;
    said(read_as, refused_when(&error, Asked::Pasted))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn what(text: &str) -> String {
        diagnose(text)
            .map(|d| d.explanation.what)
            .unwrap_or_default()
    }

    #[test]
    fn googles_own_error_pages() {
        assert!(what("Access blocked: refresh-token-helper has not completed the Google verification process\n\
            The app is currently being tested, and can only be accessed by developer-approved testers. \
            If you think you should have access, contact the developer.\nError 403: access_denied")
            .contains("not a test user"));
        assert!(what(
            "This app is blocked\nThis app tried to access sensitive info in your Google Account."
        )
        .contains("Workspace blocks"));
        assert!(what("Error 400: invalid_request\nThe out-of-band (OOB) flow has been blocked in order to keep users secure.")
            .contains("out-of-band"));
        assert!(what("redirect_uri=urn:ietf:wg:oauth:2.0:oob").contains("out-of-band"));
        assert!(what("Access blocked: This app's request is invalid\nYou can't sign in because this app sent an invalid request. \
            Error 400: redirect_uri_mismatch\nYou can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy.")
            .contains("redirect URI"));
    }

    #[test]
    fn token_endpoint_answers_are_explained_as_after_an_exchange() {
        let rapt = what(
            r#"{"error": "invalid_grant", "error_description": "reauth related error (invalid_rapt)", "error_uri": "https://support.google.com/a/answer/9368756", "error_subtype": "invalid_rapt"}"#,
        );
        assert!(rapt.contains("Workspace policy"), "{rapt}");
        let rapt_required = what(
            r#"{"error":"invalid_grant","error_description":"reauth related error (rapt_required)"}"#,
        );
        assert!(rapt_required.contains("Workspace policy"));
        assert!(what(
            r#"{"error":"deleted_client","error_description":"The OAuth client was deleted."}"#
        )
        .contains("deleted"));
        assert!(
            what(r#"{"error":"invalid_grant","error_description":"Malformed auth code."}"#)
                .contains("damaged")
        );
        assert!(what(r#"{"error": "invalid_grant", "error_description": "Token has been expired or revoked."}"#)
            .contains("no longer works"));
        // The same texts typed without the JSON around them.
        assert!(what("invalid_grant: reauth related error (invalid_rapt)").contains("Workspace"));
        assert!(what("Malformed auth code.").contains("damaged"));
    }

    #[test]
    fn what_adf_and_the_apis_say_after_the_token_is_in_place() {
        assert!(what("ErrorCode=DeprecatedGoogleAdsLegacyDriverVersion,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,\
            Message=The Google Ads connector's legacy driver has been deprecated.")
            .contains("legacy driver"));
        assert!(what("Invalid type 'GoogleBigQueryV2' is provided in 'linkedServices'. Please correct the type in payload and retry your request.")
            .contains("integration runtime"));
        assert!(what("Access Denied: Project my-project: User does not have bigquery.jobs.create permission in project my-project.")
            .contains("query jobs"));
        assert!(what(r#"{"errors": [{"errorCode": {"authorizationError": "USER_PERMISSION_DENIED"}, "message": "User doesn't have permission to access customer. Note: If you're accessing a client customer, the manager's customer id must be set in the 'login-customer-id' header."}]}"#)
            .contains("cannot reach"));
        assert!(what("AuthorizationError.DEVELOPER_TOKEN_NOT_APPROVED: The developer token is only approved for use with test accounts.")
            .contains("test accounts"));
    }

    #[test]
    fn the_ads_errors_since_the_developer_token_sunset_lead_to_the_cloud_project() {
        let full = |text: &str| diagnose(text).expect(text).explanation;
        for pasted in [
            r#"{"error":{"code":403,"status":"PERMISSION_DENIED","details":[{"errors":[{"errorCode":{"authorizationError":"CLOUD_PROJECT_NOT_APPROVED_FOR_PRODUCTION"}}]}]}}"#,
            "AuthorizationError.DEVELOPER_TOKEN_NOT_APPROVED: The developer token is only approved for use with test accounts.",
            "ErrorCode: ACTION_NOT_PERMITTED",
        ] {
            let e = full(pasted);
            assert!(e.why.contains("Test access"), "{pasted}: {}", e.why);
            assert!(
                e.fix.contains("Google Ads API → Overview") && e.fix.contains("Explorer"),
                "{pasted}: {}",
                e.fix
            );
            assert!(!e.fix.contains(&["API", "Center"].join(" ")));
        }
        assert_eq!(
            full("CLOUD_PROJECT_NOT_APPROVED_FOR_PRODUCTION").what,
            "Google Ads allows this project test accounts only."
        );
        let gone = full(r#"{"errorCode":{"requestError":"UNSUPPORTED_VERSION"}}"#);
        assert_eq!(
            gone.what,
            "This Google Ads API version is no longer served."
        );
        assert!(gone.fix.contains("Google Ads API version field"));
    }

    /// Real error texts as people paste them, each with where it was seen. Every one must be
    /// recognised as what it is and explained with its own case.
    const CORPUS: &[(&str, &str, &str, &str)] = &[
        // (text, where it was seen, read as, the explanation's `what` holds)
        (
            r#"{"error": "invalid_grant", "error_description": "Token has been expired or revoked."}"#,
            "Google's token endpoint (DESIGN: token endpoint errors)",
            "Google's token endpoint answer (JSON)",
            "no longer works",
        ),
        (
            r#"{"error":"invalid_grant","error_description":"reauth related error (rapt_required)","error_uri":"https://support.google.com/a/answer/9368756","error_subtype":"rapt_required"}"#,
            "minodisk/bigquery-runner#47",
            "Google's token endpoint answer (JSON)",
            "Workspace policy",
        ),
        (
            "google.auth.exceptions.RefreshError: ('invalid_grant: Token has been expired or revoked.', {'error': 'invalid_grant', 'error_description': 'Token has been expired or revoked.'})",
            "Python google-auth, _client._handle_error_response; GoogleCloudPlatform/professional-services-data-validator#728",
            "an OAuth error code",
            "no longer works",
        ),
        (
            "ERROR: (gcloud.auth.activate-service-account) There was a problem refreshing your current auth tokens: ('invalid_grant: Invalid JWT Signature.', {'error': 'invalid_grant', 'error_description': 'Invalid JWT Signature.'})",
            "googleapis/java-bigquery#1972",
            "service account's key",
            "signed assertion",
        ),
        (
            "oauth2: cannot fetch token: 400 Bad Request\nResponse: {\n  \"error\": \"invalid_grant\",\n  \"error_description\": \"Bad Request\"\n}",
            "Go golang.org/x/oauth2, RetrieveError (before v0.13)",
            "inside another tool's message",
            "did not accept a code or a refresh token",
        ),
        (
            r#"oauth2: "invalid_grant" "Token has been expired or revoked.""#,
            "Go golang.org/x/oauth2, RetrieveError.Error",
            "an OAuth error code",
            "no longer works",
        ),
        (
            "Failed to get access token error=\"oauth2: cannot fetch token: 400 Bad Request\\nResponse: {\\n  \\\"error\\\": \\\"invalid_grant\\\",\\n  \\\"error_description\\\": \\\"reauth related error (invalid_rapt)\\\"\\n}\"",
            "grafana/google-bigquery-datasource#159 (a log line, quotes escaped)",
            "Google's token endpoint message",
            "Workspace policy",
        ),
        (
            "com.google.api.client.auth.oauth2.TokenResponseException: 401 Unauthorized\n{\n  \"error\" : \"invalid_client\",\n  \"error_description\" : \"The OAuth client was not found.\"\n}",
            "Java google-oauth-java-client, TokenResponseException (status line, then the JSON)",
            "inside another tool's message",
            "does not know this client ID",
        ),
        (
            "/signet-0.6.0/lib/signet/oauth_2/client.rb:947:in `fetch_access_token': Authorization failed.  Server message: (Signet::AuthorizationError)\n{\n  \"error\" : \"invalid_request\",\n  \"error_description\" : \"Required parameter is missing: grant_type\"\n}",
            "abronte/BigQuery#21 (Ruby Signet)",
            "inside another tool's message",
            "malformed",
        ),
        (
            r#"Google.Apis.Auth.OAuth2.Responses.TokenResponseException: Error:"invalid_grant", Description:"Bad Request", Uri:"""#,
            ".NET Google.Apis.Auth, TokenErrorResponse.ToString",
            "an OAuth error code",
            "did not accept a code or a refresh token",
        ),
        (
            "invalid_grant",
            "the bare code, as the register step asks",
            "an OAuth error code",
            "did not accept a code or a refresh token",
        ),
        (
            "Token has been expired or revoked.",
            "Google's description alone (DESIGN)",
            "without its code",
            "no longer works",
        ),
        (
            "Access blocked: Authorization Error\nError 401: invalid_client\nThe OAuth client was not found.",
            "Google's sign-in page, web-server guide: authorization errors",
            "Google's sign-in error page (invalid_client)",
            "does not know this client ID",
        ),
        (
            "Error 403: org_internal\nThis client is restricted to users within its organization.",
            "Google's sign-in page, web-server guide: authorization errors",
            "org_internal",
            "Internal to a Google Workspace organisation",
        ),
        (
            "org_internal",
            "the bare code, as the register step asks",
            "org_internal",
            "Internal to a Google Workspace organisation",
        ),
        (
            "Error 400: admin_policy_enforced",
            "Google's sign-in page, web-server guide: authorization errors",
            "admin_policy_enforced",
            "administrator blocks this app",
        ),
        (
            "Error 400: redirect_uri_mismatch",
            "Google's sign-in page, web-server guide: authorization errors",
            "Google's sign-in error page",
            "did not recognise the redirect URI",
        ),
        (
            "invalid_client",
            "the bare code, as the register step asks",
            "an OAuth error code",
            "client secret is wrong",
        ),
    ];

    #[test]
    fn every_real_text_in_the_corpus_is_read_as_what_it_is_and_explained() {
        for (text, source, read_as, what) in CORPUS {
            let d = diagnose(text).unwrap_or_else(|| panic!("not recognised: {text} ({source})"));
            assert!(
                d.read_as.contains(read_as),
                "{source}: read as {:?}, not {read_as:?}",
                d.read_as
            );
            assert!(
                d.explanation.what.contains(what),
                "{source}: {:?} does not say {what:?}",
                d.explanation.what
            );
            // A pasted text is no sign-in in progress: no fix names the consent step's button.
            assert!(
                !d.explanation.fix.contains("Go to consent"),
                "{source}: {}",
                d.explanation.fix
            );
        }
    }

    #[test]
    fn anything_else_is_not_guessed() {
        assert_eq!(diagnose("Something else entirely went wrong."), None);
        assert_eq!(diagnose("   "), None);
        assert_eq!(diagnose(r#"{"not": "an oauth error"}"#), None);
        // HTTP's own words without an OAuth code are not Google's.
        assert_eq!(diagnose("400 Bad Request"), None);
        assert_eq!(diagnose("401 Unauthorized"), None);
        let unknown = unknown_error();
        assert!(unknown.fix.contains("documentation") && unknown.what.contains("does not know"));
    }
}
