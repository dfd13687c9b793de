//! The deploy recipes under their real servers, on loopback: Debian's nginx running the block
//! of `deploy/nginx.conf`, and the Static Web Apps CLI emulator with
//! `deploy/staticwebapp.config.json`. Each server is started for one test and stopped when
//! dropped.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn free_port() -> u16 {
    TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a loopback port is free")
}

/// A fresh folder for one server's files.
fn scratch(name: &str) -> PathBuf {
    crate::fresh_dir(name)
}

/// A server process, ended when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    /// Where its own log goes, for failure messages.
    pub log: PathBuf,
}

impl Server {
    /// Waits until the port answers, or fails with the server's log.
    fn ready(mut self, patience: Duration) -> Self {
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("the server exited ({status}): {}", self.log_text());
            }
            assert!(
                started.elapsed() < patience,
                "the server did not listen on {} within {patience:?}: {}",
                self.port,
                self.log_text()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        self
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Server {
    /// Ends the server's whole process group (nginx's workers, the emulator's own servers),
    /// whether the test passed or panicked: asked first, then killed.
    fn drop(&mut self) {
        let group = self.child.id();
        signal_group(group, "TERM");
        let asked = Instant::now();
        while asked.elapsed() < Duration::from_secs(3) {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        signal_group(group, "KILL");
        let _ = self.child.wait();
    }
}

/// Sends `signal` to every process of the group `group` leads.
pub fn signal_group(group: u32, signal: &str) {
    let _ = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg("--")
        .arg(format!("-{group}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// The headers a recipe promises: nginx's `add_header Name "value"` lines.
pub fn nginx_promises(recipe: &str) -> Vec<(String, String)> {
    recipe
        .lines()
        .filter_map(|l| l.trim().strip_prefix("add_header "))
        .filter_map(|rest| {
            let (name, rest) = rest.split_once(' ')?;
            let value = rest.trim().strip_prefix('"')?.split('"').next()?;
            Some((name.to_owned(), value.to_owned()))
        })
        .collect()
}

/// The headers a Static Web Apps config promises: its `globalHeaders`.
pub fn swa_promises(config: &str) -> Vec<(String, String)> {
    let json: serde_json::Value = serde_json::from_str(config).expect("the config is JSON");
    json["globalHeaders"]
        .as_object()
        .expect("globalHeaders")
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
        .collect()
}

/// `deploy/nginx.conf` made runnable here: the TLS listener swapped for a loopback one, and
/// the `alias` pointed at `dist`. Everything else is the recipe, byte for byte.
pub fn nginx_server_block(recipe: &str, dist: &Path, port: u16) -> String {
    let mut out = String::new();
    let (mut listen, mut alias) = (false, false);
    for line in recipe.lines() {
        let t = line.trim_start();
        if t.starts_with("listen ") {
            out.push_str(&format!("    listen 127.0.0.1:{port};\n"));
            listen = true;
        } else if t.starts_with("alias ") {
            out.push_str(&format!("        alias {}/;\n", dist.display()));
            alias = true;
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    assert!(
        listen && alias,
        "the recipe has a `listen` and an `alias` line"
    );
    out
}

/// Runs the nginx recipe under Debian's nginx (`RTH_NGINX` overrides the binary).
pub fn start_nginx(recipe: &str, dist: &Path) -> Server {
    let dir = scratch("nginx");
    let port = free_port();
    std::fs::write(
        dir.join("recipe.conf"),
        nginx_server_block(recipe, dist, port),
    )
    .unwrap();
    // What any nginx host has beside the recipe: its MIME map, a pid and temp paths.
    std::fs::copy("/etc/nginx/mime.types", dir.join("mime.types"))
        .expect("Debian's nginx is installed (scripts/test installs nginx-light)");
    let user = if nix_is_root() { "user root;\n" } else { "" };
    let d = dir.display();
    // Debian's nginx.conf loads the modules its packages install (brotli_static among them),
    // each by a path under the prefix, where Debian links `modules` to them.
    let modules = "include /etc/nginx/modules-enabled/*.conf;\n";
    std::os::unix::fs::symlink("/usr/lib/nginx/modules", dir.join("modules"))
        .expect("a link to nginx's modules");
    std::fs::write(
        dir.join("nginx.conf"),
        format!(
            "{user}{modules}daemon off;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\nevents {{}}\n\
             http {{\n  access_log off;\n  default_type application/octet-stream;\n\
               client_body_temp_path {d}/body;\n  proxy_temp_path {d}/proxy;\n\
               fastcgi_temp_path {d}/fastcgi;\n  uwsgi_temp_path {d}/uwsgi;\n  scgi_temp_path {d}/scgi;\n\
               include {d}/recipe.conf;\n}}\n"
        ),
    )
    .unwrap();
    let log = dir.join("error.log");
    let binary = std::env::var("RTH_NGINX").unwrap_or_else(|_| "/usr/sbin/nginx".into());
    let child = Command::new(&binary)
        .process_group(0)
        .arg("-p")
        .arg(&dir)
        .arg("-c")
        .arg(dir.join("nginx.conf"))
        .arg("-e")
        .arg(&log)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {binary}: {e}"));
    Server { child, port, log }.ready(Duration::from_secs(10))
}

fn nix_is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

/// Runs the Static Web Apps CLI emulator (`RTH_SWA`, installed by scripts/test) on a copy of
/// `dist` with `deploy/staticwebapp.config.json` beside it, as docs/hosting.md says to deploy.
pub fn start_swa(config: &str, dist: &Path) -> Server {
    let swa =
        std::env::var("RTH_SWA").expect("RTH_SWA names the swa command (scripts/test sets it)");
    let app = scratch("swa");
    for entry in std::fs::read_dir(dist).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), app.join(entry.file_name())).unwrap();
    }
    std::fs::write(app.join("staticwebapp.config.json"), config).unwrap();
    let port = free_port();
    let log = app.join("swa.log");
    let out = std::fs::File::create(&log).unwrap();
    let child = Command::new(&swa)
        .process_group(0)
        .arg("start")
        .arg(&app)
        .arg("--swa-config-location")
        .arg(&app)
        .args(["--host", "127.0.0.1", "--port", &port.to_string()])
        .env("SWA_CLI_DEBUG", "silly")
        // No update check against the npm registry (the CLI sends nothing else).
        .env("NO_UPDATE_NOTIFIER", "1")
        .stdout(out.try_clone().unwrap())
        .stderr(out)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {swa}: {e}"));
    Server { child, port, log }.ready(Duration::from_secs(60))
}

/// One plain HTTP/1.1 GET on loopback: the status and the headers (names lower-cased).
pub fn head(url: &str) -> (u16, HashMap<String, String>) {
    let (status, headers, _) = get(url, None);
    (status, headers)
}

/// One plain HTTP/1.1 GET on loopback, saying which encodings it accepts: the status, the
/// headers (names lower-cased) and the body as it came over the wire (still encoded).
pub fn get(url: &str, accept_encoding: Option<&str>) -> (u16, HashMap<String, String>, Vec<u8>) {
    let url = url::Url::parse(url).expect("a URL");
    let port = url.port().expect("a port");
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("the server answers");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let accept = accept_encoding
        .map(|a| format!("Accept-Encoding: {a}\r\n"))
        .unwrap_or_default();
    write!(
        stream,
        "GET {} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{accept}Connection: close\r\n\r\n",
        url.path()
    )
    .unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(answer.len());
    let text = String::from_utf8_lossy(&answer[..split]);
    let head = text.as_ref();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers: HashMap<String, String> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let body = answer.get(split + 4..).unwrap_or_default();
    let body = if headers
        .get("transfer-encoding")
        .is_some_and(|t| t == "chunked")
    {
        dechunk(body)
    } else {
        body.to_vec()
    };
    (status, headers, body)
}

/// The body of a chunked answer (RFC 9112 §7.1), without the chunk framing.
fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    while let Some(end) = rest.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&rest[..end])
            .ok()
            .and_then(|l| usize::from_str_radix(l.split(';').next().unwrap_or("").trim(), 16).ok())
            .unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = end + 2;
        body.extend_from_slice(&rest[start..(start + size).min(rest.len())]);
        rest = rest.get(start + size + 2..).unwrap_or_default();
    }
    body
}

/// The files of a build, without the compressed copies beside them, sorted.
pub fn page_files(dist: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dist)
        .unwrap_or_else(|e| panic!("{}: {e}", dist.display()))
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !crate::measure::is_compressed_copy(n))
        .collect();
    names.sort();
    names
}

/// The files a first visit downloads: the page's files but the parts fetched when first shown.
pub fn first_screen_files(dist: &Path) -> Vec<String> {
    let later = crate::measure::part_files(dist);
    page_files(dist)
        .into_iter()
        .filter(|n| !later.contains(n))
        .collect()
}

/// What a first visit downloads from the server at `url`: the first screen's files of `dist`
/// asked for as a browser that accepts `br, gzip` asks, counted as they come over the wire.
pub fn first_visit_bytes(url: &str, dist: &Path) -> usize {
    first_screen_files(dist)
        .iter()
        .map(|name| get(&format!("{url}{name}"), Some("br, gzip")).2.len())
        .sum()
}

/// The sum of the `suffix` copies (`br`, `gz`) of the first screen's files, each file itself
/// where it has none.
pub fn precompressed_bytes(dist: &Path, suffix: &str) -> usize {
    first_screen_files(dist)
        .iter()
        .map(|name| {
            std::fs::read(dist.join(format!("{name}.{suffix}")))
                .or_else(|_| std::fs::read(dist.join(name)))
                .map(|b| b.len())
                .unwrap_or(0)
        })
        .sum()
}
