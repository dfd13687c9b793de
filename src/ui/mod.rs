//! Leptos components, one file each. They call `oauth`, `export` and `browser`; they hold no
//! protocol logic.

mod app;
mod client_card;
mod consent_card;
mod copy_button;
mod countdown;
mod error_panel;
mod manual_card;
mod refresh_card;
mod requests;
mod return_card;
mod return_handler;
mod rich_text;
mod secret_field;
mod setup_card;
mod state;
mod token_value;
mod tokens_card;

pub use app::App;
pub use client_card::ClientCard;
pub use consent_card::ConsentCard;
pub use copy_button::CopyButton;
pub use countdown::Countdown;
pub use error_panel::{ErrorPanel, NoticePanel};
pub use manual_card::ManualCard;
pub use refresh_card::RefreshCard;
pub use return_card::ReturnCard;
pub use rich_text::rich_text;
pub use secret_field::SecretField;
pub use setup_card::SetupCard;
pub use token_value::TokenValue;
pub use tokens_card::TokensCard;
