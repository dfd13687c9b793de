//! What the refresh token is for: Google's scopes for Azure Data Factory's connectors,
//! grouped as presets. Scope URLs from Google's "OAuth 2.0 Scopes for Google APIs" page.

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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth::Scopes;

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
