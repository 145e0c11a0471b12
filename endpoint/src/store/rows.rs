//! What every store makes of the columns it read: the answer for a key already stored, a
//! record, an export row. One place, so that SQLite and PostgreSQL answer alike.

use eer_domain::interest::Interest;

use super::{ExportRow, Outcome, Receipt, Record, StoreError, Unreadable};
use crate::assign::Organisation;

/// The reference a person is given: the record's number, never reused.
pub(crate) fn reference(id: i64) -> String {
    format!("EER-{id:06}")
}

/// The answer for a key already stored under `stored_sha256`: the first receipt when the
/// payload is the same, a refusal when it differs.
pub(crate) fn earlier(
    stored_sha256: &str,
    payload_sha256: &str,
    reference: String,
    organisation: &str,
    received_at_ms: i64,
) -> Result<Outcome, StoreError> {
    if stored_sha256 != payload_sha256 {
        return Ok(Outcome::KeyReused);
    }
    Ok(Outcome::Replayed(Receipt {
        reference,
        organisation: organisation_of(organisation)?,
        received_at_ms,
    }))
}

fn organisation_of(code: &str) -> Result<Organisation, StoreError> {
    Organisation::from_code(code)
        .ok_or_else(|| StoreError(format!("unknown organisation {code:?}")))
}

/// A stored row as a record; an error when its form or organisation cannot be read.
pub(crate) fn record(
    reference: String,
    received_at_ms: i64,
    organisation: &str,
    spam: bool,
    payload: &str,
) -> Result<Record, StoreError> {
    let form: Interest = serde_json::from_str(payload)
        .map_err(|e| StoreError(format!("stored payload {reference}: {e}")))?;
    Ok(Record {
        organisation: organisation_of(organisation)?,
        reference,
        received_at_ms,
        spam,
        form,
    })
}

/// One export row, read leniently: a part that could not be read (`None`) is named, not fatal.
pub(crate) fn export_row(
    reference: Option<String>,
    received_at_ms: Option<i64>,
    organisation_code: Option<String>,
    spam: Option<bool>,
    payload: Option<String>,
) -> ExportRow {
    let organisation = organisation_code
        .as_deref()
        .and_then(Organisation::from_code);
    let form = payload.and_then(|payload| serde_json::from_str::<Interest>(&payload).ok());
    match (reference, received_at_ms, organisation, spam, form) {
        (Some(reference), Some(received_at_ms), Some(organisation), Some(spam), Some(form)) => {
            ExportRow::Record(Record {
                reference,
                received_at_ms,
                organisation,
                spam,
                form,
            })
        }
        (reference, received_at_ms, organisation, spam, form) => {
            let mut parts = Vec::new();
            for (ok, name) in [
                (reference.is_some(), "reference"),
                (received_at_ms.is_some(), "received_at"),
                (organisation.is_some(), "organisation"),
                (spam.is_some(), "spam"),
                (form.is_some(), "form"),
            ] {
                if !ok {
                    parts.push(name);
                }
            }
            eprintln!(
                "eer-endpoint: export: row {} unreadable: {}",
                reference.as_deref().unwrap_or("?"),
                parts.join(", ")
            );
            ExportRow::Unreadable(Unreadable {
                reference,
                received_at_ms,
                organisation: organisation_code,
                spam,
                parts,
            })
        }
    }
}
