//! The Lambda function driven the way the Lambda runtime drives it: an event document as AWS
//! sends it (tests/fixtures/lambda/, shaped like AWS's documented samples) goes through
//! `Function::handle` — the code `eer-lambda` runs — and the JSON it returns is read back the
//! way API Gateway and function URLs read it (status, headers, base64 body). Every case runs
//! for the three HTTP event kinds: API Gateway HTTP API (payload 2.0), a function URL (2.0,
//! body base64-encoded) and API Gateway REST (1.0, on a named stage).
//!
//! The store comes from `store::open`, as in the function: PostgreSQL, a fresh database per
//! test on the server of `EER_TEST_DATABASE_URL` (required: without it the tests fail, unless
//! `EER_TEST_SKIP_POSTGRES=1` lets them run on a temporary SQLite file instead).

mod common;

use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use eer_endpoint::config::Config;
use eer_endpoint::lambda::{EventKind, Function, kind_of};
use eer_endpoint::store::{self, NewSubmission};
use eer_endpoint::time::{DAY_MS, now_ms};
use lambda_http::{Context, LambdaEvent};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tempfile::TempDir;

const TOKEN: &str = "lambda-export-token-0123456789";

#[derive(Debug, Clone, Copy)]
enum Kind {
    HttpApi,
    FunctionUrl,
    Rest,
}

const KINDS: [Kind; 3] = [Kind::HttpApi, Kind::FunctionUrl, Kind::Rest];

impl Kind {
    fn fixture(self) -> Value {
        let text = match self {
            Kind::HttpApi => include_str!("fixtures/lambda/http-api-v2.json"),
            Kind::FunctionUrl => include_str!("fixtures/lambda/function-url.json"),
            Kind::Rest => include_str!("fixtures/lambda/rest-v1.json"),
        };
        serde_json::from_str(text).expect("fixture is JSON")
    }

    /// The fixture with this request's method, path, extra headers and body, each where AWS
    /// puts it in that payload format.
    fn event(
        self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> Value {
        let mut event = self.fixture();
        let proxy = path.strip_prefix("/api/").unwrap_or(path);
        match self {
            Kind::HttpApi | Kind::FunctionUrl => {
                event["rawPath"] = json!(path);
                event["requestContext"]["http"]["method"] = json!(method);
                event["requestContext"]["http"]["path"] = json!(path);
                if let Kind::HttpApi = self {
                    event["pathParameters"]["proxy"] = json!(proxy);
                }
                // Payload 2.0: lower-case names, one value each.
                let map = event["headers"].as_object_mut().unwrap();
                map.remove("content-length");
                for (name, value) in headers {
                    map.insert(name.to_ascii_lowercase(), json!(value));
                }
            }
            Kind::Rest => {
                event["path"] = json!(path);
                event["httpMethod"] = json!(method);
                event["pathParameters"]["proxy"] = json!(proxy);
                event["requestContext"]["httpMethod"] = json!(method);
                event["requestContext"]["path"] = json!(format!("/prod{path}"));
                // Payload 1.0: the names as the client sent them, in `headers` (last value)
                // and `multiValueHeaders` (all values).
                for (name, value) in headers {
                    for field in ["headers", "multiValueHeaders"] {
                        let map = event[field].as_object_mut().unwrap();
                        map.retain(|k, _| !k.eq_ignore_ascii_case(name));
                        let value = if field == "headers" {
                            json!(value)
                        } else {
                            json!([value])
                        };
                        map.insert((*name).to_string(), value);
                    }
                }
            }
        }
        let base64 = matches!(self, Kind::FunctionUrl);
        match body {
            None => {
                event["body"] = Value::Null;
                event["isBase64Encoded"] = json!(false);
            }
            Some(bytes) if base64 => {
                event["body"] = json!(STANDARD.encode(bytes));
                event["isBase64Encoded"] = json!(true);
            }
            Some(bytes) => {
                event["body"] = json!(std::str::from_utf8(bytes).unwrap());
                event["isBase64Encoded"] = json!(false);
            }
        }
        event
    }
}

/// What API Gateway or the function URL makes of the function's answer.
#[derive(Debug)]
struct Answer {
    status: u16,
    headers: HashMap<String, String>,
    body: String,
}

impl Answer {
    fn read(document: Value) -> Answer {
        let status = document["statusCode"].as_u64().expect("statusCode") as u16;
        let mut headers = HashMap::new();
        if let Some(map) = document["headers"].as_object() {
            for (name, value) in map {
                headers.insert(
                    name.to_ascii_lowercase(),
                    value.as_str().unwrap().to_string(),
                );
            }
        }
        if let Some(map) = document["multiValueHeaders"].as_object() {
            for (name, values) in map {
                let joined: Vec<&str> = values
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap())
                    .collect();
                headers.insert(name.to_ascii_lowercase(), joined.join(", "));
            }
        }
        let text = document["body"].as_str().unwrap_or_default();
        let body = if document["isBase64Encoded"] == json!(true) {
            String::from_utf8(STANDARD.decode(text).expect("base64 body")).unwrap()
        } else {
            text.to_string()
        };
        Answer {
            status,
            headers,
            body,
        }
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .map(String::as_str)
            .unwrap_or_else(|| panic!("no {name} in {:?}", self.headers))
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("JSON body")
    }
}

