//! The tasks besides a sign-in: check a refresh token, a service account instead of one, and
//! explain an error.

pub mod diagnose_card;
pub mod refresh_card;
pub mod service_account_card;
