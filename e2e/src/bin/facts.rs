//! `scripts/facts`: the dated facts about Google and Azure (`google::facts`) whose check is
//! older than 90 days, oldest first, each with its source: a reminder to read the source
//! again and update the fact and its date. Never a failure: it always exits 0.

use refresh_token_helper::google::facts::{self, Source, STALE_AFTER_DAYS};

fn main() {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let today = (now / 86_400) as i64;
    let stale = facts::stale(today);
    println!(
        "{} dated facts; the page says they were checked on {}.",
        facts::ALL.len(),
        facts::checked_on()
    );
    if stale.is_empty() {
        println!("None was last checked more than {STALE_AFTER_DAYS} days ago.");
        return;
    }
    println!(
        "Checked more than {STALE_AFTER_DAYS} days ago: read the source again, then update the fact and its date in src/google/facts.rs."
    );
    for fact in stale {
        let source = match fact.source {
            Source::Page(url) => url,
            Source::NotFound(why) => why,
        };
        println!(
            "- {} (checked {}): {}\n  {}",
            fact.name, fact.checked, fact.says, source
        );
    }
}
