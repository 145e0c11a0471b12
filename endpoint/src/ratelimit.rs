//! Per-address rate limit: a token bucket per client address, spent by what costs something
//! (a new form stored, a wrong export token), never by a replay of a stored form or a form that
//! was refused (issue 17: a person fixing a typo, or a tablet replaying its outbox, must not be
//! locked out).
//!
//! Scope: one process. Each local server, and each Lambda container, keeps its own buckets in
//! memory, so with several instances an address may spend `burst` on each, and a new container
//! starts full. The global limit on Lambda is the platform's (the HTTP API's stage throttling,
//! the function's reserved concurrency: deploy/template.yaml); endpoint/README.md says so.
//!
//! IPv6 clients are keyed by their /64 (one household or device usually owns a whole /64, and
//! rotating inside it must not reset the bucket).
//!
//! Memory stays bounded by the recently active addresses, at a constant cost per request: the
//! buckets live in two generations. Every `refill` period (the time an empty bucket takes to
//! fill up) the older generation is dropped whole and the current one becomes the older one. A
//! bucket left untouched for a whole period is full again, so forgetting it changes nothing.
//! Dropping a map of plain values frees its memory without visiting its entries, so no request
//! pays for pruning the others (the old code scanned the whole table on each request once it
//! held 10,000 addresses).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::config::RateLimit;

/// Addresses in one generation before it is turned over early: about 4 MB per generation. An
/// attacker spreading over more addresses than this within one period may reset buckets that
/// were not full yet; each of its own addresses still has its burst only.
const MAX_PER_GENERATION: usize = 100_000;

pub struct Limiter {
    limit: RateLimit,
    state: Mutex<Generations>,
}

#[derive(Clone, Copy)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

struct Generations {
    current: HashMap<IpAddr, Bucket>,
    older: HashMap<IpAddr, Bucket>,
    turned_at: Option<Instant>,
}

impl Limiter {
    pub fn new(limit: RateLimit) -> Self {
        Limiter {
            limit,
            state: Mutex::new(Generations {
                current: HashMap::new(),
                older: HashMap::new(),
                turned_at: None,
            }),
        }
    }

    fn enabled(&self) -> bool {
        self.limit.per_hour > 0
    }

    fn per_sec(&self) -> f64 {
        f64::from(self.limit.per_hour) / 3600.0
    }

    fn burst(&self) -> f64 {
        f64::from(self.limit.burst.max(1))
    }

    /// Runs `f` on `addr`'s bucket, brought up to date at `now`.
    fn with_bucket<T>(&self, addr: IpAddr, now: Instant, f: impl FnOnce(&mut Bucket) -> T) -> T {
        let (per_sec, burst) = (self.per_sec(), self.burst());
        let refill = Duration::from_secs_f64(burst / per_sec);
        let mut g = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let turned_at = *g.turned_at.get_or_insert(now);
        let age = now.saturating_duration_since(turned_at);
        if age >= refill * 2 {
            g.current = HashMap::new();
            g.older = HashMap::new();
            g.turned_at = Some(now);
        } else if age >= refill || g.current.len() >= MAX_PER_GENERATION {
            g.older = std::mem::take(&mut g.current);
            g.turned_at = Some(now);
        }
        let key = key(addr);
        let found = match g.current.get(&key) {
            Some(bucket) => Some(*bucket),
            None => g.older.remove(&key),
        };
        let mut bucket = found.unwrap_or(Bucket {
            tokens: burst,
            last: now,
        });
        let elapsed = now.saturating_duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * per_sec).min(burst);
        bucket.last = now;
        let out = f(&mut bucket);
        g.current.insert(key, bucket);
        out
    }

    /// Spends one token of `addr`; `Err(seconds)` says when the next one will be there.
    pub fn take(&self, addr: IpAddr, now: Instant) -> Result<(), u64> {
        if !self.enabled() {
            return Ok(());
        }
        let per_sec = self.per_sec();
        self.with_bucket(addr, now, |bucket| {
            if bucket.tokens >= 1.0 {
                bucket.tokens -= 1.0;
                Ok(())
            } else {
                Err(((1.0 - bucket.tokens) / per_sec).ceil() as u64)
            }
        })
    }

    /// Gives back a token taken for something that turned out not to count (a replay, a
    /// refused form, a store failure).
    pub fn refund(&self, addr: IpAddr, now: Instant) {
        if !self.enabled() {
            return;
        }
        let burst = self.burst();
        self.with_bucket(addr, now, |bucket| {
            bucket.tokens = (bucket.tokens + 1.0).min(burst);
        });
    }

    /// Addresses remembered (both generations), for tests.
    pub fn remembered(&self) -> usize {
        let g = self.state.lock().unwrap_or_else(|p| p.into_inner());
        g.current.len() + g.older.len()
    }
}

