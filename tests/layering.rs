//! The architecture, checked from the source (as rust-analyzer's tidy tests guard theirs):
//! the modules form layers that import only downwards, so there is no cycle between them,
//! and only `messages` (and the UI that shows them) speaks to the user.
//!
//! Layers, lowest first: the shared base (`weburl`, `variant`, `testids`), `oauth` (the
//! protocol), `google` (Google's facts and checks), `export` and `form` (what the user takes
//! away, what the user types), `messages` (every sentence), `browser` (the page's adapters),
//! `ui`. A module may use its own layer's module and any lower layer, never a higher one nor
//! a neighbour on its own layer.
//!
//! Inside `ui` the folders are layers too: `kit` < `state` < `sign_in`, `use_them`, `tasks`
//! (siblings, never importing each other) < `parts` < `app`, and no file re-exports. No two
//! files anywhere import each other, directly or around a circle, and every file starts with
//! a `//!` line saying what it is for. Every rule reads the sources through one path reader
//! (`crate_paths`), and each is shown to catch a planted import line of every form.

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

/// The entries of a `{…}` group that starts `text`, each as written (nested groups whole).
fn group_entries(text: &str) -> Vec<String> {
    let mut entries = Vec::new();
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
                    entries.push(entry.trim().to_owned());
                    break;
                }
            }
            ',' if depth == 1 => {
                entries.push(entry.trim().to_owned());
                entry.clear();
                continue;
            }
            _ => {}
        }
        entry.push(c);
    }
    entries.into_iter().filter(|e| !e.is_empty()).collect()
}

/// The paths a path's tail names below `base`: `a::b::C` → `base::a::b::C`, `a::{b, c::D}`
/// → `base::a::b` and `base::a::c::D` (`self` in a group is the group's module).
fn expand(base: Vec<String>, tail: &str, out: &mut Vec<Vec<String>>) {
    let mut path = base;
    let mut rest = tail.trim_start();
    loop {
        if rest.starts_with('{') {
            for entry in group_entries(rest) {
                expand(path.clone(), &entry, out);
            }
            return;
        }
        let name = ident(rest);
        if name.is_empty() {
            break;
        }
        if name != "self" {
            path.push(name.clone());
        }
        rest = &rest[name.len()..];
        match rest.strip_prefix("::") {
            Some(after) => rest = after.trim_start(),
            None => break,
        }
    }
    out.push(path);
}

/// Every path a file's code names into the crate, from the crate's root, in every form a path
/// takes: `crate::a::B`, `crate::{a, b::c}`, and `super::` (any number) from the file's own
/// module path (inside `mod name { … }`, `super::` first leaves that module).
fn crate_paths(rel: &str, code: &str) -> Vec<Vec<String>> {
    let file_path = module_path(rel);
    let inline = inline_modules(code);
    let mut out = Vec::new();
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
        expand(base, &rest[len..], &mut out);
        at += len;
    }
    out.retain(|p| !p.is_empty());
    out
}

