//! A real PostgreSQL server for the tests and the bench: Debian's `postgresql` package,
//! `initdb` into a fresh temporary folder, started on a free loopback port (its Unix socket in
//! that folder too), as the unprivileged `postgres` user when we are root (PostgreSQL refuses
//! to run as root), with TLS on (a throw-away CA and server certificate made by `openssl`, so
//! that the store's TLS path is tested against a real server). [`Postgres`] stops it (`pg_ctl stop -m fast`) and removes the folder when
//! dropped, so also when a stage fails or panics. No mock, no container.

use crate::sh::{Result, run, step};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The user the server runs as when we are root: created by Debian's package.
const SERVICE_USER: &str = "postgres";
/// The database the URL names (tests create their own beside it).
const DATABASE: &str = "eer";
/// The role `initdb` creates (trust authentication on loopback only: the server listens on
/// 127.0.0.1 and its own socket folder, nowhere else).
const ROLE: &str = "eer";

/// The newest installed server's programs (`/usr/lib/postgresql/<version>/bin`).
pub fn bin_dir() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// Debian's `postgresql` (server and client programs), for the tests on PostgreSQL.
pub fn install() -> Result {
    step("setup: PostgreSQL for the store tests");
    let openssl = crate::sh::output("openssl", &["version"]).is_some();
    if let Some(bin) = bin_dir().filter(|_| openssl) {
        println!("ok: PostgreSQL ({}) and openssl", bin.display());
        return Ok(());
    }
    crate::install::apt(&["postgresql", "openssl"])?;
    bin_dir()
        .map(|_| ())
        .ok_or_else(|| "postgresql installed but no /usr/lib/postgresql/*/bin/initdb".into())
}

/// A running server; stopped and removed on drop.
pub struct Postgres {
    bin: PathBuf,
    dir: PathBuf,
    as_user: Option<&'static str>,
    port: u16,
}

impl Postgres {
    /// Starts a fresh server (see the module). `max_connections` covers the tests running in
    /// parallel, each with its own pool.
    pub fn start() -> Result<Postgres> {
        let bin = bin_dir().ok_or("PostgreSQL is not installed (cargo xtask setup)")?;
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        // Under /tmp, not target/: the socket path must stay under ~100 bytes, and the service
        // user must be able to reach the folder.
        let dir = std::env::temp_dir().join(format!("eer-pg-{}-{stamp}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let as_user = is_root().then_some(SERVICE_USER);
        // From here on, a failure drops the guard, which removes the folder.
        let mut server = Postgres {
            bin,
            dir,
            as_user,
            port: 0,
        };
        server.certificates()?;
        if let Some(user) = as_user {
            let mut chown = Command::new("chown");
            chown.args(["-R", user]).arg(&server.dir);
            run(chown)?;
        }
        let data = server.data();
        server.run_tool(
            "initdb",
            &[
                "-D",
                path(&data),
                "-U",
                ROLE,
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-locale",
                // Only initdb's own files; the server keeps fsync on, so the bench's figures
                // are those of durable commits.
                "--no-sync",
            ],
        )?;
        server.port = crate::server::free_port();
        let options = format!(
            "-c listen_addresses=127.0.0.1 -p {} -k {} -c max_connections=300 -c fsync=on \
             -c synchronous_commit=on -c ssl=on -c ssl_cert_file={} -c ssl_key_file={}",
            server.port,
            path(&server.dir),
            path(&server.dir.join("server.crt")),
            path(&server.dir.join("server.key")),
        );
        let log = server.dir.join("server.log");
        server.run_tool(
            "pg_ctl",
            &[
                "-D",
                path(&data),
                "-l",
                path(&log),
                "-o",
                &options,
                "-w",
                "-t",
                "60",
                "start",
            ],
        )?;
        let port = server.port.to_string();
        server.run_tool(
            "createdb",
            &["-h", "127.0.0.1", "-p", &port, "-U", ROLE, DATABASE],
        )?;
        println!("PostgreSQL on {}", server.url());
        Ok(server)
    }

    /// `postgres://eer@127.0.0.1:PORT/eer?sslmode=disable`: tests connect with it and create
    /// a database of their own each.
    pub fn url(&self) -> String {
        format!(
            "postgres://{ROLE}@127.0.0.1:{}/{DATABASE}?sslmode=disable",
            self.port
        )
    }

    /// The CA that signed the server's certificate (PEM): what `EER_DATABASE_CA_FILE` names to
    /// connect with `sslmode=require`.
    pub fn ca_file(&self) -> PathBuf {
        self.dir.join("ca.crt")
    }

    /// A CA and a server certificate for 127.0.0.1 signed by it (a self-signed certificate
    /// will not do: rustls refuses a CA certificate as the server's own). Two days of validity.
    fn certificates(&self) -> Result {
        let extensions = self.dir.join("server.ext");
        std::fs::write(
            &extensions,
            "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n\
             keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n",
        )
        .map_err(|e| format!("{}: {e}", extensions.display()))?;
        let openssl = |args: &[&str]| {
            let mut c = Command::new("openssl");
            c.args(args).current_dir(&self.dir);
            run(c)
        };
        openssl(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.crt",
            "-subj",
            "/CN=eer-test-ca",
            "-days",
            "2",
        ])?;
        openssl(&[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
            "-subj",
            "/CN=127.0.0.1",
        ])?;
        openssl(&[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.crt",
            "-days",
            "2",
            "-extfile",
            "server.ext",
        ])?;
        // PostgreSQL refuses a key that others can read.
        std::fs::set_permissions(
            self.dir.join("server.key"),
            std::os::unix::fs::PermissionsExt::from_mode(0o600),
        )
        .map_err(|e| format!("server.key: {e}"))
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// Runs one of the server's programs, as the service user when we are root.
    fn run_tool(&self, tool: &str, args: &[&str]) -> Result {
        let program = self.bin.join(tool);
        let mut command = match self.as_user {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(&program);
                c
            }
            None => Command::new(&program),
        };
        command.args(args).current_dir(&self.dir);
        run(command)
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        if self.data().join("postmaster.pid").exists() {
            let data = self.data();
            if let Err(e) =
                self.run_tool("pg_ctl", &["-D", path(&data), "-m", "fast", "-w", "stop"])
            {
                eprintln!("xtask: stopping PostgreSQL: {e}");
            }
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn path(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

fn is_root() -> bool {
    // `id -u` rather than libc: xtask has no unsafe code and no libc dependency.
    crate::sh::output("id", &["-u"]).as_deref() == Some("0")
}

/// `cargo xtask postgres [COMMAND…]`: a server for a command (its URL in
/// `EER_TEST_DATABASE_URL`, its CA in `EER_TEST_DATABASE_CA_FILE`), e.g. `cargo xtask postgres cargo test -p eer-endpoint`; without a
/// command, prints the URL and serves until Enter is pressed.
pub fn command(args: &[String]) -> Result {
    install()?;
    let server = Postgres::start()?;
    match args.split_first() {
        Some((program, rest)) => {
            let mut c = Command::new(program);
            c.args(rest)
                .env("EER_TEST_DATABASE_URL", server.url())
                .env("EER_TEST_DATABASE_CA_FILE", server.ca_file());
            run(c)
        }
        None => {
            println!(
                "EER_TEST_DATABASE_URL={}\nEER_TEST_DATABASE_CA_FILE={}\n(press Enter to stop the server)",
                server.url(),
                server.ca_file().display()
            );
            let mut line = String::new();
            let _ = std::io::stdin().read_line(&mut line);
            Ok(())
        }
    }
}
