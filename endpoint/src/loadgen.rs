//! `eer-loadgen`: the endpoint's benchmark. Starts the real Router in this process, on
//! loopback, once per store: SQLite files in a fresh temporary directory, with the group-commit
//! store (ours) and with the naive one-transaction-per-request store; and, when
//! `--database-url` names a PostgreSQL server, the PostgreSQL store on a fresh database of its
//! own there (`cargo xtask bench` starts a throw-away server for it). Then:
//!
//! 1. latency: an open loop at a fixed `--rate` (default 200 requests/s) for `--rate-seconds`
//!    per store, in `--rounds` alternating slices (ours, naive, ours, naive, …) so that a change
//!    in the machine during the run hits both alike; latency is measured from each request's
//!    *scheduled* time, so a stall is not hidden (no coordinated omission); p50 and p99;
//! 2. throughput, in `--rounds` alternating rounds as well: `--concurrency` keep-alive
//!    connections send forms as fast as answers come, until `--count / --rounds` forms or
//!    `--seconds / --rounds` have passed; durable submissions per second = 201s / elapsed
//!    time; the median round is reported;
//! 3. verification: the rows in each store are counted and must equal its 201s.
//!
//! Bounded in count and time; loopback only; the temporary directory is removed at the end.
//!
//! ```text
//! cargo run --release -p eer-endpoint --bin eer-loadgen -- [--count 30000] [--seconds 12]
//!     [--concurrency 128] [--rate 200] [--rate-seconds 5] [--rounds 3] [--dir DIR]
//!     [--database-url postgres://…] [--pool-size 8]
//! ```

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use eer_endpoint::config::{Config, RateLimit};
use eer_endpoint::store::Store;
use eer_endpoint::store::naive::NaiveStore;
use eer_endpoint::store::postgres::{PgStore, connector, url_with_database};
use eer_endpoint::store::sqlite::SqliteStore;
use eer_endpoint::{AppState, app};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::Mutex;

const EXAMPLE: &str = include_str!("../examples/interest.json");
const MAX_COUNT: usize = 200_000;
const MAX_SECONDS: u64 = 120;

struct Options {
    count: usize,
    seconds: u64,
    concurrency: usize,
    rate: u32,
    rate_seconds: u64,
    rounds: usize,
    dir: Option<PathBuf>,
    /// A PostgreSQL server on which to create the bench's own database.
    database_url: Option<String>,
    pool_size: usize,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        count: 30_000,
        seconds: 12,
        concurrency: 128,
        rate: 200,
        rate_seconds: 5,
        rounds: 3,
        dir: None,
        database_url: None,
        pool_size: eer_endpoint::config::DEFAULT_DATABASE_POOL_SIZE as usize,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        let number = |v: String| {
            v.parse::<u64>()
                .map_err(|_| format!("{arg}: expected a number, got {v:?}"))
        };
        match arg.as_str() {
            "--count" => o.count = (number(value()?)? as usize).clamp(1, MAX_COUNT),
            "--seconds" => o.seconds = number(value()?)?.clamp(1, MAX_SECONDS),
            "--concurrency" => o.concurrency = (number(value()?)? as usize).clamp(1, 512),
            "--rate" => o.rate = number(value()?)?.clamp(1, 5000) as u32,
            "--rate-seconds" => o.rate_seconds = number(value()?)?.clamp(1, 60),
            "--rounds" => o.rounds = (number(value()?)? as usize).clamp(1, 20),
            "--dir" => o.dir = Some(value()?.into()),
            "--database-url" => o.database_url = Some(value()?),
            "--pool-size" => o.pool_size = (number(value()?)? as usize).clamp(1, 256),
            _ => {
                return Err(format!(
                    "unknown argument {arg:?}\nusage: eer-loadgen [--count N] [--seconds S] [--concurrency C] [--rate R] [--rate-seconds T] [--rounds K] [--dir DIR] [--database-url URL] [--pool-size P]"
                ));
            }
        }
    }
    Ok(o)
}

