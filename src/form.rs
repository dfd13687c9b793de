//! The client form as plain data, and its validation into a client the flow can use.
//! The form holds text exactly as typed; [`Settings::validate`] turns it into typed values or
//! a list of field problems, each a typed error the messages explain. `Settings` holds nothing secret, so it is what
//! "remember these settings" stores; a shared link may set a few of its fields. Pure, so the
//! rules are tested natively; the page binds its inputs to it.

use serde::{Deserialize, Serialize};

use crate::google::presets::Preset;
use crate::oauth::{
    ClientId, ClientSecret, CustomEndpoints, InputError, LoginHint, Prompt, Provider, Purpose,
    RedirectUri, Scopes, UrlError, ValidClient,
};

/// Which provider the form targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProviderChoice {
    #[default]
    Google,
    Custom,
}

/// Every non-secret field of the client form, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub preset: String,
    pub client_id: String,
    pub scopes: String,
    pub provider: ProviderChoice,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub revocation_endpoint: String,
    pub tokeninfo_endpoint: String,
    pub bigquery_endpoint: String,
    /// The custom provider's issuer identifier (RFC 9207); empty when unknown.
    pub issuer: String,
    /// Empty: this page's own address.
    pub redirect_override: String,
    pub prompt: String,
    pub login_hint: String,
    pub include_granted_scopes: bool,
    pub pkce: bool,
    pub keep_secret: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            preset: Preset::AdfBigQuery.id().into(),
            client_id: String::new(),
            scopes: Preset::AdfBigQuery.scope_text(),
            provider: ProviderChoice::Google,
            authorization_endpoint: String::new(),
            token_endpoint: String::new(),
            revocation_endpoint: String::new(),
            tokeninfo_endpoint: String::new(),
            bigquery_endpoint: String::new(),
            issuer: String::new(),
            redirect_override: String::new(),
            prompt: Prompt::Consent.id().into(),
            login_hint: String::new(),
            include_granted_scopes: false,
            pkce: true,
            keep_secret: true,
        }
    }
}

/// Whether a page at `host` shares its origin with pages it does not control: every
/// repository of a GitHub user is served from `<user>.github.io`, and any of them can read
/// this page's storage. There the client secret is not kept across the redirect by default.
pub fn shared_origin(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host.ends_with(".github.io")
}

/// A remembered setting that changes where or how the sign-in goes. Anything on this site's
/// origin can write `localStorage`, so such a value is shown as restored, never used silently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Restored {
    /// A redirect URI other than this page.
    RedirectUri,
    /// A `prompt` other than `consent`.
    Prompt,
    /// A `login_hint`.
    LoginHint,
    /// Scopes other than the preset's.
    Scopes,
    /// PKCE off (the any-provider build only; the Google-only build always uses it).
    PkceOff,
    /// Another provider's endpoints (the any-provider build only).
    Provider,
    /// `include_granted_scopes`: the token also carries what the account granted before.
    IncludeGrantedScopes,
    /// A client ID (from a shared link: it names the app the user consents to).
    ClientId,
}

impl Restored {
    /// Whether the Advanced section holds this setting.
    pub fn is_advanced(self) -> bool {
        !matches!(self, Restored::Scopes | Restored::ClientId)
    }
}

/// A form field, for attaching a problem to the right input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    ClientId,
    ClientSecret,
    Scopes,
    AuthorizationEndpoint,
    TokenEndpoint,
    RevocationEndpoint,
    TokeninfoEndpoint,
    BigQueryEndpoint,
    Issuer,
    RedirectUri,
    LoginHint,
}

/// One field's problem: the messages explain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: Field,
    pub error: FieldError,
}

/// What is wrong with a field's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    Input(InputError),
    Url(UrlError),
    /// Google's token endpoint takes a Web application client's code only with its secret,
    /// even with PKCE (`invalid_request` "client_secret is missing."): the sign-in stops here,
    /// not after consent.
    SecretNeeded,
}

impl Settings {
    pub fn preset(&self) -> Preset {
        Preset::from_id(&self.preset).unwrap_or(Preset::Custom)
    }

    pub fn prompt(&self) -> Prompt {
        Prompt::from_id(&self.prompt).unwrap_or_default()
    }

    /// Selecting a preset replaces the scopes with the preset's.
    pub fn select_preset(&mut self, preset: Preset) {
        self.preset = preset.id().into();
        if preset != Preset::Custom {
            self.scopes = preset.scope_text();
        }
    }

