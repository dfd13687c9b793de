//! Sizes of a built page: each file raw, gzip -9 and brotli (quality 11), and the totals.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::Path;

/// One file of a `dist/`.
#[derive(Debug, Clone)]
pub struct FileSize {
    pub name: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

pub fn gzip_size(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("in memory");
    encoder.finish().expect("in memory").len()
}

pub fn brotli_size(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("in memory");
    out.len()
}

/// Whether `name` is one of the compressed copies scripts/release writes beside each file
/// (the same file, encoded).
pub fn is_compressed_copy(name: &str) -> bool {
    name.ends_with(".br") || name.ends_with(".gz")
}

/// The files the parts' loader (`NAME-parts.js`, written by scripts/split) fetches when a
/// part is first shown: what a first visit does not download.
pub fn part_files(dir: &Path) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with("-parts.js") {
            continue;
        }
        let loader = std::fs::read_to_string(entry.path()).expect("the parts' loader");
        for rest in loader.split("new URL(\"./").skip(1) {
            if let Some((file, _)) = rest.split_once('"') {
                names.insert(file.to_owned());
            }
        }
    }
    names
}

/// Every file of `dir` (not its hidden staging folders), sorted by name.
pub fn dist_sizes(dir: &Path) -> Vec<FileSize> {
    let mut files: Vec<FileSize> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| !is_compressed_copy(&e.file_name().to_string_lossy()))
        .map(|e| {
            let bytes = std::fs::read(e.path()).expect("readable");
            FileSize {
                name: e.file_name().to_string_lossy().into_owned(),
                raw: bytes.len(),
                gzip: gzip_size(&bytes),
                brotli: brotli_size(&bytes),
            }
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// (raw, gzip, brotli) totals.
pub fn totals(files: &[FileSize]) -> (usize, usize, usize) {
    files.iter().fold((0, 0, 0), |(r, g, b), f| {
        (r + f.raw, g + f.gzip, b + f.brotli)
    })
}

/// One budget of the release `dist/`, in bytes, from its line `KEY BYTES` in
/// `bench/size-budget.txt`.
pub fn size_budget(key: &str) -> usize {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../bench/size-budget.txt");
    let text = std::fs::read_to_string(&path).expect("bench/size-budget.txt exists");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| l.strip_prefix(key)?.trim().parse().ok())
        .unwrap_or_else(|| panic!("bench/size-budget.txt has no line `{key} BYTES`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compression_shrinks_repetitive_bytes_and_totals_add_up() {
        let text = "refresh token ".repeat(1000);
        assert!(gzip_size(text.as_bytes()) < text.len() / 10);
        assert!(brotli_size(text.as_bytes()) < text.len() / 10);
        let files = [
            FileSize {
                name: "a".into(),
                raw: 10,
                gzip: 5,
                brotli: 4,
            },
            FileSize {
                name: "b".into(),
                raw: 1,
                gzip: 2,
                brotli: 3,
            },
        ];
        assert_eq!(totals(&files), (11, 7, 7));
    }
}
