//! Every sentence the user reads about a situation: what happened, why, and what to do.
//! The UI renders these and never writes error prose itself. Google's wording of
//! `error_description` is matched where it tells causes apart (see Google's "Using OAuth 2.0
//! to Access Google APIs" and the web-server guide's error sections); anything unknown still
//! shows the provider's own text.

pub mod consent;
pub mod diagnose;
pub mod export;
pub mod form;
pub mod google;
pub mod oauth;

pub use consent::parameter_meaning;
pub use diagnose::{diagnose, unknown_error, Diagnosis};
pub use export::{export_problem, held_back, pack_problem, HeldBack};
pub use form::{field_problem, restored_setting};
pub use google::{
    ads_api_sunset, ads_api_version_option, api_failure, check_unanswered, client_file_note,
    describe, ending, expiry_reminder_text, explain_api_failure, facts_checked, key_file_problem,
    no_bigquery_scope, service_account_failure, service_account_key_refused, service_account_token,
    DEVELOPER_TOKEN_HINT, FABRIC_KEY_WHERE, FABRIC_TAKES_A_KEY,
};
pub use oauth::{
    explain_problem, input_problem, pending_flow, refresh_failure, token_endpoint_error,
    token_failure, token_note, url_problem, Asked, CONTROLS,
};
pub(crate) use oauth::{refused, refused_when};

use crate::oauth::exchange::TokenFailure;

/// What to show the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// What went wrong, in one sentence.
    pub what: String,
    /// The likely cause.
    pub why: String,
    /// What to do about it.
    pub fix: String,
    /// The provider's own words, shown as a quotation apart from the page's.
    pub quote: Option<Quote>,
}

/// Words of the provider's, shown as theirs and never as markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub text: Option<String>,
    /// A page about the error on the provider's own host.
    pub link: Option<String>,
}

impl Explanation {
    pub fn new(what: impl Into<String>, why: impl Into<String>, fix: impl Into<String>) -> Self {
        Self {
            what: what.into(),
            why: why.into(),
            fix: fix.into(),
            quote: None,
        }
    }
}

