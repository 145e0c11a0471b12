//! Configuration: environment variables (`EER_*`), overridden by command-line flags. Every
//! setting is documented in `endpoint/README.md`; keep the two in step.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Everything the endpoint can be told.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen (local server only).
    pub addr: SocketAddr,
    /// The built site (Trunk's `dist`, with `file.br` / `file.gz` beside each file).
    pub site_dir: PathBuf,
    /// Where the SQLite file lives; created if missing. Unused with `database_url`.
    pub data_dir: PathBuf,
    /// `EER_DATABASE_URL`: a PostgreSQL URL (`postgres://…`, `sslmode` honoured); selects the
    /// PostgreSQL store instead of SQLite ([`crate::store::open`]).
    pub database_url: Option<String>,
    /// `EER_DATABASE_POOL_SIZE`: connections the PostgreSQL store may hold at once.
    pub database_pool_size: usize,
    /// `EER_DATABASE_CA_FILE`: PEM certificates trusted for the database's TLS besides the
    /// public roots (a managed database's private CA).
    pub database_ca_file: Option<PathBuf>,
    /// Origins (`https://host[:port]`) allowed to POST cross-origin and to frame the app.
    pub allowed_origins: Vec<String>,
    /// The bearer token of the counsellors' CSV export; `None` disables the export.
    pub export_token: Option<String>,
    /// The staff tokens' file (digests, see `staff::tokens`); `None` disables staff access.
    pub staff_tokens_file: Option<PathBuf>,
    /// Submissions older than this are deleted by `eer-endpoint purge` (Law 25).
    pub retention_days: u32,
    /// Accept a retention below [`MIN_RETENTION_DAYS`] (`EER_RETENTION_FORCE=1`,
    /// `--force-retention`).
    pub retention_forced: bool,
    /// The callback delay the success page announces (`GET /api/config`); `None` (the
    /// default) announces none: the delay is the organisations' to set and promise.
    pub callback_business_days: Option<u32>,
    pub rate_limit: RateLimit,
    /// Take the client address from the last `X-Forwarded-For` entry (behind a proxy, Lambda).
    pub trust_proxy: bool,
    /// `Strict-Transport-Security: max-age=…` on answers to requests known to be HTTPS; 0: never.
    pub hsts_max_age: u64,
    /// Connection limits and timeouts of the local server ([`crate::serve`]).
    pub limits: Limits,
}

/// What one client may hold of the local server: connections and the time they may stay open
/// without doing their part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Connections served at once; the next ones wait in the kernel's queue until one closes.
    pub max_connections: usize,
    /// The request line and headers must have arrived this long after the server starts
    /// waiting for them (slow-header clients).
    pub header_timeout: Duration,
    /// After an answer, the next request must start within this (and its headers end within
    /// `header_timeout`, whose clock hyper also starts after each answer); `ZERO`: one request
    /// per connection (no keep-alive).
    pub keep_alive: Duration,
    /// A request in progress may go this long without a byte moving either way (a body that
    /// stops arriving, a client that stops reading its answer).
    pub idle_timeout: Duration,
    /// On SIGTERM/SIGINT, requests in progress get this long to finish; then the server exits
    /// whatever the clients do.
    pub shutdown_grace: Duration,
}

/// A token bucket per client address: `burst` submissions at once, refilled at `per_hour`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    pub burst: u32,
    /// 0 turns the limit off (benchmarks).
    pub per_hour: u32,
}

pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
/// Eight connections: each submission holds one for a few milliseconds (its transaction), and
/// they queue on the rotation's row lock anyway, so more would only wait there. A Lambda
/// instance serves one request at a time and sets 1 or 2 (deploy/README.md).
pub const DEFAULT_DATABASE_POOL_SIZE: u32 = 8;
/// Two years. Law 25 (private-sector Act, s. 23) wants personal information destroyed or
/// anonymised once its purpose is achieved; the purpose here is the callback and the follow-up
/// of a move, which the program describes as a long process (pre-departure pilot for people
/// still abroad, exploratory trips, then the move). Two years covers a household that asks to
/// be called back later and one full program year of reporting; an organisation with a shorter
/// retention schedule sets its own value.
pub const DEFAULT_RETENTION_DAYS: u32 = 730;
/// Below this, `purge` and `serve` refuse the retention unless forced (`--force-retention` or
/// `EER_RETENTION_FORCE=1`): a mistyped `0` would delete every form at the next purge, before
/// a counsellor could call anyone back. 30 days leaves a month to notice the mistake.
pub const MIN_RETENTION_DAYS: u32 = 30;
/// One year: the max-age that the HSTS preload list asks for as a minimum (hstspreload.org).
pub const DEFAULT_HSTS_MAX_AGE: u64 = 31_536_000;
/// Why each value (the numbers people see in nginx, whose defaults are 60 s for headers and
/// 75 s for keep-alive, are made for pages with many sub-requests over one connection; ours
/// are a handful of requests, and one form of 32 KiB at most):
/// - 4,096 connections: far above what a regional service sees at once (the salon-kiosk peak
///   is tens), far below the file limit a server usually grants (clamped to it at start);
/// - 10 s for the headers: a phone on a bad 3G link sends a few hundred bytes of headers in
///   well under a second; ten times that is generous and still frees a slot quickly;
/// - 10 s of keep-alive: room for the app's next request (assets, then the form), and longer
///   than the idle time of common client pools (Node's agent 5 s, undici 4 s), so that such a
///   client closes an idle connection before the server does instead of sending a request into
///   a connection being closed. (An idle connection is closed at the earlier of this and the
///   header timeout: hyper starts the header clock after each answer too.);
/// - 30 s idle: the same as the body deadline of the form (32 KiB at 10 kbit/s takes 26 s);
/// - 10 s of grace: a group commit takes milliseconds; ten seconds is room for a slow disk.
pub const DEFAULT_LIMITS: Limits = Limits {
    max_connections: 4096,
    header_timeout: Duration::from_secs(10),
    keep_alive: Duration::from_secs(10),
    idle_timeout: Duration::from_secs(30),
    shutdown_grace: Duration::from_secs(10),
};
/// A salon kiosk or a family behind one address may send several forms in a row; a script
/// sending hundreds may not. 30 at once, then one every 15 seconds.
pub const DEFAULT_RATE_LIMIT: RateLimit = RateLimit {
    burst: 30,
    per_hour: 240,
};

