//! Starts the release endpoint (site + API + SQLite) as a child process for the tests and the
//! benchmark, on a loopback port, and stops it when dropped.

use crate::sh::{Result, cmd, root, run, step};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

pub struct Server {
    child: Child,
    pub addr: String,
}

impl Server {
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Builds the endpoint in release mode.
pub fn build() -> Result {
    step("endpoint: release build");
    run(cmd(
        "cargo",
        &[
            "build",
            "--release",
            "--locked",
            "-p",
            "eer-endpoint",
            "--bin",
            "eer-endpoint",
        ],
    ))
}

pub fn binary() -> PathBuf {
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root().join("target"));
    target.join("release/eer-endpoint")
}

/// A free loopback port.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(18080)
}

/// Starts the endpoint serving `site` with its database in `data_dir`, waits until
/// `/api/health` answers, with extra environment (e.g. allowed origins) from `env`.
pub fn start(site: &Path, data_dir: &Path, env: &[(&str, &str)]) -> Result<Server> {
    let addr = format!("127.0.0.1:{}", free_port());
    std::fs::create_dir_all(data_dir).map_err(|e| e.to_string())?;
    let mut command = Command::new(binary());
    command
        .args(["serve", "--addr", &addr, "--site"])
        .arg(site)
        .arg("--data-dir")
        .arg(data_dir)
        .current_dir(root());
    for (k, v) in env {
        command.env(k, v);
    }
    let child = command
        .spawn()
        .map_err(|e| format!("could not start the endpoint: {e}"))?;
    let server = Server { child, addr };
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if health(&server.addr) {
            println!("endpoint up at {}", server.base_url());
            return Ok(server);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!(
        "the endpoint did not answer /api/health at {} within 20 s",
        server.addr
    ))
}

/// True when `GET /api/health` answers 200 with `{"status":"ok"}`.
pub fn health(addr: &str) -> bool {
    let Ok(mut stream) = TcpStream::connect(addr) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = format!("GET /api/health HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response.starts_with("HTTP/1.1 200") && response.contains("\"ok\"")
}