/// A function as a container starts it, on the test store (the one place that picks it).
struct Harness {
    function: Function,
    config: Config,
    _dir: TempDir,
}

async fn function(vars: &[(&str, &str)]) -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let mut map: HashMap<String, String> = [
        (
            "EER_DATA_DIR",
            dir.path().join("data").display().to_string(),
        ),
        ("EER_EXPORT_TOKEN", TOKEN.to_string()),
        ("EER_TRUST_PROXY", "1".to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    // The function's store is PostgreSQL, as on Lambda: a fresh database on the test server
    // (required, see common::on_postgres); SQLite only when EER_TEST_SKIP_POSTGRES=1 says so.
    if common::on_postgres() {
        map.insert("EER_DATABASE_URL".into(), common::fresh_database().await);
    }
    for (name, value) in vars {
        map.insert(name.to_string(), value.to_string());
    }
    let config = Config::from_vars(|name| map.get(name).cloned()).unwrap();
    let function = Function::from_config(config.clone())
        .await
        .expect("the function starts");
    Harness {
        function,
        config,
        _dir: dir,
    }
}

impl Harness {
    async fn invoke(&self, event: Value) -> Answer {
        let answer = self
            .function
            .handle(LambdaEvent::new(event, Context::default()))
            .await
            .expect("the invocation succeeds");
        Answer::read(answer)
    }

    async fn post(&self, kind: Kind, key: &str, content_type: &str, body: &[u8]) -> Answer {
        let headers = [("Content-Type", content_type), ("Idempotency-Key", key)];
        self.invoke(kind.event("POST", "/api/interest", &headers, Some(body)))
            .await
    }

    async fn post_form(&self, kind: Kind, key: &str, form: &Value) -> Answer {
        self.post(kind, key, "application/json", form.to_string().as_bytes())
            .await
    }

    async fn export(&self, kind: Kind, authorization: Option<&str>) -> Answer {
        let headers: Vec<(&str, &str)> = authorization
            .map(|a| vec![("Authorization", a)])
            .unwrap_or_default();
        self.invoke(kind.event("GET", "/api/submissions.csv", &headers, None))
            .await
    }
}

fn example() -> Value {
    serde_json::from_str(include_str!("../examples/interest.json")).unwrap()
}

/// A key no other test or run uses (the PostgreSQL database may be shared).
fn key(kind: Kind, case: &str) -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("lambda-{kind:?}-{case}-{}-{nanos}", std::process::id())
}

#[tokio::test]
async fn a_form_is_stored_once_replayed_and_a_reused_key_refused_on_every_event_kind() {
    for kind in KINDS {
        let harness = function(&[]).await;
        let key = key(kind, "once");
        let created = harness.post_form(kind, &key, &example()).await;
        assert_eq!(created.status, 201, "{kind:?}: {}", created.body);
        assert!(
            created.json()["reference"]
                .as_str()
                .unwrap()
                .starts_with("EER-")
        );
        assert!(
            created
                .header("content-type")
                .starts_with("application/json")
        );
        assert_eq!(created.header("cache-control"), "no-store", "{kind:?}");
        assert_eq!(created.header("x-content-type-options"), "nosniff");
        // AWS's endpoints are HTTPS: the answer says so to the browser.
        assert_eq!(
            created.header("strict-transport-security"),
            "max-age=31536000"
        );

        let replayed = harness.post_form(kind, &key, &example()).await;
        assert_eq!(replayed.status, 200, "{kind:?}: {}", replayed.body);
        assert_eq!(
            replayed.json(),
            created.json(),
            "{kind:?}: the same receipt"
        );

        let mut other = example();
        other["message"] = json!("Un autre message.");
        let reused = harness.post_form(kind, &key, &other).await;
        assert_eq!(reused.status, 422, "{kind:?}: {}", reused.body);
    }
}

