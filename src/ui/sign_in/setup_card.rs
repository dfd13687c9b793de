//! Step 1, "Register the redirect": the redirect URI to register and how to create the client.

use leptos::prelude::*;

use crate::oauth::RedirectUri;
use crate::ui::kit::copy_button::CopyButton;
use crate::ui::sign_in::steps::NextStep;
use crate::ui::state::form::use_form;
use crate::ui::state::guide::{use_guide, Step, Task};
use crate::ui::state::later::Deferred;

/// Step 1: the redirect URI to register, and how to create the OAuth client.
#[component]
pub fn SetupCard(
    /// This page's own redirect URI; `None` when the page is served from somewhere that cannot
    /// be a redirect URI (a `file:` URL, plain HTTP on a public host).
    redirect_uri: Option<RedirectUri>,
) -> impl IntoView {
    let (guide, form) = (use_guide(), use_form());
    let uri_view = match redirect_uri {
        Some(uri) => {
            let text = uri.as_str().to_owned();
            view! {
                <p>
                    "In your OAuth client (type “Web application”), add this exact address under "
                    "Authorized redirect URIs:"
                </p>
                <div class="with-button">
                    <code class="redirect-uri" data-testid=crate::testids::REDIRECT_URI>{text.clone()}</code>
                    <CopyButton text=Signal::stored(text) what="redirect URI" testid=crate::testids::COPY_REDIRECT_URI />
                </div>
            }
            .into_any()
        }
        None => view! {
            <p class="warning" role="alert" data-testid=crate::testids::REDIRECT_URI_UNUSABLE>
                "This page is not served over https:// (or http:// on localhost), so the provider "
                "cannot redirect back to it. Serve it from a web server, or set the redirect URI "
                "to http://localhost under Advanced and paste the address you land on."
            </p>
        }
        .into_any(),
    };
    view! {
        <section class="card" aria-labelledby="setup-title" data-testid=crate::testids::SETUP_CARD>
            <h2 id="setup-title">"1. Register this page as a redirect URI"</h2>
            {uri_view}
            <details class="guide" data-testid=crate::testids::SETUP_GUIDE>
                <summary>"How to create the OAuth client in Google Cloud"</summary>
                <Deferred>
                    <ol>
                        <li>"In the Google Cloud console, pick or create a project."</li>
                        <li>
                            "Enable the API you will use (BigQuery API, or Google Ads API) under "
                            "APIs & Services → Library."
                        </li>
                        <li>
                            "Open Google Auth Platform: fill in Branding, and under Audience choose the "
                            "user type (Internal for a Workspace organisation, else External) and add "
                            "yourself as a test user, or publish the app."
                        </li>
                        <li>
                            "Under Clients, press Create client, application type "
                            <strong>"Web application"</strong>"."
                        </li>
                        <li>"Under Authorized redirect URIs, paste the address above, exactly."</li>
                        <li>
                            "Create, then copy the client ID and the client secret into the form below, "
                            "and keep the secret (or the downloaded JSON) somewhere safe: Google shows "
                            "it only now."
                        </li>
                    </ol>
                    <p class="warning" data-testid=crate::testids::TESTING_WARNING>
                        "An External app in “Testing” gets refresh tokens that die after 7 days. "
                        "Publish it (Audience → Publish app) or make it Internal to your Workspace "
                        "organisation before you get the token that goes into Azure Data Factory."
                    </p>
                    <p class="warning">
                        "Redirect URIs must match exactly: http://localhost:8080/ and "
                        "http://127.0.0.1:8080/ are different, and so are a trailing slash and none. "
                        "Errors such as redirect_uri_mismatch, invalid_client, org_internal, "
                        "admin_policy_enforced, “Error 403: access_denied” (not a test user) or "
                        "“This app is blocked” (a Workspace admin) are shown on Google's page and never "
                        "come back here: paste their text into the task “Explain an error”. "
                        <button type="button" class="link" data-testid=crate::testids::SETUP_EXPLAIN
                            on:click=move |_| guide.choose(Task::ExplainError, &form)>
                            "Open “Explain an error”"
                        </button>
                    </p>
                </Deferred>
            </details>
            <NextStep to=Step::Client />
        </section>
    }
}