    /// Applies a shared link's query. A link may set the client ID, the preset and the scopes,
    /// and nothing else: never an endpoint, a redirect URI or a secret, so a link cannot
    /// make the page send anything anywhere.
    /// Returns what the link set that steers the sign-in, to be shown as the link's.
    pub fn apply_link(&mut self, query: &str) -> Vec<Restored> {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut set = Vec::new();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let what = match key.as_ref() {
                "client_id" => {
                    self.client_id = value.trim().to_owned();
                    Restored::ClientId
                }
                "preset" => match Preset::from_id(&value) {
                    Some(preset) => {
                        self.select_preset(preset);
                        Restored::Scopes
                    }
                    None => continue,
                },
                "scope" => {
                    self.scopes = value.trim().to_owned();
                    self.preset = Preset::Custom.id().into();
                    Restored::Scopes
                }
                _ => continue,
            };
            if !set.contains(&what) {
                set.push(what);
            }
        }
        set
    }

    /// The remembered values that change where or how the sign-in goes, to be shown.
    pub fn restored(&self) -> Vec<Restored> {
        let defaults = Settings::default();
        let preset = self.preset();
        [
            (Restored::Provider, self.is_custom()),
            (
                Restored::RedirectUri,
                !self.redirect_override.trim().is_empty(),
            ),
            (Restored::Prompt, self.prompt() != defaults.prompt()),
            (Restored::LoginHint, !self.login_hint.trim().is_empty()),
            (
                Restored::Scopes,
                preset == Preset::Custom || self.scopes != preset.scope_text(),
            ),
            (Restored::PkceOff, !self.pkce),
            (Restored::IncludeGrantedScopes, self.include_granted_scopes),
        ]
        .into_iter()
        .filter_map(|(restored, differs)| differs.then_some(restored))
        .collect()
    }

    /// The settings as a build may use them: the Google-only build drops a custom provider
    /// and its endpoints, whether remembered or imported, so nothing can point it elsewhere,
    /// and always uses PKCE (RFC 9700 §2.1.1), whatever was remembered.
    pub fn for_build(mut self, any_provider: bool) -> Self {
        if !any_provider {
            let defaults = Settings::default();
            self.pkce = true;
            self.provider = ProviderChoice::Google;
            self.authorization_endpoint = defaults.authorization_endpoint;
            self.token_endpoint = defaults.token_endpoint;
            self.revocation_endpoint = defaults.revocation_endpoint;
            self.tokeninfo_endpoint = defaults.tokeninfo_endpoint;
            self.bigquery_endpoint = defaults.bigquery_endpoint;
            self.issuer = defaults.issuer;
        }
        self
    }

    /// Whether these settings point at a provider other than Google.
    pub fn is_custom(&self) -> bool {
        self.provider == ProviderChoice::Custom
    }

    /// A link to this page that fills in the client ID and scopes (nothing secret).
    pub fn share_link(&self, page: &RedirectUri) -> String {
        let mut pairs = Vec::new();
        if !self.client_id.trim().is_empty() {
            pairs.push(("client_id", self.client_id.trim()));
        }
        match self.preset() {
            Preset::Custom => pairs.push(("scope", self.scopes.trim())),
            preset => pairs.push(("preset", preset.id())),
        }
        page.url().with_pairs(pairs).into()
    }

    /// The provider the form describes (Google, or the custom endpoints).
    pub fn provider(&self) -> Result<Provider, UrlError> {
        match self.provider {
            ProviderChoice::Google => Ok(Provider::google()),
            ProviderChoice::Custom => Provider::custom(&CustomEndpoints {
                authorization: &self.authorization_endpoint,
                token: &self.token_endpoint,
                revocation: &self.revocation_endpoint,
                tokeninfo: &self.tokeninfo_endpoint,
                bigquery: &self.bigquery_endpoint,
                issuer: &self.issuer,
            }),
        }
    }

    /// The redirect URI in use: the override if given, else this page's.
    pub fn redirect_uri(&self, page: Option<&RedirectUri>) -> Result<RedirectUri, UrlError> {
        if self.redirect_override.trim().is_empty() {
            page.cloned().ok_or(UrlError::Empty {
                field: "Redirect URI",
            })
        } else {
            RedirectUri::parse(&self.redirect_override)
        }
    }

    /// Checks every field; all problems at once, so the user fixes them in one go.
    pub fn validate(
        &self,
        page_redirect: Option<&RedirectUri>,
        secret: &str,
    ) -> Result<ValidClient, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let p = &mut problems;
        let client_id = input(p, Field::ClientId, ClientId::parse(&self.client_id));
        let client_secret = if secret.trim().is_empty() {
            None
        } else {
            input(p, Field::ClientSecret, ClientSecret::parse(secret))
        };
        let scopes = input(p, Field::Scopes, Scopes::parse(&self.scopes));
        let login_hint = if self.login_hint.trim().is_empty() {
            Some(None)
        } else {
            input(p, Field::LoginHint, LoginHint::parse(&self.login_hint)).map(Some)
        };
        let provider = url(p, self.provider());
        let redirect_uri = url(p, self.redirect_uri(page_redirect));
        match (client_id, scopes, login_hint, provider, redirect_uri) {
            (
                Some(client_id),
                Some(scopes),
                Some(login_hint),
                Some(provider),
                Some(redirect_uri),
            ) if problems.is_empty() => Ok(ValidClient {
                provider,
                client_id,
                client_secret,
                scopes,
                redirect_uri,
                prompt: self.prompt(),
                login_hint,
                include_granted_scopes: self.include_granted_scopes,
                pkce: self.pkce,
                keep_secret: self.keep_secret,
                purpose: Purpose::parse(self.preset().id()),
            }),
            _ => Err(problems),
        }
    }
}

