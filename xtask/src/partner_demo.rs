//! The demo partner page (tests/embed/server.mjs) beside the app: a page on another loopback
//! origin that embeds the app with the one-line loader, as a partner organisation's site
//! would. `cargo xtask run` serves it so that a newcomer sees the embed working in one step,
//! and `cargo xtask test` starts it the same way for the embed tests. The endpoint lists its
//! origin among the partners allowed to frame the app (`EER_ALLOWED_ORIGINS`).

use crate::sh::{Result, cmd};
use std::net::{TcpListener, TcpStream};
use std::process::Child;
use std::time::{Duration, Instant};

/// The demo page's server, stopped when dropped.
pub struct PartnerDemo {
    child: Child,
    /// `http://localhost:<port>`: another origin than the app's `127.0.0.1`.
    pub origin: String,
}

impl Drop for PartnerDemo {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The demo's origin on `port`: `localhost`, so that it differs from the app's `127.0.0.1`
/// even on the same machine.
pub fn origin(port: u16) -> String {
    format!("http://localhost:{port}")
}

/// The port of the demo beside an app on `app_port`: `EER_PARTNER_DEMO_PORT` when set, else
/// the next port when it is free, else any free port.
pub fn port_beside(app_port: u16) -> Result<u16> {
    if let Ok(value) = std::env::var("EER_PARTNER_DEMO_PORT") {
        return value
            .trim()
            .parse()
            .map_err(|_| format!("EER_PARTNER_DEMO_PORT: expected a port number, got {value:?}"));
    }
    let next = app_port.checked_add(1).filter(|p| free(*p));
    Ok(next.unwrap_or_else(crate::server::free_port))
}

fn free(port: u16) -> bool {
    TcpListener::bind(("127.0.0.1", port)).is_ok()
}

/// `EER_ALLOWED_ORIGINS` for the endpoint: the origins already set, plus the demo's.
pub fn allowed_origins(demo: &str) -> String {
    match std::env::var("EER_ALLOWED_ORIGINS") {
        Ok(list) if !list.trim().is_empty() => format!("{} {demo}", list.trim()),
        _ => demo.to_string(),
    }
}

/// Starts the demo page on `port` for the app at `app_base` and waits until it answers.
pub fn start(port: u16, app_base: &str) -> Result<PartnerDemo> {
    let mut node = cmd("node", &["tests/embed/server.mjs", &port.to_string()]);
    node.env("EER_BASE_URL", app_base);
    let child = node
        .spawn()
        .map_err(|e| format!("could not start the demo partner page (node): {e}"))?;
    let demo = PartnerDemo {
        child,
        origin: origin(port),
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(demo);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!(
        "the demo partner page did not listen on port {port} within 10 s"
    ))
}

/// The address that shows the demo with the loader's usual options.
pub fn example_url(origin: &str) -> String {
    format!("{origin}/?show=quiz&lang=fr&partner=demo")
}
