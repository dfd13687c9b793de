//! Runs the local provider by hand, for trying the page without Google:
//! `cargo run -p e2e --bin fake-provider -- http://127.0.0.1:8080/`
//! registers client `local-client` / secret `local-secret` with the given redirect URIs and
//! prints the endpoints to paste under Advanced → Another OAuth 2.0 provider.

use e2e::provider::{ClientConfig, Provider};

#[tokio::main]
async fn main() {
    let mut redirect_uris: Vec<String> = std::env::args().skip(1).collect();
    if redirect_uris.is_empty() {
        redirect_uris.push("http://127.0.0.1:8080/".into());
    }
    let provider = Provider::new();
    provider.register(ClientConfig {
        id: "local-client".into(),
        secret: "local-secret".into(),
        redirect_uris: redirect_uris.clone(),
        testing: false,
    });
    let base = provider.spawn().await;
    println!("client ID:              local-client");
    println!("client secret:          local-secret");
    println!("redirect URIs:          {}", redirect_uris.join(" "));
    println!("authorization endpoint: {base}/o/oauth2/v2/auth");
    println!("token endpoint:         {base}/token");
    println!("revocation endpoint:    {base}/revoke");
    println!("tokeninfo endpoint:     {base}/tokeninfo");
    tokio::signal::ctrl_c().await.ok();
}
