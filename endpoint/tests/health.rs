//! Issue 17, item 2: `/api/health` says ok only when a form could be committed, and the store
//! stops acknowledging when its database file is removed or replaced under it (SQLite), or
//! its database dropped (PostgreSQL).

mod common;

use common::{Backend, Postgres, Sqlite, example, key, on_postgres, start, start_on};
use serde_json::Value;

async fn health(server: &common::Server) -> (u16, Value) {
    let response = server
        .client
        .get(server.url("/api/health"))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn health_commits_without_writing_a_row_sqlite() {
    health_commits_without_writing_a_row(Sqlite).await
}

#[tokio::test]
async fn health_commits_without_writing_a_row_postgres() {
    if on_postgres() {
        health_commits_without_writing_a_row(Postgres).await
    }
}

async fn health_commits_without_writing_a_row(backend: Backend) {
    let server = start_on(backend, |_| {}).await;
    assert_eq!(server.post(&key(1), &example()).await.status(), 201);
    for _ in 0..50 {
        assert_eq!(
            health(&server).await,
            (200, serde_json::json!({"status": "ok"}))
        );
    }
    assert_eq!(server.count("SELECT count(*) FROM submissions").await, 1);
    // The probes took no reference number either.
    let second: Value = server.post(&key(2), &example()).await.json().await.unwrap();
    assert_eq!(second["reference"], "EER-000002");
}

#[tokio::test]
async fn a_deleted_data_directory_is_a_503_and_an_unhealthy_health() {
    let server = start(|_| {}).await;
    assert_eq!(server.post(&key(1), &example()).await.status(), 201);
    std::fs::remove_dir_all(server.database().parent().unwrap()).unwrap();

    let response = server.post(&key(2), &example()).await;
    assert_eq!(
        response.status(),
        503,
        "a form was acknowledged into a deleted file"
    );
    assert_eq!(response.headers()["retry-after"], "5");
    let (status, body) = health(&server).await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["error"]["code"], "unavailable");

    // An empty directory put back is not the database either.
    std::fs::create_dir_all(server.database().parent().unwrap()).unwrap();
    assert_eq!(server.post(&key(3), &example()).await.status(), 503);
    assert_eq!(health(&server).await.0, 503);
}

#[tokio::test]
async fn a_replaced_database_file_is_a_503() {
    let server = start(|_| {}).await;
    assert_eq!(server.post(&key(1), &example()).await.status(), 201);
    let database = server.database();
    let copy = database.with_extension("copy");
    std::fs::copy(&database, &copy).unwrap();
    std::fs::rename(&copy, &database).unwrap();

    assert_eq!(server.post(&key(2), &example()).await.status(), 503);
    assert_eq!(health(&server).await.0, 503);
}

/// PostgreSQL's counterpart of the deleted data directory: the database is dropped under the
/// running server (its connections closed). No form may be acknowledged; health says so.
#[tokio::test]
async fn a_dropped_database_is_a_503_and_an_unhealthy_health_postgres() {
    if !on_postgres() {
        return;
    }
    let server = start_on(Postgres, |_| {}).await;
    assert_eq!(server.post(&key(1), &example()).await.status(), 201);
    common::drop_database(server.config.database_url.as_deref().unwrap()).await;

    let response = server.post(&key(2), &example()).await;
    assert_eq!(
        response.status(),
        503,
        "a form was acknowledged into a dropped database"
    );
    assert_eq!(response.headers()["retry-after"], "5");
    let (status, body) = health(&server).await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["error"]["code"], "unavailable");
}
