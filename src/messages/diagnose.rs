//! "Paste an error": any error text a user meets on the way to a working ADF linked service —
//! a token endpoint's JSON, the text of Google's own error pages (which never redirect back
//! here), an ADF test-connection or pipeline error, a BigQuery or Google Ads API error —
//! matched against a table of the real texts, answered with what, why and fix, or `None`.

use super::{explain, Explanation, Situation};
use crate::oauth::{parse_token_response, TokenEndpointError};

/// One known error: the texts that identify it (all must appear, case-insensitive), and its
/// explanation.
struct Row {
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
        needles: &["access_denied", "developer-approved testers"],
        what: "Google refused the sign-in: the app is in Testing and this account is not a test user.",
        why: "While an External app's publishing status is “Testing”, only the accounts listed as test users may consent.",
        fix: "Add the account under Google Auth Platform → Audience → Test users, or publish the app (Audience → Publish app).",
    },
    // Google's page for a Workspace account whose admin blocks the app: "This app is blocked".
    Row {
        needles: &["this app is blocked"],
        what: "The account's Google Workspace blocks this app.",
        why: "A Workspace administrator restricts which third-party apps may access Google data, or which scopes they may ask for.",
        fix: "Ask the admin to trust this OAuth client (Admin console → Security → Access and data control → API controls), or use an account outside that organisation.",
    },
    // The removed out-of-band flow: "The out-of-band (OOB) flow has been blocked in order to
    // keep users secure", or the OOB redirect URI itself.
    Row {
        needles: &["urn:ietf:wg:oauth:2.0:oob"],
        what: "The copy-the-code (out-of-band) flow no longer exists.",
        why: "Google removed the `urn:ietf:wg:oauth:2.0:oob` redirect in 2022–2023; guides that paste a code from a Google page no longer work.",
        fix: "Use this page: it receives the code at its own address, which you register as the redirect URI of a Web application client.",
    },
    Row {
        needles: &["out-of-band", "blocked"],
        what: "The copy-the-code (out-of-band) flow no longer exists.",
        why: "Google removed the `urn:ietf:wg:oauth:2.0:oob` redirect in 2022–2023; guides that paste a code from a Google page no longer work.",
        fix: "Use this page: it receives the code at its own address, which you register as the redirect URI of a Web application client.",
    },
    // Google's page: "Error 400: redirect_uri_mismatch … You can't sign in to this app because
    // it doesn't comply with Google's OAuth 2.0 policy."
    Row {
        needles: &["error 400: redirect_uri_mismatch"],
        what: "Google did not recognise the redirect URI.",
        why: "The consent URL's `redirect_uri` is not among the client's Authorized redirect URIs, letter for letter: scheme, host, port, path and trailing slash all count, and localhost is not 127.0.0.1.",
        fix: "Copy the redirect URI this page shows (step 1) into Google Auth Platform → Clients → your client → Authorized redirect URIs, save, and wait a few minutes.",
    },
    // Microsoft, "Troubleshoot the Google Ads connector": error code
    // DeprecatedGoogleAdsLegacyDriverVersion, "The Google Ads connector's legacy driver has
    // been deprecated."
    Row {
        needles: &["deprecatedgoogleadslegacydriverversion"],
        what: "The Google Ads linked service still runs on the removed legacy driver.",
        why: "A Google Ads linked service without `googleAdsApiVersion` uses the legacy driver, which Microsoft removed.",
        fix: "Set `googleAdsApiVersion` to a version Google still serves (the export on this page fills it in) and save the linked service.",
    },
    // ADF when the self-hosted integration runtime predates the V2 connector: "Invalid type
    // 'GoogleBigQueryV2' is provided in 'linkedServices'".
    Row {
        needles: &["invalid type 'googlebigqueryv2'"],
        what: "This integration runtime does not know the BigQuery V2 connector.",
        why: "A self-hosted integration runtime older than the V2 connector rejects the `GoogleBigQueryV2` type.",
        fix: "Update the self-hosted integration runtime to the current version, or run the linked service on the Azure integration runtime.",
    },
    // BigQuery: "Access Denied: Project p: User does not have bigquery.jobs.create permission
    // in project p."
    Row {
        needles: &["bigquery.jobs.create"],
        what: "The account may not run query jobs in the linked service's project.",
        why: "ADF copies by running BigQuery jobs in `projectId`; the signed-in account has no role there that grants `bigquery.jobs.create` (the token itself is fine).",
        fix: "Grant the account BigQuery Job User (or User) in that project, or set `projectId` to a project where it has it.",
    },
    // Google Ads API AuthorizationError.USER_PERMISSION_DENIED: "User doesn't have permission to
    // access customer. Note: If you're accessing a client customer, the manager's customer id
    // must be set in the 'login-customer-id' header."
    Row {
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
        needles: &["cloud_project_not_approved_for_production"],
        what: "Google Ads allows this project test accounts only.",
        why: super::google::ADS_TEST_ONLY_WHY,
        fix: super::google::ADS_TEST_ONLY_FIX,
    },
    Row {
        needles: &["developer_token_not_approved"],
        what: "Google Ads allows this project test accounts only (said the way it was before developer tokens ended).",
        why: super::google::ADS_TEST_ONLY_WHY,
        fix: super::google::ADS_TEST_ONLY_FIX,
    },
    Row {
        needles: &["action_not_permitted"],
        what: "Google Ads did not permit this call (an older API version's word for a project with Test access calling a real account).",
        why: super::google::ADS_TEST_ONLY_WHY,
        fix: super::google::ADS_TEST_ONLY_FIX,
    },
    Row {
        needles: &["unsupported_version"],
        what: "This Google Ads API version is no longer served.",
        why: "Google turns each Google Ads API version off about a year after its release; the linked service's googleAdsApiVersion names one that is gone.",
        fix: "Pick a live version in this page's Google Ads API version field and set it as the linked service's googleAdsApiVersion.",
    },
    // Google's token endpoint: "invalid_grant" / "reauth related error (invalid_rapt)".
    Row {
        needles: &["reauth related error"],
        what: "Google asks this account to sign in again: a Workspace policy ended the session.",
        why: "The account's Google Workspace sets a session length for Google Cloud services; when it runs out, refresh tokens with Cloud scopes stop working until the user signs in again.",
        fix: "Ask the Workspace admin to exempt this app or lengthen the session, or use a service account for Azure Data Factory.",
    },
    // Google's token endpoint: "Malformed auth code."
    Row {
        needles: &["malformed auth code"],
        what: "The authorization code was sent damaged.",
        why: "It was still percent-encoded (`4%2F0A…` where Google's codes read `4/0A…`), or cut while copying.",
        fix: "Paste the whole address into this page's manual field (it decodes it), or start again.",
    },
    Row {
        needles: &["deleted_client"],
        what: "The OAuth client was deleted.",
        why: "Someone deleted this client in the Google Cloud project.",
        fix: "Restore it within 30 days (Google Auth Platform → Clients → Deleted clients), or create a new Web application client and get a new refresh token.",
    },
];

/// What the pasted text means, or `None` when it is none of the known errors.
pub fn diagnose(text: &str) -> Option<Explanation> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    // A token endpoint's JSON answer: the same explanations as after a real exchange.
    if text.starts_with('{') {
        if let Err(error @ TokenEndpointError::Refused(_)) = parse_token_response(400, text) {
            return Some(explain(Situation::Token(&error)));
        }
    }
    // ASCII folding: the needles are ASCII, and Unicode case tables would cost the page KBs.
    let lower = text.to_ascii_lowercase();
    ROWS.iter()
        .find(|row| row.needles.iter().all(|n| lower.contains(n)))
        .map(|row| Explanation::new(row.what, row.why, row.fix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn what(text: &str) -> String {
        diagnose(text).map(|e| e.what).unwrap_or_default()
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
        let full = |text: &str| diagnose(text).expect(text);
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

    #[test]
    fn anything_else_is_not_guessed() {
        assert_eq!(diagnose("Something else entirely went wrong."), None);
        assert_eq!(diagnose("   "), None);
        assert_eq!(diagnose(r#"{"not": "an oauth error"}"#), None);
    }
}
