//! "Use them", the step after the tokens: its tabs, and what each shows — the linked service
//! for Azure Data Factory (of a refresh token or of a service account), the checks ADF will
//! run, the commands, and the exchange as it went over the wire.

pub mod adf_checks_card;
pub mod commands_card;
pub mod exchange_log;
pub mod export_card;
pub mod linked_service_output;
pub mod prove_card;
pub mod service_account_export;
pub mod tabs;
