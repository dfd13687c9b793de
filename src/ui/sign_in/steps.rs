//! The guided page's frame: the task chooser, the progress line, and a step that is open
//! while it is the current one and folds into one line with "Change" once it is done.

use leptos::prelude::*;

use crate::ui::state::form::use_form;
use crate::ui::state::guide::{use_guide, Step, Task};

/// The first thing on the page: what the user came to do. Switching keeps what was typed.
#[component]
pub fn TaskChooser() -> impl IntoView {
    let guide = use_guide();
    let form = use_form();
    view! {
        <fieldset class="tasks" data-testid=crate::testids::TASKS>
            <legend>"What do you need?"</legend>
            {Task::ALL.into_iter().map(|task| {
                let id = format!("task-{}", task.id());
                let (for_id, testid) = (id.clone(), id.clone());
                view! {
                    <label class="task" for=for_id>
                        <input
                            type="radio"
                            name="task"
                            id=id
                            data-testid=testid
                            value=task.id()
                            prop:checked=move || guide.task.get() == task
                            on:change=move |_| guide.choose(task, &form)
                        />
                        <span>{task.label()}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// The steps of a sign-in, the one being read marked; the ones that can be opened are buttons.
#[component]
pub fn ProgressLine() -> impl IntoView {
    let guide = use_guide();
    view! {
        <nav class="progress-line" aria-label="Steps" data-testid=crate::testids::PROGRESS>
            <ol>
                {Step::ALL.into_iter().map(|step| {
                    let current = move || guide.marked() == step;
                    let done = move || guide.marked() > step;
                    view! {
                        <li class:current=current class:done=done>
                            <button
                                type="button"
                                data-goto=step.id()
                                aria-current=move || current().then_some("step")
                                disabled=move || !guide.reachable(step)
                                on:click=move |_| guide.open(step)
                            >
                                <span class="number" aria-hidden="true">{step.number()}</span>
                                {step.label()}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}

/// One step: its content while it is the current one, a line saying what was chosen with
/// "Change" once it is done, nothing before it is reached.
#[component]
pub fn GuideStep(
    step: Step,
    /// What was chosen in the step, for its folded line.
    #[prop(into)]
    summary: Signal<String>,
    children: Children,
) -> impl IntoView {
    let guide = use_guide();
    let done = move || guide.step.get() > step;
    let open = move || guide.step.get() == step;
    view! {
        <div class="step" data-step=step.id()>
            <p class="folded" hidden=move || !done() data-testid=format!("folded-{}", step.id())>
                <span class="tick" aria-hidden="true">"✓"</span>
                <span><strong>{format!("{}. {}", step.number(), step.label())}</strong>": "{move || summary.get()}</span>
                <button type="button" class="link" on:click=move |_| guide.open(step) data-testid=format!("change-{}", step.id())>
                    "Change"<span class="visually-hidden">{format!(" step {}", step.number())}</span>
                </button>
            </p>
            <div hidden=move || !open()>{children()}</div>
        </div>
    }
}

/// The button that ends a step and opens the next.
#[component]
pub fn NextStep(
    /// The step it opens.
    to: Step,
    /// What happens first; returns whether the step may end.
    #[prop(optional)]
    ready: Option<Callback<(), bool>>,
) -> impl IntoView {
    let guide = use_guide();
    let next = move |_| {
        if ready.is_none_or(|r| r.run(())) {
            guide.open(to);
        }
    };
    view! {
        <button type="button" class="primary next" data-testid=format!("next-{}", to.id()) on:click=next>
            {to.next_label()}
        </button>
    }
}
