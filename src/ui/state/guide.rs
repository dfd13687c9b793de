//! The guided page: the task the user came with, the step of the sign-in they are on (one
//! open at a time, the finished ones folded into a line with "Change"), and the view of
//! "Use them" they look at, whose address is the page's fragment (`#adf`, `#check`, …) so that
//! back, forward and a shared link work. The redirect URI never carries the fragment.

use leptos::prelude::*;

use crate::browser::focus::focus_on_at_top;
use crate::browser::location;
use crate::google::presets::Preset;
use crate::ui::state::form::FormState;
use crate::ui::state::tokens::TokenState;

/// What the user came to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    /// A refresh token for ADF's BigQuery connector: the default.
    BigQuery,
    GoogleAds,
    /// Checking a refresh token the user already has.
    CheckToken,
    ServiceAccount,
    ExplainError,
}

impl Task {
    pub const ALL: [Task; 5] = [
        Task::BigQuery,
        Task::GoogleAds,
        Task::CheckToken,
        Task::ServiceAccount,
        Task::ExplainError,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Task::BigQuery => "bigquery",
            Task::GoogleAds => "google-ads",
            Task::CheckToken => "check-token",
            Task::ServiceAccount => "service-account",
            Task::ExplainError => "explain-error",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Task::BigQuery => "A refresh token for ADF's BigQuery connector",
            Task::GoogleAds => "A refresh token for ADF's Google Ads connector",
            Task::CheckToken => "Check a refresh token I already have",
            Task::ServiceAccount => "A service account for BigQuery or Google Ads",
            Task::ExplainError => "Explain an error",
        }
    }

    /// What a failed token request or check in this task was, so its fix names what is there.
    pub fn asked(self) -> crate::messages::Asked {
        use crate::messages::Asked;
        match self {
            Task::ServiceAccount => Asked::ServiceAccount,
            Task::ExplainError => Asked::Pasted,
            // After the tokens (or with one pasted): "Refresh now" is on screen.
            Task::BigQuery | Task::GoogleAds | Task::CheckToken => Asked::Refresh,
        }
    }

    /// Whether the task goes through the consent screen.
    pub fn signs_in(self) -> bool {
        matches!(self, Task::BigQuery | Task::GoogleAds)
    }

    /// The sign-in task the client's scopes serve: the preset's, or for custom scopes the
    /// Google Ads task when they reach Google Ads and not BigQuery (`None`: any task fits).
    fn of_scopes(preset: Preset, scopes: &str) -> Option<Task> {
        match preset {
            Preset::GoogleAds => Some(Task::GoogleAds),
            Preset::Custom => crate::oauth::Scopes::parse(scopes)
                .ok()
                .filter(|s| Preset::reaches_google_ads(s) && !Preset::reaches_bigquery(s))
                .map(|_| Task::GoogleAds),
            _ => Some(Task::BigQuery),
        }
    }
}

/// A step of the sign-in, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Register = 1,
    Client,
    Consent,
    Tokens,
    Use,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Register,
        Step::Client,
        Step::Consent,
        Step::Tokens,
        Step::Use,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Step::Register => "register",
            Step::Client => "client",
            Step::Consent => "consent",
            Step::Tokens => "tokens",
            Step::Use => "use",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Step::Register => "Register the redirect",
            Step::Client => "Your client",
            Step::Consent => "Consent",
            Step::Tokens => "Your tokens",
            Step::Use => "Use them",
        }
    }

    /// The button that opens it. (Written out: `to_lowercase` would bring Unicode's case
    /// tables into the wasm.)
    pub fn next_label(self) -> &'static str {
        match self {
            Step::Register => "Next: register the redirect",
            Step::Client => "Next: your client",
            Step::Consent => "Next: consent",
            Step::Tokens => "Next: your tokens",
            Step::Use => "Next: use them",
        }
    }

    pub fn number(self) -> u8 {
        self as u8
    }
}

/// A view of "Use them", with its own address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Adf,
    Check,
    Commands,
    Exchange,
}

impl View {
    pub const ALL: [View; 4] = [View::Adf, View::Check, View::Commands, View::Exchange];

    /// Its fragment.
    pub fn id(self) -> &'static str {
        match self {
            View::Adf => "adf",
            View::Check => "check",
            View::Commands => "commands",
            View::Exchange => "exchange",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            View::Adf => "Azure Data Factory",
            View::Check => "Check",
            View::Commands => "Commands",
            View::Exchange => "The exchange, raw",
        }
    }

    /// The view a fragment names, if any.
    pub fn from_fragment(fragment: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.id() == fragment)
    }
}

