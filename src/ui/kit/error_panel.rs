//! How a failure is shown: what happened, why, what to do, and the raw answer behind a disclosure.

use leptos::prelude::*;

use crate::messages::{Explanation, Quote};
use crate::ui::kit::rich_text::rich_text;

/// The provider's own words: plain text in quotation marks (never markup), and a link only to
/// a page on the provider's host.
fn provider_said(quote: Quote) -> impl IntoView {
    let Quote { text, link } = quote;
    view! {
        <blockquote class="provider-said" data-testid=crate::testids::PROVIDER_SAID>
            <p class="label">"The provider said:"</p>
            {text.map(|t| view! { <p><q>{t}</q></p> })}
            {link.map(|href| {
                let text = href.clone();
                view! { <p><a href=href target="_blank" rel="noopener noreferrer">{text}</a></p> }
            })}
        </blockquote>
    }
}

/// An explained failure: what happened, why, what to do, and the raw answer one click away.
#[component]
pub fn ErrorPanel(
    /// The explanation from `oauth::explain`.
    explanation: Explanation,
    /// The raw answer (status line and masked body), if there was one.
    #[prop(optional)]
    raw: Option<String>,
    /// `data-testid` of the panel.
    #[prop(into)]
    testid: String,
) -> impl IntoView {
    let Explanation {
        what,
        why,
        fix,
        quote,
    } = explanation;
    view! {
        <div class="error-panel" role="alert" data-testid=testid>
            <p class="what"><strong>{rich_text(&what)}</strong></p>
            <p class="why">{rich_text(&why)}</p>
            {quote.map(provider_said)}
            <p class="fix"><span class="label">"What to do: "</span>{rich_text(&fix)}</p>
            {raw.map(|raw| view! {
                <details class="raw">
                    <summary>"Raw answer"</summary>
                    <pre data-testid=crate::testids::RAW_ANSWER>{raw}</pre>
                </details>
            })}
        </div>
    }
}

/// A notice about tokens that did arrive (no refresh token, scopes left out, expiry).
#[component]
pub fn NoticePanel(
    /// The explanation from `oauth`.
    explanation: Explanation,
    /// `data-testid` of the panel.
    #[prop(into)]
    testid: String,
) -> impl IntoView {
    let Explanation { what, why, fix, .. } = explanation;
    view! {
        <div class="notice" data-testid=testid>
            <p class="what"><strong>{rich_text(&what)}</strong></p>
            <p class="why">{rich_text(&why)}</p>
            <p class="fix"><span class="label">"What to do: "</span>{rich_text(&fix)}</p>
        </div>
    }
}
