//! A deployment pack on screen: pick a file, read it, copy or download it, or download all as
//! one `.zip`.

use leptos::prelude::*;

use crate::browser::download;
use crate::export::pack::PackFile;
use crate::messages::pack_problem;
use crate::ui::kit::copy_button::CopyButton;
use crate::ui::kit::field::{described_by, Labelled};
use crate::ui::kit::rich_text::rich_text;

/// The pack's files: pick one, read it, copy or download it.
#[component]
pub fn PackFiles(
    #[prop(into)] files: Signal<Result<Vec<PackFile>, Vec<crate::export::pack::PackProblem>>>,
    /// The file picker's `id`: one per card, as both cards are in the page.
    id: &'static str,
    /// The `.zip`'s name and the folder in it.
    folder: &'static str,
) -> impl IntoView {
    let chosen = RwSignal::new(0usize);
    let current = Signal::derive(move || {
        files
            .read()
            .as_ref()
            .ok()
            .and_then(|f| f.get(chosen.get()).cloned())
    });
    let text = Signal::derive(move || current.get().map(|f| f.text).unwrap_or_default());
    let save_error = RwSignal::new(None::<String>);
    let save = move |_| {
        let Some(f) = current.get_untracked() else {
            return;
        };
        if let Err(e) = download::save_text(f.name, f.mime, &f.text) {
            save_error.set(Some(e.to_string()));
        }
    };
    // All files at once, in one folder.
    let save_all = move |_| {
        let Ok(list) = files.get_untracked() else {
            return;
        };
        let zip = crate::export::pack::archive::zip(folder, &list);
        let name = format!("{folder}.zip");
        if let Err(e) = download::save_bytes(&name, "application/zip", &zip) {
            save_error.set(Some(e.to_string()));
        }
    };
    move || {
        match files.get() {
        Err(problems) if problems.is_empty() => view! {
            <p class="hint" data-testid=crate::testids::PACK_MISSING>"The pack follows once the linked service above is complete."</p>
        }.into_any(),
        Err(problems) => view! {
            <div class="todo" data-testid=crate::testids::PACK_MISSING>
                <p>"Before the pack can be made:"</p>
                <ul>{problems.iter().map(|p| view! { <li>{rich_text(&pack_problem(p))}</li> }).collect_view()}</ul>
            </div>
        }.into_any(),
        Ok(list) => {
            let all = format!("Download all {} files (.zip)", list.len());
            view! {
            <Labelled id=id label="File">
                <select id=id data-testid=crate::testids::PACK_FILE aria-describedby=described_by(id) on:change=move |ev| {
                    if let Ok(i) = event_target_value(&ev).parse() { chosen.set(i) }
                }>
                    {list.iter().enumerate().map(|(i, f)| view! {
                        <option value=i.to_string() selected=move || chosen.get() == i>{format!("{} — {}", f.name, f.title)}</option>
                    }).collect_view()}
                </select>
            </Labelled>
            <div class="actions">
                <CopyButton text=text what="file" testid=crate::testids::PACK_COPY />
                <button type="button" class="secondary" data-testid=crate::testids::PACK_DOWNLOAD on:click=save>"Download this file"</button>
                <button type="button" class="secondary" data-testid=crate::testids::PACK_DOWNLOAD_ALL on:click=save_all>{all}</button>
            </div>
            <pre data-testid=crate::testids::PACK_TEXT>{move || text.get()}</pre>
            {move || save_error.get().map(|e| view! { <p class="problem">{e}</p> })}
        }.into_any()
        }
    }
    }
}
