//! One error type for the whole API, answered as `{"error":{"code","message","fields"?}}`.
//!
//! Messages are fixed texts chosen here, never the text of an internal error: nothing about
//! the database, the file system or a parser reaches a response (OWASP "Improper Error
//! Handling"). Internal causes go to the server's standard error.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use eer_domain::Lang;
use eer_domain::interest::FieldError;
use serde_json::json;

/// An API error: an HTTP status, a stable code for programs, a message for people (French and
/// English; the request's language picks one).
#[derive(Debug)]
pub struct AppError {
    pub status: StatusCode,
    pub code: &'static str,
    fr: &'static str,
    en: &'static str,
    fields: Vec<FieldError>,
    retry_after: Option<u64>,
    lang: Lang,
}

impl AppError {
    pub fn new(status: StatusCode, code: &'static str, fr: &'static str, en: &'static str) -> Self {
        AppError {
            status,
            code,
            fr,
            en,
            fields: Vec::new(),
            retry_after: None,
            lang: Lang::Fr,
        }
    }

    /// The language of the message (French unless the request says otherwise).
    pub fn in_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    pub fn bad_json() -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            "Le contenu envoyé n'est pas du JSON valide.",
            "The body is not valid JSON.",
        )
    }

    pub fn missing_key() -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "idempotency_key",
            "L'en-tête Idempotency-Key manque ou est invalide (16 à 64 caractères A-Z, a-z, 0-9, _ ou -).",
            "The Idempotency-Key header is missing or invalid (16 to 64 characters A-Z, a-z, 0-9, _ or -).",
        )
    }

    pub fn too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            "Le formulaire est trop volumineux (32 Kio au plus).",
            "The form is too large (32 KiB at most).",
        )
    }

    pub fn timeout() -> Self {
        Self::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            "Le formulaire a mis trop de temps à arriver. Réessayez.",
            "The form took too long to arrive. Try again.",
        )
    }

    pub fn unsupported_media_type() -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Envoyez le formulaire avec Content-Type: application/json.",
            "Send the form with Content-Type: application/json.",
        )
    }

    pub fn invalid_fields(fields: Vec<FieldError>) -> Self {
        AppError {
            fields,
            ..Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_fields",
                "Certains champs sont à corriger.",
                "Some fields need to be corrected.",
            )
        }
    }

    pub fn key_reused() -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency_key_reused",
            "Cette clé Idempotency-Key a déjà servi pour un autre formulaire.",
            "This Idempotency-Key was already used for another form.",
        )
    }

    pub fn rate_limited(retry_after: u64) -> Self {
        AppError {
            retry_after: Some(retry_after.max(1)),
            ..Self::new(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "Trop d'envois depuis cette adresse. Réessayez dans quelques minutes.",
                "Too many submissions from this address. Try again in a few minutes.",
            )
        }
    }

    pub fn forbidden_origin() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "origin_not_allowed",
            "Ce site n'est pas autorisé à envoyer des formulaires.",
            "This site is not allowed to send forms.",
        )
    }

    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Un jeton d'accès valide est requis.",
            "A valid access token is required.",
        )
    }

    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "Cette adresse n'existe pas.",
            "There is nothing at this address.",
        )
    }

    pub fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "Cette méthode HTTP n'est pas acceptée ici.",
            "This HTTP method is not accepted here.",
        )
    }

    pub fn bad_query() -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "bad_query",
            "Le paramètre organisation doit valoir promis, collectif ou inici (ou être omis pour tout exporter).",
            "The organisation parameter must be promis, collectif or inici (or left out to export everything).",
        )
    }

    /// `/api/health` when the store could not commit now.
    pub fn store_unhealthy() -> Self {
        AppError {
            retry_after: Some(5),
            ..Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "Le stockage ne peut pas enregistrer de formulaire en ce moment.",
                "The storage cannot record a form right now.",
            )
        }
    }

    /// The store could not commit. The submission was not accepted; the app's outbox retries.
    pub fn unavailable() -> Self {
        AppError {
            retry_after: Some(5),
            ..Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "Le service est momentanément indisponible. Votre formulaire sera renvoyé.",
                "The service is briefly unavailable. Your form will be sent again.",
            )
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let lang = self.lang;
        let mut error = json!({
            "code": self.code,
            "message": lang.pick(self.fr, self.en),
        });
        if !self.fields.is_empty() {
            error["fields"] = self
                .fields
                .iter()
                .map(|f| json!({"field": f.field, "code": f.code, "message": f.message.get(lang)}))
                .collect();
        }
        let mut response = (self.status, axum::Json(json!({ "error": error }))).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"eer-export\""),
            );
        }
        response
    }
}

/// The language to answer in when the body does not say: `Accept-Language` starting with
/// English, else French (the reference language).
pub fn lang_of(headers: &HeaderMap) -> Lang {
    let first = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if first.starts_with("en") {
        Lang::En
    } else {
        Lang::Fr
    }
}
