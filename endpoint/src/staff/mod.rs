//! The staff operations that keep the rights of Québec's Law 25 (private-sector Act, ss. 27-28:
//! access, correction, deletion; s. 8.3: withdrawal of consent), per organisation: each of
//! PROMIS, Le Collectif and INICI has its own token and sees only the submissions assigned to
//! it; an admin token sees all. A submission another organisation holds is answered exactly
//! like one that does not exist (404), so a token learns nothing about the others'.
//!
//! Every operation is logged (when, which scope, which reference) without any personal data;
//! the log is purged with the submissions (`store::staff`).
//!
//! Tokens travel only in `Authorization: Bearer` (scheme case-insensitive, RFC 9110 s. 11.1);
//! a token in the address is refused, since addresses end up in logs and histories. A wrong
//! token spends the client's rate-limit allowance, as for the export.

pub mod tokens;

use std::time::Instant;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{Extensions, HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::json;

use crate::AppState;
use crate::error::{AppError, lang_of};
use crate::store::Record;
use crate::store::staff::LogEntry;
use crate::time::{now_ms, rfc3339};
use tokens::Scope;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/staff/submissions/{reference}",
            get(access).delete(deletion),
        )
        .route("/staff/log", get(log))
}

/// The token of `Authorization: Bearer <token>`, the scheme in any case.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// A token in the address: refused (addresses end up in logs).
pub fn token_in_query() -> AppError {
    AppError::new(
        StatusCode::BAD_REQUEST,
        "token_in_query",
        "Un jeton n'est jamais accepté dans l'adresse : envoyez-le dans l'en-tête Authorization: Bearer.",
        "A token is never accepted in the address: send it in the Authorization: Bearer header.",
    )
}

/// The scope of the request's token, or the error to answer.
fn authorise(
    state: &AppState,
    headers: &HeaderMap,
    extensions: &Extensions,
    uri: &Uri,
) -> Result<Scope, AppError> {
    let lang = lang_of(headers);
    if uri.query().is_some_and(|q| !q.is_empty()) {
        return Err(token_in_query().in_lang(lang));
    }
    let scope = bearer(headers).and_then(|t| state.staff_tokens.check(t));
    scope.ok_or_else(|| {
        let addr = crate::api::interest::client_addr(state, headers, extensions);
        match state.limiter.check(addr, Instant::now()) {
            Err(seconds) => AppError::rate_limited(seconds).in_lang(lang),
            Ok(()) => AppError::unauthorized().in_lang(lang),
        }
    })
}

fn unavailable(lang: eer_domain::Lang, what: &str, e: impl std::fmt::Display) -> AppError {
    eprintln!("eer-endpoint: staff {what}: {e}");
    AppError::unavailable().in_lang(lang)
}

async fn write_log(state: &AppState, scope: Scope, operation: &str, reference: &str) {
    let entry = LogEntry {
        at_ms: now_ms(),
        scope: scope.code().into(),
        operation: operation.into(),
        reference: Some(reference.into()),
        rows: None,
    };
    if let Err(e) = state.store.log(entry).await {
        eprintln!("eer-endpoint: staff log: {e}");
    }
}

/// Logs one export of the CSV (the export token's own scope: `export`, or `export:<org>` when
/// filtered), with the number of rows.
pub async fn log_export(
    state: &AppState,
    organisation: Option<crate::assign::Organisation>,
    rows: usize,
) {
    let scope = match organisation {
        None => "export".to_string(),
        Some(o) => format!("export:{}", o.code()),
    };
    let entry = LogEntry {
        at_ms: now_ms(),
        scope,
        operation: "export".into(),
        reference: None,
        rows: Some(rows as i64),
    };
    if let Err(e) = state.store.log(entry).await {
        eprintln!("eer-endpoint: staff log: {e}");
    }
}

/// The submission as JSON: everything stored about the person, with its reference, date and
/// organisation.
fn as_json(r: &Record) -> serde_json::Value {
    json!({
        "reference": r.reference,
        "received_at": rfc3339(r.received_at_ms),
        "organisation": r.organisation.code(),
        "form": r.form,
    })
}

