//! What is true of Google and Azure Data Factory's Google connectors, apart from the OAuth
//! protocol itself: Google's endpoints, the scope presets, the checks that call Google's
//! APIs, and the client file the console downloads. Pure: natively tested.

pub mod ads;
pub mod call;
pub mod checks;
pub mod client_file;
pub mod endpoints;
pub mod facts;
pub mod failure;
pub mod lifetime;
pub mod presets;
pub mod service_account;
