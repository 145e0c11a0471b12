//! Cold start, printed by `cargo xtask bench`: from spawning the process to the first answered
//! request, median of 5, for `eer-lambda` and for the local server side by side.
//!
//! `eer-lambda` is run as Lambda runs it: [`RuntimeApi`] is a small local implementation of
//! the Lambda Runtime API (`GET /2018-06-01/runtime/invocation/next`, then
//! `POST …/invocation/{id}/response`; AWS Lambda Developer Guide, "Using the Lambda runtime
//! API for custom runtimes"), reached through `AWS_LAMBDA_RUNTIME_API` like the real one. The
//! first invocation is an HTTP API event for `GET /api/health`, which opens the store and
//! commits nothing: the time covers the runtime's start, the store's connection
//! (`EER_DATABASE_URL` when given: PostgreSQL) and one answer. What it leaves out: Lambda's
//! own download and unzip of the archive and the sandbox's start (AWS reports them as
//! "Init Duration" only on the platform).

use crate::sh::{Result, root, step};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 5;

/// Prints both medians. `database_url`: the PostgreSQL the bench harness started, if any.
pub fn bench(database_url: Option<&str>) -> Result {
    step("cold start: process start to first answered request (median of 5)");
    crate::server::build()?;
    crate::package::package()?;
    let store = if database_url.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    let lambda = median(RUNS, || lambda_once(database_url))?;
    let local = median(RUNS, local_once)?;
    println!(
        "eer-lambda (runtime API emulated, {store}): {:>7.1} ms",
        ms(lambda)
    );
    println!(
        "eer-endpoint serve (SQLite):               {:>7.1} ms",
        ms(local)
    );
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(runs: usize, mut once: impl FnMut() -> Result<Duration>) -> Result<Duration> {
    let mut times = (0..runs).map(|_| once()).collect::<Result<Vec<_>>>()?;
    times.sort();
    Ok(times[runs / 2])
}

/// Kills the child when dropped, whatever happened.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn lambda_once(database_url: Option<&str>) -> Result<Duration> {
    let data = crate::sh::scratch("cold-lambda")?;
    let api = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    let addr = api.local_addr().map_err(|e| e.to_string())?;
    let mut command = Command::new(crate::package::binary());
    command
        .env("AWS_LAMBDA_RUNTIME_API", addr.to_string())
        .env("AWS_LAMBDA_FUNCTION_NAME", "eer-bench")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .env("AWS_LAMBDA_LOG_STREAM_NAME", "bench")
        .env("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/eer-bench")
        .env("EER_DATA_DIR", &data)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(url) = database_url {
        command.env("EER_DATABASE_URL", url);
    }
    let started = Instant::now();
    let _child = Running(command.spawn().map_err(|e| format!("eer-lambda: {e}"))?);
    let body = RuntimeApi::serve_one(&api, &health_event())?;
    let elapsed = started.elapsed();
    let answer: serde_json::Value = serde_json::from_slice(&body)
        .map_err(|e| format!("eer-lambda answered something else than JSON: {e}"))?;
    if answer["statusCode"] != 200 {
        return Err(format!("eer-lambda: /api/health answered {answer}"));
    }
    let _ = std::fs::remove_dir_all(&data);
    Ok(elapsed)
}

fn local_once() -> Result<Duration> {
    let data = crate::sh::scratch("cold-local")?;
    let port = crate::server::free_port();
    let addr = format!("127.0.0.1:{port}");
    let started = Instant::now();
    let _child = Running(
        Command::new(crate::server::binary())
            .args(["serve", "--addr", &addr, "--site", "dist", "--data-dir"])
            .arg(&data)
            .current_dir(root())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("eer-endpoint: {e}"))?,
    );
    // The first request that gets an answer: connection attempts until the port is open.
    loop {
        if started.elapsed() > Duration::from_secs(20) {
            return Err("eer-endpoint did not answer within 20 s".into());
        }
        let Ok(mut stream) = TcpStream::connect(&addr) else {
            std::thread::sleep(Duration::from_millis(1));
            continue;
        };
        let request =
            format!("GET /api/health HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
        if stream.write_all(request.as_bytes()).is_err() {
            continue;
        }
        let mut response = String::new();
        if stream.read_to_string(&mut response).is_ok() && response.starts_with("HTTP/1.1 200") {
            let elapsed = started.elapsed();
            let _ = std::fs::remove_dir_all(&data);
            return Ok(elapsed);
        }
    }
}

