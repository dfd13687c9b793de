//! Every sentence the user reads about a situation: what happened, why, and what to do.
//! The UI renders these and never writes error prose itself. Google's wording of
//! `error_description` is matched where it tells causes apart (see Google's "Using OAuth 2.0
//! to Access Google APIs" and the web-server guide's error sections); anything unknown still
//! shows the provider's own text.

pub mod consent;
pub mod diagnose;
pub mod export;
pub mod google;

pub use consent::parameter_meaning;
pub use diagnose::{diagnose, unknown_error, Diagnosis};
pub use export::{export_problem, held_back, pack_problem, HeldBack};
pub use google::{
    ads_api_sunset, ads_api_version_option, api_failure, check_unanswered, describe, ending,
    expiry_reminder_text, explain_api_failure, facts_checked, key_file_problem, no_bigquery_scope,
    service_account_failure, DEVELOPER_TOKEN_HINT, FABRIC_KEY_WHERE, FABRIC_TAKES_A_KEY,
};

use crate::form::FieldError;
use crate::google::client_file::ClientFileNote;
use crate::google::lifetime::Limit;
use crate::oauth::callback::{CallbackError, Denial};
use crate::oauth::endpoint::UrlError;
use crate::oauth::endpoint::{RedirectDifference, RedirectUri};
use crate::oauth::error::{ErrorCode, KnownError};
use crate::oauth::exchange::TokenFailure;
use crate::oauth::pending::{PendingFlowError, Refusal};
use crate::oauth::problem::Problem;
use crate::oauth::response::{TokenEndpointError, TokenError, TokenNote};
use crate::oauth::scope::Scope;
use crate::oauth::types::InputError;
use crate::weburl::WebUrl;

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

