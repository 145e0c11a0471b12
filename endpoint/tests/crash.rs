//! Durability: the real server binary is killed with SIGKILL in the middle of a burst, then
//! restarted on the same data directory (SQLite) or database (PostgreSQL); every submission that got a 201 must be there, once,
//! with the reference the person was given.
//!
//! SIGKILL loses the process, not the machine: this proves that nothing is acknowledged before
//! its commit. Surviving a power cut on top of that is what `synchronous=FULL` (an fsync of the
//! write-ahead log at each commit) is for; on PostgreSQL, `synchronous_commit = on`, which the
//! store checks at start.

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::{Backend, Postgres, Sqlite, TOKEN, example, key, on_postgres, rows, write_site};
use serde_json::{Value, json};
use tokio::sync::{Mutex, Semaphore};

/// Starts `eer-endpoint serve` on a free loopback port, on SQLite in `data` or on the
/// PostgreSQL `database`; returns the child and its base URL.
fn spawn_server(site: &Path, data: &Path, database: Option<&str>) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_eer-endpoint"));
    child
        .args(["serve", "--addr", "127.0.0.1:0", "--site"])
        .arg(site)
        .arg("--data-dir")
        .arg(data)
        .env_clear()
        .env("EER_RATE_LIMIT_PER_HOUR", "0")
        .env("EER_EXPORT_TOKEN", TOKEN);
    if let Some(url) = database {
        child.env("EER_DATABASE_URL", url);
    }
    let mut child = child
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn eer-endpoint");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .expect("read the listening line");
    let base = line
        .trim()
        .rsplit(' ')
        .next()
        .expect("an address")
        .to_string();
    assert!(base.starts_with("http://127.0.0.1:"), "{line}");
    (child, base)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_acknowledged_submission_survives_sigkill_sqlite() {
    every_acknowledged_submission_survives_sigkill(Sqlite).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_acknowledged_submission_survives_sigkill_postgres() {
    if on_postgres() {
        every_acknowledged_submission_survives_sigkill(Postgres).await
    }
}

async fn every_acknowledged_submission_survives_sigkill(backend: Backend) {
    const TOTAL: usize = 1500;
    const KILL_AFTER: usize = 200;
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let data = dir.path().join("data");
    write_site(&site);
    let database = match backend {
        Sqlite => None,
        Postgres => Some(common::fresh_database().await),
    };
    let (child, base) = spawn_server(&site, &data, database.as_deref());
    let child = Arc::new(std::sync::Mutex::new(child));

    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let acked: Arc<Mutex<HashMap<String, String>>> = Arc::default();
    let count = Arc::new(AtomicUsize::new(0));
    let failed = Arc::new(AtomicUsize::new(0));
    let gate = Arc::new(Semaphore::new(48));
    let mut tasks = Vec::new();
    for n in 0..TOTAL {
        let (client, base, acked, count, failed, gate, child) = (
            client.clone(),
            base.clone(),
            acked.clone(),
            count.clone(),
            failed.clone(),
            gate.clone(),
            child.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let _permit = gate.acquire().await.unwrap();
            let mut body = example();
            body["contact"]["email"] = json!(format!("crash{n}@example.com"));
            let sent = client
                .post(format!("{base}/api/interest"))
                .header("content-type", "application/json")
                .header("idempotency-key", key(n))
                .body(body.to_string())
                .send()
                .await;
            let receipt = match sent {
                Ok(response) if response.status() == 201 => response.json::<Value>().await.ok(),
                _ => None,
            };
            match receipt {
                Some(receipt) => {
                    acked
                        .lock()
                        .await
                        .insert(key(n), receipt["reference"].as_str().unwrap().to_string());
                    if count.fetch_add(1, Ordering::SeqCst) + 1 == KILL_AFTER {
                        // Child::kill is SIGKILL on Unix: no shutdown, no flush, no goodbye.
                        child.lock().unwrap().kill().expect("kill");
                    }
                }
                None => {
                    failed.fetch_add(1, Ordering::SeqCst);
                }
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    child.lock().unwrap().wait().unwrap();
    let acked = acked.lock().await.clone();
    let failed = failed.load(Ordering::SeqCst);
    assert!(acked.len() >= KILL_AFTER, "{} acknowledged", acked.len());
    assert!(failed > 0, "the kill must land in the middle of the burst");
    eprintln!(
        "acknowledged before SIGKILL: {}, failed: {failed}",
        acked.len()
    );

    let (mut child, base) = spawn_server(&site, &data, database.as_deref());
    let csv = client
        .get(format!("{base}/api/submissions.csv"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    let stored = rows(&csv.text().await.unwrap());
    let by_reference: HashMap<&str, &str> = stored
        .iter()
        .map(|r| (r["reference"].as_str(), r["email"].as_str()))
        .collect();
    assert_eq!(by_reference.len(), stored.len(), "references are unique");
    for (k, reference) in &acked {
        let n: usize = k["test-key-".len().."test-key-".len() + 8].parse().unwrap();
        assert_eq!(
            by_reference.get(reference.as_str()).copied(),
            Some(format!("crash{n}@example.com").as_str()),
            "{k} got 201 as {reference} but is not stored"
        );
    }
    // A replay of an acknowledged key (the outbox after a lost answer) finds the same record.
    for (k, reference) in acked.iter().take(20) {
        let n: usize = k["test-key-".len().."test-key-".len() + 8].parse().unwrap();
        let mut body = example();
        body["contact"]["email"] = json!(format!("crash{n}@example.com"));
        let response = client
            .post(format!("{base}/api/interest"))
            .header("content-type", "application/json")
            .header("idempotency-key", k)
            .body(body.to_string())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(
            response.json::<Value>().await.unwrap()["reference"],
            reference.as_str()
        );
    }
    child.kill().unwrap();
    child.wait().unwrap();
}
