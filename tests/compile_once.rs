//! The test command compiles each dependency once. Cargo turns a dependency's features on for
//! what one command builds, and compiles it again for every other set of features: the
//! component tests' dependencies asking for features the page does not (web-sys's
//! `EventInit`, serde_json's `alloc`) had leptos's whole stack compiled a second time after
//! `scripts/serve`, and native commands naming different packages some thirty crates twice.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every package the page's wasm build compiles with `edges` (cargo tree's kinds of
/// dependency), with the features it is compiled with.
fn wasm_features(edges: &str) -> BTreeMap<String, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["tree", "--locked", "-p", "refresh-token-helper"])
        .args(["--target", "wasm32-unknown-unknown", "-e", edges])
        .args(["--prefix", "none", "--format", "{p}|{f}"])
        .current_dir(ROOT)
        .output()
        .expect("cargo runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "cargo tree: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    said.lines()
        .filter_map(|line| line.split_once('|'))
        .map(|(package, features)| {
            // A package seen before ends in " (*)"; one of the workspace names its folder.
            let package = package.split(" (").next().unwrap_or(package).to_owned();
            let features = features.trim_end_matches(" (*)").to_owned();
            (package, features)
        })
        .collect()
}

#[test]
fn the_component_tests_turn_on_no_feature_the_page_does_not() {
    let page = wasm_features("normal,build");
    let tests = wasm_features("normal,build,dev");
    assert!(
        page.len() > 100,
        "cargo tree listed {} packages",
        page.len()
    );
    let differing: Vec<String> = page
        .iter()
        .filter(|(package, features)| tests.get(*package) != Some(features))
        .map(|(package, features)| {
            format!(
                "{package}: the page [{features}], its tests [{}]",
                tests.get(package).map_or("none", String::as_str)
            )
        })
        .collect();
    assert!(
        differing.is_empty(),
        "name these features for the page in Cargo.toml too, or the component tests compile \
         these and all that depends on them again: {differing:#?}"
    );
}

#[test]
fn every_native_cargo_command_of_the_test_command_names_the_same_packages() {
    let script = std::fs::read_to_string(Path::new(ROOT).join("scripts/test")).unwrap();
    let commands: Vec<&str> = script
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .filter(|line| line.contains("cargo test") || line.contains("cargo build"))
        .collect();
    assert!(commands.len() >= 8, "found only {commands:#?}");
    let odd: Vec<&&str> = commands
        .iter()
        .filter(|line| !line.contains("--target wasm32-unknown-unknown"))
        .filter(|line| !line.contains("cargo test \"${NATIVE[@]}\""))
        .collect();
    assert!(
        odd.is_empty(),
        "these native commands name other packages than \"${{NATIVE[@]}}\": {odd:#?}"
    );
}
