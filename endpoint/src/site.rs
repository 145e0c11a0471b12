//! The built site: static files with their content type, precompressed variants, cache rules
//! and the SPA fallback; and the security headers every response carries.
//!
//! Files: a request for `/a/b` is served from `SITE/a/b`, or `SITE/a/b/index.html` when that is
//! a directory (static pages such as `fr/regions/estrie/index.html` win over the app), with or
//! without the trailing slash and never by a redirect. `/` is `fr/index.html` when it exists. The build
//! writes `file.br` and `file.gz` beside each file; the variant the client accepts is sent as is
//! (brotli first: smaller), so nothing is compressed per request.
//!
//! Missing files: a path the app routes (`eer_domain::Page::parse`) gets the HTML shell of the
//! bundle that renders it (`Page::shell`: `quiz.html`, `results.html`, `explorer.html` or `interest.html` for a screen family, else `index.html`) with 200; any other path under `/fr/` or `/en/` gets the shell with 404 (the app
//! shows its not-found page, and crawlers see a real 404); anything else is a plain 404.
//!
//! Cache: Trunk's hashed assets (`name-<16 hex>.ext`, `name-<16 hex>_bg.wasm`) never change, so
//! a year and `immutable`; everything else (HTML first of all) is `no-cache`: always revalidated
//! with its `ETag`, so a deploy shows at once.
//!
//! The files are sent by hand rather than by tower-http's `ServeFile`: measured with `wrk`,
//! `ServeFile` answered about a quarter fewer requests a second for the wasm and the pages,
//! and half as many for the partners page (endpoint/README.md, "Why the site's files and CORS
//! are not tower-http's"). The security headers are tower-http's `SetResponseHeaderLayer`.

use std::path::{Component, Path, PathBuf};
use std::time::UNIX_EPOCH;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use eer_domain::Page;
use tower::ServiceBuilder;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::AppState;

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const NO_CACHE: &str = "no-cache";

/// The Content-Security-Policy: no inline script or style, WebAssembly compilation allowed
/// (`wasm-unsafe-eval`, which does not allow `eval` of JavaScript), and framing only by this
/// site and the configured partner origins.
pub fn content_security_policy(allowed_origins: &[String]) -> String {
    let mut ancestors = String::from("'self'");
    for origin in allowed_origins {
        ancestors.push(' ');
        ancestors.push_str(origin);
    }
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors {ancestors}"
    )
}

/// Adds the security headers to every response of `router` (site and API alike): tower-http's
/// `SetResponseHeaderLayer`, each replacing a value a handler may have set, stacked into one
/// layer (one `Router::layer` each boxed the router again: 15 % fewer pages a second), and
/// HSTS to the answers to HTTPS requests.
pub fn with_security_headers(router: Router<AppState>, state: &AppState) -> Router<AppState> {
    let set =
        |name: HeaderName, value: HeaderValue| SetResponseHeaderLayer::overriding(name, value);
    router.layer(
        ServiceBuilder::new()
            // HSTS depends on the request, which a response header layer does not see.
            .layer(middleware::from_fn_with_state(state.clone(), hsts))
            .layer(set(header::CONTENT_SECURITY_POLICY, state.csp.clone()))
            .layer(set(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ))
            .layer(set(
                header::REFERRER_POLICY,
                HeaderValue::from_static("strict-origin-when-cross-origin"),
            ))
            .layer(set(
                HeaderName::from_static("permissions-policy"),
                HeaderValue::from_static(
                    "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
                ),
            ))
            .layer(set(
                HeaderName::from_static("cross-origin-opener-policy"),
                HeaderValue::from_static("same-origin"),
            )),
    )
}

/// `Strict-Transport-Security` on the answer to a request that came over HTTPS.
async fn hsts(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let hsts = state
        .hsts
        .clone()
        .filter(|_| arrived_over_https(&state, &request));
    let mut response = next.run(request).await;
    if let Some(hsts) = hsts {
        response
            .headers_mut()
            .insert(header::STRICT_TRANSPORT_SECURITY, hsts);
    }
    response
}

/// True when the request came over HTTPS: its URI says so (a server terminating TLS itself, or
/// `lambda_http`), or a trusted proxy (`EER_TRUST_PROXY`) says so in the last
/// `X-Forwarded-Proto` entry (the one it added). HSTS sent over plain http would be ignored by
/// browsers (RFC 6797, 8.1) and, on a local `http://127.0.0.1`, only confusing; a client's own
/// `X-Forwarded-Proto` is not believed without a trusted proxy.
fn arrived_over_https(state: &AppState, request: &Request) -> bool {
    if request.uri().scheme_str() == Some("https") {
        return true;
    }
    state.config.trust_proxy
        && request
            .headers()
            .get_all("x-forwarded-proto")
            .iter()
            .next_back()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"))
}

