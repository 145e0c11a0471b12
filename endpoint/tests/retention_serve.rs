//! The local server purges by itself: `eer-endpoint serve` (the real binary) runs the
//! retention task at start-up and then daily (src/retention.rs), so a form older than
//! `EER_RETENTION_DAYS` disappears with no command run, as seen over HTTP through the export.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{TOKEN, example, rows, write_site};
use eer_endpoint::store::sqlite::SqliteStore;
use eer_endpoint::store::{NewSubmission, Outcome, Store};
use eer_endpoint::time::{DAY_MS, now_ms};
use sha2::{Digest, Sha256};

fn submission(key: &str, received_at_ms: i64) -> NewSubmission {
    let form = example();
    let payload = form.to_string();
    NewSubmission {
        key: key.into(),
        payload_sha256: format!("{:x}", Sha256::digest(payload.as_bytes())),
        payload,
        form: serde_json::from_value(form).unwrap(),
        spam: false,
        received_at_ms,
    }
}

async fn reference(store: &SqliteStore, submission: NewSubmission) -> String {
    match store.submit(submission).await.unwrap() {
        Outcome::Created(receipt) => receipt.reference,
        other => panic!("{other:?}"),
    }
}

/// Kills the server when the test ends, passed or failed.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn the_server_purges_old_forms_at_start_without_any_command() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let data = dir.path().join("data");
    write_site(&site);
    let (old, fresh) = {
        let store = SqliteStore::open(&data.join("eer.sqlite3")).unwrap();
        let old = reference(
            &store,
            submission("retention-old-key-0001", now_ms() - 800 * DAY_MS),
        )
        .await;
        let fresh = reference(&store, submission("retention-new-key-0001", now_ms())).await;
        (old, fresh)
    };

    let mut child = Command::new(env!("CARGO_BIN_EXE_eer-endpoint"))
        .args(["serve", "--addr", "127.0.0.1:0", "--site"])
        .arg(&site)
        .arg("--data-dir")
        .arg(&data)
        .env("EER_EXPORT_TOKEN", TOKEN)
        .env("EER_RETENTION_DAYS", "730")
        .env_remove("EER_DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let child = Child(child);
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let base = line
        .trim()
        .strip_prefix("eer-endpoint listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();

    let client = reqwest::Client::new();
    let mut references = Vec::new();
    for _ in 0..100 {
        let csv = client
            .get(format!("{base}/api/submissions.csv"))
            .bearer_auth(TOKEN)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        references = rows(&csv)
            .into_iter()
            .map(|row| row["reference"].clone())
            .collect::<Vec<_>>();
        if !references.contains(&old) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    drop(child);
    assert!(
        !references.contains(&old),
        "the 800-day-old form is purged: {references:?}"
    );
    assert!(references.contains(&fresh), "today's form stays");
}
