//! Refresh Token Helper: get an OAuth 2.0 refresh token (Google first, for Azure Data
//! Factory's BigQuery and Google Ads connectors) entirely in the browser.
//!
//! `oauth` (the protocol), `google` (Google's and ADF's facts), `messages` (every sentence
//! the user reads), `form` (the client form as data) and `export` are pure and build
//! everywhere; `browser` and `ui` exist only in the wasm build.

pub mod export;
pub mod form;
pub mod google;
pub mod messages;
pub mod oauth;
pub mod testids;
pub mod variant;
pub mod weburl;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;
