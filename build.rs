//! Two variants of the page from one source: Google-only by default, and any-provider when
//! `RTH_PROVIDER_ORIGINS` names, at build time, the origins its CSP lets it reach (the
//! policy itself is written by scripts/csp).
fn main() {
    println!("cargo::rustc-check-cfg=cfg(any_provider)");
    println!("cargo::rerun-if-env-changed=RTH_PROVIDER_ORIGINS");
    let origins = std::env::var("RTH_PROVIDER_ORIGINS").unwrap_or_default();
    let origins = origins.split_whitespace().collect::<Vec<_>>().join(" ");
    if !origins.is_empty() {
        println!("cargo::rustc-cfg=any_provider");
    }
    println!("cargo::rustc-env=RTH_PROVIDER_ORIGINS={origins}");
}
