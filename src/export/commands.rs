//! The page's requests as commands to run by hand: curl (POSIX shells) and PowerShell's
//! `Invoke-RestMethod`. Every value is quoted so that no shell ever interprets it; secrets
//! are masked unless the user revealed them.

use crate::google::call::{ApiCall, Method};
use crate::oauth::FormRequest;

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

/// `curl` posting the form, each field URL-encoded by curl itself.
pub fn curl(request: &FormRequest, reveal: bool) -> String {
    let mut lines = vec![format!(
        "curl -sS -X POST {}",
        sh_quote(request.url.as_str())
    )];
    for field in request.fields() {
        let pair = format!("{}={}", field.name, field.shown(reveal));
        lines.push(format!("  --data-urlencode {}", sh_quote(&pair)));
    }
    lines.join(" \\\n")
}

/// PowerShell posting the form (`Invoke-RestMethod` encodes the hashtable as a form body).
pub fn powershell(request: &FormRequest, reveal: bool) -> String {
    let body: Vec<String> = request
        .fields()
        .iter()
        .map(|f| format!("  {} = {}", f.name, ps_quote(&f.shown(reveal))))
        .collect();
    format!(
        "$body = @{{\n{}\n}}\nInvoke-RestMethod -Method Post -Uri {} -ContentType {} -Body $body",
        body.join("\n"),
        ps_quote(request.url.as_str()),
        ps_quote(FormRequest::CONTENT_TYPE)
    )
}

/// `curl` making an API call: its headers, and its JSON body as given.
pub fn api_curl(call: &ApiCall, reveal: bool) -> String {
    let mut lines = vec![format!(
        "curl -sS -X {} {}",
        call.method.as_str(),
        sh_quote(&call.url)
    )];
    let mut header = |name: &str, value: &str| {
        lines.push(format!("  -H {}", sh_quote(&format!("{name}: {value}"))));
    };
    header("Authorization", &call.authorization(reveal));
    for h in &call.headers {
        header(h.name, &h.shown(reveal));
    }
    if let Some(body) = &call.body {
        header("Content-Type", ApiCall::JSON);
        lines.push(format!("  --data-raw {}", sh_quote(body)));
    }
    lines.join(" \\\n")
}

/// PowerShell making an API call with `Invoke-RestMethod`.
pub fn api_powershell(call: &ApiCall, reveal: bool) -> String {
    let mut headers = vec![format!(
        "  'Authorization' = {}",
        ps_quote(&call.authorization(reveal))
    )];
    headers.extend(
        call.headers
            .iter()
            .map(|h| format!("  {} = {}", ps_quote(h.name), ps_quote(&h.shown(reveal)))),
    );
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
    format!(
        "$headers = @{{\n{}\n}}\nInvoke-RestMethod -Method {method} -Uri {} -Headers $headers{body}",
        headers.join("\n"),
        ps_quote(&call.url)
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

    #[test]
    fn curl_masks_secrets_until_revealed() {
        let request = refresh_request();
        let masked = curl(&request, false);
        assert!(masked.starts_with("curl -sS -X POST 'https://oauth2.googleapis.com/token' \\\n"));
        assert!(masked.contains("--data-urlencode 'grant_type=refresh_token'"));
        assert!(masked.contains("--data-urlencode 'client_id=cid'"));
        assert!(!masked.contains("1//0g-refresh-token") && !masked.contains("GOCSPX-it"));
        let revealed = curl(&request, true);
        assert!(revealed.contains("--data-urlencode 'refresh_token=1//0g-refresh-token'"));
        assert!(revealed.contains(r"'client_secret=GOCSPX-it'\''s'"));
    }

    #[test]
    fn api_calls_as_commands_mask_tokens_until_revealed() {
        let token = crate::oauth::AccessToken::parse("ya29.secret-access").unwrap();
        let call = ApiCall::post_json(
            "https://googleads.googleapis.com/v26/customers/1/googleAds:search".into(),
            &token,
            r#"{"query":"it's"}"#.into(),
        )
        .header("developer-token", "dev-secret", true)
        .header("login-customer-id", "1", false);
        let masked = api_curl(&call, false);
        assert!(masked.starts_with(
            "curl -sS -X POST 'https://googleads.googleapis.com/v26/customers/1/googleAds:search' \\\n"
        ));
        assert!(masked.contains("  -H 'login-customer-id: 1'"));
        assert!(!masked.contains("secret-access") && !masked.contains("dev-secret"));
        let revealed = api_curl(&call, true);
        assert!(revealed.contains("  -H 'Authorization: Bearer ya29.secret-access'"));
        assert!(revealed.contains("  -H 'developer-token: dev-secret'"));
        assert!(revealed.ends_with(r#"  --data-raw '{"query":"it'\''s"}'"#));
        let ps = api_powershell(&call, true);
        assert!(ps.contains("  'developer-token' = 'dev-secret'\n"));
        assert!(ps.ends_with(
            r#"-Headers $headers -ContentType 'application/json' -Body '{"query":"it''s"}'"#
        ));
        assert!(!api_powershell(&call, false).contains("dev-secret"));
    }

    #[test]
    fn powershell_posts_a_form_hashtable() {
        let revealed = powershell(&refresh_request(), true);
        assert!(revealed.contains("  grant_type = 'refresh_token'\n"));
        assert!(revealed.contains("  client_secret = 'GOCSPX-it''s'\n"));
        assert!(revealed.ends_with(
            "Invoke-RestMethod -Method Post -Uri 'https://oauth2.googleapis.com/token' -ContentType 'application/x-www-form-urlencoded' -Body $body"
        ));
        assert!(!powershell(&refresh_request(), false).contains("GOCSPX"));
    }
}
