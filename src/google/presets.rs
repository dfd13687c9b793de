//! What the refresh token is for: Google's scopes for Azure Data Factory's connectors,
//! grouped as presets. Scope URLs from Google's "OAuth 2.0 Scopes for Google APIs" page.

use crate::oauth::Scopes;

pub const BIGQUERY: &str = "https://www.googleapis.com/auth/bigquery";
pub const BIGQUERY_READONLY: &str = "https://www.googleapis.com/auth/bigquery.readonly";
pub const CLOUD_PLATFORM: &str = "https://www.googleapis.com/auth/cloud-platform";
pub const DRIVE: &str = "https://www.googleapis.com/auth/drive";
pub const ADWORDS: &str = "https://www.googleapis.com/auth/adwords";

/// What the refresh token is for; each preset names its scopes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    /// Azure Data Factory / Synapse `GoogleBigQueryV2` connector.
    AdfBigQuery,
    /// Read-only BigQuery: not enough for ADF's copies, which run query jobs and read
    /// sessions (Microsoft's V2 connector page lists `bigquery.jobs.*` and
    /// `bigquery.readsessions.*` among the permissions it needs).
    BigQueryReadOnly,
    /// The V2 connector reading Drive-backed (Sheets) external tables: the token also needs
    /// the Drive scope (V2 has no `requestGoogleDriveScope` of its own).
    AdfBigQueryDrive,
    /// The `GoogleAdWords` connector.
    GoogleAds,
    CloudPlatform,
    Custom,
}

impl Preset {
    pub const ALL: [Preset; 6] = [
        Preset::AdfBigQuery,
        Preset::BigQueryReadOnly,
        Preset::AdfBigQueryDrive,
        Preset::GoogleAds,
        Preset::CloudPlatform,
        Preset::Custom,
    ];

