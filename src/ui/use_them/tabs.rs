//! "Use them": what to do with the tokens, as tabs that follow the ARIA tabs pattern, each
//! with its own address. The views behind it are one boundary: nothing before the tokens
//! needs them.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::browser::focus::focus_on;
use crate::ui::state::guide::{use_guide, Step, Task, View};
use crate::ui::use_them::adf_checks_card::AdfChecksCard;
use crate::ui::use_them::commands_card::CommandsCard;
use crate::ui::use_them::exchange_log::ExchangeLog;
use crate::ui::use_them::export_card::ExportCard;
use crate::ui::use_them::prove_card::ProveCard;
use crate::ui::use_them::service_account_export::ServiceAccountExport;

/// The tabs and their panels.
#[component]
pub fn UseThem() -> impl IntoView {
    let guide = use_guide();
    // Arrow keys move between tabs, Home and End to the ends; the tab shown follows the focus.
    let keys = move |ev: KeyboardEvent| {
        let all = View::ALL;
        let at = all
            .iter()
            .position(|v| *v == guide.view.get_untracked())
            .unwrap_or(0);
        let to = match ev.key().as_str() {
            "ArrowRight" => (at + 1) % all.len(),
            "ArrowLeft" => (at + all.len() - 1) % all.len(),
            "Home" => 0,
            "End" => all.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        guide.show(all[to]);
        focus_on(&format!("#tab-{}", all[to].id()));
    };
    // Steps 4 and 5 are open together: the progress line marks the one being read.
    let follow = move || {
        if !guide.task.get_untracked().signs_in() {
            return;
        }
        let Some(top) = use_top() else { return };
        let reading = if top <= 0.4 { Step::Use } else { Step::Tokens };
        if reading != guide.reading.get_untracked() {
            guide.reading.set(reading);
        }
    };
    // Only the user's scrolling (or the focus a step's button moves) changes it: a step just
    // opened is marked at once.
    let scrolled = window_event_listener(leptos::ev::scroll, move |_| follow());
    on_cleanup(move || {
        scrolled.remove();
        guide.reading.set(Step::Use);
    });
    let title = move || {
        if guide.task.get().signs_in() {
            format!("{}. {}", Step::Use.number(), Step::Use.label())
        } else {
            "Use it".to_owned()
        }
    };
    view! {
        <section class="use-them" aria-labelledby="use-title" data-testid=crate::testids::USE_THEM>
            <h2 id="use-title">{title}</h2>
            <div role="tablist" aria-label="Use the tokens" class="tabs" on:keydown=keys>
                {View::ALL.into_iter().map(|view| {
                    let selected = move || guide.view.get() == view;
                    view! {
                        <button
                            type="button"
                            role="tab"
                            id=format!("tab-{}", view.id())
                            data-testid=format!("tab-{}", view.id())
                            aria-controls=format!("panel-{}", view.id())
                            aria-selected=move || selected().to_string()
                            tabindex=move || if selected() { "0" } else { "-1" }
                            on:click=move |_| guide.show(view)
                        >
                            {view.label()}
                        </button>
                    }
                }).collect_view()}
            </div>
            <Panel view=View::Adf>
                {move || if guide.task.get() == Task::ServiceAccount {
                    view! {
                        <section class="card" aria-labelledby="sa-export-title">
                            <h2 id="sa-export-title">"The linked service for this service account"</h2>
                            <ServiceAccountExport />
                        </section>
                    }.into_any()
                } else {
                    view! { <ExportCard /> }.into_any()
                }}
            </Panel>
            <Panel view=View::Check><ProveCard /><AdfChecksCard /></Panel>
            <Panel view=View::Commands><CommandsCard /></Panel>
            <Panel view=View::Exchange><ExchangeLog /></Panel>
        </section>
    }
}

#[component]
fn Panel(view: View, children: Children) -> impl IntoView {
    let guide = use_guide();
    view! {
        <div
            role="tabpanel"
            id=format!("panel-{}", view.id())
            aria-labelledby=format!("tab-{}", view.id())
            tabindex="0"
            data-view=view.id()
            hidden=move || guide.view.get() != view
        >
            {children()}
        </div>
    }
}

/// Where "Use them" starts, as a share of the window's height from its top (negative once
/// scrolled past); `None` while it is not laid out.
fn use_top() -> Option<f64> {
    use wasm_bindgen::JsCast as _;
    let window = web_sys::window()?;
    let section: web_sys::HtmlElement = window
        .document()?
        .query_selector("[data-step=use]")
        .ok()??
        .dyn_into()
        .ok()?;
    let height = window.inner_height().ok()?.as_f64()?;
    let scrolled = window.scroll_y().ok()?;
    (section.offset_height() > 0 && height > 0.0)
        .then(|| (f64::from(section.offset_top()) - scrolled) / height)
}
