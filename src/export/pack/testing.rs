//! What the pack's tests share: a target, linked services, readers for the formats (Bicep,
//! Terraform) and a stand-in `az` to run the scripts against.

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use std::io::Write as _;
use std::process::{Command, Stdio};

pub(crate) use super::{pack, PackFile, Target};
pub(crate) use crate::export::linked_service::{
    linked_service, Connector, Credentials, LinkedServiceInput, SecretStyle, VaultNames,
};

pub(crate) const TARGET: Target<'static> = Target {
    resource_group: "rg-data",
    factory: "adf-prod",
    vault: "kv-google",
    vault_linked_service: "AzureKeyVaultLinkedService",
};

pub(crate) fn google(connector: Connector, names: &VaultNames, project: &str, ls: &str) -> Value {
    let style = SecretStyle::KeyVault(names.clone());
    linked_service(&LinkedServiceInput {
        name: ls,
        connector,
        credentials: Credentials::User {
            client_id: "cid.apps.googleusercontent.com",
            client_secret: "",
            refresh_token: "",
        },
        project_id: project,
        client_customer_id: "123-456-7890",
        login_customer_id: "",
        // Given, so the pack's tests see its vault secret; `without_developer_token` has none.
        developer_token: "given",
        ads_api_version: "v26",
        integration_runtime: "",
        secrets: &style,
    })
    .unwrap()
    .to_json()
}

/// A linked service read back from its JSON, as the pack takes it.
pub(crate) fn typed(ls: &Value) -> crate::export::linked_service::LinkedService {
    serde_json::from_value(ls.clone()).expect("the linked service reads back")
}

pub(crate) fn files(target: &Target<'_>, connector: Connector, ls: &Value) -> Vec<PackFile> {
    pack(target, connector, &typed(ls)).unwrap()
}

pub(crate) fn text<'a>(files: &'a [PackFile], name: &str) -> &'a str {
    &files.iter().find(|f| f.name == name).unwrap().text
}

/// Google Ads through a service account, its key in the vault.
pub(crate) fn ads_service_account() -> Value {
    linked_service(&LinkedServiceInput {
        name: "AdsSA",
        connector: Connector::GoogleAds,
        credentials: Credentials::ServiceAccount {
            key_file: "",
            email: "sa@p.iam.gserviceaccount.com",
            private_key: "",
        },
        project_id: "",
        client_customer_id: "123-456-7890",
        login_customer_id: "",
        developer_token: "given",
        ads_api_version: "v26",
        integration_runtime: "SelfHostedIR",
        secrets: &SecretStyle::KeyVault(VaultNames::default()),
    })
    .unwrap()
    .to_json()
}

pub(crate) fn files_of(ls: &Value) -> Vec<PackFile> {
    let connector = Connector::from_type_name(ls["properties"]["type"].as_str().unwrap());
    files(&TARGET, connector.unwrap(), ls)
}

/// Reads a Bicep value (the subset `bicep_value` writes) back as JSON, by the language's
/// rules for strings, objects and arrays.
pub(crate) struct BicepReader<'a> {
    pub(crate) s: &'a [u8],
    pub(crate) at: usize,
}

impl BicepReader<'_> {
    fn skip_space(&mut self) {
        while self.at < self.s.len() && (self.s[self.at] as char).is_whitespace() {
            self.at += 1;
        }
    }
    fn string(&mut self) -> String {
        assert_eq!(self.s[self.at], b'\'');
        self.at += 1;
        let mut out = Vec::new();
        loop {
            match self.s[self.at] {
                b'\'' => {
                    self.at += 1;
                    return String::from_utf8(out).unwrap();
                }
                b'\\' => {
                    self.at += 1;
                    match self.s[self.at] {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'u' => {
                            let end = self.at
                                + self.s[self.at..].iter().position(|&c| c == b'}').unwrap();
                            let hex = std::str::from_utf8(&self.s[self.at + 2..end]).unwrap();
                            let c = char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap();
                            out.extend(c.to_string().bytes());
                            self.at = end;
                        }
                        c @ (b'\\' | b'\'' | b'$') => out.push(c),
                        other => panic!("no such escape in Bicep: \\{}", other as char),
                    }
                    self.at += 1;
                }
                b'$' if self.s.get(self.at + 1) == Some(&b'{') => panic!("interpolation"),
                b'\n' => panic!("a newline inside a single-line string"),
                c => {
                    out.push(c);
                    self.at += 1;
                }
            }
        }
    }
    pub(crate) fn value(&mut self) -> Value {
        self.skip_space();
        match self.s[self.at] {
            b'\'' => Value::String(self.string()),
            b'{' => {
                self.at += 1;
                let mut o = Map::new();
                loop {
                    self.skip_space();
                    if self.s[self.at] == b'}' {
                        self.at += 1;
                        return Value::Object(o);
                    }
                    let key = if self.s[self.at] == b'\'' {
                        self.string()
                    } else {
                        let start = self.at;
                        while self.s[self.at] != b':' {
                            self.at += 1;
                        }
                        std::str::from_utf8(&self.s[start..self.at])
                            .unwrap()
                            .to_owned()
                    };
                    assert_eq!(self.s[self.at], b':');
                    self.at += 1;
                    o.insert(key, self.value());
                }
            }
            b'[' => {
                self.at += 1;
                let mut a = Vec::new();
                loop {
                    self.skip_space();
                    if self.s[self.at] == b']' {
                        self.at += 1;
                        return Value::Array(a);
                    }
                    a.push(self.value());
                }
            }
            _ => {
                let start = self.at;
                while self.at < self.s.len() && !(self.s[self.at] as char).is_whitespace() {
                    self.at += 1;
                }
                serde_json::from_slice(&self.s[start..self.at]).unwrap()
            }
        }
    }
}