    /// A stable identifier for links, storage and `<option value>`.
    pub fn id(self) -> &'static str {
        match self {
            Preset::AdfBigQuery => "adf-bigquery",
            Preset::BigQueryReadOnly => "bigquery-readonly",
            Preset::AdfBigQueryDrive => "adf-bigquery-drive",
            Preset::GoogleAds => "google-ads",
            Preset::CloudPlatform => "cloud-platform",
            Preset::Custom => "custom",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Preset::AdfBigQuery => "Azure Data Factory: Google BigQuery",
            Preset::BigQueryReadOnly => "BigQuery, read-only (not enough for ADF copies)",
            Preset::AdfBigQueryDrive => "Azure Data Factory: BigQuery with Drive-backed tables",
            Preset::GoogleAds => "Azure Data Factory: Google Ads",
            Preset::CloudPlatform => "Google Cloud Platform (all services)",
            Preset::Custom => "Custom scopes",
        }
    }

    /// A few words for a summary line.
    pub fn short_label(self) -> &'static str {
        match self {
            Preset::AdfBigQuery => "BigQuery",
            Preset::BigQueryReadOnly => "BigQuery read-only",
            Preset::AdfBigQueryDrive => "BigQuery with Drive",
            Preset::GoogleAds => "Google Ads",
            Preset::CloudPlatform => "all of Google Cloud",
            Preset::Custom => "custom scopes",
        }
    }

    /// The scope URLs of this preset; empty for `Custom`.
    pub fn scope_urls(self) -> &'static [&'static str] {
        match self {
            Preset::AdfBigQuery => &[BIGQUERY],
            Preset::BigQueryReadOnly => &[BIGQUERY_READONLY],
            Preset::AdfBigQueryDrive => &[BIGQUERY, DRIVE],
            Preset::GoogleAds => &[ADWORDS],
            Preset::CloudPlatform => &[CLOUD_PLATFORM],
            Preset::Custom => &[],
        }
    }

    /// The preset's scopes as the editable text of the scopes field.
    pub fn scope_text(self) -> String {
        self.scope_urls().join(" ")
    }

    /// Whether `scopes` are exactly this preset's, in any order.
    pub fn has_scopes(self, scopes: &Scopes) -> bool {
        self != Preset::Custom
            && scopes.len() == self.scope_urls().len()
            && self.scope_urls().iter().all(|s| scopes.contains(s))
    }

    /// The preset a sign-in comes back as after the redirect: the one it was started with
    /// (`purpose`, a preset's id) when the scopes are still that preset's, else the preset
    /// whose scopes they are (a record without a purpose), else custom scopes. A purpose
    /// never changes the scopes: one that does not fit them is not believed.
    pub fn of_sign_in(purpose: Option<&str>, scopes: &Scopes) -> Preset {
        match purpose.and_then(Preset::from_id) {
            Some(Preset::Custom) => Preset::Custom,
            Some(p) if p.has_scopes(scopes) => p,
            _ => Self::ALL
                .into_iter()
                .find(|p| p.has_scopes(scopes))
                .unwrap_or(Preset::Custom),
        }
    }

    /// Whether a token with `scopes` can call BigQuery.
    pub fn reaches_bigquery(scopes: &Scopes) -> bool {
        [BIGQUERY, BIGQUERY_READONLY, CLOUD_PLATFORM]
            .iter()
            .any(|s| scopes.contains(s))
    }

    /// Whether a token with `scopes` can call the Google Ads API.
    pub fn reaches_google_ads(scopes: &Scopes) -> bool {
        scopes.contains(ADWORDS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scopes(text: &str) -> Scopes {
        Scopes::parse(text).unwrap()
    }

    #[test]
    fn a_sign_in_comes_back_as_the_preset_it_was_started_with() {
        for preset in Preset::ALL.into_iter().filter(|p| *p != Preset::Custom) {
            let granted = scopes(&preset.scope_text());
            assert_eq!(Preset::of_sign_in(Some(preset.id()), &granted), preset);
            // A record from before the purpose was carried: the scopes say it.
            assert_eq!(Preset::of_sign_in(None, &granted), preset);
        }
        // The Drive preset's scopes in another order are still that preset.
        let drive = scopes(&format!("{DRIVE} {BIGQUERY}"));
        assert_eq!(
            Preset::of_sign_in(Some("adf-bigquery-drive"), &drive),
            Preset::AdfBigQueryDrive
        );
    }

    #[test]
    fn scopes_no_preset_has_come_back_as_custom_and_a_purpose_never_wins_over_them() {
        let custom = scopes(&format!("{BIGQUERY} openid email"));
        assert_eq!(Preset::of_sign_in(None, &custom), Preset::Custom);
        assert_eq!(
            Preset::of_sign_in(Some("adf-bigquery"), &custom),
            Preset::Custom
        );
        // A planted or stale purpose that does not fit the scopes is not believed.
        assert_eq!(
            Preset::of_sign_in(Some("google-ads"), &scopes(BIGQUERY)),
            Preset::AdfBigQuery
        );
        assert_eq!(
            Preset::of_sign_in(Some("nope"), &scopes(ADWORDS)),
            Preset::GoogleAds
        );
        // Chosen as custom, custom it stays, even when the scopes are a preset's.
        assert_eq!(
            Preset::of_sign_in(Some("custom"), &scopes(ADWORDS)),
            Preset::Custom
        );
    }

    #[test]
    fn which_apis_a_token_reaches() {
        assert!(Preset::reaches_bigquery(&scopes(BIGQUERY_READONLY)));
        assert!(Preset::reaches_bigquery(&scopes(CLOUD_PLATFORM)));
        assert!(!Preset::reaches_bigquery(&scopes(ADWORDS)));
        assert!(!Preset::reaches_bigquery(&scopes(DRIVE)));
        assert!(Preset::reaches_google_ads(&scopes(ADWORDS)));
        assert!(!Preset::reaches_google_ads(&scopes(BIGQUERY)));
    }

    #[test]
    fn every_preset_round_trips_its_id_and_has_valid_scopes() {
        for preset in Preset::ALL {
            assert_eq!(Preset::from_id(preset.id()), Some(preset));
            if preset != Preset::Custom {
                let scopes = Scopes::parse(&preset.scope_text()).unwrap();
                assert_eq!(scopes.len(), preset.scope_urls().len());
            }
        }
        assert_eq!(Preset::from_id("nope"), None);
    }
}
