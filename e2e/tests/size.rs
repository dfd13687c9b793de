//! The size guard: the release page's gzip total must stay within bench/size-budget.txt.
//! Bytes are deterministic, so growth is a decision (raise the budget in the same change),
//! never an accident.

use e2e::measure::{dist_sizes, size_budget, totals};

#[test]
fn the_release_page_fits_its_gzip_budget() {
    let dist = e2e::site::dist_dir();
    let files = dist_sizes(&dist);
    assert!(
        files.iter().any(|f| f.name.ends_with(".wasm")),
        "{} holds no .wasm: build it with `trunk build --release`",
        dist.display()
    );
    let (raw, gzip, _) = totals(&files);
    let budget = size_budget();
    for f in &files {
        eprintln!("{:>9} raw {:>9} gzip  {}", f.raw, f.gzip, f.name);
    }
    eprintln!("{raw:>9} raw {gzip:>9} gzip  total (budget {budget} gzip)");
    assert!(
        gzip <= budget,
        "dist/ is {gzip} bytes gzipped, over the budget of {budget} in bench/size-budget.txt"
    );
}
