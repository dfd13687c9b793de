//! Mounts the app; nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    refresh_token_helper::browser::panic::install();
    leptos::mount::mount_to_body(refresh_token_helper::ui::App);
    refresh_token_helper::browser::perf::mark(refresh_token_helper::browser::perf::INTERACTIVE);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Refresh Token Helper is a web page: build it with `trunk build` and open it in a browser."
    );
}
