//! What the user pastes next: Azure Data Factory / Synapse linked-service JSON, and curl and
//! PowerShell equivalents of each request. Pure: no browser, no Leptos; natively tested.

pub mod calendar;
pub mod commands;
pub mod linked_service;
pub mod pack;
pub mod raw;
pub mod syntax;
