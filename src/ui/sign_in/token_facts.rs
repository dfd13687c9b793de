//! What follows the tokens in step 4, a part of its own (`crate::ui::parts`): the newest access
//! token, the access token's facts, the ID token's claims, the raw response, and what ends
//! the refresh token. The tokens card loads it; it imports nothing of the card.

use leptos::prelude::*;

use crate::browser::download;
use crate::browser::time::local_date_time;
use crate::export::calendar::expiry_reminder;
use crate::google::lifetime::{endings, known_expiry, Ending};
use crate::messages::{ending, expiry_reminder_text};
use crate::oauth::jwt::decode_unverified;
use crate::oauth::response::masked_json;
use crate::ui::kit::countdown::Countdown;
use crate::ui::kit::reveal_toggle::RevealToggle;
use crate::ui::kit::rich_text::rich_text;
use crate::ui::kit::token_value::TokenValue;
use crate::ui::state::tokens::{use_tokens, Tokens};

fn pretty(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

/// The access token's facts, the ID token's claims and the raw response: what follows the
/// tokens, in a part of its own (`crate::ui::parts`).
#[component]
pub fn TokenFacts() -> impl IntoView {
    let state = use_tokens();
    // After "Refresh now" the newest access token is said first (a part: it follows the
    // exchange's own, which the first screen shows).
    let newest = move || {
        let exchanged = state
            .exchange
            .with(|t| t.as_ref().map(|t| t.received.response.access_token.clone()));
        state
            .access_token
            .get()
            .filter(|t| Some(t) != exchanged.as_ref())
    };
    view! {
        {move || newest().map(|t| view! {
            <p class="hint" data-testid=crate::testids::ACCESS_TOKEN_NEWEST_NOTE>"The newest access token, from “Refresh now” (the one above came with the code and expires first):"</p>
            <TokenValue secret=t.secret().clone() what="newest access token" testid=crate::testids::ACCESS_TOKEN_NEWEST />
        })}
        {move || {
            state
                .exchange
                .get()
                .map(|t| view! { <TokenFactsView tokens=t /> })
        }}
    }
}

#[component]
fn TokenFactsView(tokens: Tokens) -> impl IntoView {
    let Tokens {
        received,
        requested,
        ..
    } = tokens;
    let response = received.response.clone();
    let expires_at = response
        .expires_in
        .map(|s| received.at_ms + s as f64 * 1000.0);
    let missing = response
        .scope
        .as_ref()
        .map(|granted| requested.missing_from(granted))
        .unwrap_or_default();
    let scope_rows: Vec<(String, bool)> = requested
        .iter()
        .map(|s| (s.to_string(), !missing.contains(s)))
        .collect();
    let raw_shown = RwSignal::new(false);
    let (status_code, body) = (received.status, received.body.clone());
    let id_token = response.id_token.clone();
    let token_type = response.token_type.clone();
    view! {
                <dl class="facts">
                <dt>"Token type"</dt><dd data-testid=crate::testids::TOKEN_TYPE>{token_type.clone()}</dd>
                <dt>"Access token"</dt>
                <dd>{match expires_at {
                    Some(at) => view! { <Countdown expires_at_ms=at testid=crate::testids::ACCESS_EXPIRY /> }.into_any(),
                    None => view! { <span data-testid=crate::testids::ACCESS_EXPIRY>"no expiry given"</span> }.into_any(),
                }}</dd>
                <dt>"Scopes"</dt>
                <dd>
                    <ul class="scopes" data-testid=crate::testids::SCOPE_LIST>
                        {scope_rows.clone().into_iter().map(|(s, ok)| {
                            view! {
                                <li class=if ok { "granted" } else { "missing" }>
                                    {if ok { "✓ " } else { "✗ not granted: " }}<code>{s}</code>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </dd>
            </dl>
            {id_token.as_ref().map(|t| match decode_unverified(t.expose()) {
                Ok(claims) => view! {
                    <details class="raw" data-testid=crate::testids::ID_TOKEN_CLAIMS>
                        <summary>"ID token claims"</summary>
                        <p class="hint">"Decoded for reading only: the signature is not verified here."</p>
                        <pre>{pretty(&claims.header)}"\n"{pretty(&claims.payload)}</pre>
                    </details>
                }.into_any(),
                Err(e) => view! { <p class="problem" data-testid=crate::testids::ID_TOKEN_CLAIMS>{e.to_string()}</p> }.into_any(),
            })}
            <details class="raw" data-testid=crate::testids::RAW_TOKEN_RESPONSE>
                <summary>"Raw response"</summary>
                <RevealToggle reveal=raw_shown testid=crate::testids::RAW_REVEAL of="the raw answer" />
                {
                    // Masked here, off the path that brings the tokens to the screen.
                    let masked = format!("HTTP {status_code}\n\n{}", masked_json(body.expose()));
                    let full = format!("HTTP {status_code}\n\n{}", body.expose());
                    view! { <pre data-testid=crate::testids::RAW_TOKEN_JSON>{move || if raw_shown.get() { full.clone() } else { masked.clone() }}</pre> }
                }
            </details>
    }
}

/// The refresh token's life, in a part of its own (`crate::ui::parts`).
#[component]
pub fn TokenLifeOfState() -> impl IntoView {
    let state = use_tokens();
    move || {
        state.exchange.get().and_then(|t| {
            let at_ms = t.received.at_ms;
            let response = t.received.response;
            response
                .refresh_token
                .is_some()
                .then(|| view! { <TokenLife response=response at_ms=at_ms /> })
        })
    }
}

/// A calendar reminder for a known end (said above, once), and behind "more" what else ends
/// a refresh token.
#[component]
fn TokenLife(
    /// The token response.
    response: crate::oauth::TokenResponse,
    /// When it arrived, in milliseconds since the epoch.
    at_ms: f64,
) -> impl IntoView {
    let endings = endings(&response, at_ms);
    let expiry = known_expiry(&endings);
    let limit = endings.iter().find_map(|e| match e {
        Ending::Expires { at_ms, limit } => Some((*at_ms, *limit)),
        _ => None,
    });
    let date = expiry.map(local_date_time).unwrap_or_default();
    // A known end is the statement above this: not said again.
    let items = endings
        .iter()
        .filter(|e| expiry.is_none() || !matches!(e, Ending::Expires { .. }))
        .map(|e| view! { <li>{rich_text(&ending(e, &date))}</li> })
        .collect_view();
    let error = RwSignal::new(None::<String>);
    let save = move |_| {
        let Some((at, limit)) = limit else { return };
        let (title, what) = expiry_reminder_text(limit);
        let ics = expiry_reminder(title, what, at, crate::browser::time::now_ms());
        if let Err(e) = download::save_text("refresh-token-expiry.ics", "text/calendar", &ics) {
            error.set(Some(e.to_string()));
        }
    };
    view! {
        {expiry.map(|_| view! {
            <button type="button" class="secondary" data-testid=crate::testids::TOKEN_ICS on:click=save>
                "Add a reminder to my calendar (.ics, a day before)"
            </button>
        })}
        {move || error.get().map(|e| view! { <p class="problem">{e}</p> })}
        <details class="raw" data-testid=crate::testids::TOKEN_LIFE>
            <summary>{if expiry.is_some() { "More: what else can end this token" } else { "How long will this token live" }}</summary>
            <ul>{items}</ul>
        </details>
    }
}
