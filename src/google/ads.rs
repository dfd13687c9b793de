//! Facts about the Google Ads API that the Google Ads linked service needs.

/// The Google Ads API version the page suggests for `googleAdsApiVersion`. Source: Google's
/// "Deprecation and sunset" page (https://developers.google.com/google-ads/api/docs/sunset-dates),
/// read 2026-11-29: "If you are new to the Google Ads API, we recommend that you start with
/// v26"; v26 was planned for October 2026 with its sunset in November 2027 (Google Ads
/// Developer Blog, "More frequent releases coming for the Google Ads API", 2025-09-04).
/// Versions v17 to v22 are sunset (v22 on 7 October 2026). Check the page when you build.
pub const ADS_API_VERSION: &str = "v26";