/// Serves the site (the Router's fallback for everything outside `/api`).
pub async fn serve(State(state): State<AppState>, request: Request) -> Response {
    let method = request.method();
    if method != Method::GET && method != Method::HEAD {
        let mut response = plain(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed\n");
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let head = method == Method::HEAD;
    let path = request.uri().path().to_string();
    let root = &state.config.site_dir;
    let Some(relative) = safe_relative(&path) else {
        return plain(StatusCode::NOT_FOUND, "Not found\n");
    };
    let mut file = root.join(&relative);
    // `/` is the French home: the static page when the build wrote one (xtask/src/site), so
    // that the plain address reads without JavaScript; the app shell otherwise.
    if relative.as_os_str().is_empty()
        && tokio::fs::metadata(root.join("fr/index.html"))
            .await
            .map(|m| m.is_file())
            .unwrap_or(false)
    {
        file = root.join("fr");
    }
    if path.ends_with('/')
        || tokio::fs::metadata(&file)
            .await
            .map(|m| m.is_dir())
            .unwrap_or(false)
    {
        file = file.join("index.html");
    }
    if tokio::fs::metadata(&file)
        .await
        .map(|m| m.is_file())
        .unwrap_or(false)
    {
        return send_file(&file, StatusCode::OK, request.headers(), head).await;
    }
    let in_app_language = path == "/"
        || ["/fr", "/en"]
            .iter()
            .any(|p| path == *p || path.starts_with(&format!("{p}/")));
    let page = Page::parse(&path);
    // A static page has a file of its own: without one (a region slug that is not in the
    // catalogue) the address is not found, and the app says so.
    let status = if page.as_ref().is_some_and(|(_, p)| !p.is_static()) {
        StatusCode::OK
    } else if in_app_language {
        StatusCode::NOT_FOUND
    } else {
        return plain(StatusCode::NOT_FOUND, "Not found\n");
    };
    // Each page names the HTML shell of the bundle that renders it (the quiz has a small one
    // of its own); a site built without that shell falls back to the full app's index.html.
    let named = page.map_or("index.html", |(_, p)| p.shell());
    for shell in [root.join(named), root.join("index.html")] {
        if tokio::fs::metadata(&shell)
            .await
            .map(|m| m.is_file())
            .unwrap_or(false)
        {
            return send_file(&shell, status, request.headers(), head).await;
        }
    }
    plain(StatusCode::NOT_FOUND, "Not found\n")
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    let mut response = (status, text).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(NO_CACHE));
    response
}

/// The request path as a relative file path, or `None` if it tries to leave the site directory
/// (`..`), names a hidden file, or is not valid percent-encoded UTF-8. Public for the fuzz
/// target `static_path` (fuzz/).
pub fn safe_relative(path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(path)?;
    let mut out = PathBuf::new();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment.starts_with('.') || segment.contains(['\\', '\0', ':']) {
            return None;
        }
        out.push(segment);
    }
    // Belt and braces: only normal components may remain.
    out.components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then_some(out)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The content type for a file name (only what a Trunk site holds; the rest is opaque bytes).
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// True for Trunk's content-hashed names: `eer-web-1a2b3c4d5e6f7a8b.js`,
/// `eer-web-1a2b3c4d5e6f7a8b_bg.wasm`, `style-1a2b3c4d5e6f7a8b.css` — the rule the build's
/// service-worker list uses too (`eer_domain::asset`).
pub fn is_hashed_asset(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(eer_domain::asset::is_hashed)
}

/// Does the client accept `coding` (`br`, `gzip`)? `q=0` means no.
fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    let Some(value) = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    value.split(',').any(|item| {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or("").trim();
        let q = parts
            .find_map(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
            })
            .unwrap_or(1.0);
        name.eq_ignore_ascii_case(coding) && q > 0.0
    })
}

async fn send_file(file: &Path, status: StatusCode, request: &HeaderMap, head: bool) -> Response {
    // Pick the precompressed variant the client accepts, if the build wrote it.
    let mut chosen = (file.to_path_buf(), None);
    for (coding, suffix) in [("br", "br"), ("gzip", "gz")] {
        if accepts(request, coding) {
            let mut candidate = file.as_os_str().to_owned();
            candidate.push(".");
            candidate.push(suffix);
            let candidate = PathBuf::from(candidate);
            if tokio::fs::metadata(&candidate)
                .await
                .map(|m| m.is_file())
                .unwrap_or(false)
            {
                chosen = (candidate, Some(coding));
                break;
            }
        }
    }
    let (path, coding) = chosen;
    let Ok(meta) = tokio::fs::metadata(&path).await else {
        return plain(StatusCode::NOT_FOUND, "Not found\n");
    };
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let etag = format!(
        "\"{:x}-{:x}{}\"",
        meta.len(),
        modified,
        coding.map(|c| format!("-{c}")).unwrap_or_default()
    );
    let cache = if status == StatusCode::OK && is_hashed_asset(file) {
        IMMUTABLE
    } else {
        NO_CACHE
    };

    let mut builder = Response::builder()
        .header(header::CONTENT_TYPE, content_type(file))
        .header(header::CACHE_CONTROL, cache)
        .header(header::VARY, "Accept-Encoding");
    if status == StatusCode::OK {
        builder = builder.header(header::ETAG, &etag);
        let matches = request
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.split(',')
                    .any(|t| t.trim().trim_start_matches("W/") == etag || t.trim() == "*")
            });
        if matches {
            return builder
                .status(StatusCode::NOT_MODIFIED)
                .body(Body::empty())
                .unwrap_or_else(|_| internal());
        }
    }
    if let Some(coding) = coding {
        builder = builder.header(header::CONTENT_ENCODING, coding);
    }
    let body = if head {
        builder = builder.header(header::CONTENT_LENGTH, meta.len());
        Body::empty()
    } else {
        match tokio::fs::read(&path).await {
            Ok(bytes) if coding.is_none() => Body::from(with_origin(bytes, request)),
            Ok(bytes) => Body::from(bytes),
            Err(_) => return plain(StatusCode::NOT_FOUND, "Not found\n"),
        }
    };
    builder
        .status(status)
        .body(body)
        .unwrap_or_else(|_| internal())
}

