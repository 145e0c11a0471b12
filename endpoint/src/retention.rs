//! Retention that runs by itself: the server purges, once at start and then every day,
//! the submissions (and staff log lines) older than `EER_RETENTION_DAYS` (Law 25,
//! private-sector Act s. 23: destroy personal information once its purpose is achieved). Nobody
//! has to schedule `eer-endpoint purge`, which stays for one-off runs and for Lambda's
//! scheduled event.
//!
//! The clock is injected so that a test can move time forward and see an old submission go.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use crate::store::Store;
use crate::time::DAY_MS;

/// Where "now" comes from.
pub trait Clock: Send + Sync + 'static {
    fn now_ms(&self) -> i64;
}

/// The real time.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> i64 {
        crate::time::now_ms()
    }
}

/// A clock the tests set.
#[derive(Default)]
pub struct ManualClock(pub AtomicI64);

impl Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// The real period: once a day.
pub const DAILY: Duration = Duration::from_millis(DAY_MS as u64);

/// One purge at `clock`'s now: everything received more than `retention_days` ago.
pub async fn purge_once(
    store: &dyn Store,
    clock: &dyn Clock,
    retention_days: u32,
) -> Result<usize, String> {
    let before = clock.now_ms() - i64::from(retention_days) * DAY_MS;
    store.purge(before).await.map_err(|e| e.to_string())
}

/// Purges now, then every `period`, for as long as the server runs. A failed purge is
/// reported and tried again at the next period (the data stays only until then).
pub fn spawn(
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    retention_days: u32,
    period: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(period);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            match purge_once(store.as_ref(), clock.as_ref(), retention_days).await {
                Ok(0) => {}
                Ok(n) => eprintln!(
                    "eer-endpoint: retention: purged {n} submissions older than {retention_days} days"
                ),
                Err(e) => eprintln!("eer-endpoint: retention: {e}"),
            }
        }
    })
}