/// What the page itself meets, with no type of a lower layer behind it; every domain type
/// has its own explaining function beside the others of its domain (`oauth`, `google`, …).
#[derive(Debug, Clone, Copy)]
pub enum Situation<'a> {
    /// The token endpoint lies on another site than the consent screen.
    TokenHostElsewhere {
        authorization: &'a str,
        token: &'a str,
    },
    /// The browser would not read a picked file.
    FileUnreadable,
    /// The imported text is not a client file the console downloads.
    NotAClientFile { detail: &'a str },
    /// A revocation was sent, but the browser hides the answer (no CORS).
    RevokeUnreadable { detail: &'a str },
    /// A part of the page that is fetched when first shown did not arrive.
    PartNotLoaded,
    /// The browser would not sign the service account's assertion (WebCrypto).
    CannotSign { detail: &'a str },
    /// ADF's Google Ads query was asked for with no account chosen.
    NoAdsAccount,
}

/// A token request that brought no tokens, explained for where it was asked: a service
/// account's refusals in `google`'s words, every other in the sign-in's.
pub fn failure_at(failure: &TokenFailure, asked: Asked) -> Explanation {
    match failure {
        TokenFailure::Endpoint { error, .. } if asked == Asked::ServiceAccount => {
            google::service_account_failure(error)
        }
        other => oauth::failure_after_consent(other, asked),
    }
}

/// The explanation of a situation.
pub fn explain(situation: Situation<'_>) -> Explanation {
    match situation {
        Situation::TokenHostElsewhere {
            authorization,
            token,
        } => Explanation::new(
            format!("The consent screen is on {authorization}, but the code and your client secret would go to {token}."),
            "A provider's token endpoint normally sits beside its consent screen. Settings that \
             pair one provider's consent with another host's token endpoint would show you a \
             genuine consent screen while handing the code and the secret to someone else.",
            "Check the token endpoint against the provider's documentation before you press “Go \
             to consent”.",
        ),
        Situation::FileUnreadable => Explanation::new(
            "The file could not be read.",
            "The browser refused to read it.",
            "Open it in a text editor and paste its content instead.",
        ),
        Situation::NotAClientFile { detail } => Explanation::new(
            "That is not a Google OAuth client file.",
            format!("{}.", capitalise(detail)),
            "Use the JSON file downloaded when the client was created (Google Auth Platform → \
             Clients): later downloads no longer hold the secret.",
        ),
        Situation::RevokeUnreadable { detail } => Explanation::new(
            "The revocation request was sent, but the browser could not read the answer.",
            format!(
                "The revocation endpoint may not allow this page's origin (CORS), so the browser \
                 hides its answer; the token may or may not be revoked. The browser said: {detail}"
            ),
            "Press “Refresh now”: an explained invalid_grant means the token is revoked.",
        ),
        Situation::PartNotLoaded => Explanation::new(
            "This part of the page could not be loaded.",
            "It is fetched from the page's server when first shown, and that request failed: \
             the connection dropped, or the server now has a newer version of the page.",
            "Try again. If it fails again, copy what you need from the page, then reload it \
             (a reload forgets the tokens).",
        ),
        Situation::CannotSign { detail } => Explanation::new(
            "The browser could not sign the assertion.",
            format!("{}.", capitalise(detail)),
            "Use a current browser on an https:// page (or localhost).",
        ),
        Situation::NoAdsAccount => Explanation::new(
            "No account to query yet.",
            "The client customer ID is not ten digits.",
            "Pick an account above, or type its ID in the linked service below.",
        ),
    }
}

/// Text from outside the page (a provider's words, what the user typed) inside a message:
/// the UI reads backticks as code marks, so the text's own become ˋ (U+02CB), which looks
/// the same and marks nothing.
pub fn outside(text: &str) -> String {
    text.replace('`', "\u{2CB}")
}

/// Our own error texts start in ASCII; Unicode case tables would cost the page KBs.
fn capitalise(text: &str) -> String {
    let mut text = text.to_owned();
    if let Some(first) = text.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// "6 days 23 hours", "59 minutes", "30 seconds".
pub fn human_duration(seconds: u64) -> String {
    let plural = |n: u64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    let (d, h, m) = (
        seconds / 86_400,
        seconds % 86_400 / 3_600,
        seconds % 3_600 / 60,
    );
    match (d, h, m) {
        (0, 0, 0) => plural(seconds, "second"),
        (0, 0, m) => plural(m, "minute"),
        (0, h, 0) => plural(h, "hour"),
        (0, h, m) => format!("{} {}", plural(h, "hour"), plural(m, "minute")),
        (d, 0, _) => plural(d, "day"),
        (d, h, _) => format!("{} {}", plural(d, "day"), plural(h, "hour")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::google::client_file::ClientFileNote;
    use crate::oauth::callback::{CallbackError, Denial};
    use crate::oauth::endpoint::{RedirectUri, UrlError};
    use crate::oauth::error::{ErrorCode, KnownError};
    use crate::oauth::exchange::TokenFailure;
    use crate::oauth::pending::{PendingFlowError, Refusal};
    use crate::oauth::problem::Problem;
    use crate::oauth::response::{parse_token_response, TokenEndpointError, TokenError, TokenNote};
    use crate::oauth::scope::Scope;
    use crate::oauth::types::InputError;
    use crate::weburl::WebUrl;

    fn token_says(status: u16, body: &str) -> Explanation {
        token_endpoint_error(&parse_token_response(status, body).unwrap_err())
    }

    #[test]
    fn tells_a_service_accounts_refusals_apart() {
        let said = |description: &str| {
            let body =
                serde_json::json!({"error": "invalid_grant", "error_description": description});
            service_account_failure(&parse_token_response(400, &body.to_string()).unwrap_err())
        };
        assert!(said("Invalid JWT Signature.").fix.contains("new JSON key"));
        let clock = said("Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.");
        assert!(clock.why.contains("clock is off") && clock.what.contains("reasonable timeframe"));
        assert!(said("Invalid grant: account not found")
            .why
            .contains("no longer exists"));
        // Anything else is still the assertion's problem, never a code's.
        let other = said("Bad Request");
        assert!(
            other.what.contains("service account's assertion") && other.fix.contains("JSON key")
        );
        assert!(!other.why.contains("code") && !other.fix.contains("consent"));
        let not_key =
            key_file_problem(&crate::google::service_account::KeyFileError::BadPrivateKey);
        assert!(not_key.what.contains("PKCS#8") && not_key.fix.contains("new JSON key"));
    }

    #[test]
    fn an_export_is_held_back_for_the_first_reason_that_holds() {
        assert_eq!(HeldBack::first(false, false, false), None);
        assert_eq!(HeldBack::first(false, false, true), Some(HeldBack::Masked));
        assert_eq!(
            HeldBack::first(false, true, true),
            Some(HeldBack::Incomplete)
        );
        assert_eq!(
            HeldBack::first(true, true, true),
            Some(HeldBack::CheckFailed)
        );
    }

    #[test]
    fn a_check_without_an_answer_names_its_call_not_a_token_endpoint() {
        let tokeninfo = check_unanswered("Tokeninfo", "TypeError: Failed to fetch", None);
        assert_eq!(
            tokeninfo.what,
            "Tokeninfo got no answer the page could read."
        );
        assert!(tokeninfo
            .why
            .ends_with("The browser said: TypeError: Failed to fetch"));
        let slow = check_unanswered("ADF's query job (dry run)", "", Some(30));
        assert_eq!(
            slow.what,
            "ADF's query job (dry run) got no answer within 30 seconds."
        );
        for e in [tokeninfo, slow] {
            let all = format!("{} {} {}", e.what, e.why, e.fix);
            assert!(
                !all.contains("token endpoint") && !all.contains("authorization code"),
                "{all}"
            );
        }
    }

    /// One of each problem of the sign-in, with values whose words the tests look for.
    fn one_of_each_problem() -> Vec<Problem> {
        let denial = Denial {
            error: ErrorCode::parse("access_denied"),
            description: None,
            error_uri: None,
            state: None,
        };
        vec![
            Problem::Denied {
                denial,
                authorization: WebUrl::parse("https://accounts.google.com/o/oauth2/v2/auth")
                    .unwrap(),
            },
            Problem::ForeignDenial,
            Problem::Refused(Refusal::MissingState),
            Problem::Refused(Refusal::StateMismatch),
            Problem::Refused(Refusal::IssuerMismatch {
                expected: "https://accounts.google.com".into(),
                got: "https://evil.example".into(),
            }),
            Problem::NoPendingFlow,
            Problem::NoPendingPaste,
            Problem::PendingFlow(PendingFlowError::Expired { minutes: 12 }),
            Problem::NavigationRefused {
                detail: "blocked by policy".into(),
            },
            Problem::Callback(CallbackError::NoCode),
            Problem::Input(InputError::Empty { field: "Client ID" }),
            Problem::StorageUnavailable,
            Problem::NoRandomness {
                detail: "QuotaExceededError".into(),
            },
            Problem::Exchange(Box::new(TokenFailure::TimedOut { seconds: 30 })),
        ]
    }

    /// Each problem of the sign-in is worded as its own cause: the words name what went wrong
    /// (the match has no catch-all, so a new problem needs its words here too).
    #[test]
    fn every_problem_is_worded_as_its_own_cause() {
        let problems = one_of_each_problem();
        for problem in &problems {
            let cause = match problem {
                Problem::Denied { .. } => "Consent was not given",
                Problem::ForeignDenial => "did not start",
                Problem::Refused(Refusal::MissingState) => "no `state`",
                Problem::Refused(Refusal::StateMismatch) => "does not belong",
                Problem::Refused(Refusal::IssuerMismatch { .. }) => "another provider",
                Problem::NoPendingFlow => "A code arrived for a sign-in this tab did not start",
                Problem::NoPendingPaste => "pasted code",
                Problem::PendingFlow(_) => "too long ago",
                Problem::NavigationRefused { .. } => "did not open the consent screen",
                Problem::Callback(_) => "no authorization code",
                Problem::Input(_) => "Client ID is not valid",
                Problem::StorageUnavailable => "keep anything",
                Problem::NoRandomness { .. } => "no secure random numbers",
                Problem::Exchange(_) => "within 30 seconds",
            };
            let e = explain_problem(problem);
            assert!(
                e.what.contains(cause),
                "{problem:?} is worded as: {}",
                e.what
            );
            let said = format!("{} {}", e.what, e.why);
            // A problem that made no request is never worded as one that got no answer.
            if !matches!(problem, Problem::Exchange(_)) {
                assert!(!said.contains("got no answer"), "{problem:?}: {said}");
            }
        }
    }

    /// Every answer a token request or a check can get, explained where it was asked: its fix
    /// names only controls that are on that screen.
    #[test]
    fn every_fix_names_only_controls_that_its_task_shows() {
        use crate::google::failure::{ApiFailure, Check};
        let descriptions = [
            "",
            "Bad Request",
            "Code was already redeemed.",
            "reauth related error (invalid_rapt)",
            "Token has been expired or revoked.",
            "Invalid code verifier.",
            "Malformed auth code.",
            "Missing required parameter: client_secret",
            "The OAuth client was not found.",
            "Invalid JWT Signature.",
            "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.",
            "Invalid grant: account not found",
        ];
        let mut failures = vec![
            TokenFailure::NoAnswer {
                detail: "TypeError: Failed to fetch".into(),
            },
            TokenFailure::TimedOut { seconds: 30 },
        ];
        for (status, body) in [
            (502, "<html>Bad gateway</html>"),
            (200, r#"{"token_type":"Bearer"}"#),
        ] {
            failures.push(TokenFailure::Endpoint {
                error: parse_token_response(status, body).unwrap_err(),
                status,
                masked_body: body.into(),
            });
        }
        let codes = KnownError::ALL
            .iter()
            .map(|k| k.as_str().to_owned())
            .chain(["made_up_error".to_owned()]);
        for code in codes {
            for description in descriptions {
                let body = serde_json::json!({"error": code, "error_description": description})
                    .to_string();
                failures.push(TokenFailure::Endpoint {
                    error: parse_token_response(400, &body).unwrap_err(),
                    status: 400,
                    masked_body: body,
                });
            }
        }
        let checks = [
            Check::Tokeninfo,
            Check::Projects,
            Check::Datasets,
            Check::DryRun {
                project: "p".into(),
            },
            Check::AdsAccounts,
            Check::AdsHierarchy,
            Check::AdsQuery,
        ];
        let mut seen = 0;
        for asked in Asked::ALL {
            let mut explained: Vec<Explanation> =
                failures.iter().map(|f| failure_at(f, asked)).collect();
            // The checks run once there is a token: not in "Explain an error", not before consent.
            if matches!(asked, Asked::Refresh | Asked::ServiceAccount) {
                for check in &checks {
                    for status in [400, 401, 403, 404, 429, 500, 503] {
                        let body = r#"{"error":{"code":1,"message":"m","status":"S"}}"#;
                        explained.push(google::explain_api_failure(
                            &ApiFailure::new(check.clone(), status, body),
                            asked,
                        ));
                    }
                }
            }
            for e in explained {
                for control in CONTROLS {
                    assert!(
                        !e.fix.contains(control) || asked.controls().contains(&control),
                        "{asked:?}: the fix names {control}, which is not there: {}",
                        e.fix
                    );
                }
                seen += 1;
            }
        }
        assert!(seen > 4 * failures.len());
    }

    #[test]
    fn a_refused_refresh_token_is_the_refresh_tokens_problem_never_a_codes() {
        let failure = |json: &str| crate::oauth::TokenFailure::Endpoint {
            error: parse_token_response(400, json).unwrap_err(),
            status: 400,
            masked_body: json.to_owned(),
        };
        let bad = failure(r#"{"error":"invalid_grant","error_description":"Bad Request"}"#);
        let as_refresh = refresh_failure(&bad);
        assert_eq!(
            as_refresh.what,
            "The provider did not accept the refresh token."
        );
        assert!(as_refresh.why.contains("revoked") && as_refresh.why.contains("another client ID"));
        assert!(
            !as_refresh.fix.contains("Go to consent")
                && !as_refresh.why.contains("live for minutes")
        );
        // The same answer to a code exchange is the code's problem.
        let as_exchange = token_failure(&bad);
        assert_eq!(as_exchange.what, "The provider did not accept the code.");
        assert!(as_exchange.fix.contains("Go to consent"));
        // What is not a refusal is said as before.
        let gone = crate::oauth::TokenFailure::TimedOut { seconds: 30 };
        assert_eq!(refresh_failure(&gone), token_failure(&gone));
    }

    #[test]
    fn tells_googles_invalid_grant_cases_apart() {
        let redeemed = token_says(
            400,
            r#"{"error":"invalid_grant","error_description":"Code was already redeemed."}"#,
        );
        assert!(redeemed.what.contains("already used"));
        let revoked = token_says(
            400,
            r#"{"error":"invalid_grant","error_description":"Token has been expired or revoked."}"#,
        );
        assert!(revoked.what.contains("no longer works"));
        assert!(revoked.why.contains("7 days"));
        let bad = token_says(
            400,
            r#"{"error":"invalid_grant","error_description":"Bad Request"}"#,
        );
        assert!(bad.why.contains("expired") && bad.why.contains("Bad Request"));
    }

    #[test]
    fn tells_wrong_secret_from_unknown_client() {
        let secret = token_says(
            401,
            r#"{"error":"invalid_client","error_description":"Unauthorized"}"#,
        );
        assert!(secret.what.contains("secret is wrong"));
        let client = token_says(
            401,
            r#"{"error":"invalid_client","error_description":"The OAuth client was not found."}"#,
        );
        assert!(client.what.contains("does not know this client ID"));
        let missing = token_says(
            400,
            r#"{"error":"invalid_request","error_description":"client_secret is missing."}"#,
        );
        assert!(missing.what.contains("needs the client secret"));
        let mismatch = token_says(
            400,
            r#"{"error":"redirect_uri_mismatch","error_description":"Bad Request"}"#,
        );
        assert!(mismatch.why.contains("trailing slash"));
    }

    #[test]
    fn unknown_errors_keep_the_providers_words() {
        let e = token_says(
            400,
            r#"{"error":"weird_thing","error_description":"Flux capacitor"}"#,
        );
        assert!(e.what.contains("weird_thing"));
        assert!(e.why.contains("Flux capacitor"));
    }

    #[test]
    fn googles_facts_as_they_are_today() {
        let said = |body: &str| {
            let e = crate::oauth::parse_token_response(401, body).unwrap_err();
            token_endpoint_error(&e)
        };
        // A client secret is shown once, at creation (since June 2025).
        let wrong = said(r#"{"error":"invalid_client","error_description":"Unauthorized"}"#);
        assert!(
            wrong.fix.contains("shows a client's secret only then"),
            "{wrong:?}"
        );
        assert!(wrong.fix.contains("Add secret") && !wrong.fix.contains("Credentials"));
        // A password change ends tokens only when they carry Gmail scopes.
        let gone = said(
            r#"{"error":"invalid_grant","error_description":"Token has been expired or revoked."}"#,
        );
        assert!(gone
            .why
            .contains("password changed and the token carries Gmail scopes"));
        // The 7 days apply to External apps in Testing, with both ways out.
        let week = token_note(&TokenNote::RefreshTokenExpires { seconds: 604_799 }, None);
        assert!(week.why.contains("“External”") && week.why.contains("“Testing”"));
        assert!(week.fix.contains("Publish app") && week.fix.contains("Internal"));
        assert!(week.fix.contains("keep their 7-day limit"));
        assert!(week.fix.contains("mark the app Trusted"));
        // Any other length is a grant the user limited at consent, not Testing.
        let chosen = token_note(
            &TokenNote::RefreshTokenExpires {
                seconds: 15_551_999,
            },
            None,
        );
        assert_eq!(
            chosen.what,
            "This refresh token stops working in 179 days 23 hours."
        );
        assert!(!chosen.why.contains("Testing”") && chosen.why.contains("limited time"));
        assert!(chosen.fix.contains("ongoing access") && !chosen.fix.contains("Publish"));
        let deleted = said(
            r#"{"error":"deleted_client","error_description":"The OAuth client was deleted."}"#,
        );
        assert_eq!(deleted.what, "The OAuth client was deleted.");
        let rapt = said(
            r#"{"error":"invalid_grant","error_description":"reauth related error (invalid_rapt)","error_uri":"https://support.google.com/a/answer/9368756"}"#,
        );
        assert!(rapt
            .why
            .contains("session length for Google Cloud services"));
        assert!(rapt.fix.contains("service account"));
        let malformed =
            said(r#"{"error":"invalid_grant","error_description":"Malformed auth code."}"#);
        assert!(malformed.why.contains("percent-encoded"));
    }

    #[test]
    fn every_ending_of_a_token_is_said() {
        use crate::google::lifetime::Ending;
        let date = "06/12/2026, 05:58:35";
        let said = |e: Ending| ending(&e, date);
        use crate::google::lifetime::Limit;
        let testing = said(Ending::Expires {
            at_ms: 0.0,
            limit: Limit::Testing,
        });
        assert!(testing.starts_with("On 06/12/2026, 05:58:35: the app is External and in Testing"));
        assert!(testing.contains("Trusted"));
        let chosen = said(Ending::Expires {
            at_ms: 0.0,
            limit: Limit::UserChoice,
        });
        assert_eq!(
            chosen,
            "On 06/12/2026, 05:58:35: access was granted for a limited time on Google's consent \
             screen. Sign in again before that and grant ongoing access."
        );
        assert!(said(Ending::WorkspaceSession {
            domain: "corp.example".into()
        })
        .contains("corp.example's session length"));
        assert!(said(Ending::PasswordChange).contains("Gmail scopes"));
        assert!(said(Ending::Unused).contains("six months"));
        assert!(said(Ending::TooMany).contains("100 newer"));
        assert_eq!(
            said(Ending::ClientUnused),
            "When the OAuth client goes unused for six months: Google deletes unused clients, \
             and every token of a deleted client stops working. ADF's regular refreshes keep it \
             in use."
        );
        assert!(said(Ending::Revoked).contains("myaccount.google.com/permissions"));
    }

    #[test]
    fn explains_durations_readably() {
        assert_eq!(human_duration(604_799), "6 days 23 hours");
        assert_eq!(human_duration(3_599), "59 minutes");
        assert_eq!(human_duration(3_600), "1 hour");
        assert_eq!(human_duration(5_400), "1 hour 30 minutes");
        assert_eq!(human_duration(1), "1 second");
        let e = token_note(&TokenNote::RefreshTokenExpires { seconds: 604_799 }, None);
        assert!(e.what.contains("6 days 23 hours") && e.fix.contains("Publish"));
    }

    #[test]
    fn the_refresh_tokens_end_is_said_with_its_date_when_known() {
        let note = TokenNote::RefreshTokenExpires { seconds: 604_799 };
        assert_eq!(
            token_note(&note, Some("10/12/2026, 13:00")).what,
            "This refresh token stops working in 6 days 23 hours, on 10/12/2026, 13:00."
        );
        assert_eq!(
            token_note(&note, None).what,
            "This refresh token stops working in 6 days 23 hours."
        );
    }

    /// The UI shows text between two backticks as code: an odd backtick would turn the rest
    /// of a message into code, or show a bare backtick.
    fn assert_code_spans_closed(text: &str) {
        assert!(
            text.matches('`').count().is_multiple_of(2),
            "a stray backtick in: {text}"
        );
    }

    #[test]
    fn the_ads_api_version_picker_names_each_sunset_and_warns_before_it() {
        use crate::google::ads::AdsApiVersion;
        let v23 = AdsApiVersion::named("v23").unwrap();
        assert_eq!(
            google::ads_api_version_option(v23),
            "v23 (Google turns it off in February 2027)"
        );
        assert_eq!(
            google::ads_api_sunset(v23, 60),
            "Google turns v23 off in February 2027, 60 days from now at most: from then on \
             every copy through this linked service fails. Choose v26, the newest, unless you \
             need v23."
        );
        assert!(google::ads_api_sunset(v23, 0).contains("knows no newer version"));
    }

    #[test]
    fn no_message_leaves_a_stray_backtick() {
        use crate::export::linked_service::ExportProblem;
        use crate::export::pack::PackProblem;
        use crate::google::service_account::KeyFileError;
        // What came from outside carries backticks of its own.
        let typed = "1`2";
        let mut texts: Vec<String> = Vec::new();
        for v in &crate::google::ads::ADS_API_VERSIONS {
            texts.push(google::ads_api_version_option(v));
            texts.push(google::ads_api_sunset(v, 30));
            texts.push(google::ads_api_sunset(v, 0));
        }
        for p in [
            ExportProblem::Required {
                property: "projectId",
            },
            ExportProblem::Required {
                property: "googleAdsApiVersion",
            },
            ExportProblem::Required {
                property: "clientSecret",
            },
            ExportProblem::CustomerId {
                property: "clientCustomerID",
                typed: typed.into(),
            },
            ExportProblem::ApiVersion {
                typed: typed.into(),
            },
            ExportProblem::SelfHostedRuntimeRequired,
        ] {
            texts.push(export::export_problem(&p));
        }
        for p in [
            PackProblem::Required { what: "vault" },
            PackProblem::VaultName {
                typed: typed.into(),
            },
            PackProblem::SecretName {
                typed: typed.into(),
            },
            PackProblem::NotInKeyVault,
        ] {
            texts.push(export::pack_problem(&p));
        }
        for e in [
            KeyFileError::NotJson,
            KeyFileError::NotServiceAccount(typed.into()),
            KeyFileError::Missing("private_key"),
            KeyFileError::BadPrivateKey,
        ] {
            let e = google::key_file_problem(&e);
            texts.extend([e.what, e.why, e.fix]);
        }
        let failure = google::api_failure(
            "Listing",
            400,
            r#"{"error":{"code":400,"message":"bad `x","status":"INVALID_ARGUMENT"}}"#,
            Asked::Refresh,
        );
        texts.extend([failure.what, failure.why, failure.fix]);
        let ads = google::explain_api_failure(
            &crate::google::failure::ApiFailure::new(
                crate::google::failure::Check::AdsQuery,
                403,
                r#"{"error":{"code":403,"message":"m","status":"PERMISSION_DENIED","details":[{"errors":[{"errorCode":{"authorizationError":"USER_PERMISSION_DENIED"},"message":"see `x"}]}]}}"#,
            ),
            Asked::Refresh,
        );
        texts.extend([ads.what, ads.why, ads.fix]);
        let denial = Denial {
            error: ErrorCode::parse("odd`code"),
            description: Some("a `quote".into()),
            error_uri: None,
            state: None,
        };
        let authorization = WebUrl::parse("https://accounts.google.com/o/oauth2/v2/auth").unwrap();
        let e = oauth::denied(&denial, &authorization);
        texts.extend([e.what, e.why, e.fix]);
        let refused = TokenEndpointError::Refused(TokenError {
            status: 400,
            code: ErrorCode::parse("weird`error"),
            description: Some("with `one".into()),
            uri: None,
        });
        let e = token_endpoint_error(&refused);
        texts.extend([e.what, e.why, e.fix]);
        for restored in [
            crate::form::Restored::Provider,
            crate::form::Restored::RedirectUri,
            crate::form::Restored::Prompt,
            crate::form::Restored::LoginHint,
            crate::form::Restored::Scopes,
            crate::form::Restored::PkceOff,
        ] {
            texts.push(restored_setting(restored).into());
        }
        for name in consent::SENT {
            texts.extend(consent::parameter_meaning(name).map(str::to_owned));
        }
        for text in &texts {
            assert_code_spans_closed(text);
        }
        assert!(
            texts.iter().any(|t| t.contains("1\u{2CB}2")),
            "typed text kept, unmarked"
        );
    }

    #[test]
    fn every_situation_has_all_three_parts() {
        let missing = vec![Scope::parse(crate::google::presets::DRIVE).unwrap()];
        // Each problem worded for itself, none borrowing another's words (a copy of the
        // variants once explained a missing random source as "no answer").
        let mut problems = one_of_each_problem();
        problems.extend([
            Problem::PendingFlow(PendingFlowError::Unreadable),
            Problem::Exchange(Box::new(TokenFailure::NoAnswer {
                detail: "Failed to fetch".into(),
            })),
        ]);
        let worded: Vec<Explanation> = problems.iter().map(explain_problem).collect();
        for (i, a) in worded.iter().enumerate() {
            for (b, problem) in worded[i + 1..].iter().zip(&problems[i + 1..]) {
                assert_ne!(
                    a.what, b.what,
                    "{:?} and {problem:?} share their words",
                    problems[i]
                );
            }
        }
        let page = RedirectUri::for_page("https://rth.example/").unwrap();
        let mut all = worded;
        all.extend([
            token_note(
                &TokenNote::NoRefreshToken {
                    consent_forced: false,
                },
                None,
            ),
            token_note(
                &TokenNote::NoRefreshToken {
                    consent_forced: true,
                },
                None,
            ),
            token_note(&TokenNote::ScopesPartlyGranted { missing }, None),
            token_note(
                &TokenNote::RefreshTokenExpires { seconds: 10 },
                Some("1 May"),
            ),
            url_problem(&UrlError::Empty {
                field: "Token endpoint",
            }),
            field_problem(&crate::form::FieldError::SecretNeeded),
            client_file_note(&ClientFileNote::DesktopClient),
            client_file_note(&ClientFileNote::RedirectNotRegistered {
                page,
                closest: None,
            }),
            explain(Situation::FileUnreadable),
            explain(Situation::TokenHostElsewhere {
                authorization: "accounts.google.com",
                token: "collector.example",
            }),
            explain(Situation::NotAClientFile { detail: "x" }),
            explain(Situation::RevokeUnreadable { detail: "x" }),
            explain(Situation::PartNotLoaded),
            explain(Situation::CannotSign {
                detail: "the key was refused",
            }),
            explain(Situation::NoAdsAccount),
            token_endpoint_error(&TokenEndpointError::NotJson {
                status: 502,
                content_type_hint: "an HTML page".into(),
            }),
            token_endpoint_error(&TokenEndpointError::Malformed {
                status: 200,
                reason: "x".into(),
            }),
        ]);
        for e in &all {
            assert!(
                !e.what.is_empty() && !e.why.is_empty() && !e.fix.is_empty(),
                "{e:?}"
            );
            for text in [&e.what, &e.why, &e.fix] {
                assert_code_spans_closed(text);
            }
        }
        assert!(all.iter().any(|e| e.what.contains("auth/drive")));
    }
}
