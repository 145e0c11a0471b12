//! `POST /api/interest`, the export and the purge over real HTTP against real SQLite and PostgreSQL: every
//! error case, replays, the honeypot, origins, the rate limit, and parallel submissions.

mod common;

use std::collections::{HashMap, HashSet};

use common::{
    Backend, PARTNER, Postgres, Sqlite, TOKEN, example, key, on_postgres, rows, start, start_on,
};
use serde_json::{Value, json};

async fn error_of(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    assert_eq!(
        response.headers()["content-type"],
        "application/json",
        "errors are JSON"
    );
    let body: Value = response.json().await.unwrap();
    let error = body["error"].clone();
    assert!(
        error["code"].is_string() && error["message"].is_string(),
        "{body}"
    );
    (status, error)
}

#[tokio::test]
async fn created_then_replayed_then_key_reused_sqlite() {
    created_then_replayed_then_key_reused(Sqlite).await
}

#[tokio::test]
async fn created_then_replayed_then_key_reused_postgres() {
    if on_postgres() {
        created_then_replayed_then_key_reused(Postgres).await
    }
}

async fn created_then_replayed_then_key_reused(backend: Backend) {
    let server = start_on(backend, |_| {}).await;
    let body = example();
    let first = server.post(&key(1), &body).await;
    assert_eq!(first.status(), 201);
    let receipt: Value = first.json().await.unwrap();
    assert_eq!(receipt["reference"], "EER-000001");
    assert_eq!(receipt["organisation"], "promis");
    let at = receipt["received_at"].as_str().unwrap();
    assert!(at.len() == 20 && at.ends_with('Z'), "{at}");
    assert_eq!(receipt.as_object().unwrap().len(), 3);

    // Same key, same payload (even re-spaced): the same receipt, 200.
    let replay = server
        .client
        .post(server.url("/api/interest"))
        .header("content-type", "application/json; charset=utf-8")
        .header("idempotency-key", key(1))
        .body(serde_json::to_string_pretty(&body).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 200);
    assert_eq!(replay.json::<Value>().await.unwrap(), receipt);

    // Same key, another payload: 422.
    let mut other = body.clone();
    other["contact"]["first_name"] = json!("Karim");
    let (status, error) = error_of(server.post(&key(1), &other).await).await;
    assert_eq!(
        (status, error["code"].as_str().unwrap()),
        (422, "idempotency_key_reused")
    );

    // The next one goes to the next organisation.
    let second: Value = server.post(&key(2), &other).await.json().await.unwrap();
    assert_eq!(second["reference"], "EER-000002");
    assert_eq!(second["organisation"], "collectif");

    let csv = rows(&server.csv().await);
    assert_eq!(csv.len(), 2, "one record per key");
    assert_eq!(csv[0]["first_name"], "Amina");
    assert_eq!(csv[0]["regions"], "05 02 17");
    assert_eq!(csv[0]["phone"], "514 555-0123");
}

#[tokio::test]
async fn every_client_error_has_its_status() {
    let server = start(|_| {}).await;
    let post = |content_type: Option<&'static str>, key: Option<&'static str>, body: String| {
        let mut request = server.client.post(server.url("/api/interest")).body(body);
        if let Some(ct) = content_type {
            request = request.header("content-type", ct);
        }
        if let Some(k) = key {
            request = request.header("idempotency-key", k);
        }
        request.send()
    };
    let good = example().to_string();
    let k = Some("abcdefghijklmnop-0001");
    let json = Some("application/json");

    let cases: Vec<(&str, reqwest::Response, u16, &str)> = vec![
        (
            "malformed JSON",
            post(json, k, "{\"schema\": 1,".into()).await.unwrap(),
            400,
            "malformed_json",
        ),
        (
            "empty body",
            post(json, k, String::new()).await.unwrap(),
            400,
            "malformed_json",
        ),
        (
            "no key",
            post(json, None, good.clone()).await.unwrap(),
            400,
            "idempotency_key",
        ),
        (
            "short key",
            post(json, Some("short"), good.clone()).await.unwrap(),
            400,
            "idempotency_key",
        ),
        (
            "bad key",
            post(json, Some("abcdefghijklmnop/0001"), good.clone())
                .await
                .unwrap(),
            400,
            "idempotency_key",
        ),
        (
            "too large",
            post(
                json,
                k,
                format!("{{\"pad\":\"{}\"}}", "x".repeat(33 * 1024)),
            )
            .await
            .unwrap(),
            413,
            "too_large",
        ),
        (
            "text/plain",
            post(Some("text/plain"), k, good.clone()).await.unwrap(),
            415,
            "unsupported_media_type",
        ),
        (
            "form encoded",
            post(Some("application/x-www-form-urlencoded"), k, good.clone())
                .await
                .unwrap(),
            415,
            "unsupported_media_type",
        ),
        (
            "no content type",
            post(None, k, good.clone()).await.unwrap(),
            415,
            "unsupported_media_type",
        ),
        (
            "not an object",
            post(json, k, "[1,2]".into()).await.unwrap(),
            422,
            "invalid_fields",
        ),
    ];
    for (what, response, status, code) in cases {
        let (got, error) = error_of(response).await;
        assert_eq!(
            (got, error["code"].as_str().unwrap()),
            (status, code),
            "{what}"
        );
        let text = error.to_string();
        for leak in ["sqlite", "serde", "panicked", "src/", "line "] {
            assert!(!text.contains(leak), "{what}: internal detail in {text}");
        }
    }
    // Nothing of the above was stored.
    assert!(rows(&server.csv().await).is_empty());
}

