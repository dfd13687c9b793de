//! What happens when the page loads as the provider's redirect: read the query, remove it
//! from the address bar and history at once, take the pending flow out of storage, and act.

use leptos::prelude::*;

use crate::browser::location;
use crate::browser::storage::{self, Area, PENDING_FLOW_KEY};
use crate::oauth::endpoint::without_query;
use crate::oauth::{callback_from_query, explain, on_return, PendingFlow, Return, Situation};

use super::state::Shared;

/// Handles a redirect, if this load is one. Runs once, before the first render.
pub fn handle_return(shared: Shared) {
    let Ok(search) = location::search() else {
        return;
    };
    let parsed = callback_from_query(&search);
    if matches!(parsed, Ok(None)) {
        // Not a redirect: a shared link may prefill the client ID, preset and scopes.
        if !search.is_empty() {
            shared.settings.update(|s| s.apply_link(&search));
        }
        return;
    }
    // The code must not survive in the address bar, the history or a reload.
    if let Some(clean) = location::href().ok().and_then(|h| without_query(&h)) {
        let _ = location::replace(&clean);
    }
    let callback = match parsed {
        Ok(Some(callback)) => callback,
        Ok(None) => return,
        Err(e) => return shared.show_problem(explain(Situation::Callback(&e))),
    };
    let pending = match storage::take(Area::Session, PENDING_FLOW_KEY) {
        Ok(json) => json.and_then(|j| PendingFlow::from_record(&j).ok()),
        Err(_) => {
            // The code stays in memory for the manual path with the form's client.
            if let crate::oauth::Callback::Code(code) = callback {
                shared.waiting_code.set(Some(code));
            }
            return shared.show_problem(explain(Situation::StorageUnavailable));
        }
    };
    if let Some(pending) = &pending {
        shared.restore_form(pending);
    }
    match on_return(pending, callback) {
        Return::Denied(denial) => shared.show_problem(explain(Situation::Denied(&denial))),
        Return::StateMismatch => shared.show_problem(explain(Situation::StateMismatch)),
        Return::NoPendingFlow(code) => {
            shared.show_problem(explain(Situation::NoPendingFlow));
            shared.waiting_code.set(Some(code));
        }
        Return::Exchange { pending, code } => {
            if pending.needs_secret() {
                shared
                    .status
                    .set("Enter the client secret to finish.".into());
                shared.awaiting_secret.set_value(Some((*pending, code)));
                shared.needs_secret.set(true);
            } else {
                shared.exchange_pending(&pending, &code);
            }
        }
    }
}