impl Config {
    /// Reads the `EER_*` variables through `var` (the process environment in production, a map
    /// in tests).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Config, String> {
        let get = |name: &str| {
            var(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let number = |name: &str, default: u32| -> Result<u32, String> {
            match get(name) {
                None => Ok(default),
                Some(v) => v
                    .parse()
                    .map_err(|_| format!("{name}: expected a whole number, got {v:?}")),
            }
        };
        let yes = |name: &str| matches!(get(name).as_deref(), Some("1" | "true" | "yes"));
        let seconds = |name: &str, default: Duration| -> Result<Duration, String> {
            match get(name) {
                None => Ok(default),
                Some(v) => v
                    .parse::<u64>()
                    .map(Duration::from_secs)
                    .map_err(|_| format!("{name}: expected a whole number of seconds, got {v:?}")),
            }
        };
        let addr = get("EER_ADDR").unwrap_or_else(|| DEFAULT_ADDR.into());
        let max_connections = number("EER_MAX_CONNECTIONS", DEFAULT_LIMITS.max_connections as u32)?;
        if max_connections == 0 {
            return Err("EER_MAX_CONNECTIONS: must be at least 1".into());
        }
        let limits = Limits {
            max_connections: max_connections as usize,
            header_timeout: seconds("EER_HEADER_TIMEOUT_SECS", DEFAULT_LIMITS.header_timeout)?,
            keep_alive: seconds("EER_KEEP_ALIVE_SECS", DEFAULT_LIMITS.keep_alive)?,
            idle_timeout: seconds("EER_IDLE_TIMEOUT_SECS", DEFAULT_LIMITS.idle_timeout)?,
            shutdown_grace: seconds("EER_SHUTDOWN_GRACE_SECS", DEFAULT_LIMITS.shutdown_grace)?,
        };
        if limits.header_timeout.is_zero() || limits.idle_timeout.is_zero() {
            return Err(
                "EER_HEADER_TIMEOUT_SECS and EER_IDLE_TIMEOUT_SECS: must be at least 1".into(),
            );
        }
        let database_pool_size = number("EER_DATABASE_POOL_SIZE", DEFAULT_DATABASE_POOL_SIZE)?;
        if database_pool_size == 0 {
            return Err("EER_DATABASE_POOL_SIZE: must be at least 1".into());
        }
        let hsts_max_age = match get("EER_HSTS_MAX_AGE") {
            None => DEFAULT_HSTS_MAX_AGE,
            Some(v) => v.parse().map_err(|_| {
                format!("EER_HSTS_MAX_AGE: expected a whole number of seconds, got {v:?}")
            })?,
        };
        let allowed_origins = match get("EER_ALLOWED_ORIGINS") {
            None => Vec::new(),
            Some(list) => list
                .split([' ', ',', '\n', '\t'])
                .filter(|s| !s.is_empty())
                .map(normalize_origin)
                .collect::<Result<_, _>>()?,
        };
        Ok(Config {
            addr: addr
                .parse()
                .map_err(|_| format!("EER_ADDR: expected host:port, got {addr:?}"))?,
            site_dir: get("EER_SITE_DIR")
                .unwrap_or_else(|| "./dist".into())
                .into(),
            data_dir: get("EER_DATA_DIR").unwrap_or_else(|| "./var".into()).into(),
            database_url: get("EER_DATABASE_URL"),
            database_pool_size: database_pool_size as usize,
            database_ca_file: get("EER_DATABASE_CA_FILE").map(PathBuf::from),
            allowed_origins,
            export_token: get("EER_EXPORT_TOKEN"),
            staff_tokens_file: get("EER_STAFF_TOKENS_FILE").map(PathBuf::from),
            retention_days: number("EER_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)?,
            retention_forced: yes("EER_RETENTION_FORCE"),
            callback_business_days: get("EER_CALLBACK_BUSINESS_DAYS")
                .map(|v| {
                    v.parse().map_err(|_| {
                        format!("EER_CALLBACK_BUSINESS_DAYS: expected a whole number, got {v:?}")
                    })
                })
                .transpose()?,
            rate_limit: RateLimit {
                burst: number("EER_RATE_LIMIT_BURST", DEFAULT_RATE_LIMIT.burst)?,
                per_hour: number("EER_RATE_LIMIT_PER_HOUR", DEFAULT_RATE_LIMIT.per_hour)?,
            },
            trust_proxy: yes("EER_TRUST_PROXY"),
            hsts_max_age,
            limits,
        })
    }

    /// Reads the process environment.
    pub fn from_env() -> Result<Config, String> {
        Config::from_vars(|name| std::env::var(name).ok())
    }

    /// A configuration for tests and the load generator: everything local.
    pub fn local(site_dir: PathBuf, data_dir: PathBuf) -> Config {
        let mut config = Config::from_vars(|_| None).expect("defaults are valid");
        config.site_dir = site_dir;
        config.data_dir = data_dir;
        config
    }

    /// Refuses a retention so short that a purge would delete forms nobody has called back
    /// yet, unless forced.
    pub fn check_retention(&self) -> Result<(), String> {
        if self.retention_days < MIN_RETENTION_DAYS && !self.retention_forced {
            return Err(format!(
                "retention of {} days is below the minimum of {MIN_RETENTION_DAYS}: a purge would \
                 delete forms that counsellors may not have handled yet. If you mean it, add \
                 --force-retention (or EER_RETENTION_FORCE=1).",
                self.retention_days
            ));
        }
        Ok(())
    }

    /// The SQLite file.
    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("eer.sqlite3")
    }
}

/// `https://Example.org/` → `https://example.org`. Origins are compared as strings, as the
/// browser sends them (scheme, host, port if not the default; no path).
pub fn normalize_origin(origin: &str) -> Result<String, String> {
    let lower = origin.trim().trim_end_matches('/').to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://").ok_or_else(|| {
        format!("EER_ALLOWED_ORIGINS: {origin:?} is not an origin like https://example.org")
    })?;
    let valid = matches!(scheme, "http" | "https")
        && !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'));
    if !valid {
        return Err(format!(
            "EER_ALLOWED_ORIGINS: {origin:?} is not an origin like https://example.org"
        ));
    }
    let rest = match scheme {
        "https" => rest.strip_suffix(":443").unwrap_or(rest),
        _ => rest.strip_suffix(":80").unwrap_or(rest),
    };
    Ok(format!("{scheme}://{rest}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn defaults_and_overrides() {
        let config = Config::from_vars(|_| None).unwrap();
        assert_eq!(config.addr.to_string(), DEFAULT_ADDR);
        assert_eq!(config.retention_days, 730);
        assert_eq!(config.export_token, None);
        assert_eq!(config.database_url, None, "SQLite unless told");
        assert_eq!(config.database_pool_size, 8);
        let vars: HashMap<&str, &str> = [
            (
                "EER_ALLOWED_ORIGINS",
                "https://Partner.example/  http://localhost:3000",
            ),
            ("EER_RETENTION_DAYS", "365"),
            ("EER_EXPORT_TOKEN", "  "),
            (
                "EER_DATABASE_URL",
                "postgres://eer@db.example/eer?sslmode=require",
            ),
            ("EER_DATABASE_POOL_SIZE", "2"),
        ]
        .into();
        let config = Config::from_vars(|k| vars.get(k).map(|v| v.to_string())).unwrap();
        assert_eq!(
            config.allowed_origins,
            ["https://partner.example", "http://localhost:3000"]
        );
        assert_eq!(config.retention_days, 365);
        assert_eq!(config.export_token, None, "a blank token is no token");
        assert_eq!(
            config.database_url.as_deref(),
            Some("postgres://eer@db.example/eer?sslmode=require")
        );
        assert_eq!(config.database_pool_size, 2);
    }

    #[test]
    fn bad_values_are_refused() {
        assert!(
            Config::from_vars(|k| (k == "EER_ALLOWED_ORIGINS").then(|| "partner.example".into()))
                .is_err()
        );
        assert!(
            Config::from_vars(
                |k| (k == "EER_ALLOWED_ORIGINS").then(|| "https://a.example/path".into())
            )
            .is_err()
        );
        assert!(Config::from_vars(|k| (k == "EER_RETENTION_DAYS").then(|| "two".into())).is_err());
        assert!(
            Config::from_vars(|k| (k == "EER_DATABASE_POOL_SIZE").then(|| "0".into())).is_err()
        );
        assert_eq!(
            normalize_origin("https://a.example:443").unwrap(),
            "https://a.example"
        );
    }
}
