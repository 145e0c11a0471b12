//! The staff operations on the command line, for whoever runs the server (and so holds the
//! database): the same [`super::ops`] as over HTTP, logged the same way.
//!
//! ```text
//! eer-endpoint access REF [--text]      eer-endpoint correct REF '{"contact":{"email":"…"}}'
//! eer-endpoint delete REF               eer-endpoint log
//! eer-endpoint token-digest < token     (the line's digest for EER_STAFF_TOKENS_FILE)
//! ```
//! Every one takes `--data-dir DIR` and `--as promis|collectif|inici|admin` (default admin).

use super::ops::{self, Failure};
use super::tokens::{Scope, digest_hex};
use crate::store::Store;

pub const COMMANDS: [&str; 5] = ["access", "correct", "delete", "log", "token-digest"];

pub const USAGE: &str =
    "  eer-endpoint access REF [--text] | correct REF PATCH_JSON | delete REF | log
      [--data-dir DIR] [--as promis|collectif|inici|admin]
  eer-endpoint token-digest < file-with-the-token";

/// What the command line asked.
pub struct Request {
    pub command: String,
    pub reference: Option<String>,
    pub patch: Option<String>,
    pub scope: Scope,
    pub text: bool,
    pub data_dir: Option<String>,
}

pub fn parse(args: &[String]) -> Result<Request, String> {
    let mut args = args.iter();
    let command = args.next().cloned().unwrap_or_default();
    let mut positional = Vec::new();
    let mut request = Request {
        command,
        reference: None,
        patch: None,
        scope: Scope::Admin,
        text: false,
        data_dir: None,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--text" => request.text = true,
            "--data-dir" => {
                request.data_dir = Some(args.next().ok_or("--data-dir needs a value")?.clone())
            }
            "--as" => {
                let v = args.next().ok_or("--as needs a value")?;
                request.scope = Scope::from_code(v).ok_or_else(|| {
                    format!("--as: {v:?} is not promis, collectif, inici or admin")
                })?;
            }
            other if other.starts_with("--") => return Err(format!("unknown argument {other:?}")),
            other => positional.push(other.to_string()),
        }
    }
    let wanted = match request.command.as_str() {
        "access" | "delete" => 1,
        "correct" => 2,
        _ => 0,
    };
    if positional.len() != wanted {
        return Err(format!(
            "{}: expected {wanted} argument(s), got {}",
            request.command,
            positional.len()
        ));
    }
    let mut positional = positional.into_iter();
    request.reference = positional.next();
    request.patch = positional.next();
    Ok(request)
}

/// The digest line's value for a token read from `input` (trailing newline ignored).
pub fn token_digest(input: &str) -> Result<String, String> {
    let token = input.trim_end_matches(['\n', '\r']);
    if token.len() < 16 {
        return Err(
            "a staff token needs at least 16 characters (e.g. openssl rand -base64 32)".into(),
        );
    }
    Ok(digest_hex(token))
}

/// Runs one operation; the text to print, or the message for stderr.
pub async fn run(store: &dyn Store, request: &Request) -> Result<String, String> {
    let reference = request.reference.as_deref().unwrap_or_default();
    let explain = |f: Failure| match f {
        Failure::NotFound => format!(
            "{reference}: no such submission for {}",
            request.scope.code()
        ),
        Failure::BadPatch => {
            "the correction must be a JSON object, e.g. '{\"contact\":{\"email\":\"…\"}}'".into()
        }
        Failure::Invalid(fields) => fields
            .iter()
            .map(|f| format!("{}: {}", f.field, f.message.get(eer_domain::Lang::En)))
            .collect::<Vec<_>>()
            .join("\n"),
        Failure::Store(e) => e,
    };
    let pretty = |v: &serde_json::Value| serde_json::to_string_pretty(v).unwrap_or_default();
    match request.command.as_str() {
        "access" => {
            let r = ops::access(store, request.scope, reference)
                .await
                .map_err(explain)?;
            Ok(if request.text {
                ops::as_text(&r)
            } else {
                pretty(&ops::as_json(&r))
            })
        }
        "correct" => {
            let patch: serde_json::Value =
                serde_json::from_str(request.patch.as_deref().unwrap_or_default())
                    .map_err(|e| format!("the correction is not JSON: {e}"))?;
            let r = ops::correct(store, request.scope, reference, &patch)
                .await
                .map_err(explain)?;
            Ok(pretty(&ops::as_json(&r)))
        }
        "delete" => {
            let r = ops::delete(store, request.scope, reference)
                .await
                .map_err(explain)?;
            Ok(pretty(&serde_json::json!({ "erased": ops::as_json(&r) })))
        }
        "log" => Ok(pretty(&serde_json::Value::Array(
            ops::log(store, request.scope).await.map_err(explain)?,
        ))),
        other => Err(format!("unknown command {other:?}")),
    }
}
