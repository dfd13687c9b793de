//! Step 2, "Your client": client ID and secret, what the token is for, the Advanced options.

use leptos::prelude::*;

#[cfg(any_provider)]
use crate::form::ProviderChoice;
use crate::form::{Field, Restored, Settings};
use crate::google::presets::Preset;
use crate::oauth::Prompt;
use crate::ui::kit::copy_button::CopyButton;
use crate::ui::kit::field::{described_by, Labelled};
use crate::ui::kit::secret_field::SecretField;
use crate::ui::sign_in::client_file_import::ClientFileImport;
use crate::ui::sign_in::steps::NextStep;
use crate::ui::state::form::{use_form, FormState};
use crate::ui::state::guide::{use_guide, Step};
use crate::ui::state::later::Deferred;
use crate::ui::state::status::{use_status, Status};

/// A labelled text input bound to one field of the settings.
#[component]
fn TextField(
    /// The input's `id`.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// Reads the field from the settings.
    get: fn(&Settings) -> &String,
    /// Writes the field into the settings.
    set: fn(&mut Settings, String),
    /// The field, for its problem message.
    field: Field,
    /// Help under the input.
    #[prop(optional)]
    hint: &'static str,
    /// Placeholder text.
    #[prop(optional)]
    placeholder: &'static str,
) -> impl IntoView {
    let settings = use_form().settings;
    let problem = problem_of(field, move || !get(&settings.read()).trim().is_empty());
    view! {
        <Labelled id=id label=label hint=hint problem=problem>
            <input
                id=id
                type="text"
                autocomplete="off"
                spellcheck="false"
                placeholder=placeholder
                data-testid=id
                aria-describedby=described_by(id)
                aria-invalid=move || problem.get().is_some().to_string()
                prop:value=move || get(&settings.read()).clone()
                on:input=move |ev| settings.update(|s| set(s, event_target_value(&ev)))
            />
        </Labelled>
    }
}

/// The problem of `field`, shown once the user typed something there or tried to go on.
fn problem_of(
    field: Field,
    typed: impl Fn() -> bool + Send + Sync + 'static,
) -> Signal<Option<String>> {
    let form = use_form();
    Signal::derive(move || {
        if typed() || form.show_problems.get() {
            form.problem(field)
        } else {
            None
        }
    })
}

/// The provider choice and a custom provider's endpoints: only in the any-provider build.
#[cfg(any_provider)]
#[component]
fn ProviderFields() -> impl IntoView {
    let form = use_form();
    let settings = form.settings;
    let custom = move || settings.read().provider == ProviderChoice::Custom;
    view! {
        <Labelled id="provider" label="Provider">
            <select
                id="provider"
                aria-describedby=described_by("provider")
                data-testid=crate::testids::PROVIDER
                on:change=move |ev| {
                    let custom = event_target_value(&ev) == "custom";
                    settings.update(|s| s.provider = if custom { ProviderChoice::Custom } else { ProviderChoice::Google });
                }
            >
                <option value="google" selected=move || !custom()>"Google"</option>
                <option value="custom" selected=custom>"Another OAuth 2.0 provider"</option>
            </select>
        </Labelled>
        <Show when=custom>
            {form.restored.with_value(|r| r.contains(&Restored::Provider)).then(|| view! {
                <p class="warning" data-testid=crate::testids::RESTORED_ENDPOINTS>
                    "Restored from the settings remembered on this computer: check every endpoint "
                    "below before use. Anything on this site's origin can change remembered settings."
                </p>
            })}
            <TextField id=crate::testids::AUTHORIZATION_ENDPOINT label="Authorization endpoint" get=|s| &s.authorization_endpoint set=|s, v| s.authorization_endpoint = v field=Field::AuthorizationEndpoint placeholder="https://idp.example.com/oauth2/authorize" />
            <TextField id=crate::testids::TOKEN_ENDPOINT label="Token endpoint" get=|s| &s.token_endpoint set=|s, v| s.token_endpoint = v field=Field::TokenEndpoint placeholder="https://idp.example.com/oauth2/token" hint="Must allow this page's origin (CORS)." />
            <TextField id=crate::testids::REVOCATION_ENDPOINT label="Revocation endpoint (optional)" get=|s| &s.revocation_endpoint set=|s, v| s.revocation_endpoint = v field=Field::RevocationEndpoint />
            <TextField id=crate::testids::TOKENINFO_ENDPOINT label="Tokeninfo endpoint (optional)" get=|s| &s.tokeninfo_endpoint set=|s, v| s.tokeninfo_endpoint = v field=Field::TokeninfoEndpoint />
            <TextField id=crate::testids::ISSUER label="Issuer (optional)" get=|s| &s.issuer set=|s, v| s.issuer = v field=Field::Issuer placeholder="https://idp.example.com" hint="The provider's issuer identifier (its discovery document's “issuer”). A redirect that names another issuer is refused (RFC 9207)." />
            <TextField id=crate::testids::BIGQUERY_ENDPOINT label="BigQuery projects endpoint (optional)" get=|s| &s.bigquery_endpoint set=|s, v| s.bigquery_endpoint = v field=Field::BigQueryEndpoint hint="For “Test BigQuery access”; Google's is used with the Google provider." />
        </Show>
    }
}