/// One keep-alive HTTP/1.1 connection, with just enough of the protocol for our own server.
struct Conn {
    stream: BufReader<TcpStream>,
}

impl Conn {
    async fn open(addr: SocketAddr) -> std::io::Result<Conn> {
        assert!(
            addr.ip().is_loopback(),
            "the load generator only talks to loopback"
        );
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(Conn {
            stream: BufReader::new(stream),
        })
    }

    /// POSTs one form; returns the status.
    async fn post(&mut self, key: &str, body: &str) -> std::io::Result<u16> {
        let request = format!(
            "POST /api/interest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
             Idempotency-Key: {key}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        self.stream.get_mut().write_all(request.as_bytes()).await?;
        let mut line = String::new();
        self.stream.read_line(&mut line).await?;
        let status: u16 = line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad(&line))?;
        let mut length = 0usize;
        loop {
            line.clear();
            self.stream.read_line(&mut line).await?;
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().map_err(|_| bad(header))?;
                } else if name.eq_ignore_ascii_case("transfer-encoding") {
                    return Err(bad(header));
                }
            }
        }
        let mut sink = vec![0; length];
        self.stream.read_exact(&mut sink).await?;
        Ok(status)
    }
}

fn bad(what: &str) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        format!("unexpected response: {what:?}"),
    )
}

/// The example form with a unique email, so that every row differs.
fn body(n: usize) -> String {
    EXAMPLE.replace(
        "amina.diallo@example.com",
        &format!("person{n}@example.com"),
    )
}

/// One server under test and what it did.
struct Target {
    name: &'static str,
    /// The column's heading.
    title: &'static str,
    addr: SocketAddr,
    /// Where its rows are, to count them at the end.
    rows: Rows,
    /// Every 201 it gave, all phases together (to check against the rows on disk).
    created: usize,
    errors: usize,
    /// Latencies at the fixed rate, all rounds together.
    latencies: Vec<Duration>,
    /// Durable submissions per second, one figure per throughput round.
    rates: Vec<f64>,
}

enum Rows {
    Sqlite(PathBuf),
    Postgres(String),
}

async fn start(
    name: &'static str,
    title: &'static str,
    store: Arc<dyn Store>,
    dir: PathBuf,
    rows: Rows,
) -> Target {
    let mut config = Config::local(dir.join("site"), dir.clone());
    config.rate_limit = RateLimit {
        burst: 0,
        per_hour: 0,
    };
    let listener =
        eer_endpoint::serve::bind("127.0.0.1:0".parse().unwrap()).expect("bind loopback");
    let addr = listener.local_addr().unwrap();
    // The rounds alternate between the stores: a client's pooled connections to one sit idle
    // while the other runs, and must not be closed under it (its errors count server failures).
    // (hyper's header clock also runs between requests.)
    config.limits.keep_alive = Duration::from_secs(600);
    config.limits.header_timeout = Duration::from_secs(600);
    config.limits.idle_timeout = Duration::from_secs(600);
    let limits = config.limits;
    let router = app(AppState::new(config, store));
    // The production server, with its limits and timeouts.
    tokio::spawn(eer_endpoint::serve::serve(
        listener,
        router,
        limits,
        std::future::pending(),
    ));
    Target {
        name,
        title,
        addr,
        rows,
        created: 0,
        errors: 0,
        latencies: Vec::new(),
        rates: Vec::new(),
    }
}

