//! Where the bytes of the page's wasm are: function bodies grouped by crate and, for our own
//! crate, by module, read from the module cargo builds (before wasm-bindgen and wasm-opt,
//! with its `name` section). wasm-opt shrinks every group; the shares still say where a cut
//! would pay.

use std::collections::BTreeMap;

use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};

/// Code bytes per group, largest first, and the data segments' bytes.
#[derive(Debug, Default)]
pub struct Breakdown {
    pub by_crate: Vec<(String, usize)>,
    /// Our crate's functions by module path (`ui::export_card`).
    pub ours: Vec<(String, usize)>,
    pub code: usize,
    pub data: usize,
}

/// The crate and module path a function belongs to, from its demangled name:
/// `<leptos::X as Y>::f` is leptos's, `refresh_token_helper::ui::card::f` is ours under
/// `ui::card`. Generic code instantiated for our types counts for the crate that defines it.
pub fn owner(demangled: &str) -> (String, Option<String>) {
    // `<T as Trait>::f` and `<[T] as Trait>::f`: no crate in the type, so the trait's.
    let demangled = match demangled
        .strip_prefix('<')
        .and_then(|r| r.split_once(" as "))
    {
        Some((ty, tr)) if !ty.contains("::") => tr,
        _ => demangled,
    };
    // Drop glue and other core generics instantiated for a type: that type's crate.
    let demangled = match demangled.strip_prefix("core::ptr::drop_in_place<") {
        Some(ty) => ty,
        None => demangled,
    };
    let path = demangled
        .trim_start_matches(['<', '&', '*', ' '])
        .trim_start_matches("mut ")
        .trim_start_matches("dyn ");
    let end = path
        .find(['<', ' ', '>', '(', '{', '[', ',', ';'])
        .unwrap_or(path.len());
    let segments: Vec<&str> = path[..end].split("::").filter(|s| !s.is_empty()).collect();
    let krate = segments.first().copied().unwrap_or("(unnamed)").to_owned();
    let module = (krate == "refresh_token_helper" && segments.len() > 2).then(|| {
        let modules = &segments[1..segments.len() - 1];
        modules
            .iter()
            .take(2)
            .copied()
            .collect::<Vec<_>>()
            .join("::")
    });
    (krate, module)
}

impl Breakdown {
    /// Several modules' bytes as one.
    pub fn merged(parts: impl IntoIterator<Item = Breakdown>) -> Breakdown {
        let mut by_crate = BTreeMap::new();
        let mut ours = BTreeMap::new();
        let mut all = Breakdown::default();
        for part in parts {
            for (name, size) in part.by_crate {
                *by_crate.entry(name).or_default() += size;
            }
            for (name, size) in part.ours {
                *ours.entry(name).or_default() += size;
            }
            all.code += part.code;
            all.data += part.data;
        }
        all.by_crate = sorted(by_crate);
        all.ours = sorted(ours);
        all
    }
}

