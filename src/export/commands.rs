//! The page's requests as commands to run by hand: curl (POSIX shells) and PowerShell's
//! `Invoke-RestMethod`. Every value is quoted so that no shell ever interprets it; secrets
//! are masked unless the user revealed them.

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
