//! The page in Leptos components, in folders by what the user does: `sign_in` (the steps),
//! `use_them` (the tabs after the tokens), `tasks` (the other tasks), over `state` (the
//! page's contexts) and `kit` (the controls every card uses); `parts` loads what the first
//! screen does not show, and `app` puts the page together. Folders import only lower ones
//! (`tests/layering.rs`).

pub mod app;
pub mod kit;
pub mod parts;
pub mod sign_in;
pub mod state;
pub mod tasks;
pub mod use_them;
