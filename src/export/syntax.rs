//! Every literal the exports write, one writer a language: POSIX `sh` and PowerShell quotes,
//! ARM strings that stay literals, Bicep strings and values, HCL strings, values and the
//! alignment `terraform fmt` gives. Each is read back by its language's rules in the tests.
//!
//! Sources: POSIX "Shell Command Language" §2.2.2 (single quotes); PowerShell
//! about_Quoting_Rules (verbatim strings, typographic quotes); ARM "Template syntax and
//! expressions" (escape characters); Bicep "Data types" (strings); HCL native syntax
//! (template literals, `${` and `%{` escapes); hclwrite's formatter.

use serde_json::Value;

/// Quotes for POSIX `sh`: single quotes, with `'` written as `'\''`.
pub fn sh_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// Quotes for PowerShell: a verbatim single-quoted string. PowerShell also takes the
/// typographic quotes U+2018–U+201B as single quotes, so those are doubled too.
pub fn ps_quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}') {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// Every string of an ARM value as a literal: one that starts with `[` and ends with `]`
/// would otherwise be evaluated as an expression.
pub fn arm_literal(v: Value) -> Value {
    match v {
        Value::String(s) if s.starts_with('[') && s.ends_with(']') => {
            Value::String(format!("[{s}"))
        }
        Value::Array(a) => Value::Array(a.into_iter().map(arm_literal).collect()),
        Value::Object(o) => {
            Value::Object(o.into_iter().map(|(k, v)| (k, arm_literal(v))).collect())
        }
        other => other,
    }
}

/// A Bicep string: single quotes; `\`, `'` and `${` escaped; control characters as escapes.
pub fn bicep_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '$' => out.push_str("\\$"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:X}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn indent(level: usize) -> String {
    "  ".repeat(level)
}

/// A JSON value as a Bicep expression, objects on one property per line.
pub fn bicep_value(v: &Value, level: usize) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => bicep_string(s),
        Value::Array(a) if a.is_empty() => "[]".into(),
        Value::Array(a) => {
            let items: String = a
                .iter()
                .map(|x| format!("{}{}\n", indent(level + 1), bicep_value(x, level + 1)))
                .collect();
            format!("[\n{items}{}]", indent(level))
        }
        Value::Object(o) if o.is_empty() => "{}".into(),
        Value::Object(o) => {
            let items: String = o
                .iter()
                .map(|(k, x)| {
                    let key = if is_identifier(k) {
                        k.clone()
                    } else {
                        bicep_string(k)
                    };
                    format!(
                        "{}{key}: {}\n",
                        indent(level + 1),
                        bicep_value(x, level + 1)
                    )
                })
                .collect();
            format!("{{\n{items}{}}}", indent(level))
        }
    }
}

/// An HCL (Terraform) quoted string: `\`, `"` and control characters escaped, and the
/// template sequences `${` and `%{` written `$${` and `%%{` so they stay literal.
pub fn hcl_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Where a line of HCL assigns: the byte offset of its `=`, when the value ends on the same
/// line (brackets opened after the `=` are closed again). Strings are skipped, so a key such
/// as `"a=b"` is one key.
fn hcl_assignment(line: &str) -> Option<usize> {
    let mut in_string = false;
    let mut escaped = false;
    let mut equals = None;
    let mut net = 0i32;
    for (i, c) in line.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '#' if equals.is_none() => return None,
            '=' if equals.is_none() => equals = Some(i),
            '{' | '[' | '(' if equals.is_some() => net += 1,
            '}' | ']' | ')' if equals.is_some() => net -= 1,
            _ => {}
        }
    }
    equals.filter(|&at| at > 0 && net == 0 && !line[..at].trim().is_empty())
}

/// HCL laid out as `terraform fmt` lays it out: the `=` of neighbouring single-line
/// assignments aligned one space after the longest name. A line that opens a multi-line
/// value, a closing bracket, a comment or a blank line ends a run (hclwrite's `formatCells`,
/// which `terraform fmt` uses). Names are ASCII here, so bytes and columns agree.
pub fn hcl_aligned(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let cells: Vec<Option<(&str, &str)>> = lines
        .iter()
        .map(|line| {
            hcl_assignment(line).map(|at| (line[..at].trim_end(), line[at + 1..].trim_start()))
        })
        .collect();
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let run = cells[i..].iter().take_while(|c| c.is_some()).count();
        if run == 0 {
            out.push(lines[i].to_owned());
            i += 1;
            continue;
        }
        let width = cells[i..i + run]
            .iter()
            .flatten()
            .map(|(name, _)| name.len())
            .max()
            .unwrap_or(0);
        for (name, value) in cells[i..i + run].iter().flatten() {
            out.push(format!("{name:<width$} = {value}"));
        }
        i += run;
    }
    out.join("\n")
}

