//! The size guard: what every first visit of the release page downloads, and the whole page,
//! must stay within bench/size-budget.txt. Bytes are deterministic, so growth is a decision
//! (raise the budget in the same change), never an accident.

use e2e::measure::{dist_sizes, part_files, size_budget, totals};

#[test]
fn the_first_screen_and_the_whole_page_fit_their_budgets() {
    let dist = e2e::site::dist_dir();
    let files = dist_sizes(&dist);
    assert!(
        files.iter().any(|f| f.name.ends_with(".wasm")),
        "{} holds no .wasm: build it with scripts/release",
        dist.display()
    );
    let later = part_files(&dist);
    assert!(
        !later.is_empty(),
        "{} has no parts fetched later: scripts/release splits the wasm (scripts/split)",
        dist.display()
    );
    for name in &later {
        assert!(
            files.iter().any(|f| &f.name == name),
            "the parts' loader fetches {name}, which is not in {}",
            dist.display()
        );
    }
    let (first, parts): (Vec<_>, Vec<_>) = files
        .iter()
        .cloned()
        .partition(|f| !later.contains(&f.name));
    for f in &first {
        eprintln!(
            "{:>9} raw {:>9} br {:>9} gzip  {}",
            f.raw, f.brotli, f.gzip, f.name
        );
    }
    for f in &parts {
        eprintln!(
            "{:>9} raw {:>9} br {:>9} gzip  {} (a part)",
            f.raw, f.brotli, f.gzip, f.name
        );
    }
    let (_, _, first_br) = totals(&first);
    let (_, whole_gzip, _) = totals(&files);
    let first_budget = size_budget("first-screen-brotli");
    let whole_budget = size_budget("whole-gzip");
    eprintln!("first screen {first_br} br (budget {first_budget}); whole page {whole_gzip} gzip (budget {whole_budget})");
    assert!(
        first_br <= first_budget,
        "a first visit downloads {first_br} bytes (Brotli), over the budget of {first_budget} in bench/size-budget.txt"
    );
    assert!(
        whole_gzip <= whole_budget,
        "dist/ is {whole_gzip} bytes gzipped, over the budget of {whole_budget} in bench/size-budget.txt"
    );
}
