//! Prose with `backticked` names shown as code.

use leptos::prelude::*;

/// Prose from `oauth` with `backticked` parameter names shown as code.
pub fn rich_text(text: &str) -> impl IntoView {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            let part = part.to_owned();
            if i % 2 == 1 {
                view! { <code>{part}</code> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view()
}
