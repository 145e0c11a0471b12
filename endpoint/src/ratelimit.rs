//! Per-address rate limit for submissions: a token bucket per client address.
//!
//! IPv6 clients are keyed by their /64 (one household or device usually owns a whole /64, and
//! rotating inside it must not reset the bucket). The table is pruned of full buckets when it
//! grows, so memory stays bounded by the number of recently active addresses.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

use crate::config::RateLimit;

const PRUNE_ABOVE: usize = 10_000;

pub struct Limiter {
    limit: RateLimit,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

struct Bucket {
    tokens: f64,
    last: Instant,
}

impl Limiter {
    pub fn new(limit: RateLimit) -> Self {
        Limiter {
            limit,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token for `addr`; `Err(seconds)` says when the next one will be there.
    pub fn check(&self, addr: IpAddr, now: Instant) -> Result<(), u64> {
        if self.limit.per_hour == 0 {
            return Ok(());
        }
        let per_sec = f64::from(self.limit.per_hour) / 3600.0;
        let burst = f64::from(self.limit.burst.max(1));
        let key = key(addr);
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if buckets.len() > PRUNE_ABOVE {
            buckets.retain(|_, b| {
                b.tokens + now.saturating_duration_since(b.last).as_secs_f64() * per_sec < burst
            });
        }
        let bucket = buckets.entry(key).or_insert(Bucket {
            tokens: burst,
            last: now,
        });
        let elapsed = now.saturating_duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * per_sec).min(burst);
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - bucket.tokens) / per_sec).ceil() as u64)
        }
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
    use std::time::Duration;

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
            assert_eq!(limiter.check(a, t), Ok(()));
        }
        assert_eq!(limiter.check(a, t), Err(1));
        assert_eq!(
            limiter.check(b, t),
            Ok(()),
            "another address has its own bucket"
        );
        assert_eq!(limiter.check(a, t + Duration::from_secs(1)), Ok(()));
    }

    #[test]
    fn ipv6_is_keyed_by_its_64() {
        let limiter = Limiter::new(RateLimit {
            burst: 1,
            per_hour: 1,
        });
        let t = Instant::now();
        assert!(limiter.check("2001:db8:1:2::1".parse().unwrap(), t).is_ok());
        assert!(
            limiter
                .check("2001:db8:1:2::ffff".parse().unwrap(), t)
                .is_err()
        );
        assert!(limiter.check("2001:db8:1:3::1".parse().unwrap(), t).is_ok());
    }

    #[test]
    fn zero_rate_disables() {
        let limiter = Limiter::new(RateLimit {
            burst: 0,
            per_hour: 0,
        });
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        assert!((0..100).all(|_| limiter.check(a, Instant::now()).is_ok()));
    }
}