#[tokio::test]
async fn bad_requests_get_their_own_status_on_every_event_kind() {
    for kind in KINDS {
        let harness = function(&[]).await;
        let bad_json = harness
            .post(
                kind,
                &key(kind, "json"),
                "application/json",
                b"{\"lang\": \"fr\",",
            )
            .await;
        assert_eq!(bad_json.status, 400, "{kind:?}: {}", bad_json.body);
        assert!(
            bad_json
                .header("content-type")
                .starts_with("application/json")
        );

        let no_key = harness
            .invoke(kind.event(
                "POST",
                "/api/interest",
                &[("Content-Type", "application/json")],
                Some(example().to_string().as_bytes()),
            ))
            .await;
        assert_eq!(no_key.status, 400, "{kind:?}: no Idempotency-Key");

        let mut invalid = example();
        invalid["contact"]["email"] = json!("pas une adresse");
        let invalid = harness
            .post_form(kind, &key(kind, "invalid"), &invalid)
            .await;
        assert_eq!(invalid.status, 422, "{kind:?}: {}", invalid.body);

        let mut large = example();
        large["message"] = json!("a".repeat(40 * 1024));
        let large = harness.post_form(kind, &key(kind, "large"), &large).await;
        assert_eq!(large.status, 413, "{kind:?}: {}", large.body);

        let text = harness
            .post(
                kind,
                &key(kind, "type"),
                "text/plain",
                example().to_string().as_bytes(),
            )
            .await;
        assert_eq!(text.status, 415, "{kind:?}: {}", text.body);
    }
}

#[tokio::test]
async fn an_address_over_its_allowance_gets_429_on_every_event_kind() {
    for kind in KINDS {
        // The limit is per container (deploy/README.md): this one lets an address store two.
        let harness = function(&[
            ("EER_RATE_LIMIT_BURST", "2"),
            ("EER_RATE_LIMIT_PER_HOUR", "1"),
        ])
        .await;
        let first = key(kind, "rate1");
        for key in [first.clone(), key(kind, "rate2")] {
            let answer = harness.post_form(kind, &key, &example()).await;
            assert_eq!(answer.status, 201, "{kind:?}: {}", answer.body);
        }
        let limited = harness
            .post_form(kind, &key(kind, "rate3"), &example())
            .await;
        assert_eq!(limited.status, 429, "{kind:?}: {}", limited.body);
        assert!(limited.header("retry-after").parse::<u64>().unwrap() > 0);
        // The app's outbox may still learn that its first form was stored.
        let replay = harness.post_form(kind, &first, &example()).await;
        assert_eq!(replay.status, 200, "{kind:?}");
    }
}

#[tokio::test]
async fn the_export_answers_the_token_holder_on_every_event_kind() {
    for kind in KINDS {
        let harness = function(&[]).await;
        let created = harness
            .post_form(kind, &key(kind, "export"), &example())
            .await;
        assert_eq!(created.status, 201);
        let reference = created.json()["reference"].as_str().unwrap().to_string();

        let csv = harness.export(kind, Some(&format!("Bearer {TOKEN}"))).await;
        assert_eq!(csv.status, 200, "{kind:?}: {}", csv.body);
        assert!(
            csv.header("content-type").starts_with("text/csv"),
            "{kind:?}"
        );
        assert_eq!(csv.header("cache-control"), "no-store");
        assert!(
            csv.body.contains(&reference),
            "{kind:?}: {reference} in the export"
        );
        assert!(csv.body.contains("amina.diallo@example.com"));

        let anonymous = harness.export(kind, None).await;
        assert_eq!(anonymous.status, 401, "{kind:?}");
        assert!(!anonymous.body.contains(&reference));
    }
}

