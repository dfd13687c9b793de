//! A check the user starts with a button, run one at a time per card: the card's buttons wait
//! while one runs, the live region says when it answered, and its outcome is shown where the
//! card puts it.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::google::call::ApiCall;
use crate::messages::Explanation;
use crate::ui::state::status::Status;

/// What a check came to.
#[derive(Clone)]
pub enum Outcome<T> {
    Done(T),
    Failed(Explanation),
    /// Sent, but the browser hides the answer (no CORS on that endpoint).
    Unreadable(Explanation),
    /// The browser got no answer (the API refused the page's origin, or the network): the
    /// same calls as commands to run by hand.
    Blocked {
        why: Explanation,
        calls: Vec<ApiCall>,
    },
}

impl<T> Outcome<T> {
    /// What came, or why nothing did: for a card that shows every failure alike.
    pub fn into_result(self) -> Result<T, Explanation> {
        match self {
            Outcome::Done(done) => Ok(done),
            Outcome::Failed(e) | Outcome::Unreadable(e) | Outcome::Blocked { why: e, .. } => Err(e),
        }
    }
}

/// A card's checks.
#[derive(Clone, Copy)]
pub struct Checks {
    busy: RwSignal<bool>,
    status: Status,
}

impl Checks {
    pub fn new(status: Status) -> Self {
        Self {
            busy: RwSignal::new(false),
            status,
        }
    }

    /// Whether one of the card's checks is under way.
    pub fn busy(&self) -> bool {
        self.busy.get()
    }

    /// Runs `work`; then says `answered` in the live region and puts the outcome in `into`.
    pub fn run<T: Send + Sync + 'static>(
        &self,
        into: RwSignal<Option<Outcome<T>>>,
        answered: &'static str,
        work: impl Future<Output = Outcome<T>> + 'static,
    ) {
        self.run_saying(into, move |_| answered, work);
    }

    /// As [`Checks::run`], with what the live region says chosen by the outcome.
    pub fn run_saying<T: Send + Sync + 'static>(
        &self,
        into: RwSignal<Option<Outcome<T>>>,
        says: impl FnOnce(&Outcome<T>) -> &'static str + 'static,
        work: impl Future<Output = Outcome<T>> + 'static,
    ) {
        let Self { busy, status } = *self;
        busy.set(true);
        spawn_local(async move {
            let outcome = work.await;
            status.say(says(&outcome));
            into.set(Some(outcome));
            busy.set(false);
        });
    }
}
