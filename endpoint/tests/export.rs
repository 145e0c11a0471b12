//! Issue 17, items 5 and 6: the export streams, flags a row it cannot read instead of failing
//! whole, and takes the `Bearer` scheme in any case.

mod common;

use common::{Backend, Postgres, Sqlite, TOKEN, example, key, on_postgres, rows, start, start_on};
use serde_json::json;

#[tokio::test]
async fn a_corrupted_row_is_flagged_and_the_others_are_exported_sqlite() {
    a_corrupted_row_is_flagged_and_the_others_are_exported(Sqlite).await
}

#[tokio::test]
async fn a_corrupted_row_is_flagged_and_the_others_are_exported_postgres() {
    if on_postgres() {
        a_corrupted_row_is_flagged_and_the_others_are_exported(Postgres).await
    }
}

async fn a_corrupted_row_is_flagged_and_the_others_are_exported(backend: Backend) {
    let server = start_on(backend, |_| {}).await;
    for n in 0..3 {
        let mut body = example();
        body["contact"]["first_name"] = json!(format!("Personne{n}"));
        assert_eq!(server.post(&key(n), &body).await.status(), 201);
    }
    // A damaged payload (a disk fault, a hand edit) and an unknown organisation code.
    server
        .execute(
            "UPDATE submissions SET payload = '{\"schema\":1,' WHERE reference = 'EER-000002';
             UPDATE submissions SET organisation = 'gone' WHERE reference = 'EER-000003';",
        )
        .await;

    let response = server
        .client
        .get(server.url("/api/submissions.csv"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    // Streamed: no length known in advance.
    assert!(response.headers().get("content-length").is_none());
    assert_eq!(response.headers()["transfer-encoding"], "chunked");
    let csv = rows(&response.text().await.unwrap());
    assert_eq!(csv.len(), 3);
    assert_eq!(csv[0]["first_name"], "Personne0");
    assert_eq!(csv[0]["errors"], "");
    assert_eq!(csv[1]["reference"], "EER-000002");
    assert_eq!(csv[1]["first_name"], "");
    assert_eq!(csv[1]["errors"], "unreadable: form");
    assert_eq!(csv[2]["reference"], "EER-000003");
    assert_eq!(csv[2]["organisation"], "gone");
    assert_eq!(csv[2]["errors"], "unreadable: organisation");
}

#[tokio::test]
async fn a_large_export_streams_every_row_sqlite() {
    a_large_export_streams_every_row(Sqlite).await
}

#[tokio::test]
async fn a_large_export_streams_every_row_postgres() {
    if on_postgres() {
        a_large_export_streams_every_row(Postgres).await
    }
}

async fn a_large_export_streams_every_row(backend: Backend) {
    let server = start_on(backend, |c| c.rate_limit.per_hour = 0).await;
    for n in 0..600 {
        assert_eq!(server.post(&key(n), &example()).await.status(), 201);
    }
    let csv = rows(&server.csv().await);
    assert_eq!(csv.len(), 600);
    assert_eq!(csv[599]["reference"], "EER-000600");
}

#[tokio::test]
async fn the_bearer_scheme_is_case_insensitive() {
    let server = start(|_| {}).await;
    for scheme in ["Bearer", "bearer", "BEARER", "bEaReR"] {
        let response = server
            .client
            .get(server.url("/api/submissions.csv"))
            .header("authorization", format!("{scheme} {TOKEN}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{scheme}");
    }
    // Another scheme, or the token alone, is still refused.
    for value in [
        format!("Basic {TOKEN}"),
        TOKEN.to_string(),
        format!("Bearer{TOKEN}"),
    ] {
        let response = server
            .client
            .get(server.url("/api/submissions.csv"))
            .header("authorization", value.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401, "{value}");
    }
}
