//! What the first screen does not show, built one task after the page mounts.

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
