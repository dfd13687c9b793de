//! The page, its messages and its documents never send people where Google closed the road:
//! since the developer-token sunset (2026-09-09, `google::facts::ADS_DEVELOPER_TOKEN_SUNSET`)
//! Google Ads access is applied for on the Cloud project's Google Ads API Overview page, not
//! in a manager account's API Center. The words are spelled out in pieces here so that this
//! file does not hold them.

use std::path::{Path, PathBuf};

/// Every text file the page ships or the project shows a reader.
fn shipped_texts(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo: Vec<PathBuf> = ["src", "docs", "deploy", "e2e/src", "style"]
        .iter()
        .map(|d| root.join(d))
        .collect();
    for file in ["README.md", "SECURITY.md", "index.html"] {
        out.push(root.join(file));
    }
    while let Some(dir) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| {
                ["rs", "md", "html", "css", "sh", "ps1", "json", "toml"]
                    .contains(&e.to_str().unwrap_or(""))
            }) {
                out.push(path);
            }
        }
    }
    out
}

/// The lines of `files` that contain `needle` (any case).
fn lines_naming(files: &[PathBuf], needle: &str) -> Vec<String> {
    let needle = needle.to_ascii_lowercase();
    files
        .iter()
        .filter_map(|f| Some((f, std::fs::read_to_string(f).ok()?)))
        .flat_map(|(f, text)| {
            text.lines()
                .enumerate()
                .filter(|(_, l)| l.to_ascii_lowercase().contains(&needle))
                .map(|(n, l)| format!("{}:{}: {}", f.display(), n + 1, l.trim()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn no_shipped_text_sends_people_to_the_retired_api_center() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = shipped_texts(root);
    assert!(
        files.len() > 50,
        "the scan found too few files: {}",
        files.len()
    );
    assert!(
        !lines_naming(&files, "Google Ads API → Overview").is_empty(),
        "the scan reads the messages (it finds where access is applied for today)"
    );
    let retired = ["API", "Center"].join(" ");
    let found = lines_naming(&files, &retired);
    assert!(found.is_empty(), "{}", found.join("\n"));
}
