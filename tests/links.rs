//! The repository's Markdown holds: every relative link and image names a file that exists,
//! and every `#anchor` a heading of the file it points into (as GitHub makes anchors).

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Markdown files git tracks.
fn markdown_files() -> Vec<PathBuf> {
    let out = Command::new("git")
        .args(["ls-files", "-z", "*.md"])
        .current_dir(root())
        .output()
        .expect("git lists the tracked files");
    out.stdout
        .split(|b| *b == 0)
        .filter(|n| !n.is_empty())
        .map(|n| root().join(std::str::from_utf8(n).unwrap()))
        .collect()
}

/// The targets of `[text](target)`, `![alt](target)` and `src="…"`/`href="…"` in `text`,
/// outside code blocks and code spans.
fn targets(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        // Code spans hold examples, not links.
        let prose: String = line
            .split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 0)
            .map(|(_, part)| part)
            .collect::<Vec<_>>()
            .join(" ");
        for (at, _) in prose.match_indices("](") {
            let rest = &prose[at + 2..];
            if let Some(end) = rest.find(')') {
                let target = rest[..end].split_whitespace().next().unwrap_or("");
                out.push(target.to_owned());
            }
        }
        for attr in ["src=\"", "href=\""] {
            for (at, _) in prose.match_indices(attr) {
                let rest = &prose[at + attr.len()..];
                if let Some(end) = rest.find('"') {
                    out.push(rest[..end].to_owned());
                }
            }
        }
    }
    out
}

/// GitHub's anchor of a heading: lowercased, punctuation other than `-` and `_` dropped,
/// spaces as hyphens.
fn anchor_of(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

fn anchors(file: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let mut fenced = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced && line.starts_with('#') {
            out.push(anchor_of(line.trim_start_matches('#')));
        }
    }
    out
}

/// What is wrong with the links of `file`, one line each.
fn broken(file: &Path, text: &str) -> Vec<String> {
    let mut bad = Vec::new();
    for target in targets(text) {
        let external = target.contains("://") || target.starts_with("mailto:");
        if external || target.is_empty() {
            continue;
        }
        let (path, anchor) = match target.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (target.as_str(), None),
        };
        let into = if path.is_empty() {
            file.to_path_buf()
        } else {
            file.parent().unwrap().join(path)
        };
        if !into.exists() {
            bad.push(format!("{}: {target}: no such file", file.display()));
            continue;
        }
        if let Some(anchor) = anchor {
            if into.extension().is_some_and(|e| e == "md")
                && !anchors(&into).iter().any(|a| a == anchor)
            {
                bad.push(format!("{}: {target}: no such heading", file.display()));
            }
        }
    }
    bad
}

#[test]
fn every_relative_link_and_image_of_the_markdown_exists() {
    let files = markdown_files();
    assert!(
        files.iter().any(|f| f.ends_with("README.md")),
        "no README among {files:?}"
    );
    let bad: Vec<String> = files
        .iter()
        .flat_map(|f| broken(f, &std::fs::read_to_string(f).unwrap()))
        .collect();
    assert!(bad.is_empty(), "broken links:\n{}", bad.join("\n"));
}

#[test]
fn the_link_check_sees_a_missing_file_image_and_heading() {
    let readme = root().join("README.md");
    let planted = "![gone](docs/screenshots/1-start.png) [a](SECURITY.md#no-such-heading) \
                   [b](missing.md) [ok](SECURITY.md#origin-isolation) `[code](nowhere.md)`\n\
                   <img src=\"docs/none.png\">\n";
    let bad = broken(&readme, planted);
    assert_eq!(bad.len(), 4, "{bad:#?}");
    assert!(bad[0].contains("1-start.png: no such file"));
    assert!(bad[1].contains("#no-such-heading: no such heading"));
    assert!(bad[2].contains("missing.md: no such file"));
    assert!(bad[3].contains("docs/none.png: no such file"));
}
