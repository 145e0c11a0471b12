//! API Gateway's stage name in the path. `lambda_http` puts the stage in front of the path of a
//! REST API event (`/prod/api/interest` for `path: /api/interest`, stage `prod`) and keeps it in
//! an HTTP API event on a named stage; only the `$default` stage has none. The Router serves
//! `/api/…` and the site at the root, so the stage is taken off again here (once: a path
//! whose own first segment happens to be the stage's name keeps it). Setting
//! `AWS_LAMBDA_HTTP_IGNORE_STAGE_IN_PATH` would do the same for REST but is read from the
//! process environment at each request, which the tests cannot set per case.

use lambda_http::request::RequestContext;
use lambda_http::{Request, RequestExt};

pub fn strip(mut request: Request) -> Request {
    let stage = match request.request_context_ref() {
        Some(RequestContext::ApiGatewayV1(context)) => context.stage.clone(),
        Some(RequestContext::ApiGatewayV2(context)) => context.stage.clone(),
        _ => None,
    };
    let Some(stage) = stage.filter(|s| s != "$default" && !s.is_empty()) else {
        return request;
    };
    let prefix = format!("/{stage}");
    let path = request.uri().path();
    let Some(rest) = path.strip_prefix(&prefix) else {
        return request;
    };
    if !(rest.is_empty() || rest.starts_with('/')) {
        return request;
    }
    let rest = if rest.is_empty() { "/" } else { rest };
    let path_and_query = match request.uri().query() {
        Some(query) => format!("{rest}?{query}"),
        None => rest.to_string(),
    };
    let mut parts = request.uri().clone().into_parts();
    match path_and_query.parse() {
        Ok(pq) => parts.path_and_query = Some(pq),
        Err(_) => return request,
    }
    if let Ok(uri) = lambda_http::http::Uri::from_parts(parts) {
        *request.uri_mut() = uri;
    }
    request
}

#[cfg(test)]
mod tests {
    use super::*;
    use lambda_http::aws_lambda_events::apigw::ApiGatewayProxyRequestContext;

    fn with_stage(uri: &str, stage: &str) -> Request {
        let mut context = ApiGatewayProxyRequestContext::default();
        context.stage = Some(stage.into());
        let mut request = Request::new(lambda_http::Body::Empty);
        *request.uri_mut() = uri.parse().unwrap();
        request
            .extensions_mut()
            .insert(RequestContext::ApiGatewayV1(context));
        request
    }

    #[test]
    fn the_stage_comes_off_once() {
        let strip_uri = |uri, stage| strip(with_stage(uri, stage)).uri().to_string();
        assert_eq!(
            strip_uri("https://h.example/prod/api/interest?a=1", "prod"),
            "https://h.example/api/interest?a=1"
        );
        assert_eq!(
            strip_uri("https://h.example/prod", "prod"),
            "https://h.example/"
        );
        assert_eq!(
            strip_uri("https://h.example/fr/fr/quiz", "fr"),
            "https://h.example/fr/quiz"
        );
        assert_eq!(
            strip_uri("https://h.example/production/x", "prod"),
            "https://h.example/production/x",
            "a longer segment is not the stage"
        );
        assert_eq!(
            strip_uri("https://h.example/api/health", "$default"),
            "https://h.example/api/health"
        );
    }
}
