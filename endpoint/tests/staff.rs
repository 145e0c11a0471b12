//! The staff operations (src/staff/) over real HTTP against the real SQLite and PostgreSQL stores: per
//! organisation tokens from a file of digests, reloaded when it changes; access, deletion and
//! the log, which names operations and references but never a person.

mod common;

use common::{Backend, Postgres, Server, Sqlite, example, key, on_postgres, rows, start, start_on};
use eer_endpoint::staff::tokens::digest_hex;
use serde_json::Value;

const PROMIS: &str = "staff-promis-token-0001";
const COLLECTIF: &str = "staff-collectif-token-0002";
const ADMIN: &str = "staff-admin-token-0003";

fn token_file(dir: &std::path::Path, lines: &[(&str, &str)]) -> std::path::PathBuf {
    let path = dir.join("staff-tokens");
    let text: String = lines
        .iter()
        .map(|(scope, token)| format!("{scope} {}\n", digest_hex(token)))
        .collect();
    std::fs::write(&path, text).unwrap();
    path
}

async fn staff(server: &Server, token: Option<&str>, method: &str, path: &str) -> (u16, Value) {
    let mut request = server
        .client
        .request(method.parse().unwrap(), server.url(path));
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let response = request.send().await.expect("request");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Two submissions: the first goes to PROMIS, the second to Le Collectif (the rotation).
async fn two_submissions(server: &Server) -> (String, String) {
    let mut refs = Vec::new();
    for n in 0..2 {
        let receipt: Value = server.post(&key(n), &example()).await.json().await.unwrap();
        refs.push(receipt["reference"].as_str().unwrap().to_string());
    }
    assert_ne!(refs[0], refs[1]);
    (refs[0].clone(), refs[1].clone())
}

#[tokio::test]
async fn each_organisation_sees_its_own_and_nothing_of_the_others_sqlite() {
    each_organisation_sees_its_own_and_nothing_of_the_others(Sqlite).await
}

#[tokio::test]
async fn each_organisation_sees_its_own_and_nothing_of_the_others_postgres() {
    if on_postgres() {
        each_organisation_sees_its_own_and_nothing_of_the_others(Postgres).await
    }
}

async fn each_organisation_sees_its_own_and_nothing_of_the_others(backend: Backend) {
    let tokens = tempfile::tempdir().unwrap();
    let file = token_file(
        tokens.path(),
        &[
            ("promis", PROMIS),
            ("collectif", COLLECTIF),
            ("admin", ADMIN),
        ],
    );
    let server = start_on(backend, |c| c.staff_tokens_file = Some(file.clone())).await;
    let (promis_ref, collectif_ref) = two_submissions(&server).await;
    let at = |r: &str| format!("/api/staff/submissions/{r}");

    // The right token: the whole submission.
    let (status, body) = staff(&server, Some(PROMIS), "GET", &at(&promis_ref)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["reference"], promis_ref.as_str());
    assert_eq!(body["organisation"], "promis");
    assert_eq!(
        body["form"]["contact"]["email"],
        example()["contact"]["email"]
    );

    // Another organisation's token: the same 404 as a reference that does not exist.
    let (status, other) = staff(&server, Some(COLLECTIF), "GET", &at(&promis_ref)).await;
    let (missing_status, missing) = staff(&server, Some(COLLECTIF), "GET", &at("EER-999999")).await;
    assert_eq!((status, missing_status), (404, 404));
    assert_eq!(other, missing, "nothing tells an existing reference apart");
    let (status, _) = staff(&server, Some(COLLECTIF), "DELETE", &at(&promis_ref)).await;
    assert_eq!(status, 404, "nor can it erase it");

    // The admin token sees all.
    let (status, _) = staff(&server, Some(ADMIN), "GET", &at(&collectif_ref)).await;
    assert_eq!(status, 200);

    // No token, a wrong one, a scheme in another case, a token in the address.
    let (status, body) = staff(&server, None, "GET", &at(&promis_ref)).await;
    assert_eq!(status, 401, "{body}");
    let (status, _) = staff(&server, Some("not-a-token"), "GET", &at(&promis_ref)).await;
    assert_eq!(status, 401);
    let (status, _) = staff(&server, Some(&digest_hex(PROMIS)), "GET", &at(&promis_ref)).await;
    assert_eq!(status, 401, "the digest in the file is not itself a token");
    let lower = server
        .client
        .get(server.url(&at(&promis_ref)))
        .header("authorization", format!("bearer {PROMIS}"))
        .send()
        .await
        .unwrap();
    assert_eq!(lower.status(), 200, "the scheme is case-insensitive");
    for query in [
        format!("?token={PROMIS}"),
        format!("?access_token={PROMIS}"),
    ] {
        let (status, body) =
            staff(&server, None, "GET", &format!("{}{query}", at(&promis_ref))).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(body["error"]["code"], "token_in_query");
        let (status, _) = staff(
            &server,
            Some(PROMIS),
            "GET",
            &format!("{}{query}", at(&promis_ref)),
        )
        .await;
        assert_eq!(status, 400, "refused even beside a good header");
    }

    // Readable text for a copy given to the person.
    let text = server
        .client
        .get(server.url(&at(&promis_ref)))
        .header("authorization", format!("Bearer {PROMIS}"))
        .header("accept", "text/plain")
        .send()
        .await
        .unwrap();
    assert!(
        text.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    let text = text.text().await.unwrap();
    assert!(text.contains(&format!("Reference: {promis_ref}")), "{text}");
    assert!(
        text.contains(example()["contact"]["email"].as_str().unwrap()),
        "{text}"
    );
}

#[tokio::test]
async fn deletion_erases_for_good_and_the_log_holds_no_personal_data_sqlite() {
    deletion_erases_for_good_and_the_log_holds_no_personal_data(Sqlite).await
}

#[tokio::test]
async fn deletion_erases_for_good_and_the_log_holds_no_personal_data_postgres() {
    if on_postgres() {
        deletion_erases_for_good_and_the_log_holds_no_personal_data(Postgres).await
    }
}

async fn deletion_erases_for_good_and_the_log_holds_no_personal_data(backend: Backend) {
    let tokens = tempfile::tempdir().unwrap();
    let file = token_file(tokens.path(), &[("promis", PROMIS), ("admin", ADMIN)]);
    let server = start_on(backend, |c| c.staff_tokens_file = Some(file.clone())).await;
    let (promis_ref, _) = two_submissions(&server).await;
    let at = format!("/api/staff/submissions/{promis_ref}");
    let email = example()["contact"]["email"].as_str().unwrap().to_string();

    let (status, _) = staff(&server, Some(PROMIS), "GET", &at).await;
    assert_eq!(status, 200);
    let (status, erased) = staff(&server, Some(PROMIS), "DELETE", &at).await;
    assert_eq!(status, 200, "{erased}");
    assert_eq!(erased["erased"]["reference"], promis_ref.as_str());
    assert_eq!(
        erased["erased"]["form"]["contact"]["email"],
        email.as_str(),
        "answers what was erased"
    );
    // Again: nothing left to erase; access finds nothing.
    let (status, _) = staff(&server, Some(PROMIS), "DELETE", &at).await;
    assert_eq!(status, 404);
    let (status, _) = staff(&server, Some(PROMIS), "GET", &at).await;
    assert_eq!(status, 404);
    // Gone from the export, and from the database file itself (no soft delete).
    let exported = rows(&server.csv().await);
    assert!(exported.iter().all(|r| r["reference"] != promis_ref));
    assert_eq!(exported.len(), 1);
    let left = server
        .count(&format!(
            "SELECT count(*) FROM submissions WHERE reference = '{promis_ref}'"
        ))
        .await;
    assert_eq!(left, 0);

    // The log: access, deletion, export — with the reference or the row count, no person.
    let (status, log) = staff(&server, Some(ADMIN), "GET", "/api/staff/log").await;
    assert_eq!(status, 200, "{log}");
    let entries = log["entries"].as_array().unwrap();
    let ops: Vec<_> = entries
        .iter()
        .map(|e| e["operation"].as_str().unwrap())
        .collect();
    assert_eq!(ops, ["access", "deletion", "export"], "{log}");
    assert_eq!(entries[0]["scope"], "promis");
    assert_eq!(entries[1]["reference"], promis_ref.as_str());
    assert_eq!(entries[2]["rows"], 1);
    let text = log.to_string();
    for personal in [&email, "Amina", "Diallo"] {
        assert!(!text.contains(personal), "the log names no one: {text}");
    }
    // An organisation's token reads only its own lines.
    let (_, own) = staff(&server, Some(PROMIS), "GET", "/api/staff/log").await;
    assert_eq!(own["entries"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn tokens_are_reloaded_when_the_file_changes() {
    let tokens = tempfile::tempdir().unwrap();
    let file = token_file(tokens.path(), &[("promis", PROMIS)]);
    let server = start(|c| c.staff_tokens_file = Some(file.clone())).await;
    let (promis_ref, _) = two_submissions(&server).await;
    let at = format!("/api/staff/submissions/{promis_ref}");
    assert_eq!(staff(&server, Some(PROMIS), "GET", &at).await.0, 200);
    // Rotation: the old token out, a new one in, no restart. (A longer file: the size
    // changes even where the modification time is coarse.)
    let rotated = "staff-promis-token-rotated-0004";
    let text = format!("# rotated\npromis {}\n", digest_hex(rotated));
    std::fs::write(&file, text).unwrap();
    assert_eq!(staff(&server, Some(PROMIS), "GET", &at).await.0, 401);
    assert_eq!(staff(&server, Some(rotated), "GET", &at).await.0, 200);
}

#[tokio::test]
async fn correction_is_validated_and_leaves_no_previous_value_behind_sqlite() {
    correction_is_validated_and_leaves_no_previous_value_behind(Sqlite).await
}

#[tokio::test]
async fn correction_is_validated_and_leaves_no_previous_value_behind_postgres() {
    if on_postgres() {
        correction_is_validated_and_leaves_no_previous_value_behind(Postgres).await
    }
}

async fn correction_is_validated_and_leaves_no_previous_value_behind(backend: Backend) {
    let tokens = tempfile::tempdir().unwrap();
    let file = token_file(
        tokens.path(),
        &[("promis", PROMIS), ("collectif", COLLECTIF)],
    );
    let server = start_on(backend, |c| c.staff_tokens_file = Some(file.clone())).await;
    let (promis_ref, _) = two_submissions(&server).await;
    let at = format!("/api/staff/submissions/{promis_ref}");
    let old_email = example()["contact"]["email"].as_str().unwrap().to_string();
    let patch = |token: &'static str, body: &'static str| {
        server
            .client
            .patch(server.url(&at))
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/json")
            .body(body)
            .send()
    };

    let (_, before) = staff(&server, Some(PROMIS), "GET", &at).await;
    assert_eq!(before["form"]["contact"]["email"], old_email.as_str());
    // The same domain rules as a new form: a bad email is named, nothing changes.
    let refused = patch(PROMIS, r#"{"contact":{"email":"not an email"}}"#)
        .await
        .unwrap();
    assert_eq!(refused.status(), 422);
    let refused: Value = refused.json().await.unwrap();
    assert_eq!(
        refused["error"]["fields"][0]["field"], "contact.email",
        "{refused}"
    );
    // Another organisation cannot correct it.
    assert_eq!(
        patch(COLLECTIF, r#"{"contact":{"email":"x@example.org"}}"#)
            .await
            .unwrap()
            .status(),
        404
    );

    let done = patch(
        PROMIS,
        r#"{"contact":{"email":"amina.new@example.org"},"message":null}"#,
    )
    .await
    .unwrap();
    assert_eq!(done.status(), 200);
    let (_, after) = staff(&server, Some(PROMIS), "GET", &at).await;
    assert_eq!(after["form"]["contact"]["email"], "amina.new@example.org");
    assert!(
        after["form"]["message"].is_null(),
        "a field removed by the patch"
    );
    assert_eq!(
        after["form"]["contact"]["first_name"], "Amina",
        "the other fields stay"
    );

    // The export has the corrected value and not the previous one, anywhere.
    let csv = server.csv().await;
    assert!(csv.contains("amina.new@example.org"));
    let row = rows(&csv)
        .into_iter()
        .find(|r| r["reference"] == promis_ref)
        .unwrap();
    assert_eq!(row["email"], "amina.new@example.org");
    let others = rows(&csv)
        .into_iter()
        .filter(|r| r["reference"] != promis_ref)
        .count();
    assert_eq!(
        csv.matches(&old_email).count(),
        others,
        "the old email only in the other form"
    );
    let kept = server
        .text(&format!(
            "SELECT payload FROM submissions WHERE reference = '{promis_ref}'"
        ))
        .await;
    assert!(
        !kept.contains(&old_email),
        "the previous value is not kept in the database"
    );

    let (_, log) = staff(&server, Some(PROMIS), "GET", "/api/staff/log").await;
    let ops: Vec<_> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["operation"].as_str().unwrap())
        .collect();
    assert_eq!(ops, ["access", "correction", "access"], "{log}");
    assert!(!log.to_string().contains("amina"), "{log}");
}

/// `eer-endpoint <args>` on the test server's database: (success, stdout, stderr).
fn cli(server: &Server, args: &[&str]) -> (bool, String, String) {
    let out = server
        .command()
        .args(args)
        .arg("--data-dir")
        .arg(server.dir.path().join("data"))
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[tokio::test]
async fn the_same_operations_on_the_command_line_sqlite() {
    the_same_operations_on_the_command_line(Sqlite).await
}

#[tokio::test]
async fn the_same_operations_on_the_command_line_postgres() {
    if on_postgres() {
        the_same_operations_on_the_command_line(Postgres).await
    }
}

async fn the_same_operations_on_the_command_line(backend: Backend) {
    let server = start_on(backend, |_| {}).await;
    let (promis_ref, collectif_ref) = two_submissions(&server).await;
    let email = example()["contact"]["email"].as_str().unwrap().to_string();

    let (ok, out, _) = cli(&server, &["access", &promis_ref]);
    assert!(ok && out.contains(&email), "{out}");
    let (ok, out, _) = cli(&server, &["access", &promis_ref, "--text"]);
    assert!(
        ok && out.contains(&format!("Reference: {promis_ref}")),
        "{out}"
    );
    // Scoped like a token: PROMIS does not see Le Collectif's.
    let (ok, _, err) = cli(&server, &["access", &collectif_ref, "--as", "promis"]);
    assert!(!ok && err.contains("no such submission"), "{err}");

    let (ok, _, err) = cli(
        &server,
        &["correct", &promis_ref, r#"{"contact":{"email":"bad"}}"#],
    );
    assert!(!ok && err.contains("contact.email"), "{err}");
    let (ok, out, _) = cli(
        &server,
        &[
            "correct",
            &promis_ref,
            r#"{"contact":{"email":"new@example.org"}}"#,
        ],
    );
    assert!(ok && out.contains("new@example.org"), "{out}");

    let (ok, out, _) = cli(&server, &["delete", &promis_ref]);
    assert!(
        ok && out.contains("new@example.org"),
        "answers what was erased: {out}"
    );
    let (ok, _, _) = cli(&server, &["delete", &promis_ref]);
    assert!(!ok, "nothing left to erase");
    assert!(
        rows(&server.csv().await)
            .iter()
            .all(|r| r["reference"] != promis_ref)
    );

    let (ok, out, _) = cli(&server, &["log"]);
    assert!(ok, "{out}");
    let log: Value = serde_json::from_str(&out).unwrap();
    let ops: Vec<_> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["operation"].as_str().unwrap())
        .collect();
    assert_eq!(
        ops,
        ["access", "access", "correction", "deletion", "export"],
        "{out}"
    );
    assert!(!out.contains("example.org"), "{out}");

    // The digest to put in the token file.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_eer-endpoint"))
        .arg("token-digest")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{PROMIS}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        digest_hex(PROMIS)
    );
}

#[tokio::test]
async fn wrong_tokens_spend_the_rate_limit() {
    let tokens = tempfile::tempdir().unwrap();
    let file = token_file(tokens.path(), &[("promis", PROMIS)]);
    let server = start(|c| {
        c.staff_tokens_file = Some(file.clone());
        c.rate_limit.burst = 3;
    })
    .await;
    let at = "/api/staff/submissions/EER-000001";
    for _ in 0..3 {
        assert_eq!(
            staff(&server, Some("a-wrong-guess"), "GET", at).await.0,
            401
        );
    }
    let (status, body) = staff(&server, Some("a-wrong-guess"), "GET", at).await;
    assert_eq!(status, 429, "guessing stops at the allowance: {body}");
}
