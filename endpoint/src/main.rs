//! `eer-endpoint`: the local server (API + built site; SQLite, or PostgreSQL with
//! `EER_DATABASE_URL`), and the retention purge.
//!
//! ```text
//! eer-endpoint [serve] [--addr A] [--site DIR] [--data-dir DIR]
//! eer-endpoint purge [--data-dir DIR] [--retention-days N] [--force-retention]
//! ```
//! Flags override the `EER_*` environment variables (see endpoint/README.md).

use std::process::ExitCode;
use std::sync::Arc;

use eer_endpoint::config::Config;
use eer_endpoint::store;
use eer_endpoint::time::{DAY_MS, now_ms};
use eer_endpoint::{AppState, app, retention, staff};

const USAGE: &str = "usage:
  eer-endpoint [serve] [--addr HOST:PORT] [--site DIR] [--data-dir DIR]
  eer-endpoint purge [--data-dir DIR] [--retention-days N] [--force-retention]
{STAFF}
Environment: EER_ADDR EER_SITE_DIR EER_DATA_DIR EER_DATABASE_URL EER_DATABASE_POOL_SIZE
  EER_DATABASE_CA_FILE EER_ALLOWED_ORIGINS EER_EXPORT_TOKEN
  EER_RETENTION_DAYS EER_RETENTION_FORCE EER_CALLBACK_BUSINESS_DAYS EER_RATE_LIMIT_BURST
  EER_RATE_LIMIT_PER_HOUR EER_TRUST_PROXY EER_HSTS_MAX_AGE EER_MAX_CONNECTIONS
  EER_HEADER_TIMEOUT_SECS EER_KEEP_ALIVE_SECS EER_IDLE_TIMEOUT_SECS EER_SHUTDOWN_GRACE_SECS
  EER_STAFF_TOKENS_FILE (see endpoint/README.md)";

enum Command {
    Serve,
    Purge,
}

fn parse(args: &[String], config: &mut Config) -> Result<Command, String> {
    let mut args = args.iter().map(String::as_str).peekable();
    let command = match args.peek() {
        Some(&"purge") => {
            args.next();
            Command::Purge
        }
        Some(&"serve") => {
            args.next();
            Command::Serve
        }
        _ => Command::Serve,
    };
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .map(String::from)
                .ok_or_else(|| format!("{arg} needs a value"))
        };
        match arg {
            "--addr" => {
                let v = value()?;
                config.addr = v
                    .parse()
                    .map_err(|_| format!("--addr: expected host:port, got {v:?}"))?;
            }
            "--site" => config.site_dir = value()?.into(),
            "--data-dir" => config.data_dir = value()?.into(),
            "--retention-days" => {
                let v = value()?;
                config.retention_days = v
                    .parse()
                    .map_err(|_| format!("--retention-days: expected a number, got {v:?}"))?;
            }
            "--force-retention" => config.retention_forced = true,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(command)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args
        .first()
        .is_some_and(|a| staff::cli::COMMANDS.contains(&a.as_str()))
    {
        return staff_command(&args);
    }
    let mut config = match Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("eer-endpoint: {e}");
            return ExitCode::from(2);
        }
    };
    let command = match parse(&args, &mut config) {
        Ok(command) => command,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("eer-endpoint: {e}");
            }
            eprintln!("{}", USAGE.replace("{STAFF}", staff::cli::USAGE));
            return ExitCode::from(2);
        }
    };
    if let Err(e) = config.check_retention() {
        eprintln!("eer-endpoint: {e}");
        return ExitCode::from(2);
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("eer-endpoint: runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match command {
            Command::Serve => serve(config).await,
            Command::Purge => purge(config).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eer-endpoint: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> Result<(), String> {
    let store = store::open(&config).await?;
    let listener =
        eer_endpoint::serve::bind(config.addr).map_err(|e| format!("bind {}: {e}", config.addr))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    if !config.site_dir.join("index.html").is_file() {
        eprintln!(
            "eer-endpoint: warning: no index.html in {}",
            config.site_dir.display()
        );
    }
    // Tests and scripts read this line to learn the port when started with port 0.
    println!("eer-endpoint listening on http://{local}");
    // Retention runs by itself: at start, then daily (src/retention.rs).
    retention::spawn(
        store.clone(),
        Arc::new(retention::SystemClock),
        config.retention_days,
        retention::DAILY,
    );
    let limits = config.limits;
    let router = app(AppState::new(config, store));
    eer_endpoint::serve::serve(listener, router, limits, shutdown()).await;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

/// Deletes submissions older than the retention period (Law 25: destroy personal information
/// once its purpose is achieved). The server also runs it daily by itself (src/retention.rs);
/// this command is for one-off runs and for Lambda's scheduled event.
async fn purge(config: Config) -> Result<(), String> {
    let store = store::open(&config).await?;
    let before = now_ms() - i64::from(config.retention_days) * DAY_MS;
    let deleted = store.purge(before).await.map_err(|e| e.to_string())?;
    println!(
        "eer-endpoint: purged {deleted} submissions older than {} days",
        config.retention_days
    );
    Ok(())
}

/// `eer-endpoint access|correct|delete|log|token-digest` (src/staff/cli.rs).
fn staff_command(args: &[String]) -> ExitCode {
    let fail = |e: String| {
        eprintln!("eer-endpoint: {e}");
        ExitCode::FAILURE
    };
    if args[0] == "token-digest" {
        let mut input = String::new();
        if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut input) {
            return fail(format!("stdin: {e}"));
        }
        return match staff::cli::token_digest(&input) {
            Ok(d) => {
                println!("{d}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        };
    }
    let request = match staff::cli::parse(args) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("eer-endpoint: {e}\n{}", staff::cli::USAGE);
            return ExitCode::from(2);
        }
    };
    let mut config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    if let Some(dir) = &request.data_dir {
        config.data_dir = dir.into();
    }
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return fail(format!("runtime: {e}")),
    };
    let result = runtime.block_on(async {
        let store = store::open(&config).await?;
        staff::cli::run(store.as_ref(), &request).await
    });
    match result {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn flags_override_the_environment() {
        let mut config = Config::local("dist".into(), "var".into());
        let command = parse(
            &args(&[
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--site",
                "s",
                "--data-dir",
                "d",
            ]),
            &mut config,
        )
        .unwrap();
        assert!(matches!(command, Command::Serve));
        assert_eq!(config.addr.to_string(), "127.0.0.1:0");
        assert_eq!(config.site_dir, std::path::PathBuf::from("s"));
        assert_eq!(
            config.database_path(),
            std::path::PathBuf::from("d/eer.sqlite3")
        );

        let command = parse(&args(&["purge", "--retention-days", "30"]), &mut config).unwrap();
        assert!(matches!(command, Command::Purge));
        assert_eq!(config.retention_days, 30);
        assert!(config.check_retention().is_ok());
        parse(&args(&["purge", "--retention-days", "29"]), &mut config).unwrap();
        assert!(config.check_retention().is_err(), "below the minimum");
        parse(&args(&["purge", "--force-retention"]), &mut config).unwrap();
        assert!(config.check_retention().is_ok(), "forced");

        assert!(matches!(parse(&args(&[]), &mut config), Ok(Command::Serve)));
        assert!(parse(&args(&["--addr"]), &mut config).is_err());
        assert!(parse(&args(&["--addr", "nowhere"]), &mut config).is_err());
        assert!(parse(&args(&["serve", "purge"]), &mut config).is_err());
    }
}
