//! Proving a token works: Google's tokeninfo (what the token is for and how long it lives) and
//! a BigQuery call (`projects.list`), with their answers read and explained.

use serde::Deserialize;
use serde_json::Value;

use crate::messages::{api_failure, Explanation};
use crate::oauth::endpoint::Endpoint;
use crate::oauth::grant::{self, FormRequest};
use crate::oauth::types::AccessToken;

/// Google's BigQuery `projects.list`.
pub const GOOGLE_BIGQUERY_PROJECTS: &str = "https://bigquery.googleapis.com/bigquery/v2/projects";

/// Tokeninfo as a POST with a form body, so the token is never in a URL.
pub fn tokeninfo_request(tokeninfo: &Endpoint, token: &AccessToken) -> FormRequest {
    grant::form(tokeninfo, &[("access_token", token.expose(), true)])
}

/// What tokeninfo says about an access token.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TokenInfo {
    pub email: Option<String>,
    pub scope: Option<String>,
    pub aud: Option<String>,
    #[serde(default, deserialize_with = "number_or_string")]
    pub expires_in: Option<u64>,
}

fn number_or_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.parse().ok(),
        _ => None,
    })
}

/// A BigQuery project the token can see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    pub id: String,
    pub name: Option<String>,
}

pub fn parse_tokeninfo(status: u16, body: &str) -> Result<TokenInfo, Explanation> {
    if (200..300).contains(&status) {
        serde_json::from_str(body).map_err(|_| api_failure("Tokeninfo", status, body))
    } else {
        Err(api_failure("Tokeninfo", status, body))
    }
}

pub fn parse_projects(status: u16, body: &str) -> Result<Vec<Project>, Explanation> {
    if !(200..300).contains(&status) {
        return Err(api_failure("The BigQuery call", status, body));
    }
    let v: Value =
        serde_json::from_str(body).map_err(|_| api_failure("The BigQuery call", status, body))?;
    Ok(v.get("projects")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|p| {
                    let id = p
                        .get("id")
                        .or_else(|| p.pointer("/projectReference/projectId"))
                        .and_then(Value::as_str)?;
                    Some(Project {
                        id: id.to_owned(),
                        name: p
                            .get("friendlyName")
                            .and_then(Value::as_str)
                            .map(str::to_owned),
                    })
                })
                .collect()
        })
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tokeninfo_with_string_numbers() {
        let info = parse_tokeninfo(
            200,
            r#"{"azp":"a","aud":"a","sub":"1","scope":"s1 s2","exp":"1","expires_in":"3596","email":"me@example.com","email_verified":"true"}"#,
        )
        .unwrap();
        assert_eq!(info.email.as_deref(), Some("me@example.com"));
        assert_eq!(info.expires_in, Some(3596));
        let bad = parse_tokeninfo(400, r#"{"error_description":"Invalid Value"}"#).unwrap_err();
        assert!(bad.why.contains("Invalid Value"));
    }

    #[test]
    fn reads_bigquery_projects_and_errors() {
        let projects = parse_projects(
            200,
            r#"{"kind":"bigquery#projectList","projects":[{"id":"p1","friendlyName":"One","projectReference":{"projectId":"p1"}},{"projectReference":{"projectId":"p2"}}],"totalItems":2}"#,
        )
        .unwrap();
        assert_eq!(
            projects,
            vec![
                Project {
                    id: "p1".into(),
                    name: Some("One".into())
                },
                Project {
                    id: "p2".into(),
                    name: None
                },
            ]
        );
        assert!(
            parse_projects(200, r#"{"kind":"bigquery#projectList","totalItems":0}"#)
                .unwrap()
                .is_empty()
        );
        let denied = parse_projects(
            403,
            r#"{"error":{"code":403,"message":"Request had insufficient authentication scopes.","status":"PERMISSION_DENIED"}}"#,
        )
        .unwrap_err();
        assert!(denied.what.contains("HTTP 403") && denied.why.contains("insufficient"));
    }
}
