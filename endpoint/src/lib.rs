//! eer-endpoint: the axum Router that serves the built site and the API of Emplois en régions.
//!
//! [`app`] builds the one Router that runs everywhere: the local server (`eer-endpoint`), the
//! tests, the load generator and AWS Lambda (`eer-lambda`, feature `lambda`). The HTTP
//! contract is in `endpoint/README.md` and `endpoint/openapi.yaml`.

pub mod api;
pub mod assign;
mod bearer;
pub mod config;
pub mod error;
pub mod export;
#[cfg(feature = "lambda")]
pub mod lambda;
pub mod ratelimit;
pub mod retention;
pub mod serve;
pub mod site;
pub mod staff;
pub mod store;
pub mod time;

use std::sync::Arc;

use axum::Router;
use axum::http::HeaderValue;

use crate::config::Config;
use crate::ratelimit::Limiter;
use crate::store::Store;

/// What every handler can reach. Cheap to clone (one `Arc`).
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub config: Config,
    pub store: Arc<dyn Store>,
    pub limiter: Limiter,
    /// Built once from the configuration.
    pub csp: HeaderValue,
    /// The staff tokens (`EER_STAFF_TOKENS_FILE`), read again when the file changes.
    pub staff_tokens: staff::tokens::TokenFile,
    /// `Strict-Transport-Security`, for answers to HTTPS requests; `None` when turned off.
    pub hsts: Option<HeaderValue>,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub fn new(config: Config, store: Arc<dyn Store>) -> AppState {
        let csp = HeaderValue::from_str(&site::content_security_policy(&config.allowed_origins))
            .expect("origins were validated by config::normalize_origin");
        let limiter = Limiter::new(config.rate_limit);
        let staff_tokens = staff::tokens::TokenFile::new(config.staff_tokens_file.clone());
        let hsts = (config.hsts_max_age > 0).then(|| {
            HeaderValue::from_str(&format!("max-age={}", config.hsts_max_age))
                .expect("digits are a valid header value")
        });
        AppState(Arc::new(Inner {
            config,
            store,
            limiter,
            csp,
            staff_tokens,
            hsts,
        }))
    }
}

/// The whole endpoint: `/api/…` and the site.
pub fn app(state: AppState) -> Router {
    let router = Router::new()
        .nest("/api", api::router(state.clone()))
        .fallback(site::serve);
    site::with_security_headers(router, &state).with_state(state)
}
