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

/// Every `.rs` file of the repository's code, with its text.
fn rust_sources() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    let mut out = Vec::new();
    for dir in ["src", "tests", "e2e/src", "e2e/tests"] {
        walk(&root().join(dir), &mut out);
    }
    out
}

/// Whether a file or folder named `name` is anywhere under `dir` (build output left out).
fn tree_has(dir: &Path, name: &str) -> bool {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .any(|entry| {
            let path = entry.path();
            let skip = path.file_name().is_some_and(|n| {
                n.to_str().is_some_and(|n| {
                    n.starts_with('.') || n.starts_with("target") || n.starts_with("dist")
                })
            });
            !skip
                && (path.file_name().is_some_and(|n| n == name)
                    || (path.is_dir() && tree_has(&path, name)))
        })
}

/// What a code span of the architecture names that is not there: a path (from the root, or
/// from `src/` or `e2e/` as the map writes them), a function (`module::name`, `Type::name`) or
/// a type (`Name`). Other spans (a word, a command) name nothing to check.
fn missing_names(text: &str, sources: &[String]) -> Vec<String> {
    let defines = |item: &str| {
        sources.iter().any(|s| {
            s.contains(&format!("fn {item}("))
                || s.contains(&format!("fn {item}<"))
                || s.contains(&format!("struct {item}"))
                || s.contains(&format!("enum {item}"))
                || s.contains(&format!("type {item}"))
        })
    };
    let mut bad = Vec::new();
    for (i, span) in text.split('`').enumerate() {
        // Words, commands, globs and markers name nothing to look for.
        if i % 2 == 0 || span.contains([' ', '*']) || !span.chars().any(char::is_alphanumeric) {
            continue;
        }
        let is_path = span.contains('/')
            || [".rs", ".md", ".js", ".toml"]
                .iter()
                .any(|e| span.ends_with(e));
        if is_path {
            // From the root, from `src/` or `e2e/`, or (a bare name, as a folder's paragraph
            // writes its files) anywhere in the tree.
            let bare = span.trim_end_matches('/');
            let found = ["", "src/", "e2e/"]
                .iter()
                .any(|base| root().join(format!("{base}{span}")).exists())
                || (!bare.contains('/') && tree_has(&root(), bare));
            if !found {
                bad.push(format!("{span}: no such file"));
            }
            continue;
        }
        let segments: Vec<&str> = span.split("::").collect();
        let last = segments[segments.len() - 1];
        let word = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_');
        if !segments.iter().all(|s| word(s)) {
            continue;
        }
        let named = if segments.len() > 1 || last.chars().next().is_some_and(char::is_uppercase) {
            Some(last)
        } else {
            None
        };
        if let Some(item) = named {
            let module = tree_has(&root().join("src"), &format!("{item}.rs"));
            if !defines(item) && !module {
                bad.push(format!("{span}: nothing defines {item}"));
            }
        }
    }
    bad
}

#[test]
fn the_architecture_names_only_what_exists() {
    let map = std::fs::read_to_string(root().join("docs/ARCHITECTURE.md")).unwrap();
    let sources = rust_sources();
    let bad = missing_names(&map, &sources);
    assert!(
        bad.is_empty(),
        "docs/ARCHITECTURE.md names what is not there:\n{}",
        bad.join("\n")
    );
    // The check itself: a moved file, a renamed test and a type that is gone are caught.
    let planted = "`ui/tokens_card.rs` `layering::no_cycle_anywhere` `Guide::follow` `Gone`";
    assert_eq!(
        missing_names(planted, &sources).len(),
        4,
        "{:?}",
        missing_names(planted, &sources)
    );
}
