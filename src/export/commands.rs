//! The page's requests as commands to run by hand: curl (POSIX shells) and PowerShell's
//! `Invoke-RestMethod`. Every value is quoted so that no shell ever interprets it; the secrets
//! are asked for when the command runs, and a spent code or verifier is masked unless the user
//! revealed it.

use super::syntax::{ps_quote, sh_quote};
use crate::google::call::{ApiCall, Method};
use crate::oauth::FormRequest;

/// A long-lived secret that a command asks for when it runs, so that it never stands on a
/// command line (where `ps` shows it to every user of the machine) or in a shell's history.
struct Prompted {
    /// The form field or header it fills.
    name: &'static str,
    /// The prompt's words.
    label: &'static str,
    /// The shell variable that holds it.
    var: &'static str,
}

/// What is asked for at a prompt: the client secret, the refresh and access tokens and the
/// Google Ads developer token. A code and a PKCE verifier are spent by the time the page
/// shows them: they stay in the command, masked until revealed.
const PROMPTED: [Prompted; 5] = [
    Prompted {
        name: "client_secret",
        label: "Client secret",
        var: "client_secret",
    },
    Prompted {
        name: "refresh_token",
        label: "Refresh token",
        var: "refresh_token",
    },
    // RFC 7009's revocation request calls the refresh token `token`.
    Prompted {
        name: "token",
        label: "Refresh token",
        var: "refresh_token",
    },
    Prompted {
        name: "Authorization",
        label: "Access token",
        var: "access_token",
    },
    Prompted {
        name: "developer-token",
        label: "Google Ads developer token",
        var: "developer_token",
    },
];

fn prompted(name: &str) -> Option<&'static Prompted> {
    PROMPTED.iter().find(|p| p.name == name)
}

/// A POSIX shell command that asks for `secrets` and hands them to curl on standard input
/// as config lines (`config`, each with one `%s`), never as arguments.
struct ShCommand {
    secrets: Vec<&'static Prompted>,
    config: Vec<String>,
    args: Vec<String>,
}

impl ShCommand {
    fn new(first: String) -> Self {
        Self {
            secrets: Vec::new(),
            config: Vec::new(),
            args: vec![first],
        }
    }

    fn arg(&mut self, arg: String) {
        self.args.push(arg);
    }

    fn secret(&mut self, p: &'static Prompted, config: String) {
        self.secrets.push(p);
        self.config.push(config);
    }

    fn text(self) -> String {
        if self.secrets.is_empty() {
            return self.args.join(" \\\n  ");
        }
        // In a subshell: pasted into a terminal, the whole command is read before the first
        // prompt, so each prompt gets what the user types, not the rest of the paste.
        let mut lines = vec!["(".to_owned()];
        for p in &self.secrets {
            // `stty -echo` hides the typing (`read -s` is not in every `sh`).
            lines.push(format!(
                "  printf '%s: ' {} >&2; stty -echo 2>/dev/null; IFS= read -r {}; stty echo 2>/dev/null; echo >&2",
                sh_quote(p.label),
                p.var
            ));
            // curl's config reads a value's first `"` as the start of a quoted string with
            // escapes, drops a leading `:` or `=`, and ends a value at white space: such a
            // value would reach the provider as something else. No token holds them.
            lines.push(format!(
                "  case \"${}\" in ''|[\\\":=]*|*[[:space:][:cntrl:]]*) echo {} >&2; exit 1;; esac",
                p.var,
                sh_quote(&format!(
                    "{} refused: it is empty, has a space or a control character, or starts with \" : or =. Nothing was sent.",
                    p.label
                ))
            ));
        }
        // `printf` is built into the shell: the values reach curl's standard input without
        // ever being an argument of a program. curl's config takes an unquoted value up to
        // white space (which no secret holds) and its backslashes literally.
        let format: String = self.config.iter().map(|c| format!("{c}\\n")).collect();
        let values: Vec<String> = self
            .secrets
            .iter()
            .map(|p| format!("\"${}\"", p.var))
            .collect();
        lines.push(format!("  printf '{format}' {} |", values.join(" ")));
        let mut args = self.args;
        args.push("--config -".to_owned());
        lines.push(format!("  {}", args.join(" \\\n    ")));
        lines.push(")".to_owned());
        lines.join("\n")
    }
}

