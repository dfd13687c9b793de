//! End-to-end testing support: a local Google-faithful OAuth provider, a static server for
//! the built page, and page objects that drive the page in headless Chromium.

pub mod breakdown;
pub mod browser;
pub mod measure;
pub mod pages;
pub mod provider;
pub mod recipes;
pub mod site;
pub mod tls;
pub mod world;
