//! Which `X-Forwarded-For` entry is the client's. With `EER_TRUST_PROXY` the endpoint takes
//! the last entry: the one the proxy in front of it wrote. Behind CloudFront *and* API
//! Gateway (deploy/template.yaml) there are two proxies: CloudFront appends the viewer's
//! address, then API Gateway appends the address it was called from, CloudFront's edge
//! server. Taking the last entry there would count every visitor of an edge location as one
//! address for the rate limit. `EER_PROXY_HOPS=2` (the template's value) takes off the entries
//! the proxies after the first one added, so that the last entry is the viewer's again.
//! Entries before that are whatever the client wrote, and stay unread.

use lambda_http::Request;
use lambda_http::http::HeaderValue;

pub fn drop_proxies(mut request: Request, hops: usize) -> Request {
    if hops <= 1 {
        return request;
    }
    let joined: Vec<String> = request
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|entry| entry.trim().to_string())
        .filter(|entry| !entry.is_empty())
        .collect();
    let kept = joined.len().saturating_sub(hops - 1);
    let headers = request.headers_mut();
    headers.remove("x-forwarded-for");
    if kept > 0
        && let Ok(value) = HeaderValue::from_str(&joined[..kept].join(", "))
    {
        headers.insert("x-forwarded-for", value);
    }
    request
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forwarded(value: &str, hops: usize) -> Option<String> {
        let mut request = Request::new(lambda_http::Body::Empty);
        request
            .headers_mut()
            .insert("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        drop_proxies(request, hops)
            .headers()
            .get("x-forwarded-for")
            .map(|v| v.to_str().unwrap().to_string())
    }

    #[test]
    fn the_proxies_after_the_first_are_taken_off() {
        assert_eq!(
            forwarded("192.0.2.1, 130.176.0.9", 2).as_deref(),
            Some("192.0.2.1")
        );
        assert_eq!(
            forwarded("6.6.6.6, 192.0.2.1, 130.176.0.9", 2).as_deref(),
            Some("6.6.6.6, 192.0.2.1"),
            "a client's own entry stays in front, unread"
        );
        assert_eq!(forwarded("130.176.0.9", 2), None);
        assert_eq!(
            forwarded("192.0.2.1, 130.176.0.9", 1).as_deref(),
            Some("192.0.2.1, 130.176.0.9")
        );
    }
}
