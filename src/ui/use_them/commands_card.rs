//! "Commands": the page's requests as curl and PowerShell commands that ask for the secrets.

use leptos::prelude::*;

use crate::export::commands::{curl, powershell};
use crate::oauth::{grant, FormRequest, RefreshToken};
use crate::ui::kit::copy_button::CopyButton;
use crate::ui::kit::reveal_toggle::RevealToggle;
use crate::ui::state::form::use_form;
use crate::ui::state::tokens::use_tokens;

/// The page's requests as curl and PowerShell commands.
#[component]
pub fn CommandsCard() -> impl IntoView {
    let form = use_form();
    let tokens = use_tokens();
    let reveal = RwSignal::new(false);
    let shell = RwSignal::new("curl");
    let requests = move || {
        let mut list: Vec<(&'static str, FormRequest)> = Vec::new();
        if let Some(t) = tokens.issued.get() {
            list.push(("Code exchange", t.request));
        }
        tokens.refresh_input.track();
        form.settings.track();
        form.secret.track();
        let target = tokens.target(&form).ok();
        if let Some(r) = target.clone().and_then(|t| tokens.refresh_request(t).ok()) {
            list.push(("Refresh (what ADF does)", r.request));
        }
        if let (Some(endpoint), Ok(token)) = (
            target.and_then(|t| t.provider.revocation),
            RefreshToken::parse(tokens.refresh_input.read().expose()),
        ) {
            list.push(("Revoke", grant::revoke(&endpoint, token.secret())));
        }
        list
    };
    view! {
        <Show when=move || !requests().is_empty()>
            <section class="card" aria-labelledby="commands-title" data-testid=crate::testids::COMMANDS_CARD>
                <h2 id="commands-title">"Do it yourself: curl and PowerShell"</h2>
                <div class="actions" role="group" aria-label="Command format">
                    <button type="button" class="secondary" aria-pressed=move || (shell.get() == "curl").to_string() data-testid=crate::testids::FORMAT_CURL on:click=move |_| shell.set("curl")>"curl"</button>
                    <button type="button" class="secondary" aria-pressed=move || (shell.get() == "powershell").to_string() data-testid=crate::testids::FORMAT_POWERSHELL on:click=move |_| shell.set("powershell")>"PowerShell"</button>
                    <RevealToggle reveal=reveal testid=crate::testids::COMMANDS_REVEAL of="the commands" />
                </div>
                <p class="hint">"Each command asks for the client secret and the tokens when it runs, so none of them lands in a command line or your shell's history. Copy gives exactly what is shown; Reveal shows the code, which works once."</p>
                {move || requests().into_iter().enumerate().map(|(i, (title, request))| {
                    let text = if shell.get() == "curl" { curl(&request, reveal.get()) } else { powershell(&request, reveal.get()) };
                    view! {
                        <h3>{title}</h3>
                        <div class="with-button">
                            <pre data-testid=crate::testids::command(i)>{text.clone()}</pre>
                            <CopyButton text=Signal::stored(text) what=format!("{title} command") testid=format!("{}-copy", crate::testids::command(i)) />
                        </div>
                    }
                }).collect_view()}
            </section>
        </Show>
    }
}
