//! Proving a token works: Google's tokeninfo (what the token is for and how long it lives), a
//! BigQuery call (`projects.list`), and what ADF itself runs: a query job in the linked
//! service's project (here a dry run, which needs the same `bigquery.jobs.create` permission
//! and costs nothing) and the datasets it can read. Sources: BigQuery REST reference,
//! `jobs.insert` (`POST /bigquery/v2/projects/{projectId}/jobs`, `configuration.dryRun`:
//! "the job's results are not persisted… and statistics are returned") and `datasets.list`
//! (`GET /bigquery/v2/projects/{projectId}/datasets`); "Access control with IAM": the
//! *BigQuery Job User* role (`roles/bigquery.jobUser`) grants `bigquery.jobs.create`.

use serde::Deserialize;
use serde_json::Value;

use super::call::ApiCall;
use super::failure::{ApiFailure, Check};
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

pub fn parse_tokeninfo(status: u16, body: &str) -> Result<TokenInfo, ApiFailure> {
    let failed = || ApiFailure::new(Check::Tokeninfo, status, body);
    if (200..300).contains(&status) {
        serde_json::from_str(body).map_err(|_| failed())
    } else {
        Err(failed())
    }
}

pub fn parse_projects(status: u16, body: &str) -> Result<Vec<Project>, ApiFailure> {
    let failed = || ApiFailure::new(Check::Projects, status, body);
    if !(200..300).contains(&status) {
        return Err(failed());
    }
    let v: Value = serde_json::from_str(body).map_err(|_| failed())?;
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

/// `{projects}/{project}/{tail}`, the project as one path segment whatever it holds.
fn in_project(projects: &Endpoint, project: &str, tail: &str) -> String {
    projects
        .url()
        .with_segment(project.trim())
        .with_segment(tail)
        .into()
}

/// The query job ADF would run, as a dry run: `SELECT 1` in standard SQL.
pub fn dry_run_call(projects: &Endpoint, project: &str, token: &AccessToken) -> ApiCall {
    let body = serde_json::json!({
        "configuration": {"dryRun": true, "query": {"query": "SELECT 1", "useLegacySql": false}}
    });
    ApiCall::post_json(
        in_project(projects, project, "jobs"),
        token,
        body.to_string(),
    )
}

/// The datasets of `project` the token can see.
pub fn datasets_call(projects: &Endpoint, project: &str, token: &AccessToken) -> ApiCall {
    ApiCall::get(in_project(projects, project, "datasets"), token)
}

/// Whether ADF's query job would be accepted in `project`.
pub fn parse_dry_run(status: u16, body: &str, project: &str) -> Result<(), ApiFailure> {
    if (200..300).contains(&status) {
        return Ok(());
    }
    let check = Check::DryRun {
        project: project.to_owned(),
    };
    Err(ApiFailure::new(check, status, body))
}

/// The dataset IDs in a `datasets.list` answer.
pub fn parse_datasets(status: u16, body: &str) -> Result<Vec<String>, ApiFailure> {
    let failed = || ApiFailure::new(Check::Datasets, status, body);
    if !(200..300).contains(&status) {
        return Err(failed());
    }
    let v: Value = serde_json::from_str(body).map_err(|_| failed())?;
    Ok(v.get("datasets")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|d| d.pointer("/datasetReference/datasetId")?.as_str())
        .map(str::to_owned)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token() -> AccessToken {
        AccessToken::parse("ya29.a").unwrap()
    }

    #[test]
    fn the_dry_run_is_a_query_job_in_the_linked_services_project() {
        let projects = Endpoint::parse("BigQuery endpoint", GOOGLE_BIGQUERY_PROJECTS).unwrap();
        let call = dry_run_call(&projects, " my-project ", &token());
        assert_eq!(
            call.url,
            "https://bigquery.googleapis.com/bigquery/v2/projects/my-project/jobs"
        );
        let body: Value = serde_json::from_str(call.body.as_deref().unwrap()).unwrap();
        assert_eq!(body["configuration"]["dryRun"], true);
        assert_eq!(body["configuration"]["query"]["query"], "SELECT 1");
        assert_eq!(body["configuration"]["query"]["useLegacySql"], false);
        // A project ID is one path segment, whatever is typed.
        let odd = datasets_call(&projects, "a/b?c#d", &token());
        assert_eq!(
            odd.url,
            "https://bigquery.googleapis.com/bigquery/v2/projects/a%2Fb%3Fc%23d/datasets"
        );
    }

    #[test]
    fn explains_a_refused_query_job_with_its_fix() {
        assert!(parse_dry_run(200, "{}", "p").is_ok());
        let denied = parse_dry_run(
            403,
            r#"{"error":{"code":403,"message":"Access Denied: Project p: User does not have bigquery.jobs.create permission in project p.","status":"PERMISSION_DENIED"}}"#,
            "p",
        )
        .map_err(|f| crate::messages::explain_api_failure(&f, crate::messages::Asked::Refresh))
            .unwrap_err();
        assert!(denied.why.contains("may not run query jobs in project p"));
        assert!(denied.fix.contains("roles/bigquery.jobUser"));
        assert!(parse_dry_run(
            404,
            r#"{"error":{"code":404,"message":"Not found: Project q"}}"#,
            "q"
        )
        .map_err(|f| crate::messages::explain_api_failure(&f, crate::messages::Asked::Refresh))
        .unwrap_err()
        .fix
        .contains("“q” is not a project"));
        assert_eq!(
            parse_datasets(200, r#"{"datasets":[{"datasetReference":{"datasetId":"sales","projectId":"p"}},{"datasetReference":{"datasetId":"ads"}}]}"#).unwrap(),
            ["sales", "ads"]
        );
        assert!(parse_datasets(200, r#"{"kind":"bigquery#datasetList"}"#)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn reads_tokeninfo_with_string_numbers() {
        let info = parse_tokeninfo(
            200,
            r#"{"azp":"a","aud":"a","sub":"1","scope":"s1 s2","exp":"1","expires_in":"3596","email":"me@example.com","email_verified":"true"}"#,
        )
        .unwrap();
        assert_eq!(info.email.as_deref(), Some("me@example.com"));
        assert_eq!(info.expires_in, Some(3596));
        let bad = parse_tokeninfo(400, r#"{"error_description":"Invalid Value"}"#)
            .map_err(|f| crate::messages::explain_api_failure(&f, crate::messages::Asked::Refresh))
            .unwrap_err();
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
        .map_err(|f| crate::messages::explain_api_failure(&f, crate::messages::Asked::Refresh))
            .unwrap_err();
        assert!(denied.what.contains("HTTP 403") && denied.why.contains("insufficient"));
    }
}
