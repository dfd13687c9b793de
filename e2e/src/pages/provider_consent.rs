//! The provider's own consent screen (the local Google-faithful one): Allow, Deny, a scope unticked.

use fantoccini::Locator;

use crate::pages::AppPage;

/// The provider's consent screen, where the user allows or denies.
pub struct ProviderConsent<'p, 'a> {
    app: &'p AppPage<'a>,
}

impl<'p, 'a> ProviderConsent<'p, 'a> {
    pub fn of(app: &'p AppPage<'a>) -> Self {
        Self { app }
    }

    pub async fn allow(&self) {
        self.app.browser.click("#allow").await;
    }

    pub async fn deny(&self) {
        self.app.browser.click("#deny").await;
    }

    /// Unticks a scope on the provider's consent page.
    pub async fn untick_scope_at_consent(&self, scope: &str) {
        let boxes = self
            .app
            .browser
            .client
            .find_all(Locator::Css("input[name=scope]"))
            .await
            .expect("boxes");
        for b in boxes {
            if b.attr("value").await.ok().flatten().as_deref() == Some(scope) {
                b.click().await.expect("clickable");
            }
        }
    }
}