/// The value of `name: …` after `after` in a Bicep file.
pub(crate) fn bicep_property(bicep: &str, after: &str, name: &str) -> Value {
    let from = bicep.find(after).unwrap();
    let at = from + bicep[from..].find(&format!("\n  {name}: ")).unwrap() + name.len() + 5;
    BicepReader {
        s: bicep.as_bytes(),
        at,
    }
    .value()
}

/// The custom linked service's name and the `properties` the provider sends for it:
/// `type`, `typeProperties` (the `jsonencode(…)` argument, evaluated), `connectVia` from
/// the `integration_runtime` block, and `additional_properties` copied in.
pub(crate) fn terraform_properties(tf: &str) -> (String, Value) {
    use hcl::eval::{Context, Evaluate};
    let body = hcl::parse(tf).expect("Terraform parses");
    let block = body
        .blocks()
        .find(|b| {
            b.identifier() == "resource"
                && b.labels()[0].as_str() == "azurerm_data_factory_linked_custom_service"
        })
        .unwrap();
    let attr = |key: &str| {
        block
            .body
            .attributes()
            .find(|a| a.key.as_str() == key)
            .unwrap()
            .expr
            .clone()
    };
    let ctx = Context::new();
    let name = match attr("name").evaluate(&ctx).unwrap() {
        hcl::Value::String(s) => s,
        other => panic!("{other:?}"),
    };
    let hcl::Expression::FuncCall(call) = attr("type_properties_json") else {
        panic!("jsonencode expected")
    };
    assert_eq!(call.name.name.as_str(), "jsonencode");
    let mut properties = Map::new();
    properties.insert(
        "type".into(),
        serde_json::to_value(attr("type").evaluate(&ctx).unwrap()).unwrap(),
    );
    properties.insert(
        "typeProperties".into(),
        serde_json::to_value(call.args[0].evaluate(&ctx).unwrap()).unwrap(),
    );
    if let Some(runtime) = block
        .body
        .blocks()
        .find(|b| b.identifier() == "integration_runtime")
    {
        let name = runtime.body.attributes().find(|a| a.key.as_str() == "name");
        let name = serde_json::to_value(name.unwrap().expr.evaluate(&ctx).unwrap());
        properties.insert(
            "connectVia".into(),
            json!({"referenceName": name.unwrap(), "type": "IntegrationRuntimeReference"}),
        );
    }
    if let Some(extra) = block
        .body
        .attributes()
        .find(|a| a.key.as_str() == "additional_properties")
    {
        let extra = serde_json::to_value(extra.expr.evaluate(&ctx).unwrap()).unwrap();
        for (k, v) in extra.as_object().unwrap() {
            assert!(v.is_string(), "additional_properties is a map of strings");
            properties.insert(k.clone(), v.clone());
        }
    }
    (name, Value::Object(properties))
}

pub(crate) fn run(script: &str, dir: &std::path::Path, stdin: &str) -> (bool, String) {
    run_with_args(script, dir, stdin, &[])
}

