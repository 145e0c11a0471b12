//! The site over real HTTP: content types, precompressed variants, cache rules, the SPA
//! fallback and the security headers on every response.

mod common;

use common::{PARTNER, start};
use reqwest::header::HeaderMap;

fn assert_security_headers(headers: &HeaderMap, what: &str) {
    let csp = headers["content-security-policy"].to_str().unwrap();
    for part in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'self' https://partner.example",
    ] {
        assert!(csp.contains(part), "{what}: CSP lacks {part}: {csp}");
    }
    assert!(!csp.contains("unsafe-inline"), "{what}");
    assert_eq!(headers["x-content-type-options"], "nosniff", "{what}");
    assert_eq!(
        headers["referrer-policy"], "strict-origin-when-cross-origin",
        "{what}"
    );
    assert!(
        headers["permissions-policy"]
            .to_str()
            .unwrap()
            .contains("camera=()"),
        "{what}"
    );
    assert!(
        headers["permissions-policy"]
            .to_str()
            .unwrap()
            .contains("microphone=()"),
        "{what}"
    );
    assert!(
        headers["permissions-policy"]
            .to_str()
            .unwrap()
            .contains("geolocation=()"),
        "{what}"
    );
    assert_eq!(
        headers["cross-origin-opener-policy"], "same-origin",
        "{what}"
    );
}

