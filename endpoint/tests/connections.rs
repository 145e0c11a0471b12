//! Issue 17, item 1: no client holds a connection longer than the limits allow. Raw TCP sockets
//! against the real server (`eer_endpoint::serve`), and the real binary for SIGTERM.

mod common;

use std::time::{Duration, Instant};

use common::start;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const HEALTH: &[u8] = b"GET /api/health HTTP/1.1\r\nHost: test\r\n\r\n";

/// Reads until the server closes the connection (EOF or reset); returns what was read and
/// when it ended. Gives up after `limit` (the connection is still open: `None`).
async fn until_closed(tcp: &mut TcpStream, limit: Duration) -> Option<(Vec<u8>, Instant)> {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        match tokio::time::timeout_at(deadline, tcp.read(&mut buf)).await {
            Err(_) => return None,
            Ok(Ok(0)) | Ok(Err(_)) => return Some((got, Instant::now())),
            Ok(Ok(n)) => got.extend_from_slice(&buf[..n]),
        }
    }
}

/// One request on a fresh connection; the time its answer's status line took.
async fn health_time(addr: std::net::SocketAddr) -> Duration {
    let started = Instant::now();
    let mut tcp = TcpStream::connect(addr).await.unwrap();
    tcp.write_all(HEALTH).await.unwrap();
    let mut buf = [0u8; 256];
    let n = tcp.read(&mut buf).await.unwrap();
    assert!(
        buf[..n].starts_with(b"HTTP/1.1 200"),
        "{:?}",
        String::from_utf8_lossy(&buf[..n])
    );
    started.elapsed()
}

#[tokio::test]
async fn two_thousand_idle_connections_do_not_stop_health() {
    let server = start(|_| {}).await;
    let mut idle = Vec::new();
    for _ in 0..2000 {
        idle.push(TcpStream::connect(server.addr).await.unwrap());
    }
    let took = health_time(server.addr).await;
    assert!(took < Duration::from_secs(1), "health took {took:?}");
    drop(idle);
}

#[tokio::test]
async fn a_slow_header_client_is_cut_at_the_header_timeout() {
    let server = start(|c| c.limits.header_timeout = Duration::from_secs(1)).await;
    let mut tcp = TcpStream::connect(server.addr).await.unwrap();
    let started = Instant::now();
    tcp.write_all(b"GET /api/health HTTP/1.1\r\nHost: test\r\n")
        .await
        .unwrap();
    // One header byte every 200 ms: each byte would reset an idle timer, not this one.
    let trickle = async {
        for _ in 0..40 {
            tokio::time::sleep(Duration::from_millis(200)).await;
            if tcp.write_all(b"x").await.is_err() {
                break;
            }
        }
    };
    let _ = tokio::time::timeout(Duration::from_secs(8), trickle).await;
    let closed = until_closed(&mut tcp, Duration::from_secs(1)).await;
    let (_, at) = closed.expect("the slow-header connection was never closed");
    let after = at.duration_since(started);
    assert!(
        after >= Duration::from_millis(900) && after < Duration::from_secs(3),
        "closed after {after:?}"
    );
}

#[tokio::test]
async fn a_silent_connection_is_closed_at_the_header_timeout() {
    let server = start(|c| c.limits.header_timeout = Duration::from_secs(1)).await;
    let started = Instant::now();
    let mut tcp = TcpStream::connect(server.addr).await.unwrap();
    let (_, at) = until_closed(&mut tcp, Duration::from_secs(5))
        .await
        .expect("an idle connection stayed open");
    let after = at.duration_since(started);
    assert!(
        after >= Duration::from_millis(900),
        "closed after {after:?}"
    );
}

#[tokio::test]
async fn a_kept_alive_connection_closes_after_the_keep_alive_time() {
    let server = start(|c| c.limits.keep_alive = Duration::from_secs(1)).await;
    let mut tcp = TcpStream::connect(server.addr).await.unwrap();
    tcp.write_all(HEALTH).await.unwrap();
    let mut buf = [0u8; 1024];
    let n = tcp.read(&mut buf).await.unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
    let answered = Instant::now();
    let (_, at) = until_closed(&mut tcp, Duration::from_secs(5))
        .await
        .expect("the kept-alive connection stayed open");
    let after = at.duration_since(answered);
    assert!(
        after >= Duration::from_millis(900) && after < Duration::from_secs(3),
        "closed after {after:?}"
    );
}

