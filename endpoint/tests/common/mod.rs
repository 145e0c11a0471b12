//! Shared test helpers: a real server on a loopback port against a real store — a SQLite file
//! in a temporary directory, or a fresh database of its own on the PostgreSQL server named by
//! `EER_TEST_DATABASE_URL` (`cargo xtask test` and `cargo xtask postgres` start one) —, a
//! fixture site, and a valid form.
//!
//! The store's contract runs on both: each such test is an `async fn body(backend: Backend)`
//! with two `#[tokio::test]` wrappers, `…_sqlite` and `…_postgres`, written out so that the
//! suite's test count (xtask/src/test_counts.rs) sees both.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use eer_endpoint::config::Config;
use eer_endpoint::{AppState, app};
use serde_json::Value;
use tempfile::TempDir;

/// Which store a test runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub use Backend::{Postgres, Sqlite};

/// Whether a PostgreSQL test should run: yes when `EER_TEST_DATABASE_URL` is set; no (and it
/// says so) only when `EER_TEST_SKIP_POSTGRES=1`; otherwise the test fails, so that a run
/// without a server cannot look green.
pub fn on_postgres() -> bool {
    if test_server_url().is_some() {
        return true;
    }
    if std::env::var("EER_TEST_SKIP_POSTGRES").as_deref() == Ok("1") {
        eprintln!("skipped: EER_TEST_SKIP_POSTGRES=1 (this test did not run on PostgreSQL)");
        return false;
    }
    panic!(
        "EER_TEST_DATABASE_URL is not set: the store tests on PostgreSQL need a server. Run \
         `cargo xtask postgres cargo test -p eer-endpoint` (it starts one), or set \
         EER_TEST_SKIP_POSTGRES=1 to leave them out knowingly."
    );
}

fn test_server_url() -> Option<String> {
    std::env::var("EER_TEST_DATABASE_URL")
        .ok()
        .filter(|v| !v.trim().is_empty())
}

/// A connection to a test database (the server is loopback, without TLS).
pub async fn pg_connect(url: &str) -> tokio_postgres::Client {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .unwrap_or_else(|e| panic!("connect to the test PostgreSQL server: {e}"));
    tokio::spawn(connection);
    client
}

/// A fresh, empty database on the test server, so that every test starts from nothing: its
/// URL.
pub async fn fresh_database() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let server = test_server_url().expect("EER_TEST_DATABASE_URL (see on_postgres)");
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    let name = format!(
        "eer_test_{}_{}_{stamp}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    );
    pg_connect(&server)
        .await
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create a test database");
    eer_endpoint::store::postgres::url_with_database(&server, &name)
}

/// Removes the test database of `url` for good, closing its connections (the store's pool).
pub async fn drop_database(url: &str) {
    let server = test_server_url().expect("EER_TEST_DATABASE_URL");
    let name = url
        .split('?')
        .next()
        .and_then(|u| u.rsplit('/').next())
        .unwrap();
    pg_connect(&server)
        .await
        .batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .await
        .expect("drop the test database");
}

pub const TOKEN: &str = "test-export-token-0123456789";
pub const PARTNER: &str = "https://partner.example";

pub struct Server {
    pub base: String,
    pub addr: SocketAddr,
    pub dir: TempDir,
    pub client: reqwest::Client,
    pub backend: Backend,
    /// The configuration the server runs with (its `database_url` on PostgreSQL).
    pub config: Config,
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn database(&self) -> std::path::PathBuf {
        self.dir.path().join("data").join("eer.sqlite3")
    }

    /// The `eer-endpoint` binary, told to use this server's store (the data directory is
    /// given by each command's `--data-dir`).
    pub fn command(&self) -> std::process::Command {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_eer-endpoint"));
        match &self.config.database_url {
            Some(url) => command.env("EER_DATABASE_URL", url),
            None => command.env_remove("EER_DATABASE_URL"),
        };
        command
    }

    /// Runs SQL statements (no parameters; the same text on both engines) on the server's
    /// database, behind its back: a disk fault or a hand edit.
    pub async fn execute(&self, sql: &str) {
        match &self.config.database_url {
            None => rusqlite::Connection::open(self.database())
                .unwrap()
                .execute_batch(sql)
                .unwrap(),
            Some(url) => pg_connect(url).await.batch_execute(sql).await.unwrap(),
        }
    }