/// Runs `script` with bash and these arguments, against the stand-ins in `dir/bin`.
pub(crate) fn run_with_args(
    script: &str,
    dir: &std::path::Path,
    stdin: &str,
    args: &[&str],
) -> (bool, String) {
    let path = dir.join("script.sh");
    std::fs::write(&path, script).unwrap();
    let mut child = Command::new("bash")
        .arg(&path)
        .args(args)
        .current_dir(dir)
        .env(
            "PATH",
            format!("{}:/usr/bin:/bin", dir.join("bin").display()),
        )
        .env("AZ_LOG", dir.join("az.log"))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// A stand-in `az` that records each call's arguments (NUL-separated, one call a line)
/// and the content of any `--file` or `--properties @file` it is given.
/// Calls end with an ASCII record separator, so arguments may hold newlines.
pub(crate) fn stand_in_az(dir: &std::path::Path) {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let az = bin.join("az");
    std::fs::write(
        &az,
        r#"#!/usr/bin/env bash
n=$(( $(cat "$AZ_LOG.n" 2>/dev/null || echo 0) + 1 )); echo "$n" > "$AZ_LOG.n"
{ printf '%s\0' "$@"; printf '\036'; } >> "$AZ_LOG"
prev=
for a in "$@"; do
  if [ "$prev" = --file ]; then { printf 'FILE\0'; cat "$a"; printf '\n'; } >> "$AZ_LOG.files"; fi
  case "$a" in @*) cp "${a#@}" "$AZ_LOG.props.$n";; esac
  prev=$a
done
case "$*" in *"--query identity.principalId"*) echo 00000000-principal;; *"--query id"*) echo /subscriptions/s/vault;; esac
"#,
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(&az, std::fs::Permissions::from_mode(0o755)).unwrap();
}

pub(crate) fn az_calls(dir: &std::path::Path) -> Vec<Vec<String>> {
    std::fs::read_to_string(dir.join("az.log"))
        .unwrap()
        .split('\x1e')
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.split('\0')
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

/// A new folder for one test, with a random name, created here: never a folder that was
/// already there (another user of the machine could have prepared one, with programs in it).
pub(crate) fn temp_dir(tag: &str) -> std::path::PathBuf {
    tempfile::Builder::new()
        .prefix(&format!("rth-{tag}-"))
        .tempdir()
        .unwrap_or_else(|e| panic!("a folder for {tag}: {e}"))
        .keep()
}

/// The layout rules of each tool's formatter that these files can break. Bicep's
/// defaults (bicepconfig.json `formatting`, "Configure your Bicep environment"):
/// `indentKind` Space, `indentSize` 2, `newlineKind` LF, `insertFinalNewline` true, `width`
/// 120. PowerShell's (PSScriptAnalyzer `Invoke-Formatter`, CodeFormatting settings):
/// PSUseConsistentIndentation with 4 spaces, PSAvoidTrailingWhitespace,
/// PSUseConsistentWhitespace (one space around `=`). Here-strings are data, not code.
pub(crate) fn formatter_breaks(name: &str, text: &str) -> Vec<String> {
    let (step, width) = if name.ends_with(".bicep") {
        (2, 120)
    } else {
        (4, usize::MAX)
    };
    let mut problems = Vec::new();
    if !text.ends_with('\n') || text.ends_with("\n\n") {
        problems.push("not one final newline".to_owned());
    }
    let mut in_here_string = false;
    let mut previous = 0;
    for (n, line) in text.lines().enumerate() {
        let at = format!("{name}:{}", n + 1);
        if line.contains('\r') || line.contains('\t') {
            problems.push(format!("{at}: CR or tab"));
        }
        if line != line.trim_end() {
            problems.push(format!("{at}: trailing whitespace"));
        }
        if in_here_string {
            in_here_string = line != "'@";
            continue;
        }
        if name.ends_with(".ps1") && line.ends_with("@'") {
            in_here_string = true;
        }
        if line.trim().is_empty()
            || line.trim_start().starts_with('#')
            || line.trim_start().starts_with("//")
        {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        if indent % step != 0 || indent > previous + step {
            problems.push(format!("{at}: indented {indent}"));
        }
        previous = indent;
        if line.chars().count() > width {
            problems.push(format!("{at}: wider than {width}"));
        }
        if name.ends_with(".ps1") {
            if let Some(at_eq) = line.find(" = ").or_else(|| line.find('=')) {
                let assignment = line.starts_with('$') && !line[..at_eq].contains(' ');
                if assignment
                    && !line[at_eq..].starts_with(" = ")
                    && !line[..at_eq + 1].ends_with(" =")
                {
                    problems.push(format!("{at}: `=` without spaces"));
                }
            }
        }
    }
    problems
}

pub(crate) fn hostile() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-z'\"$`\\\\{}\\[\\]%@ \n\t\u{2019}é-]{1,16}").unwrap()
}
