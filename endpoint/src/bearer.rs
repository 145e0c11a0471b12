//! `Authorization: Bearer <token>`, read the same way by the export and the staff routes.

use axum::http::{HeaderMap, header};

/// The token of `Authorization: Bearer <token>`. The scheme is case-insensitive (RFC 9110,
/// 11.1: "It uses a case-insensitive token to identify the authentication scheme"), and one or
/// more spaces separate it from the token.
pub(crate) fn token(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The bearer token of a request's headers, if it has one.
pub(crate) fn from_headers(headers: &HeaderMap) -> Option<&str> {
    token(headers.get(header::AUTHORIZATION)?.to_str().ok()?)
}
