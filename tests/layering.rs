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
        for (i, line) in lines.iter().enumerate() {
            if line.starts_with("#[cfg(") && line.contains("test") {
                // `#[path = "file.rs"]` between the two names the file itself.
                let mut next = i + 1;
                if let Some(path) = lines.get(next).and_then(|l| {
                    l.trim()
                        .strip_prefix("#[path = \"")
                        .and_then(|r| r.strip_suffix("\"]"))
                }) {
                    out.insert(file.parent().unwrap().join(path));
                    next += 1;
                }
                let Some(decl) = lines.get(next).map(|l| l.trim()) else {
                    continue;
                };
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

/// The module path of a file: `oauth/flow.rs` → `[oauth, flow]`, `oauth/mod.rs` → `[oauth]`,
/// `lib.rs` → `[]`.
fn module_path(rel: &str) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_owned)
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

fn ident(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The first name of each entry of a `{…}` group that starts `text` (nested groups kept
/// whole).
fn group_heads(text: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let (mut depth, mut entry) = (0, String::new());
    for c in text.chars() {
        match c {
            '{' => {
                depth += 1;
                if depth == 1 {
                    continue;
                }
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    heads.push(ident(entry.trim()));
                    break;
                }
            }
            ',' if depth == 1 => {
                heads.push(ident(entry.trim()));
                entry.clear();
                continue;
            }
            _ => {}
        }
        entry.push(c);
    }
    heads.into_iter().filter(|h| !h.is_empty()).collect()
}

/// The inline modules of a file (`mod name { … }`), with the span of each.
fn inline_modules(code: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices("mod ") {
        if at > 0 && code.as_bytes()[at - 1].is_ascii_alphanumeric() {
            continue;
        }
        let name = ident(&code[at + 4..]);
        let after = code[at + 4 + name.len()..].trim_start();
        if name.is_empty() || !after.starts_with('{') {
            continue;
        }
        let open = code.len() - after.len();
        let mut depth = 0;
        for (i, c) in code[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        out.push((name.clone(), open..open + i));
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// The top modules a file's code names, in every form a path to them takes: `crate::name`,
/// `crate::{a, b::c}`, and `super::` (any number) from the file's own module path (inside
/// `mod name { … }`, `super::` first leaves that module).
fn file_references(rel: &str, code: &str) -> BTreeSet<String> {
    let file_path = module_path(rel);
    let inline = inline_modules(code);
    let mut out = BTreeSet::new();
    let bytes = code.as_bytes();
    let mut at = 0;
    while at < code.len() {
        let rest = &code[at..];
        let starts_word = at == 0 || {
            let b = bytes[at - 1];
            !(b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b == b':')
        };
        let prefix = if !starts_word {
            None
        } else if rest.starts_with("crate::") {
            Some((Vec::<String>::new(), "crate::".len()))
        } else if rest.starts_with("super::") {
            let mut here = file_path.clone();
            here.extend(
                inline
                    .iter()
                    .filter(|(_, range)| range.contains(&at))
                    .map(|(name, _)| name.clone()),
            );
            let mut ups = 0;
            let mut len = 0;
            while rest[len..].starts_with("super::") {
                ups += 1;
                len += "super::".len();
            }
            Some((here[..here.len().saturating_sub(ups)].to_vec(), len))
        } else {
            None
        };
        let Some((base, len)) = prefix else {
            at += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let tail = rest[len..].trim_start();
        let heads = if tail.starts_with('{') {
            group_heads(tail)
        } else {
            vec![ident(tail)]
        };
        for head in heads {
            let top = match base.first() {
                Some(top) => top.clone(),
                None if head == "self" || head.is_empty() => continue,
                None => head,
            };
            out.insert(top);
        }
        at += len;
    }
    out
}

/// Every top module a module's shipped code names, with the files that name it.
fn references(src: &Path) -> BTreeMap<(String, String), BTreeSet<String>> {
    let mut files = Vec::new();
    sources(src, &mut files);
    let tests = test_only_files(src, &files);
    let mut out: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for file in files.iter().filter(|f| !tests.contains(*f)) {
        let from = module_of(src, file);
        let rel = file.strip_prefix(src).unwrap().display().to_string();
        let code = shipped_code(&std::fs::read_to_string(file).unwrap());
        for to in file_references(&rel, &code) {
            if to != from {
                out.entry((from.clone(), to))
                    .or_default()
                    .insert(rel.clone());
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
    // Real import lines, through the same reader as the sources: each form of path.
    let planted = [
        (
            "oauth/flow.rs",
            "use crate::messages::explain;\n",
            "oauth uses messages",
        ),
        (
            "oauth/flow.rs",
            "use crate::{\n    weburl::WebUrl,\n    messages::{self, Situation},\n};\n",
            "oauth uses messages",
        ),
        (
            "export/pack/mod.rs",
            "use super::super::form::Settings;\n",
            "export uses form",
        ),
        (
            "google/ads.rs",
            "fn f() { super::super::ui::app(); }\n",
            "google uses ui",
        ),
        (
            "oauth/mod.rs",
            "pub use super::browser::http;\n",
            "oauth uses browser",
        ),
    ];
    for (file, line, expected) in planted {
        let mut refs = references(&src());
        let from = module_path(file)[0].clone();
        for to in file_references(file, &shipped_code(line)) {
            if to != from {
                refs.entry((from.clone(), to))
                    .or_default()
                    .insert(file.into());
            }
        }
        let bad = violations(&refs);
        assert!(
            bad.iter().any(|b| b.starts_with(expected)),
            "{file}: {line:?} not caught: {bad:?}"
        );
    }
    // Inside an inline module, `super::` is the file's own module.
    assert_eq!(
        file_references(
            "weburl.rs",
            "mod native {\n    use super::{Host, ParseError};\n}\n"
        ),
        BTreeSet::from(["weburl".to_owned()])
    );
    // Paths within a module, and names that only end in `crate`, are not imports of another.
    assert!(file_references(
        "oauth/flow.rs",
        "use super::pending::X; use $crate::y; my_crate::z;"
    )
    .iter()
    .all(|m| m == "oauth"));
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

/// Whether a source file starts by saying what it is for (rust-analyzer's tidy rule).
fn says_what_it_is_for(text: &str) -> bool {
    text.starts_with("//!")
}

#[test]
fn every_source_file_says_what_it_is_for() {
    let src = src();
    let mut files = Vec::new();
    sources(&src, &mut files);
    let silent: Vec<String> = files
        .iter()
        .filter(|f| !says_what_it_is_for(&std::fs::read_to_string(f).unwrap()))
        .map(|f| f.strip_prefix(&src).unwrap().display().to_string())
        .collect();
    assert!(silent.is_empty(), "no `//!` line at the top: {silent:?}");
    // The check itself: a file that opens with code, or with an item's doc, is caught.
    assert!(!says_what_it_is_for("use leptos::prelude::*;\n"));
    assert!(!says_what_it_is_for("/// A card.\npub fn Card() {}\n"));
}

/// The file a module path names under `src`: `[ui, parts]` → `ui/parts.rs` or `ui/parts/mod.rs`,
/// `[]` → `lib.rs`.
fn module_file(src: &Path, path: &[String]) -> Option<PathBuf> {
    if path.is_empty() {
        return Some(src.join("lib.rs"));
    }
    let joined = path.join("/");
    [format!("{joined}.rs"), format!("{joined}/mod.rs")]
        .into_iter()
        .map(|f| src.join(f))
        .find(|f| f.is_file())
}

/// What a module file re-exports: `pub use file::{A, B};` → A and B come from `file`.
fn reexports(module_file: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(module_file).unwrap_or_default();
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let from = ident(rest);
        let names = &rest[from.len()..].trim_start_matches("::");
        let names = if names.starts_with('{') {
            group_heads(names)
        } else {
            vec![ident(names)]
        };
        for name in names {
            out.insert(name, from.clone());
        }
    }
    out
}

/// The files of `src` a file's code imports from: `super::…` and `crate::…` paths resolved
/// to the file that defines the name (through a module's `pub use` re-exports).
fn file_imports(src: &Path, rel: &str, code: &str) -> BTreeSet<String> {
    let here = module_path(rel);
    let mut out = BTreeSet::new();
    let mut push = |base: Vec<String>, head: &str| {
        if head.is_empty() || head == "self" {
            return;
        }
        let mut path = base.clone();
        path.push(head.to_owned());
        let file = module_file(src, &path).or_else(|| {
            let module = module_file(src, &base)?;
            match reexports(&module).get(head) {
                Some(from) => {
                    let mut p = base.clone();
                    p.push(from.clone());
                    module_file(src, &p)
                }
                None => Some(module),
            }
        });
        if let Some(file) = file {
            out.insert(file.strip_prefix(src).unwrap().display().to_string());
        }
    };
    for (at, _) in code.match_indices("super::") {
        if at >= 7 && &code[at - 7..at] == "super::" {
            continue; // the rest of a chain read from its start
        }
        let rest = &code[at..];
        let mut ups = 0;
        let mut len = 0;
        while rest[len..].starts_with("super::") {
            ups += 1;
            len += "super::".len();
        }
        let base = here[..here.len().saturating_sub(ups)].to_vec();
        let tail = &rest[len..];
        let heads = if tail.starts_with('{') {
            group_heads(tail)
        } else {
            vec![ident(tail)]
        };
        for head in heads {
            push(base.clone(), &head);
        }
    }
    out.remove(rel);
    out
}

/// Each pair of files that import each other, directly or around a circle.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let reaches = |from: &str, to: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_owned()];
        while let Some(f) = todo.pop() {
            if f == to {
                return true;
            }
            if seen.insert(f.clone()) {
                todo.extend(graph.get(&f).into_iter().flatten().cloned());
            }
        }
        false
    };
    let mut out = Vec::new();
    for (from, tos) in graph {
        for to in tos {
            if from < to && reaches(to, from) {
                out.push(format!("{from} ↔ {to}"));
            }
        }
    }
    out
}

/// The import graph of the files under `src/ui` (the module root, which only declares and
/// re-exports, left out).
fn ui_graph(planted: Option<(&str, &str)>) -> BTreeMap<String, BTreeSet<String>> {
    let src = src();
    let mut files = Vec::new();
    sources(&src.join("ui"), &mut files);
    let mut graph = BTreeMap::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap().display().to_string();
        if rel == "ui/mod.rs" {
            continue;
        }
        let mut code = shipped_code(&std::fs::read_to_string(file).unwrap());
        if let Some((into, line)) = planted {
            if into == rel {
                code.push_str(line);
            }
        }
        let imports: BTreeSet<String> = file_imports(&src, &rel, &code)
            .into_iter()
            .filter(|f| f != "ui/mod.rs")
            .collect();
        graph.insert(rel, imports);
    }
    graph
}

#[test]
fn no_two_files_of_the_ui_import_each_other() {
    let graph = ui_graph(None);
    assert!(
        graph["ui/parts.rs"].contains("ui/use_them.rs"),
        "the reader found the parts' imports: {:?}",
        graph["ui/parts.rs"]
    );
    let found = cycles(&graph);
    assert!(found.is_empty(), "import cycles: {found:?}");
    // A real import line that closes a circle is caught: a part's root importing the split
    // points that load it.
    let planted = ui_graph(Some((
        "ui/token_facts.rs",
        "use super::parts::{Lazy, Part};\n",
    )));
    assert_eq!(cycles(&planted), ["ui/parts.rs ↔ ui/token_facts.rs"]);
    // And through a name the module root re-exports.
    let planted = ui_graph(Some((
        "ui/error_panel.rs",
        "use super::{rich_text, TokensCard};\n",
    )));
    assert!(
        cycles(&planted)
            .iter()
            .any(|c| c.contains("ui/error_panel.rs")),
        "{:?}",
        cycles(&planted)
    );
}