/// The Google-only build has no provider choice: Google it is.
#[cfg(not(any_provider))]
#[component]
fn ProviderFields() -> impl IntoView {}

/// What came from the settings remembered on this computer and steers the sign-in: named, so
/// that nothing planted there is used without the user seeing it.
fn restored_mark(restored: Vec<Restored>) -> impl IntoView {
    settings_mark(
        restored,
        ", ",
        crate::testids::RESTORED_SETTINGS,
        "Restored from this computer",
        "Anything on this site's origin can change remembered settings.",
    )
}

/// What a shared link filled in and steers the sign-in: named, so that a link from anyone
/// is read before it is used, and not remembered until the user goes on.
fn linked_mark(linked: Vec<Restored>) -> impl IntoView {
    settings_mark(
        linked,
        " and ",
        crate::testids::LINKED_SETTINGS,
        "From the link you opened",
        "This computer remembers them only once you go on.",
    )
}

/// "<where they came from>: check <the settings> before you sign in. <why>", or nothing.
fn settings_mark(
    settings: Vec<Restored>,
    separator: &str,
    testid: &'static str,
    from: &'static str,
    why: &'static str,
) -> impl IntoView {
    let names = settings
        .into_iter()
        .map(crate::messages::restored_setting)
        .collect::<Vec<_>>()
        .join(separator);
    (!names.is_empty()).then(|| {
        view! {
            <p class="warning" data-testid=testid>
                {format!("{from}: check {names} before you sign in. ")}
                {why}
            </p>
        }
    })
}

/// PKCE: always on in the Google-only build; a visible, warned choice in the other.
#[cfg(any_provider)]
#[component]
fn PkceChoice() -> impl IntoView {
    let settings = use_form().settings;
    view! {
        <div class="check">
            <input
                id="pkce"
                type="checkbox"
                data-testid=crate::testids::PKCE
                aria-describedby="pkce-warning"
                prop:checked=move || settings.read().pkce
                on:change=move |ev| settings.update(|s| s.pkce = event_target_checked(&ev))
            />
            <label for="pkce">"Use PKCE (S256)"</label>
        </div>
        <p class="warning" id="pkce-warning" data-testid=crate::testids::PKCE_OFF_WARNING hidden=move || settings.read().pkce>
            "PKCE is off: a code that leaks on its way back (a log, a browser extension, a "
            "forwarded address) can be exchanged by whoever holds it. Turn it off only for a "
            "provider that refuses PKCE."
        </p>
    }
}

/// The Google-only build always uses PKCE: there is nothing to choose.
#[cfg(not(any_provider))]
#[component]
fn PkceChoice() -> impl IntoView {}

