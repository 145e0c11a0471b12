//! TLS to the database. Managed PostgreSQL (RDS, Cloud SQL, Neon…) requires it; the driver
//! negotiates it as the URL's `sslmode` says (`disable`, `prefer` (the default), `require`).
//!
//! rustls with the ring provider: no C toolchain and no OpenSSL on the build machine or in the
//! Lambda image. The server's certificate is always verified (rustls has no "encrypt but trust
//! anyone" mode): against Mozilla's roots (webpki-roots), plus the PEM certificates of
//! `EER_DATABASE_CA_FILE` when set, which is how a private CA such as Amazon RDS's is trusted.

use std::path::Path;
use std::sync::Arc;

use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use tokio_postgres_rustls::MakeRustlsConnect;

/// The connector the pool hands to the driver for every connection.
pub fn connector(ca_file: Option<&Path>) -> Result<MakeRustlsConnect, String> {
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Some(path) = ca_file {
        let mut added = 0;
        let certs = CertificateDer::pem_file_iter(path)
            .map_err(|e| format!("EER_DATABASE_CA_FILE {}: {e}", path.display()))?;
        for cert in certs {
            let cert = cert.map_err(|e| format!("EER_DATABASE_CA_FILE {}: {e}", path.display()))?;
            roots
                .add(cert)
                .map_err(|e| format!("EER_DATABASE_CA_FILE {}: {e}", path.display()))?;
            added += 1;
        }
        // A file without a certificate would silently trust only the public roots.
        if added == 0 {
            return Err(format!(
                "EER_DATABASE_CA_FILE {}: no PEM certificate in it",
                path.display()
            ));
        }
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| format!("TLS: {e}"))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}
