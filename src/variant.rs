//! Which of the two builds this is (see build.rs and scripts/csp). The Google-only build
//! talks to Google's hosts alone, and its CSP names nothing else; the any-provider build,
//! made with `RTH_PROVIDER_ORIGINS`, may also reach the origins named there.

/// Whether this build may use a provider other than Google.
pub const ANY_PROVIDER: bool = cfg!(any_provider);

/// The extra origins this build's CSP allows (empty in the Google-only build).
pub const PROVIDER_ORIGINS: &str = env!("RTH_PROVIDER_ORIGINS");
