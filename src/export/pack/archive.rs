//! The whole pack as one `.zip`, so it is saved in one go. Stored, not compressed: the pack
//! is a few kilobytes of text, and a deflater would cost the page more bytes than it saves.
//! Every archive of the same files is the same bytes (a fixed date), and shell scripts are
//! marked executable for `unzip` on Linux and macOS.
//!
//! Source: PKWARE's APPNOTE.TXT (the .ZIP File Format Specification, 6.3.10): local file
//! header (4.3.7), central directory header (4.3.12), end of central directory (4.3.16),
//! general purpose bit 11 for UTF-8 names (4.4.4), "version made by" 3 = UNIX with the mode in
//! the high 16 bits of the external attributes (4.4.2, 4.4.15), MS-DOS date 1980-01-01
//! (4.4.6), CRC-32 (4.4.7).

use super::PackFile;

const CRC32: crc::Crc<u32, crc::NoTable> =
    crc::Crc::<u32, crc::NoTable>::new(&crc::CRC_32_ISO_HDLC);

/// 1980-01-01, the first day MS-DOS dates can say: `(year - 1980) << 9 | month << 5 | day`.
const DOS_DATE: u16 = 1 << 5 | 1;
/// Version 2.0: what a stored file needs.
const VERSION_NEEDED: u16 = 20;
/// UNIX (3) in the high byte, specification 2.0 in the low.
const VERSION_MADE_BY: u16 = 3 << 8 | 20;
/// File names are UTF-8.
const UTF8_NAMES: u16 = 1 << 11;

/// The pack's files in one folder of a `.zip`.
pub fn zip(folder: &str, files: &[PackFile]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for f in files {
        let name = format!("{folder}/{}", f.name);
        let data = f.text.as_bytes();
        let crc = CRC32.checksum(data);
        let size = u32::try_from(data.len()).expect("a pack file is far below 4 GiB");
        let offset = u32::try_from(out.len()).expect("a pack is far below 4 GiB");
        let name_len = u16::try_from(name.len()).expect("a pack file's name is short");
        let executable = f.name.ends_with(".sh");
        let mode: u32 = if executable { 0o100_755 } else { 0o100_644 };

        put32(&mut out, 0x0403_4b50);
        for v in [VERSION_NEEDED, UTF8_NAMES, 0, 0, DOS_DATE] {
            put16(&mut out, v);
        }
        for v in [crc, size, size] {
            put32(&mut out, v);
        }
        put16(&mut out, name_len);
        put16(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        put32(&mut central, 0x0201_4b50);
        for v in [VERSION_MADE_BY, VERSION_NEEDED, UTF8_NAMES, 0, 0, DOS_DATE] {
            put16(&mut central, v);
        }
        for v in [crc, size, size] {
            put32(&mut central, v);
        }
        // Name length, extra, comment, disk, internal attributes.
        for v in [name_len, 0, 0, 0, 0] {
            put16(&mut central, v);
        }
        put32(&mut central, mode << 16);
        put32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let count = u16::try_from(files.len()).expect("a pack has a few files");
    let central_offset = u32::try_from(out.len()).expect("a pack is far below 4 GiB");
    let central_size = u32::try_from(central.len()).expect("a pack is far below 4 GiB");
    out.extend_from_slice(&central);
    put32(&mut out, 0x0605_4b50);
    for v in [0, 0, count, count] {
        put16(&mut out, v);
    }
    put32(&mut out, central_size);
    put32(&mut out, central_offset);
    put16(&mut out, 0);
    out
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::io::Read as _;

    use super::*;

    fn files() -> Vec<PackFile> {
        vec![
            PackFile {
                name: "deploy.sh",
                title: "Azure CLI",
                mime: "text/x-shellscript",
                text: "#!/bin/sh\necho ‘ready’\n".into(),
            },
            PackFile {
                name: "linkedService.json",
                title: "The linked service",
                mime: "application/json",
                text: "{\"name\": \"GoogleBigQueryLinkedService\"}\n".into(),
            },
            PackFile {
                name: "empty.txt",
                title: "Nothing",
                mime: "text/plain",
                text: String::new(),
            },
        ]
    }

    /// Read back by the zip crate: every file, its bytes, its name in the folder, its mode.
    #[test]
    fn the_pack_as_a_zip_reads_back_file_by_file() {
        let bytes = zip("adf-pack", &files());
        let mut archive = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 3);
        for (i, f) in files().iter().enumerate() {
            let mut entry = archive.by_index(i).unwrap();
            assert_eq!(entry.name(), format!("adf-pack/{}", f.name));
            let mut text = String::new();
            entry.read_to_string(&mut text).unwrap();
            assert_eq!(text, f.text);
            let mode = entry.unix_mode().unwrap();
            assert_eq!(mode & 0o111 != 0, f.name.ends_with(".sh"), "{}", f.name);
        }
    }

    #[test]
    fn the_same_files_make_the_same_bytes() {
        assert_eq!(zip("p", &files()), zip("p", &files()));
        assert_ne!(zip("p", &files()), zip("q", &files()));
    }
}