fn key(addr: IpAddr) -> IpAddr {
    match addr {
        IpAddr::V4(_) => addr,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let mut segments = v6.segments();
                segments[4..].fill(0);
                IpAddr::V6(segments.into())
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn burst_then_refill() {
        let limiter = Limiter::new(RateLimit {
            burst: 3,
            per_hour: 3600,
        });
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        let t = Instant::now();
        for _ in 0..3 {
            assert_eq!(limiter.take(a, t), Ok(()));
        }
        assert_eq!(limiter.take(a, t), Err(1));
        assert_eq!(
            limiter.take(b, t),
            Ok(()),
            "another address has its own bucket"
        );
        assert_eq!(limiter.take(a, t + Duration::from_secs(1)), Ok(()));
    }

    #[test]
    fn a_refund_gives_the_token_back() {
        let limiter = Limiter::new(RateLimit {
            burst: 1,
            per_hour: 1,
        });
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let t = Instant::now();
        assert!(limiter.take(a, t).is_ok());
        limiter.refund(a, t);
        assert!(limiter.take(a, t).is_ok());
        assert!(limiter.take(a, t).is_err());
        limiter.refund(a, t);
        limiter.refund(a, t);
        assert!(limiter.take(a, t).is_ok());
        assert!(limiter.take(a, t).is_err(), "never more than the burst");
    }

    #[test]
    fn ipv6_is_keyed_by_its_64() {
        let limiter = Limiter::new(RateLimit {
            burst: 1,
            per_hour: 1,
        });
        let t = Instant::now();
        assert!(limiter.take("2001:db8:1:2::1".parse().unwrap(), t).is_ok());
        assert!(
            limiter
                .take("2001:db8:1:2::ffff".parse().unwrap(), t)
                .is_err()
        );
        assert!(limiter.take("2001:db8:1:3::1".parse().unwrap(), t).is_ok());
    }

    #[test]
    fn zero_rate_disables() {
        let limiter = Limiter::new(RateLimit {
            burst: 0,
            per_hour: 0,
        });
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        assert!((0..100).all(|_| limiter.take(a, Instant::now()).is_ok()));
    }

    /// Buckets untouched for a whole refill period are forgotten (they are full anyway), a
    /// bucket still refilling is kept across a turn, and memory follows the active addresses.
    #[test]
    fn generations_forget_only_full_buckets() {
        // Burst 2 at one per second: an empty bucket is full after 2 s.
        let limiter = Limiter::new(RateLimit {
            burst: 2,
            per_hour: 3600,
        });
        let t = Instant::now();
        let busy: IpAddr = "192.0.2.1".parse().unwrap();
        for i in 0..1000u32 {
            let addr = IpAddr::V4(std::net::Ipv4Addr::from(0x0a00_0000 + i));
            assert!(limiter.take(addr, t).is_ok());
        }
        assert_eq!(limiter.remembered(), 1000);
        // The busy address empties its bucket 1.5 s in.
        let busy_at = t + Duration::from_millis(1500);
        assert!(limiter.take(busy, busy_at).is_ok());
        assert!(limiter.take(busy, busy_at).is_ok());
        // 2.1 s in: a turn. The busy bucket holds 0.6 token: kept, so still empty.
        let later = t + Duration::from_millis(2100);
        assert!(
            limiter.take(busy, later).is_err(),
            "a refilling bucket was forgotten"
        );
        assert_eq!(limiter.remembered(), 1001);
        // Two periods after the turn, the thousand idle addresses are gone.
        let much_later = later + Duration::from_millis(4100);
        assert!(limiter.take(busy, much_later).is_ok());
        assert_eq!(limiter.remembered(), 1);
    }
}