    /// The number `sql` (a query of one count) gives.
    pub async fn count(&self, sql: &str) -> i64 {
        let text = self.text(&format!("SELECT CAST(({sql}) AS TEXT)")).await;
        text.parse().unwrap()
    }

    /// The first column of the first row of `sql`, as text.
    pub async fn text(&self, sql: &str) -> String {
        match &self.config.database_url {
            None => rusqlite::Connection::open(self.database())
                .unwrap()
                .query_row(sql, [], |r| r.get(0))
                .unwrap(),
            Some(url) => pg_connect(url)
                .await
                .query_one(sql, &[])
                .await
                .unwrap()
                .get(0),
        }
    }

    /// POSTs `body` as JSON with `key`.
    pub async fn post(&self, key: &str, body: &Value) -> reqwest::Response {
        self.client
            .post(self.url("/api/interest"))
            .header("content-type", "application/json")
            .header("idempotency-key", key)
            .body(body.to_string())
            .send()
            .await
            .expect("request")
    }

    pub async fn csv(&self) -> String {
        let response = self
            .client
            .get(self.url("/api/submissions.csv"))
            .bearer_auth(TOKEN)
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), 200);
        response.text().await.unwrap()
    }
}

/// The example body documented in the README.
pub fn example() -> Value {
    serde_json::from_str(include_str!("../../examples/interest.json"))
        .expect("examples/interest.json is JSON")
}

/// A key unique within a test run.
pub fn key(n: usize) -> String {
    format!("test-key-{n:08}-abcdef")
}

/// Writes a small site like Trunk's `dist` (with precompressed variants whose bytes say which
/// one was sent).
pub fn write_site(root: &Path) {
    let files: &[(&str, &[u8])] = &[
        ("index.html", b"<!doctype html><title>EER app</title>"),
        ("index.html.br", b"BR:index"),
        ("index.html.gz", b"GZ:index"),
        ("eer-web-1a2b3c4d5e6f7a8b_bg.wasm", b"\0asm\x01\0\0\0"),
        ("eer-web-1a2b3c4d5e6f7a8b_bg.wasm.br", b"BR:wasm"),
        ("eer-web-1a2b3c4d5e6f7a8b_bg.wasm.gz", b"GZ:wasm"),
        ("eer-web-1a2b3c4d5e6f7a8b.js", b"export default 1;"),
        ("eer-web-1a2b3c4d5e6f7a8b.js.gz", b"GZ:js"),
        ("style-0123456789abcdef.css", b"body{}"),
        ("manifest.webmanifest", b"{}"),
        (
            "fr/regions/estrie/index.html",
            b"<!doctype html><title>Estrie</title>",
        ),
        (".env", b"SECRET=1"),
    ];
    for (name, bytes) in files {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

/// Starts the app in this process (real TCP, real SQLite), after `tweak` adjusts the
/// configuration (which starts with the export token and the partner origin set).
pub async fn start(tweak: impl FnOnce(&mut Config)) -> Server {
    start_on(Sqlite, tweak).await
}

/// [`start`] on the given store: SQLite in the temporary directory, or a fresh PostgreSQL
/// database, opened through `store::open` as the server opens it.
pub async fn start_on(backend: Backend, tweak: impl FnOnce(&mut Config)) -> Server {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    write_site(&site);
    let mut config = Config::local(site, dir.path().join("data"));
    config.export_token = Some(TOKEN.into());
    config.allowed_origins = vec![PARTNER.into()];
    if backend == Postgres {
        config.database_url = Some(fresh_database().await);
    }
    tweak(&mut config);
    let store = eer_endpoint::store::open(&config).await.expect("store");
    let listener = eer_endpoint::serve::bind("127.0.0.1:0".parse().unwrap()).expect("bind");
    let addr = listener.local_addr().unwrap();
    let limits = config.limits;
    let router = app(AppState::new(config.clone(), store));
    // The production server, with its limits and timeouts.
    tokio::spawn(eer_endpoint::serve::serve(
        listener,
        router,
        limits,
        std::future::pending(),
    ));
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .unwrap();
    Server {
        base: format!("http://{addr}"),
        addr,
        dir,
        client,
        backend,
        config,
    }
}

/// Parses the export (after its BOM) into rows of cells keyed by column name.
pub fn rows(csv_text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let text = csv_text.strip_prefix('\u{feff}').expect("BOM");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}
