//! `POST /api/interest`: an interest form, answered only once it is durable.
//!
//! Checks, in order, each with its own status (never a 500 for bad input):
//! 1. [`guard`]: the `Origin` (403 unless same-origin or allowed; CORS for allowed partners);
//! 2. [`IdempotencyKey`]: the `Idempotency-Key` header (400);
//! 3. [`FormBody`]: `Content-Type: application/json` (415), at most 32 KiB (413), JSON (400);
//! 4. the domain's validation, naming every bad field (422);
//! 5. the per-address rate limit, which only a new form stored spends (429 with `Retry-After`
//!    for a new form once the allowance is used; a replay of a stored key is still answered);
//! 6. the store: 201 new, 200 replay with the same payload, 422 key reused with another one.
//!
//! The honeypot (`website`) is answered exactly like a success and stored flagged as spam:
//! never dropped, because a person whose browser filled it in by mistake must still be found.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Instant;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use eer_domain::Lang;
use eer_domain::interest::{FieldError, Interest, validate};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::config::normalize_origin;
use crate::error::{AppError, lang_of};
use crate::store::{NewSubmission, Outcome, Receipt, StoreError};
use crate::time::{now_ms, rfc3339};

/// The largest body accepted: a full form with a maximal message is about 12 KiB at most.
pub const MAX_BODY: usize = 32 * 1024;

/// The longest a body may take to arrive (32 KiB at 10 kbit/s takes 26 s).
pub const BODY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// Origin check and CORS, before anything is read.
pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let lang = lang_of(request.headers());
    let cors = match allowed_cross_origin(&state, request.headers()) {
        Ok(cors) => cors,
        Err(error) => return error.in_lang(lang).into_response(),
    };
    let mut response = next.run(request).await;
    if let Some(origin) = cors {
        let headers = response.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static("Retry-After"),
        );
        headers.append(header::VARY, HeaderValue::from_static("Origin"));
    }
    response
}

/// CORS preflight for partner sites posting directly (the embedded app itself is same-origin).
pub async fn preflight() -> Response {
    let mut response = StatusCode::NO_CONTENT.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("POST"),
    );
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("content-type, idempotency-key"),
    );
    headers.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("600"),
    );
    response
}

/// `Ok(None)`: no `Origin` (not a browser) or same-origin. `Ok(Some(origin))`: an allowed
/// partner, to echo in `Access-Control-Allow-Origin`. `Err`: 403 (including `Origin: null`,
/// sent by sandboxed frames and other opaque contexts).
fn allowed_cross_origin(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<HeaderValue>, AppError> {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return Ok(None);
    };
    let normal = origin
        .to_str()
        .ok()
        .and_then(|o| normalize_origin(o).ok())
        .ok_or_else(AppError::forbidden_origin)?;
    let host = state
        .config
        .trust_proxy
        .then(|| headers.get("x-forwarded-host"))
        .flatten()
        .or_else(|| headers.get(header::HOST))
        .and_then(|h| h.to_str().ok())
        .map(|h| h.trim().to_ascii_lowercase());
    let (scheme, authority) = normal.split_once("://").unwrap_or(("", ""));
    if let Some(host) = host {
        let default = if scheme == "https" { ":443" } else { ":80" };
        if host.strip_suffix(default).unwrap_or(&host) == authority {
            return Ok(None);
        }
    }
    if state.config.allowed_origins.contains(&normal) {
        Ok(Some(origin.clone()))
    } else {
        Err(AppError::forbidden_origin())
    }
}

/// The address the rate limit counts: the TCP peer, or, behind a trusted proxy, the last
/// `X-Forwarded-For` entry (the one the proxy itself added; earlier ones are client-written).
pub(crate) fn client_addr(
    state: &AppState,
    headers: &HeaderMap,
    extensions: &Extensions,
) -> IpAddr {
    if state.config.trust_proxy {
        let forwarded = headers
            .get_all("x-forwarded-for")
            .iter()
            .next_back()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|a| a.trim().parse::<IpAddr>().ok());
        if let Some(addr) = forwarded {
            return addr;
        }
    }
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

/// The `Idempotency-Key` header: 16 to 64 of `A-Za-z0-9_-` (a UUID, or 128 random bits in
/// base64url, both fit). The app makes one per form and keeps it across retries.
pub struct IdempotencyKey(pub String);

pub fn is_valid_key(key: &str) -> bool {
    (16..=64).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        parts
            .headers
            .get("idempotency-key")
            .and_then(|v| v.to_str().ok())
            .filter(|k| is_valid_key(k))
            .map(|k| IdempotencyKey(k.to_string()))
            .ok_or_else(|| AppError::missing_key().in_lang(lang_of(&parts.headers)))
    }
}

/// The form's JSON body, with our own rejections: 415, 413, 400 in our error shape (axum's
/// `Json` would answer in plain text and with other statuses). Field problems are not a
/// rejection: they come back in `form` for the handler to answer 422.
pub struct FormBody {
    /// The language the body asks for, when it can be read.
    pub lang: Option<Lang>,
    pub form: Result<Interest, Vec<FieldError>>,
}

impl<S: Send + Sync> FromRequest<S> for FormBody {
    type Rejection = AppError;

