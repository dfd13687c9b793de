//! The client form's context: the settings as typed, the client secret (in memory, as a
//! [`Secret`]), whether to remember the settings, and the form validated once per change for
//! every card and field that shows a problem. It owns the remembered settings in
//! `localStorage`, which never hold the secret.

use leptos::prelude::*;

use crate::browser::storage::{self, Area, SETTINGS_KEY};
use crate::form::{Field, FieldProblem, ProviderChoice, Restored, Settings};
use crate::google::presets::Preset;
use crate::oauth::{
    ClientSecret, FormRestore, InputError, ProviderKind, RedirectUri, Secret, ValidClient,
};
use crate::variant::ANY_PROVIDER;

/// The form, as every card sees it.
#[derive(Clone, Copy)]
pub struct FormState {
    pub settings: RwSignal<Settings>,
    /// The client secret as typed; never stored unless the user allows it for the redirect.
    pub secret: RwSignal<Secret>,
    /// Remember non-secret settings in `localStorage`.
    pub remember: RwSignal<bool>,
    /// This page's own address as a redirect URI (`None` when it cannot be one).
    pub page_redirect: StoredValue<Option<RedirectUri>>,
    /// The form validated: computed once per change, read by every field and card.
    pub valid: Memo<Result<ValidClient, Vec<FieldProblem>>>,
    /// What stops the sign-in before consent: the form's problems and a missing secret.
    pub before_consent: Memo<Vec<FieldProblem>>,
    /// Remembered values that change where or how the sign-in goes: shown, never silent.
    pub restored: StoredValue<Vec<Restored>>,
    /// What a shared link set that steers the sign-in: shown as the link's.
    pub linked: StoredValue<Vec<Restored>>,
    /// A link's values are not remembered until the user goes on with them (or touches
    /// "Remember"): opening a link never rewrites what this computer remembers.
    pub hold: RwSignal<bool>,
    /// Every field's problem shows, typed in or not: set when the user tries to go on.
    pub show_problems: RwSignal<bool>,
}

impl FormState {
    /// The form, with remembered settings if the user asked for them.
    pub fn new(page_redirect: Option<RedirectUri>) -> Self {
        let remembered = storage::get(Area::Local, SETTINGS_KEY)
            .ok()
            .flatten()
            .and_then(|json| serde_json::from_str::<Settings>(&json).ok())
            .map(|s| s.for_build(ANY_PROVIDER));
        // Anything on this origin can write localStorage: what comes from there and steers the
        // sign-in is shown open and marked, never used silently.
        let restored = remembered
            .as_ref()
            .map(Settings::restored)
            .unwrap_or_default();
        // On an origin other sites share, the secret is not kept across the redirect unless
        // the user ticks it (SECURITY.md, "Origin isolation").
        let shared = page_redirect
            .as_ref()
            .and_then(|p| p.url().host_str())
            .is_some_and(crate::form::shared_origin);
        let settings = RwSignal::new(remembered.clone().unwrap_or_else(|| Settings {
            keep_secret: !shared,
            ..Settings::default()
        }));
        let secret = RwSignal::new(Secret::new(String::new()));
        let page_redirect = StoredValue::new(page_redirect);
        let valid = Memo::new(move |_| {
            let page = page_redirect.get_value();
            settings
                .read()
                .validate(page.as_ref(), secret.read().expose())
        });
        // Built on `valid`: the form is validated once per change.
        let before_consent = Memo::new(move |_| {
            valid.with(|v| settings.read().consent_problems(v, secret.read().expose()))
        });
        let form = Self {
            settings,
            secret,
            remember: RwSignal::new(remembered.is_some()),
            page_redirect,
            valid,
            before_consent,
            restored: StoredValue::new(restored),
            linked: StoredValue::new(Vec::new()),
            hold: RwSignal::new(false),
            show_problems: RwSignal::new(false),
        };
        Effect::new(move |_| form.persist());
        form
    }

    /// The problem of one field, as a sentence, if it has one.
    pub fn problem(&self, field: Field) -> Option<String> {
        self.before_consent.with(|problems| {
            problems
                .iter()
                .find(|p| p.field == field)
                .map(|p| crate::messages::field_problem(&p.error))
                .map(|e| format!("{} {}", e.why, e.fix))
        })
    }

    /// The secret field as a typed secret, if filled in.
    pub fn typed_secret(&self) -> Result<Option<ClientSecret>, InputError> {
        let secret = self.secret.read_untracked();
        if secret.expose().trim().is_empty() {
            Ok(None)
        } else {
            ClientSecret::parse(secret.expose()).map(Some)
        }
    }

    /// Sets the secret field.
    pub fn set_secret(&self, value: &str) {
        self.secret.set(Secret::new(value));
    }

    /// Puts the sign-in's client back into the form after the page reloaded on return.
    pub fn restore(&self, restore: &FormRestore) {
        let page = self.page_redirect.get_value();
        self.settings.update(|s| {
            s.client_id = restore.client_id.as_str().to_owned();
            s.scopes = restore.scopes.to_param();
            // The preset names the task: the page comes back to what the user came for.
            let purpose = restore.purpose.as_ref().map(|p| p.as_str());
            s.preset = Preset::of_sign_in(purpose, &restore.scopes).id().to_owned();
            s.prompt = restore.prompt.id().to_owned();
            s.redirect_override = if page.as_ref() == Some(&restore.redirect_uri) {
                String::new()
            } else {
                restore.redirect_uri.as_str().to_owned()
            };
            let p = &restore.provider;
            if p.kind == ProviderKind::Custom {
                let text = |e: &Option<crate::oauth::Endpoint>| {
                    e.as_ref()
                        .map(|e| e.as_str().to_owned())
                        .unwrap_or_default()
                };
                s.provider = ProviderChoice::Custom;
                s.authorization_endpoint = p.authorization.as_str().to_owned();
                s.token_endpoint = p.token.as_str().to_owned();
                s.revocation_endpoint = text(&p.revocation);
                s.tokeninfo_endpoint = text(&p.tokeninfo);
                s.bigquery_endpoint = text(&p.bigquery);
                s.issuer = p.issuer.clone().unwrap_or_default();
            } else {
                s.provider = ProviderChoice::Google;
            }
            *s = std::mem::take(s).for_build(ANY_PROVIDER);
        });
        if let Some(secret) = &restore.client_secret {
            self.set_secret(secret.expose());
        }
    }

    /// Writes or clears the remembered settings.
    /// Applies a shared link's query (before the first render): its values are marked as the
    /// link's and not remembered until the user goes on.
    pub fn apply_link(&self, query: &str) {
        let mut set = Vec::new();
        self.settings.update(|s| set = s.apply_link(query));
        if !set.is_empty() {
            self.linked.set_value(set);
            self.hold.set(true);
        }
    }

    fn persist(&self) {
        if self.hold.get() {
            return;
        }
        if self.remember.get() {
            if let Ok(json) = serde_json::to_string(&*self.settings.read()) {
                let _ = storage::set(Area::Local, SETTINGS_KEY, &json);
            }
        } else {
            let _ = storage::remove(Area::Local, SETTINGS_KEY);
        }
    }
}

/// The form; every card is inside `App`, which provides it.
pub fn use_form() -> FormState {
    expect_context::<FormState>()
}
