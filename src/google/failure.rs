//! A Google API call that did not give what was asked: which check it was and the answer, as
//! facts. The messages say what it means and what to change.

/// A check the page runs against a Google API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    Tokeninfo,
    /// BigQuery `projects.list`.
    Projects,
    /// ADF's query job as a dry run in `project`.
    DryRun {
        project: String,
    },
    Datasets,
    /// Google Ads `customers:listAccessibleCustomers`.
    AdsAccounts,
    /// Google Ads `customer_client` search.
    AdsHierarchy,
    /// The query ADF runs with the linked service's customer IDs.
    AdsQuery,
}

impl Check {
    /// Whether Google Ads answered (its failures carry Google Ads error codes).
    pub fn is_ads(&self) -> bool {
        matches!(
            self,
            Check::AdsAccounts | Check::AdsHierarchy | Check::AdsQuery
        )
    }
}

/// A check's failure: an error status, or an answer that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiFailure {
    pub check: Check,
    pub status: u16,
    pub body: String,
}

impl ApiFailure {
    pub fn new(check: Check, status: u16, body: &str) -> Self {
        Self {
            check,
            status,
            body: body.to_owned(),
        }
    }
}
