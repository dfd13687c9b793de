//! What several cards take from the user about Azure Data Factory, typed once and shared: the
//! project, the Google Ads customer IDs, developer token and API version.

use leptos::prelude::*;

use crate::oauth::Secret;

/// What the checks and the linked service share: typed once, used by both.
#[derive(Clone, Copy)]
pub struct AdfInputs {
    pub project: RwSignal<String>,
    pub customer: RwSignal<String>,
    pub login_customer: RwSignal<String>,
    /// Never stored; wiped when replaced.
    pub developer_token: RwSignal<Secret>,
    /// `googleAdsApiVersion`, one of the live versions.
    pub ads_api_version: RwSignal<String>,
}

impl Default for AdfInputs {
    fn default() -> Self {
        Self {
            project: RwSignal::new(String::new()),
            customer: RwSignal::new(String::new()),
            login_customer: RwSignal::new(String::new()),
            developer_token: RwSignal::new(Secret::new(String::new())),
            ads_api_version: RwSignal::new(crate::google::ads::ADS_API_VERSION.to_owned()),
        }
    }
}

pub fn use_adf() -> AdfInputs {
    expect_context::<AdfInputs>()
}
