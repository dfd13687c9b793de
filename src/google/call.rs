//! A call to a Google API with an access token, as data: what the page sends, what the
//! exchange log shows, and what the curl / PowerShell fallback runs are the same value.

use crate::oauth::grant::FormField;
use crate::oauth::{AccessToken, Secret};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

#[derive(Debug, Clone)]
pub struct ApiCall {
    pub method: Method,
    pub url: String,
    pub token: Secret,
    /// Request headers besides `Authorization`; a secret one is masked until revealed.
    pub headers: Vec<FormField>,
    /// A JSON body (POST).
    pub body: Option<String>,
}

impl ApiCall {
    pub const JSON: &'static str = "application/json";

    pub fn get(url: String, token: &AccessToken) -> Self {
        Self {
            method: Method::Get,
            url,
            token: token.secret().clone(),
            headers: Vec::new(),
            body: None,
        }
    }

    pub fn post_json(url: String, token: &AccessToken, body: String) -> Self {
        Self {
            method: Method::Post,
            body: Some(body),
            ..Self::get(url, token)
        }
    }

    pub fn header(mut self, name: &'static str, value: &str, secret: bool) -> Self {
        self.headers.push(FormField {
            name,
            value: Secret::new(value),
            secret,
        });
        self
    }

    pub fn authorization(&self, reveal: bool) -> String {
        format!("Bearer {}", self.token.shown(reveal))
    }
}
