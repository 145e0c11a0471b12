//! One set of headers, wherever the site is served: the local server (the real Router over
//! HTTP) and CloudFront as deploy/template.yaml configures it must send the same security
//! headers, and deploy/upload-site.sh must give files the server's Cache-Control. A header
//! changed on one side only fails here.

mod common;

use std::collections::BTreeMap;

use common::{PARTNER, start};
use serde_yaml::Value;

const TEMPLATE: &str = include_str!("../../deploy/template.yaml");
const UPLOAD: &str = include_str!("../../deploy/upload-site.sh");

/// The headers the server adds to every answer (endpoint/src/site.rs, `security_headers`).
const SECURITY: [&str; 6] = [
    "content-security-policy",
    "x-content-type-options",
    "referrer-policy",
    "strict-transport-security",
    "permissions-policy",
    "cross-origin-opener-policy",
];

/// A CloudFormation value: a plain string, or `!Sub` of one with `${AllowedOrigins}` replaced
/// as CloudFormation would with `origins`.
fn text(value: &Value, origins: &str) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Tagged(tagged) if tagged.tag == "!Sub" => tagged
            .value
            .as_str()
            .expect("!Sub of a string")
            .replace("${AllowedOrigins}", origins),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        other => panic!("unexpected value {other:?}"),
    }
}

/// The headers the template's ResponseHeadersPolicy sets, by lower-case name.
fn template_headers(origins: &str) -> BTreeMap<String, String> {
    let template: Value = serde_yaml::from_str(TEMPLATE).expect("template parses");
    let policy =
        &template["Resources"]["SecurityHeaders"]["Properties"]["ResponseHeadersPolicyConfig"];
    let security = &policy["SecurityHeadersConfig"];
    let mut headers = BTreeMap::new();
    for (name, config) in security.as_mapping().expect("SecurityHeadersConfig") {
        assert_eq!(config["Override"], Value::Bool(true), "{name:?} overrides");
        let (header, value) = match name.as_str().unwrap() {
            "ContentSecurityPolicy" => (
                "content-security-policy",
                text(&config["ContentSecurityPolicy"], origins),
            ),
            "ContentTypeOptions" => ("x-content-type-options", "nosniff".to_string()),
            "ReferrerPolicy" => ("referrer-policy", text(&config["ReferrerPolicy"], origins)),
            "StrictTransportSecurity" => {
                let mut value = format!(
                    "max-age={}",
                    text(&config["AccessControlMaxAgeSec"], origins)
                );
                if config["IncludeSubdomains"] == Value::Bool(true) {
                    value.push_str("; includeSubDomains");
                }
                if config["Preload"] == Value::Bool(true) {
                    value.push_str("; preload");
                }
                ("strict-transport-security", value)
            }
            // X-Frame-Options, X-XSS-Protection: the server sends neither (CSP frame-ancestors
            // replaces the first; the second is obsolete): the template must not either.
            other => panic!("the template sets {other}, which the local server does not send"),
        };
        headers.insert(header.to_string(), value);
    }
    for item in policy["CustomHeadersConfig"]["Items"]
        .as_sequence()
        .unwrap()
    {
        headers.insert(
            text(&item["Header"], origins).to_ascii_lowercase(),
            text(&item["Value"], origins),
        );
    }
    headers
}

/// Spaces as a browser reads a header value: a trailing space (an empty origin list after
/// `'self'`) or doubled spaces mean nothing.
fn normal(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn cloudfront_sends_the_local_servers_security_headers() {
    let server = start(|config| config.trust_proxy = true).await;
    let template = template_headers(PARTNER);
    for path in ["/", "/fr/regions/estrie/", "/eer-web-1a2b3c4d5e6f7a8b.js"] {
        let response = server
            .client
            .get(server.url(path))
            .header("x-forwarded-proto", "https")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{path}");
        for name in SECURITY {
            let local = response
                .headers()
                .get(name)
                .unwrap_or_else(|| panic!("{path}: the server sends no {name}"))
                .to_str()
                .unwrap();
            let deployed = template
                .get(name)
                .unwrap_or_else(|| panic!("deploy/template.yaml sets no {name}"));
            assert_eq!(normal(deployed), normal(local), "{name} on {path}");
        }
    }
    assert_eq!(
        template
            .keys()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .len(),
        SECURITY.len(),
        "the template sets exactly the server's security headers: {template:?}"
    );
    // Without partner origins, frame-ancestors is 'self' alone on both sides.
    assert!(
        normal(&template_headers("")["content-security-policy"])
            .ends_with("frame-ancestors 'self'")
    );
}

#[test]
fn every_behaviour_of_the_distribution_carries_the_headers() {
    let template: Value = serde_yaml::from_str(TEMPLATE).unwrap();
    let config = &template["Resources"]["Distribution"]["Properties"]["DistributionConfig"];
    let mut behaviours = vec![&config["DefaultCacheBehavior"]];
    behaviours.extend(config["CacheBehaviors"].as_sequence().unwrap());
    for behaviour in behaviours {
        let policy = &behaviour["ResponseHeadersPolicyId"];
        match policy {
            Value::Tagged(tagged) => {
                assert_eq!(tagged.tag, "!Ref");
                assert_eq!(tagged.value.as_str(), Some("SecurityHeaders"));
            }
            other => panic!("a behaviour without the security headers policy: {other:?}"),
        }
    }
}

#[tokio::test]
async fn the_upload_gives_files_the_servers_cache_control() {
    let server = start(|_| {}).await;
    let cache = |path: &'static str| {
        let server = &server;
        async move {
            let response = server.client.get(server.url(path)).send().await.unwrap();
            response.headers()["cache-control"]
                .to_str()
                .unwrap()
                .to_string()
        }
    };
    let hashed = cache("/eer-web-1a2b3c4d5e6f7a8b.js").await;
    let html = cache("/").await;
    assert!(
        UPLOAD.contains(&format!("CACHE_HASHED=\"{hashed}\"")),
        "deploy/upload-site.sh: hashed files get {hashed:?}"
    );
    assert!(
        UPLOAD.contains(&format!("CACHE_OTHER=\"{html}\"")),
        "deploy/upload-site.sh: other files get {html:?}"
    );
    // The same test of a hashed name as the server's (src/site.rs, `is_hashed_asset`).
    assert!(UPLOAD.contains("-[0-9a-f]{16}(_bg)?\\.[A-Za-z0-9]+$"));
}