/// The HTTP API (payload 2.0) event of `GET /api/health`, as tests/fixtures/lambda shapes it.
fn health_event() -> String {
    let path = root().join("endpoint/tests/fixtures/lambda/http-api-v2.json");
    let mut event: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_default())
            .unwrap_or_else(|_| serde_json::json!({}));
    event["rawPath"] = "/api/health".into();
    event["requestContext"]["http"]["method"] = "GET".into();
    event["requestContext"]["http"]["path"] = "/api/health".into();
    event["body"] = serde_json::Value::Null;
    event.to_string()
}

/// The part of the Lambda Runtime API one invocation needs.
struct RuntimeApi;

impl RuntimeApi {
    /// Hands out `event` on the first `/next`, returns the body posted to its `/response`.
    fn serve_one(listener: &TcpListener, event: &str) -> Result<Vec<u8>> {
        listener.set_nonblocking(false).map_err(|e| e.to_string())?;
        let request_id = "8476a536-e9f4-11e8-9739-2dfe598c3fcd";
        let deadline = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis()
            + 30_000;
        loop {
            let (stream, _) = listener.accept().map_err(|e| e.to_string())?;
            stream
                .set_read_timeout(Some(Duration::from_secs(20)))
                .map_err(|e| e.to_string())?;
            let mut reader = BufReader::new(stream.try_clone().map_err(|e| e.to_string())?);
            let mut writer = stream;
            // One connection may carry several requests (the runtime's client keeps it).
            while let Some((method, path, body)) = read_request(&mut reader)? {
                if method == "GET" && path == "/2018-06-01/runtime/invocation/next" {
                    let head = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\
                         Lambda-Runtime-Aws-Request-Id: {request_id}\r\n\
                         Lambda-Runtime-Deadline-Ms: {deadline}\r\n\
                         Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:ca-central-1:123456789012:function:eer-bench\r\n\
                         Lambda-Runtime-Trace-Id: Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1\r\n\
                         Content-Length: {}\r\n\r\n",
                        event.len()
                    );
                    writer
                        .write_all(head.as_bytes())
                        .and_then(|_| writer.write_all(event.as_bytes()))
                        .map_err(|e| e.to_string())?;
                } else if method == "POST" && path.ends_with("/response") {
                    let _ = writer.write_all(
                        b"HTTP/1.1 202 Accepted\r\nContent-Length: 16\r\n\r\n{\"status\":\"OK\"}\n",
                    );
                    return Ok(body);
                } else if path.ends_with("/error") {
                    return Err(format!(
                        "eer-lambda reported an error on {path}: {}",
                        String::from_utf8_lossy(&body)
                    ));
                } else {
                    let _ =
                        writer.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
                }
            }
        }
    }
}

/// One HTTP/1.1 request (method, path, body by Content-Length); `None` at end of connection.
fn read_request(reader: &mut impl BufRead) -> Result<Option<(String, String, Vec<u8>)>> {
    let mut line = String::new();
    if reader.read_line(&mut line).map_err(|e| e.to_string())? == 0 {
        return Ok(None);
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_string();
    let path = parts.next().unwrap_or_default().to_string();
    let mut length = 0;
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).map_err(|e| e.to_string())?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).map_err(|e| e.to_string())?;
    Ok(Some((method, path, body)))
}
