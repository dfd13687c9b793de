//! Requests to the token and revocation endpoints, as `application/x-www-form-urlencoded`
//! bodies: RFC 6749 §4.1.3 (code), §6 (refresh), RFC 7636 §4.5 (`code_verifier`), RFC 7009 §2.1
//! (revocation). The client authenticates with `client_secret_post` (§2.3.1): Google's
//! token endpoint answers browsers only for such a "simple" request, with no
//! `Authorization` header.

use std::fmt;

use super::endpoint::{Endpoint, RedirectUri};
use super::pkce::PkceVerifier;
use super::secret::Secret;
use super::types::{AuthorizationCode, ClientId, ClientSecret, RefreshToken};

/// A field value of a form body, marked secret or not so views can mask it.
#[derive(Clone, Copy)]
enum Value<'a> {
    Plain(&'a str),
    Secret(&'a str),
}

/// One field of a form body, or a request header: a named value, masked when secret.
#[derive(Debug, Clone)]
pub struct FormField {
    pub name: &'static str,
    pub value: Secret,
    /// Whether the value is a secret (client secret, code, token, verifier).
    pub secret: bool,
}

impl FormField {
    /// The value for a view: masked if secret and not revealed.
    pub fn shown(&self, reveal: bool) -> String {
        self.value.shown(reveal || !self.secret)
    }
}

/// A POST to make: the URL and the form fields (some of them secrets).
#[derive(Clone)]
pub struct FormRequest {
    pub url: Endpoint,
    fields: Vec<FormField>,
}

impl FormRequest {
    fn new(url: &Endpoint, fields: &[(&'static str, Value<'_>)]) -> Self {
        let fields = fields
            .iter()
            .map(|(name, value)| match value {
                Value::Plain(v) => FormField {
                    name,
                    value: Secret::new(*v),
                    secret: false,
                },
                Value::Secret(v) => FormField {
                    name,
                    value: Secret::new(*v),
                    secret: true,
                },
            })
            .collect();
        Self {
            url: url.clone(),
            fields,
        }
    }

    pub fn fields(&self) -> &[FormField] {
        &self.fields
    }

    /// `name=value&…`, form-encoded. Masked secrets are left readable (`code=4/0A…x2`), since
    /// they are for the eye, not for sending.
    fn encode(&self, reveal: bool) -> String {
        let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        self.fields
            .iter()
            .map(|f| {
                let value = if f.secret && !reveal {
                    f.value.masked()
                } else {
                    enc(f.value.expose())
                };
                format!("{}={value}", enc(f.name))
            })
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The body to send. Holds the secrets in the clear.
    pub fn body(&self) -> Secret {
        Secret::new(self.encode(true))
    }

    /// The body with every secret masked, for the screen.
    pub fn masked_body(&self) -> String {
        self.encode(false)
    }

    pub const CONTENT_TYPE: &'static str = "application/x-www-form-urlencoded";
}

impl fmt::Debug for FormRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FormRequest")
            .field("url", &self.url)
            .field("body", &self.masked_body())
            .finish()
    }
}

/// How the client proves itself at the token endpoint.
#[derive(Debug, Clone, Copy)]
pub struct Client<'a> {
    pub id: &'a ClientId,
    /// `None` for public clients; Google's web clients always need it.
    pub secret: Option<&'a ClientSecret>,
}

impl<'a> Client<'a> {
    fn fields(&self) -> Vec<(&'static str, Value<'a>)> {
        let mut fields = vec![("client_id", Value::Plain(self.id.as_str()))];
        if let Some(secret) = self.secret {
            fields.push(("client_secret", Value::Secret(secret.expose())));
        }
        fields
    }
}

/// `grant_type=authorization_code`: the single-use code for tokens.
pub fn code_exchange(
    token: &Endpoint,
    client: Client<'_>,
    code: &AuthorizationCode,
    redirect_uri: &RedirectUri,
    verifier: Option<&PkceVerifier>,
) -> FormRequest {
    let mut fields = vec![
        ("grant_type", Value::Plain("authorization_code")),
        ("code", Value::Secret(code.expose())),
        ("redirect_uri", Value::Plain(redirect_uri.as_str())),
    ];
    fields.extend(client.fields());
    if let Some(verifier) = verifier {
        fields.push(("code_verifier", Value::Secret(verifier.expose())));
    }
    FormRequest::new(token, &fields)
}

