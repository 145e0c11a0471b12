//! Reading a URL query (without its `?`): the app keeps its state in the URL (docs/architecture.md, data
//! flow 1), and the explorer's state (`explorer`) is read here too, so the app, its router and
//! the domain share this one reader. The values the app writes are URL-safe, so nothing here
//! decodes them.

/// The `key=value` pairs of a query, in order; a key written without `=` has an empty value.
pub fn pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
}

/// The value of `key`, borrowed; only a key written with `=` has one.
pub fn value<'q>(query: &'q str, key: &str) -> Option<&'q str> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

/// The value of `key` in a query string.
pub fn param(query: &str, key: &str) -> Option<String> {
    value(query, key).map(str::to_string)
}

/// Whether `key` is in the query at all, with a value or without (`embed` alone counts).
pub fn has(query: &str, key: &str) -> bool {
    pair(query, key).is_some()
}

/// The whole pair of `key` as it is written (`accent=1d70b8`, or `embed` alone), so that it can
/// be carried to another address unchanged.
pub fn pair<'q>(query: &'q str, key: &str) -> Option<&'q str> {
    query
        .split('&')
        .find(|pair| pair.split('=').next() == Some(key) && !pair.is_empty())
}

/// The query without the pairs whose key is one of `keys` (and without empty pairs).
pub fn without(query: &str, keys: &[&str]) -> String {
    query
        .split('&')
        .filter(|pair| {
            let key = pair.split('=').next().unwrap_or("");
            !pair.is_empty() && !keys.contains(&key)
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_needs_its_equals_sign_but_presence_does_not() {
        let query = "embed&partner=cdc-estrie&q=";
        assert_eq!(param(query, "partner").as_deref(), Some("cdc-estrie"));
        assert_eq!(value(query, "q"), Some(""));
        assert_eq!(param(query, "embed"), None);
        assert!(has(query, "embed"));
        assert!(!has(query, "part"));
        assert_eq!(pair(query, "embed"), Some("embed"));
        assert_eq!(pair(query, "partner"), Some("partner=cdc-estrie"));
        assert_eq!(pair("", ""), None);
    }

    #[test]
    fn pairs_and_without_skip_empty_pieces() {
        let query = "mode=kiosk&&idle=5&lang";
        assert_eq!(
            pairs(query).collect::<Vec<_>>(),
            vec![("mode", "kiosk"), ("idle", "5"), ("lang", "")]
        );
        assert_eq!(without(query, &["mode", "idle"]), "lang");
        assert_eq!(without("a=1&&b=2", &[]), "a=1&b=2");
    }
}
