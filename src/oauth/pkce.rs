//! PKCE (RFC 7636) and the `state` value (RFC 6749 §10.12), both from the platform's CSPRNG:
//! the OS natively, `crypto.getRandomValues` in the browser (getrandom's `wasm_js` backend).

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use sha2::{Digest, Sha256};
use thiserror::Error;

use super::secret::Secret;
use super::types::{InputError, State};

/// The platform refused to give random bytes; nothing safe can be generated then.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("the browser gave no secure random numbers ({0})")]
pub struct RandomnessError(pub String);

fn random_bytes<const N: usize>() -> Result<[u8; N], RandomnessError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| RandomnessError(e.to_string()))?;
    Ok(bytes)
}

/// The `code_verifier`: 43–128 characters of `[A-Za-z0-9-._~]`. Not `Clone`: one copy goes
/// into the pending flow, and it is consumed by the exchange.
#[derive(PartialEq, Eq)]
pub struct PkceVerifier(Secret);

impl PkceVerifier {
    /// 32 random octets, base64url-encoded: the 43-character verifier §4.1 recommends.
    pub fn generate() -> Result<Self, RandomnessError> {
        Ok(Self::from_octets(&random_bytes::<32>()?))
    }

    pub fn from_octets(octets: &[u8; 32]) -> Self {
        Self(Secret::new(URL_SAFE_NO_PAD.encode(octets)))
    }

    pub fn parse(raw: &str) -> Result<Self, InputError> {
        let field = "PKCE code verifier";
        let len = raw.chars().count();
        if len < 43 {
            return Err(InputError::TooShort {
                field,
                len,
                min: 43,
            });
        }
        if len > 128 {
            return Err(InputError::TooLong {
                field,
                len,
                max: 128,
            });
        }
        if let Some(ch) = raw
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~')))
        {
            return Err(InputError::InvalidChar { field, ch });
        }
        Ok(Self(Secret::new(raw)))
    }

    pub fn expose(&self) -> &str {
        self.0.expose()
    }

    /// `BASE64URL(SHA256(ASCII(code_verifier)))`, sent with `code_challenge_method=S256`.
    pub fn challenge(&self) -> String {
        URL_SAFE_NO_PAD.encode(Sha256::digest(self.0.expose().as_bytes()))
    }
}

impl fmt::Debug for PkceVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("PkceVerifier").field(&self.0).finish()
    }
}

impl State {
    /// 32 random octets, base64url: unguessable, so a forged redirect cannot match it.
    pub fn generate() -> Result<Self, RandomnessError> {
        let encoded = URL_SAFE_NO_PAD.encode(random_bytes::<32>()?);
        Ok(Self::parse(&encoded).expect("base64url is printable ASCII"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7636 Appendix B.
    #[test]
    fn matches_the_rfc_example() {
        let octets = [
            116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212,
            37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
        ];
        let verifier = PkceVerifier::from_octets(&octets);
        assert_eq!(
            verifier.expose(),
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        );
        assert_eq!(
            verifier.challenge(),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn generated_values_are_well_formed_and_fresh() {
        let a = PkceVerifier::generate().unwrap();
        let b = PkceVerifier::generate().unwrap();
        assert_eq!(a.expose().len(), 43);
        assert!(PkceVerifier::parse(a.expose()).is_ok());
        assert_ne!(a.expose(), b.expose());
        assert_eq!(a.challenge().len(), 43);
        let s = State::generate().unwrap();
        assert_eq!(s.as_str().len(), 43);
        assert!(!s.matches(&State::generate().unwrap()));
        assert_eq!(format!("{a:?}"), "PkceVerifier([redacted])");
    }

    #[test]
    fn parse_enforces_length_and_alphabet() {
        assert!(matches!(
            PkceVerifier::parse(&"a".repeat(42)),
            Err(InputError::TooShort { len: 42, .. })
        ));
        assert!(PkceVerifier::parse(&"a".repeat(128)).is_ok());
        assert!(matches!(
            PkceVerifier::parse(&"a".repeat(129)),
            Err(InputError::TooLong { len: 129, .. })
        ));
        assert!(matches!(
            PkceVerifier::parse(&format!("{}+", "a".repeat(43))),
            Err(InputError::InvalidChar { ch: '+', .. })
        ));
    }
}