/// The top modules a file's code names.
fn file_references(rel: &str, code: &str) -> BTreeSet<String> {
    crate_paths(rel, code)
        .into_iter()
        .map(|p| p[0].clone())
        .collect()
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

/// The files of `src` a file's code imports from: each path into the crate resolved to the
/// deepest module that has a file of its own.
fn file_imports(src: &Path, rel: &str, code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for path in crate_paths(rel, code) {
        if let Some(file) = (0..=path.len())
            .rev()
            .find_map(|n| module_file(src, &path[..n]))
        {
            out.insert(file.strip_prefix(src).unwrap().display().to_string());
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

/// The shipped code of every file under `src/{under}`, by its path from `src`, with `planted`
/// lines added to the file they name.
fn shipped_files(under: &str, planted: &[(&str, &str)]) -> BTreeMap<String, String> {
    let src = src();
    let mut files = Vec::new();
    sources(&src.join(under), &mut files);
    let tests = test_only_files(&src, &files);
    let mut out = BTreeMap::new();
    for file in files.iter().filter(|f| !tests.contains(*f)) {
        let rel = file.strip_prefix(&src).unwrap().display().to_string();
        let mut code = shipped_code(&std::fs::read_to_string(file).unwrap());
        for (into, line) in planted {
            if *into == rel {
                code.push_str(line);
            }
        }
        out.insert(rel, code);
    }
    out
}

/// The import graph of the files under `src/{under}`. A module root that only declares its
/// files (`mod.rs`, `lib.rs`) is where the compiler finds them, not an import.
fn import_graph(under: &str, planted: &[(&str, &str)]) -> BTreeMap<String, BTreeSet<String>> {
    let src = src();
    shipped_files(under, planted)
        .into_iter()
        .map(|(rel, code)| {
            let imports = file_imports(&src, &rel, &code);
            (rel, imports)
        })
        .collect()
}

#[test]
fn no_two_files_import_each_other() {
    let graph = import_graph("", &[]);
    assert!(
        graph["ui/parts.rs"].contains("ui/use_them/tabs.rs"),
        "the reader found the parts' imports: {:?}",
        graph["ui/parts.rs"]
    );
    let found = cycles(&graph);
    assert!(found.is_empty(), "import cycles: {found:?}");
    // A real import line that closes a circle is caught: a part's root importing the split
    // points that load it, in each form a path takes.
    for line in [
        "use crate::ui::parts::place;\n",
        "use crate::ui::{parts::{self, place}, kit};\n",
        "use super::super::parts::place;\n",
    ] {
        let planted = import_graph("", &[("ui/sign_in/token_facts.rs", line)]);
        assert_eq!(
            cycles(&planted),
            ["ui/parts.rs ↔ ui/sign_in/token_facts.rs"],
            "{line:?}"
        );
    }
    // And between two modules outside the UI.
    let planted = import_graph(
        "",
        &[("oauth/endpoint.rs", "use crate::oauth::flow::Flow;\n")],
    );
    assert!(
        cycles(&planted)
            .iter()
            .any(|c| c.contains("oauth/endpoint.rs")),
        "{:?}",
        cycles(&planted)
    );
}

/// The folders of `src/ui` as layers, lowest first: a file imports from its own folder and
/// from lower layers only, never from a sibling folder on its own layer.
const UI_LAYERS: &[&[&str]] = &[
    &["kit"],
    &["state"],
    &["sign_in", "use_them", "tasks"],
    &["parts"],
    &["app"],
];

/// The room of `src/ui` a path names: `ui/kit/field.rs` and `[ui, kit, field]` → `kit`,
/// `ui/parts.rs` → `parts`; `None` for the module root.
fn ui_room(path: &[String]) -> Option<String> {
    (path.first().map(String::as_str) == Some("ui"))
        .then(|| path.get(1).cloned())
        .flatten()
}

/// Each import in `src/ui` against its folders' layers, in words.
fn ui_violations(planted: &[(&str, &str)]) -> Vec<String> {
    let layer = |room: &str| UI_LAYERS.iter().position(|l| l.contains(&room));
    let mut bad = BTreeSet::new();
    for (rel, code) in shipped_files("ui", planted) {
        let Some(from) = ui_room(&module_path(&rel)) else {
            continue;
        };
        for path in crate_paths(&rel, &code) {
            let Some(to) = ui_room(&path).filter(|to| *to != from) else {
                continue;
            };
            match (layer(&from), layer(&to)) {
                (Some(f), Some(t)) if t < f => {}
                (Some(_), Some(_)) => {
                    bad.insert(format!("{from} uses {to} ({rel})"));
                }
                _ => {
                    bad.insert(format!("{from} or {to} has no layer ({rel})"));
                }
            }
        }
    }
    bad.into_iter().collect()
}

#[test]
fn the_ui_folders_import_only_from_lower_ones() {
    let files = shipped_files("ui", &[]);
    assert!(
        files.keys().any(|f| f.starts_with("ui/kit/"))
            && files.keys().any(|f| f.starts_with("ui/tasks/")),
        "the reader found the folders: {:?}",
        files.keys()
    );
    let bad = ui_violations(&[]);
    assert!(
        bad.is_empty(),
        "imports against the UI's folders:\n{}",
        bad.join("\n")
    );
    // Real import lines, each form of path: upwards, and between siblings.
    let planted = [
        (
            "ui/kit/field.rs",
            "use crate::ui::state::form::use_form;\n",
            "kit uses state",
        ),
        (
            "ui/state/guide.rs",
            "use super::super::sign_in::steps::NextStep;\n",
            "state uses sign_in",
        ),
        (
            "ui/tasks/diagnose_card.rs",
            "use crate::ui::{use_them::tabs::UseThem, kit};\n",
            "tasks uses use_them",
        ),
        (
            "ui/sign_in/tokens_card.rs",
            "fn f() { crate::ui::parts::place(); }\n",
            "sign_in uses parts",
        ),
        (
            "ui/parts.rs",
            "use crate::ui::app::App;\n",
            "parts uses app",
        ),
    ];
    for (file, line, expected) in planted {
        let bad = ui_violations(&[(file, line)]);
        assert!(
            bad.iter().any(|b| b.starts_with(expected)),
            "{file}: {line:?} not caught: {bad:?}"
        );
    }
}

/// Whether a file re-exports a name (`pub use`), which would make it a hub other files import
/// through instead of the module that defines the name.
fn reexports(code: &str) -> bool {
    code.lines().any(|l| {
        l.trim_start().starts_with("pub use ") || l.trim_start().starts_with("pub(crate) use ")
    })
}

#[test]
fn the_ui_names_each_thing_where_it_is_defined() {
    let hubs: Vec<String> = shipped_files("ui", &[])
        .into_iter()
        .filter(|(_, code)| reexports(code))
        .map(|(rel, _)| rel)
        .collect();
    assert!(hubs.is_empty(), "files that re-export: {hubs:?}");
    assert!(reexports("pub mod kit;\npub use kit::field::Labelled;\n"));
    assert!(!reexports("pub mod kit;\nuse kit::field::Labelled;\n"));
}
