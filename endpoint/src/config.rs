//! Configuration: environment variables (`EER_*`), overridden by command-line flags. Every
//! setting is documented in `endpoint/README.md`; keep the two in step.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Everything the endpoint can be told.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen (local server only).
    pub addr: SocketAddr,
    /// The built site (Trunk's `dist`, with `file.br` / `file.gz` beside each file).
    pub site_dir: PathBuf,
    /// Where the SQLite file lives; created if missing.
    pub data_dir: PathBuf,
    /// Origins (`https://host[:port]`) allowed to POST cross-origin and to frame the app.
    pub allowed_origins: Vec<String>,
    /// The bearer token of the counsellors' CSV export; `None` disables the export.
    pub export_token: Option<String>,
    /// The staff tokens' file (digests, see `staff::tokens`); `None` disables staff access.
    pub staff_tokens_file: Option<PathBuf>,
    /// Submissions older than this are deleted by `eer-endpoint purge` (Law 25).
    pub retention_days: u32,
    /// The callback delay the success page announces (`GET /api/config`).
    pub callback_business_days: u32,
    pub rate_limit: RateLimit,
    /// Take the client address from the last `X-Forwarded-For` entry (behind a proxy, Lambda).
    pub trust_proxy: bool,
}

/// A token bucket per client address: `burst` submissions at once, refilled at `per_hour`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    pub burst: u32,
    /// 0 turns the limit off (benchmarks).
    pub per_hour: u32,
}

pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
/// Two years. Law 25 (private-sector Act, s. 23) wants personal information destroyed or
/// anonymised once its purpose is achieved; the purpose here is the callback and the follow-up
/// of a move, which the program describes as a long process (pre-departure pilot for people
/// still abroad, exploratory trips, then the move). Two years covers a household that asks to
/// be called back later and one full program year of reporting; an organisation with a shorter
/// retention schedule sets its own value.
pub const DEFAULT_RETENTION_DAYS: u32 = 730;
pub const DEFAULT_CALLBACK_BUSINESS_DAYS: u32 = 2;
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
        let addr = get("EER_ADDR").unwrap_or_else(|| DEFAULT_ADDR.into());
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
            allowed_origins,
            export_token: get("EER_EXPORT_TOKEN"),
            staff_tokens_file: get("EER_STAFF_TOKENS_FILE").map(PathBuf::from),
            retention_days: number("EER_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)?,
            callback_business_days: number(
                "EER_CALLBACK_BUSINESS_DAYS",
                DEFAULT_CALLBACK_BUSINESS_DAYS,
            )?,
            rate_limit: RateLimit {
                burst: number("EER_RATE_LIMIT_BURST", DEFAULT_RATE_LIMIT.burst)?,
                per_hour: number("EER_RATE_LIMIT_PER_HOUR", DEFAULT_RATE_LIMIT.per_hour)?,
            },
            trust_proxy: matches!(
                get("EER_TRUST_PROXY").as_deref(),
                Some("1" | "true" | "yes")
            ),
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
        let vars: HashMap<&str, &str> = [
            (
                "EER_ALLOWED_ORIGINS",
                "https://Partner.example/  http://localhost:3000",
            ),
            ("EER_RETENTION_DAYS", "365"),
            ("EER_EXPORT_TOKEN", "  "),
        ]
        .into();
        let config = Config::from_vars(|k| vars.get(k).map(|v| v.to_string())).unwrap();
        assert_eq!(
            config.allowed_origins,
            ["https://partner.example", "http://localhost:3000"]
        );
        assert_eq!(config.retention_days, 365);
        assert_eq!(config.export_token, None, "a blank token is no token");
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
        assert_eq!(
            normalize_origin("https://a.example:443").unwrap(),
            "https://a.example"
        );
    }
}
