//! The pickers for Azure Data Factory's choices: the connector and the Google Ads API version.

use leptos::prelude::*;

use crate::browser::time::now_ms;
use crate::export::linked_service::Connector;
use crate::google::ads::{live_versions, AdsApiVersion};
use crate::messages::{ads_api_sunset, ads_api_version_option};
use crate::ui::kit::field::{described_by, Labelled};

/// The connector a linked service is for.
#[component]
pub fn ConnectorSelect(id: &'static str, value: RwSignal<Connector>) -> impl IntoView {
    view! {
        <Labelled id=id label="Connector">
            <select id=id data-testid=id aria-describedby=described_by(id) on:change=move |ev| {
                if let Some(c) = Connector::from_type_name(&event_target_value(&ev)) { value.set(c) }
            }>
                {Connector::ALL.into_iter().map(|c| view! {
                    <option value=c.type_name() selected=move || value.get() == c>{c.label()}</option>
                }).collect_view()}
            </select>
        </Labelled>
    }
}

/// The Google Ads API version: the live ones, newest first, each with its sunset month, and a
/// warning when the chosen one is turned off within 90 days.
#[component]
pub fn AdsApiVersionField(
    /// The select's `id` and `data-testid`.
    id: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    let now = now_ms();
    let versions = live_versions(now);
    let warning = move || {
        let v = AdsApiVersion::named(&value.get())?;
        v.ends_soon(now)
            .then(|| ads_api_sunset(v, v.days_left(now)))
    };
    let note = view! {
        <p class="hint" aria-live="polite" data-testid=format!("{id}-sunset")>
            {move || warning().unwrap_or_default()}
        </p>
    };
    view! {
        <Labelled id=id label="Google Ads API version (required)" note=note.into_any()>
            <select id=id data-testid=id aria-describedby=format!("{} {id}-sunset", described_by(id))
                on:change=move |ev| value.set(event_target_value(&ev))>
                {versions.into_iter().map(|v| view! {
                    <option value=v.name selected=move || value.get() == v.name>{ads_api_version_option(v)}</option>
                }).collect_view()}
            </select>
        </Labelled>
    }
}