fn sorted(map: BTreeMap<String, usize>) -> Vec<(String, usize)> {
    let mut v: Vec<_> = map.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

pub fn breakdown(wasm: &[u8]) -> Result<Breakdown, wasmparser::BinaryReaderError> {
    let mut imported = 0u32;
    let mut bodies: Vec<usize> = Vec::new();
    let mut names: BTreeMap<u32, String> = BTreeMap::new();
    let mut data = 0;
    for payload in Parser::new(0).parse_all(wasm) {
        match payload? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if matches!(import?.ty, TypeRef::Func(_) | TypeRef::FuncExact(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => {
                let range = body.range();
                bodies.push((range.end - range.start) as usize);
            }
            Payload::DataSection(reader) => {
                for segment in reader {
                    data += segment?.data.len();
                }
            }
            Payload::CustomSection(reader) => {
                if let KnownCustom::Name(names_reader) = reader.as_known() {
                    for name in names_reader {
                        if let Name::Function(map) = name? {
                            for naming in map {
                                let naming = naming?;
                                names.insert(naming.index, naming.name.to_owned());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut by_crate = BTreeMap::new();
    let mut ours = BTreeMap::new();
    for (i, size) in bodies.iter().enumerate() {
        let name = names
            .get(&(i as u32 + imported))
            .map(|n| format!("{:#}", rustc_demangle::demangle(n)));
        let (krate, module) = name
            .as_deref()
            .map(owner)
            .unwrap_or(("(unnamed)".into(), None));
        *by_crate.entry(krate).or_default() += size;
        if let Some(m) = module {
            *ours.entry(m).or_default() += size;
        }
    }
    Ok(Breakdown {
        by_crate: sorted(by_crate),
        ours: sorted(ours),
        code: bodies.iter().sum(),
        data,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_crate_and_our_module_of_a_function() {
        assert_eq!(
            owner("leptos::mount::mount_to_body"),
            ("leptos".into(), None)
        );
        assert_eq!(
            owner("<serde_json::de::Deserializer<R> as serde::de::Deserializer>::deserialize_any"),
            ("serde_json".into(), None)
        );
        assert_eq!(
            owner("refresh_token_helper::ui::export_card::ExportCard::{{closure}}"),
            (
                "refresh_token_helper".into(),
                Some("ui::export_card".into())
            )
        );
        assert_eq!(
            owner("refresh_token_helper::export::pack::pack"),
            ("refresh_token_helper".into(), Some("export::pack".into()))
        );
        assert_eq!(owner("memcpy"), ("memcpy".into(), None));
        assert_eq!(
            owner("<T as alloc::string::ToString>::to_string"),
            ("alloc".into(), None)
        );
        assert_eq!(
            owner("core::ptr::drop_in_place<refresh_token_helper::oauth::grant::FormRequest>"),
            ("refresh_token_helper".into(), Some("oauth::grant".into()))
        );
    }

    #[test]
    fn reads_a_module_with_names() {
        // (module (import "m" "f" (func)) (func $a nop) (func $b nop nop) (data (i32.const 0) "abc"))
        // with a name section naming function 1 `alpha::x` and 2 `refresh_token_helper::ui::y::z`.
        let mut wasm = vec![0, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
        let section = |id: u8, body: &[u8]| {
            let mut s = vec![id, body.len() as u8];
            s.extend_from_slice(body);
            s
        };
        wasm.extend(section(1, &[1, 0x60, 0, 0])); // type: () -> ()
        wasm.extend(section(2, &[1, 1, b'm', 1, b'f', 0, 0])); // import m.f func type 0
        wasm.extend(section(3, &[2, 0, 0])); // two functions of type 0
        wasm.extend(section(5, &[1, 0, 1])); // a memory
        wasm.extend(section(10, &[2, 3, 0, 0x01, 0x0b, 4, 0, 0x01, 0x01, 0x0b])); // bodies of 3 and 4 bytes (after their size)
        wasm.extend(section(11, &[1, 0, 0x41, 0, 0x0b, 3, b'a', b'b', b'c']));
        let n1 = b"alpha::x";
        let n2 = b"refresh_token_helper::ui::y::z";
        let mut map = vec![2, 1, n1.len() as u8];
        map.extend_from_slice(n1);
        map.extend([2, n2.len() as u8]);
        map.extend_from_slice(n2);
        let mut names = vec![4];
        names.extend_from_slice(b"name");
        names.push(1);
        names.push(map.len() as u8);
        names.extend(map);
        wasm.extend(section(0, &names));
        let b = breakdown(&wasm).unwrap();
        assert_eq!(b.code, 7);
        assert_eq!(b.data, 3);
        assert_eq!(
            b.by_crate,
            [
                ("refresh_token_helper".to_owned(), 4),
                ("alpha".to_owned(), 3)
            ]
        );
        assert_eq!(b.ours, [("ui::y".to_owned(), 4)]);
    }
}
