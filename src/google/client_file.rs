//! Google's downloadable client file (`client_secret_….json`): `{"web": {…}}` for "Web
//! application" clients, `{"installed": {…}}` for Desktop ones. Importing it fills the client
//! ID and secret, and says whether this page's redirect URI is registered.

use serde::Deserialize;
use thiserror::Error;

use crate::oauth::endpoint::{RedirectDifference, RedirectUri};
use crate::oauth::types::{ClientId, ClientSecret, InputError};

/// Something worth telling about an imported client file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientFileNote {
    /// A Desktop ("installed") client: its redirects go to loopback, not to this page.
    DesktopClient,
    /// This page's redirect URI is not registered; the closest one is, and how it differs.
    RedirectNotRegistered {
        page: RedirectUri,
        closest: Option<Box<(RedirectUri, RedirectDifference)>>,
    },
}

/// The two client types the console downloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientKind {
    Web,
    Installed,
}

/// What the file says.
#[derive(Debug, Clone)]
pub struct ClientFile {
    pub kind: ClientKind,
    pub client_id: ClientId,
    pub client_secret: Option<ClientSecret>,
    pub redirect_uris: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ClientFileError {
    #[error("the file is not JSON")]
    NotJson,
    #[error("the file has neither a \"web\" nor an \"installed\" client")]
    NotAClientFile,
    #[error("the client in the file is not valid: {0}")]
    Input(#[from] InputError),
}

#[derive(Deserialize)]
struct Inner {
    client_id: String,
    client_secret: Option<String>,
    #[serde(default)]
    redirect_uris: Vec<String>,
}

#[derive(Deserialize)]
struct Outer {
    web: Option<Inner>,
    installed: Option<Inner>,
}

impl ClientFile {
    pub fn parse(json: &str) -> Result<Self, ClientFileError> {
        let outer: Outer = serde_json::from_str(json).map_err(|e| {
            if e.is_data() {
                ClientFileError::NotAClientFile
            } else {
                ClientFileError::NotJson
            }
        })?;
        let (kind, inner) = match (outer.web, outer.installed) {
            (Some(web), _) => (ClientKind::Web, web),
            (None, Some(installed)) => (ClientKind::Installed, installed),
            (None, None) => return Err(ClientFileError::NotAClientFile),
        };
        Ok(Self {
            kind,
            client_id: ClientId::parse(&inner.client_id)?,
            client_secret: inner
                .client_secret
                .as_deref()
                .filter(|s| !s.trim().is_empty())
                .map(ClientSecret::parse)
                .transpose()?,
            redirect_uris: inner.redirect_uris,
        })
    }

    /// What is worth telling about this file for a page at `page` (the redirect URI in use).
    pub fn check(&self, page: Option<&RedirectUri>) -> Vec<ClientFileNote> {
        let mut notes = Vec::new();
        if self.kind == ClientKind::Installed {
            notes.push(ClientFileNote::DesktopClient);
            return notes;
        }
        let Some(page) = page else { return notes };
        if self.redirect_uris.iter().any(|r| r == page.as_str()) {
            return notes;
        }
        let registered: Vec<RedirectUri> = self
            .redirect_uris
            .iter()
            .filter_map(|r| RedirectUri::parse(r).ok())
            .collect();
        let closest = registered
            .iter()
            .filter_map(|r| page.difference(r).map(|d| (r, d)))
            .min_by_key(|(_, d)| rank(d));
        notes.push(ClientFileNote::RedirectNotRegistered {
            page: page.clone(),
            closest: closest.map(|(r, d)| Box::new((r.clone(), d))),
        });
        notes
    }
}

/// Closer differences first: a slash or a port beats another host.
fn rank(d: &RedirectDifference) -> u8 {
    match d {
        RedirectDifference::Spelling { .. } => 0,
        RedirectDifference::TrailingSlash { .. } => 1,
        RedirectDifference::Port { .. } => 2,
        RedirectDifference::LoopbackName { .. } => 3,
        RedirectDifference::Query { .. } => 4,
        RedirectDifference::Path { .. } => 5,
        RedirectDifference::Scheme { .. } => 6,
        RedirectDifference::Host { .. } => 7,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(notes: Vec<ClientFileNote>) -> Vec<crate::messages::Explanation> {
        notes
            .iter()
            .map(crate::messages::client_file_note)
            .collect()
    }

    const WEB: &str = r#"{"web":{"client_id":"1-a.apps.googleusercontent.com","project_id":"p",
        "auth_uri":"https://accounts.google.com/o/oauth2/auth","token_uri":"https://oauth2.googleapis.com/token",
        "client_secret":"GOCSPX-x","redirect_uris":["https://tools.example.com/rt/","http://localhost:8080/"]}}"#;

    fn page(uri: &str) -> RedirectUri {
        RedirectUri::parse(uri).unwrap()
    }

    #[test]
    fn reads_a_web_client_and_finds_this_page() {
        let file = ClientFile::parse(WEB).unwrap();
        assert_eq!(file.kind, ClientKind::Web);
        assert_eq!(file.client_id.as_str(), "1-a.apps.googleusercontent.com");
        assert_eq!(file.client_secret.as_ref().unwrap().expose(), "GOCSPX-x");
        assert!(file
            .check(Some(&page("https://tools.example.com/rt/")))
            .is_empty());
    }

    #[test]
    fn names_the_nearest_registered_uri_and_how_it_differs() {
        let file = ClientFile::parse(WEB).unwrap();
        let notes = said(file.check(Some(&page("http://127.0.0.1:8080/"))));
        assert_eq!(notes.len(), 1);
        assert!(notes[0].what.contains("http://127.0.0.1:8080/"));
        assert!(
            notes[0].why.contains("http://localhost:8080/"),
            "{}",
            notes[0].why
        );
        assert!(notes[0].why.contains("same machine"));
        let slash = said(file.check(Some(&page("https://tools.example.com/rt"))));
        assert!(slash[0].why.contains("trailing slash"), "{}", slash[0].why);
    }

    #[test]
    fn warns_about_desktop_clients_and_bad_files() {
        let installed = ClientFile::parse(
            r#"{"installed":{"client_id":"2-b.apps.googleusercontent.com","client_secret":"GOCSPX-y","redirect_uris":["http://localhost"]}}"#,
        )
        .unwrap();
        assert_eq!(installed.kind, ClientKind::Installed);
        assert!(said(installed.check(None))[0].what.contains("Desktop"));
        assert_eq!(
            ClientFile::parse("nope").unwrap_err(),
            ClientFileError::NotJson
        );
        assert_eq!(
            ClientFile::parse("{}").unwrap_err(),
            ClientFileError::NotAClientFile
        );
        assert!(matches!(
            ClientFile::parse(r#"{"web":{"client_id":"a b"}}"#),
            Err(ClientFileError::Input(_))
        ));
    }
}
