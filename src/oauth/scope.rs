//! Scopes (RFC 6749 §3.3: space-delimited `scope-token`s) and the presets for the connectors
//! this page exists for: Azure Data Factory's BigQuery (V2 and legacy) and Google Ads.

use std::fmt;

use super::types::InputError;

pub const BIGQUERY: &str = "https://www.googleapis.com/auth/bigquery";
pub const BIGQUERY_READONLY: &str = "https://www.googleapis.com/auth/bigquery.readonly";
pub const CLOUD_PLATFORM: &str = "https://www.googleapis.com/auth/cloud-platform";
pub const DRIVE: &str = "https://www.googleapis.com/auth/drive";
pub const ADWORDS: &str = "https://www.googleapis.com/auth/adwords";

/// One scope token: printable ASCII except space, `"` and `\`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Scope(String);

impl Scope {
    pub fn parse(raw: &str) -> Result<Self, InputError> {
        let field = "Scope";
        let value = super::types::vschar(field, raw, 2048)?;
        if let Some(ch) = value.chars().find(|c| matches!(c, '"' | '\\')) {
            return Err(InputError::InvalidChar { field, ch });
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Google answers with full URLs for the OpenID shorthands; both name the same grant.
    fn canonical(&self) -> &str {
        match self.0.as_str() {
            "email" => "https://www.googleapis.com/auth/userinfo.email",
            "profile" => "https://www.googleapis.com/auth/userinfo.profile",
            other => other,
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An ordered list of distinct scopes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scopes(Vec<Scope>);

impl Scopes {
    /// Reads scopes separated by spaces, commas or line breaks, as people paste them.
    /// Duplicates are dropped; at least one scope is required.
    pub fn parse(raw: &str) -> Result<Self, InputError> {
        let mut scopes = Vec::new();
        for token in raw.split(|c: char| c.is_whitespace() || c == ',') {
            if token.is_empty() {
                continue;
            }
            let scope = Scope::parse(token)?;
            if !scopes.contains(&scope) {
                scopes.push(scope);
            }
        }
        if scopes.is_empty() {
            return Err(InputError::Empty { field: "Scopes" });
        }
        Ok(Self(scopes))
    }

    pub fn iter(&self) -> impl Iterator<Item = &Scope> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, scope: &str) -> bool {
        self.0.iter().any(|s| s.as_str() == scope)
    }

    /// The `scope` parameter value: space-separated.
    pub fn to_param(&self) -> String {
        self.0
            .iter()
            .map(Scope::as_str)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The scopes of `self` (requested) that `granted` lacks: with Google's granular consent a
    /// user may untick some.
    pub fn missing_from(&self, granted: &Scopes) -> Vec<Scope> {
        self.0
            .iter()
            .filter(|want| !granted.0.iter().any(|g| g.canonical() == want.canonical()))
            .cloned()
            .collect()
    }
}

impl fmt::Display for Scopes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_param())
    }
}

/// What the refresh token is for; each preset names its scopes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    /// Azure Data Factory / Synapse `GoogleBigQueryV2` connector.
    AdfBigQuery,
    BigQueryReadOnly,
    /// The legacy `GoogleBigQuery` connector reading Drive-backed (Sheets) external tables.
    LegacyBigQueryDrive,
    /// The `GoogleAdWords` connector.
    GoogleAds,
    CloudPlatform,
    Custom,
}

impl Preset {
    pub const ALL: [Preset; 6] = [
        Preset::AdfBigQuery,
        Preset::BigQueryReadOnly,
        Preset::LegacyBigQueryDrive,
        Preset::GoogleAds,
        Preset::CloudPlatform,
        Preset::Custom,
    ];

    /// A stable identifier for links, storage and `<option value>`.
    pub fn id(self) -> &'static str {
        match self {
            Preset::AdfBigQuery => "adf-bigquery",
            Preset::BigQueryReadOnly => "bigquery-readonly",
            Preset::LegacyBigQueryDrive => "legacy-bigquery-drive",
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
            Preset::BigQueryReadOnly => "BigQuery, read-only",
            Preset::LegacyBigQueryDrive => "Azure Data Factory: BigQuery (legacy) + Drive",
            Preset::GoogleAds => "Azure Data Factory: Google Ads",
            Preset::CloudPlatform => "Google Cloud Platform (all services)",
            Preset::Custom => "Custom scopes",
        }
    }

    /// The scope URLs of this preset; empty for `Custom`.
    pub fn scope_urls(self) -> &'static [&'static str] {
        match self {
            Preset::AdfBigQuery => &[BIGQUERY],
            Preset::BigQueryReadOnly => &[BIGQUERY_READONLY],
            Preset::LegacyBigQueryDrive => &[BIGQUERY, DRIVE],
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

    #[test]
    fn parses_spaces_commas_and_newlines_and_drops_duplicates() {
        let scopes = Scopes::parse(&format!(" {BIGQUERY},\n{DRIVE} {BIGQUERY}\t")).unwrap();
        assert_eq!(scopes.to_param(), format!("{BIGQUERY} {DRIVE}"));
        assert_eq!(
            Scopes::parse(" ,\n"),
            Err(InputError::Empty { field: "Scopes" })
        );
        assert_eq!(
            Scopes::parse("a\"b").unwrap_err(),
            InputError::InvalidChar {
                field: "Scope",
                ch: '"'
            }
        );
    }

    #[test]
    fn finds_scopes_left_unticked_at_consent() {
        let requested = Scopes::parse(&format!("openid email {BIGQUERY} {DRIVE}")).unwrap();
        let granted = Scopes::parse(&format!(
            "https://www.googleapis.com/auth/userinfo.email openid {BIGQUERY}"
        ))
        .unwrap();
        let missing: Vec<_> = requested
            .missing_from(&granted)
            .into_iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(missing, vec![DRIVE.to_owned()]);
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
