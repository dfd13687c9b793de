use leptos::prelude::*;

use crate::oauth::RedirectUri;

/// Step 1: the redirect URI to register for the OAuth client.
#[component]
pub fn SetupCard(
    /// This page's own redirect URI; `None` when the page is served from somewhere that cannot
    /// be a redirect URI (a `file:` URL, plain HTTP on a public host).
    redirect_uri: Option<RedirectUri>,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="setup-title" data-testid="setup-card">
            <h2 id="setup-title">"1. Register this page as a redirect URI"</h2>
            {match redirect_uri {
                Some(uri) => {
                    view! {
                        <p>
                            "In your OAuth client (type “Web application”), add this exact "
                            "address under Authorized redirect URIs:"
                        </p>
                        <code class="redirect-uri" data-testid="redirect-uri">
                            {uri.as_str().to_owned()}
                        </code>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <p class="warning" role="alert" data-testid="redirect-uri-unusable">
                            "This page is not served over https:// (or http:// on localhost), "
                            "so the provider cannot redirect back to it. Serve it from a web "
                            "server, or use http://localhost as the redirect URI and paste the "
                            "address you land on."
                        </p>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
