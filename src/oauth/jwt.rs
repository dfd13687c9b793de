//! Reading an OpenID Connect ID token (a JWT, RFC 7519) to show its claims. Nothing is
//! verified: the signature is not checked, and the page says so.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde_json::Value;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum JwtError {
    #[error("the ID token does not have three dot-separated parts")]
    Shape,
    #[error("the ID token's {0} is not base64url")]
    Encoding(&'static str),
    #[error("the ID token's {0} is not a JSON object")]
    Json(&'static str),
}

/// The decoded header and payload, unverified.
#[derive(Debug, Clone, PartialEq)]
pub struct Claims {
    pub header: Value,
    pub payload: Value,
}

fn part(text: &str, name: &'static str) -> Result<Value, JwtError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(text.trim_end_matches('='))
        .map_err(|_| JwtError::Encoding(name))?;
    let value: Value = serde_json::from_slice(&bytes).map_err(|_| JwtError::Json(name))?;
    if value.is_object() {
        Ok(value)
    } else {
        Err(JwtError::Json(name))
    }
}

pub fn decode_unverified(token: &str) -> Result<Claims, JwtError> {
    let mut parts = token.split('.');
    let (Some(header), Some(payload), Some(_signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(JwtError::Shape);
    };
    Ok(Claims {
        header: part(header, "header")?,
        payload: part(payload, "payload")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(v: &str) -> String {
        URL_SAFE_NO_PAD.encode(v)
    }

    #[test]
    fn decodes_header_and_payload() {
        let token = format!(
            "{}.{}.sig",
            encode(r#"{"alg":"RS256","kid":"k1"}"#),
            encode(r#"{"iss":"https://accounts.google.com","email":"a@example.com"}"#)
        );
        let claims = decode_unverified(&token).unwrap();
        assert_eq!(claims.header["alg"], "RS256");
        assert_eq!(claims.payload["email"], "a@example.com");
    }

    #[test]
    fn refuses_what_is_not_a_jwt() {
        assert_eq!(decode_unverified("a.b"), Err(JwtError::Shape));
        assert_eq!(decode_unverified("a.b.c.d"), Err(JwtError::Shape));
        assert_eq!(
            decode_unverified("!!.e30.x"),
            Err(JwtError::Encoding("header"))
        );
        assert_eq!(
            decode_unverified(&format!("{}.{}.x", encode("[]"), encode("{}"))),
            Err(JwtError::Json("header"))
        );
    }
}