impl Settings {
    /// Every problem that stops the sign-in before consent, in the fields' order: the form's
    /// (`validated`, what [`Settings::validate`] said of it) and Google's client without its
    /// secret. (The consent URL itself needs no secret: a copied one is exchanged later, with
    /// the secret typed on return.)
    pub fn consent_problems(
        &self,
        validated: &Result<ValidClient, Vec<FieldProblem>>,
        secret: &str,
    ) -> Vec<FieldProblem> {
        let mut problems = validated.as_ref().err().cloned().unwrap_or_default();
        if self.provider == ProviderChoice::Google && secret.trim().is_empty() {
            let at = problems
                .iter()
                .position(|p| p.field != Field::ClientId)
                .unwrap_or(problems.len());
            problems.insert(
                at,
                FieldProblem {
                    field: Field::ClientSecret,
                    error: FieldError::SecretNeeded,
                },
            );
        }
        problems
    }
}

fn input<T>(problems: &mut Vec<FieldProblem>, field: Field, r: Result<T, InputError>) -> Option<T> {
    r.map_err(|e| {
        problems.push(FieldProblem {
            field,
            error: FieldError::Input(e),
        })
    })
    .ok()
}

fn url<T>(problems: &mut Vec<FieldProblem>, r: Result<T, UrlError>) -> Option<T> {
    r.map_err(|e| {
        let field = match &e {
            UrlError::Empty { field }
            | UrlError::NotAUrl { field, .. }
            | UrlError::Scheme { field, .. }
            | UrlError::InsecureHttp { field }
            | UrlError::Fragment { field }
            | UrlError::Credentials { field }
            | UrlError::Wildcard { field } => field_of(field),
        };
        problems.push(FieldProblem {
            field,
            error: FieldError::Url(e),
        })
    })
    .ok()
}

