//! The function `eer-lambda` runs on AWS Lambda (feature `lambda`), kept in the library so that
//! the tests drive exactly what the binary runs (`tests/lambda_events.rs`).
//!
//! One function answers two kinds of events:
//! - HTTP: API Gateway HTTP API (payload 2.0), a Lambda function URL (same payload) and API
//!   Gateway REST (payload 1.0), turned into an `http::Request` by `lambda_http` and answered
//!   by the same Router as the local server ([`crate::app`]);
//! - the EventBridge "Scheduled Event" (`deploy/template.yaml`, daily): the retention purge past
//!   `EER_RETENTION_DAYS` ([`crate::retention`]).
//!
//! Why one function rather than a second binary for the schedule: one archive to build, deploy
//! and roll back, one set of secrets and one database pool configuration; the purge is one
//! `DELETE` a day and does not need a function of its own.
//!
//! The store is opened once per container (`Function::from_config`, before the runtime loop)
//! and kept across invocations. A container serves one invocation at a time, so its pool needs
//! one or two connections (`EER_DATABASE_POOL_SIZE`); with many containers, put RDS Proxy (or
//! another pooler, PgBouncer) in front of the database so that a burst of containers does not
//! exhaust its connection slots (deploy/README.md).

mod forwarded;
mod stage;

use std::sync::Arc;

use lambda_http::request::LambdaRequest;
use lambda_http::tower::ServiceExt;
use lambda_http::{Adapter, Context, LambdaEvent};
use serde_json::{Value, json};

use crate::config::Config;
use crate::retention::{self, SystemClock};
use crate::store::{self, Store};
use crate::{AppState, app};

/// What one container keeps between invocations: the Router (with its rate limiter and
/// configuration) and the store's connections.
pub struct Function {
    router: axum::Router,
    store: Arc<dyn Store>,
    retention_days: u32,
    /// Proxies in front of the function that append to `X-Forwarded-For` (`EER_PROXY_HOPS`,
    /// default 1; 2 behind CloudFront and API Gateway): see `forwarded.rs`.
    proxy_hops: usize,
}

/// The event kinds the function answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// API Gateway (REST 1.0 or HTTP API 2.0) or a function URL.
    Http,
    /// EventBridge's "Scheduled Event" (a schedule rule).
    Scheduled,
    /// Any other EventBridge event: refused (nothing else is wired to the function).
    OtherEventBridge,
}

/// An EventBridge event has `source` and `detail-type`; an HTTP payload has neither. The
/// scheduled event's shape: "Amazon EventBridge events", `detail-type: "Scheduled Event"`,
/// `source: "aws.events"` (AWS EventBridge User Guide, "Creating a rule that runs on a
/// schedule").
pub fn kind_of(event: &Value) -> EventKind {
    match (
        event.get("detail-type").and_then(Value::as_str),
        event.get("source").and_then(Value::as_str),
    ) {
        (Some("Scheduled Event"), Some("aws.events")) => EventKind::Scheduled,
        (Some(_), _) => EventKind::OtherEventBridge,
        _ => EventKind::Http,
    }
}

impl Function {
    /// The container's start: the configuration from the environment (`EER_TRUST_PROXY` on
    /// unless set: behind API Gateway the client address is the last `X-Forwarded-For` entry,
    /// which AWS writes), the retention checked, the store opened once.
    pub async fn from_env() -> Result<Function, String> {
        let mut config = Config::from_env()?;
        if std::env::var_os("EER_TRUST_PROXY").is_none() {
            config.trust_proxy = true;
        }
        let hops = match std::env::var("EER_PROXY_HOPS") {
            Err(_) => 1,
            Ok(v) => v.trim().parse().ok().filter(|&n| n >= 1).ok_or_else(|| {
                format!("EER_PROXY_HOPS: expected a whole number >= 1, got {v:?}")
            })?,
        };
        Ok(Function::from_config(config).await?.with_proxy_hops(hops))
    }

    pub async fn from_config(config: Config) -> Result<Function, String> {
        config.check_retention()?;
        let store = store::open(&config).await?;
        Ok(Function::new(config, store))
    }

    pub fn new(config: Config, store: Arc<dyn Store>) -> Function {
        let retention_days = config.retention_days;
        let router = app(AppState::new(config, store.clone()));
        Function {
            router,
            store,
            retention_days,
            proxy_hops: 1,
        }
    }

    /// How many proxies append to `X-Forwarded-For` in front of the function.
    pub fn with_proxy_hops(mut self, hops: usize) -> Function {
        self.proxy_hops = hops.max(1);
        self
    }

    /// One invocation, as the runtime hands it over (the event's JSON) and as it sends the
    /// answer back (JSON: `lambda_http`'s response document for HTTP, a summary for the
    /// schedule).
    pub async fn handle(&self, event: LambdaEvent<Value>) -> Result<Value, lambda_http::Error> {
        let LambdaEvent { payload, context } = event;
        match kind_of(&payload) {
            EventKind::Scheduled => self.purge().await,
            EventKind::OtherEventBridge => Err(format!(
                "eer-lambda: unexpected EventBridge event {:?}",
                payload.get("detail-type")
            )
            .into()),
            EventKind::Http => self.http(payload, context).await,
        }
    }

    async fn purge(&self) -> Result<Value, lambda_http::Error> {
        let purged =
            retention::purge_once(self.store.as_ref(), &SystemClock, self.retention_days).await?;
        // One line in CloudWatch Logs per daily run, even when nothing was old enough.
        eprintln!(
            "eer-lambda: retention: purged {purged} submissions older than {} days",
            self.retention_days
        );
        Ok(json!({"purged": purged, "retention_days": self.retention_days}))
    }

    async fn http(&self, payload: Value, context: Context) -> Result<Value, lambda_http::Error> {
        // `LambdaRequest` reads its payload through a raw JSON value (it tries each event
        // shape in turn), which a `serde_json::Value` cannot hand over: go through the text.
        let request: LambdaRequest = serde_json::from_str(&payload.to_string())?;
        let hops = self.proxy_hops;
        let service = tower::ServiceBuilder::new()
            .map_request(move |request| forwarded::drop_proxies(stage::strip(request), hops))
            .service(self.router.clone());
        let response = Adapter::from(service)
            .oneshot(LambdaEvent::new(request, context))
            .await?;
        Ok(serde_json::to_value(response)?)
    }
}
