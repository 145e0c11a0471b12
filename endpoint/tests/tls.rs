//! TLS to PostgreSQL (managed databases require it), against the real test server, which
//! `cargo xtask` starts with TLS on and a certificate signed by a throw-away CA
//! (`EER_TEST_DATABASE_CA_FILE`): the URL's `sslmode` is honoured, and the server's
//! certificate is verified, never merely accepted.

mod common;

use common::{example, on_postgres};
use eer_endpoint::store::Store;
use eer_endpoint::store::postgres::{PgStore, connector};

fn ca_file() -> std::path::PathBuf {
    std::env::var("EER_TEST_DATABASE_CA_FILE")
        .map(Into::into)
        .expect("EER_TEST_DATABASE_CA_FILE: the test server's CA (cargo xtask postgres sets it)")
}

/// The test database's URL with another `sslmode`.
fn with_sslmode(url: &str, mode: &str) -> String {
    let base = url.split('?').next().unwrap();
    format!("{base}?sslmode={mode}")
}

/// A submission goes through: the store is usable, not merely connected.
async fn submits(store: &PgStore) {
    let payload = example().to_string();
    let outcome = store
        .submit(eer_endpoint::store::NewSubmission {
            key: "tls-key-0001-abcdef".into(),
            payload_sha256: "0".repeat(64),
            form: serde_json::from_value(example()).unwrap(),
            payload,
            spam: false,
            received_at_ms: 1,
        })
        .await
        .unwrap();
    assert!(matches!(outcome, eer_endpoint::store::Outcome::Created(_)));
}

#[tokio::test]
async fn sslmode_disable_connects_without_tls() {
    if !on_postgres() {
        return;
    }
    let url = with_sslmode(&common::fresh_database().await, "disable");
    let store = PgStore::connect(&url, 2, None).await.unwrap();
    submits(&store).await;
    assert!(!over_tls(common::pg_connect(&url).await).await);
}

/// Whether the server sees this connection as TLS.
async fn over_tls(client: tokio_postgres::Client) -> bool {
    client
        .query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .await
        .unwrap()
        .get(0)
}

#[tokio::test]
async fn sslmode_require_verifies_the_server_against_the_ca_file() {
    if !on_postgres() {
        return;
    }
    let url = with_sslmode(&common::fresh_database().await, "require");
    // With the server's CA trusted: connected over TLS, and it works.
    let store = PgStore::connect(&url, 2, Some(&ca_file())).await.unwrap();
    submits(&store).await;
    assert!(store.check().await.is_ok());
    // The same connector on its own connection: the server sees TLS.
    let (client, connection) = tokio_postgres::connect(&url, connector(Some(&ca_file())).unwrap())
        .await
        .unwrap();
    tokio::spawn(connection);
    assert!(over_tls(client).await, "sslmode=require must mean TLS");

    // With the public roots only, the throw-away CA is unknown: refused, not trusted blindly.
    let refused = PgStore::connect(&url, 2, None).await;
    let message = refused.err().expect("an unknown CA must be refused").0;
    eprintln!("refused as expected: {message}");
    assert!(message.contains("UnknownIssuer"), "{message}");
    assert!(
        !message.contains("eer@"),
        "the URL is not echoed: {message}"
    );
}

#[test]
fn a_ca_file_without_a_certificate_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.pem");
    std::fs::write(&empty, "not a certificate\n").unwrap();
    let error = connector(Some(&empty)).err().expect("refused");
    assert!(error.contains("no PEM certificate"), "{error}");
    assert!(connector(Some(&dir.path().join("missing.pem"))).is_err());
    assert!(connector(None).is_ok(), "the public roots alone");
}
