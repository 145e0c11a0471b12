//! Reading one key of a URL query: the app keeps its state in the URL (DESIGN.md, data flow 1),
//! and the explorer's state (`explorer`) is read here too, so both share this one reader.

/// The value of `key` in a query string (values here are URL-safe: no decoding needed).
pub fn param(query: &str, key: &str) -> Option<String> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.to_string())
}