/// The same as readable text, for a copy given to the person.
fn as_text(r: &Record) -> String {
    let form = serde_json::to_value(&r.form).unwrap_or_default();
    let mut out = format!(
        "Référence / Reference: {}\nReçue le / Received: {}\nOrganisme / Organisation: {}\n",
        r.reference,
        rfc3339(r.received_at_ms),
        r.organisation.name()
    );
    fn walk(prefix: &str, v: &serde_json::Value, out: &mut String) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    let key = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    walk(&key, v, out);
                }
            }
            serde_json::Value::Null => {}
            serde_json::Value::String(s) => out.push_str(&format!("{prefix}: {s}\n")),
            other => out.push_str(&format!("{prefix}: {other}\n")),
        }
    }
    walk("", &form, &mut out);
    out
}

/// The submission if this scope may see it; the same 404 otherwise.
async fn visible(state: &AppState, scope: Scope, reference: &str) -> Result<Record, AppError> {
    let lang = eer_domain::Lang::Fr;
    match state.store.find(reference.to_string()).await {
        Ok(Some(r)) if scope.sees(r.organisation) => Ok(r),
        Ok(_) => Err(AppError::not_found()),
        Err(e) => Err(unavailable(lang, "find", e)),
    }
}

/// Access: `GET /api/staff/submissions/{reference}`, JSON, or text with `Accept: text/plain`.
async fn access(
    State(state): State<AppState>,
    headers: HeaderMap,
    extensions: Extensions,
    uri: Uri,
    Path(reference): Path<String>,
) -> Result<Response, AppError> {
    let lang = lang_of(&headers);
    let scope = authorise(&state, &headers, &extensions, &uri)?;
    let record = visible(&state, scope, &reference)
        .await
        .map_err(|e| e.in_lang(lang))?;
    write_log(&state, scope, "access", &record.reference).await;
    let wants_text = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/plain"));
    Ok(if wants_text {
        (
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            as_text(&record),
        )
            .into_response()
    } else {
        axum::Json(as_json(&record)).into_response()
    })
}

/// Deletion (and withdrawal of consent): `DELETE /api/staff/submissions/{reference}` erases
/// the submission for good and answers what was erased. Again: 404, nothing left to erase.
async fn deletion(
    State(state): State<AppState>,
    headers: HeaderMap,
    extensions: Extensions,
    uri: Uri,
    Path(reference): Path<String>,
) -> Result<Response, AppError> {
    let lang = lang_of(&headers);
    let scope = authorise(&state, &headers, &extensions, &uri)?;
    visible(&state, scope, &reference)
        .await
        .map_err(|e| e.in_lang(lang))?;
    let erased = match state.store.erase(reference.clone()).await {
        Ok(Some(r)) => r,
        Ok(None) => return Err(AppError::not_found().in_lang(lang)),
        Err(e) => return Err(unavailable(lang, "erase", e)),
    };
    write_log(&state, scope, "deletion", &erased.reference).await;
    Ok(axum::Json(json!({ "erased": as_json(&erased) })).into_response())
}

/// The log: `GET /api/staff/log`; an organisation's token sees its own lines, admin all.
async fn log(
    State(state): State<AppState>,
    headers: HeaderMap,
    extensions: Extensions,
    uri: Uri,
) -> Result<Response, AppError> {
    let lang = lang_of(&headers);
    let scope = authorise(&state, &headers, &extensions, &uri)?;
    let entries = state
        .store
        .log_entries()
        .await
        .map_err(|e| unavailable(lang, "log", e))?;
    let shown: Vec<serde_json::Value> = entries
        .into_iter()
        .filter(|e| scope == Scope::Admin || e.scope == scope.code())
        .map(|e| {
            json!({
                "at": rfc3339(e.at_ms),
                "scope": e.scope,
                "operation": e.operation,
                "reference": e.reference,
                "rows": e.rows,
            })
        })
        .collect();
    Ok(axum::Json(json!({ "entries": shown })).into_response())
}
