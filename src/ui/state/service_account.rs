//! The service account's context: its key in memory only and the choices of its linked
//! service, shared by the task's card, where the key is read, and "Use it", which shows the
//! linked service once there is a token.

use leptos::prelude::*;

use crate::export::linked_service::Connector;
use crate::oauth::Secret;

/// The service account's key and its linked service's choices: shared by the card, where
/// the key is read, and the linked service, which "Use it" shows once there is a token.
#[derive(Clone, Copy)]
pub struct ServiceAccountState {
    /// The key file's text, in memory only; wiped when the user leaves the card and its
    /// linked service.
    pub key_text: RwSignal<Secret>,
    /// The key was wiped: said where it was shown.
    pub wiped: RwSignal<bool>,
    /// The service account's email, from the last key read: not a secret, so it outlives the
    /// key for the linked service that names it (Google Ads).
    pub email: RwSignal<String>,
    pub connector: RwSignal<Connector>,
    pub runtime: RwSignal<String>,
    pub key_vault: RwSignal<bool>,
    pub reveal: RwSignal<bool>,
    pub resource_group: RwSignal<String>,
    pub factory: RwSignal<String>,
    pub vault: RwSignal<String>,
}

impl Default for ServiceAccountState {
    fn default() -> Self {
        Self {
            key_text: RwSignal::new(Secret::new(String::new())),
            wiped: RwSignal::new(false),
            email: RwSignal::new(String::new()),
            connector: RwSignal::new(Connector::BigQueryV2),
            runtime: RwSignal::new(String::new()),
            key_vault: RwSignal::new(true),
            reveal: RwSignal::new(false),
            resource_group: RwSignal::new(String::new()),
            factory: RwSignal::new(String::new()),
            vault: RwSignal::new(String::new()),
        }
    }
}

pub fn use_service_account() -> ServiceAccountState {
    expect_context::<ServiceAccountState>()
}
