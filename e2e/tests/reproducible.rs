//! The page anyone can verify: a second release build of this checkout, from a copy at
//! another path with another cargo home (the registry linked in, nothing downloaded), gives
//! the same bytes for every file of `dist/`; and `scripts/verify` tells a hosted copy that is
//! this build from one that is not, naming the file.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()
        .unwrap()
}

/// A fresh folder of this test's.
fn scratch(name: &str) -> PathBuf {
    e2e::fresh_dir(name)
}

/// Every file below `dir`, by its path relative to `dir`, with its bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                let name = path.strip_prefix(base).unwrap().display().to_string();
                out.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Runs `script` in bash after sourcing scripts/setup.sh, with `RTH_STABLE_CARGO_HOME` at
/// `link`; returns whether it succeeded, and what it said.
fn with_setup(link: &Path, script: &str) -> (bool, String) {
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!("source scripts/setup.sh\n{script}"))
        .current_dir(root())
        .env("RTH_STABLE_CARGO_HOME", link)
        .output()
        .expect("bash runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_cargo_home_link_is_never_put_inside_a_directory_planted_in_its_place() {
    let place = e2e::fresh_dir("cargo-home-link");
    let home = place.join("cargo");
    std::fs::create_dir(&home).unwrap();
    let link = place.join("stable-cargo-home");
    let home_arg = home.display().to_string();
    // Nothing there: the link is made, to cargo's home, and reused on the next build.
    for _ in 0..2 {
        let (ok, said) = with_setup(&link, &format!("stable_cargo_home '{home_arg}'"));
        assert!(ok, "{said}");
        assert_eq!(std::fs::read_link(&link).unwrap(), home);
    }
    // A directory planted there before the check: refused.
    std::fs::remove_file(&link).unwrap();
    std::fs::create_dir(&link).unwrap();
    let (ok, said) = with_setup(&link, &format!("stable_cargo_home '{home_arg}'"));
    assert!(
        !ok && said.contains("is in the way of the release build"),
        "{said}"
    );
    // A directory planted between the check and the link (the race): the link is not put
    // inside it, and the build stops.
    let (ok, said) = with_setup(
        &link,
        &format!("place_link '{home_arg}' \"$STABLE_CARGO_HOME\""),
    );
    assert!(
        !ok && said.contains("is in the way of the release build"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_dir(&link).unwrap().count(),
        0,
        "something was put inside"
    );
    std::fs::remove_dir_all(&place).unwrap();
}

#[test]
fn the_release_build_is_the_same_from_another_path_and_cargo_home() {
    let root = root();
    let shipped = e2e::site::dist_dir();
    let place = scratch("reproduce");
    // The tracked files of this checkout, at another path.
    let copy = place.join("elsewhere").join("checkout");
    std::fs::create_dir_all(&copy).unwrap();
    let listed = Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(&root)
        .output()
        .expect("git lists the tracked files");
    for name in listed.stdout.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let name = std::str::from_utf8(name).unwrap();
        let to = copy.join(name);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(root.join(name), &to).unwrap();
    }
    // Another cargo home, as on another machine, with this one's registry linked in.
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap()).join(".cargo"));
    let other_home = place.join("another-cargo-home");
    std::fs::create_dir_all(&other_home).unwrap();
    std::os::unix::fs::symlink(home.join("registry"), other_home.join("registry")).unwrap();
    let dist = place.join("dist");
    let status = Command::new("bash")
        .arg(copy.join("scripts/release"))
        .arg("--dist")
        .arg(&dist)
        .current_dir(&copy)
        .env("CARGO_HOME", &other_home)
        .env("CARGO_TARGET_DIR", place.join("target"))
        .env("CARGO_NET_OFFLINE", "true")
        .env_remove("RTH_PROVIDER_ORIGINS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("RUSTFLAGS")
        .status()
        .expect("scripts/release runs");
    assert!(status.success(), "the second build failed");
    let (ours, theirs) = (files(&shipped), files(&dist));
    let names = |f: &[(String, Vec<u8>)]| f.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&ours), names(&theirs), "the same files");
    let differing: Vec<&str> = ours
        .iter()
        .zip(&theirs)
        .filter(|(a, b)| a.1 != b.1)
        .map(|(a, _)| a.0.as_str())
        .collect();
    assert!(differing.is_empty(), "these files differ: {differing:?}");
    // And the page names no path of either machine, nor the link to cargo's home that
    // release builds go through (scripts/setup.sh, `stable_cargo_home`).
    let link = PathBuf::from("/tmp/refresh-token-helper-cargo-home");
    for (name, bytes) in &ours {
        let text = String::from_utf8_lossy(bytes);
        for path in [&root, &home, &place, &link] {
            let path = path.display().to_string();
            assert!(!text.contains(&path), "{name} names {path}");
        }
    }
    let _ = std::fs::remove_dir_all(&place);
}