/// An open loop at `o.rate` requests per second for `seconds`; latency from each request's
/// scheduled time.
async fn latency(t: &mut Target, o: &Options, round: usize, seconds: f64) {
    let (addr, name) = (t.addr, t.name);
    let total = (f64::from(o.rate) * seconds).round() as usize;
    let interval = Duration::from_secs_f64(1.0 / f64::from(o.rate));
    let pool: Arc<Mutex<Vec<Conn>>> = Arc::default();
    let t0 = tokio::time::Instant::now() + Duration::from_millis(50);
    let mut requests = Vec::with_capacity(total);
    for i in 0..total {
        let scheduled = t0 + interval * i as u32;
        tokio::time::sleep_until(scheduled).await;
        let pool = pool.clone();
        requests.push(tokio::spawn(async move {
            let conn = pool.lock().await.pop();
            let mut conn = match conn {
                Some(c) => c,
                None => Conn::open(addr).await.ok()?,
            };
            let status = conn
                .post(&format!("lg-{name}-rate{round}-{i:010}"), &body(i))
                .await;
            let latency = scheduled.elapsed();
            pool.lock().await.push(conn);
            (status.ok() == Some(201)).then_some(latency)
        }));
    }
    for r in requests {
        match r.await {
            Ok(Some(latency)) => {
                t.latencies.push(latency);
                t.created += 1;
            }
            _ => t.errors += 1,
        }
    }
}

/// The `q` quantile (nearest rank) of the fixed-rate latencies.
fn quantile(t: &Target, q: f64) -> Duration {
    let mut sorted = t.latencies.clone();
    sorted.sort();
    let rank = (sorted.len() as f64 * q).ceil() as usize;
    sorted
        .get(rank.saturating_sub(1))
        .copied()
        .unwrap_or_default()
}

/// A closed loop: `o.concurrency` connections, each sending as soon as it has its answer, until
/// `count` forms or `seconds` have passed. Records durable submissions per second.
async fn throughput(t: &mut Target, o: &Options, round: usize, count: usize, seconds: f64) {
    let next = Arc::new(AtomicUsize::new(0));
    let created = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + Duration::from_secs_f64(seconds);
    let mut workers = Vec::new();
    for _ in 0..o.concurrency {
        let (next, created, errors, addr, name) = (
            next.clone(),
            created.clone(),
            errors.clone(),
            t.addr,
            t.name,
        );
        workers.push(tokio::spawn(async move {
            let Ok(mut conn) = Conn::open(addr).await else {
                errors.fetch_add(1, Ordering::Relaxed);
                return;
            };
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= count || Instant::now() >= deadline {
                    break;
                }
                match conn
                    .post(&format!("lg-{name}-r{round}-{n:010}"), &body(n))
                    .await
                {
                    Ok(201) => {
                        created.fetch_add(1, Ordering::Relaxed);
                    }
                    _ => {
                        errors.fetch_add(1, Ordering::Relaxed);
                        break;
                    }
                }
            }
        }));
    }
    for w in workers {
        let _ = w.await;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let created = created.load(Ordering::Relaxed);
    t.created += created;
    t.errors += errors.load(Ordering::Relaxed);
    t.rates.push(created as f64 / elapsed);
}

/// The rows in a store, through a fresh connection.
async fn rows_stored(t: &Target) -> i64 {
    match &t.rows {
        Rows::Sqlite(file) => rusqlite::Connection::open(file)
            .expect("open for verification")
            .query_row("SELECT COUNT(*) FROM submissions", [], |r| r.get(0))
            .expect("count"),
        Rows::Postgres(url) => {
            let (client, connection) = tokio_postgres::connect(url, connector(None).expect("TLS"))
                .await
                .expect("connect for verification");
            tokio::spawn(connection);
            client
                .query_one("SELECT COUNT(*) FROM submissions", &[])
                .await
                .expect("count")
                .get(0)
        }
    }
}

