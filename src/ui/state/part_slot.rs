//! Where a part of the page goes. A card shows a part by its name through this context, which
//! the app fills with `ui::parts::place`: imports run card → here, and app → parts → the
//! part's own file, so no card imports the parts that import it.

use leptos::prelude::*;

/// One part fetched when first shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    UseThem,
    CheckToken,
    ServiceAccount,
    ExplainError,
    /// The client file's import, in the client step's closed disclosure.
    ClientFile,
    /// The consent step's cards: the consent URL and the paste by hand.
    Consent,
    /// What follows the tokens on their card: the refresh token's life, and the access
    /// token's facts with the ID token's claims and the raw response.
    TokenLife,
    TokenFacts,
}

/// Builds a part's place: the part once `shown` is first true, and kept from then on.
#[derive(Clone, Copy)]
pub struct PartSlot(pub fn(Part, Signal<bool>) -> AnyView);

/// `part`'s place in the page, built the first time `shown` is true.
pub fn part(part: Part, shown: impl Into<Signal<bool>>) -> AnyView {
    (expect_context::<PartSlot>().0)(part, shown.into())
}
