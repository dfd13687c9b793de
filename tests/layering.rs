//! The architecture, checked from the source (as rust-analyzer's tidy tests guard theirs):
//! the modules form layers that import only downwards, so there is no cycle between them,
//! and only `messages` (and the UI that shows them) speaks to the user.
//!
//! Layers, lowest first: the shared base (`weburl`, `variant`, `testids`), `oauth` (the
//! protocol), `google` (Google's facts and checks), `export` and `form` (what the user takes
//! away, what the user types), `messages` (every sentence), `browser` (the page's adapters),
//! `ui`. A module may use its own layer's module and any lower layer, never a higher one nor
//! a neighbour on its own layer.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LAYERS: &[&[&str]] = &[
    &["weburl", "weburl_parity", "variant", "testids"],
    &["oauth"],
    &["google"],
    &["export", "form"],
    &["messages"],
    &["browser"],
    &["ui"],
];

/// The top modules that only wire the others together.
const ROOTS: &[&str] = &["lib", "main"];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top module a file belongs to: `src/oauth/flow.rs` → `oauth`, `src/form.rs` → `form`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_str()
        .unwrap();
    first.trim_end_matches(".rs").to_owned()
}

/// The code of a file that ships: comments dropped, and the test module at its end cut off
/// (tests may check a lower layer's facts through a higher layer's words). A file that is a
/// test module as a whole is declared `#[cfg(… test …)]` where it is included.
fn shipped_code(text: &str) -> String {
    let mut out = String::new();
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        let test_cfg = line.starts_with("#[cfg(test)]") || line.starts_with("#[cfg(all(test");
        if test_cfg
            && lines
                .get(i + 1)
                .is_some_and(|next| next.starts_with("mod tests"))
        {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn test_only_files(src: &Path, files: &[PathBuf]) -> BTreeSet<PathBuf> {
    // `#[cfg(… test …)] mod name;` in a file: `name.rs` (or `name/mod.rs`) beside it is tests.
    let mut out = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for pair in lines.windows(2) {
            if pair[0].starts_with("#[cfg(") && pair[0].contains("test") {
                let decl = pair[1].trim();
                if let Some(name) = decl
                    .strip_prefix("mod ")
                    .or_else(|| decl.strip_prefix("pub(crate) mod "))
                    .and_then(|r| r.strip_suffix(';'))
                {
                    let dir = if file.file_name().unwrap() == "mod.rs" || file.parent() == Some(src)
                    {
                        file.parent().unwrap().to_path_buf()
                    } else {
                        file.with_extension("")
                    };
                    out.insert(dir.join(format!("{name}.rs")));
                    out.insert(dir.join(name).join("mod.rs"));
                }
            }
        }
    }
    out
}

/// Every `crate::module` a module's shipped code names, with the files that name it.
fn references(src: &Path) -> BTreeMap<(String, String), BTreeSet<String>> {
    let mut files = Vec::new();
    sources(src, &mut files);
    let tests = test_only_files(src, &files);
    let mut out: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for file in files.iter().filter(|f| !tests.contains(*f)) {
        let from = module_of(src, file);
        let code = shipped_code(&std::fs::read_to_string(file).unwrap());
        for (at, _) in code.match_indices("crate::") {
            let before = code[..at].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // `some_crate::` or `$crate::`
            }
            let to: String = code[at + 7..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !to.is_empty() && to != from {
                let rel = file.strip_prefix(src).unwrap().display().to_string();
                out.entry((from.clone(), to)).or_default().insert(rel);
            }
        }
    }
    out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Each reference that runs against the layers, in words.
fn violations(refs: &BTreeMap<(String, String), BTreeSet<String>>) -> Vec<String> {
    let mut bad = Vec::new();
    for ((from, to), files) in refs {
        if ROOTS.contains(&from.as_str()) {
            continue;
        }
        match (layer(from), layer(to)) {
            (Some(f), Some(t)) if t < f => {}
            (Some(_), Some(_)) => bad.push(format!("{from} uses {to} ({files:?})")),
            _ => bad.push(format!("{from} or {to} has no layer ({files:?})")),
        }
    }
    bad
}

#[test]
fn modules_import_only_from_lower_layers() {
    let refs = references(&src());
    assert!(
        refs.contains_key(&("ui".into(), "messages".into())),
        "the reader found the UI's imports"
    );
    let bad = violations(&refs);
    assert!(
        bad.is_empty(),
        "imports against the layers:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_checker_catches_an_import_against_the_layers() {
    let mut refs = references(&src());
    refs.entry(("oauth".into(), "messages".into()))
        .or_default()
        .insert("oauth/flow.rs".into());
    refs.entry(("export".into(), "form".into()))
        .or_default()
        .insert("export/pack/mod.rs".into());
    let bad = violations(&refs);
    assert!(
        bad.iter().any(|b| b.starts_with("oauth uses messages")),
        "{bad:?}"
    );
    assert!(
        bad.iter().any(|b| b.starts_with("export uses form")),
        "{bad:?}"
    );
    // Tests at a file's end, and comments, are not shipped code.
    let code = shipped_code(
        "use a;\n// crate::ui\nfn f() {}\n#[cfg(test)]\nmod tests { use crate::ui; }\n",
    );
    assert!(!code.contains("crate::ui"));
}

#[test]
fn only_the_messages_and_the_ui_make_explanations() {
    let src = src();
    let mut files = Vec::new();
    sources(&src, &mut files);
    let tests = test_only_files(&src, &files);
    let mut bad = Vec::new();
    for file in files.iter().filter(|f| !tests.contains(*f)) {
        let module = module_of(&src, file);
        if matches!(module.as_str(), "messages" | "ui" | "lib" | "main") {
            continue;
        }
        let code = shipped_code(&std::fs::read_to_string(file).unwrap());
        for word in ["Explanation", "explain("] {
            if code.contains(word) {
                bad.push(format!(
                    "{} has {word}",
                    file.strip_prefix(&src).unwrap().display()
                ));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "prose outside the messages:\n{}",
        bad.join("\n")
    );
}

#[test]
fn no_export_file_is_over_600_lines() {
    let mut files = Vec::new();
    sources(&src().join("export"), &mut files);
    let long: Vec<String> = files
        .iter()
        .map(|f| (f, std::fs::read_to_string(f).unwrap().lines().count()))
        .filter(|(_, n)| *n > 600)
        .map(|(f, n)| format!("{} has {n} lines", f.display()))
        .collect();
    assert!(long.is_empty(), "{long:?}");
}