/// By default no callback delay is promised: the delay is the organisations' to set
/// (README); the success page then says only that a counsellor will call.
#[tokio::test]
async fn no_callback_delay_is_promised_unless_configured() {
    let server = start(|_| {}).await;
    let config: serde_json::Value = server
        .client
        .get(server.url("/api/config"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(config["callback_business_days"], serde_json::Value::Null);
    let from_env = eer_endpoint::config::Config::from_vars(|_| None).unwrap();
    assert_eq!(from_env.callback_business_days, None);
    let set = eer_endpoint::config::Config::from_vars(|n| {
        (n == "EER_CALLBACK_BUSINESS_DAYS").then(|| "3".to_string())
    })
    .unwrap();
    assert_eq!(set.callback_business_days, Some(3));
}

#[tokio::test]
async fn health_config_and_security_headers_everywhere() {
    let server = start(|c| c.callback_business_days = Some(3)).await;
    let response = server
        .client
        .get(server.url("/api/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_security_headers(response.headers(), "/api/health");
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(
        response.json::<serde_json::Value>().await.unwrap(),
        serde_json::json!({"status": "ok"})
    );

    let config: serde_json::Value = server
        .client
        .get(server.url("/api/config"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        config,
        serde_json::json!({"callback_business_days": 3, "retention_days": 730})
    );

    for path in [
        "/",
        "/fr/quiz",
        "/nothing.js",
        "/api/nothing",
        "/fr/nothing",
        "/eer-web-1a2b3c4d5e6f7a8b_bg.wasm",
    ] {
        let response = server.client.get(server.url(path)).send().await.unwrap();
        assert_security_headers(response.headers(), path);
    }
}

#[tokio::test]
async fn content_types_compression_and_cache() {
    let server = start(|_| {}).await;
    let get = |path: &'static str, encoding: &'static str| {
        let request = server.client.get(server.url(path));
        let request = if encoding.is_empty() {
            request
        } else {
            request.header("accept-encoding", encoding)
        };
        request.send()
    };

    let wasm = get("/eer-web-1a2b3c4d5e6f7a8b_bg.wasm", "gzip, deflate, br")
        .await
        .unwrap();
    assert_eq!(wasm.status(), 200);
    assert_eq!(wasm.headers()["content-type"], "application/wasm");
    assert_eq!(wasm.headers()["content-encoding"], "br");
    assert_eq!(
        wasm.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(wasm.headers()["vary"], "Accept-Encoding");
    assert_eq!(wasm.bytes().await.unwrap().as_ref(), b"BR:wasm");

    let wasm = get("/eer-web-1a2b3c4d5e6f7a8b_bg.wasm", "gzip")
        .await
        .unwrap();
    assert_eq!(wasm.headers()["content-encoding"], "gzip");
    assert_eq!(wasm.bytes().await.unwrap().as_ref(), b"GZ:wasm");

    let wasm = get("/eer-web-1a2b3c4d5e6f7a8b_bg.wasm", "br;q=0, gzip;q=0")
        .await
        .unwrap();
    assert!(wasm.headers().get("content-encoding").is_none());
    assert_eq!(wasm.bytes().await.unwrap().as_ref(), b"\0asm\x01\0\0\0");

    // A file without a .br variant falls back to .gz even when br is preferred.
    let js = get("/eer-web-1a2b3c4d5e6f7a8b.js", "br, gzip")
        .await
        .unwrap();
    assert_eq!(
        js.headers()["content-type"],
        "text/javascript; charset=utf-8"
    );
    assert_eq!(js.headers()["content-encoding"], "gzip");

    let css = get("/style-0123456789abcdef.css", "").await.unwrap();
    assert_eq!(css.headers()["content-type"], "text/css; charset=utf-8");
    assert_eq!(
        css.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );

    let manifest = get("/manifest.webmanifest", "").await.unwrap();
    assert_eq!(
        manifest.headers()["content-type"],
        "application/manifest+json"
    );
    assert_eq!(manifest.headers()["cache-control"], "no-cache");

    let html = get("/", "br").await.unwrap();
    assert_eq!(html.status(), 200);
    assert_eq!(html.headers()["content-type"], "text/html; charset=utf-8");
    assert_eq!(html.headers()["cache-control"], "no-cache");
    let etag = html.headers()["etag"].clone();
    assert_eq!(html.bytes().await.unwrap().as_ref(), b"BR:index");

    // Revalidation: no-cache costs a 304, not the file.
    let again = server
        .client
        .get(server.url("/"))
        .header("accept-encoding", "br")
        .header("if-none-match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);

    let head = server
        .client
        .head(server.url("/eer-web-1a2b3c4d5e6f7a8b.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(head.status(), 200);
    assert_eq!(head.headers()["content-length"], "17");
}

#[tokio::test]
async fn spa_fallback_static_pages_and_not_found() {
    let server = start(|_| {}).await;
    let server = &server;
    let fetch = |path: &'static str| async move {
        let response = server.client.get(server.url(path)).send().await.unwrap();
        let status = response.status().as_u16();
        let cache = response
            .headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap().to_string());
        (status, response.text().await.unwrap(), cache)
    };
    let shell = "<!doctype html><title>EER app</title>";

    // App routes get the shell with 200, not cacheable.
    for path in [
        "/fr/quiz",
        "/en/quiz",
        "/fr/resultats",
        "/en/results",
        "/fr/explorer",
        "/fr/interet/envoye",
    ] {
        let (status, body, cache) = fetch(path).await;
        assert_eq!((status, body.as_str()), (200, shell), "{path}");
        assert_eq!(cache.as_deref(), Some("no-cache"), "{path}");
    }
    // Static pages whose file is missing (here: no static site built; in a build, a region slug
    // not in the catalogue) are not found: the shell with 404, so the app says so.
    for path in [
        "/fr",
        "/fr/",
        "/en/",
        "/en/regions/estrie",
        "/fr/regions/atlantide",
    ] {
        let (status, body, _) = fetch(path).await;
        assert_eq!((status, body.as_str()), (404, shell), "{path}");
    }
    // A static page wins over the app.
    for path in ["/fr/regions/estrie", "/fr/regions/estrie/"] {
        let (status, body, _) = fetch(path).await;
        assert_eq!(
            (status, body.as_str()),
            (200, "<!doctype html><title>Estrie</title>"),
            "{path}"
        );
    }
    // Unknown paths under a language: the shell with 404 (the app shows its not-found page).
    for path in [
        "/fr/nope",
        "/en/resultats",
        "/fr/regions/Estrie",
        "/en/quiz/extra/deep",
    ] {
        let (status, body, _) = fetch(path).await;
        assert_eq!((status, body.as_str()), (404, shell), "{path}");
    }
    // Anything else missing: a plain 404. Hidden files and escapes are never served.
    for path in [
        "/nothing.js",
        "/de/",
        "/favicon.ico",
        "/.env",
        "/%2e%2e/Cargo.toml",
        "/fr/../.env",
    ] {
        let (status, body, _) = fetch(path).await;
        assert_eq!(status, 404, "{path}");
        assert!(
            !body.contains("EER app") && !body.contains("SECRET"),
            "{path}: {body}"
        );
    }
    let post = server
        .client
        .post(server.url("/fr/quiz"))
        .send()
        .await
        .unwrap();
    assert_eq!(post.status(), 405);
}

#[tokio::test]
async fn the_root_is_the_static_french_home_when_built() {
    let server = start(|_| {}).await;
    let home = "<!doctype html><html lang=\"fr\"><title>Accueil</title>";
    let site = server.dir.path().join("site");
    std::fs::create_dir_all(site.join("fr")).unwrap();
    std::fs::write(site.join("fr/index.html"), home).unwrap();
    for path in ["/", "/fr", "/fr/"] {
        let response = server.client.get(server.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.url().path(), path, "{path}: no redirect");
        assert_eq!(response.text().await.unwrap(), home, "{path}");
    }
    // App routes still get the shell.
    let response = server
        .client
        .get(server.url("/fr/quiz"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.text().await.unwrap(),
        "<!doctype html><title>EER app</title>"
    );
}

#[tokio::test]
async fn api_errors_keep_our_shape() {
    let server = start(|_| {}).await;
    let response = server
        .client
        .get(server.url("/api/nothing"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_found");
    let response = server
        .client
        .delete(server.url("/api/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "method_not_allowed");
    let response = server
        .client
        .get(server.url("/api/interest"))
        .header("origin", PARTNER)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
}

#[tokio::test]
async fn the_quiz_gets_its_own_shell_when_built() {
    let server = start(|_| {}).await;
    let quiz = "<!doctype html><title>EER quiz</title>";
    std::fs::write(server.dir.path().join("site/quiz.html"), quiz).unwrap();
    let body = |path: &'static str| {
        let server = &server;
        async move {
            let response = server.client.get(server.url(path)).send().await.unwrap();
            (response.status().as_u16(), response.text().await.unwrap())
        }
    };
    for path in [
        "/fr/quiz",
        "/en/quiz",
        "/fr/quiz/verifier",
        "/en/quiz/check",
    ] {
        assert_eq!(body(path).await, (200, quiz.to_string()), "{path}");
    }
    // Every other app page keeps the full app.
    for path in ["/fr/resultats", "/en/interest", "/fr/explorer"] {
        assert_eq!(
            body(path).await,
            (200, "<!doctype html><title>EER app</title>".to_string()),
            "{path}"
        );
    }
}

/// Issue 17, item 7: HSTS only when the request is known to have come over HTTPS.
#[tokio::test]
async fn hsts_only_over_https_through_a_trusted_proxy() {
    let hsts = |response: &reqwest::Response| {
        response
            .headers()
            .get("strict-transport-security")
            .map(|v| v.to_str().unwrap().to_string())
    };
    // Plain local http, even when the client claims https itself.
    let direct = start(|_| {}).await;
    for claim in [None, Some("https")] {
        let mut request = direct.client.get(direct.url("/api/health"));
        if let Some(proto) = claim {
            request = request.header("x-forwarded-proto", proto);
        }
        assert_eq!(hsts(&request.send().await.unwrap()), None, "{claim:?}");
    }
    // Behind a trusted proxy: its own (last) entry decides, for the site and the API alike.
    let proxied = start(|c| c.trust_proxy = true).await;
    for path in ["/api/health", "/fr/regions/estrie/", "/nowhere"] {
        let response = proxied
            .client
            .get(proxied.url(path))
            .header("x-forwarded-proto", "http, https")
            .send()
            .await
            .unwrap();
        assert_eq!(
            hsts(&response).as_deref(),
            Some("max-age=31536000"),
            "{path}"
        );
    }
    let response = proxied
        .client
        .get(proxied.url("/api/health"))
        .header("x-forwarded-proto", "https, http")
        .send()
        .await
        .unwrap();
    assert_eq!(hsts(&response), None, "the proxy said http");
    // Configurable, and 0 turns it off.
    let off = start(|c| {
        c.trust_proxy = true;
        c.hsts_max_age = 0;
    })
    .await;
    let response = off
        .client
        .get(off.url("/api/health"))
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .unwrap();
    assert_eq!(hsts(&response), None);
}