/// `grant_type=refresh_token`: what Azure Data Factory does with the token every hour.
pub fn refresh(token: &Endpoint, client: Client<'_>, refresh_token: &RefreshToken) -> FormRequest {
    let mut fields = vec![
        ("grant_type", Value::Plain("refresh_token")),
        ("refresh_token", Value::Secret(refresh_token.expose())),
    ];
    fields.extend(client.fields());
    FormRequest::new(token, &fields)
}

/// Any other form POST (tokeninfo): `(name, value, secret)` fields.
pub fn form(url: &Endpoint, fields: &[(&'static str, &str, bool)]) -> FormRequest {
    let fields: Vec<(&'static str, Value<'_>)> = fields
        .iter()
        .map(|(name, value, secret)| {
            (
                *name,
                if *secret {
                    Value::Secret(value)
                } else {
                    Value::Plain(value)
                },
            )
        })
        .collect();
    FormRequest::new(url, &fields)
}

/// RFC 7009 revocation of a refresh or access token. Google revokes the whole grant.
pub fn revoke(revocation: &Endpoint, token: &Secret) -> FormRequest {
    FormRequest::new(revocation, &[("token", Value::Secret(token.expose()))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn decode(body: &str) -> HashMap<String, String> {
        serde_urlencoded::from_str(body).unwrap()
    }

    #[test]
    fn code_exchange_sends_every_field_googles_web_flow_needs() {
        let token =
            Endpoint::parse("Token endpoint", "https://oauth2.googleapis.com/token").unwrap();
        let id = ClientId::parse("cid.apps.googleusercontent.com").unwrap();
        let secret = ClientSecret::parse("GOCSPX-s3cr+t&=").unwrap();
        let code = AuthorizationCode::parse("4/0Ab+c").unwrap();
        let redirect = RedirectUri::parse("https://a.example/rt/").unwrap();
        let verifier = PkceVerifier::from_octets(&[1; 32]);
        let request = code_exchange(
            &token,
            Client {
                id: &id,
                secret: Some(&secret),
            },
            &code,
            &redirect,
            Some(&verifier),
        );
        let fields = decode(request.body().expose());
        assert_eq!(fields["grant_type"], "authorization_code");
        assert_eq!(fields["code"], "4/0Ab+c");
        assert_eq!(fields["redirect_uri"], "https://a.example/rt/");
        assert_eq!(fields["client_id"], "cid.apps.googleusercontent.com");
        assert_eq!(fields["client_secret"], "GOCSPX-s3cr+t&=");
        assert_eq!(fields["code_verifier"], verifier.expose());
        assert_eq!(fields.len(), 6);

        let masked = request.masked_body();
        assert!(masked.contains("&client_id=cid.apps.googleusercontent.com&"));
        assert!(masked.contains("&client_secret=GOCS…+t&=&"), "{masked}");
        assert!(!request.masked_body().contains("s3cr"));
        assert!(!format!("{request:?}").contains("s3cr"));
    }

    #[test]
    fn refresh_and_revoke_bodies() {
        let token = Endpoint::parse("Token endpoint", "http://127.0.0.1:9/token").unwrap();
        let id = ClientId::parse("cid").unwrap();
        let rt = RefreshToken::parse("1//0g-rt").unwrap();
        let request = refresh(
            &token,
            Client {
                id: &id,
                secret: None,
            },
            &rt,
        );
        let fields = decode(request.body().expose());
        assert_eq!(fields["grant_type"], "refresh_token");
        assert_eq!(fields["refresh_token"], "1//0g-rt");
        assert!(!fields.contains_key("client_secret"));

        let revocation = revoke(&token, rt.secret());
        assert_eq!(revocation.body().expose(), "token=1%2F%2F0g-rt");
    }
}
