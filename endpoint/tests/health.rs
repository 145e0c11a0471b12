//! Issue 17, item 2: `/api/health` says ok only when a form could be committed, and the store
//! stops acknowledging when its database file is removed or replaced under it.

mod common;

use common::{example, key, start};
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

fn rows_in(database: &std::path::Path) -> i64 {
    let conn = rusqlite::Connection::open(database).unwrap();
    conn.query_row("SELECT count(*) FROM submissions", [], |r| r.get(0))
        .unwrap()
}

#[tokio::test]
async fn health_commits_without_writing_a_row() {
    let server = start(|_| {}).await;
    assert_eq!(server.post(&key(1), &example()).await.status(), 201);
    for _ in 0..50 {
        assert_eq!(
            health(&server).await,
            (200, serde_json::json!({"status": "ok"}))
        );
    }
    assert_eq!(rows_in(&server.database()), 1);
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