/// Everything that can need explaining.
#[derive(Debug, Clone, Copy)]
pub enum Situation<'a> {
    /// The provider redirected back with `?error=…` for the sign-in this tab started, whose
    /// consent went to `authorization`.
    Denied {
        denial: &'a Denial,
        authorization: &'a WebUrl,
    },
    /// An `?error=…` redirect that no sign-in of this tab is waiting for: its words are not
    /// shown, since anyone can write them into a link.
    ForeignDenial,
    /// The `state` in the redirect is not the one this tab sent.
    StateMismatch,
    /// A redirect arrived but this tab has no record of starting a flow.
    NoPendingFlow,
    /// A code was pasted, but no sign-in of this tab waits for one.
    NoPendingPaste,
    /// A redirect came back without `state` while a sign-in was pending.
    MissingState,
    /// The redirect names another issuer than the provider the sign-in went to (RFC 9207).
    IssuerMismatch { expected: &'a str, got: &'a str },
    /// The saved sign-in cannot be used (too old, unreadable).
    PendingFlow(&'a PendingFlowError),
    /// The browser would not leave for the consent screen.
    NavigationRefused { detail: &'a str },
    /// The imported client file is for a Desktop ("installed") client.
    DesktopClient,
    /// This page's redirect URI is not among the client file's, with the closest one.
    RedirectNotRegistered {
        page: &'a RedirectUri,
        closest: Option<(&'a RedirectUri, &'a RedirectDifference)>,
    },
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
    /// What was pasted or received is not a usable redirect.
    Callback(&'a CallbackError),
    /// The token endpoint gave no tokens.
    Token(&'a TokenEndpointError),
    /// Tokens came back, but no refresh token among them.
    NoRefreshToken { consent_forced: bool },
    /// The user unticked some scopes at consent.
    ScopesPartlyGranted { missing: &'a [Scope] },
    /// The refresh token has a lifetime (consent screen in "Testing").
    RefreshTokenExpires {
        seconds: u64,
        /// The date it ends, in the user's time, when known.
        on: Option<&'a str>,
    },
    /// The request never got an answer the page could read.
    Network { detail: &'a str },
    /// The browser gave no secure random numbers (for `state` and the PKCE verifier).
    NoRandomness { detail: &'a str },
    /// The request took too long and was given up.
    Timeout { seconds: u32 },
    /// A form field is not valid.
    Input(&'a InputError),
    /// A URL field is not valid.
    Url(&'a UrlError),
    /// The browser refuses `sessionStorage` (some private modes, disabled storage).
    StorageUnavailable,
    /// A part of the page that is fetched when first shown did not arrive.
    PartNotLoaded,
}

/// A remembered setting, named in the mark that asks the user to check it.
pub fn restored_setting(restored: crate::form::Restored) -> &'static str {
    use crate::form::Restored;
    match restored {
        Restored::Provider => "another provider's endpoints",
        Restored::RedirectUri => "a redirect URI other than this page",
        Restored::Prompt => "the prompt",
        Restored::LoginHint => "a login hint",
        Restored::Scopes => "the scopes",
        Restored::PkceOff => "PKCE turned off",
        Restored::IncludeGrantedScopes => {
            "include_granted_scopes (the token also gets the scopes this account granted the client before)"
        }
        Restored::ClientId => "the client ID",
    }
}

/// A form field's problem, explained.
pub fn field_problem(error: &FieldError) -> Explanation {
    explain(match error {
        FieldError::Input(e) => Situation::Input(e),
        FieldError::Url(e) => Situation::Url(e),
        FieldError::SecretNeeded => {
            return Explanation::new(
                "Client secret is empty.",
                "Google exchanges a Web application client's code only with the client's \
                 secret, even with PKCE.",
                "Paste the secret shown when the client was created (Google Auth Platform → \
                 Clients → your client; lost, add a new secret there).",
            )
        }
    })
}

/// A note on an imported client file, explained.
pub fn client_file_note(note: &ClientFileNote) -> Explanation {
    explain(match note {
        ClientFileNote::DesktopClient => Situation::DesktopClient,
        ClientFileNote::RedirectNotRegistered { page, closest } => {
            Situation::RedirectNotRegistered {
                page,
                closest: closest.as_deref().map(|(r, d)| (r, d)),
            }
        }
    })
}

/// A note on tokens that came back, explained.
/// A note on the tokens, explained; `date` is when the refresh token ends, for its note.
pub fn token_note(note: &TokenNote, date: Option<&str>) -> Explanation {
    explain(match note {
        TokenNote::NoRefreshToken { consent_forced } => Situation::NoRefreshToken {
            consent_forced: *consent_forced,
        },
        TokenNote::ScopesPartlyGranted { missing } => Situation::ScopesPartlyGranted { missing },
        TokenNote::RefreshTokenExpires { seconds } => Situation::RefreshTokenExpires {
            seconds: *seconds,
            on: date,
        },
    })
}

/// A problem of the sign-in flow, explained.
pub fn explain_problem(problem: &Problem) -> Explanation {
    explain(match problem {
        Problem::Denied {
            denial,
            authorization,
        } => Situation::Denied {
            denial,
            authorization,
        },
        Problem::ForeignDenial => Situation::ForeignDenial,
        Problem::Refused(Refusal::MissingState) => Situation::MissingState,
        Problem::Refused(Refusal::StateMismatch) => Situation::StateMismatch,
        Problem::Refused(Refusal::IssuerMismatch { expected, got }) => {
            Situation::IssuerMismatch { expected, got }
        }
        Problem::NoPendingFlow => Situation::NoPendingFlow,
        Problem::NoPendingPaste => Situation::NoPendingPaste,
        Problem::PendingFlow(e) => Situation::PendingFlow(e),
        Problem::NavigationRefused { detail } => Situation::NavigationRefused { detail },
        Problem::Callback(e) => Situation::Callback(e),
        Problem::Input(e) => Situation::Input(e),
        Problem::StorageUnavailable => Situation::StorageUnavailable,
        Problem::NoRandomness { detail } => Situation::NoRandomness { detail },
        Problem::Exchange(failure) => return token_failure(failure),
    })
}

/// A token request that brought no tokens, explained.
pub fn token_failure(failure: &TokenFailure) -> Explanation {
    explain(match failure {
        TokenFailure::NoAnswer { detail } => Situation::Network { detail },
        TokenFailure::TimedOut { seconds } => Situation::Timeout { seconds: *seconds },
        TokenFailure::Endpoint { error, .. } => Situation::Token(error),
    })
}

/// What the refused token request was, so that the fix names what the user can do there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// The code exchange after consent: "Go to consent" is on screen.
    Exchange,
    /// The refresh grant with a refresh token ("Check a refresh token", "Refresh now").
    Refresh,
    /// An answer the user pasted into "Explain an error": either of the two.
    Pasted,
    /// The service account's signed assertion ("A service account" task): no consent, no
    /// refresh token.
    ServiceAccount,
}

/// The page's controls an explanation may send the user to, as the page names them.
pub const CONTROLS: [&str; 8] = [
    "“Go to consent”",
    "“Or paste the redirect by hand”",
    "Advanced",
    "“Refresh now”",
    "“Revoke”",
    "“The exchange, raw”",
    // Words of earlier versions that name no control: never to be used again.
    "exchange log",
    "raw exchange",
];

impl Asked {
    pub const ALL: [Asked; 4] = [
        Asked::Exchange,
        Asked::Refresh,
        Asked::Pasted,
        Asked::ServiceAccount,
    ];

    /// The controls on screen where this request's failure is explained (beside the task
    /// chooser, which is on every screen).
    pub fn controls(self) -> &'static [&'static str] {
        match self {
            // Step 3 of a sign-in, before any token.
            Asked::Exchange => &[
                "“Go to consent”",
                "“Or paste the redirect by hand”",
                "Advanced",
            ],
            // The Check view of a token with a refresh token, or "Check a refresh token".
            Asked::Refresh => &["“Refresh now”", "“Revoke”", "“The exchange, raw”"],
            Asked::Pasted => &[],
            Asked::ServiceAccount => &["“The exchange, raw”"],
        }
    }
}

/// A token request that brought no tokens, explained for where it was asked.
pub fn failure_at(failure: &TokenFailure, asked: Asked) -> Explanation {
    match failure {
        TokenFailure::Endpoint { error, .. } if asked == Asked::ServiceAccount => {
            google::service_account_failure(error)
        }
        other => failure_after_consent(other, asked),
    }
}

/// A refresh grant that brought no tokens, explained as a refresh token's problem.
pub fn refresh_failure(failure: &TokenFailure) -> Explanation {
    failure_after_consent(failure, Asked::Refresh)
}

/// A failure of any request but a service account's: those are worded apart
/// (`google::service_account_failure`), so their words stay in their part of the page.
fn failure_after_consent(failure: &TokenFailure, asked: Asked) -> Explanation {
    match failure {
        TokenFailure::Endpoint {
            error: TokenEndpointError::Refused(e),
            ..
        } => refused_when(e, asked),
        other => token_failure(other),
    }
}

/// The explanation of a situation.
pub fn explain(situation: Situation<'_>) -> Explanation {
    match situation {
        Situation::Denied {
            denial,
            authorization,
        } => denied(denial, authorization),
        Situation::ForeignDenial => Explanation::new(
            "The provider refused a sign-in this tab did not start.",
            "The address carried an error from the provider, but no sign-in of this tab was \
             waiting for an answer: it came from another tab, an older attempt or a link someone \
             sent. Its text is not shown, since anyone can write it into a link. Nothing was sent.",
            "Start the sign-in again from this page with “Go to consent”, and finish in the same tab.",
        ),
        Situation::StateMismatch => Explanation::new(
            "The redirect does not belong to the sign-in this tab started.",
            "Its `state` value differs from the one this tab sent. The redirect may come from \
             an older attempt or another tab, or someone tried to slip you a code of theirs.",
            "Start again from this tab with “Go to consent”, and finish in the same tab.",
        ),
        Situation::NoPendingFlow => Explanation::new(
            "A code arrived for a sign-in this tab did not start, so it was not used.",
            "This tab has no record of asking for it: the sign-in was started in another tab or \
             browser, the tab's storage was cleared, the code was already handled here (a reload \
             never reuses a code), or someone sent a link with a code of theirs. Exchanging it \
             could hand you tokens for their account (RFC 6749 §10.12). Nothing was sent.",
            "Start the sign-in again from this page with “Go to consent”, and finish in the same tab.",
        ),
        Situation::NoPendingPaste => Explanation::new(
            "No sign-in of this tab is waiting for a pasted code, so it was not used.",
            "A code is exchanged only for a sign-in this tab started: the consent URL it made \
             holds the `state` and PKCE verifier that bind the code to you. A code from elsewhere \
             could hand you tokens for someone else's account. Nothing was sent.",
            "Start the sign-in again from this page: set the redirect URI under Advanced if you \
             need the manual path, press “Go to consent” (or copy the consent URL), then paste \
             the address it ends on here within 10 minutes.",
        ),
        Situation::MissingState => Explanation::new(
            "The redirect carries no `state`, so it cannot be tied to the sign-in this tab started.",
            "Every redirect from the provider carries the `state` this tab sent. One without it \
             was made by hand or by someone else, and exchanging it could sign you in to their \
             account (RFC 6749 §10.12). Nothing was sent.",
            "Start again with “Go to consent”. To use a code on purpose, paste it into “Or paste \
             the redirect by hand”.",
        ),
        Situation::IssuerMismatch { expected, got } => Explanation::new(
            "The redirect comes from another provider than the one this sign-in went to.",
            format!(
                "It names the issuer `{}`, but the consent URL was for `{}` \
                 (RFC 9207). A code from another provider must not be sent to this one's token \
                 endpoint. Nothing was sent.",
                outside(got),
                outside(expected)
            ),
            "Start again from this tab with “Go to consent”, and finish in the same tab.",
        ),
        Situation::PendingFlow(PendingFlowError::Expired { minutes }) => Explanation::new(
            "The sign-in was started too long ago.",
            format!(
                "This tab saved it {minutes} minutes ago; a sign-in is good for 10 minutes, as \
                 long as Google keeps an authorization code. Nothing was sent."
            ),
            "Start again with “Go to consent” and finish within 10 minutes.",
        ),
        Situation::PendingFlow(error) => Explanation::new(
            "The saved sign-in could not be read.",
            capitalise(&error.to_string()) + ". Nothing was sent.",
            "Start again with “Go to consent”.",
        ),
        Situation::NavigationRefused { detail } => Explanation::new(
            "The browser did not open the consent screen.",
            format!("It refused to leave the page: {detail}."),
            "Copy the consent URL and open it in this tab's address bar.",
        ),
        Situation::DesktopClient => Explanation::new(
            "This is a Desktop (“installed”) client, not a Web application client.",
            "Google lets Desktop clients redirect only to loopback addresses, so it will not send \
             the code back to this page.",
            "Create an OAuth client of type “Web application” with this page's redirect URI, or \
             use the manual path with the redirect URI http://localhost.",
        ),
        Situation::RedirectNotRegistered { page, closest } => Explanation::new(
            format!("This page's redirect URI, {page}, is not registered for this client."),
            match closest {
                Some((r, d)) => format!(
                    "The closest registered one, {r}, differs: {}.",
                    describe(d)
                ),
                None => "The client has no redirect URIs registered.".into(),
            },
            format!(
                "In the console, open the client and add {page} under Authorized redirect URIs \
                 exactly, then save (it can take a few minutes to apply)."
            ),
        ),
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
        Situation::Callback(error) => callback(error),
        Situation::Token(error) => token(error),
        Situation::NoRefreshToken { consent_forced } => Explanation::new(
            "Tokens came back, but no refresh token.",
            if consent_forced {
                "The provider issues refresh tokens only with `access_type=offline` and may \
                 still decline for this client (some providers need an extra scope such as \
                 `offline_access`)."
            } else {
                "Google sends a refresh token only the first time you consent to this client, \
                 unless `prompt=consent` forces the consent screen again. You consented before."
            },
            if consent_forced {
                "Check the provider's documentation for offline access and add what it needs to the scopes."
            } else {
                "Try again with consent forced (`prompt=consent`), or remove the app's access at \
                 myaccount.google.com/permissions and start again."
            },
        ),
        Situation::ScopesPartlyGranted { missing } => Explanation::new(
            format!(
                "Not every permission was granted: missing {}.",
                missing
                    .iter()
                    .map(|s| format!("`{}`", outside(&s.to_string())))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            "Google's consent screen lets you untick permissions; the token only carries the \
             ones left ticked, and the connector will fail where it needs the others.",
            "Start again and leave every requested permission ticked.",
        ),
        Situation::RefreshTokenExpires { seconds, on } => {
            let what = match on {
                Some(date) => format!(
                    "This refresh token stops working in {}, on {date}.",
                    human_duration(seconds)
                ),
                None => format!(
                    "This refresh token stops working in {}.",
                    human_duration(seconds)
                ),
            };
            let (why, fix) = match crate::google::lifetime::limit_of(seconds) {
                // `google::facts::TESTING_SEVEN_DAYS` and `WORKSPACE_TRUSTED_APP`.
                Limit::Testing => (
                    "Google limits refresh tokens to 7 days for an app whose user type is \
                     “External” while its publishing status is “Testing”.",
                    "Publish the app (Google Auth Platform → Audience → Publish app); or, for a \
                     Google Workspace organisation, make it Internal (Audience → User type), or \
                     have the Workspace admin mark the app Trusted (Admin console → Security → \
                     API controls → Manage Third-Party App Access). Then get a new refresh token \
                     here: tokens issued while in Testing keep their 7-day limit.",
                ),
                // `google::facts::TIME_LIMITED_ACCESS`.
                Limit::UserChoice => (
                    "This is not the 7 days of an app in Testing: Google sends an end date \
                     like this when the user granted access for a limited time on the \
                     consent screen.",
                    "For a token ADF can keep using, sign in again and choose ongoing access \
                     on Google's consent screen (not a time limit), then update the linked \
                     service.",
                ),
            };
            Explanation::new(what, why, fix)
        }
        Situation::Network { detail } => Explanation::new(
            "The request got no answer the page could read.",
            format!(
                "The endpoint is unreachable (offline, wrong address, DNS), or it answered \
                 without the CORS headers a browser needs, or a browser extension or the page's \
                 security policy blocked it. The browser said: {detail}"
            ),
            "Check the endpoint address and your connection. For a custom provider, its token \
             endpoint must allow this page's origin (Access-Control-Allow-Origin). The browser's \
             developer console names the exact cause.",
        ),
        Situation::Timeout { seconds } => Explanation::new(
            format!("The provider did not answer within {seconds} seconds."),
            "The endpoint is overloaded, unreachable, or the connection stalled.",
            "Try again. Your form is kept; an authorization code stays valid for a few minutes only.",
        ),
        Situation::Input(error) => Explanation::new(
            format!("{} is not valid.", error.field()),
            capitalise(&error.to_string()) + ".",
            input_fix(error),
        ),
        Situation::Url(error) => Explanation::new(
            "An address is not valid.",
            capitalise(&error.to_string()) + ".",
            "Enter the full address as the provider documents it, starting with https:// \
             (http:// is accepted only for localhost and 127.0.0.1).",
        ),
        Situation::NoRandomness { detail } => Explanation::new(
            "This browser gave the page no secure random numbers, so the sign-in was not started.",
            format!(
                "The `state` and the PKCE verifier must be unguessable; they come from the \
                 browser's secure random source (crypto.getRandomValues), which refused. The \
                 browser said: {detail}"
            ),
            "Use a current browser on this page's https:// address (or localhost), without \
             extensions that replace the page's crypto functions.",
        ),
        Situation::StorageUnavailable => Explanation::new(
            "This browser does not let the page keep anything for the trip to the provider.",
            "Session storage is disabled or full (some private modes, strict privacy settings).",
            "Allow site data for this page, or use the manual path: set the redirect URI to \
             http://localhost, open the consent URL, and paste the address you land on.",
        ),
        Situation::PartNotLoaded => Explanation::new(
            "This part of the page could not be loaded.",
            "It is fetched from the page's server when first shown, and that request failed: \
             the connection dropped, or the server now has a newer version of the page.",
            "Try again. If it fails again, copy what you need from the page, then reload it \
             (a reload forgets the tokens).",
        ),
    }
}

fn denied(denial: &Denial, authorization: &WebUrl) -> Explanation {
    let mut explanation = match &denial.error {
        ErrorCode::Known(KnownError::AccessDenied) => Explanation::new(
            "Consent was not given.",
            "You pressed Cancel or Deny on the consent screen, or the account may not use \
                 this app (while the consent screen is in “Testing”, only listed test users may).",
            "Start again and press Allow. If you were not asked, add your account as a test \
             user under Google Auth Platform → Audience, or publish the app.",
        ),
        ErrorCode::Known(KnownError::AdminPolicyEnforced) => Explanation::new(
            "Your Google Workspace administrator blocks this app or these scopes.",
            "Workspace admins can restrict which apps may access Google data.",
            "Ask your administrator to trust this OAuth client (Admin console → Security → API \
             controls), or use an account outside that organisation.",
        ),
        ErrorCode::Known(KnownError::OrgInternal) => Explanation::new(
            "The app is limited to users of its own organisation.",
            "The consent screen's user type is “Internal”.",
            "Sign in with an account of that organisation, or set the user type to “External”.",
        ),
        ErrorCode::Known(KnownError::InvalidScope) => Explanation::new(
            "The provider rejected the requested scopes.",
            "A scope is misspelt or not available to this client.",
            "Check each scope against the provider's list, or pick a preset.",
        ),
        ErrorCode::Known(KnownError::UnauthorizedClient | KnownError::UnsupportedResponseType) => {
            Explanation::new(
                "The provider does not allow this client to use the authorization code flow.",
                "The client is of a type that cannot receive codes here.",
                "Use a “Web application” OAuth client with this page's redirect URI registered.",
            )
        }
        ErrorCode::Known(KnownError::ServerError | KnownError::TemporarilyUnavailable) => {
            Explanation::new(
                "The provider failed while asking for consent.",
                "A temporary problem on the provider's side.",
                "Wait a moment and start again.",
            )
        }
        other => Explanation::new(
            format!(
                "The provider refused the sign-in: `{}`.",
                outside(other.as_str())
            ),
            "The provider returned an error this page does not know.",
            "Read the provider's words below; fix what they name and start again.",
        ),
    };
    let text = denial.quoted_description();
    let link = denial.error_page_on(authorization);
    if text.is_some() || link.is_some() {
        explanation.quote = Some(Quote { text, link });
    }
    explanation
}

fn callback(error: &CallbackError) -> Explanation {
    let paste = "Paste the whole address from the browser's address bar after consent \
                 (it contains `code=`), or just the code.";
    match error {
        CallbackError::Empty => {
            Explanation::new("Nothing was pasted.", "The field is empty.", paste)
        }
        CallbackError::TooLong { len } => Explanation::new(
            "That is not a redirect address.",
            format!("It is {len} characters long; a redirect address is at most a few thousand."),
            paste,
        ),
        CallbackError::NoCode => Explanation::new(
            "The address has no authorization code.",
            "It lacks the `code=` parameter: it may be the consent URL itself, or the page \
             before the redirect.",
            paste,
        ),
        CallbackError::Duplicate(name) => Explanation::new(
            format!("The address has `{name}` more than once."),
            "A genuine redirect carries each parameter once; this one was edited or joined \
             from two addresses.",
            paste,
        ),
        CallbackError::CodeAndError => Explanation::new(
            "The address has both a code and an error.",
            "A genuine redirect carries one or the other; this one was edited or joined from \
             two addresses.",
            paste,
        ),
        CallbackError::BadCode(e) => Explanation::new(
            "The authorization code is not valid.",
            capitalise(&e.to_string()) + ": it was probably cut or changed while copying.",
            paste,
        ),
        CallbackError::BadState(e) => Explanation::new(
            "The `state` in the address is not valid.",
            capitalise(&e.to_string()) + ".",
            paste,
        ),
    }
}

fn token(error: &TokenEndpointError) -> Explanation {
    match error {
        TokenEndpointError::Refused(e) => refused(e),
        TokenEndpointError::NotJson {
            status,
            content_type_hint,
        } => Explanation::new(
            format!("The token endpoint answered HTTP {status} with {content_type_hint} instead of JSON."),
            "The token endpoint address is wrong (it points at a web page), or a proxy or the \
             provider failed in between.",
            "Check the token endpoint address (Google: https://oauth2.googleapis.com/token) and \
             try again.",
        ),
        TokenEndpointError::Malformed { status, reason } => Explanation::new(
            format!("The token endpoint answered HTTP {status}, but not with a token response."),
            format!("The JSON does not follow OAuth 2.0: {reason}."),
            "Check that the token endpoint is the provider's OAuth 2.0 token endpoint.",
        ),
    }
}

pub(crate) fn refused(e: &TokenError) -> Explanation {
    let desc = e.description.as_deref().unwrap_or("").trim();
    let said = provider_said(e.description.as_deref());
    let has = |needle: &str| {
        desc.to_ascii_lowercase()
            .contains(&needle.to_ascii_lowercase())
    };
    let known = match &e.code {
        ErrorCode::Known(k) => *k,
        ErrorCode::Unknown(code) => {
            return Explanation::new(
                format!(
                    "The token endpoint refused: `{}` (HTTP {}).",
                    outside(code),
                    e.status
                ),
                format!("The provider returned an error this page does not know.{said}"),
                "Read the provider's message; fix what it names and try again.",
            )
        }
    };
    match known {
        KnownError::InvalidGrant if has("already redeemed") => Explanation::new(
            "This authorization code was already used.",
            "A code works exactly once. It was exchanged before: by this page, by another tool, \
             or by a second click or reload.",
            "Start again with “Go to consent” to get a fresh code.",
        ),
        // "reauth related error (invalid_rapt)" / "(rapt_required)", with `error_uri`
        // https://support.google.com/a/answer/9368756: Google Workspace's "session length for
        // Google Cloud services" (that support page).
        KnownError::InvalidGrant if has("invalid_rapt") || has("rapt_required") => Explanation::new(
            "Google asks this account to sign in again: a Workspace policy ended the session.",
            "The account's Google Workspace sets a session length for Google Cloud services \
             (Admin console → Security → Google Cloud session control). When it runs out, \
             refresh tokens with Cloud scopes such as BigQuery stop working with \
             `invalid_rapt` until the user signs in again — an unattended pipeline cannot.",
            "Ask the Workspace admin to exempt this app (mark it Trusted) or lengthen the \
             session, or use a service account for Azure Data Factory instead of a user's \
             refresh token.",
        ),
        KnownError::InvalidGrant if has("expired or revoked") => Explanation::new(
            "The refresh token no longer works.",
            // Google, "Using OAuth 2.0 to Access Google APIs", refresh token expiration
            // (https://developers.google.com/identity/protocols/oauth2#expiration).
            "It was revoked (by you, an administrator or “Revoke” here), it expired (7 days for \
             an External app in “Testing”; 6 months unused), the account's password changed \
             and the token carries Gmail scopes, or more than 100 newer refresh tokens were \
             issued for this account and client.",
            "Get a new refresh token with the consent flow, and update it wherever it is stored.",
        ),
        KnownError::InvalidGrant if has("code verifier") => Explanation::new(
            "The PKCE code verifier did not match.",
            format!(
                "The code was requested with a PKCE challenge from another attempt or tab.{said}"
            ),
            "Start again in one tab; do not mix codes from different attempts.",
        ),
        // Google answers "Malformed auth code." to a code sent still percent-encoded.
        KnownError::InvalidGrant if has("malformed") => Explanation::new(
            "The authorization code is damaged.",
            "It was sent still percent-encoded (`4%2F0A…` where Google's codes read `4/0A…`), \
             or cut or altered while copying.",
            "Copy the whole address after consent again, or start again.",
        ),
        KnownError::InvalidGrant => Explanation::new(
            "The provider did not accept the code.",
            format!(
                "The code expired (they live for minutes), was issued for another client or \
                 redirect URI, or was mistyped.{said}"
            ),
            "Start again with “Go to consent” and let the page exchange the code at once.",
        ),
        KnownError::RedirectUriMismatch => Explanation::new(
            "The redirect URI differs from the one used at consent or registered for the client.",
            format!(
                "The token request must repeat the consent request's `redirect_uri` exactly, \
                 and it must be registered: scheme, host, port, path and trailing slash all \
                 count, and localhost is not 127.0.0.1.{said}"
            ),
            "Use the same redirect URI for consent and exchange, and register it exactly as \
             shown under Authorized redirect URIs in the console.",
        ),
        KnownError::DeletedClient => Explanation::new(
            "The OAuth client was deleted.",
            format!("Someone deleted this client in the Google Cloud project.{said}"),
            "Restore it within 30 days (Google Auth Platform → Clients → Deleted clients), or \
             create a new Web application client and get a new refresh token with it.",
        ),
        KnownError::InvalidClient if has("not found") => Explanation::new(
            "The provider does not know this client ID.",
            format!("The client ID is mistyped, or the client was deleted.{said}"),
            "Copy the client ID again from Google Auth Platform → Clients. If the client was \
             deleted, create a new one (or restore it within 30 days).",
        ),
        KnownError::InvalidClient => Explanation::new(
            "The client secret is wrong for this client ID.",
            format!(
                "The secret is mistyped, belongs to another client, or was reset in the console.{said}"
            ),
            // Since June 2025 a new client secret is shown once, at creation: Google Developers
            // Blog, "Usability and safety updates to Google Auth Platform" (2025-04-28), and
            // "Manage OAuth Clients" (https://support.google.com/cloud/answer/15549257).
            "Use the secret you saved or downloaded when the client was created: Google shows \
             a client's secret only then. If you have none, add a new secret to the client \
             (Google Auth Platform → Clients → your client → Add secret), use it, and delete \
             the old one once nothing needs it.",
        ),
        KnownError::InvalidRequest if has("client_secret") => Explanation::new(
            "The token endpoint needs the client secret.",
            "Google's “Web application” clients must send their secret, even with PKCE.",
            "Enter the client secret and try again.",
        ),
        KnownError::InvalidRequest => Explanation::new(
            "The provider says the token request is malformed.",
            format!("A required parameter is missing or repeated.{said}"),
            "Check the fields the provider's message names, and try again.",
        ),
        KnownError::UnauthorizedClient => Explanation::new(
            "This client may not use this grant.",
            format!(
                "The refresh token was issued to a different client ID, or the client's type \
                 does not allow this flow.{said}"
            ),
            "Use the client ID and secret that the token was issued to, or get a new token \
             for this client.",
        ),
        KnownError::UnsupportedGrantType => Explanation::new(
            "The provider does not support this grant type.",
            format!("The token endpoint does not accept it.{said}"),
            "Check the token endpoint address and the provider's documentation.",
        ),
        KnownError::InvalidScope => Explanation::new(
            "The provider rejected the scopes.",
            format!("A scope is invalid or exceeds what was granted.{said}"),
            "Check the scopes, or get a new token with the scopes you need.",
        ),
        KnownError::ServerError | KnownError::TemporarilyUnavailable => Explanation::new(
            "The provider failed to answer the token request.",
            format!("A temporary problem on the provider's side.{said}"),
            "Try again in a moment.",
        ),
        other => Explanation::new(
            format!(
                "The token endpoint refused: `{}` (HTTP {}).",
                outside(other.as_str()),
                e.status
            ),
            format!("See the provider's message.{said}"),
            "Fix what the message names and try again.",
        ),
    }
}

/// A refusal explained for where it was asked: after this page's code exchange as any token
/// endpoint refusal, of a refresh token or a pasted answer as theirs. Its own function, so that
/// its words travel with the parts of the page that use them (the check and explain tasks).
/// A service account's refusals are worded by [`failure_at`], never here.
pub(crate) fn refused_when(e: &TokenError, asked: Asked) -> Explanation {
    let invalid_grant = e.code == ErrorCode::Known(KnownError::InvalidGrant);
    let desc = e.description.as_deref().unwrap_or("").to_ascii_lowercase();
    let said = provider_said(e.description.as_deref());
    if asked == Asked::Exchange || !invalid_grant {
        return refused(e);
    }
    if desc.contains("already redeemed") {
        return Explanation::new(
            "This authorization code was already used.",
            "A code works exactly once. It was exchanged before: by this page, by another tool, \
             or by a second click or reload.",
            "Get a fresh code: sign in again with a refresh-token task on this page (BigQuery \
             or Google Ads), which exchanges the code at once.",
        );
    }
    // The descriptions that say their own case are explained as after an exchange.
    let own_case = [
        "invalid_rapt",
        "rapt_required",
        "expired or revoked",
        "code verifier",
        "malformed",
    ];
    if own_case.iter().any(|c| desc.contains(c)) {
        return refused(e);
    }
    match asked {
        // Google, "Using OAuth 2.0 to Access Google APIs", refresh token expiration.
        Asked::Refresh => Explanation::new(
            "The provider did not accept the refresh token.",
            format!(
                "It was revoked, it expired (7 days for an External app in “Testing”, six \
                     months unused, or a time limit chosen at consent), it was issued to another \
                     client ID than the one used here, or it was cut while copying.{said}"
            ),
            "Check that the client ID and secret are the ones the token was issued to; \
                 otherwise get a new refresh token with the BigQuery or Google Ads task.",
        ),
        Asked::Pasted => Explanation::new(
            "The provider did not accept a code or a refresh token.",
            format!(
                "For a code: it expired (they live for minutes), was used already, or was \
                     issued for another client or redirect URI. For a refresh token: it was \
                     revoked or expired (7 days for an External app in “Testing”), or belongs \
                     to another client.{said}"
            ),
            "Get a new refresh token with the BigQuery or Google Ads task on this page (it \
                 exchanges the code at once), or check the one you have with “Check a refresh \
                 token I already have”.",
        ),
        Asked::Exchange | Asked::ServiceAccount => refused(e),
    }
}

/// Text from outside the page (a provider's words, what the user typed) inside a message:
/// the UI reads backticks as code marks, so the text's own become ˋ (U+02CB), which looks
/// the same and marks nothing.
pub fn outside(text: &str) -> String {
    text.replace('`', "\u{2CB}")
}

fn provider_said(description: Option<&str>) -> String {
    match description.map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => format!(" The provider said: “{}”", outside(d)),
        None => String::new(),
    }
}

fn input_fix(error: &InputError) -> String {
    match error {
        InputError::Empty { field } => format!("Fill in {field}."),
        InputError::Whitespace { field } => {
            format!("Copy {field} again; it must be one piece with no spaces or line breaks.")
        }
        InputError::InvalidChar { field, .. } => {
            format!("Copy {field} again from its source; it was altered.")
        }
        InputError::TooLong { field, .. } | InputError::TooShort { field, .. } => {
            format!("Check that {field} holds the right value.")
        }
    }
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
    use crate::oauth::response::parse_token_response;

    fn token_says(status: u16, body: &str) -> Explanation {
        explain(Situation::Token(
            &parse_token_response(status, body).unwrap_err(),
        ))
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

    /// Each problem of the sign-in is worded as its own cause: the words name what went wrong
    /// (the match has no catch-all, so a new problem needs its words here too).
    #[test]
    fn every_problem_is_worded_as_its_own_cause() {
        let denial = Denial {
            error: ErrorCode::parse("access_denied"),
            description: None,
            error_uri: None,
            state: None,
        };
        let problems = [
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
        ];
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
            explain(Situation::Token(&e))
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
        let week = explain(Situation::RefreshTokenExpires {
            seconds: 604_799,
            on: None,
        });
        assert!(week.why.contains("“External”") && week.why.contains("“Testing”"));
        assert!(week.fix.contains("Publish app") && week.fix.contains("Internal"));
        assert!(week.fix.contains("keep their 7-day limit"));
        assert!(week.fix.contains("mark the app Trusted"));
        // Any other length is a grant the user limited at consent, not Testing.
        let chosen = explain(Situation::RefreshTokenExpires {
            seconds: 15_551_999,
            on: None,
        });
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
        let e = explain(Situation::RefreshTokenExpires {
            seconds: 604_799,
            on: None,
        });
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
        let e = explain(Situation::Denied {
            denial: &denial,
            authorization: &authorization,
        });
        texts.extend([e.what, e.why, e.fix]);
        let refused = TokenEndpointError::Refused(TokenError {
            status: 400,
            code: ErrorCode::parse("weird`error"),
            description: Some("with `one".into()),
            uri: None,
        });
        let e = explain(Situation::Token(&refused));
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
        let denial = Denial {
            error: ErrorCode::parse("access_denied"),
            description: None,
            error_uri: None,
            state: None,
        };
        let authorization = WebUrl::parse("https://accounts.google.com/o/oauth2/v2/auth").unwrap();
        let input = InputError::Empty { field: "Client ID" };
        let url = UrlError::Empty {
            field: "Token endpoint",
        };
        let cb = CallbackError::NoCode;
        let expired = PendingFlowError::Expired { minutes: 12 };
        let missing = [Scope::parse(crate::google::presets::DRIVE).unwrap()];
        let tokens = [
            TokenEndpointError::NotJson {
                status: 502,
                content_type_hint: "an HTML page".into(),
            },
            TokenEndpointError::Malformed {
                status: 200,
                reason: "x".into(),
            },
        ];
        let mut situations = vec![
            Situation::Denied {
                denial: &denial,
                authorization: &authorization,
            },
            Situation::ForeignDenial,
            Situation::StateMismatch,
            Situation::NoPendingFlow,
            Situation::NoPendingPaste,
            Situation::Callback(&cb),
            Situation::NoRefreshToken {
                consent_forced: false,
            },
            Situation::NoRefreshToken {
                consent_forced: true,
            },
            Situation::ScopesPartlyGranted { missing: &missing },
            Situation::RefreshTokenExpires {
                seconds: 10,
                on: None,
            },
            Situation::Network {
                detail: "Failed to fetch",
            },
            Situation::Timeout { seconds: 30 },
            Situation::Input(&input),
            Situation::Url(&url),
            Situation::StorageUnavailable,
            Situation::MissingState,
            Situation::IssuerMismatch {
                expected: "https://accounts.google.com",
                got: "https://idp.example",
            },
            Situation::PendingFlow(&expired),
            Situation::PendingFlow(&PendingFlowError::Unreadable),
            Situation::NavigationRefused { detail: "blocked" },
            Situation::DesktopClient,
            Situation::FileUnreadable,
            Situation::TokenHostElsewhere {
                authorization: "accounts.google.com",
                token: "collector.example",
            },
            Situation::NotAClientFile { detail: "x" },
            Situation::RevokeUnreadable { detail: "x" },
        ];
        situations.extend(tokens.iter().map(Situation::Token));
        for situation in situations {
            let e = explain(situation);
            assert!(
                !e.what.is_empty() && !e.why.is_empty() && !e.fix.is_empty(),
                "{situation:?}"
            );
            for text in [&e.what, &e.why, &e.fix] {
                assert_code_spans_closed(text);
            }
        }
        let scopes = explain(Situation::ScopesPartlyGranted { missing: &missing });
        assert!(scopes.what.contains("auth/drive"));
    }
}
