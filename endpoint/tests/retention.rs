//! Retention runs by itself (src/retention.rs): with the clock moved past the retention period,
//! an old submission disappears from the real store (SQLite, PostgreSQL) without any command.

mod common;

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use common::{Backend, Postgres, Sqlite, example, key, on_postgres, rows, start_on};
use eer_endpoint::retention::{self, ManualClock};
use eer_endpoint::time::{DAY_MS, now_ms};

#[tokio::test]
async fn an_old_submission_disappears_when_the_clock_passes_the_retention_period_sqlite() {
    an_old_submission_disappears_when_the_clock_passes_the_retention_period(Sqlite).await
}

#[tokio::test]
async fn an_old_submission_disappears_when_the_clock_passes_the_retention_period_postgres() {
    if on_postgres() {
        an_old_submission_disappears_when_the_clock_passes_the_retention_period(Postgres).await
    }
}

async fn an_old_submission_disappears_when_the_clock_passes_the_retention_period(backend: Backend) {
    let server = start_on(backend, |_| {}).await;
    assert_eq!(server.post(&key(1), &example()).await.status(), 201);
    assert_eq!(rows(&server.csv().await).len(), 1);

    // The task the server runs, on the same database, with a clock the test moves; a short
    // period stands for "daily".
    let store = eer_endpoint::store::open(&server.config).await.unwrap();
    let clock = Arc::new(ManualClock::default());
    clock.0.store(now_ms(), Ordering::SeqCst);
    let task = retention::spawn(store, clock.clone(), 730, Duration::from_millis(50));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(rows(&server.csv().await).len(), 1, "kept within the period");

    // 731 days later: gone, with no command run.
    clock.0.store(now_ms() + 731 * DAY_MS, Ordering::SeqCst);
    let mut left = 1;
    for _ in 0..100 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        left = rows(&server.csv().await).len();
        if left == 0 {
            break;
        }
    }
    task.abort();
    assert_eq!(left, 0, "purged by the daily task");
}
