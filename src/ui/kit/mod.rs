//! The controls every card uses, each knowing nothing of the page's state: a labelled field,
//! a secret field, copy and reveal, a token on screen, a countdown, an explanation, the
//! pickers for Azure Data Factory, a deployment pack.

pub mod adf_selects;
pub mod copy_button;
pub mod countdown;
pub mod error_panel;
pub mod field;
pub mod pack_files;
pub mod reveal_toggle;
pub mod rich_text;
pub mod secret_field;
pub mod token_value;
