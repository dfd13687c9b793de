//! Work put off by one task, so that what the user reads first paints first: what the first
//! screen does not show (after the page mounts), the details of the tokens (after the tokens),
//! and the cards after the tokens (after the tokens card).

use leptos::prelude::*;

/// Set one task after the page mounts: what the first screen does not show is built then,
/// so the client form is interactive first. Provided by [`crate::ui::app::App`].
#[derive(Clone, Copy)]
pub struct Later(pub RwSignal<bool>);

/// The content of a closed disclosure (`<details>`), built one task after the page mounts;
/// at once where no page provides [`Later`] (a card mounted on its own).
#[component]
pub fn Deferred(children: ChildrenFn) -> impl IntoView {
    let later = use_context::<Later>();
    view! { <Show when=move || later.is_none_or(|l| l.0.get())>{children()}</Show> }
}

/// Runs `work` one task from now, after the browser has painted what is on screen. The one
/// way the page defers work: a zero timeout, not a microtask, which would run before paint.
pub fn one_task_later(work: impl FnOnce() + 'static) {
    set_timeout(work, std::time::Duration::ZERO);
}
