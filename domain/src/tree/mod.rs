//! A read-only tree of values (null, booleans, numbers, strings, lists, objects): what the
//! catalogue's reader (`catalogue_json`) walks, built either from JSON text (the data file, for
//! its checks and tools) or from the compact bytes the build script embeds in the app
//! ([`encode`], `domain/build.rs`). The app reads only the latter, so its wasm carries no JSON
//! tokenizer or float parser for the catalogue (issue 16).

pub mod encode;

/// One value. Strings borrow from the bytes or the JSON value they were read from.
#[derive(Debug, Clone, PartialEq)]
pub enum Node<'a> {
    Null,
    Bool(bool),
    /// A whole number from 0 up.
    Whole(u64),
    Float(f64),
    Str(&'a str),
    List(Vec<Node<'a>>),
    /// Key and value pairs, keys unique, in the order they were written.
    Object(Vec<(&'a str, Node<'a>)>),
}

/// Deeper than any catalogue (file, regions, region, english, organisations, organisation: 6)
/// with room to spare; a limit so that crafted bytes cannot exhaust the stack.
const MAX_DEPTH: usize = 32;

impl<'a> Node<'a> {
    /// The tree of a parsed JSON value (numbers read as serde_json's `as_u64` and `as_f64` do).
    pub fn from_json(v: &'a serde_json::Value) -> Node<'a> {
        use serde_json::Value;
        match v {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(*b),
            Value::Number(n) => match n.as_u64() {
                Some(w) => Node::Whole(w),
                None => Node::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => Node::Str(s),
            Value::Array(items) => Node::List(items.iter().map(Node::from_json).collect()),
            Value::Object(o) => Node::Object(
                o.iter()
                    .map(|(k, v)| (k.as_str(), Node::from_json(v)))
                    .collect(),
            ),
        }
    }

    /// Reads the compact format of [`encode::encode_tree`]. Refuses, with the byte offset, a
    /// truncated or malformed input, trailing bytes, and nesting deeper than [`MAX_DEPTH`].
    pub fn decode(bytes: &'a [u8]) -> Result<Node<'a>, String> {
        let mut r = Reader { bytes, at: 0 };
        let root = r.value(0)?;
        if r.at != bytes.len() {
            return Err(r.fail("bytes after the end of the tree"));
        }
        Ok(root)
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Node::Null)
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Node::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Node::Whole(w) => Some(*w),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Node::Whole(w) => Some(*w as f64),
            Node::Float(f) => Some(*f),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&'a str> {
        match self {
            Node::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_list(&self) -> Option<&[Node<'a>]> {
        match self {
            Node::List(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(&'a str, Node<'a>)]> {
        match self {
            Node::Object(pairs) => Some(pairs),
            _ => None,
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn fail_at(&self, at: usize, what: &str) -> String {
        format!("compact tree, byte {at}: {what}")
    }

    fn fail(&self, what: &str) -> String {
        self.fail_at(self.at, what)
    }

    fn byte(&mut self) -> Result<u8, String> {
        let b = *self
            .bytes
            .get(self.at)
            .ok_or_else(|| self.fail("ends too early"))?;
        self.at += 1;
        Ok(b)
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(len)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| self.fail("ends too early"))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn varint(&mut self) -> Result<u64, String> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(self.fail("a number longer than 64 bits"))
    }

    /// Text up to its zero byte.
    fn text(&mut self) -> Result<&'a str, String> {
        let start = self.at;
        let len = self.bytes[start..]
            .iter()
            .position(|&b| b == 0)
            .ok_or_else(|| self.fail("text without its end"))?;
        let raw = self.take(len)?;
        self.at += 1;
        std::str::from_utf8(raw).map_err(|_| self.fail_at(start, "text is not UTF-8"))
    }

    /// Whether the next byte ends a list or an object (and if so, steps over it).
    fn end(&mut self) -> Result<bool, String> {
        let at_end = *self
            .bytes
            .get(self.at)
            .ok_or_else(|| self.fail("ends too early"))?
            == encode::END;
        if at_end {
            self.at += 1;
        }
        Ok(at_end)
    }

    fn value(&mut self, depth: usize) -> Result<Node<'a>, String> {
        if depth > MAX_DEPTH {
            return Err(self.fail("nested too deep"));
        }
        use encode::*;
        Ok(match self.byte()? {
            NULL => Node::Null,
            FALSE => Node::Bool(false),
            TRUE => Node::Bool(true),
            WHOLE => Node::Whole(self.varint()?),
            FLOAT => {
                let raw = self.take(8)?;
                let mut b = [0u8; 8];
                b.copy_from_slice(raw);
                Node::Float(f64::from_le_bytes(b))
            }
            STR => Node::Str(self.text()?),
            LIST => {
                let mut items = Vec::new();
                while !self.end()? {
                    items.push(self.value(depth + 1)?);
                }
                Node::List(items)
            }
            OBJECT => {
                let mut pairs: Vec<(&'a str, Node<'a>)> = Vec::new();
                while !self.end()? {
                    let at = self.at;
                    let key = self.text()?;
                    if pairs.iter().any(|(k, _)| *k == key) {
                        return Err(self.fail_at(at, &format!("key {key:?} twice in an object")));
                    }
                    let v = self.value(depth + 1)?;
                    pairs.push((key, v));
                }
                Node::Object(pairs)
            }
            other => return Err(self.fail_at(self.at - 1, &format!("unknown tag {other}"))),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn round_trip(v: &serde_json::Value) {
        let bytes = encode::encode_tree(v).unwrap();
        assert_eq!(Node::decode(&bytes).unwrap(), Node::from_json(v), "{v}");
    }

    #[test]
    fn every_kind_of_value_survives_the_round_trip() {
        round_trip(&json!(null));
        round_trip(&json!({
            "a": [true, false, null, 0, 1, 127, 128, 300, u64::MAX, -1, -2.5, 1.0e-300, "é ✓"],
            "b": {"a": "a", "": ""},
            "c": []
        }));
    }

    #[test]
    fn bad_bytes_are_refused_with_where() {
        let good = encode::encode_tree(&json!({"k": ["v", 1, 2.5]})).unwrap();
        for cut in 0..good.len() {
            let err = Node::decode(&good[..cut]).unwrap_err();
            assert!(err.starts_with("compact tree, byte "), "{err}");
        }
        let mut trailing = good.clone();
        trailing.push(0);
        assert!(
            Node::decode(&trailing)
                .unwrap_err()
                .contains("bytes after the end")
        );
        assert_eq!(
            Node::decode(&[9]).unwrap_err(),
            "compact tree, byte 0: unknown tag 9"
        );
        // Text without its zero byte.
        assert!(
            Node::decode(&[encode::STR, b'a'])
                .unwrap_err()
                .contains("without its end")
        );
        // The same key twice.
        let twice = [
            encode::OBJECT,
            b'k',
            0,
            encode::NULL,
            b'k',
            0,
            encode::NULL,
            encode::END,
        ];
        assert!(Node::decode(&twice).unwrap_err().contains("twice"));
        // Invalid UTF-8.
        assert!(
            Node::decode(&[encode::STR, 0xc3, 0])
                .unwrap_err()
                .contains("UTF-8")
        );
        // Nesting past the limit.
        let mut deep = vec![encode::LIST; MAX_DEPTH + 2];
        deep.extend(vec![encode::END; MAX_DEPTH + 2]);
        assert!(Node::decode(&deep).unwrap_err().contains("too deep"));
        // A zero character cannot be written.
        assert!(encode::encode_tree(&json!("a\u{0}b")).is_err());
    }

    fn any_json() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(json!(null)),
            any::<bool>().prop_map(|b| json!(b)),
            any::<u64>().prop_map(|n| json!(n)),
            any::<i64>().prop_map(|n| json!(n)),
            (-1.0e9f64..1.0e9).prop_map(|f| json!(f)),
            "[^\\x00]{0,12}".prop_map(|s| json!(s)),
        ];
        leaf.prop_recursive(4, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                prop::collection::btree_map("[^\\x00]{0,6}", inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn any_json_value_survives_the_round_trip(v in any_json()) {
            let bytes = encode::encode_tree(&v).unwrap();
            prop_assert_eq!(Node::decode(&bytes).unwrap(), Node::from_json(&v));
        }

        #[test]
        fn any_bytes_are_read_or_refused_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
            let _ = Node::decode(&bytes);
        }
    }
}
