//! Leptos components, one file each. They call `oauth`, `export` and `browser`; they hold no
//! protocol logic.

mod app;
mod client_card;
mod client_file_import;
mod commands_card;
mod consent_card;
mod copy_button;
mod countdown;
mod diagnose_card;
mod error_panel;
mod exchange_log;
mod export_card;
pub mod flow_controller;
pub mod form;
mod manual_card;
mod prove_card;
mod refresh_card;
pub mod requests;
mod return_card;
mod rich_text;
mod secret_field;
mod setup_card;
mod token_value;
pub mod tokens;
mod tokens_card;

pub use app::{provide_contexts, App, FramedRefusal};
pub use client_card::ClientCard;
pub use client_file_import::ClientFileImport;
pub use commands_card::CommandsCard;
pub use consent_card::ConsentCard;
pub use copy_button::CopyButton;
pub use countdown::Countdown;
pub use diagnose_card::DiagnoseCard;
pub use error_panel::{ErrorPanel, NoticePanel};
pub use exchange_log::ExchangeLog;
pub use export_card::ExportCard;
pub use manual_card::ManualCard;
pub use prove_card::ProveCard;
pub use refresh_card::RefreshCard;
pub use return_card::ReturnCard;
pub use rich_text::rich_text;
pub use secret_field::SecretField;
pub use setup_card::SetupCard;
pub use token_value::TokenValue;
pub use tokens_card::TokensCard;
