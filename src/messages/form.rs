//! The words of what the user typed and what the page remembered: a field's problem, and a
//! remembered setting named in the mark that asks the user to check it.

use super::oauth::{input_problem, url_problem};
use super::Explanation;
use crate::form::FieldError;

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

/// A field's problem, explained.
pub fn field_problem(error: &FieldError) -> Explanation {
    match error {
        FieldError::Input(e) => input_problem(e),
        FieldError::Url(e) => url_problem(e),
        FieldError::SecretNeeded => Explanation::new(
            "Client secret is empty.",
            "Google exchanges a Web application client's code only with the client's \
                 secret, even with PKCE.",
            "Paste the secret shown when the client was created (Google Auth Platform → \
                 Clients → your client; lost, add a new secret there).",
        ),
    }
}
