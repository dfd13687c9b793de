//! A call to a Google API with an access token, as data: what the page sends, what the
//! exchange log shows, and what the curl / PowerShell fallback runs are the same value.

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

/// A request header besides `Authorization`; a secret one is masked until revealed.
#[derive(Debug, Clone)]
pub struct Header {
    pub name: &'static str,
    pub value: Secret,
    pub secret: bool,
}

impl Header {
    pub fn shown(&self, reveal: bool) -> String {
        if self.secret && !reveal {
            self.value.masked()
        } else {
            self.value.expose().to_owned()
        }
    }
}

#[derive(Debug, Clone)]
pub struct ApiCall {
    pub method: Method,
    pub url: String,
    pub token: Secret,
    pub headers: Vec<Header>,
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
        self.headers.push(Header {
            name,
            value: Secret::new(value),
            secret,
        });
        self
    }

    pub fn authorization(&self, reveal: bool) -> String {
        let token = if reveal {
            self.token.expose().to_owned()
        } else {
            self.token.masked()
        };
        format!("Bearer {token}")
    }
}
