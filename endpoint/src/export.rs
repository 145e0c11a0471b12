//! `GET /api/submissions.csv`: what arrived, for the counsellors, as CSV (UTF-8 with a BOM so
//! that Excel reads the accents).
//!
//! Access: `Authorization: Bearer <EER_EXPORT_TOKEN>`; 401 without it, 404 when no token is
//! configured (the export does not exist), 429 when one address keeps guessing (failed
//! attempts share the submission rate limit). Optional `?organisation=promis|collectif|inici`
//! (anything else, the empty value included: 400 `bad_query`).
//!
//! Formula injection (OWASP "CSV Injection"): a cell that a spreadsheet would read as a formula
//! (starting with `=`, `+`, `-`, `@`, tab, carriage return or line feed) is prefixed with a
//! single quote, so that a name like `=HYPERLINK(…)` stays text. Phone numbers like `+1 514…`
//! therefore show a leading quote in the raw file; spreadsheets display them as text.

use std::borrow::Cow;
use std::time::Instant;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{Extensions, HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::api::interest::client_addr;
use crate::assign::Organisation;
use crate::error::{AppError, lang_of};
use crate::store::Record;
use crate::time::{date, now_ms, rfc3339};

#[derive(Deserialize)]
pub struct ExportQuery {
    organisation: Option<String>,
}

pub const COLUMNS: [&str; 25] = [
    "reference",
    "received_at",
    "organisation",
    "spam",
    "lang",
    "first_name",
    "last_name",
    "email",
    "phone",
    "preferred_contact",
    "contact_language",
    "residence",
    "country",
    "adults",
    "children",
    "occupation",
    "project",
    "regions",
    "message",
    "answers",
    "consent_contact",
    "consent_share_with_partner",
    "consent_version",
    "channel",
    "partner",
];

pub async fn submissions_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    extensions: Extensions,
    query: Result<Query<ExportQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let lang = lang_of(&headers);
    let Some(expected) = state.config.export_token.as_deref() else {
        return Err(AppError::not_found().in_lang(lang));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    // Comparing digests: the time taken says nothing about the token's characters.
    let authorised =
        given.is_some_and(|g| Sha256::digest(g.as_bytes()) == Sha256::digest(expected.as_bytes()));
    if !authorised {
        // Wrong guesses spend the address's allowance: a token cannot be brute-forced faster
        // than the submission rate limit.
        let addr = client_addr(&state, &headers, &extensions);
        if let Err(seconds) = state.limiter.check(addr, Instant::now()) {
            return Err(AppError::rate_limited(seconds).in_lang(lang));
        }
        return Err(AppError::unauthorized().in_lang(lang));
    }
    let Ok(Query(query)) = query else {
        return Err(AppError::bad_query().in_lang(lang));
    };
    // An empty value is refused like any other unknown one: "all organisations" is written by
    // leaving the parameter out, so that a blank filter in a script cannot pass for a choice.
    let organisation = match query.organisation.as_deref() {
        None => None,
        Some(code) => {
            Some(Organisation::from_code(code).ok_or_else(|| AppError::bad_query().in_lang(lang))?)
        }
    };
    let records = state.store.export(organisation).await.map_err(|e| {
        eprintln!("eer-endpoint: export: {e}");
        AppError::unavailable().in_lang(lang)
    })?;
    // The staff log counts every export (how many rows, never which people).
    crate::staff::log_export(&state, organisation, records.len()).await;
    let body = to_csv(&records).map_err(|_| AppError::unavailable().in_lang(lang))?;
    let filename = format!(
        "attachment; filename=\"eer-submissions-{}.csv\"",
        date(now_ms())
    );
    let mut response = (StatusCode::OK, body).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&filename) {
        h.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// A cell a spreadsheet will not evaluate.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

pub fn to_csv(records: &[Record]) -> Result<Vec<u8>, csv::Error> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(COLUMNS)?;
        for r in records {
            let f = &r.form;
            let row: [String; 25] = [
                r.reference.clone(),
                rfc3339(r.received_at_ms),
                r.organisation.code().into(),
                u8::from(r.spam).to_string(),
                f.lang.code().into(),
                f.contact.first_name.clone(),
                f.contact.last_name.clone(),
                f.contact.email.clone(),
                f.contact.phone.clone().unwrap_or_default(),
                wire(&f.contact.preferred),
                wire(&f.contact.language),
                wire(&f.situation.residence),
                f.situation.country.clone().unwrap_or_default(),
                f.situation.adults.to_string(),
                f.situation.children.to_string(),
                f.situation.occupation.clone(),
                wire(&f.project.kind),
                f.project.regions.join(" "),
                f.message.clone().unwrap_or_default(),
                f.answers.clone().unwrap_or_default(),
                u8::from(f.consent.contact).to_string(),
                u8::from(f.consent.share_with_partner).to_string(),
                f.consent.version.clone(),
                wire(&f.source.channel),
                f.source.partner.clone().unwrap_or_default(),
            ];
            w.write_record(row.iter().map(|cell| neutralise(cell).into_owned()))?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// The wire code of a choice (`Some(ContactMethod::Email)` → `email`; `None` → empty).
fn wire<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("+1 514 555-0123"), "'+1 514 555-0123");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("-2"), "'-2");
        assert_eq!(neutralise("\t=cmd"), "'\t=cmd");
        assert_eq!(neutralise("Amina"), "Amina");
        assert_eq!(neutralise(""), "");
    }
}
