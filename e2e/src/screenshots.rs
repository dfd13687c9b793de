//! The screenshots the docs show, by name: each moment of the page at each screen. The
//! `screenshots` command writes exactly these, and a test holds them to what the Markdown
//! shows and what `docs/screenshots/` holds.

/// A screen the page is shown on: (name, width, height, dark).
pub const SCREENS: [(&str, u32, u32, bool); 2] = [
    ("1280-light", 1280, 900, false),
    ("390-dark", 390, 844, true),
];

/// The moments taken: the first screen, and the tokens with the Azure Data Factory tab.
pub const MOMENTS: [&str; 2] = ["1-start", "2-tokens-adf"];

/// The file of `moment` on the screen named `screen`.
pub fn file_name(moment: &str, screen: &str) -> String {
    format!("{moment}-{screen}.png")
}

/// Every file the command writes.
pub fn files() -> Vec<String> {
    let mut out: Vec<String> = MOMENTS
        .iter()
        .flat_map(|m| SCREENS.iter().map(move |(s, ..)| file_name(m, s)))
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap()
            .to_path_buf()
    }

    /// The screenshots the Markdown of `texts` shows (`docs/screenshots/NAME.png` or
    /// `screenshots/NAME.png`).
    fn shown(texts: &[String]) -> Vec<String> {
        let mut out: Vec<String> = texts
            .iter()
            .flat_map(|t| {
                t.match_indices("screenshots/")
                    .map(move |(at, _)| &t[at + 12..])
            })
            .filter_map(|rest| {
                rest.split_once(".png")
                    .map(|(name, _)| format!("{name}.png"))
            })
            .filter(|name| !name.contains([' ', '`', '/']))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn the_screenshots_are_the_files_the_docs_show() {
        let root = root();
        let mut texts = vec![std::fs::read_to_string(root.join("README.md")).unwrap()];
        for entry in std::fs::read_dir(root.join("docs")).unwrap().flatten() {
            if entry.path().extension().is_some_and(|e| e == "md") {
                texts.push(std::fs::read_to_string(entry.path()).unwrap());
            }
        }
        assert_eq!(
            shown(&texts),
            files(),
            "the docs show what the command writes"
        );
        let mut on_disk: Vec<String> = std::fs::read_dir(root.join("docs/screenshots"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        assert_eq!(
            on_disk,
            files(),
            "docs/screenshots holds what the command writes"
        );
        // The reader itself: an image the command does not write is seen.
        let planted = vec!["![a](docs/screenshots/1-start.png) `screenshots/x y.png`".to_owned()];
        assert_eq!(shown(&planted), ["1-start.png"]);
    }
}