/// A PowerShell command that asks for each secret with `Read-Host -AsSecureString` (the typing
/// is hidden and kept out of the history) and turns it into text only inside the request.
fn ps_block(secrets: &[&'static Prompted], body: String) -> String {
    if secrets.is_empty() {
        return body;
    }
    let mut lines = vec!["& {".to_owned()];
    lines.extend(secrets.iter().map(|p| {
        format!(
            "  ${} = Read-Host -AsSecureString -Prompt {}",
            p.var,
            ps_quote(p.label)
        )
    }));
    lines.extend(body.lines().map(|l| format!("  {l}")));
    lines.push("}".to_owned());
    lines.join("\n")
}

/// The plain text of a prompted SecureString, for the request only.
fn ps_plain(p: &Prompted) -> String {
    format!(
        "[System.Net.NetworkCredential]::new('', ${}).Password",
        p.var
    )
}

/// `curl` posting the form, each field URL-encoded by curl itself; secrets asked for.
pub fn curl(request: &FormRequest, reveal: bool) -> String {
    let mut command = ShCommand::new(format!(
        "curl -sS --globoff -X POST {}",
        sh_quote(request.url.as_str())
    ));
    for field in request.fields() {
        match prompted(field.name) {
            Some(p) => command.secret(p, format!("data-urlencode = {}=%s", field.name)),
            None => {
                let pair = format!("{}={}", field.name, field.shown(reveal));
                command.arg(format!("--data-urlencode {}", sh_quote(&pair)));
            }
        }
    }
    command.text()
}

/// PowerShell posting the form (`Invoke-RestMethod` encodes the hashtable as a form body).
pub fn powershell(request: &FormRequest, reveal: bool) -> String {
    let mut secrets = Vec::new();
    let body: Vec<String> = request
        .fields()
        .iter()
        .map(|f| {
            let value = match prompted(f.name) {
                Some(p) => {
                    secrets.push(p);
                    ps_plain(p)
                }
                None => ps_quote(&f.shown(reveal)),
            };
            format!("  {} = {value}", f.name)
        })
        .collect();
    ps_block(
        &secrets,
        format!(
            "$body = @{{\n{}\n}}\nInvoke-RestMethod -Method Post -Uri {} -ContentType {} -Body $body",
            body.join("\n"),
            ps_quote(request.url.as_str()),
            ps_quote(FormRequest::CONTENT_TYPE)
        ),
    )
}

/// `curl` making an API call: its headers (the tokens asked for), and its JSON body as given.
pub fn api_curl(call: &ApiCall, reveal: bool) -> String {
    let mut command = ShCommand::new(format!(
        "curl -sS --globoff -X {} {}",
        call.method.as_str(),
        sh_quote(&call.url)
    ));
    if let Some(p) = prompted("Authorization") {
        command.secret(p, "oauth2-bearer = %s".to_owned());
    }
    for h in &call.headers {
        match prompted(h.name).filter(|_| h.secret) {
            Some(p) => command.secret(p, format!("header = {}:%s", h.name)),
            None => command.arg(format!(
                "-H {}",
                sh_quote(&format!("{}: {}", h.name, h.shown(reveal)))
            )),
        }
    }
    if let Some(body) = &call.body {
        command.arg(format!(
            "-H {}",
            sh_quote(&format!("Content-Type: {}", ApiCall::JSON))
        ));
        command.arg(format!("--data-raw {}", sh_quote(body)));
    }
    command.text()
}

/// PowerShell making an API call with `Invoke-RestMethod`; the tokens asked for.
pub fn api_powershell(call: &ApiCall, reveal: bool) -> String {
    let mut secrets = Vec::new();
    let mut headers = Vec::new();
    if let Some(p) = prompted("Authorization") {
        secrets.push(p);
        headers.push(format!("  'Authorization' = 'Bearer ' + {}", ps_plain(p)));
    }
    for h in &call.headers {
        let value = match prompted(h.name).filter(|_| h.secret) {
            Some(p) => {
                secrets.push(p);
                ps_plain(p)
            }
            None => ps_quote(&h.shown(reveal)),
        };
        headers.push(format!("  {} = {value}", ps_quote(h.name)));
    }
    let method = match call.method {
        Method::Get => "Get",
        Method::Post => "Post",
    };
    let body = call
        .body
        .as_ref()
        .map(|b| {
            format!(
                " -ContentType {} -Body {}",
                ps_quote(ApiCall::JSON),
                ps_quote(b)
            )
        })
        .unwrap_or_default();
    ps_block(
        &secrets,
        format!(
            "$headers = @{{\n{}\n}}\nInvoke-RestMethod -Method {method} -Uri {} -Headers $headers{body}",
            headers.join("\n"),
            ps_quote(&call.url)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth::{grant, ClientId, ClientSecret, Endpoint, RefreshToken};

    fn refresh_request() -> FormRequest {
        let token =
            Endpoint::parse("Token endpoint", "https://oauth2.googleapis.com/token").unwrap();
        let id = ClientId::parse("cid").unwrap();
        let secret = ClientSecret::parse("GOCSPX-it's").unwrap();
        let rt = RefreshToken::parse("1//0g-refresh-token").unwrap();
        grant::refresh(
            &token,
            grant::Client {
                id: &id,
                secret: Some(&secret),
            },
            &rt,
        )
    }

    #[test]
    fn quotes_what_shells_would_otherwise_interpret() {
        assert_eq!(sh_quote("a b"), "'a b'");
        assert_eq!(sh_quote("it's"), r"'it'\''s'");
        assert_eq!(sh_quote("$HOME `x`"), "'$HOME `x`'");
        assert_eq!(ps_quote("it's"), "'it''s'");
        assert_eq!(ps_quote("$env:X"), "'$env:X'");
        assert_eq!(ps_quote("a\u{2019}b"), "'a\u{2019}\u{2019}b'");
    }

    fn ads_call() -> ApiCall {
        let token = crate::oauth::AccessToken::parse("ya29.secret-access").unwrap();
        ApiCall::post_json(
            "https://googleads.googleapis.com/v26/customers/1/googleAds:search".into(),
            &token,
            r#"{"query":"it's"}"#.into(),
        )
        .header("developer-token", "dev-secret", true)
        .header("login-customer-id", "1", false)
    }

    const SECRETS: [&str; 4] = [
        "GOCSPX-it",
        "1//0g-refresh-token",
        "ya29.secret-access",
        "dev-secret",
    ];

    fn holds_no_secret(text: &str) -> bool {
        SECRETS.iter().all(|s| !text.contains(s))
    }

    #[test]
    fn curl_asks_for_the_secrets_and_never_writes_them() {
        let request = refresh_request();
        for reveal in [false, true] {
            let command = curl(&request, reveal);
            assert!(holds_no_secret(&command), "{command}");
            assert!(command.starts_with("(\n  printf '%s: ' 'Refresh token' >&2; stty -echo"));
            assert!(command.contains("IFS= read -r client_secret;"));
            assert!(command.contains(
                "  printf 'data-urlencode = refresh_token=%s\\ndata-urlencode = client_secret=%s\\n' \"$refresh_token\" \"$client_secret\" |\n  curl -sS --globoff -X POST 'https://oauth2.googleapis.com/token' \\\n"
            ), "{command}");
            assert!(command.contains("--data-urlencode 'grant_type=refresh_token'"));
            assert!(command.contains("--data-urlencode 'client_id=cid'"));
            assert!(command.ends_with("    --config -\n)"), "{command}");
        }
    }

    #[test]
    fn powershell_asks_for_the_secrets_as_secure_strings() {
        let ps = powershell(&refresh_request(), true);
        assert!(holds_no_secret(&ps), "{ps}");
        assert!(ps.starts_with("& {\n  $refresh_token = Read-Host -AsSecureString -Prompt 'Refresh token'\n  $client_secret = Read-Host -AsSecureString -Prompt 'Client secret'\n"), "{ps}");
        assert!(ps.contains("    grant_type = 'refresh_token'\n"));
        assert!(ps.contains("    client_secret = [System.Net.NetworkCredential]::new('', $client_secret).Password\n"));
        assert!(ps.ends_with(
            "  Invoke-RestMethod -Method Post -Uri 'https://oauth2.googleapis.com/token' -ContentType 'application/x-www-form-urlencoded' -Body $body\n}"
        ));
    }

    #[test]
    fn api_calls_ask_for_the_tokens() {
        let call = ads_call();
        for reveal in [false, true] {
            let curl = api_curl(&call, reveal);
            assert!(holds_no_secret(&curl), "{curl}");
            assert!(
                curl.contains("IFS= read -r access_token;")
                    && curl.contains("IFS= read -r developer_token;")
            );
            assert!(curl.contains("printf 'oauth2-bearer = %s\\nheader = developer-token:%s\\n' \"$access_token\" \"$developer_token\" |"), "{curl}");
            assert!(curl.contains(
                "  curl -sS --globoff -X POST 'https://googleads.googleapis.com/v26/customers/1/googleAds:search' \\\n"
            ));
            assert!(curl.contains("-H 'login-customer-id: 1'"));
            assert!(curl.contains(r#"--data-raw '{"query":"it'\''s"}'"#));
            let ps = api_powershell(&call, reveal);
            assert!(holds_no_secret(&ps), "{ps}");
            assert!(ps.contains("  $developer_token = Read-Host -AsSecureString -Prompt 'Google Ads developer token'\n"));
            assert!(ps.contains("    'Authorization' = 'Bearer ' + [System.Net.NetworkCredential]::new('', $access_token).Password\n"));
            assert!(ps.contains(
                r#"-Headers $headers -ContentType 'application/json' -Body '{"query":"it''s"}'"#
            ));
        }
    }

    #[test]
    fn a_code_stays_in_the_command_masked_until_revealed() {
        let token =
            Endpoint::parse("Token endpoint", "https://oauth2.googleapis.com/token").unwrap();
        let id = ClientId::parse("cid").unwrap();
        let secret = ClientSecret::parse("GOCSPX-it's").unwrap();
        let code = crate::oauth::AuthorizationCode::parse("4/0Acode-value-long").unwrap();
        let redirect = crate::oauth::RedirectUri::parse("http://localhost").unwrap();
        let request = grant::code_exchange(
            &token,
            grant::Client {
                id: &id,
                secret: Some(&secret),
            },
            &code,
            &redirect,
            None,
        );
        assert!(!curl(&request, false).contains("4/0Acode-value-long"));
        assert!(curl(&request, true).contains("--data-urlencode 'code=4/0Acode-value-long'"));
        assert!(holds_no_secret(&curl(&request, true)));
    }

    /// What a shell did with a command: whether it succeeded, what it said, and what the
    /// stand-in `curl` got (its arguments and standard input), if it ran.
    #[cfg(unix)]
    struct Ran {
        ok: bool,
        said: String,
        curl: Option<(String, String)>,
    }

    /// Runs `script` in `shell` with a stand-in `curl` that records its arguments and its
    /// standard input, typing `typed` at the prompts.
    #[cfg(unix)]
    fn run_in(shell: &str, script: &str, typed: &str) -> Ran {
        use std::io::Write as _;
        use std::os::unix::fs::PermissionsExt as _;
        let dir = crate::export::pack::testing::temp_dir("commands");
        let stand_in = dir.join("curl");
        std::fs::write(
            &stand_in,
            "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$RTH_ARGV\"\ncat > \"$RTH_STDIN\"\n",
        )
        .unwrap();
        std::fs::set_permissions(&stand_in, std::fs::Permissions::from_mode(0o755)).unwrap();
        let (argv, stdin) = (dir.join("argv"), dir.join("stdin"));
        let path = format!(
            "{}:{}",
            dir.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut child = std::process::Command::new(shell)
            .arg("-c")
            .arg(script)
            .env("PATH", path)
            .env("RTH_ARGV", &argv)
            .env("RTH_STDIN", &stdin)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{shell}: {e}"));
        child
            .stdin
            .take()
            .unwrap()
            .write_all(typed.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        let ran = Ran {
            ok: out.status.success(),
            said: String::from_utf8_lossy(&out.stderr).into_owned(),
            curl: std::fs::read_to_string(&argv)
                .ok()
                .zip(std::fs::read_to_string(&stdin).ok()),
        };
        std::fs::remove_dir_all(&dir).unwrap();
        ran
    }

    #[cfg(unix)]
    fn run_with_stand_in_curl(shell: &str, script: &str, typed: &str) -> (String, String) {
        let ran = run_in(shell, script, typed);
        assert!(ran.ok, "{shell}: {}", ran.said);
        ran.curl
            .unwrap_or_else(|| panic!("{shell}: curl did not run"))
    }

    /// Brackets and braces in an address never make curl send the token more than once.
    #[cfg(unix)]
    #[test]
    fn every_curl_command_turns_globbing_off() {
        let projects = Endpoint::parse(
            "BigQuery",
            "https://bigquery.googleapis.com/bigquery/v2/projects",
        )
        .unwrap();
        let token = crate::oauth::AccessToken::parse("ya29.secret-access").unwrap();
        let call = crate::google::checks::dry_run_call(&projects, "p[1-3]", &token);
        for shell in ["sh", "bash"] {
            let (argv, _) = run_with_stand_in_curl(shell, &api_curl(&call, true), "ya29.secret\n");
            assert!(argv.starts_with("-sS\n--globoff\n"), "{shell}: {argv}");
            assert!(
                argv.contains("/projects/p%5B1-3%5D/jobs\n"),
                "{shell}: {argv}"
            );
        }
        assert!(curl(&refresh_request(), false).contains("curl -sS --globoff "));
    }

    /// A value curl's config would read as something else is refused at the prompt, with a
    /// line saying why, and curl never runs.
    #[cfg(unix)]
    #[test]
    fn the_shell_commands_refuse_values_curl_would_misread() {
        let typed_values = [
            "",
            " 1//0g-leading-space",
            "1//0g with-space",
            "\"ya29.x\\r\\nX-Injected: yes\"",
            ":ya29.colon",
            "=ya29.equals",
            "ya29.tab\there",
            "ya29.bell\u{7}",
        ];
        for shell in ["sh", "bash"] {
            for value in typed_values {
                let ran = run_in(
                    shell,
                    &api_curl(&ads_call(), true),
                    &format!("{value}\ndev\n"),
                );
                assert!(
                    !ran.ok && ran.curl.is_none(),
                    "{shell}, {value:?}: curl ran"
                );
                assert!(
                    ran.said.contains(
                        "Access token refused: it is empty, has a space or a control character"
                    ),
                    "{shell}, {value:?}: {}",
                    ran.said
                );
            }
            // A token as tokens are goes through.
            let ran = run_in(
                shell,
                &api_curl(&ads_call(), true),
                "ya29.a0-_~.+/=x\ndev\n",
            );
            assert!(ran.ok, "{shell}: {}", ran.said);
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_shell_commands_pass_secrets_on_standard_input_never_as_arguments() {
        let secret = r"GOCSPX-it's\$x";
        let request = {
            let token =
                Endpoint::parse("Token endpoint", "https://oauth2.googleapis.com/token").unwrap();
            let id = ClientId::parse("cid").unwrap();
            let s = ClientSecret::parse(secret).unwrap();
            let rt = RefreshToken::parse("1//0g-refresh-token").unwrap();
            grant::refresh(
                &token,
                grant::Client {
                    id: &id,
                    secret: Some(&s),
                },
                &rt,
            )
        };
        for shell in ["sh", "bash"] {
            let typed = format!("1//0g-refresh-token\n{secret}\n");
            let (argv, stdin) = run_with_stand_in_curl(shell, &curl(&request, true), &typed);
            assert!(
                !argv.contains("GOCSPX") && !argv.contains("1//0g"),
                "{shell}: {argv}"
            );
            assert!(
                argv.contains("--data-urlencode\ngrant_type=refresh_token\n"),
                "{argv}"
            );
            assert!(argv.ends_with("--config\n-\n"), "{argv}");
            assert_eq!(
                stdin,
                format!("data-urlencode = refresh_token=1//0g-refresh-token\ndata-urlencode = client_secret={secret}\n"),
                "{shell}"
            );

            let typed = "ya29.secret-access\ndev-secret\n";
            let (argv, stdin) = run_with_stand_in_curl(shell, &api_curl(&ads_call(), true), typed);
            assert!(holds_no_secret(&argv), "{shell}: {argv}");
            assert!(argv.contains("-H\nlogin-customer-id: 1\n"));
            assert_eq!(
                stdin,
                "oauth2-bearer = ya29.secret-access\nheader = developer-token:dev-secret\n"
            );
        }
    }
}