#[tokio::test]
async fn the_scheduled_event_purges_what_is_past_the_retention_period() {
    let scheduled: Value =
        serde_json::from_str(include_str!("fixtures/lambda/scheduled-event.json")).unwrap();
    assert_eq!(kind_of(&scheduled), EventKind::Scheduled);
    let harness = function(&[("EER_RETENTION_DAYS", "730")]).await;

    // A form received 800 days ago, written straight into the function's database.
    let store = store::open(&harness.config).await.unwrap();
    let form = example();
    let payload = form.to_string();
    let old_key = key(Kind::Rest, "old");
    let old = store
        .submit(NewSubmission {
            key: old_key,
            payload_sha256: format!("{:x}", Sha256::digest(payload.as_bytes())),
            payload,
            form: serde_json::from_value(form).unwrap(),
            spam: false,
            received_at_ms: now_ms() - 800 * DAY_MS,
        })
        .await
        .unwrap();
    let old_reference = match old {
        store::Outcome::Created(receipt) => receipt.reference,
        other => panic!("{other:?}"),
    };
    let fresh = harness
        .post_form(Kind::HttpApi, &key(Kind::HttpApi, "fresh"), &example())
        .await;
    assert_eq!(fresh.status, 201);
    let fresh_reference = fresh.json()["reference"].as_str().unwrap().to_string();
    let before = harness
        .export(Kind::HttpApi, Some(&format!("Bearer {TOKEN}")))
        .await;
    assert!(before.body.contains(&old_reference));

    let summary = harness
        .function
        .handle(LambdaEvent::new(scheduled, Context::default()))
        .await
        .expect("the scheduled invocation succeeds");
    assert!(summary["purged"].as_u64().unwrap() >= 1, "{summary}");
    assert_eq!(summary["retention_days"], 730);

    let after = harness
        .export(Kind::HttpApi, Some(&format!("Bearer {TOKEN}")))
        .await;
    assert!(!after.body.contains(&old_reference), "the old form is gone");
    assert!(
        after.body.contains(&fresh_reference),
        "the recent one stays"
    );
}

#[tokio::test]
async fn an_event_nobody_wired_is_refused_not_taken_for_http() {
    let harness = function(&[]).await;
    let mut other: Value =
        serde_json::from_str(include_str!("fixtures/lambda/scheduled-event.json")).unwrap();
    other["detail-type"] = json!("EC2 Instance State-change Notification");
    other["source"] = json!("aws.ec2");
    assert_eq!(kind_of(&other), EventKind::OtherEventBridge);
    let result = harness
        .function
        .handle(LambdaEvent::new(other, Context::default()))
        .await;
    assert!(result.is_err());
}

/// A form from `client`, through the same CloudFront edge server (130.176.98.12): API Gateway
/// appends that address after the one CloudFront wrote.
async fn post_through_edge(harness: &Harness, client: &str, case: &str) -> Answer {
    let forwarded = format!("{client}, 130.176.98.12");
    let key = key(Kind::HttpApi, case);
    let body = example().to_string();
    let event = Kind::HttpApi.event(
        "POST",
        "/api/interest",
        &[
            ("Content-Type", "application/json"),
            ("Idempotency-Key", key.as_str()),
            ("X-Forwarded-For", forwarded.as_str()),
        ],
        Some(body.as_bytes()),
    );
    harness.invoke(event).await
}

#[tokio::test]
async fn behind_cloudfront_each_viewer_has_its_own_allowance() {
    // Two visitors reach the API through the same CloudFront edge server (130.176.98.12):
    // API Gateway appends that address after the one CloudFront wrote.
    let one_each = [
        ("EER_RATE_LIMIT_BURST", "1"),
        ("EER_RATE_LIMIT_PER_HOUR", "1"),
    ];

    let mut harness = function(&one_each).await;
    harness.function = harness.function.with_proxy_hops(2);
    assert_eq!(
        post_through_edge(&harness, "192.0.2.10", "edge1")
            .await
            .status,
        201
    );
    assert_eq!(
        post_through_edge(&harness, "192.0.2.20", "edge2")
            .await
            .status,
        201
    );
    assert_eq!(
        post_through_edge(&harness, "192.0.2.20", "edge3")
            .await
            .status,
        429
    );

    // Counting the edge's address instead (one hop): the second visitor is refused.
    let harness = function(&one_each).await;
    assert_eq!(
        post_through_edge(&harness, "192.0.2.10", "edge4")
            .await
            .status,
        201
    );
    assert_eq!(
        post_through_edge(&harness, "192.0.2.20", "edge5")
            .await
            .status,
        429
    );
}
