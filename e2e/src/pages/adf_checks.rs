//! "What ADF will run": the checks of the calls Azure Data Factory makes.

use refresh_token_helper::testids;

use crate::pages::AppPage;

/// "Check what Azure Data Factory will run".
pub struct AdfChecksCard<'p, 'a> {
    app: &'p AppPage<'a>,
}

impl<'p, 'a> AdfChecksCard<'p, 'a> {
    pub fn of(app: &'p AppPage<'a>) -> Self {
        Self { app }
    }

    pub async fn set_project(&self, project: &str) {
        self.app.type_into(testids::ADF_PROJECT, project).await;
    }

    /// Runs ADF's query job as a dry run and waits until its result says `needle`.
    pub async fn dry_run(&self, needle: &str) -> String {
        self.app
            .check(testids::DRY_RUN, testids::DRY_RUN_RESULT, needle)
            .await
    }

    pub async fn set_developer_token(&self, token: &str) {
        self.app
            .type_into(testids::ADS_DEVELOPER_TOKEN, token)
            .await;
    }

    pub async fn list_accounts(&self, needle: &str) -> String {
        self.app
            .check(testids::ADS_ACCOUNTS, testids::ADS_RESULT, needle)
            .await
    }

    /// Picks the account with this customer ID (digits) in the list.
    pub async fn pick_account(&self, id: &str) {
        self.app.click(&testids::ads_account(id)).await;
    }

    pub async fn run_adf_query(&self, needle: &str) -> String {
        self.app
            .check(testids::ADS_ADF_QUERY, testids::ADS_QUERY_RESULT, needle)
            .await
    }
}
