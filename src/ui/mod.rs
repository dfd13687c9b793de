//! Leptos components, one file each. They call `oauth`, `export` and `browser`; they hold no
//! protocol logic.

mod app;
mod setup_card;

pub use app::App;
pub use setup_card::SetupCard;
