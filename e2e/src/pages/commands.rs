//! "Commands": the requests as curl and PowerShell.

use refresh_token_helper::testids;

use crate::pages::AppPage;

/// "curl and PowerShell".
pub struct CommandsCard<'p, 'a> {
    app: &'p AppPage<'a>,
}

impl<'p, 'a> CommandsCard<'p, 'a> {
    pub fn of(app: &'p AppPage<'a>) -> Self {
        Self { app }
    }

    /// Waits until the `index`th command holds `needle`; returns it.
    pub async fn command(&self, index: usize, needle: &str) -> String {
        self.app
            .browser
            .wait_text(&testids::sel(&testids::command(index)), needle)
            .await
    }

    pub async fn use_powershell(&self) {
        self.app.click(testids::FORMAT_POWERSHELL).await;
    }

    pub async fn toggle_reveal(&self) {
        self.app.click(testids::COMMANDS_REVEAL).await;
    }
}
