// The compact tree format of the embedded catalogue, written by the build script
// (`domain/build.rs`, which `include!`s this file, so it names nothing of the crate) and read by
// `tree::decode`. One file for both sides, so the writer and the reader cannot disagree on a tag.
//
// Why not the JSON text: the app parsed 98 KB of JSON on start, which linked serde_json's
// tokenizer and number parser into every bundle that shows regions (issue 16, "data read
// without a generic JSON walk"). Here numbers are stored as they will be read and reading is a
// loop over bytes. Strings stay inline and end with a zero byte, lists and objects with 0xFF (a
// byte UTF-8 never uses, so an object's end cannot be mistaken for a key): laid out so, brotli
// packs the catalogue smaller than its JSON (16.6 KB against 16.8; a string table with
// length-prefixed indices measured 17.9).
//
// value  := NULL | FALSE | TRUE | WHOLE varint | FLOAT 8 bytes little-endian | STR text
//         | LIST value* END | OBJECT (text value)* END
// text   := UTF-8 bytes without a zero byte, then 0
// varint := unsigned LEB128

/// `null`.
pub const NULL: u8 = 0;
/// `false`.
pub const FALSE: u8 = 1;
/// `true`.
pub const TRUE: u8 = 2;
/// A whole number from 0 up, as serde_json's `as_u64` reads it.
pub const WHOLE: u8 = 3;
/// Any other number, as an `f64`.
pub const FLOAT: u8 = 4;
/// A string.
pub const STR: u8 = 5;
/// A list of values, up to [`END`].
pub const LIST: u8 = 6;
/// An object: key and value pairs, in the JSON reader's order, up to [`END`].
pub const OBJECT: u8 = 7;
/// The end of a list or an object.
pub const END: u8 = 0xff;

/// Writes `v` in the compact tree format; refuses a string with a zero character (the format's
/// terminator), which no catalogue text has.
pub fn encode_tree(v: &serde_json::Value) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    put_value(&mut out, v)?;
    Ok(out)
}

fn put_text(out: &mut Vec<u8>, s: &str) -> Result<(), String> {
    if s.contains('\0') {
        return Err(format!("{s:?}: a zero character cannot be stored"));
    }
    out.extend_from_slice(s.as_bytes());
    out.push(0);
    Ok(())
}

fn put_value(out: &mut Vec<u8>, v: &serde_json::Value) -> Result<(), String> {
    match v {
        serde_json::Value::Null => out.push(NULL),
        serde_json::Value::Bool(false) => out.push(FALSE),
        serde_json::Value::Bool(true) => out.push(TRUE),
        serde_json::Value::Number(n) => match n.as_u64() {
            Some(w) => {
                out.push(WHOLE);
                put_varint(out, w);
            }
            None => {
                out.push(FLOAT);
                out.extend_from_slice(&n.as_f64().unwrap_or(f64::NAN).to_le_bytes());
            }
        },
        serde_json::Value::String(s) => {
            out.push(STR);
            put_text(out, s)?;
        }
        serde_json::Value::Array(items) => {
            out.push(LIST);
            for item in items {
                put_value(out, item)?;
            }
            out.push(END);
        }
        serde_json::Value::Object(o) => {
            out.push(OBJECT);
            for (k, v) in o {
                put_text(out, k)?;
                put_value(out, v)?;
            }
            out.push(END);
        }
    }
    Ok(())
}

fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}
