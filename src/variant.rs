//! Which of the two builds this is (see build.rs and scripts/csp). The Google-only build
//! talks to Google's hosts alone, and its CSP names nothing else; the any-provider build,
//! made with `RTH_PROVIDER_ORIGINS`, may also reach the origins named there.

/// Whether this build may use a provider other than Google.
pub const ANY_PROVIDER: bool = cfg!(any_provider);
