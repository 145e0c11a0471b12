//! The staff operations themselves, shared by HTTP (`staff::routes`) and the command line
//! (`eer-endpoint access|correct|delete|log`): one place decides what a scope sees, what a
//! correction must pass and what the log records.

use eer_domain::interest::{FieldError, Interest};
use serde_json::{Value, json};

use super::tokens::Scope;
use crate::store::staff::LogEntry;
use crate::store::{Record, Store};
use crate::time::{now_ms, rfc3339};

/// Why an operation did not happen.
#[derive(Debug)]
pub enum Failure {
    /// No such submission for this scope: erased, never there, or another organisation's.
    NotFound,
    /// The patch is not a JSON object.
    BadPatch,
    /// The corrected form breaks a rule.
    Invalid(Vec<FieldError>),
    /// The store failed (reported on stderr, never to clients).
    Store(String),
}

fn store_error(what: &str, e: impl std::fmt::Display) -> Failure {
    eprintln!("eer-endpoint: staff {what}: {e}");
    Failure::Store(format!("{what}: {e}"))
}

/// Appends one line to the log; a failure is reported but does not undo the operation.
pub async fn write_log(
    store: &dyn Store,
    scope: &str,
    operation: &str,
    reference: Option<&str>,
    rows: Option<usize>,
) {
    let entry = LogEntry {
        at_ms: now_ms(),
        scope: scope.into(),
        operation: operation.into(),
        reference: reference.map(str::to_string),
        rows: rows.map(|n| n as i64),
    };
    if let Err(e) = store.log(entry).await {
        eprintln!("eer-endpoint: staff log: {e}");
    }
}

/// The submission if this scope may see it.
async fn visible(store: &dyn Store, scope: Scope, reference: &str) -> Result<Record, Failure> {
    match store.by_reference(reference.to_string()).await {
        Ok(Some(r)) if scope.sees(r.organisation) => Ok(r),
        Ok(_) => Err(Failure::NotFound),
        Err(e) => Err(store_error("find", e)),
    }
}

/// Access (Law 25, s. 27).
pub async fn access(store: &dyn Store, scope: Scope, reference: &str) -> Result<Record, Failure> {
    let record = visible(store, scope, reference).await?;
    write_log(store, scope.code(), "access", Some(&record.reference), None).await;
    Ok(record)
}

/// RFC 7396 JSON merge patch: objects merge, `null` removes, anything else replaces.
fn merge(target: &mut Value, patch: &Value) {
    match (target.as_object_mut(), patch.as_object()) {
        (Some(t), Some(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    t.remove(k);
                } else {
                    merge(t.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        _ => *target = patch.clone(),
    }
}

/// Correction (Law 25, s. 28): the merge patch applied to the stored form, which must then
/// pass the same rules as a new one (`Interest::from_json` names every bad field). The
/// previous values are overwritten, kept nowhere.
pub async fn correct(
    store: &dyn Store,
    scope: Scope,
    reference: &str,
    patch: &Value,
) -> Result<Record, Failure> {
    let record = visible(store, scope, reference).await?;
    if !patch.is_object() {
        return Err(Failure::BadPatch);
    }
    let mut value = serde_json::to_value(&record.form).map_err(|e| store_error("form", e))?;
    merge(&mut value, patch);
    let form = Interest::from_json(&value)
        .map_err(Failure::Invalid)?
        .normalized();
    let payload = serde_json::to_string(&form).map_err(|e| store_error("form", e))?;
    match store.correct(reference.to_string(), payload).await {
        Ok(true) => {}
        Ok(false) => return Err(Failure::NotFound),
        Err(e) => return Err(store_error("correct", e)),
    }
    write_log(store, scope.code(), "correction", Some(reference), None).await;
    Ok(Record { form, ..record })
}

/// Deletion and withdrawal of consent (Law 25, ss. 8.3, 28): erased for good; what was erased.
pub async fn delete(store: &dyn Store, scope: Scope, reference: &str) -> Result<Record, Failure> {
    visible(store, scope, reference).await?;
    let erased = match store.erase(reference.to_string()).await {
        Ok(Some(r)) => r,
        Ok(None) => return Err(Failure::NotFound),
        Err(e) => return Err(store_error("erase", e)),
    };
    write_log(
        store,
        scope.code(),
        "deletion",
        Some(&erased.reference),
        None,
    )
    .await;
    Ok(erased)
}

/// The log lines this scope may read: an organisation its own, admin all.
pub async fn log(store: &dyn Store, scope: Scope) -> Result<Vec<Value>, Failure> {
    let entries = store
        .log_entries()
        .await
        .map_err(|e| store_error("log", e))?;
    Ok(entries
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
        .collect())
}

/// The submission as JSON: everything stored about the person.
pub fn as_json(r: &Record) -> Value {
    json!({
        "reference": r.reference,
        "received_at": rfc3339(r.received_at_ms),
        "organisation": r.organisation.code(),
        "form": r.form,
    })
}

/// The same as readable text, for a copy given to the person.
pub fn as_text(r: &Record) -> String {
    fn walk(prefix: &str, v: &Value, out: &mut String) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    let key = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    walk(&key, v, out);
                }
            }
            Value::Null => {}
            Value::String(s) => out.push_str(&format!("{prefix}: {s}\n")),
            other => out.push_str(&format!("{prefix}: {other}\n")),
        }
    }
    let mut out = format!(
        "Référence / Reference: {}\nReçue le / Received: {}\nOrganisme / Organisation: {}\n",
        r.reference,
        rfc3339(r.received_at_ms),
        r.organisation.name()
    );
    walk(
        "",
        &serde_json::to_value(&r.form).unwrap_or_default(),
        &mut out,
    );
    out
}
