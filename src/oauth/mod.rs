//! The OAuth 2.0 authorization code flow with PKCE, as pure Rust: no browser APIs, so every
//! rule is tested natively. Follows RFC 6749 §4.1, RFC 7636, RFC 7009 and RFC 9207; the
//! sign-in itself is a state machine (`flow`). What is Google's own is in `crate::google`,
//! every sentence a user reads in `crate::messages`.

pub mod callback;
pub mod client;
pub mod consent;
pub mod endpoint;
pub mod error;
pub mod exchange;
pub mod flow;
pub mod grant;
pub mod jwt;
pub mod pending;
pub mod pkce;
pub mod problem;
pub mod provider;
pub mod response;
pub mod scope;
pub mod secret;
pub mod types;

pub use callback::{
    callback_from_query, parse_callback, Callback, CallbackError, CodeCallback, Denial,
};
pub use client::{Attempt, Purpose, ValidClient};
pub use consent::{ConsentRequest, LoginHint, Prompt};
pub use endpoint::{Endpoint, RedirectDifference, RedirectUri, UrlError};
pub use error::{ErrorCode, KnownError};
pub use exchange::{Received, TokenFailure};
pub use flow::{Effect, Event, Flow, FormRestore, Stage};
pub use grant::{Client, FormRequest};
pub use pending::{
    fits_the_google_only_build, Arrival, Exchange, Issuance, PendingFlow, PendingFlowError, Refusal,
};
pub use pkce::{PkceVerifier, RandomnessError};
pub use problem::Problem;
pub use provider::{CustomEndpoints, Provider, ProviderKind};
pub use response::{
    assess, parse_token_response, TokenEndpointError, TokenError, TokenNote, TokenResponse,
};
pub use scope::{Scope, Scopes};
pub use secret::Secret;
pub use types::{
    AccessToken, AuthorizationCode, ClientId, ClientSecret, IdToken, InputError, RefreshToken,
    State,
};
