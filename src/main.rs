//! Mounts the app; nothing else. Inside another page's frame it mounts only a refusal.

#[cfg(target_arch = "wasm32")]
fn main() {
    use refresh_token_helper::{browser, ui};
    browser::perf::mark(browser::perf::START);
    browser::panic::install();
    if browser::location::in_frame() {
        leptos::mount::mount_to_body(ui::app::FramedRefusal);
        return;
    }
    leptos::mount::mount_to_body(ui::app::App);
    browser::perf::mark(browser::perf::INTERACTIVE);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Refresh Token Helper is a web page: build it with `trunk build` and open it in a browser."
    );
}
