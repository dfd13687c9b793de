//! What went wrong in a sign-in, as facts: the messages turn each into words for the user.

use super::callback::{CallbackError, Denial};
use super::exchange::TokenFailure;
use super::pending::{PendingFlowError, Refusal};
use super::types::InputError;
use crate::weburl::WebUrl;

/// A problem of the sign-in flow, to be shown where it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The provider refused the sign-in this tab started, whose consent went to
    /// `authorization`.
    Denied {
        denial: Denial,
        authorization: WebUrl,
    },
    /// An `?error=…` redirect no sign-in of this tab waits for.
    ForeignDenial,
    /// A redirect whose `state`, issuer or lack of `state` does not fit this tab's sign-in.
    Refused(Refusal),
    /// A redirect arrived but this tab has no record of starting a sign-in.
    NoPendingFlow,
    /// A code was pasted, but no sign-in of this tab waits for one.
    NoPendingPaste,
    /// The saved sign-in cannot be used (too old, unreadable).
    PendingFlow(PendingFlowError),
    /// The browser would not leave for the consent screen.
    NavigationRefused { detail: String },
    /// What was pasted or received is not a usable redirect.
    Callback(CallbackError),
    /// A form value the step needs is missing or wrong.
    Input(InputError),
    /// The browser refuses `sessionStorage`.
    StorageUnavailable,
    /// The browser gave no secure random numbers for `state` and the PKCE verifier.
    NoRandomness { detail: String },
    /// The code went to the token endpoint, and no tokens came back.
    Exchange(Box<TokenFailure>),
}

impl Problem {
    /// An arrival this tab did not ask for (a link with a code or an error it did not start,
    /// an old bookmark of the redirect): nothing of a sign-in of this tab comes back with it,
    /// so the user goes on from the first step that needs them.
    pub fn is_stray(&self) -> bool {
        matches!(
            self,
            Problem::ForeignDenial
                | Problem::NoPendingFlow
                | Problem::Refused(Refusal::MissingState | Refusal::StateMismatch)
        )
    }
}
