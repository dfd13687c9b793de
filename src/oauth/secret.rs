//! One wrapper for every secret value the page handles: client secrets, codes, tokens, the
//! PKCE verifier. It never prints its content (`Debug` and `Display` say `[redacted]`), hands it
//! out only through an explicit [`Secret::expose`], and wipes its memory when dropped.

use std::fmt;

use zeroize::Zeroize;

/// A string that must not reach a log, a URL or `Debug` output by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a value. The caller is the one place that saw it in the clear.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The value itself, for the one request or the one copy that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// A masked form for the screen: the first and last few characters only.
    pub fn masked(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() <= 12 {
            return "•".repeat(chars.len().max(8));
        }
        let head: String = chars[..4].iter().collect();
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("{head}…{tail}")
    }

    /// The value for a view: itself when revealed, else masked.
    pub fn shown(&self, reveal: bool) -> String {
        if reveal {
            self.0.clone()
        } else {
            self.masked()
        }
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// Read straight into a `Secret` (a key file's private key), never held as a plain `String`.
impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Secret::new)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_value() {
        let secret = Secret::new("GOCSPX-very-secret");
        assert_eq!(format!("{secret:?}"), "[redacted]");
        assert_eq!(format!("{secret}"), "[redacted]");
        assert_eq!(format!("{:?}", Some(&secret)), "Some([redacted])");
        assert_eq!(secret.expose(), "GOCSPX-very-secret");
    }

    #[test]
    fn masked_keeps_only_the_ends_of_long_values() {
        assert_eq!(Secret::new("1//0gAbcdefghijklmnop").masked(), "1//0…mnop");
        assert_eq!(Secret::new("short").masked(), "••••••••");
        assert_eq!(Secret::new("ééééééééééééééé").masked(), "éééé…éééé");
    }
}
