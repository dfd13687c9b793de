//! A minimal Leptos CSR page that uses gloo-net and serde: the floor the app's size is
//! compared with. A form, one POST, one JSON answer shown.

#[cfg(target_arch = "wasm32")]
mod page {
    use leptos::prelude::*;
    use serde::Deserialize;

    #[derive(Deserialize, Clone, Debug)]
    struct Answer {
        access_token: String,
    }

    async fn post(url: String, body: String) -> Result<Answer, String> {
        let response = gloo_net::http::Request::post(&url)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body)
            .map_err(|e| e.to_string())?
            .send()
            .await
            .map_err(|e| e.to_string())?;
        let text = response.text().await.map_err(|e| e.to_string())?;
        serde_json::from_str(&text).map_err(|e| e.to_string())
    }

    #[component]
    pub fn Page() -> impl IntoView {
        let url = RwSignal::new(String::new());
        let client_id = RwSignal::new(String::new());
        let send = Action::new_local(move |_: &()| {
            post(
                url.get_untracked(),
                format!("client_id={}", client_id.get_untracked()),
            )
        });
        view! {
            <main>
                <label for="client-id">"Client ID"</label>
                <input id="client-id" prop:value=move || client_id.get() on:input=move |ev| client_id.set(event_target_value(&ev)) />
                <label for="url">"Token endpoint"</label>
                <input id="url" prop:value=move || url.get() on:input=move |ev| url.set(event_target_value(&ev)) />
                <button on:click=move |_| { send.dispatch(()); }>"Send"</button>
                <p>{move || send.value().get().map(|r| match r { Ok(a) => a.access_token, Err(e) => e })}</p>
            </main>
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    leptos::mount::mount_to_body(page::Page);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
