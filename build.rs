//! Two variants of the page from one source: Google-only by default, and any-provider when
//! `RTH_PROVIDER_ORIGINS` names, at build time, the origins its CSP lets it reach (the
//! policy itself is written by scripts/csp).
fn main() {
    println!("cargo::rustc-check-cfg=cfg(any_provider)");
    println!("cargo::rerun-if-env-changed=RTH_PROVIDER_ORIGINS");
    let origins = std::env::var("RTH_PROVIDER_ORIGINS").unwrap_or_default();
    if origins.split_whitespace().next().is_some() {
        println!("cargo::rustc-cfg=any_provider");
    }
}
