//! The sentences about what the user takes away: why a linked service or the deployment pack
//! cannot be made yet, and why an export is held back instead of copied or saved.

use crate::export::linked_service::ExportProblem;
use crate::export::pack::PackProblem;

/// What keeps the deployment pack from being made, in words.
pub fn pack_problem(p: &PackProblem) -> String {
    match p {
        PackProblem::Required { what } => format!("The {what} name is required."),
        PackProblem::VaultName { typed } => format!(
            "“{}” is not a Key Vault name: 3 to 24 letters, digits and hyphens, starting \
             with a letter, ending with a letter or digit, no two hyphens in a row.",
            super::outside(typed)
        ),
        PackProblem::SecretName { typed } => format!(
            "“{}” is not a Key Vault secret name: 1 to 127 letters, digits and hyphens.",
            super::outside(typed)
        ),
        PackProblem::NotInKeyVault => {
            "The linked service references no secret in Key Vault.".into()
        }
    }
}

/// One property that keeps a linked service from being exported, in words.
pub fn export_problem(p: &ExportProblem) -> String {
    match p {
        ExportProblem::Required { property } => match *property {
            "googleAdsApiVersion" => "`googleAdsApiVersion` is required: without it the linked \
                service runs on Google Ads' removed legacy driver and fails with \
                `DeprecatedGoogleAdsLegacyDriverVersion`."
                .into(),
            "clientSecret" | "refreshToken" | "developerToken" | "keyFileContent"
            | "privateKey" => format!(
                "`{property}` is required: fill it in, or reference it in Azure Key Vault."
            ),
            _ => format!("`{property}` is required."),
        },
        ExportProblem::CustomerId { property, typed } => format!(
            "`{property}` must be a 10-digit customer ID (dashes and spaces are fine); “{}” is not.",
            super::outside(typed)
        ),
        ExportProblem::ApiVersion { typed } => format!(
            "`googleAdsApiVersion` is a major version such as `{}`; “{}” is not.",
            crate::google::ads::ADS_API_VERSION,
            super::outside(typed)
        ),
        ExportProblem::SelfHostedRuntimeRequired => "Google Ads with a service account runs \
            only on a self-hosted integration runtime (Azure's own runtime refuses it): name \
            yours, or use a refresh token instead."
            .into(),
    }
}

/// Why an export is held back instead of copied or saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeldBack {
    /// ADF would refuse it: a required property is missing or wrong.
    Incomplete,
    /// Its secrets are masked: ADF would take the file and fail when the pipeline runs.
    Masked,
    /// The refresh token was just refused with these credentials: ADF would be refused too.
    CheckFailed,
}

impl HeldBack {
    /// Why an export is held back, if it is: the refused check first, then what ADF would
    /// refuse, then masked secrets (`masked`: SecureString values shown masked).
    pub fn first(check_failed: bool, incomplete: bool, masked: bool) -> Option<Self> {
        [
            (check_failed, HeldBack::CheckFailed),
            (incomplete, HeldBack::Incomplete),
            (masked, HeldBack::Masked),
        ]
        .into_iter()
        .find_map(|(holds, why)| holds.then_some(why))
    }
}

/// Said where the Copy or Download button is, instead of giving a file that would fail.
pub fn held_back(why: HeldBack, done: &str) -> String {
    match why {
        HeldBack::Incomplete => format!(
            "Not {done}: Azure Data Factory would refuse this linked service. Fill in what the \
             list below names first."
        ),
        HeldBack::Masked => format!(
            "Not {done}: the secrets are masked, and ADF would accept the file and then fail \
             when the pipeline runs. Reveal them to take the real values, or reference them in \
             Key Vault."
        ),
        HeldBack::CheckFailed => format!(
            "Not {done}: the provider just refused this refresh token with this client (see the \
             check above), and ADF would be refused the same way. Fix what the check names and \
             check again."
        ),
    }
}
