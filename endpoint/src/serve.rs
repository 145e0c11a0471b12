//! The local server: hyper's HTTP/1 connection builder with a timer, so that no client can hold
//! a connection (and so a file descriptor) for as long as it likes.
//!
//! `axum::serve` has no timer and no connection limit: idle and slow-header sockets stayed open
//! forever, and 1,100 of them against a limit of 1,024 files made health and submissions time
//! out (issue 17). Here, per connection ([`Limits`]):
//! - hyper's `header_read_timeout`: the request line and headers must arrive in time (hyper
//!   starts that clock when it waits for a request: on a new connection and after each answer);
//! - [`Timed`]: after an answer, the next request must start within the keep-alive time; while a
//!   request is in progress, bytes must move one way or the other within the idle time;
//! - a semaphore: at most `max_connections` served at once (the soft file limit raised towards
//!   the hard one if needed, and the cap clamped below it, so that SQLite and the site's files
//!   can still be opened); the next ones wait in the kernel's accept queue;
//! - hyper-util's `GracefulShutdown`: on the shutdown signal, no new connection; idle ones close
//!   at once, requests in progress get `shutdown_grace` to finish, then the server returns
//!   whatever the clients do.
//!
//! The accept loop is the one hyper-util documents for these builders (`hyper_util::server`).

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::extract::{ConnectInfo, Request};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio::time::{Instant, Sleep};
use tower::ServiceExt;

use crate::config::Limits;

/// File descriptors kept free for SQLite (database, WAL, shared memory, export readers), the
/// site's files and the listener: a generous margin over the handful actually used.
const RESERVED_FILES: u64 = 128;

/// Connections the kernel may hold, completed, before the server accepts them. Tokio's and
/// std's `bind` ask for 128: a burst of a few hundred connections (a salon opening, a reload of
/// every kiosk) then loses SYNs, which clients resend only after 1, 3, 7 s. 1,024 is what
/// Linux allows by default (`net.core.somaxconn` is 4,096 since 5.4) and costs nothing idle.
pub const BACKLOG: u32 = 1024;

/// A listening socket on `addr` with a backlog of [`BACKLOG`].
pub fn bind(addr: SocketAddr) -> io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    // A restart must not wait for the old connections' TIME_WAIT to end.
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)
}

/// Serves `router` on `listener` until `shutdown` completes, then for at most
/// `limits.shutdown_grace` more.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) {
    let max = clamp_to_file_limit(limits.max_connections);
    let slots = Arc::new(Semaphore::new(max));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(!limits.keep_alive.is_zero());
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            () = &mut shutdown => break,
            accepted = accept(&listener, &slots) => accepted,
        };
        let Some((tcp, peer, slot)) = accepted else {
            continue;
        };
        // Answers go out at once (no Nagle delay behind a delayed ACK).
        let _ = tcp.set_nodelay(true);
        let service = router
            .clone()
            .map_request(move |mut request: Request<Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            });
        let io = TokioIo::new(Timed::new(tcp, limits.idle_timeout, limits.keep_alive));
        let connection =
            graceful.watch(http.serve_connection(io, TowerToHyperService::new(service)));
        tokio::spawn(async move {
            // A client that goes away or times out is an ordinary end of a connection.
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        eprintln!(
            "eer-endpoint: requests still in progress after {} s; stopping anyway",
            limits.shutdown_grace.as_secs_f64()
        );
    }
}

/// Waits for a free slot, then for a connection. `None` on an accept error (logged).
async fn accept(
    listener: &TcpListener,
    slots: &Arc<Semaphore>,
) -> Option<(
    tokio::net::TcpStream,
    SocketAddr,
    tokio::sync::OwnedSemaphorePermit,
)> {
    let slot = slots.clone().acquire_owned().await.ok()?;
    match listener.accept().await {
        Ok((tcp, peer)) => Some((tcp, peer, slot)),
        Err(e) => {
            // Out of descriptors or memory: wait rather than spin (what axum::serve does).
            eprintln!("eer-endpoint: accept: {e}");
            tokio::time::sleep(Duration::from_millis(100)).await;
            None
        }
    }
}