/// A page built without the site's origin carries a placeholder where an absolute address
/// is needed (the partners' snippet, `eer_domain::route::ORIGIN_PLACEHOLDER`): it becomes the
/// origin this request reached, from its `Host` (and `X-Forwarded-Proto: https` behind a TLS
/// proxy). A host that is not a plain host name or address leaves the address root-relative.
fn with_origin(bytes: Vec<u8>, request: &HeaderMap) -> Vec<u8> {
    let placeholder = eer_domain::route::ORIGIN_PLACEHOLDER;
    if !bytes
        .windows(placeholder.len())
        .any(|w| w == placeholder.as_bytes())
    {
        return bytes;
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return Vec::new();
    };
    text.replace(placeholder, &request_origin(request).unwrap_or_default())
        .into_bytes()
}

/// `scheme://host[:port]` of a request, when its `Host` is well formed.
fn request_origin(request: &HeaderMap) -> Option<String> {
    let host = request.get(header::HOST)?.to_str().ok()?;
    let plain = !host.is_empty()
        && host.len() <= 255
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if !plain {
        return None;
    }
    let tls = request
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("https"));
    Some(format!("{}://{host}", if tls { "https" } else { "http" }))
}

fn internal() -> Response {
    plain(StatusCode::INTERNAL_SERVER_ERROR, "Internal error\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names() {
        for name in [
            "eer-web-1a2b3c4d5e6f7a8b.js",
            "eer-web-1a2b3c4d5e6f7a8b_bg.wasm",
            "style-0123456789abcdef.css",
        ] {
            assert!(is_hashed_asset(Path::new(name)), "{name}");
        }
        for name in [
            "index.html",
            "sw.js",
            "style-123.css",
            "embed.js",
            "-1a2b3c4d5e6f7a8b.js",
        ] {
            assert!(!is_hashed_asset(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn paths_stay_inside_the_site() {
        assert_eq!(
            safe_relative("/fr/regions/estrie/"),
            Some(PathBuf::from("fr/regions/estrie"))
        );
        assert_eq!(
            safe_relative("/caf%C3%A9.txt"),
            Some(PathBuf::from("café.txt"))
        );
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/.env",
            "/a/%2e%2e/b",
            "/a%5Cb",
            "/%zz",
            "/%ff",
        ] {
            assert_eq!(safe_relative(bad), None, "{bad}");
        }
    }

    #[test]
    fn accept_encoding_with_q_values() {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_static("gzip, deflate, br;q=0"),
        );
        assert!(accepts(&h, "gzip"));
        assert!(!accepts(&h, "br"));
    }

    #[test]
    fn the_origin_placeholder_becomes_the_request_origin() {
        let page = format!(
            "<code>src=\"{}/embed.js\"</code>",
            eer_domain::route::ORIGIN_PLACEHOLDER
        );
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:8080"));
        let out = String::from_utf8(with_origin(page.clone().into_bytes(), &h)).unwrap();
        assert_eq!(out, "<code>src=\"http://127.0.0.1:8080/embed.js\"</code>");
        h.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        h.insert(header::HOST, HeaderValue::from_static("eer.example"));
        let out = String::from_utf8(with_origin(page.clone().into_bytes(), &h)).unwrap();
        assert_eq!(out, "<code>src=\"https://eer.example/embed.js\"</code>");
        // A host with markup in it never reaches the page.
        h.insert(header::HOST, HeaderValue::from_static("x\"><script>"));
        let out = String::from_utf8(with_origin(page.into_bytes(), &h)).unwrap();
        assert_eq!(out, "<code>src=\"/embed.js\"</code>");
    }

    #[test]
    fn csp_lists_partners_as_frame_ancestors() {
        let csp = content_security_policy(&["https://partner.example".into()]);
        assert!(csp.ends_with("frame-ancestors 'self' https://partner.example"));
        assert!(!csp.contains("unsafe-inline"));
    }
}
