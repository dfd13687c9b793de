//! The page's contexts, one per concern: the form, the sign-in flow, the tokens, the guided
//! page, the live region, the request log, the Azure inputs, the service account, the check
//! runner, where a part goes, and what is built one task later. No view of a card lives here.

pub mod adf_inputs;
pub mod check;
pub mod flow_controller;
pub mod form;
pub mod guide;
pub mod later;
pub mod part_slot;
pub mod requests;
pub mod service_account;
pub mod status;
pub mod tokens;