#[tokio::test]
async fn invalid_fields_are_all_named_in_the_forms_language() {
    let server = start(|_| {}).await;
    let mut body = example();
    body["lang"] = json!("en");
    body["contact"]["email"] = json!("amina.example.com");
    body["contact"]["last_name"] = json!("");
    body["situation"]["adults"] = json!(0);
    body["situation"]["children"] = json!("one");
    body["project"]["regions"] = json!(["06", "13", "05"]);
    body["consent"]["contact"] = json!(false);
    body["answers"] = json!("email=amina@example.com");
    let (status, error) = error_of(server.post(&key(1), &body).await).await;
    assert_eq!(status, 422);
    assert_eq!(error["code"], "invalid_fields");
    let fields: HashMap<String, (String, String)> = error["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_string(),
                (
                    f["code"].as_str().unwrap().to_string(),
                    f["message"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect();
    let expected = [
        "contact.email",
        "contact.last_name",
        "situation.adults",
        "situation.children",
        "project.regions[0]",
        "project.regions[1]",
        "consent.contact",
        "answers",
    ];
    assert_eq!(fields.len(), expected.len(), "{fields:?}");
    for field in expected {
        assert!(
            fields.contains_key(field),
            "{field} missing from {fields:?}"
        );
    }
    assert_eq!(
        fields["contact.email"],
        (
            "invalid".into(),
            "Enter an email address like name@example.com.".into()
        )
    );
    assert_eq!(fields["situation.children"].0, "type");

    body["lang"] = json!("fr");
    let (_, error) = error_of(server.post(&key(1), &body).await).await;
    let email = error["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "contact.email")
        .unwrap()
        .clone();
    assert_eq!(
        email["message"],
        "Entrez une adresse courriel comme nom@exemple.com."
    );
    assert_eq!(error["message"], "Certains champs sont à corriger.");

    // A body of the right shape with only a bad value gets the same kind of answer.
    let mut body = example();
    body["contact"]["email"] = json!("amina@");
    let (status, error) = error_of(server.post(&key(1), &body).await).await;
    assert_eq!(status, 422);
    assert_eq!(
        error["fields"],
        json!([{"field": "contact.email", "code": "invalid",
        "message": "Entrez une adresse courriel comme nom@exemple.com."}])
    );

    // A 422 stores nothing, so the same key can carry the corrected form.
    assert_eq!(server.post(&key(1), &example()).await.status(), 201);
}

#[tokio::test]
async fn the_honeypot_looks_like_success_and_is_stored_as_spam_sqlite() {
    the_honeypot_looks_like_success_and_is_stored_as_spam(Sqlite).await
}

#[tokio::test]
async fn the_honeypot_looks_like_success_and_is_stored_as_spam_postgres() {
    if on_postgres() {
        the_honeypot_looks_like_success_and_is_stored_as_spam(Postgres).await
    }
}

async fn the_honeypot_looks_like_success_and_is_stored_as_spam(backend: Backend) {
    let server = start_on(backend, |_| {}).await;
    let mut bot = example();
    bot["website"] = json!("https://cheap-pills.example");
    let response = server.post(&key(1), &bot).await;
    assert_eq!(response.status(), 201);
    let receipt: Value = response.json().await.unwrap();
    assert_eq!(receipt["organisation"], "promis");
    // Spam does not take a turn: the next real one is still PROMIS's.
    let real: Value = server.post(&key(2), &example()).await.json().await.unwrap();
    assert_eq!(real["organisation"], "promis");
    let csv = rows(&server.csv().await);
    assert_eq!(csv.len(), 2, "spam is kept, never dropped");
    assert_eq!(
        (csv[0]["spam"].as_str(), csv[1]["spam"].as_str()),
        ("1", "0")
    );
    assert_eq!(csv[0]["reference"], receipt["reference"].as_str().unwrap());
}

#[tokio::test]
async fn origins_and_cors() {
    let server = start(|_| {}).await;
    let post = |origin: String, n: usize| {
        server
            .client
            .post(server.url("/api/interest"))
            .header("content-type", "application/json")
            .header("idempotency-key", key(n))
            .header("origin", origin)
            .body(example().to_string())
            .send()
    };
    let (status, error) = error_of(post("https://evil.example".into(), 1).await.unwrap()).await;
    assert_eq!(
        (status, error["code"].as_str().unwrap()),
        (403, "origin_not_allowed")
    );
    let (status, _) = error_of(post("null".into(), 2).await.unwrap()).await;
    assert_eq!(status, 403);

    let partner = post(PARTNER.into(), 3).await.unwrap();
    assert_eq!(partner.status(), 201);
    assert_eq!(partner.headers()["access-control-allow-origin"], PARTNER);
    assert!(
        partner.headers()["vary"]
            .to_str()
            .unwrap()
            .contains("Origin")
    );

    // Same origin is always allowed, configured or not.
    let same = post(format!("http://{}", server.addr), 4).await.unwrap();
    assert_eq!(same.status(), 201);
    assert!(same.headers().get("access-control-allow-origin").is_none());

    let preflight = |origin: &'static str| {
        server
            .client
            .request(reqwest::Method::OPTIONS, server.url("/api/interest"))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "content-type, idempotency-key",
            )
            .send()
    };
    let ok = preflight(PARTNER).await.unwrap();
    assert_eq!(ok.status(), 204);
    assert_eq!(ok.headers()["access-control-allow-origin"], PARTNER);
    assert_eq!(ok.headers()["access-control-allow-methods"], "POST");
    assert!(
        ok.headers()["access-control-allow-headers"]
            .to_str()
            .unwrap()
            .contains("idempotency-key")
    );
    assert_eq!(
        preflight("https://evil.example").await.unwrap().status(),
        403
    );
}

#[tokio::test]
async fn one_address_sending_too_much_gets_429_with_retry_after() {
    let server = start(|c| {
        c.rate_limit = eer_endpoint::config::RateLimit {
            burst: 3,
            per_hour: 60,
        }
    })
    .await;
    for n in 0..3 {
        assert_eq!(server.post(&key(n), &example()).await.status(), 201);
    }
    let response = server.post(&key(3), &example()).await;
    assert_eq!(response.status(), 429);
    let retry: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    let (_, error) = error_of(response).await;
    assert_eq!(error["code"], "rate_limited");
}

/// Issue 17, item 3: only a new form stored spends the allowance. Refused forms (a person
/// fixing a typo) and replays of a stored key (a tablet's outbox) do not, and a replay is
/// answered even once the allowance is used.
#[tokio::test]
async fn only_new_forms_stored_spend_the_allowance_sqlite() {
    only_new_forms_stored_spend_the_allowance(Sqlite).await
}

#[tokio::test]
async fn only_new_forms_stored_spend_the_allowance_postgres() {
    if on_postgres() {
        only_new_forms_stored_spend_the_allowance(Postgres).await
    }
}

async fn only_new_forms_stored_spend_the_allowance(backend: Backend) {
    let server = start_on(backend, |c| {
        c.rate_limit = eer_endpoint::config::RateLimit {
            burst: 2,
            per_hour: 1,
        }
    })
    .await;
    let mut typo = example();
    typo["contact"]["email"] = json!("amina.example.com");
    for n in 0..10 {
        assert_eq!(server.post(&key(100 + n), &typo).await.status(), 422);
    }
    let first = server.post(&key(1), &example()).await;
    assert_eq!(first.status(), 201);
    let receipt: Value = first.json().await.unwrap();
    for _ in 0..10 {
        assert_eq!(server.post(&key(1), &example()).await.status(), 200);
    }
    assert_eq!(server.post(&key(2), &example()).await.status(), 201);
    // The allowance is used: a new form waits…
    assert_eq!(server.post(&key(3), &example()).await.status(), 429);
    // …but the outbox's replay is still answered with its receipt, and a reused key is still
    // named as such.
    let replay = server.post(&key(1), &example()).await;
    assert_eq!(replay.status(), 200);
    assert_eq!(replay.json::<Value>().await.unwrap(), receipt);
    let mut other = example();
    other["contact"]["first_name"] = json!("Autre");
    let (status, error) = error_of(server.post(&key(1), &other).await).await;
    assert_eq!(
        (status, error["code"].as_str()),
        (422, Some("idempotency_key_reused"))
    );
}

/// Issue 17, item 4: real names in every script are stored as typed; names made of invisible
/// or direction-changing characters are refused and named.
#[tokio::test]
async fn names_in_every_script_pass_and_invisible_ones_do_not() {
    let server = start(|c| c.rate_limit.per_hour = 0).await;
    let fixture: Value =
        serde_json::from_str(include_str!("../../domain/tests/fixtures/real_names.json")).unwrap();
    let names = fixture["names"].as_array().unwrap();
    for (n, name) in names.iter().enumerate() {
        let mut body = example();
        body["contact"]["first_name"] = name["first"].clone();
        body["contact"]["last_name"] = name["last"].clone();
        let response = server.post(&key(n), &body).await;
        assert_eq!(response.status(), 201, "{}", name["script"]);
    }
    let stored = rows(&server.csv().await);
    for (row, name) in stored.iter().zip(names) {
        assert_eq!(row["first_name"], name["first"].as_str().unwrap());
        assert_eq!(row["last_name"], name["last"].as_str().unwrap());
    }
    for (n, bad) in fixture["refused"].as_array().unwrap().iter().enumerate() {
        let mut body = example();
        body["contact"]["first_name"] = bad.clone();
        let (status, error) = error_of(server.post(&key(100 + n), &body).await).await;
        assert_eq!(status, 422, "{bad}");
        assert_eq!(error["fields"][0]["field"], "contact.first_name", "{bad}");
    }
}

/// Issue 17, item 9: a UTF-8 byte-order mark before the JSON is ignored.
#[tokio::test]
async fn a_byte_order_mark_before_the_json_is_ignored() {
    let server = start(|_| {}).await;
    let post = |body: Vec<u8>| {
        server
            .client
            .post(server.url("/api/interest"))
            .header("content-type", "application/json; charset=utf-8")
            .header("idempotency-key", key(1))
            .body(body)
            .send()
    };
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), example().to_string().as_bytes()].concat();
    let first = post(with_bom).await.unwrap();
    assert_eq!(first.status(), 201);
    // The same form without the mark is the same form: a replay.
    let again = post(example().to_string().into_bytes()).await.unwrap();
    assert_eq!(again.status(), 200);
    // A mark before something that is not JSON is still a 400.
    let (status, error) = error_of(post(b"\xEF\xBB\xBF{nope".to_vec()).await.unwrap()).await;
    assert_eq!(
        (status, error["code"].as_str()),
        (400, Some("malformed_json"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_parallel_submissions_are_each_stored_once_sqlite() {
    many_parallel_submissions_are_each_stored_once(Sqlite).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_parallel_submissions_are_each_stored_once_postgres() {
    if on_postgres() {
        many_parallel_submissions_are_each_stored_once(Postgres).await
    }
}

async fn many_parallel_submissions_are_each_stored_once(backend: Backend) {
    let server = std::sync::Arc::new(start_on(backend, |c| c.rate_limit.per_hour = 0).await);
    const N: usize = 300;
    let mut tasks = Vec::new();
    // Every form is sent twice at the same moment (a double tap, an outbox replay racing the
    // original): both must get the same receipt, one 201 and one 200.
    for n in 0..N {
        for _ in 0..2 {
            let server = server.clone();
            tasks.push(tokio::spawn(async move {
                let mut body = example();
                body["contact"]["email"] = json!(format!("person{n}@example.com"));
                let response = server.post(&key(n), &body).await;
                let status = response.status().as_u16();
                (n, status, response.json::<Value>().await.unwrap())
            }));
        }
    }
    let mut by_key: HashMap<usize, Vec<(u16, Value)>> = HashMap::new();
    for task in tasks {
        let (n, status, body) = task.await.unwrap();
        by_key.entry(n).or_default().push((status, body));
    }
    let mut references = HashSet::new();
    for (n, answers) in &by_key {
        let mut statuses: Vec<u16> = answers.iter().map(|(s, _)| *s).collect();
        statuses.sort();
        assert_eq!(statuses, [200, 201], "key {n}");
        assert_eq!(answers[0].1, answers[1].1, "key {n}: same receipt");
        assert!(references.insert(answers[0].1["reference"].as_str().unwrap().to_string()));
    }
    let csv = rows(&server.csv().await);
    assert_eq!(csv.len(), N, "each stored exactly once");
    let emails: HashSet<&str> = csv.iter().map(|r| r["email"].as_str()).collect();
    assert_eq!(emails.len(), N);
    let mut per_org: HashMap<&str, usize> = HashMap::new();
    for row in &csv {
        *per_org.entry(row["organisation"].as_str()).or_default() += 1;
    }
    assert_eq!(
        per_org,
        HashMap::from([("promis", 100), ("collectif", 100), ("inici", 100)])
    );
}

#[tokio::test]
async fn export_needs_the_token_and_neutralises_formulas_sqlite() {
    export_needs_the_token_and_neutralises_formulas(Sqlite).await
}

#[tokio::test]
async fn export_needs_the_token_and_neutralises_formulas_postgres() {
    if on_postgres() {
        export_needs_the_token_and_neutralises_formulas(Postgres).await
    }
}

async fn export_needs_the_token_and_neutralises_formulas(backend: Backend) {
    let server = start_on(backend, |_| {}).await;
    let mut body = example();
    body["contact"]["first_name"] = json!("=HYPERLINK(\"http://evil.example\",\"x\")");
    body["contact"]["last_name"] = json!("@SUM(A1)");
    body["contact"]["phone"] = json!("+1 514 555-0123");
    body["situation"]["occupation"] = json!("-2+3");
    body["message"] = json!("Bonjour,\n\"citation\"; virgule");
    assert_eq!(server.post(&key(1), &body).await.status(), 201);
    assert_eq!(server.post(&key(2), &example()).await.status(), 201);

    let url = server.url("/api/submissions.csv");
    let (status, _) = error_of(server.client.get(&url).send().await.unwrap()).await;
    assert_eq!(status, 401);
    let response = server
        .client
        .get(&url)
        .bearer_auth("wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    assert!(
        response.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Bearer")
    );

    let response = server
        .client
        .get(&url)
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert_eq!(response.headers()["cache-control"], "no-store");
    let csv = rows(&response.text().await.unwrap());
    assert_eq!(
        csv[0]["first_name"],
        "'=HYPERLINK(\"http://evil.example\",\"x\")"
    );
    assert_eq!(csv[0]["last_name"], "'@SUM(A1)");
    assert_eq!(csv[0]["phone"], "'+1 514 555-0123");
    assert_eq!(csv[0]["occupation"], "'-2+3");
    assert_eq!(csv[0]["message"], "Bonjour,\n\"citation\"; virgule");
    assert_eq!(csv[0]["consent_contact"], "1");

    let only = server
        .client
        .get(format!("{url}?organisation=collectif"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    let only = rows(&only.text().await.unwrap());
    assert_eq!(only.len(), 1);
    assert_eq!(only[0]["reference"], "EER-000002");
    // Anything but a known code is refused, the empty value included (it once exported
    // every row, as if no filter had been given).
    for query in [
        "organisation=nobody",
        "organisation=",
        "organisation=promis&organisation=inici",
    ] {
        let bad = server
            .client
            .get(format!("{url}?{query}"))
            .bearer_auth(TOKEN)
            .send()
            .await
            .unwrap();
        let (status, error) = error_of(bad).await;
        assert_eq!(status, 400, "{query}");
        assert_eq!(error["code"], "bad_query", "{query}");
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .contains("promis, collectif ou inici"),
            "{query}: {error}"
        );
    }

    let disabled = start(|c| c.export_token = None).await;
    let response = disabled
        .client
        .get(disabled.url("/api/submissions.csv"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn purge_command_deletes_what_is_past_retention_sqlite() {
    purge_command_deletes_what_is_past_retention(Sqlite).await
}

#[tokio::test]
async fn purge_command_deletes_what_is_past_retention_postgres() {
    if on_postgres() {
        purge_command_deletes_what_is_past_retention(Postgres).await
    }
}

async fn purge_command_deletes_what_is_past_retention(backend: Backend) {
    let server = start_on(backend, |_| {}).await;
    for n in 0..3 {
        assert_eq!(server.post(&key(n), &example()).await.status(), 201);
    }
    let data_dir = server.dir.path().join("data");
    // A year of retention keeps today's submissions…
    let output = server
        .command()
        .args(["purge", "--data-dir"])
        .arg(&data_dir)
        .args(["--retention-days", "365"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("purged 0 submissions"));
    // Issue 17, item 8: below the 30-day floor, purge refuses and says how to insist, by flag
    // or by variable, and nothing is deleted.
    for (args, env) in [
        (&["--retention-days", "0"][..], None),
        (&[][..], Some("29")),
    ] {
        let output = server
            .command()
            .args(["purge", "--data-dir"])
            .arg(&data_dir)
            .args(args)
            .envs(env.map(|days| ("EER_RETENTION_DAYS", days)))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("below the minimum of 30") && stderr.contains("--force-retention"),
            "{stderr}"
        );
    }
    assert_eq!(rows(&server.csv().await).len(), 3, "nothing was purged");
    // `serve` refuses it too (it would announce it at /api/config).
    let output = server
        .command()
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(&data_dir)
        .env("EER_RETENTION_DAYS", "7")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    // …and zero days, forced, removes them, while the server keeps running on the same file.
    let output = server
        .command()
        .args(["purge", "--force-retention", "--data-dir"])
        .arg(&data_dir)
        .env("EER_RETENTION_DAYS", "0")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("purged 3 submissions"),
        "{output:?}"
    );
    assert!(rows(&server.csv().await).is_empty());
    // Reference numbers are never reused after a purge.
    let next: Value = server.post(&key(9), &example()).await.json().await.unwrap();
    assert_eq!(next["reference"], "EER-000004");
}

#[tokio::test]
async fn a_streamed_body_over_the_limit_is_413() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server = start(|_| {}).await;
    let mut stream = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    // Chunked: no Content-Length to refuse up front, so the limit must hold while reading.
    let chunk = "x".repeat(8192);
    let mut request = format!(
        "POST /api/interest HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n\
         Idempotency-Key: abcdefghijklmnop-0001\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        server.addr
    );
    for _ in 0..5 {
        request.push_str(&format!("{:x}\r\n{chunk}\r\n", chunk.len()));
    }
    request.push_str("0\r\n\r\n");
    // The server may answer and close before reading everything: a failed write is fine.
    let _ = stream.write_all(request.as_bytes()).await;
    let mut response = Vec::new();
    let _ = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        stream.read_to_end(&mut response),
    )
    .await;
    let response = String::from_utf8_lossy(&response);
    assert!(response.starts_with("HTTP/1.1 413"), "{response}");
    assert!(response.contains("\"too_large\""), "{response}");
}

#[tokio::test]
async fn guessing_the_export_token_is_rate_limited() {
    let server = start(|c| {
        c.rate_limit = eer_endpoint::config::RateLimit {
            burst: 2,
            per_hour: 60,
        }
    })
    .await;
    let url = server.url("/api/submissions.csv");
    let guess = || server.client.get(&url).bearer_auth("guess").send();
    assert_eq!(guess().await.unwrap().status(), 401);
    assert_eq!(guess().await.unwrap().status(), 401);
    let limited = guess().await.unwrap();
    assert_eq!(limited.status(), 429);
    assert!(limited.headers().contains_key("retry-after"));
    // The right token is never limited.
    assert_eq!(
        server
            .client
            .get(&url)
            .bearer_auth(TOKEN)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}