/// A JSON value as an HCL expression for `jsonencode`, keys quoted.
pub fn hcl_value(v: &Value, level: usize) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => hcl_string(s),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(|x| hcl_value(x, level)).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(o) if o.is_empty() => "{}".into(),
        Value::Object(o) => {
            let items: String = o
                .iter()
                .map(|(k, x)| {
                    format!(
                        "{}{} = {}\n",
                        indent(level + 1),
                        hcl_string(k),
                        hcl_value(x, level + 1)
                    )
                })
                .collect();
            format!("{{\n{items}{}}}", indent(level))
        }
    }
}

/// A shell line that writes `json` to `file`: a here-document whose quoted delimiter keeps
/// `$` and backticks as they are (pretty JSON never has a line that is just `JSON`).
pub fn sh_json_file(file: &str, json: &str) -> String {
    format!("\ncat > {file} <<'JSON'\n{json}\nJSON\n")
}

/// The PowerShell lines that write `json` to `file`: a single-quoted here-string is
/// verbatim, and JSON text never has a line starting `'@`.
pub fn ps_json_file(file: &str, json: &str) -> String {
    format!("\nSet-Content -LiteralPath '{file}' -Encoding utf8 -Value @'\n{json}\n'@\n")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::export::pack::testing::BicepReader;
    use proptest::prelude::*;

    #[test]
    fn hcl_is_aligned_as_terraform_fmt_aligns_it() {
        // hclwrite's rules: a run of single-line assignments is aligned; a line that opens a
        // multi-line value, a closing bracket, a comment or a blank line ends the run, and
        // such lines keep one space before `=`.
        let written = "# x = not an assignment\n\
                       resource \"a\" \"b\" {\n\
                       \x20 name = \"n\"\n\
                       \x20 data_factory_id = x.id\n\
                       \x20 type_properties_json = jsonencode({\n\
                       \x20   \"authenticationType\" = \"UserAuthentication\"\n\
                       \x20   \"a=b\" = \"#{\"\n\
                       \x20   \"clientSecret\" = {\n\
                       \x20     \"secretName\" = \"s\"\n\
                       \x20     \"type\" = \"AzureKeyVaultSecret\"\n\
                       \x20   }\n\
                       \x20   \"projectId\" = \"p\"\n\
                       \x20 })\n\
                       \x20 depends_on = [y.z]\n\
                       }\n";
        let expected = "# x = not an assignment\n\
                        resource \"a\" \"b\" {\n\
                        \x20 name            = \"n\"\n\
                        \x20 data_factory_id = x.id\n\
                        \x20 type_properties_json = jsonencode({\n\
                        \x20   \"authenticationType\" = \"UserAuthentication\"\n\
                        \x20   \"a=b\"                = \"#{\"\n\
                        \x20   \"clientSecret\" = {\n\
                        \x20     \"secretName\" = \"s\"\n\
                        \x20     \"type\"       = \"AzureKeyVaultSecret\"\n\
                        \x20   }\n\
                        \x20   \"projectId\" = \"p\"\n\
                        \x20 })\n\
                        \x20 depends_on = [y.z]\n\
                        }\n";
        assert_eq!(hcl_aligned(written), expected);
        assert_eq!(
            hcl_aligned(expected),
            expected,
            "formatting twice changes nothing"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// PowerShell's quoting is read back by `tests/export_properties.rs`.
        #[test]
        fn quoting_round_trips(s in crate::export::pack::testing::hostile()) {
            let bicep = bicep_string(&s);
            prop_assert_eq!(BicepReader { s: bicep.as_bytes(), at: 0 }.value(), Value::String(s.clone()));
            let tf = format!("x = {}\n", hcl_string(&s));
            let body = hcl::parse(&tf).unwrap();
            use hcl::eval::Evaluate;
            let v = body.attributes().next().unwrap().expr.evaluate(&hcl::eval::Context::new()).unwrap();
            prop_assert_eq!(v, hcl::Value::String(s.clone()));
        }
    }
}