/// `wanted`, or less if the process may not open that many files. A soft file limit below what
/// `wanted` needs is first raised towards the hard one, as Go's runtime does at start (systemd's
/// default soft limit is 1,024 for compatibility with `select()`, which this server never uses;
/// the hard limit is usually far higher).
fn clamp_to_file_limit(wanted: usize) -> usize {
    let needed = (wanted as u64).saturating_add(RESERVED_FILES);
    let Some(files) = raise_file_limit(needed) else {
        return wanted;
    };
    let allowed = usize::try_from(files.saturating_sub(RESERVED_FILES))
        .unwrap_or(usize::MAX)
        .max(1);
    if wanted > allowed {
        eprintln!(
            "eer-endpoint: warning: {wanted} connections asked but the file limit is {files}; \
             serving {allowed} at once (raise `ulimit -n` to serve more)"
        );
        allowed
    } else {
        wanted
    }
}

/// Raises the soft limit on open files to `needed` if the hard limit allows (else to the hard
/// limit); returns the soft limit in force, `None` when it cannot be read (or is unlimited).
#[cfg(unix)]
fn raise_file_limit(needed: u64) -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes into the struct we own and reads nothing else.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 {
        return None;
    }
    if limit.rlim_cur == libc::RLIM_INFINITY {
        return None;
    }
    if limit.rlim_cur < needed {
        let raised = libc::rlimit {
            rlim_cur: needed.min(limit.rlim_max),
            rlim_max: limit.rlim_max,
        };
        // SAFETY: setrlimit reads the struct we own; on failure nothing changes.
        if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &raised) } == 0 {
            limit.rlim_cur = raised.rlim_cur;
        }
    }
    Some(limit.rlim_cur)
}

#[cfg(not(unix))]
fn raise_file_limit(_needed: u64) -> Option<u64> {
    None
}

/// A connection that fails with `TimedOut` when the client stops doing its part:
/// - keep-alive: after the server wrote (an answer), the client's next byte must come within
///   `keep_alive`;
/// - idle: otherwise, a read or a write that stays pending longer than `idle` since the last
///   byte moved either way.
///
/// hyper then closes the connection. The header deadline is hyper's own.
pub struct Timed<T> {
    inner: T,
    idle: Duration,
    keep_alive: Duration,
    last_moved: Instant,
    /// The server has written since the client last sent anything: it waits for a new request.
    answered: bool,
    read_deadline: Pin<Box<Sleep>>,
    write_deadline: Pin<Box<Sleep>>,
}

impl<T> Timed<T> {
    pub fn new(inner: T, idle: Duration, keep_alive: Duration) -> Self {
        let now = Instant::now();
        Timed {
            inner,
            idle,
            keep_alive,
            last_moved: now,
            answered: false,
            read_deadline: Box::pin(tokio::time::sleep_until(now + idle)),
            write_deadline: Box::pin(tokio::time::sleep_until(now + idle)),
        }
    }

    fn read_deadline(&self) -> Instant {
        let idle = self.last_moved + self.idle;
        if self.answered {
            idle.min(self.last_moved + self.keep_alive)
        } else {
            idle
        }
    }
}

/// True once `deadline` has passed; until then a wake-up is registered for it.
fn expired(sleep: &mut Pin<Box<Sleep>>, deadline: Instant, cx: &mut Context<'_>) -> bool {
    if sleep.deadline() != deadline {
        sleep.as_mut().reset(deadline);
    }
    sleep.as_mut().poll(cx).is_ready()
}

fn too_slow() -> io::Error {
    io::Error::new(io::ErrorKind::TimedOut, "client too slow")
}

impl<T> Timed<T> {
    /// Bookkeeping after a write (plain or vectored).
    fn wrote(
        &mut self,
        cx: &mut Context<'_>,
        result: Poll<io::Result<usize>>,
    ) -> Poll<io::Result<usize>> {
        match result {
            Poll::Ready(Ok(n)) => {
                if n > 0 {
                    self.last_moved = Instant::now();
                    self.answered = true;
                }
                Poll::Ready(Ok(n))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => {
                let deadline = self.last_moved + self.idle;
                if expired(&mut self.write_deadline, deadline, cx) {
                    Poll::Ready(Err(too_slow()))
                } else {
                    Poll::Pending
                }
            }
        }
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for Timed<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Ready(result) => {
                if buf.filled().len() > before {
                    this.last_moved = Instant::now();
                    this.answered = false;
                }
                Poll::Ready(result)
            }
            Poll::Pending => {
                let deadline = this.read_deadline();
                if expired(&mut this.read_deadline, deadline, cx) {
                    Poll::Ready(Err(too_slow()))
                } else {
                    Poll::Pending
                }
            }
        }
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Timed<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        let result = Pin::new(&mut self.inner).poll_write(cx, data);
        self.wrote(cx, result)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let result = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        self.wrote(cx, result)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
