//! Shared test helpers: a real server on a loopback port against a real SQLite file in a
//! temporary directory, a fixture site, and a valid form.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use eer_endpoint::config::Config;
use eer_endpoint::store::sqlite::SqliteStore;
use eer_endpoint::{AppState, app};
use serde_json::Value;
use tempfile::TempDir;

pub const TOKEN: &str = "test-export-token-0123456789";
pub const PARTNER: &str = "https://partner.example";

pub struct Server {
    pub base: String,
    pub addr: SocketAddr,
    pub dir: TempDir,
    pub client: reqwest::Client,
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn database(&self) -> std::path::PathBuf {
        self.dir.path().join("data").join("eer.sqlite3")
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
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    write_site(&site);
    let mut config = Config::local(site, dir.path().join("data"));
    config.export_token = Some(TOKEN.into());
    config.allowed_origins = vec![PARTNER.into()];
    tweak(&mut config);
    let store = SqliteStore::open(&config.database_path()).expect("store");
    let listener = eer_endpoint::serve::bind("127.0.0.1:0".parse().unwrap()).expect("bind");
    let addr = listener.local_addr().unwrap();
    let limits = config.limits;
    let router = app(AppState::new(config, Arc::new(store)));
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