#[tokio::test]
async fn a_body_that_stops_arriving_is_cut_at_the_idle_timeout() {
    let server = start(|c| c.limits.idle_timeout = Duration::from_secs(1)).await;
    let mut tcp = TcpStream::connect(server.addr).await.unwrap();
    let started = Instant::now();
    tcp.write_all(
        b"POST /api/interest HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n\
          Idempotency-Key: idle-test-key-000001\r\nContent-Length: 1000\r\n\r\n{\"schema\":",
    )
    .await
    .unwrap();
    // The form's own body deadline is 30 s; the connection's idle time is 1 s.
    let (_, at) = until_closed(&mut tcp, Duration::from_secs(10))
        .await
        .expect("the stalled body kept the connection open");
    let after = at.duration_since(started);
    assert!(
        after >= Duration::from_millis(900) && after < Duration::from_secs(4),
        "closed after {after:?}"
    );
}

#[tokio::test]
async fn connections_beyond_the_cap_wait_for_a_free_slot() {
    let server = start(|c| {
        c.limits.max_connections = 4;
        c.limits.header_timeout = Duration::from_secs(1);
    })
    .await;
    let mut held = Vec::new();
    for _ in 0..4 {
        held.push(TcpStream::connect(server.addr).await.unwrap());
    }
    // Let the server accept the four.
    tokio::time::sleep(Duration::from_millis(100)).await;
    // The fifth is queued by the kernel until the idle four are closed at the header timeout.
    let took = health_time(server.addr).await;
    assert!(
        took >= Duration::from_millis(700) && took < Duration::from_secs(3),
        "answered after {took:?}"
    );
}

/// The real binary on a free port with `env`, started through `sh` after `shell` (say, a
/// `ulimit`); returns the child and its address.
#[cfg(unix)]
fn spawn_binary(
    dir: &std::path::Path,
    shell: &str,
    env: &[(&str, &str)],
) -> (std::process::Child, String) {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "{shell} exec \"$0\" serve --addr 127.0.0.1:0 --site \"$1\" --data-dir \"$1\""
        ))
        .arg(env!("CARGO_BIN_EXE_eer-endpoint"))
        .arg(dir)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line.trim().rsplit("http://").next().unwrap().to_string();
    (child, addr)
}

/// The case: a process started with the usual soft limit of 1,024 files, and 1,100
/// idle sockets. The server raises its soft limit towards the hard one, so health still
/// answers at once.
#[cfg(unix)]
#[tokio::test]
async fn eleven_hundred_idle_sockets_under_a_1024_file_limit() {
    let dir = tempfile::tempdir().unwrap();
    // Idle sockets are kept for a minute: only the limit can make room for health.
    let (mut child, addr) = spawn_binary(
        dir.path(),
        "ulimit -Sn 1024 &&",
        &[("EER_HEADER_TIMEOUT_SECS", "60")],
    );
    let addr: std::net::SocketAddr = addr.parse().unwrap();
    let mut idle = Vec::new();
    // Under the old limit the server could take 896 of them (1,024 less what it keeps for its
    // files) and the kernel queues the rest; health waited behind them for a free slot.
    let started = Instant::now();
    let all = async {
        for _ in 0..1100 {
            idle.push(TcpStream::connect(addr).await.unwrap());
        }
        health_time(addr).await
    };
    let health = tokio::time::timeout(Duration::from_secs(5), all).await;
    let _ = child.kill();
    let health = health.expect("1,100 connections and a health check took over 5 s");
    assert!(health < Duration::from_secs(1), "health took {health:?}");
    eprintln!(
        "1,100 idle connections and health in {:?}",
        started.elapsed()
    );
    drop(idle);
}

/// SIGTERM with a half-sent request open: the binary exits within the grace time.
#[cfg(unix)]
#[test]
fn sigterm_stops_within_the_grace_time_whatever_the_clients_do() {
    use std::io::Write;
    use std::process::Command;

    let dir = tempfile::tempdir().unwrap();
    let (mut child, addr) = spawn_binary(
        dir.path(),
        "",
        &[
            ("EER_SHUTDOWN_GRACE_SECS", "1"),
            ("EER_HEADER_TIMEOUT_SECS", "60"),
            ("EER_IDLE_TIMEOUT_SECS", "60"),
        ],
    );
    // A request whose headers never end, and a POST whose body never comes.
    let mut half = std::net::TcpStream::connect(&addr).unwrap();
    half.write_all(b"GET /api/health HTTP/1.1\r\nHost: t\r\n")
        .unwrap();
    let mut body = std::net::TcpStream::connect(&addr).unwrap();
    body.write_all(
        b"POST /api/interest HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n\
          Idempotency-Key: sigterm-test-key-0001\r\nContent-Length: 500\r\n\r\n{",
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let signalled = Instant::now();
    // `sh` exec'd the server: the child's pid is the server's.
    assert!(
        Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap()
            .success()
    );
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if signalled.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("still running 10 s after SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = signalled.elapsed();
    assert!(status.success(), "{status:?}");
    assert!(took < Duration::from_secs(3), "stopped after {took:?}");
    drop((half, body));
}
