//! What each parameter of the consent URL does, for the annotated view of the URL.

/// What one consent URL parameter does, for the annotated view of the URL.
pub fn parameter_meaning(name: &str) -> Option<&'static str> {
    Some(match name {
        "client_id" => "Which OAuth client is asking. Must be the client whose secret you use at the token endpoint.",
        "redirect_uri" => "Where the provider sends the browser back with the code. Must match a registered redirect URI exactly: scheme, host, port, path and trailing slash.",
        "response_type" => "`code`: the authorization code flow, in which the code is exchanged for tokens.",
        "scope" => "The permissions asked for, space-separated. The connector can only do what these allow.",
        "access_type" => "`offline`: ask for a refresh token, so the connector can get new access tokens without you.",
        "prompt" => "`consent` shows the consent screen even if you agreed before; without it Google returns a refresh token only the first time.",
        "state" => "A random value this page checks on return, so a forged redirect is refused.",
        "code_challenge" => "PKCE: the SHA-256 of a secret verifier kept in this tab; the code is useless without the verifier.",
        "code_challenge_method" => "`S256`: the challenge is a SHA-256 hash.",
        "login_hint" => "The account to preselect on the sign-in screen.",
        "include_granted_scopes" => "Incremental authorization: the new token also carries scopes granted to this client before.",
        _ => return None,
    })
}

/// Every parameter a consent URL of this page can carry.
#[cfg(test)]
pub(crate) const SENT: [&str; 11] = [
    "client_id",
    "redirect_uri",
    "response_type",
    "scope",
    "access_type",
    "prompt",
    "state",
    "code_challenge",
    "code_challenge_method",
    "login_hint",
    "include_granted_scopes",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth::Prompt;

    #[test]
    fn every_sent_parameter_is_explained() {
        for name in SENT {
            assert!(parameter_meaning(name).is_some(), "{name}");
        }
        for prompt in Prompt::ALL {
            assert_eq!(Prompt::from_id(prompt.id()), Some(prompt));
        }
    }
}