    async fn from_request(request: Request, _: &S) -> Result<Self, AppError> {
        let lang = lang_of(request.headers());
        let bytes = json_bytes(request).await.map_err(|e| e.in_lang(lang))?;
        // Fast path: a well-formed form deserialises straight into the typed struct (about a
        // third of the work of the generic path, measured). Anything else goes through
        // `Interest::from_json`, which names every bad field.
        if let Ok(form) = serde_json::from_slice::<Interest>(&bytes) {
            let lang = Some(form.lang);
            let form = match validate(&form) {
                Ok(()) => Ok(form),
                Err(fields) => Err(fields),
            };
            return Ok(FormBody { lang, form });
        }
        let value: Value =
            serde_json::from_slice(&bytes).map_err(|_| AppError::bad_json().in_lang(lang))?;
        let lang = value
            .get("lang")
            .and_then(Value::as_str)
            .and_then(Lang::from_code);
        Ok(FormBody {
            lang,
            form: Interest::from_json(&value),
        })
    }
}

/// The body of a JSON request: `Content-Type: application/json` (415), at most
/// [`MAX_BODY`] bytes whether announced or streamed (413).
async fn json_bytes(request: Request) -> Result<Bytes, AppError> {
    let is_json = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return Err(AppError::unsupported_media_type());
    }
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return Err(AppError::too_large());
    }
    // A client that trickles its body must not hold a connection forever.
    let collect = Limited::new(request.into_body(), MAX_BODY).collect();
    match tokio::time::timeout(BODY_TIMEOUT, collect).await {
        Err(_) => Err(AppError::timeout()),
        Ok(Ok(collected)) => Ok(without_bom(collected.to_bytes())),
        Ok(Err(e)) if e.downcast_ref::<LengthLimitError>().is_some() => Err(AppError::too_large()),
        // The client went away mid-body: it will not read this answer anyway.
        Ok(Err(_)) => Err(AppError::bad_json()),
    }
}

/// The body without a leading UTF-8 byte-order mark. JSON forbids one (RFC 8259, 8.1) but
/// allows a parser to ignore it, and Windows tools (PowerShell 5's `Out-File`, Notepad's
/// "UTF-8 with BOM") write one: a partner's script posting a file must not get a 400 for an
/// invisible character.
fn without_bom(bytes: Bytes) -> Bytes {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.slice(3..)
    } else {
        bytes
    }
}

/// The receipt as the person's app sees it.
fn receipt_json(receipt: &Receipt) -> Value {
    json!({
        "reference": receipt.reference,
        "organisation": receipt.organisation.code(),
        "received_at": rfc3339(receipt.received_at_ms),
    })
}

pub async fn submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    extensions: Extensions,
    IdempotencyKey(key): IdempotencyKey,
    body: FormBody,
) -> Result<Response, AppError> {
    let lang = body.lang.unwrap_or(lang_of(&headers));
    let form = body
        .form
        .map_err(|fields| AppError::invalid_fields(fields).in_lang(lang))?
        .normalized();
    // The fingerprint of what is stored: a replay after a lost answer has the same one.
    let payload =
        serde_json::to_string(&form).map_err(|_| AppError::unavailable().in_lang(lang))?;
    let payload_sha256 = hex(&Sha256::digest(payload.as_bytes()));
    let submission = NewSubmission {
        key,
        payload,
        payload_sha256,
        spam: form.is_spam(),
        form,
        received_at_ms: now_ms(),
    };
    let unavailable = |e: StoreError| {
        eprintln!("eer-endpoint: store: {e}");
        AppError::unavailable().in_lang(lang)
    };
    // A token is taken before storing (so that parallel forms cannot all slip through on the
    // last one) and given back unless a new form was stored.
    let addr = client_addr(&state, &headers, &extensions);
    let outcome = match state.limiter.take(addr, Instant::now()) {
        Ok(()) => {
            let outcome = state.store.submit(submission).await;
            if !matches!(outcome, Ok(Outcome::Created(_))) {
                state.limiter.refund(addr, Instant::now());
            }
            outcome.map_err(unavailable)?
        }
        Err(seconds) => state
            .store
            .find(submission.key, submission.payload_sha256)
            .await
            .map_err(unavailable)?
            .ok_or_else(|| AppError::rate_limited(seconds).in_lang(lang))?,
    };
    match outcome {
        Outcome::Created(receipt) => {
            Ok((StatusCode::CREATED, Json(receipt_json(&receipt))).into_response())
        }
        Outcome::Replayed(receipt) => {
            Ok((StatusCode::OK, Json(receipt_json(&receipt))).into_response())
        }
        Outcome::KeyReused => Err(AppError::key_reused().in_lang(lang)),
    }
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert!(is_valid_key("0123456789abcdef"));
        assert!(is_valid_key("550e8400-e29b-41d4-a716-446655440000"));
        assert!(is_valid_key(&"a".repeat(64)));
        assert!(!is_valid_key("short"));
        assert!(!is_valid_key(&"a".repeat(65)));
        assert!(!is_valid_key("0123456789abcdef!"));
        assert_eq!(hex(&[0x00, 0x9f, 0xff]), "009fff");
    }
}