/// Where the user is on the page, as every card sees it.
#[derive(Clone, Copy)]
pub struct Guide {
    pub task: RwSignal<Task>,
    pub step: RwSignal<Step>,
    pub view: RwSignal<View>,
    /// The page opened on a view's address with no tokens (a reload, or a shared link): the
    /// tokens lived in the memory of the tab that had them.
    pub forgotten: RwSignal<bool>,
    /// With the tokens, steps 4 and 5 are open together: the one on screen, as the user
    /// scrolls (set by "Use them", which follows the scroll). A `Step`, not an `Option`: a
    /// signal of a new type costs the first screen its own copy of the signal code.
    pub reading: RwSignal<Step>,
    tokens: TokenState,
}

impl Guide {
    pub fn new(form: FormState, tokens: TokenState) -> Self {
        let settings = form.settings.get_untracked();
        let task = RwSignal::new(
            Task::of_scopes(settings.preset(), &settings.scopes).unwrap_or(Task::BigQuery),
        );
        // A client ID from a link or remembered settings: its redirect is registered.
        let first = if settings.client_id.trim().is_empty() {
            Step::Register
        } else {
            Step::Client
        };
        let fragment = location::hash().unwrap_or_default();
        let view = View::from_fragment(&fragment);
        let guide = Self {
            task,
            step: RwSignal::new(first),
            view: RwSignal::new(view.unwrap_or(View::Adf)),
            forgotten: RwSignal::new(view.is_some()),
            reading: RwSignal::new(Step::Use),
            tokens,
        };
        // Back to the address without a fragment is back to the first view.
        location::on_hash_change(move |fragment| {
            if let Some(v) =
                View::from_fragment(&fragment).or_else(|| fragment.is_empty().then_some(View::Adf))
            {
                guide.view.set(v);
            }
        });
        guide
    }

    /// The scopes picked in the client step, brought back with the sign-in after the redirect,
    /// or filled in by a link name the sign-in task. Called where the scopes change.
    pub fn follow_scopes(&self, form: &FormState) {
        let follows = form
            .settings
            .with_untracked(|s| Task::of_scopes(s.preset(), &s.scopes));
        let current = self.task.get_untracked();
        if let Some(follows) = follows.filter(|f| current.signs_in() && *f != current) {
            self.task.set(follows);
        }
    }

    /// Back from the provider (the code being exchanged, the secret asked for, or a refusal of
    /// the return): that shows in the consent step of a sign-in. Called by the flow controller.
    pub fn back_from_provider(&self) {
        if !self.task.get_untracked().signs_in() {
            self.task.set(Task::BigQuery);
        }
        if self.step.get_untracked() < Step::Consent {
            self.step.set(Step::Consent);
        }
    }

    /// The code exchange brought tokens: the steps before fold away, the tokens and their uses
    /// open, the tokens first on screen (they are what is read). Called by the flow controller.
    pub fn tokens_arrived(&self) {
        self.forgotten.set(false);
        if !self.task.get_untracked().signs_in() {
            self.task.set(Task::BigQuery);
        }
        self.reading.set(Step::Tokens);
        self.step.set(Step::Use);
    }

    /// The step the progress line marks: the one being read when two are open.
    pub fn marked(&self) -> Step {
        match self.step.get() {
            Step::Use => self.reading.get(),
            step => step,
        }
    }

    /// Whether a step can be opened now: the ones after consent need tokens.
    pub fn reachable(&self, step: Step) -> bool {
        step <= Step::Consent || self.tokens.exchange.read().is_some()
    }

    /// Opens `step` and moves focus to its heading.
    pub fn open(&self, step: Step) {
        if step == Step::Tokens && self.step.get_untracked() == Step::Use {
            // Both are open: going to the tokens is going up the page, "Use them" stays.
            self.reading.set(Step::Tokens);
        } else {
            self.reading.set(Step::Use);
            self.step.set(step);
        }
        focus_on_at_top(&format!("[data-step={}] h2", step.id()));
    }

    /// Switches task; what was typed stays. A sign-in task picks its scopes.
    pub fn choose(&self, task: Task, form: &FormState) {
        self.task.set(task);
        let preset = match task {
            Task::BigQuery => Preset::AdfBigQuery,
            Task::GoogleAds => Preset::GoogleAds,
            _ => return,
        };
        let current = form.settings.read_untracked().preset();
        if Task::of_scopes(current, "") != Some(task) || current == Preset::Custom {
            form.settings.update(|s| s.select_preset(preset));
        }
    }

    /// Shows `view` and gives it its address (a new history entry).
    pub fn show(&self, view: View) {
        self.view.set(view);
        if location::hash().ok().as_deref() != Some(view.id()) {
            let _ = location::set_hash(view.id());
        }
    }
}

pub fn use_guide() -> Guide {
    expect_context::<Guide>()
}
