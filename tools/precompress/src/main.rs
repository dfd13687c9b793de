//! `precompress DIR`: writes `NAME.br` (Brotli, quality 11) and `NAME.gz` (gzip, level 9)
//! beside every file of `DIR`, for servers that send a precompressed file to a browser that
//! accepts it: nginx's `gzip_static` and `brotli_static`, and Azure Static Web Apps, which
//! sends `app.wasm.br` for `app.wasm` (it compresses only text formats itself). The output
//! depends on the input bytes alone (no name or time in the gzip header), so the release build
//! stays reproducible. A compressed copy that would not be smaller is not written.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// An encoder: the file's bytes in, the encoded bytes out.
type Encode = fn(&[u8]) -> Vec<u8>;

/// The two encodings, by file suffix.
const ENCODINGS: [(&str, Encode); 2] = [("br", brotli), ("gz", gzip)];

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        // 4 MiB: more than any file of the page, so the whole file is one window.
        lgwin: 22,
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("writing to memory");
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    // No file name and a zero time in the header: the same bytes on every machine.
    let mut encoder = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

/// Whether `path` is itself a compressed copy.
fn is_copy(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ENCODINGS.iter().any(|(suffix, _)| *suffix == e))
}

/// What was written for one file: its size, then each copy's (or `None` where none was).
struct Written {
    name: String,
    raw: usize,
    copies: Vec<Option<usize>>,
}

fn precompress(dir: &Path) -> std::io::Result<Vec<Written>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.sort();
    let mut written = Vec::new();
    for path in files.into_iter().filter(|p| p.is_file() && !is_copy(p)) {
        let bytes = std::fs::read(&path)?;
        let mut copies = Vec::new();
        for (suffix, encode) in ENCODINGS {
            let copy = path.with_file_name(format!(
                "{}.{suffix}",
                path.file_name().unwrap_or_default().to_string_lossy()
            ));
            let encoded = encode(&bytes);
            if encoded.len() < bytes.len() {
                std::fs::write(&copy, &encoded)?;
                copies.push(Some(encoded.len()));
            } else {
                // A stale copy from an earlier build must not outlive its file's change.
                let _ = std::fs::remove_file(&copy);
                copies.push(None);
            }
        }
        written.push(Written {
            name: path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            raw: bytes.len(),
            copies,
        });
    }
    Ok(written)
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: precompress DIR");
        return ExitCode::from(2);
    };
    match precompress(&dir) {
        Ok(written) => {
            eprintln!(
                "{:>9} {:>9} {:>9}  precompressed in {}",
                "raw",
                ".br",
                ".gz",
                dir.display()
            );
            for w in written {
                let size = |c: Option<usize>| c.map_or("-".to_owned(), |s| s.to_string());
                eprintln!(
                    "{:>9} {:>9} {:>9}  {}",
                    w.raw,
                    size(w.copies[0]),
                    size(w.copies[1]),
                    w.name
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("precompress {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("precompress-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn each_copy_decodes_to_its_file_and_is_the_same_every_time() {
        let dir = scratch("roundtrip");
        let text = "let page = \"Refresh Token Helper\";\n".repeat(400);
        std::fs::write(dir.join("app.js"), &text).unwrap();
        precompress(&dir).unwrap();
        let br = std::fs::read(dir.join("app.js.br")).unwrap();
        let gz = std::fs::read(dir.join("app.js.gz")).unwrap();
        let mut decoded = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut decoded).unwrap();
        assert_eq!(decoded, text.as_bytes());
        let mut decoded = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut decoded)
            .unwrap();
        assert_eq!(decoded, text);
        // Run again (the copies are skipped as inputs): the same bytes.
        let written = precompress(&dir).unwrap();
        assert_eq!(written.len(), 1, "copies are not compressed again");
        assert_eq!(std::fs::read(dir.join("app.js.br")).unwrap(), br);
        assert_eq!(std::fs::read(dir.join("app.js.gz")).unwrap(), gz);
        // gzip's header names no file and no time (RFC 1952 §2.3: MTIME 0, no FNAME flag).
        assert_eq!(&gz[3..8], &[0, 0, 0, 0, 0]);
    }

    #[test]
    fn a_copy_that_would_not_be_smaller_is_not_written() {
        let dir = scratch("small");
        std::fs::write(dir.join("tiny.txt"), "a").unwrap();
        std::fs::write(dir.join("tiny.txt.gz"), "stale").unwrap();
        let written = precompress(&dir).unwrap();
        assert_eq!(written[0].copies, vec![None, None]);
        assert!(!dir.join("tiny.txt.br").exists());
        assert!(!dir.join("tiny.txt.gz").exists(), "a stale copy is removed");
    }
}
