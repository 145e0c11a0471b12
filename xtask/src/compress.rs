//! Precompression of the built site: every text or wasm file gets a `.br` and a `.gz` beside
//! it, for the endpoint (and the CDN) to serve as they are.

use crate::sh::Result;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Files worth compressing; images and fonts are already compressed.
const COMPRESSIBLE: [&str; 10] = [
    "html",
    "js",
    "mjs",
    "wasm",
    "css",
    "json",
    "svg",
    "txt",
    "xml",
    "webmanifest",
];

/// Writes `f.br` and `f.gz` beside every compressible file under `dir`; returns how many.
pub fn precompress(dir: &Path) -> Result<usize> {
    let mut count = 0;
    for path in crate::files::under(dir)? {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let data = fs::read(&path).map_err(|e| e.to_string())?;
        // A page the endpoint completes per request (the site's origin) is served as it is.
        let placeholder = eer_domain::route::ORIGIN_PLACEHOLDER.as_bytes();
        if data.windows(placeholder.len()).any(|w| w == placeholder) {
            continue;
        }
        fs::write(with_suffix(&path, "br"), brotli(&data)).map_err(|e| e.to_string())?;
        fs::write(with_suffix(&path, "gz"), gzip(&data)).map_err(|e| e.to_string())?;
        count += 1;
    }
    Ok(count)
}

pub fn brotli(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).expect("in-memory brotli");
    out
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).expect("in-memory gzip");
    encoder.finish().expect("in-memory gzip")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}
