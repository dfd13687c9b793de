//! HTTPS on loopback with a certificate made at test time, so the local provider can answer
//! as `accounts.google.com`, `oauth2.googleapis.com`, `bigquery.googleapis.com` and
//! `googleads.googleapis.com` when the
//! test browser resolves those names to it. The test browser alone is told to accept the
//! certificate; nothing here is trusted anywhere else.

use std::sync::Arc;

use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use hyper_util::service::TowerToHyperService;
use tokio_rustls::rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::rustls::{self, ServerConfig};
use tokio_rustls::TlsAcceptor;

/// Google's host names the page talks to or navigates to.
pub const GOOGLE_HOSTS: [&str; 4] = [
    "accounts.google.com",
    "oauth2.googleapis.com",
    "bigquery.googleapis.com",
    "googleads.googleapis.com",
];

/// A host name no test may reach: a browser of [`google_switches`] maps it to a closed
/// loopback port, so even a broken CSP sends nothing off the machine.
pub const UNLISTED_HOST: &str = "unlisted.example";

/// Chromium's switches for a browser that reaches Google's host names at `port` on loopback
/// (and [`UNLISTED_HOST`] nowhere), whatever certificate answers there.
pub fn google_switches(port: u16) -> Vec<String> {
    let mut rules: Vec<String> = GOOGLE_HOSTS
        .iter()
        .map(|h| format!("MAP {h} 127.0.0.1:{port}"))
        .collect();
    rules.push(format!("MAP {UNLISTED_HOST} 127.0.0.1:9"));
    vec![
        format!("--host-resolver-rules={}", rules.join(", ")),
        "--ignore-certificate-errors".into(),
    ]
}

/// Serves `router` over TLS on 127.0.0.1 with a fresh certificate for `names`; returns the
/// port.
pub async fn serve(router: Router, names: &[&str]) -> u16 {
    let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    let cert = rcgen::generate_simple_self_signed(names).expect("a certificate");
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(cert.key_pair.serialize_der()));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(vec![cert.cert.der().clone()], key)
        .expect("a usable certificate");
    let mut config = config;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    let acceptor = TlsAcceptor::from(Arc::new(config));
    let listener = crate::loopback_listener().await;
    let port = listener.local_addr().expect("bound").port();
    tokio::spawn(async move {
        loop {
            let Ok((tcp, _)) = listener.accept().await else {
                continue;
            };
            let (acceptor, router) = (acceptor.clone(), router.clone());
            tokio::spawn(async move {
                let Ok(tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let service = TowerToHyperService::new(router);
                let _ = auto::Builder::new(TokioExecutor::new())
                    .serve_connection(TokioIo::new(tls), service)
                    .await;
            });
        }
    });
    port
}