fn verify(target: &str, against: &Path) -> (bool, String) {
    let out = Command::new("python3")
        .arg(root().join("scripts/verify"))
        .arg(target)
        .arg("--against")
        .arg(against)
        .output()
        .expect("scripts/verify runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verify_tells_this_build_from_a_copy_with_one_byte_changed() {
    let shipped = e2e::site::dist_dir();
    let place = scratch("verify");
    let (same, changed) = (place.join("same"), place.join("changed"));
    for dir in [&same, &changed] {
        std::fs::create_dir_all(dir).unwrap();
        for (name, bytes) in files(&shipped) {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
    }
    let url = e2e::site::spawn(same, "/tools/refresh-token/").await;
    let (ok, said) = verify(&url, &shipped);
    assert!(ok, "{said}");
    assert!(said.contains("Verdict: match"), "{said}");
    assert!(
        said.contains("match     ") && said.contains("_bg.wasm"),
        "{said}"
    );

    // One byte of the wasm changed on the host.
    let wasm = files(&changed)
        .into_iter()
        .find(|(n, _)| n.ends_with(".wasm"))
        .unwrap();
    let mut bytes = wasm.1.clone();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    std::fs::write(changed.join(&wasm.0), bytes).unwrap();
    let url = e2e::site::spawn(changed, "/").await;
    let (ok, said) = verify(&url, &shipped);
    assert!(!ok, "{said}");
    assert!(
        said.contains(&format!("Verdict: MISMATCH: {} differ", wasm.0)),
        "{said}"
    );
    assert!(said.contains("MISMATCH  "), "{said}");
    let _ = std::fs::remove_dir_all(&place);
}

/// A loopback server that answers every request with `answer`, counting them.
async fn counting_server(
    answer: impl Fn(String) -> axum::response::Response + Clone + Send + Sync + 'static,
) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = count.clone();
    let router = axum::Router::new().fallback(move |uri: axum::http::Uri| {
        let answer = answer.clone();
        let seen = seen.clone();
        async move {
            seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            answer(uri.to_string())
        }
    });
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    (format!("http://{addr}"), count)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verify_checks_only_what_a_browser_loads_from_this_build() {
    use axum::response::IntoResponse as _;
    let shipped = e2e::site::dist_dir();
    let place = e2e::fresh_dir("verify-refuses");

    // A page that redirects to another origin with its own files: refused, whatever is there.
    let copy = place.join("same");
    std::fs::create_dir(&copy).unwrap();
    for (name, bytes) in files(&shipped) {
        std::fs::write(copy.join(name), bytes).unwrap();
    }
    let other = e2e::site::spawn(copy.clone(), "/").await;
    let target = other.clone();
    let (redirecting, _) = counting_server(move |path| {
        axum::response::Redirect::temporary(&format!("{}{}", target.trim_end_matches('/'), path))
            .into_response()
    })
    .await;
    let (ok, said) = verify(&format!("{redirecting}/tools/"), &shipped);
    assert!(
        !ok && said.contains("redirects to another origin"),
        "{said}"
    );
    assert!(!said.contains("Verdict: match"), "{said}");

    // Names a browser would load from elsewhere, or that this build does not have.
    let (elsewhere, asked) =
        counting_server(|_| "console.log('not this build')".into_response()).await;
    let planted = [
        "../outside.js".to_owned(),
        "/abs.js".to_owned(),
        "file:///etc/hostname".to_owned(),
        format!("//{}/x.js", elsewhere.trim_start_matches("http://")),
        "extra.js".to_owned(),
    ];
    let hosted = place.join("hosted");
    std::fs::create_dir(&hosted).unwrap();
    for (name, bytes) in files(&shipped) {
        std::fs::write(hosted.join(&name), bytes).unwrap();
    }
    std::fs::write(hosted.join("extra.js"), "console.log('extra')").unwrap();
    let index = std::fs::read_to_string(hosted.join("index.html")).unwrap();
    let scripts: String = planted
        .iter()
        .map(|src| format!("<script src=\"{src}\"></script>"))
        .collect();
    std::fs::write(
        hosted.join("index.html"),
        index.replace("</head>", &format!("{scripts}</head>")),
    )
    .unwrap();
    let planted_index_build = place.join("build");
    std::fs::create_dir(&planted_index_build).unwrap();
    for (name, bytes) in files(&shipped) {
        std::fs::write(planted_index_build.join(name), bytes).unwrap();
    }
    // The build's index is the hosted one, so only the planted names can fail the verdict.
    std::fs::copy(
        hosted.join("index.html"),
        planted_index_build.join("index.html"),
    )
    .unwrap();
    let url = e2e::site::spawn(hosted.clone(), "/tools/refresh-token/").await;
    for source in [url.as_str(), hosted.to_str().unwrap()] {
        let (ok, said) = verify(source, &planted_index_build);
        assert!(!ok, "{said}");
        for (src, why) in [
            ("../outside.js", "outside the page's folder"),
            ("/abs.js", "outside the page's folder"),
            ("file:///etc/hostname", "another origin"),
            (planted[3].as_str(), "another origin"),
            ("extra.js", "not a file of this commit's build"),
        ] {
            assert!(
                said.contains(&format!("UNKNOWN   {src}: {why}")),
                "{source}, {src}: {said}"
            );
        }
        assert!(said.contains("Verdict: MISMATCH"), "{said}");
    }
    assert_eq!(
        asked.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "another host was asked"
    );
    let _ = std::fs::remove_dir_all(&place);
}
