//! The sign-in's steps, as the page numbers them: the frame (task chooser, progress line, a
//! step that folds), 1 register the redirect, 2 the client (and its file), 3 consent and the
//! return from it, 4 the tokens and their details.

pub mod client_card;
pub mod client_file_form;
pub mod client_file_import;
pub mod consent_card;
pub mod manual_card;
pub mod return_card;
pub mod setup_card;
pub mod steps;
pub mod token_facts;
pub mod tokens_card;
