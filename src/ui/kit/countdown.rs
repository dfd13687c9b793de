//! A live "expires in …" for a token.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::time::now_ms;
use crate::messages::human_duration;

/// A live "expires in …" for a token, ticking every second.
#[component]
pub fn Countdown(
    /// When the token expires, in milliseconds since the epoch.
    expires_at_ms: f64,
    /// `data-testid` of the text.
    #[prop(into)]
    testid: String,
) -> impl IntoView {
    let now = RwSignal::new(now_ms());
    if let Ok(handle) = set_interval_with_handle(move || now.set(now_ms()), Duration::from_secs(1))
    {
        on_cleanup(move || handle.clear());
    }
    let left = move || ((expires_at_ms - now.get()) / 1000.0).max(0.0).round() as u64;
    view! {
        <span data-testid=testid class=move || if left() == 0 { "expired" } else { "" }>
            {move || match left() {
                0 => "expired".to_owned(),
                s => format!("expires in {} ({s} s)", human_duration(s)),
            }}
        </span>
    }
}
