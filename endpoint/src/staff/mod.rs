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

pub mod cli;
pub mod ops;
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
use ops::Failure;
use tokens::Scope;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/staff/submissions/{reference}",
            get(access).patch(correction).delete(deletion),
        )
        .route("/staff/log", get(log))
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
    let scope = crate::bearer::from_headers(headers).and_then(|t| state.staff_tokens.check(t));
    scope.ok_or_else(|| {
        let addr = crate::api::interest::client_addr(state, headers, extensions);
        match state.limiter.take(addr, Instant::now()) {
            Err(seconds) => AppError::rate_limited(seconds).in_lang(lang),
            Ok(()) => AppError::unauthorized().in_lang(lang),
        }
    })
}

impl Failure {
    fn into_error(self, lang: eer_domain::Lang) -> AppError {
        match self {
            Failure::NotFound => AppError::not_found(),
            Failure::BadPatch => AppError::bad_json(),
            Failure::Invalid(fields) => AppError::invalid_fields(fields),
            Failure::Store(_) => AppError::unavailable(),
        }
        .in_lang(lang)
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
    ops::write_log(state.store.as_ref(), &scope, "export", None, Some(rows)).await;
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
    let record = ops::access(state.store.as_ref(), scope, &reference)
        .await
        .map_err(|f| f.into_error(lang))?;
    let wants_text = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/plain"));
    Ok(if wants_text {
        (
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            ops::as_text(&record),
        )
            .into_response()
    } else {
        axum::Json(ops::as_json(&record)).into_response()
    })
}

/// Correction: `PATCH /api/staff/submissions/{reference}` with a JSON merge patch of the
/// fields to replace (e.g. `{"contact":{"email":"new@example.org"}}`), see [`ops::correct`].
async fn correction(
    State(state): State<AppState>,
    headers: HeaderMap,
    extensions: Extensions,
    uri: Uri,
    Path(reference): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, AppError> {
    let lang = lang_of(&headers);
    let scope = authorise(&state, &headers, &extensions, &uri)?;
    let patch: serde_json::Value =
        serde_json::from_slice(&body).map_err(|_| AppError::bad_json().in_lang(lang))?;
    let corrected = ops::correct(state.store.as_ref(), scope, &reference, &patch)
        .await
        .map_err(|f| f.into_error(lang))?;
    Ok(axum::Json(ops::as_json(&corrected)).into_response())
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
    let erased = ops::delete(state.store.as_ref(), scope, &reference)
        .await
        .map_err(|f| f.into_error(lang))?;
    Ok(axum::Json(json!({ "erased": ops::as_json(&erased) })).into_response())
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
    let entries = ops::log(state.store.as_ref(), scope)
        .await
        .map_err(|f| f.into_error(lang))?;
    Ok(axum::Json(json!({ "entries": entries })).into_response())
}
