//! Scopes (RFC 6749 §3.3: space-delimited `scope-token`s) and the presets for the connectors
//! this page exists for: Azure Data Factory's BigQuery (V2 and legacy) and Google Ads.

use std::fmt;

use super::types::InputError;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::google::presets::{BIGQUERY, DRIVE};

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
}