/// Step 2: the client, the scopes, and the advanced options.
#[component]
pub fn ClientCard() -> impl IntoView {
    let form = use_form();
    let guide = use_guide();
    let settings = form.settings;
    let restored = form.restored.get_value();
    let advanced_restored: Vec<Restored> = restored
        .iter()
        .copied()
        .filter(|r| r.is_advanced())
        .collect();
    let open_advanced = !advanced_restored.is_empty();
    let status = use_status();
    let linked = form.linked.get_value();
    let scopes_linked = linked.contains(&Restored::Scopes);
    let scopes_restored = restored.contains(&Restored::Scopes) && !scopes_linked;
    let secret_problem = problem_of(Field::ClientSecret, move || {
        !form.secret.read().expose().trim().is_empty()
    });
    let scopes_problem = problem_of(Field::Scopes, move || {
        settings.read().preset() == Preset::Custom
    });
    let checkbox = move |id: &'static str,
                         label: &'static str,
                         get: fn(&Settings) -> bool,
                         set: fn(&mut Settings, bool)| {
        view! {
            <div class="check">
                <input
                    id=id
                    type="checkbox"
                    data-testid=id
                    prop:checked=move || get(&settings.read())
                    on:change=move |ev| settings.update(|s| set(s, event_target_checked(&ev)))
                />
                <label for=id>{label}</label>
            </div>
        }
    };
    view! {
        <section class="card" aria-labelledby="client-title" data-testid=crate::testids::CLIENT_CARD>
            <h2 id="client-title">"2. Your OAuth client"</h2>
            {linked_mark(linked)}
            <ClientFileImport />
            <Labelled id="preset" label="What the token is for">
                <select
                    id="preset"
                    aria-describedby=described_by("preset")
                    data-testid=crate::testids::PRESET
                    on:change=move |ev| {
                        let id = event_target_value(&ev);
                        settings.update(|s| s.select_preset(Preset::from_id(&id).unwrap_or(Preset::Custom)));
                        guide.follow_scopes(&form);
                    }
                >
                    {Preset::ALL
                        .into_iter()
                        .map(|p| view! {
                            <option value=p.id() selected=move || settings.read().preset() == p>{p.label()}</option>
                        })
                        .collect_view()}
                </select>
            </Labelled>
            <TextField
                id=crate::testids::CLIENT_ID
                label="Client ID"
                get=|s| &s.client_id
                set=|s, v| s.client_id = v
                field=Field::ClientId
                placeholder="123456789012-abc….apps.googleusercontent.com"
                hint="From Google Auth Platform → Clients."
            />
            <SecretField
                id=crate::testids::CLIENT_SECRET
                label="Client secret"
                value=form.secret
                testid=crate::testids::CLIENT_SECRET
                problem=secret_problem
                hint="Kept in this tab's memory. Sent only to the token endpoint."
            />
            <Labelled id="scopes" label="Scopes" hint="Separated by spaces. Editing them switches to custom scopes." problem=scopes_problem
                note=(scopes_restored || scopes_linked).then(|| view! {
                    <p class="warning" data-testid=crate::testids::RESTORED_SCOPES>
                        {if scopes_linked { "From the link you opened" } else { "Restored from this computer" }}
                        ": check these scopes before you sign in."
                    </p>
                }).into_any()>
                <textarea
                    id="scopes"
                    rows="2"
                    spellcheck="false"
                    data-testid=crate::testids::SCOPES
                    aria-describedby=described_by("scopes")
                    prop:value=move || settings.read().scopes.clone()
                    on:input=move |ev| {
                        settings.update(|s| {
                            s.scopes = event_target_value(&ev);
                            s.preset = Preset::Custom.id().into();
                        });
                        guide.follow_scopes(&form);
                    }
                ></textarea>
            </Labelled>
            <div class="check">
                <input
                    id="remember"
                    type="checkbox"
                    data-testid=crate::testids::REMEMBER
                    prop:checked=move || form.remember.get()
                    on:change=move |ev| {
                        form.hold.set(false);
                        form.remember.set(event_target_checked(&ev));
                    }
                />
                <label for="remember">"Remember these settings on this computer (never the secret)"</label>
            </div>
            <details class="advanced" data-testid=crate::testids::ADVANCED open=open_advanced>
                <summary>"Advanced"</summary>
                {restored_mark(advanced_restored)}
                <Deferred>
                    <ProviderFields />
                    <TextField
                        id=crate::testids::REDIRECT_OVERRIDE
                        label="Redirect URI (leave empty to use this page)"
                        get=|s| &s.redirect_override
                        set=|s, v| s.redirect_override = v
                        field=Field::RedirectUri
                        placeholder="http://localhost"
                        hint="For the manual path: with http://localhost the browser ends on an error page whose address holds the code; paste it below."
                    />
                    <Labelled id="prompt" label="Prompt" hint="Without consent, Google returns a refresh token only the first time.">
                        <select
                            id="prompt"
                            aria-describedby=described_by("prompt")
                            data-testid=crate::testids::PROMPT
                            on:change=move |ev| {
                                let id = event_target_value(&ev);
                                settings.update(|s| s.prompt = id);
                            }
                        >
                            {Prompt::ALL
                                .into_iter()
                                .map(|p| view! {
                                    <option value=p.id() selected=move || settings.read().prompt() == p>
                                        {p.param().unwrap_or("(none: no prompt parameter)")}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                    </Labelled>
                    <TextField id="login-hint" label="Login hint (optional)" get=|s| &s.login_hint set=|s, v| s.login_hint = v field=Field::LoginHint placeholder="you@example.com" />
                    {checkbox("include-granted-scopes", "include_granted_scopes (incremental authorization)", |s| s.include_granted_scopes, |s, v| s.include_granted_scopes = v)}
                    <PkceChoice />
                    {checkbox(crate::testids::KEEP_SECRET, "Keep my client secret across the redirect (in this tab's session storage, deleted on return)", |s| s.keep_secret, |s, v| s.keep_secret = v)}
                </Deferred>
            </details>
            <NextStep to=Step::Consent ready=Callback::new(move |()| ready_for_consent(form, status)) />
            // After the step's button: a side errand, not a step of the sign-in.
            {form.page_redirect.get_value().map(|page| {
                let link = Signal::derive(move || settings.read().share_link(&page));
                view! {
                    <p class="hint">
                        "A link that fills in this client ID and these scopes for a colleague (never the secret or the endpoints): "
                        <CopyButton text=link what="settings link" testid=crate::testids::COPY_SETTINGS_LINK />
                    </p>
                }
            })}
        </section>
    }
}

/// Whether the client can go to consent; if not, every problem shows and the first field
/// with one takes the focus.
fn ready_for_consent(form: FormState, status: Status) -> bool {
    match form.before_consent.get_untracked() {
        problems if problems.is_empty() => {
            // Going on with a link's values is the user's choice of them.
            form.hold.set(false);
            true
        }
        problems => {
            form.show_problems.set(true);
            status.say(format!(
                "{} to fix before consent.",
                if problems.len() == 1 {
                    "One field".to_owned()
                } else {
                    format!("{} fields", problems.len())
                }
            ));
            if let Some(first) = problems.first() {
                crate::browser::focus::focus_on(&format!("#{}", input_id(first.field)));
            }
            false
        }
    }
}

/// The input of a field.
fn input_id(field: Field) -> &'static str {
    use crate::testids as t;
    match field {
        Field::ClientId => t::CLIENT_ID,
        Field::ClientSecret => t::CLIENT_SECRET,
        Field::Scopes => "scopes",
        Field::AuthorizationEndpoint => t::AUTHORIZATION_ENDPOINT,
        Field::TokenEndpoint => t::TOKEN_ENDPOINT,
        Field::RevocationEndpoint => t::REVOCATION_ENDPOINT,
        Field::TokeninfoEndpoint => t::TOKENINFO_ENDPOINT,
        Field::BigQueryEndpoint => t::BIGQUERY_ENDPOINT,
        Field::Issuer => t::ISSUER,
        Field::RedirectUri => t::REDIRECT_OVERRIDE,
        Field::LoginHint => "login-hint",
    }
}