fn field_of(name: &str) -> Field {
    match name {
        "Authorization endpoint" => Field::AuthorizationEndpoint,
        "Token endpoint" => Field::TokenEndpoint,
        "Revocation endpoint" => Field::RevocationEndpoint,
        "Tokeninfo endpoint" => Field::TokeninfoEndpoint,
        "BigQuery endpoint" => Field::BigQueryEndpoint,
        "Issuer" => Field::Issuer,
        _ => Field::RedirectUri,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth::Attempt;

    fn page() -> RedirectUri {
        RedirectUri::parse("https://tools.example.com/rt/").unwrap()
    }

    #[test]
    fn defaults_target_adf_bigquery_on_google_with_pkce_and_forced_consent() {
        let s = Settings::default();
        assert_eq!(s.preset(), Preset::AdfBigQuery);
        assert_eq!(s.scopes, crate::google::presets::BIGQUERY);
        assert_eq!(s.prompt(), Prompt::Consent);
        assert!(s.pkce && s.keep_secret);
    }

    fn consent_problems(s: &Settings, secret: &str) -> Vec<FieldProblem> {
        s.consent_problems(&s.validate(Some(&page()), secret), secret)
    }

    #[test]
    fn google_needs_the_secret_before_consent_and_says_so_at_its_field() {
        let s = Settings {
            client_id: "1-a.apps.googleusercontent.com".into(),
            ..Settings::default()
        };
        assert!(
            s.validate(Some(&page()), "").is_ok(),
            "the URL needs no secret"
        );
        assert_eq!(
            consent_problems(&s, " "),
            [FieldProblem {
                field: Field::ClientSecret,
                error: FieldError::SecretNeeded
            }]
        );
        assert_eq!(consent_problems(&s, "GOCSPX-x"), []);
        // After the client ID's problem, before the others: the order of the fields.
        let bad = Settings {
            client_id: String::new(),
            scopes: " ".into(),
            ..Settings::default()
        };
        let fields: Vec<Field> = consent_problems(&bad, "").iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [Field::ClientId, Field::ClientSecret, Field::Scopes]
        );
        // Another provider's client may be public: no secret needed.
        let custom = Settings {
            client_id: "cid".into(),
            provider: ProviderChoice::Custom,
            authorization_endpoint: "https://idp.example/auth".into(),
            token_endpoint: "https://idp.example/token".into(),
            ..Settings::default()
        };
        assert_eq!(consent_problems(&custom, ""), []);
    }

    #[test]
    fn validates_a_complete_form() {
        let s = Settings {
            client_id: " 1-a.apps.googleusercontent.com ".into(),
            ..Settings::default()
        };
        let valid = s.validate(Some(&page()), "GOCSPX-x").unwrap();
        assert_eq!(valid.client_id.as_str(), "1-a.apps.googleusercontent.com");
        assert_eq!(valid.redirect_uri, page());
        assert!(valid.client_secret.is_some());
        assert!(valid.provider.is_google());
        let without_secret = s.validate(Some(&page()), "  ").unwrap();
        assert!(without_secret.client_secret.is_none());
    }

    #[test]
    fn lists_every_problem_with_its_field() {
        let s = Settings {
            client_id: String::new(),
            scopes: " ".into(),
            provider: ProviderChoice::Custom,
            authorization_endpoint: "https://idp.example/auth".into(),
            token_endpoint: "http://idp.example/token".into(),
            redirect_override: "https://x.example/#frag".into(),
            ..Settings::default()
        };
        let problems = s.validate(Some(&page()), "has space").unwrap_err();
        let fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                Field::ClientId,
                Field::ClientSecret,
                Field::Scopes,
                Field::TokenEndpoint,
                Field::RedirectUri
            ]
        );
        assert!(problems
            .iter()
            .all(|p| !crate::messages::field_problem(&p.error).fix.is_empty()));
    }

    #[test]
    fn the_page_must_be_a_redirect_target_unless_overridden() {
        let s = Settings {
            client_id: "cid".into(),
            ..Settings::default()
        };
        let problems = s.validate(None, "").unwrap_err();
        assert_eq!(problems[0].field, Field::RedirectUri);
        let manual = Settings {
            redirect_override: "http://localhost".into(),
            ..s
        };
        assert_eq!(
            manual.validate(None, "").unwrap().redirect_uri.as_str(),
            "http://localhost"
        );
    }

    #[test]
    fn presets_fill_scopes_and_custom_keeps_them() {
        let mut s = Settings::default();
        s.select_preset(Preset::GoogleAds);
        assert_eq!(s.scopes, crate::google::presets::ADWORDS);
        s.scopes = "openid email".into();
        s.select_preset(Preset::Custom);
        assert_eq!(s.scopes, "openid email");
    }

    #[test]
    fn settings_round_trip_as_json_and_tolerate_missing_fields() {
        let s = Settings {
            client_id: "cid".into(),
            provider: ProviderChoice::Custom,
            ..Settings::default()
        };
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<Settings>(&json).unwrap(), s);
        let partial: Settings = serde_json::from_str(r#"{"client_id":"x"}"#).unwrap();
        assert_eq!(partial.client_id, "x");
        assert!(partial.pkce);
    }

    #[test]
    fn a_link_sets_client_preset_and_scopes_only() {
        let mut s = Settings::default();
        s.apply_link(
            "?client_id=42-x.apps.googleusercontent.com&preset=google-ads\
             &token_endpoint=http%3A%2F%2Fevil.example%2F&provider=custom&client_secret=s\
             &redirect_override=https%3A%2F%2Fevil.example%2F&authorization_endpoint=x",
        );
        assert_eq!(s.client_id, "42-x.apps.googleusercontent.com");
        assert_eq!(s.preset(), Preset::GoogleAds);
        assert_eq!(s.provider, ProviderChoice::Google);
        assert!(s.token_endpoint.is_empty() && s.redirect_override.is_empty());
        assert!(s.authorization_endpoint.is_empty());

        let link = s.share_link(&page());
        assert_eq!(
            link,
            "https://tools.example.com/rt/?client_id=42-x.apps.googleusercontent.com&preset=google-ads"
        );
        let mut back = Settings::default();
        back.apply_link(link.split_once('?').unwrap().1);
        assert_eq!(back.client_id, s.client_id);
        assert_eq!(back.scopes, s.scopes);

        let mut custom = Settings::default();
        custom.apply_link("scope=openid%20email&preset=nope");
        assert_eq!(custom.preset(), Preset::Custom);
        assert_eq!(custom.scopes, "openid email");
    }

    #[test]
    fn the_google_only_build_drops_a_remembered_custom_provider() {
        let planted = Settings {
            client_id: "cid".into(),
            provider: ProviderChoice::Custom,
            authorization_endpoint: "https://accounts.google.com/o/oauth2/v2/auth".into(),
            token_endpoint: "https://collector.example/token".into(),
            issuer: "https://accounts.google.com".into(),
            pkce: false,
            ..Settings::default()
        };
        let google_only = planted.clone().for_build(false);
        assert_eq!(google_only.provider, ProviderChoice::Google);
        assert!(google_only.pkce);
        assert!(google_only.token_endpoint.is_empty() && google_only.issuer.is_empty());
        assert_eq!(google_only.client_id, "cid");
        assert!(google_only.provider().unwrap().is_google());
        assert_eq!(planted.clone().for_build(true), planted);
    }

    #[test]
    fn restored_values_that_steer_the_sign_in_are_named() {
        assert_eq!(Settings::default().restored(), []);
        let plain = Settings {
            client_id: "cid".into(),
            keep_secret: false,
            ..Settings::default()
        };
        assert_eq!(
            plain.restored(),
            [],
            "a remembered client ID steers nothing"
        );
        // include_granted_scopes widens what the token grants: marked too.
        let widened = Settings {
            include_granted_scopes: true,
            ..Settings::default()
        };
        assert_eq!(widened.restored(), [Restored::IncludeGrantedScopes]);
        assert!(Restored::IncludeGrantedScopes.is_advanced());
        let mut ads = Settings::default();
        ads.select_preset(Preset::GoogleAds);
        assert_eq!(ads.restored(), []);
        let planted = Settings {
            provider: ProviderChoice::Custom,
            redirect_override: "https://evil.example/".into(),
            prompt: Prompt::Omitted.id().into(),
            login_hint: "victim@example.com".into(),
            scopes: format!("{} openid", crate::google::presets::BIGQUERY),
            pkce: false,
            ..Settings::default()
        };
        assert_eq!(
            planted.restored(),
            [
                Restored::Provider,
                Restored::RedirectUri,
                Restored::Prompt,
                Restored::LoginHint,
                Restored::Scopes,
                Restored::PkceOff
            ]
        );
        assert_eq!(
            planted.for_build(false).restored(),
            [
                Restored::RedirectUri,
                Restored::Prompt,
                Restored::LoginHint,
                Restored::Scopes
            ]
        );
    }

    #[test]
    fn a_links_values_are_named_as_the_links() {
        let mut s = Settings::default();
        assert_eq!(s.apply_link("?utm_source=mail"), []);
        assert_eq!(
            s.apply_link("?client_id=123-abc.apps.googleusercontent.com&scope=openid&preset=google-ads&scope=email"),
            [Restored::ClientId, Restored::Scopes]
        );
        assert!(!Restored::ClientId.is_advanced());
    }

    #[test]
    fn a_github_io_origin_is_shared() {
        assert!(shared_origin("someone.github.io"));
        assert!(shared_origin("Someone.GitHub.io."));
        assert!(!shared_origin("tools.example.com"));
        assert!(!shared_origin("github.io.example.com"));
        assert!(!shared_origin("127.0.0.1"));
    }

    #[test]
    fn consent_url_uses_the_attempts_values() {
        let s = Settings {
            client_id: "cid".into(),
            pkce: false,
            ..Settings::default()
        };
        let valid = s.validate(Some(&page()), "").unwrap();
        let attempt = Attempt::generate().unwrap();
        let url = valid.consent_url(&attempt);
        let state = url.query_pairs().find(|(k, _)| k == "state").unwrap().1;
        assert_eq!(state, attempt.state.as_str());
        assert!(!url.as_str().contains("code_challenge"));
    }
}
