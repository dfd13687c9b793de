//! The sign-in's words: a problem of the flow, a redirect that is refused, a token request
//! that brought no tokens (explained for where it was asked), and the notes on tokens that
//! came back. One function per type of `oauth`.

use super::{capitalise, human_duration, outside, Explanation, Quote};
use crate::google::lifetime::Limit;
use crate::oauth::callback::{CallbackError, Denial};
use crate::oauth::endpoint::UrlError;
use crate::oauth::error::{ErrorCode, KnownError};
use crate::oauth::exchange::TokenFailure;
use crate::oauth::pending::{PendingFlowError, Refusal};
use crate::oauth::problem::Problem;
use crate::oauth::response::{TokenEndpointError, TokenError, TokenNote};
use crate::oauth::types::InputError;
use crate::weburl::WebUrl;

/// A problem of the sign-in flow, explained.
pub fn explain_problem(problem: &Problem) -> Explanation {
    match problem {
        Problem::Denied {
            denial,
            authorization,
        } => denied(denial, authorization),
        Problem::ForeignDenial => Explanation::new(
            "The provider refused a sign-in this tab did not start.",
            "The address carried an error from the provider, but no sign-in of this tab was \
             waiting for an answer: it came from another tab, an older attempt or a link someone \
             sent. Its text is not shown, since anyone can write it into a link. Nothing was sent.",
            "Start the sign-in again from this page with “Go to consent”, and finish in the same tab.",
        ),
        Problem::Refused(Refusal::StateMismatch) => Explanation::new(
            "The redirect does not belong to the sign-in this tab started.",
            "Its `state` value differs from the one this tab sent. The redirect may come from \
             an older attempt or another tab, or someone tried to slip you a code of theirs.",
            "Start again from this tab with “Go to consent”, and finish in the same tab.",
        ),
        Problem::NoPendingFlow => Explanation::new(
            "A code arrived for a sign-in this tab did not start, so it was not used.",
            "This tab has no record of asking for it: the sign-in was started in another tab or \
             browser, the tab's storage was cleared, the code was already handled here (a reload \
             never reuses a code), or someone sent a link with a code of theirs. Exchanging it \
             could hand you tokens for their account (RFC 6749 §10.12). Nothing was sent.",
            "Start the sign-in again from this page with “Go to consent”, and finish in the same tab.",
        ),
        Problem::NoPendingPaste => Explanation::new(
            "No sign-in of this tab is waiting for a pasted code, so it was not used.",
            "A code is exchanged only for a sign-in this tab started: the consent URL it made \
             holds the `state` and PKCE verifier that bind the code to you. A code from elsewhere \
             could hand you tokens for someone else's account. Nothing was sent.",
            "Start the sign-in again from this page: set the redirect URI under Advanced if you \
             need the manual path, press “Go to consent” (or copy the consent URL), then paste \
             the address it ends on here within 10 minutes.",
        ),
        Problem::Refused(Refusal::MissingState) => Explanation::new(
            "The redirect carries no `state`, so it cannot be tied to the sign-in this tab started.",
            "Every redirect from the provider carries the `state` this tab sent. One without it \
             was made by hand or by someone else, and exchanging it could sign you in to their \
             account (RFC 6749 §10.12). Nothing was sent.",
            "Start again with “Go to consent”. To use a code on purpose, paste it into “Or paste \
             the redirect by hand”.",
        ),
        Problem::Refused(Refusal::IssuerMismatch { expected, got }) => Explanation::new(
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
        Problem::PendingFlow(e) => pending_flow(e),
        Problem::NavigationRefused { detail } => Explanation::new(
            "The browser did not open the consent screen.",
            format!("It refused to leave the page: {detail}."),
            "Copy the consent URL and open it in this tab's address bar.",
        ),
        Problem::Callback(e) => callback(e),
        Problem::Input(e) => input_problem(e),
        Problem::StorageUnavailable => Explanation::new(
            "This browser does not let the page keep anything for the trip to the provider.",
            "Session storage is disabled or full (some private modes, strict privacy settings).",
            "Allow site data for this page, or use the manual path: set the redirect URI to \
             http://localhost, open the consent URL, and paste the address you land on.",
        ),
        Problem::NoRandomness { detail } => Explanation::new(
            "This browser gave the page no secure random numbers, so the sign-in was not started.",
            format!(
                "The `state` and the PKCE verifier must be unguessable; they come from the \
                 browser's secure random source (crypto.getRandomValues), which refused. The \
                 browser said: {detail}"
            ),
            "Use a current browser on this page's https:// address (or localhost), without \
             extensions that replace the page's crypto functions.",
        ),
        Problem::Exchange(failure) => token_failure(failure),
    }
}

/// A saved sign-in that cannot be used, explained.
pub fn pending_flow(error: &PendingFlowError) -> Explanation {
    match error {
        PendingFlowError::Expired { minutes } => Explanation::new(
            "The sign-in was started too long ago.",
            format!(
                "This tab saved it {minutes} minutes ago; a sign-in is good for 10 minutes, as \
                 long as Google keeps an authorization code. Nothing was sent."
            ),
            "Start again with “Go to consent” and finish within 10 minutes.",
        ),
        error => Explanation::new(
            "The saved sign-in could not be read.",
            capitalise(&error.to_string()) + ". Nothing was sent.",
            "Start again with “Go to consent”.",
        ),
    }
}

/// A typed value that is not valid, explained.
pub fn input_problem(error: &InputError) -> Explanation {
    Explanation::new(
        format!("{} is not valid.", error.field()),
        capitalise(&error.to_string()) + ".",
        input_fix(error),
    )
}

/// An address that is not valid, explained.
pub fn url_problem(error: &UrlError) -> Explanation {
    Explanation::new(
        "An address is not valid.",
        capitalise(&error.to_string()) + ".",
        "Enter the full address as the provider documents it, starting with https:// \
             (http:// is accepted only for localhost and 127.0.0.1).",
    )
}

/// A token request that brought no tokens, explained.
pub fn token_failure(failure: &TokenFailure) -> Explanation {
    match failure {
        TokenFailure::NoAnswer { detail } => Explanation::new(
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
        TokenFailure::TimedOut { seconds } => Explanation::new(
            format!("The provider did not answer within {seconds} seconds."),
            "The endpoint is overloaded, unreachable, or the connection stalled.",
            "Try again. Your form is kept; an authorization code stays valid for a few minutes only.",
        ),
        TokenFailure::Endpoint { error, .. } => token_endpoint_error(error),
    }
}

/// A note on the tokens, explained; `date` is when the refresh token ends, for its note.
pub fn token_note(note: &TokenNote, date: Option<&str>) -> Explanation {
    match note {
        TokenNote::NoRefreshToken { consent_forced } => {
            let consent_forced = *consent_forced;
            Explanation::new(
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
            )
        }
        TokenNote::ScopesPartlyGranted { missing } => Explanation::new(
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
        TokenNote::RefreshTokenExpires { seconds } => {
            let (seconds, on) = (*seconds, date);
            {
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
        }
    }
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

/// A refresh grant that brought no tokens, explained as a refresh token's problem.
pub fn refresh_failure(failure: &TokenFailure) -> Explanation {
    failure_after_consent(failure, Asked::Refresh)
}

/// A failure of any request but a service account's: those are worded apart
/// (`google::service_account_failure`), so their words stay in their part of the page.
pub(super) fn failure_after_consent(failure: &TokenFailure, asked: Asked) -> Explanation {
    match failure {
        TokenFailure::Endpoint {
            error: TokenEndpointError::Refused(e),
            ..
        } => refused_when(e, asked),
        other => token_failure(other),
    }
}

pub(crate) fn denied(denial: &Denial, authorization: &WebUrl) -> Explanation {
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

pub fn token_endpoint_error(error: &TokenEndpointError) -> Explanation {
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
