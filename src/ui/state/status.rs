//! The page's live region: what it says there, screen readers announce.

use leptos::prelude::*;

/// What the page announces in its live region.
#[derive(Clone, Copy)]
pub struct Status(pub RwSignal<String>);

impl Status {
    pub fn say(&self, text: impl Into<String>) {
        self.0.set(text.into());
    }
}

pub fn use_status() -> Status {
    expect_context::<Status>()
}
