//! `eer-loadgen`: the endpoint's benchmark. Starts the real Router twice in this process, on
//! loopback, against SQLite files in a fresh temporary directory: once with the group-commit
//! store (ours), once with the naive one-transaction-per-request store. Then, for each:
//!
//! 1. latency: an open loop at a fixed `--rate` (default 200 requests/s) for `--rate-seconds`;
//!    latency is measured from each request's *scheduled* time, so a stall is not hidden
//!    (no coordinated omission); p50 and p99;
//! 2. throughput: `--concurrency` keep-alive connections send forms as fast as answers come,
//!    until `--count` forms or `--seconds` have passed; durable submissions per second = 201s /
//!    elapsed time;
//! 3. verification: the rows in the SQLite file are counted and must equal the 201s.
//!
//! Bounded in count and time; loopback only; the temporary directory is removed at the end.
//!
//! ```text
//! cargo run --release -p eer-endpoint --bin eer-loadgen -- [--count 30000] [--seconds 10]
//!     [--concurrency 128] [--rate 200] [--rate-seconds 5] [--dir DIR]
//! ```

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use eer_endpoint::config::{Config, RateLimit};
use eer_endpoint::store::Store;
use eer_endpoint::store::naive::NaiveStore;
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
    dir: Option<PathBuf>,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        count: 30_000,
        seconds: 10,
        concurrency: 128,
        rate: 200,
        rate_seconds: 5,
        dir: None,
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
            "--dir" => o.dir = Some(value()?.into()),
            _ => {
                return Err(format!(
                    "unknown argument {arg:?}\nusage: eer-loadgen [--count N] [--seconds S] [--concurrency C] [--rate R] [--rate-seconds T] [--dir DIR]"
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

struct Measure {
    created: usize,
    errors: usize,
    elapsed: Duration,
    p50: Duration,
    p99: Duration,
    rate_created: usize,
    rows: i64,
}

async fn start(store: Arc<dyn Store>, data_dir: &Path) -> SocketAddr {
    let mut config = Config::local(data_dir.join("site"), data_dir.to_path_buf());
    config.rate_limit = RateLimit {
        burst: 0,
        per_hour: 0,
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().unwrap();
    let router = app(AppState::new(config, store));
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await;
    });
    addr
}

async fn run(name: &str, store: Arc<dyn Store>, data_dir: &Path, o: &Options) -> Measure {
    let addr = start(store, data_dir).await;
    let next = Arc::new(AtomicUsize::new(0));
    let created = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(AtomicUsize::new(0));

    // 1. Latency at a fixed rate, open loop.
    let total = (u64::from(o.rate) * o.rate_seconds) as usize;
    let interval = Duration::from_secs_f64(1.0 / f64::from(o.rate));
    let pool: Arc<Mutex<Vec<Conn>>> = Arc::default();
    let rate_created = Arc::new(AtomicUsize::new(0));
    let t0 = tokio::time::Instant::now() + Duration::from_millis(50);
    let mut requests = Vec::with_capacity(total);
    for i in 0..total {
        let scheduled = t0 + interval * i as u32;
        tokio::time::sleep_until(scheduled).await;
        let (pool, rate_created, errors) = (pool.clone(), rate_created.clone(), errors.clone());
        let key = format!("lg-{name}-rate-{i:010}");
        let n = MAX_COUNT + i;
        requests.push(tokio::spawn(async move {
            let conn = pool.lock().await.pop();
            let mut conn = match conn {
                Some(c) => c,
                None => Conn::open(addr).await.expect("connect"),
            };
            let status = conn.post(&key, &body(n)).await;
            let latency = scheduled.elapsed();
            match status {
                Ok(201) => {
                    rate_created.fetch_add(1, Ordering::Relaxed);
                    pool.lock().await.push(conn);
                }
                _ => {
                    errors.fetch_add(1, Ordering::Relaxed);
                }
            }
            latency
        }));
    }
    let mut latencies = Vec::with_capacity(total);
    for r in requests {
        if let Ok(latency) = r.await {
            latencies.push(latency);
        }
    }
    latencies.sort();
    let pick = |q: f64| {
        latencies
            .get(((latencies.len() as f64 * q).ceil() as usize).saturating_sub(1))
            .copied()
    };
    let rate_created = rate_created.load(Ordering::Relaxed);

    // 2. Throughput, closed loop (after the latency run, so that both stores measure their
    // latency on a small database).
    let started = Instant::now();
    let deadline = started + Duration::from_secs(o.seconds);
    let mut workers = Vec::new();
    for _ in 0..o.concurrency {
        let (next, created, errors, count) =
            (next.clone(), created.clone(), errors.clone(), o.count);
        let prefix = name.to_string();
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
                match conn.post(&format!("lg-{prefix}-{n:010}"), &body(n)).await {
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
    let elapsed = started.elapsed();
    let created = created.load(Ordering::Relaxed);

    // 3. Every 201 is a row on disk (read through a fresh connection).
    let conn =
        rusqlite::Connection::open(data_dir.join("eer.sqlite3")).expect("open for verification");
    let rows: i64 = conn
        .query_row("SELECT COUNT(*) FROM submissions", [], |r| r.get(0))
        .expect("count");
    Measure {
        created,
        errors: errors.load(Ordering::Relaxed),
        elapsed,
        p50: pick(0.50).unwrap_or_default(),
        p99: pick(0.99).unwrap_or_default(),
        rate_created,
        rows,
    }
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
    let results = runtime.block_on(async {
        let ours_dir = root.join("ours");
        let naive_dir = root.join("naive");
        let ours: Arc<dyn Store> =
            Arc::new(SqliteStore::open(&ours_dir.join("eer.sqlite3")).expect("open ours"));
        let naive: Arc<dyn Store> =
            Arc::new(NaiveStore::open(&naive_dir.join("eer.sqlite3")).expect("open naive"));
        eprintln!(
            "eer-loadgen: data in {}; per store: {} req/s for {} s, then {} forms or {} s over {} connections",
            root.display(),
            o.rate,
            o.rate_seconds,
            o.count,
            o.seconds,
            o.concurrency
        );
        let a = run("ours", ours, &ours_dir, &o).await;
        let b = run("naive", naive, &naive_dir, &o).await;
        (a, b)
    });
    runtime.shutdown_timeout(Duration::from_secs(5));
    let _ = std::fs::remove_dir_all(&root);
    let (a, b) = results;
    let rate = |m: &Measure| m.created as f64 / m.elapsed.as_secs_f64();
    let (ra, rb) = (rate(&a), rate(&b));
    println!(
        "{:<34} {:>22} {:>22}",
        "", "ours (group commit)", "naive (1 txn/request)"
    );
    println!(
        "{:<34} {:>22.0} {:>22.0}   ratio {:.1}x",
        "durable submissions/s",
        ra,
        rb,
        ra / rb.max(f64::MIN_POSITIVE)
    );
    println!(
        "{:<34} {:>22} {:>22}",
        "  (201s / seconds)",
        format!("{} / {:.2}", a.created, a.elapsed.as_secs_f64()),
        format!("{} / {:.2}", b.created, b.elapsed.as_secs_f64())
    );
    println!(
        "{:<34} {:>22} {:>22}",
        format!("p50 latency at {} req/s (ms)", o.rate),
        ms(a.p50),
        ms(b.p50)
    );
    println!(
        "{:<34} {:>22} {:>22}",
        format!("p99 latency at {} req/s (ms)", o.rate),
        ms(a.p99),
        ms(b.p99)
    );
    println!(
        "{:<34} {:>22} {:>22}",
        "201s = rows in SQLite",
        format!("{} = {}", a.created + a.rate_created, a.rows),
        format!("{} = {}", b.created + b.rate_created, b.rows)
    );
    println!("{:<34} {:>22} {:>22}", "errors", a.errors, b.errors);
    let ok = a.rows as usize == a.created + a.rate_created
        && b.rows as usize == b.created + b.rate_created;
    if ok {
        std::process::ExitCode::SUCCESS
    } else {
        eprintln!("eer-loadgen: a 201 is missing from the database");
        std::process::ExitCode::FAILURE
    }
}