/// A fresh database for the bench on the server of `url`: its URL.
async fn fresh_database(url: &str, stamp: u128) -> String {
    let (client, connection) = tokio_postgres::connect(url, connector(None).expect("TLS"))
        .await
        .expect("connect to --database-url");
    tokio::spawn(connection);
    let name = format!("eer_bench_{}_{stamp}", std::process::id());
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create the bench database");
    url_with_database(url, &name)
}

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn main() -> std::process::ExitCode {
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("eer-loadgen: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let parent = o.dir.clone().unwrap_or_else(std::env::temp_dir);
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    let root = parent.join(format!("eer-loadgen-{}-{stamp}", std::process::id()));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let (targets, stored) = runtime.block_on(async {
        let ours_file = root.join("ours/eer.sqlite3");
        let naive_file = root.join("naive/eer.sqlite3");
        let ours_store: Arc<dyn Store> = Arc::new(SqliteStore::open(&ours_file).expect("open ours"));
        let naive_store: Arc<dyn Store> =
            Arc::new(NaiveStore::open(&naive_file).expect("open naive"));
        let mut targets = vec![
            start("ours", "SQLite (group commit)", ours_store, root.join("ours"), Rows::Sqlite(ours_file)).await,
            start("naive", "SQLite naive (1 txn/req)", naive_store, root.join("naive"), Rows::Sqlite(naive_file)).await,
        ];
        if let Some(server) = &o.database_url {
            let url = fresh_database(server, stamp).await;
            let store: Arc<dyn Store> = Arc::new(
                PgStore::connect(&url, o.pool_size, None)
                    .await
                    .expect("open the PostgreSQL store"),
            );
            targets.push(start("pg", "PostgreSQL (row lock)", store, root.join("pg"), Rows::Postgres(url)).await);
        }
        eprintln!(
            "eer-loadgen: data in {}; per store: {} req/s for {} s, then up to {} forms or {} s over {} connections, in {} alternating rounds",
            root.display(),
            o.rate,
            o.rate_seconds,
            o.count,
            o.seconds,
            o.concurrency,
            o.rounds
        );
        // Warm-up (connections, page cache, the first WAL growth), counted in the 201s only.
        for t in targets.iter_mut() {
            throughput(t, &o, usize::MAX, 500, 5.0).await;
            t.rates.clear();
        }
        // Alternating rounds: a change in the machine (a neighbour's load, the disk's fsync
        // time) during the run hits every store alike.
        let rate_seconds = o.rate_seconds as f64 / o.rounds as f64;
        for round in 0..o.rounds {
            for t in targets.iter_mut() {
                latency(t, &o, round, rate_seconds).await;
            }
        }
        let (count, seconds) = ((o.count / o.rounds).max(1), o.seconds as f64 / o.rounds as f64);
        for round in 0..o.rounds {
            for t in targets.iter_mut() {
                throughput(t, &o, round, count, seconds).await;
            }
        }
        let mut stored = Vec::new();
        for t in &targets {
            stored.push(rows_stored(t).await);
        }
        (targets, stored)
    });
    runtime.shutdown_timeout(Duration::from_secs(5));
    let _ = std::fs::remove_dir_all(&root);

    let row = |label: &str, cell: &dyn Fn(&Target, i64) -> String| {
        let cells: String = targets
            .iter()
            .zip(&stored)
            .map(|(t, rows)| format!(" {:>26}", cell(t, *rows)))
            .collect();
        println!("{label:<36}{cells}");
    };
    row("", &|t, _| t.title.to_string());
    row("durable submissions/s (median)", &|t, _| {
        format!("{:.0}", median(&t.rates))
    });
    row("  each round", &|t, _| {
        t.rates
            .iter()
            .map(|r| format!("{r:.0}"))
            .collect::<Vec<_>>()
            .join(" ")
    });
    row(&format!("p50 latency at {} req/s (ms)", o.rate), &|t, _| {
        ms(quantile(t, 0.50))
    });
    row(&format!("p99 latency at {} req/s (ms)", o.rate), &|t, _| {
        ms(quantile(t, 0.99))
    });
    row("201s = rows stored", &|t, rows| {
        format!("{} = {rows}", t.created)
    });
    row("errors", &|t, _| t.errors.to_string());
    let (a, b) = (median(&targets[0].rates), median(&targets[1].rates));
    println!("group commit / naive: {:.1}x", a / b.max(f64::MIN_POSITIVE));
    if targets
        .iter()
        .zip(&stored)
        .all(|(t, rows)| *rows as usize == t.created)
    {
        std::process::ExitCode::SUCCESS
    } else {
        eprintln!("eer-loadgen: a 201 is missing from the database");
        std::process::ExitCode::FAILURE
    }
}
